"""The cover note (toppnotat) as Markdown (GitHub flavour: the earlier decisions are a pipe table)."""

from __future__ import annotations

from ..documents.cover_note import EARLIER, EARLIER_COLUMNS, CoverNoteDocument
from ._markdown import escape, fields, table, text


def render(doc: CoverNoteDocument) -> bytes:
    lines = [f"# {escape(doc.heading)}", "", *fields([(label, escape(value)) for label, value in doc.box])]
    if doc.people:
        lines += ["", *fields([(label, escape(value)) for label, value in doc.people])]
    if doc.exemption:
        lines += ["", f"*{escape(doc.exemption)}*"]
    for section in doc.sections:
        lines += ["", f"## {escape(section.heading)}"]
        if section.text:
            lines += ["", *text(section.text)]
    if doc.has_earlier_section:
        lines += ["", f"## {EARLIER}"]
        if doc.earlier_intro:
            lines += ["", *text(doc.earlier_intro)]
        if doc.earlier:
            lines += ["", *table(EARLIER_COLUMNS, [(e.citation, e.topic, e.decision) for e in doc.earlier])]
        elif doc.earlier_in_place_of_rows:
            lines += ["", escape(doc.earlier_in_place_of_rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")
