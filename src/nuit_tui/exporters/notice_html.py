"""The notice (innkalling) as one standalone HTML5 page, printable as it is.

The markup is also well-formed XML (void elements closed, only XML's own
entities), so it can be checked, and read by XML tools, as it is.
"""

from __future__ import annotations

from html import escape

from ..services.notice import NoticeDocument, NoticeItem
from ._text import blocks, is_web_link

CSS = """
@page { size: A4; margin: 2.5cm; }
body { font-family: Calibri, Carlito, "Segoe UI", Arial, sans-serif; font-size: 11pt;
       line-height: 1.35; color: #111; max-width: 16cm; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 0.6em; }
h2 { font-size: 13pt; margin: 1.6em 0 0.3em; break-after: avoid; }
h3 { font-size: 11pt; margin: 1em 0 0.2em; break-after: avoid; }
p { margin: 0 0 0.5em; }
ul { margin: 0 0 0.5em; padding-left: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; }
th, td { text-align: left; vertical-align: top; padding: 0.2em 0.5em; }
table.agenda th, table.agenda td, table.earlier th, table.earlier td { border: 1px solid #777; }
table.agenda th, table.earlier th { background: #eee; }
table.header th { width: 7em; }
tr { break-inside: avoid; }
td.time { white-space: nowrap; }
.type { font-style: italic; }
.label { font-weight: bold; margin-top: 0.8em; }
.exempt { font-style: italic; }
@media print { body { margin: 0; max-width: none; padding: 0; } a { color: inherit; } }
"""


def _text(text: str) -> list[str]:
    html: list[str] = []
    bullets: list[str] = []
    for block in blocks(text):
        if block.bullet:
            bullets.append(f"<li>{escape(block.text)}</li>")
            continue
        if bullets:
            html += ["<ul>", *bullets, "</ul>"]
            bullets = []
        html.append(f"<p>{escape(block.text)}</p>")
    if bullets:
        html += ["<ul>", *bullets, "</ul>"]
    return html


def _row(cells: list[str], *, tag: str = "td", classes: tuple[str, ...] = ()) -> str:
    parts = []
    for i, cell in enumerate(cells):
        css = f' class="{classes[i]}"' if i < len(classes) and classes[i] else ""
        parts.append(f"<{tag}{css}>{escape(cell)}</{tag}>")
    return "<tr>" + "".join(parts) + "</tr>"


def _columns(*percent: int) -> str:
    return "<colgroup>" + "".join(f'<col style="width: {p}%"/>' for p in percent) + "</colgroup>"


def _item(item: NoticeItem) -> list[str]:
    html = ['<section class="item">', f"<h2>{escape(item.heading)}</h2>"]
    if item.item_type:
        html.append(f'<p class="type">Sakstype: {escape(item.item_type)}</p>')
    if item.exemption:
        html.append(f'<p class="exempt">{escape(item.exemption)}</p>')
    if item.presenters:
        html.append(f"<p>Fra: {escape(', '.join(item.presenters))}</p>")
    if item.case_officers:
        html.append(f"<p>Saksbehandler: {escape(', '.join(item.case_officers))}</p>")
    html += _text(item.description)
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
        html += ['<p class="label">Forslag til vedtak:</p>', *_text(item.proposed_decision)]
    if item.purpose:
        html += ["<h3>Hensikt med saken</h3>", *_text(item.purpose)]
    if item.background:
        html += ["<h3>Bakgrunn</h3>", *_text(item.background)]
    if item.earlier_handlings:
        html += [
            "<h3>Vedtak fra tidligere behandlinger i rådsmodellen</h3>",
            '<table class="earlier">',
            _columns(24, 28, 48),
            "<thead>" + _row(["Sak", "Tema", "Vedtaksformulering"], tag="th") + "</thead>",
            "<tbody>",
            *(_row([e.citation, e.topic, e.decision], classes=("time",)) for e in item.earlier_handlings),
            "</tbody>",
            "</table>",
        ]
    return [*html, "</section>"]


def render(doc: NoticeDocument) -> bytes:
    header = [
        '<table class="header">',
        "<tbody>",
        f"<tr><th>Møte</th><td>{escape(doc.meeting_ref)}</td></tr>",
        f"<tr><th>Dato</th><td>{escape(doc.date_text)}</td></tr>",
        f"<tr><th>Tid</th><td>{escape(doc.time_text)}</td></tr>",
    ]
    places = [escape(p) for p in (doc.location, doc.video_link) if p]
    if places:
        header.append(f"<tr><th>Sted</th><td>{'<br/>'.join(places)}</td></tr>")
    if doc.members:
        names = "<br/>".join(
            escape(member.name) + (f" ({escape(member.organization)})" if member.organization else "")
            for member in doc.members
        )
        header.append(f"<tr><th>Medlemmer</th><td>{names}</td></tr>")
    header += ["</tbody>", "</table>"]
    agenda = [
        "<h2>Dagsorden</h2>",
        '<table class="agenda">',
        _columns(11, 57, 14, 18),
        "<thead>" + _row(["Sak", "Agenda", "Tidspunkt", "Sakstype"], tag="th") + "</thead>",
        "<tbody>",
        *(
            _row([row.case_number, row.title, row.start, row.item_type], classes=("time", "", "time"))
            for row in doc.agenda
        ),
        "</tbody>",
        "</table>",
    ]
    body = [f"<h1>{escape(doc.heading)}</h1>", *header, *agenda]
    for item in doc.items:
        body += _item(item)
    page = [
        "<!DOCTYPE html>",
        '<html lang="nb">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{escape(doc.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    return ("\n".join(page) + "\n").encode("utf-8")
