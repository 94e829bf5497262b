"""The notice and the approved minutes ready to send: an .eml draft for Outlook.

To: the body's members and substitutes (memberships active on the meeting's date) who
have an e-mail address; those without one are listed, for the secretary to reach
another way. The parts come from one function per kind (`notice_parts`,
`minutes_parts`): today the document as Word plus the attachment files under the
seed's names; the package PDF can take their place there without touching the rest.
A public draft is built from public parts only (`domain.openness` through the
builders and `AttachmentFiles.meeting_files`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from pathlib import Path

from ..documents import mail as view
from ..documents import names
from ..documents.mail import MailDocument, MailLink, MailPart, MailRecipient
from ..domain import models as m
from ..domain.openness import may_publish
from ..exporters import registry
from ..files import write_export
from ..store import errors
from .archive import Archive
from .minutes import build_minutes
from .minutes import default_file_name as minutes_file_name

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAILED_ROLES = (m.MembershipRole.MEMBER, m.MembershipRole.SUBSTITUTE)
_ADDRESS = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\".]+$")


@dataclass(frozen=True)
class MailResult:
    path: Path
    recipients: int
    parts: int
    missing: tuple[str, ...]


def usable_address(text: str | None) -> str | None:
    """The address as mail takes it, or None when there is none or it cannot be one."""
    address = (text or "").strip()
    if not _ADDRESS.match(address):
        return None
    try:
        Address(addr_spec=address)
    except (HeaderParseError, ValueError, IndexError):
        return None
    return address


def recipients(archive: Archive, meeting: m.Meeting) -> tuple[list[MailRecipient], list[str]]:
    """Members and substitutes on the meeting's date with an address (each address once),
    and the names of those without a usable one."""
    found: list[MailRecipient] = []
    missing: list[str] = []
    seen: set[str] = set()
    for membership in archive.members.members_on(meeting.body_id, meeting.date):
        if membership.role not in MAILED_ROLES:
            continue
        person = archive.members.person(membership.person_id)
        address = usable_address(person.email)
        if address is None:
            if person.name not in missing:
                missing.append(person.name)
        elif address.lower() not in seen:
            seen.add(address.lower())
            found.append(MailRecipient(view.one_line(person.name), address))
    return found, missing


def notice_parts(archive: Archive, meeting_id: int, *, public: bool) -> list[MailPart]:
    """What goes with the notice: the meeting package as separate files, as it is published
    (`package.package_files`): the notice as PDF, then per item in agenda order its cover note
    as PDF and its attachment files as they are, named as the seed
    («Vedlegg 4_Sak 17-23_Toppnotat …pdf», «Vedlegg 4A_Sak 17-23_<tittel>.pdf»)."""
    import mimetypes

    from .package import package_files

    return [
        MailPart(name, content, mimetypes.guess_type(name)[0] or "application/octet-stream")
        for name, content in package_files(archive, meeting_id, public=public)
    ]


def minutes_parts(archive: Archive, meeting_id: int, *, public: bool) -> list[MailPart]:
    doc = build_minutes(archive, meeting_id, public=public)
    return [MailPart(minutes_file_name(doc, "docx"), registry.render(doc, "docx"), DOCX)]


def linked_attachments(archive: Archive, meeting_id: int, *, public: bool) -> list[MailLink]:
    """Attachments that are links (web pages), named in the mail's text."""
    links = []
    for row in archive.agenda.for_meeting(meeting_id).rows:
        if row.item.is_break:
            continue
        for attachment in archive.agenda.attachments(row.item.stored_id):
            if attachment.file_id is None and attachment.location and (not public or may_publish(attachment, row.item)):
                links.append(MailLink(attachment.label, attachment.title, attachment.location))
    return links


def build_mail(archive: Archive, meeting_id: int, kind: str, *, public: bool) -> MailDocument:
    """The draft of the notice («notice») or the approved minutes («minutes»)."""
    meeting = archive.meetings.get(meeting_id)
    body = archive.members.body_by_id(meeting.body_id)
    if kind == "minutes" and meeting.status is not m.MeetingStatus.MINUTES_APPROVED:
        raise errors.Conflict(
            f"Referatet fra {body.short_name} møte {meeting.ref} er ikke godkjent ennå; bare godkjent referat sendes ut"
        )
    parts = notice_parts(archive, meeting_id, public=public) if kind == "notice" else minutes_parts(archive, meeting_id, public=public)
    links = linked_attachments(archive, meeting_id, public=public) if kind == "notice" else []
    to, missing = recipients(archive, meeting)
    text = view.mail_text(
        kind,
        body_short_name=body.short_name,
        meeting_ref=meeting.ref,
        date=meeting.date,
        start=meeting.start_time,
        end=meeting.end_time,
        location=meeting.location or "",
        video_link=meeting.video_link or "",
        parts=parts,
        links=links,
    )
    return MailDocument(
        subject=view.subject(kind, body.short_name, meeting.ref, meeting.date),
        to=tuple(to),
        text=text,
        parts=tuple(parts),
        missing=tuple(missing),
    )


def default_file_name(archive: Archive, meeting_id: int, kind: str, *, public: bool) -> str:
    """«NUIT-2023-2-innkalling.eml», with «-offentlig» for the public version."""
    meeting = archive.meetings.get(meeting_id)
    body = archive.members.body_by_id(meeting.body_id)
    word = "innkalling" if kind == "notice" else "referat"
    return names.file_name(body.short_name, meeting.ref, word, public=public, fmt="eml")


def write_mail(
    archive: Archive,
    meeting_id: int,
    kind: str,
    *,
    public: bool = False,
    out: Path | None = None,
    exports_dir: Path = Path("exports"),
) -> MailResult:
    """Build the draft and write it whole; returns where, and who had no address."""
    document = build_mail(archive, meeting_id, kind, public=public)
    path = write_export(
        registry.render(document, "eml"),
        default_file_name(archive, meeting_id, kind, public=public),
        out=out,
        exports_dir=exports_dir,
    )
    return MailResult(path, len(document.to), len(document.parts), document.missing)
