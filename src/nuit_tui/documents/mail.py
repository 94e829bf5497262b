"""An e-mail draft of the notice or the approved minutes, as one view (pure).

The subject, the short Norwegian text and the list of files are made here from plain
values; which files go with it is the service's choice (a list of parts, so that the
package PDF can take the place of the separate files). Public drafts are built from
public parts only: nothing exempt is handed in, so nothing exempt can come out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.norwegian import long_date, time_span, weekday_date

KINDS = {"notice": "Innkalling til", "minutes": "Referat fra"}


@dataclass(frozen=True)
class MailRecipient:
    name: str
    address: str


@dataclass(frozen=True)
class MailPart:
    """A file of the mail: its name as the recipient sees it, its bytes and media type."""

    file_name: str
    content: bytes
    media_type: str


@dataclass(frozen=True)
class MailLink:
    """An attachment that is a link, not a file: named in the text with its address."""

    label: str
    title: str
    address: str


@dataclass(frozen=True)
class MailDocument:
    subject: str
    to: tuple[MailRecipient, ...]
    text: str
    parts: tuple[MailPart, ...]
    # Members and substitutes summoned but without a usable address: told, not mailed.
    missing: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.subject


def one_line(text: str) -> str:
    """A header's text: one line (a name typed over two lines would break the header)."""
    return " ".join(text.split())


def subject(kind: str, body_short_name: str, meeting_ref: str, date: dt.date) -> str:
    """«Innkalling til NUIT møte 2/2023 – 25. mai 2023», «Referat fra NUIT møte 1/2023 – 16. februar 2023»."""
    return one_line(f"{KINDS[kind]} {body_short_name} møte {meeting_ref} – {long_date(date)}")


def mail_text(
    kind: str,
    *,
    body_short_name: str,
    meeting_ref: str,
    date: dt.date,
    start: dt.time,
    end: dt.time,
    location: str,
    video_link: str,
    parts: Sequence[MailPart],
    links: Sequence[MailLink] = (),
) -> str:
    """The mail's short text: what is sent, when and where the meeting is, what is attached."""
    if kind == "notice":
        opening = f"Vedlagt følger innkalling og saksdokumenter til {body_short_name} møte {meeting_ref}."
    else:
        opening = f"Vedlagt følger godkjent referat fra {body_short_name} møte {meeting_ref}."
    lines = ["Hei,", "", opening, "", f"Dato: {weekday_date(date)}", f"Tid: {time_span(start, end)}"]
    if location.strip():
        lines.append(f"Sted: {one_line(location)}")
    if video_link.strip():
        lines.append(f"Videolenke: {one_line(video_link)}")
    if not location.strip() and not video_link.strip():
        lines.append("Sted: kommer")
    if parts:
        lines += ["", "Vedlegg:", *(f"- {one_line(part.file_name)}" for part in parts)]
    if links:
        lines += ["", "Lenkede vedlegg:", *(f"- {one_line(f'{link.label}: {link.title}')} ({one_line(link.address)})" for link in links)]
    lines += ["", "Med vennlig hilsen", f"sekretariatet for {body_short_name}", ""]
    return "\n".join(lines)
