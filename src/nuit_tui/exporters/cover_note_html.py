"""The cover note (toppnotat) as one standalone HTML5 page, printable as it is."""

from __future__ import annotations

from ..documents.cover_note import EARLIER, EARLIER_COLUMNS, CoverNoteDocument
from . import _html
from ._html import escape

CSS = _html.stylesheet(("box", "earlier"))


def render(doc: CoverNoteDocument) -> bytes:
    body = [f"<h1>{escape(doc.heading)}</h1>", *_html.label_table("box", [(label, [value]) for label, value in doc.box])]
    if doc.people:
        body += _html.label_table("box", [(label, [value]) for label, value in doc.people])
    if doc.exemption:
        body.append(f'<p class="exempt">{escape(doc.exemption)}</p>')
    for section in doc.sections:
        body += [f"<h2>{escape(section.heading)}</h2>", *_html.text(section.text)]
    if doc.has_earlier_section:
        body += [f"<h2>{escape(EARLIER)}</h2>", *_html.text(doc.earlier_intro)]
        if doc.earlier:
            body += _html.grid_table(
                "earlier", EARLIER_COLUMNS, [(e.citation, e.topic, e.decision) for e in doc.earlier], (24, 28, 48),
                classes=("time",),
            )
        elif doc.earlier_in_place_of_rows:
            body.append(f"<p>{escape(doc.earlier_in_place_of_rows)}</p>")
    return _html.page(doc.document_title, CSS, body)
