"""The cover note (toppnotat) as a Word document, laid out as the seed's.

The title as Heading 1, the box Til · Dato · Saksnummer · Type and then Fra ·
Saksbehandler as ruled tables with shaded labels, each section under a real
Heading 2 (so Word's navigation, and a PDF made from the file, has them), and the
earlier decisions as a table whose head repeats on every page.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..documents.cover_note import EARLIER, EARLIER_COLUMNS, CoverNoteDocument
from . import _docx
from ._text import blocks

BOX_WIDTHS_CM = (4.2, _docx.TEXT_WIDTH_CM - 4.2)  # «Saksbehandler» on one line, in Word and LibreOffice
EARLIER_WIDTHS_CM = (3.6, 4.6, 7.8)


def render(doc: CoverNoteDocument) -> bytes:
    return _docx.to_bytes(build(doc))


def build(doc: CoverNoteDocument):
    """The Word document (python-docx's), before it is written: the PDF lays it out as it is."""
    document = _docx.new_document(doc.document_title)
    document.add_heading(doc.heading, level=1)
    _box(document, doc.box)
    if doc.people:
        _docx.spacer(document, size=4)
        _box(document, doc.people)
    if doc.exemption:
        _docx.spacer(document, size=4)
        document.add_paragraph().add_run(doc.exemption).italic = True
    for section in doc.sections:
        document.add_heading(section.heading, level=2)
        _docx.text(document, section.text, hang_numbers=True)
    if doc.has_earlier_section:
        document.add_heading(EARLIER, level=2)
        _docx.text(document, doc.earlier_intro)
        if doc.earlier:
            rows = [(e.citation, e.topic, [block.text for block in blocks(e.decision)]) for e in doc.earlier]
            _docx.grid_table(document, EARLIER_COLUMNS, rows, EARLIER_WIDTHS_CM)
        elif doc.earlier_in_place_of_rows:
            document.add_paragraph(doc.earlier_in_place_of_rows)
    return document


def _box(document, entries: Sequence[tuple[str, str]]) -> None:
    """A ruled «label | value» table, its labels bold on grey, as the seed's box."""
    table = _docx.table(document, len(entries), BOX_WIDTHS_CM, style="Table Grid")
    for row, (label, value) in zip(table.rows, entries, strict=True):
        _docx.fill(row.cells[0], label, bold=True)
        _docx.fill(row.cells[1], value)
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), _docx.HEADER_FILL)
        row.cells[0]._tc.get_or_add_tcPr().append(shading)
    _docx.keep_rows_whole(table)
