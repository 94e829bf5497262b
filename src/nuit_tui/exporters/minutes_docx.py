"""The minutes (referat) as a Word document, laid out as the secretariat's own:
the head and the attendance as two label columns, the item table, then each item.

Page, styles and tables come from `_docx`, shared with the notice.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..documents.minutes import DECISION_LEAD, FOLLOW_UPS_LEAD, REMARKS_LEAD, MinutesDocument, MinutesItem
from . import _docx

# Wide enough for "Direktoratet for e-helse" on one line (else Word breaks it at "e-").
LABEL_WIDTH_CM = 4.4


def render(doc: MinutesDocument) -> bytes:
    return _docx.to_bytes(build(doc))


def build(doc: MinutesDocument):
    """The Word document (python-docx's), before it is written: the PDF lays it out as it is."""
    document = _docx.new_document(doc.paper)
    document.add_heading(doc.heading, level=1)
    _docx.label_table(document, [(label, value) for label, value in doc.header], label_width_cm=LABEL_WIDTH_CM)
    if doc.attendance:
        _docx.spacer(document, size=8)
        _docx.label_table(
            document, [(group.label, group.lines) for group in doc.attendance], label_width_cm=LABEL_WIDTH_CM
        )
    document.add_heading("Saksliste", level=2)
    _docx.grid_table(
        document,
        ["Sak", "Tema", "Sakstype"],
        [(item.case_number, item.title, item.item_type) for item in doc.items],
        (1.7, 11.4, 2.9),
    )
    for item in doc.items:
        _item(document, item)
    return document


def _item(document, item: MinutesItem) -> None:
    document.add_heading(item.heading, level=2)
    if item.exemption:
        document.add_paragraph().add_run(item.exemption).italic = True
    _docx.text(document, item.narrative)
    if item.remarks:
        lead = document.add_paragraph(REMARKS_LEAD)
        lead.paragraph_format.space_before = Pt(4)
        lead.paragraph_format.keep_with_next = True
        for remark in item.remarks:
            _remark(document, remark)
    _docx.text(document, item.narrative_after)
    if item.decision:
        _docx.lead_in(document, DECISION_LEAD)
        _docx.text(document, item.decision, hang_numbers=True)
    if item.outcome:
        document.add_paragraph(item.outcome)
    if item.follow_ups:
        _docx.lead_in(document, FOLLOW_UPS_LEAD)
        for follow_up in item.follow_ups:
            _remark(document, follow_up)


def _remark(document, remark: str) -> None:
    """A bullet with a little air below: a remark is often a paragraph long. The list
    style's contextual spacing would swallow that air, so it is switched off here."""
    paragraph = document.add_paragraph(remark, style="List Bullet")
    paragraph.paragraph_format.space_after = Pt(5)
    contextual = OxmlElement("w:contextualSpacing")
    contextual.set(qn("w:val"), "0")
    paragraph._p.get_or_add_pPr().append(contextual)
