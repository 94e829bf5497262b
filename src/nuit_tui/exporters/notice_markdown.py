"""The notice (innkalling) as Markdown (GitHub flavour: the agenda is a pipe table)."""

from __future__ import annotations

from ..documents.notice import NoticeDocument, NoticeItem
from ._markdown import escape, escape_line, fields, link_destination, table, text
from ._text import is_web_link


def _item(item: NoticeItem) -> list[str]:
    lines = ["", f"## {escape(item.heading)}", ""]
    if item.item_type:
        lines.append(f"*Sakstype: {escape(item.item_type)}*")
    if item.exemption:
        lines += ["", f"*{escape(item.exemption)}*"]
    if item.description:
        lines += ["", *text(item.description)]
    if item.attachments:
        # Lines of one paragraph (hard breaks), so they never join a list above them.
        lines.append("")
        for attachment in item.attachments:
            title = escape(attachment.title)
            if is_web_link(attachment.location):
                title = f"[{title}]({link_destination(attachment.location)})"
            elif attachment.location:
                title = f"{title} ({escape(attachment.location)})"
            exempt = " *(unntatt offentlighet)*" if attachment.exempt else ""
            lines.append(f"{escape_line(attachment.label or 'Vedlegg')}: {title}{exempt}  ")
        lines[-1] = lines[-1].rstrip()
    if item.proposed_decision:
        lines += ["", "**Forslag til vedtak:**", "", *text(item.proposed_decision)]
    return lines


def render(doc: NoticeDocument) -> bytes:
    entries = [("Møte", escape(doc.meeting_ref)), ("Dato", escape(doc.date_text)), ("Tid", escape(doc.time_text))]
    places = [escape(p) for p in (doc.location, doc.video_link) if p]
    if places:
        entries.append(("Sted", ", ".join(places)))
    lines = [f"# {escape(doc.heading)}", "", *fields(entries)]
    if doc.members:
        lines += ["", "**Medlemmer:**", ""]
        lines += [f"- {escape(member.name)}" + (f" ({escape(member.organization)})" if member.organization else "") for member in doc.members]
    lines += ["", "## Dagsorden", ""]
    lines += table(
        ["Sak", "Agenda", "Tidspunkt", "Sakstype"],
        [(row.case_number, row.title, row.start, row.item_type) for row in doc.agenda],
    )
    if doc.follow_ups:
        lines += ["", "## Oppfølging fra tidligere møter", ""]
        lines += table(
            ["Sak", "Oppfølging", "Ansvarlig", "Frist"],
            [(f.citation, f.description, f.responsible, f.due) for f in doc.follow_ups],
        )
    for item in doc.items:
        lines += _item(item)
    return ("\n".join(lines) + "\n").encode("utf-8")
