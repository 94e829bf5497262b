"""What every Word document of nuit-tui shares: the A4 page, the styles, the
metadata, the footer, the tables and the way free text becomes paragraphs.

Real heading styles and real tables, so a file can be edited in Word and
navigated by its headings; Calibri 11 pt.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ._text import blocks

FONT = "Calibri"
TEXT_WIDTH_CM = 16.0  # 21.0 cm less two margins of 2.5 cm
LABEL_WIDTH_CM = 3.0  # the label column of a header block
HEADING_SIZES = {1: 16, 2: 13, 3: 11}
HEADING_COLOR = RGBColor(0x1F, 0x3A, 0x5F)
HEADER_FILL = "D9D9D9"

Cell = str | Sequence[str]  # one line, or one paragraph per line


def new_document(title: str):
    """An empty A4 document with our styles, metadata and a page-numbered footer.

    `title` goes into the metadata and the footer: it must hold no item text.
    """
    document = Document()
    _page_and_styles(document)
    _properties(document, title)
    _footer(document, title)
    return document


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- page, styles, metadata --------------------------------------------------------------


def _page_and_styles(document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.header_distance = section.footer_distance = Cm(1.25)

    normal = document.styles["Normal"]
    set_font(normal, FONT, 11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    # Norwegian proofing for the whole text.
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "nb-NO")
    normal.element.get_or_add_rPr().append(lang)

    for level, size in HEADING_SIZES.items():
        style = document.styles[f"Heading {level}"]
        set_font(style, FONT, size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = HEADING_COLOR
        style.paragraph_format.space_before = Pt(18 if level < 3 else 10)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True

    bullet = document.styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(2)

    if "Table Text" not in [s.name for s in document.styles]:
        cell = document.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = normal
        cell.paragraph_format.space_before = Pt(1)
        cell.paragraph_format.space_after = Pt(2)
        cell.paragraph_format.line_spacing = 1.0


def set_font(style, name: str, size: int) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    # The template's theme fonts would win over the named font; drop them.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:cs"), name)


def _properties(document, title: str) -> None:
    """Only the meeting's reference goes into the metadata, never an item's text."""
    props = document.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = title
    props.author = props.last_modified_by = "nuit-tui"
    props.subject = props.keywords = props.category = props.comments = ""
    props.language = "nb-NO"
    props.created = props.modified = now
    props.revision = 1
    # The template's thumbnail shows some other document; leave it out.
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[rel_id]


def _footer(document, title: str) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    run = paragraph.add_run(f"{title} – side ")
    run.font.size = Pt(9)
    _page_field(paragraph)


def _page_field(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "18")
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# --- tables ------------------------------------------------------------------------------


def table(document, rows: int, widths_cm: tuple[float, ...], *, style: str | None) -> Table:
    result = document.add_table(rows=rows, cols=len(widths_cm))
    if style:
        result.style = document.styles[style]
    result.autofit = False
    # Word reads the cells' widths, LibreOffice the grid's: set both.
    for column, width in zip(result.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in result.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    return result


def fill(cell: _Cell, lines: Cell, *, bold: bool = False) -> None:
    lines = [lines] if isinstance(lines, str) else list(lines) or [""]
    paragraph = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            paragraph = cell.add_paragraph()
        paragraph.style = "Table Text"
        run = paragraph.add_run(line)
        run.bold = bold or None


def header_row(table: Table, labels: Sequence[str]) -> None:
    row = table.rows[0]
    for cell, label in zip(row.cells, labels, strict=True):
        fill(cell, label, bold=True)
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)
    # Repeated at the top of each page the table runs over.
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(repeat)


def keep_rows_whole(table: Table) -> None:
    for row in table.rows:
        cant_split = OxmlElement("w:cantSplit")
        cant_split.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(cant_split)


def label_table(
    document, entries: Sequence[tuple[str, Cell]], *, label_width_cm: float = LABEL_WIDTH_CM
) -> Table:
    """A borderless block of "label | lines" rows: a document's head, the attendance."""
    result = table(document, len(entries), (label_width_cm, TEXT_WIDTH_CM - label_width_cm), style=None)
    for row, (label, lines) in zip(result.rows, entries, strict=True):
        fill(row.cells[0], label, bold=True)
        fill(row.cells[1], lines)
    return result


def grid_table(
    document, labels: Sequence[str], rows: Sequence[Sequence[Cell]], widths_cm: tuple[float, ...]
) -> Table:
    """A ruled table with a shaded header row that repeats on every page."""
    result = table(document, len(rows) + 1, widths_cm, style="Table Grid")
    header_row(result, labels)
    for row, cells in zip(result.rows[1:], rows, strict=True):
        for cell, lines in zip(row.cells, cells, strict=True):
            fill(cell, lines)
    keep_rows_whole(result)
    return result


# --- text --------------------------------------------------------------------------------


_NUMBERED = re.compile(r"^(\d{1,3}[.)])\s+")
HANG_CM = 0.63  # the indent of a numbered point's text, as Word's own lists have it


def text(document, value: str, *, hang_numbers: bool = False) -> None:
    """Free text as paragraphs, its "- " lines as bullets. With `hang_numbers` a
    point typed "1. ..." keeps its number as written, its lines hanging after it."""
    for block in blocks(value):
        numbered = _NUMBERED.match(block.text) if hang_numbers and not block.bullet else None
        if numbered is None:
            document.add_paragraph(block.text, style="List Bullet" if block.bullet else None)
            continue
        # A tab to the hanging indent lines the first line up with the ones below.
        paragraph = document.add_paragraph(f"{numbered[1]}\t{block.text[numbered.end():]}")
        paragraph.paragraph_format.left_indent = Cm(HANG_CM)
        paragraph.paragraph_format.first_line_indent = Cm(-HANG_CM)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(HANG_CM))


def lead_in(document, label: str) -> Paragraph:
    """A bold line such as "Vedtak:" that stays with the text below it."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(8)
    paragraph.paragraph_format.space_after = Pt(2)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run(label).bold = True
    return paragraph


def spacer(document, *, size: int = 6) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(size)


def hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """A clickable link (python-docx has no API for one)."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.extend([color, underline])
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    link.append(run)
    paragraph._p.append(link)
