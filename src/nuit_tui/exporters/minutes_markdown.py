"""The minutes (referat) as Markdown (GitHub flavour: attendance and items are pipe tables)."""

from __future__ import annotations

from ..documents.minutes import DECISION_LEAD, FOLLOW_UPS_LEAD, REMARKS_LEAD, MinutesDocument, MinutesItem
from ._markdown import escape, escape_line, fields, table, text


def _attendance(doc: MinutesDocument) -> list[str]:
    # One table row per line, the label on the first: the seed's two columns.
    rows = [(group.label if i == 0 else "", line) for group in doc.attendance for i, line in enumerate(group.lines)]
    return table(["", ""], rows) if rows else []  # no heading of its own, as in Word and HTML


def _item(item: MinutesItem) -> list[str]:
    lines = ["", f"## {escape(item.heading)}"]
    if item.exemption:
        lines += ["", f"*{escape(item.exemption)}*"]
    if item.narrative:
        lines += ["", *text(item.narrative)]
    if item.remarks:
        lines += ["", escape_line(REMARKS_LEAD), ""]
        lines += [f"- {escape(remark)}" for remark in item.remarks]
    if item.narrative_after:
        lines += ["", *text(item.narrative_after)]
    if item.decision:
        lines += ["", f"**{DECISION_LEAD}**", "", *text(item.decision)]
    if item.outcome:
        lines += ["", escape_line(item.outcome)]
    if item.follow_ups:
        lines += ["", f"**{FOLLOW_UPS_LEAD}**", ""]
        lines += [f"- {escape(follow_up)}" for follow_up in item.follow_ups]
    return lines


def render(doc: MinutesDocument) -> bytes:
    lines = [f"# {escape(doc.heading)}", "", *fields([(label, escape(value)) for label, value in doc.header])]
    attendance = _attendance(doc)
    if attendance:
        lines += ["", *attendance]
    lines += ["", "## Saksliste", ""]
    lines += table(["Sak", "Tema", "Sakstype"], [(i.case_number, i.title, i.item_type) for i in doc.items])
    for item in doc.items:
        lines += _item(item)
    return ("\n".join(lines) + "\n").encode("utf-8")
