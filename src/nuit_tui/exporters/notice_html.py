"""The notice (innkalling) as one standalone HTML5 page, printable as it is.

The skeleton, stylesheet and tables come from `_html`, shared with the minutes.
"""

from __future__ import annotations

from ..documents.notice import NoticeDocument, NoticeItem
from . import _html
from ._html import escape
from ._text import is_web_link

CSS = _html.stylesheet(("agenda", "followups"))


def _item(item: NoticeItem) -> list[str]:
    html = ['<section class="item">', f"<h2>{escape(item.heading)}</h2>"]
    if item.item_type:
        html.append(f'<p class="type">Sakstype: {escape(item.item_type)}</p>')
    if item.exemption:
        html.append(f'<p class="exempt">{escape(item.exemption)}</p>')
    html += _html.text(item.description)
    if item.attachments:
        html.append('<ul class="attachments">')
        for attachment in item.attachments:
            title = escape(attachment.title)
            if is_web_link(attachment.location):
                title = f'<a href="{escape(attachment.location)}">{title}</a>'
            elif attachment.location:
                title += f" ({escape(attachment.location)})"
            exempt = ' <span class="exempt">(unntatt offentlighet)</span>' if attachment.exempt else ""
            html.append(f"<li>{escape(attachment.label or 'Vedlegg')}: {title}{exempt}</li>")
        html.append("</ul>")
    if item.proposed_decision:
        html += ['<p class="label">Forslag til vedtak:</p>', *_html.text(item.proposed_decision)]
    return [*html, "</section>"]


def render(doc: NoticeDocument) -> bytes:
    entries = [("Møte", [doc.meeting_ref]), ("Dato", [doc.date_text]), ("Tid", [doc.time_text])]
    places = [p for p in (doc.location, doc.video_link) if p]
    if places:
        entries.append(("Sted", places))
    if doc.members:
        entries.append(
            ("Medlemmer", [f"{m.name} ({m.organization})" if m.organization else m.name for m in doc.members])
        )
    agenda = _html.grid_table(
        "agenda",
        ["Sak", "Agenda", "Tidspunkt", "Sakstype"],
        [(row.case_number, row.title, row.start, row.item_type) for row in doc.agenda],
        (11, 57, 14, 18),
        classes=("time", "", "time"),
    )
    body = [f"<h1>{escape(doc.heading)}</h1>", *_html.label_table("header", entries), "<h2>Dagsorden</h2>", *agenda]
    if doc.follow_ups:
        body += [
            "<h2>Oppfølging fra tidligere møter</h2>",
            *_html.grid_table(
                "followups",
                ["Sak", "Oppfølging", "Ansvarlig", "Frist"],
                [(f.citation, f.description, f.responsible, f.due) for f in doc.follow_ups],
                (22, 48, 18, 12),
                classes=("time", "", "", "time"),
            ),
        ]
    for item in doc.items:
        body += _item(item)
    return _html.page(doc.title, CSS, body)
