"""The notice (innkalling) as a Word document, laid out as the secretariat's own.

Real heading styles and real tables, so the file can be edited in Word and
navigated by its headings; an A4 page with Calibri 11 pt.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ..services.notice import NoticeDocument, NoticeItem
from ._text import blocks, is_web_link

FONT = "Calibri"
TEXT_WIDTH_CM = 16.0  # 21.0 cm less two margins of 2.5 cm
HEADING_SIZES = {1: 16, 2: 13, 3: 11}
HEADING_COLOR = RGBColor(0x1F, 0x3A, 0x5F)
HEADER_FILL = "D9D9D9"


def render(doc: NoticeDocument) -> bytes:
    document = Document()
    _page_and_styles(document)
    _properties(document, doc)
    _footer(document, doc)

    document.add_heading(doc.heading, level=1)
    _header_table(document, doc)
    _spacer(document, size=12)
    _agenda_table(document, doc)
    for item in doc.items:
        _item(document, item)

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
    _set_font(normal, FONT, 11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    # Norwegian proofing for the whole text.
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "nb-NO")
    normal.element.get_or_add_rPr().append(lang)

    for level, size in HEADING_SIZES.items():
        style = document.styles[f"Heading {level}"]
        _set_font(style, FONT, size)
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


def _set_font(style, name: str, size: int) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    # The template's theme fonts would win over the named font; drop them.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:cs"), name)


def _properties(document, doc: NoticeDocument) -> None:
    """Only the meeting's reference goes into the metadata, never an item's text."""
    props = document.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = doc.title
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


def _footer(document, doc: NoticeDocument) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    run = paragraph.add_run(f"{doc.title} – side ")
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


def _table(document, rows: int, widths_cm: tuple[float, ...], *, style: str | None) -> Table:
    table = document.add_table(rows=rows, cols=len(widths_cm))
    if style:
        table.style = document.styles[style]
    table.autofit = False
    # Word reads the cells' widths, LibreOffice the grid's: set both.
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    return table


def _fill(cell: _Cell, lines: list[str] | str, *, bold: bool = False) -> None:
    lines = [lines] if isinstance(lines, str) else lines or [""]
    paragraph = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            paragraph = cell.add_paragraph()
        paragraph.style = "Table Text"
        run = paragraph.add_run(line)
        run.bold = bold or None


def _header_row(table: Table, labels: list[str]) -> None:
    row = table.rows[0]
    for cell, label in zip(row.cells, labels, strict=True):
        _fill(cell, label, bold=True)
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)
    # Repeated at the top of each page the table runs over.
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(repeat)


def _keep_rows_whole(table: Table) -> None:
    for row in table.rows:
        cant_split = OxmlElement("w:cantSplit")
        cant_split.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(cant_split)


def _header_table(document, doc: NoticeDocument) -> None:
    entries: list[tuple[str, list[str]]] = [
        ("Møte", [doc.meeting_ref]),
        ("Dato", [doc.date_text]),
        ("Tid", [doc.time_text]),
    ]
    places = [p for p in (doc.location, doc.video_link) if p]
    if places:
        entries.append(("Sted", places))
    if doc.members:
        entries.append(
            ("Medlemmer", [f"{m.name} ({m.organization})" if m.organization else m.name for m in doc.members])
        )
    table = _table(document, len(entries), (3.0, TEXT_WIDTH_CM - 3.0), style=None)
    for row, (label, lines) in zip(table.rows, entries, strict=True):
        _fill(row.cells[0], label, bold=True)
        _fill(row.cells[1], lines)


def _agenda_table(document, doc: NoticeDocument) -> None:
    table = _table(document, len(doc.agenda) + 1, (1.7, 9.2, 2.2, 2.9), style="Table Grid")
    _header_row(table, ["Sak", "Agenda", "Tidspunkt", "Sakstype"])
    for row, entry in zip(table.rows[1:], doc.agenda, strict=True):
        for cell, text in zip(row.cells, (entry.case_number, entry.title, entry.start, entry.item_type), strict=True):
            _fill(cell, text)
    _keep_rows_whole(table)


def _earlier_table(document, item: NoticeItem) -> None:
    table = _table(document, len(item.earlier_handlings) + 1, (4.1, 4.3, 7.6), style="Table Grid")
    _header_row(table, ["Sak", "Tema", "Vedtaksformulering"])
    for row, earlier in zip(table.rows[1:], item.earlier_handlings, strict=True):
        _fill(row.cells[0], earlier.citation)
        _fill(row.cells[1], earlier.topic)
        _fill(row.cells[2], [block.text for block in blocks(earlier.decision)])
    _keep_rows_whole(table)


# --- items -------------------------------------------------------------------------------


def _item(document, item: NoticeItem) -> None:
    document.add_heading(item.heading, level=2)
    meta = []
    if item.item_type:
        meta.append(("Sakstype", item.item_type))
    if item.presenters:
        meta.append(("Fra", ", ".join(item.presenters)))
    if item.case_officers:
        meta.append(("Saksbehandler", ", ".join(item.case_officers)))
    for label, value in meta:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(f"{label}: ").italic = True
        paragraph.add_run(value)
    if meta:
        _spacer(document, size=4)
    if item.exemption:
        document.add_paragraph().add_run(item.exemption).italic = True
    _text(document, item.description)
    for i, attachment in enumerate(item.attachments):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(4 if i == 0 else 0)
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.add_run(f"{attachment.label or 'Vedlegg'}: ")
        if is_web_link(attachment.location):
            _hyperlink(paragraph, attachment.title, attachment.location)
        else:
            paragraph.add_run(attachment.title + (f" ({attachment.location})" if attachment.location else ""))
        if attachment.exempt:
            paragraph.add_run(" (unntatt offentlighet)").italic = True
    if item.proposed_decision:
        label = document.add_paragraph()
        label.paragraph_format.space_before = Pt(8)
        label.paragraph_format.space_after = Pt(2)
        label.paragraph_format.keep_with_next = True
        label.add_run("Forslag til vedtak:").bold = True
        _text(document, item.proposed_decision)
    if item.purpose:
        document.add_heading("Hensikt med saken", level=3)
        _text(document, item.purpose)
    if item.background:
        document.add_heading("Bakgrunn", level=3)
        _text(document, item.background)
    if item.earlier_handlings:
        document.add_heading("Vedtak fra tidligere behandlinger i rådsmodellen", level=3)
        _earlier_table(document, item)


def _text(document, text: str) -> None:
    for block in blocks(text):
        document.add_paragraph(block.text, style="List Bullet" if block.bullet else None)


def _spacer(document, *, size: int = 6) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(size)


def _hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
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
