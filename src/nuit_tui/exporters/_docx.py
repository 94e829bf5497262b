"""What every Word document of nuit-tui shares: the A4 page, the styles, the
metadata, the footer, the tables and the way free text becomes paragraphs.

Real heading styles and real tables, so a file can be edited in Word and
navigated by its headings; Calibri 11 pt.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import re
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from ..documents.paper import Paper
from ..domain.norwegian import MONTHS
from ._text import blocks

FONT = "Calibri"
TEXT_WIDTH_CM = 16.0  # 21.0 cm less two margins of 2.5 cm
LABEL_WIDTH_CM = 3.0  # the label column of a header block
HEADING_SIZES = {1: 16, 2: 13, 3: 11}
HEADING_COLOR = RGBColor(0x1F, 0x3A, 0x5F)
HEADER_FILL = "D9D9D9"
MARK_COLOR = RGBColor(0xA0, 0x1C, 0x1C)  # the header marks: a dark red that prints well in grey too

Cell = str | Sequence[str]  # one line, or one paragraph per line


def new_document(paper: Paper | str):
    """An empty A4 document with our styles, metadata, header marks and «Side x av y» footer.

    Built on the body's Word template when the registry was given one (`template`): its
    styles, page, header and footer are kept and its body emptied; else on python-docx's
    own, restyled here. The paper's title goes into the metadata and the footer: it must
    hold no item text. A plain title stands for a paper without author or marks.
    """
    paper = paper if isinstance(paper, Paper) else Paper(paper, "", "")
    data = _TEMPLATE.get()
    prepared, style_ids = _prepared(data)
    document = copy.deepcopy(prepared)
    _remember_style_ids(document.part, style_ids)
    _properties(document, paper)
    _header_marks(document, paper.header_text)
    _page_numbers(document, paper.title, own_footer=data is None)
    return document


StyleIds = dict[tuple[object, object], "str | None"]
# template (None: python-docx's own) -> its empty, restyled document and the style ids found in it
_PREPARED: dict[bytes | None, tuple[Any, StyleIds]] = {}


def _prepared(template: bytes | None) -> tuple[Any, StyleIds]:
    """The empty document every new one is a copy of, made once per template and process:
    copying it takes a third of reading the template and restyling it again (a package has
    a dozen cover notes). It is never handed out, only copied. Its copies share the ids of
    their styles: no renderer adds a style after `_own_styles`."""
    if template not in _PREPARED:
        if template is None:
            document = Document()
            _page_and_styles(document)
        else:
            document = Document(io.BytesIO(template))
            _empty_body(document)
        _own_styles(document)
        if len(_PREPARED) >= 4:  # a few bodies' templates; more is one more reading
            _PREPARED.clear()
        _PREPARED[template] = document, {}
    return _PREPARED[template]


def _remember_style_ids(part, found: StyleIds) -> None:
    """python-docx finds a style's id with a walk over all the styles, and another for the
    type's default, each time a paragraph, heading or table is styled: a third of a cover
    note's making. The styles are all in place once `new_document` has added ours, so an
    id found is remembered for every document of the same template (`found`)."""
    find = part.get_style_id

    def get_style_id(style_or_name, style_type):
        key = (style_or_name if style_or_name is None or isinstance(style_or_name, str) else ("style", style_or_name.style_id), style_type)
        if key not in found:
            found[key] = find(style_or_name, style_type)
        return found[key]

    setattr(part, "get_style_id", get_style_id)  # noqa: B010 - this document's lookup


_TEMPLATE: ContextVar[bytes | None] = ContextVar("nuit_docx_template", default=None)


@contextlib.contextmanager
def template(data: bytes | None) -> Iterator[None]:
    """Word documents made inside are built on this .docx (a body's letterhead template).
    A context, not an argument, so that every renderer's `new_document` takes it alike."""
    token = _TEMPLATE.set(data)
    try:
        yield
    finally:
        _TEMPLATE.reset(token)


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- page, styles, metadata --------------------------------------------------------------


def _empty_body(document) -> None:
    """The template's own text goes; its last section (page, header, footer) stays."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _own_styles(document) -> None:
    """The styles our renderers name, added where a template lacks them (copied from
    python-docx's own; a copied list style loses its numbering, which the template's
    numbering part may not have)."""
    have = {style.name for style in document.styles}
    stock = None
    for name in ("Heading 1", "Heading 2", "Heading 3", "List Bullet", "Table Grid"):
        if name in have:
            continue
        stock = stock or Document()
        element = copy.deepcopy(stock.styles[name].element)
        for numbering in element.iter(qn("w:numPr")):
            numbering.getparent().remove(numbering)
        document.styles.element.append(element)
    if "Table Text" not in have:
        cell = document.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = document.styles["Normal"]
        cell.paragraph_format.space_before = Pt(1)
        cell.paragraph_format.space_after = Pt(2)
        cell.paragraph_format.line_spacing = 1.0


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


def set_font(style, name: str, size: int) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    # The template's theme fonts would win over the named font; drop them.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:cs"), name)


# What a template (or python-docx's own) says about the program and the file it came from:
# «Microsoft Macintosh Word», «Normal.dotm», and counts of some other text.
_STOCK_APP_FIELDS = (
    "Template", "TotalTime", "Pages", "Words", "Characters", "Application", "Lines", "Paragraphs",
    "CharactersWithSpaces", "AppVersion", "HeadingPairs", "TitlesOfParts",
)


def _properties(document, paper: Paper) -> None:
    """Only the meeting's reference and the body go into the metadata, never an item's text."""
    props = document.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = _property(paper.title)
    props.subject = _property(paper.subject)
    props.author = props.last_modified_by = _property(paper.author)
    props.keywords = props.category = props.comments = props.content_status = ""
    props.language = "nb-NO"
    props.created = props.modified = now
    props.revision = 1
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:  # the template's thumbnail shows another document
            del package.rels[rel_id]
        elif rel.reltype == RELATIONSHIP_TYPE.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = _without_stock_fields(rel.target_part.blob)


def _property(text: str) -> str:
    """A core property holds at most 255 characters (python-docx refuses more): a long
    body name is cut, marked with «…»."""
    return text if len(text) <= 255 else text[:254] + "…"


def _without_stock_fields(app_xml: bytes) -> bytes:
    root = etree.fromstring(app_xml)
    for child in list(root):
        if etree.QName(child).localname in _STOCK_APP_FIELDS:
            root.remove(child)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _headers_and_footers(document, kind: str) -> Iterator:
    """Every header (or footer) a page of the document can show: each section's default,
    and its first-page one when the template has a different first page."""
    for section in document.sections:
        yield getattr(section, kind)
        if section.different_first_page_header_footer:
            yield getattr(section, f"first_page_{kind}")


def _header_marks(document, text: str) -> None:
    """«UTKAST», «Offentlig versjon», «Unntatt offentlighet, offl. § 14» at the top of every page,
    below a template's letterhead."""
    if not text:
        return
    for header in _headers_and_footers(document, "header"):
        paragraph = header.paragraphs[0] if _blank(header) else header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(9)
        run.font.color.rgb = MARK_COLOR


def _blank(part) -> bool:
    paragraphs = part.paragraphs
    return len(paragraphs) == 1 and not paragraphs[0].text and not part._element.xpath(".//w:drawing | .//w:tbl")


def _page_numbers(document, title: str, *, own_footer: bool) -> None:
    """«Side x av y» (PAGE and NUMPAGES fields) in every footer that has no page number yet;
    our own footer has the title on its left."""
    for footer in _headers_and_footers(document, "footer"):
        if footer._element.xpath(".//w:fldSimple[contains(@w:instr, 'PAGE')] | .//w:instrText[contains(., 'PAGE')]"):
            continue  # the template numbers its pages itself
        paragraph = footer.paragraphs[0] if _blank(footer) else footer.add_paragraph()
        if own_footer and title:
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
            _small(paragraph.add_run(f"{title}\t"))
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _small(paragraph.add_run("Side "))
        _field(paragraph, "PAGE")
        _small(paragraph.add_run(" av "))
        _field(paragraph, "NUMPAGES")


def _small(run) -> None:
    run.font.size = Pt(9)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A simple field (PAGE, NUMPAGES) Word and LibreOffice fill in when they lay out the pages."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
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


# "15. mars 2023 overtok …" opens with a date, not a point numbered 15.
_NUMBERED = re.compile(rf"^(\d{{1,3}}[.)])\s+(?!\s|(?:{'|'.join(MONTHS)})\b)", re.IGNORECASE)
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
