"""The minutes (referat) as one standalone HTML5 page, printable as it is."""

from __future__ import annotations

from ..documents.minutes import DECISION_LEAD, FOLLOW_UPS_LEAD, REMARKS_LEAD, MinutesDocument, MinutesItem
from . import _html
from ._html import escape

CSS = _html.stylesheet(
    ("items",),
    # One label column for the head and the attendance, so they read as one block.
    "table.header th, table.attendance th { width: 10em; }\n",
)


def _item(item: MinutesItem) -> list[str]:
    html = ['<section class="item">', f"<h2>{escape(item.heading)}</h2>"]
    if item.exemption:
        html.append(f'<p class="exempt">{escape(item.exemption)}</p>')
    html += _html.text(item.narrative)
    if item.remarks:
        html += [f"<p>{escape(REMARKS_LEAD)}</p>", '<ul class="remarks">']
        html += [f"<li>{escape(remark)}</li>" for remark in item.remarks]
        html.append("</ul>")
    html += _html.text(item.narrative_after)
    if item.decision:
        html += [f'<p class="label">{escape(DECISION_LEAD)}</p>', *_html.text(item.decision)]
    if item.outcome:
        html.append(f"<p>{escape(item.outcome)}</p>")
    if item.follow_ups:
        html += [f'<p class="label">{escape(FOLLOW_UPS_LEAD)}</p>', '<ul class="follow-ups">']
        html += [f"<li>{escape(follow_up)}</li>" for follow_up in item.follow_ups]
        html.append("</ul>")
    return [*html, "</section>"]


def render(doc: MinutesDocument) -> bytes:
    body = [
        f"<h1>{escape(doc.heading)}</h1>",
        *_html.label_table("header", [(label, [value]) for label, value in doc.header]),
    ]
    if doc.attendance:
        body += _html.label_table("attendance", [(group.label, group.lines) for group in doc.attendance])
    body += [
        "<h2>Saksliste</h2>",
        *_html.grid_table(
            "items",
            ["Sak", "Tema", "Sakstype"],
            [(item.case_number, item.title, item.item_type) for item in doc.items],
            (11, 71, 18),
            classes=("time",),
        ),
    ]
    for item in doc.items:
        body += _item(item)
    return _html.page(doc.title, CSS, body)
