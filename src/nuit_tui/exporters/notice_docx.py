"""The notice (innkalling) as a Word document, laid out as the secretariat's own.

Page, styles and tables come from `_docx`, shared with the minutes.
"""

from __future__ import annotations

from docx.shared import Pt

from ..documents.notice import NoticeDocument, NoticeItem
from . import _docx
from ._text import is_web_link


def render(doc: NoticeDocument) -> bytes:
    return _docx.to_bytes(build(doc))


def build(doc: NoticeDocument):
    """The Word document (python-docx's), before it is written: the PDF lays it out as it is."""
    document = _docx.new_document(doc.paper)
    document.add_heading(doc.heading, level=1)
    _header_table(document, doc)
    document.add_heading("Dagsorden", level=2)
    _agenda_table(document, doc)
    if doc.follow_ups:
        document.add_heading("Oppfølging fra tidligere møter", level=2)
        rows = [(f.citation, f.description, f.responsible, f.due) for f in doc.follow_ups]
        _docx.grid_table(document, ["Sak", "Oppfølging", "Ansvarlig", "Frist"], rows, (3.6, 7.2, 3.2, 2.0))
    for item in doc.items:
        _item(document, item)
    return document


# --- tables ------------------------------------------------------------------------------


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
    _docx.label_table(document, entries)


def _agenda_table(document, doc: NoticeDocument) -> None:
    rows = [(entry.case_number, entry.title, entry.start, entry.item_type) for entry in doc.agenda]
    _docx.grid_table(document, ["Sak", "Agenda", "Tidspunkt", "Sakstype"], rows, (1.7, 9.2, 2.2, 2.9))


# --- items -------------------------------------------------------------------------------


def _item(document, item: NoticeItem) -> None:
    document.add_heading(item.heading, level=2)
    if item.item_type:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run("Sakstype: ").italic = True
        paragraph.add_run(item.item_type)
        _docx.spacer(document, size=4)
    if item.exemption:
        document.add_paragraph().add_run(item.exemption).italic = True
    _docx.text(document, item.description)
    for i, attachment in enumerate(item.attachments):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(4 if i == 0 else 0)
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.add_run(f"{attachment.label or 'Vedlegg'}: ")
        if is_web_link(attachment.location):
            _docx.hyperlink(paragraph, attachment.title, attachment.location)
        else:
            paragraph.add_run(attachment.title + (f" ({attachment.location})" if attachment.location else ""))
        if attachment.exempt:
            paragraph.add_run(" (unntatt offentlighet)").italic = True
    if item.proposed_decision:
        _docx.lead_in(document, "Forslag til vedtak:")
        _docx.text(document, item.proposed_decision)
