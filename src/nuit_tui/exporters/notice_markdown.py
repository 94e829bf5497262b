"""The notice (innkalling) as Markdown (GitHub flavour: the agenda is a pipe table)."""

from __future__ import annotations

import re

from ..services.notice import NoticeDocument, NoticeItem
from ._text import blocks, is_web_link

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def escape(text: str) -> str:
    """Archive text shown literally: no emphasis, links or raw HTML from what was typed."""
    return _SPECIAL.sub(r"\\\1", text)


def escape_line(text: str) -> str:
    """`escape`, and also what a line may not start with: "#", "+", "-" or "=" would
    start a heading, a list or a rule, and "15." an ordered list (numbered points
    are kept as written, as in Word)."""
    text = re.sub(r"^([#+=-])", r"\\\1", escape(text))
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)


def _cell(text: str) -> str:
    return escape(" ".join(text.split()))


def _text(text: str) -> list[str]:
    """Paragraphs separated by blank lines; bullets of one list kept together."""
    lines: list[str] = []
    previous_bullet = False
    for block in blocks(text):
        if lines and not (block.bullet and previous_bullet):
            lines.append("")
        lines.append(f"- {escape(block.text)}" if block.bullet else escape_line(block.text))
        previous_bullet = block.bullet
    return lines


def _section(heading: str, text: str) -> list[str]:
    return ["", f"### {heading}", "", *_text(text)]


def _item(item: NoticeItem) -> list[str]:
    lines = ["", f"## {escape(item.heading)}", ""]
    if item.item_type:
        lines.append(f"*Sakstype: {escape(item.item_type)}*")
    if item.exemption:
        lines += ["", f"*{escape(item.exemption)}*"]
    if item.presenters:
        lines += ["", f"Fra: {escape(', '.join(item.presenters))}"]
    if item.case_officers:
        lines += ["", f"Saksbehandler: {escape(', '.join(item.case_officers))}"]
    if item.description:
        lines += ["", *_text(item.description)]
    if item.attachments:
        # Lines of one paragraph (hard breaks), so they never join a list above them.
        lines.append("")
        for attachment in item.attachments:
            title = escape(attachment.title)
            if is_web_link(attachment.location):
                title = f"[{title}](<{attachment.location.replace('>', '%3E')}>)"
            elif attachment.location:
                title = f"{title} ({escape(attachment.location)})"
            exempt = " *(unntatt offentlighet)*" if attachment.exempt else ""
            lines.append(f"{escape_line(attachment.label or 'Vedlegg')}: {title}{exempt}  ")
        lines[-1] = lines[-1].rstrip()
    if item.proposed_decision:
        lines += ["", "**Forslag til vedtak:**", "", *_text(item.proposed_decision)]
    if item.purpose:
        lines += _section("Hensikt med saken", item.purpose)
    if item.background:
        lines += _section("Bakgrunn", item.background)
    if item.earlier_handlings:
        lines += ["", "### Vedtak fra tidligere behandlinger i rådsmodellen", ""]
        lines += ["| Sak | Tema | Vedtaksformulering |", "|---|---|---|"]
        lines += [f"| {_cell(e.citation)} | {_cell(e.topic)} | {_cell(e.decision)} |" for e in item.earlier_handlings]
    return lines


def render(doc: NoticeDocument) -> bytes:
    lines = [
        f"# {escape(doc.heading)}",
        "",
        f"**Møte:** {escape(doc.meeting_ref)}  ",
        f"**Dato:** {escape(doc.date_text)}  ",
        f"**Tid:** {escape(doc.time_text)}",
    ]
    places = [escape(p) for p in (doc.location, doc.video_link) if p]
    if places:
        lines[-1] += "  "
        lines.append(f"**Sted:** {', '.join(places)}")
    if doc.members:
        lines += ["", "**Medlemmer:**", ""]
        lines += [f"- {escape(member.name)}" + (f" ({escape(member.organization)})" if member.organization else "") for member in doc.members]
    lines += ["", "## Dagsorden", "", "| Sak | Agenda | Tidspunkt | Sakstype |", "|---|---|---|---|"]
    lines += [
        f"| {_cell(row.case_number)} | {_cell(row.title)} | {_cell(row.start)} | {_cell(row.item_type)} |"
        for row in doc.agenda
    ]
    for item in doc.items:
        lines += _item(item)
    return ("\n".join(lines) + "\n").encode("utf-8")
