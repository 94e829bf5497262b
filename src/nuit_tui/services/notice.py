"""The notice of a meeting (innkalling) as one view, and its export to a file.

`build_notice` gathers everything the printed notice shows into plain frozen
dataclasses; the renderers in `nuit_tui.exporters` only format that view.
Public redaction happens here, by the one rule of `domain.openness`, so that a
renderer never holds text that is exempt from public access.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..domain import models as m
from ..domain.norwegian import citation_date, clock, long_date
# EXEMPT and exemption_text are kept importable from here for the notice's callers.
from ..domain.openness import EXEMPT, exemption_text, is_exempt, item_content_public, item_marker, item_title, may_publish  # noqa: F401
# FORMATS and UnknownFormat are imported from here by the CLI and the TUI.
from ..exporters._output import FORMATS, UnknownFormat, check_format, file_name, render_as  # noqa: F401
from ..files import write_export
from .archive import Archive


@dataclass(frozen=True)
class NoticeMember:
    name: str
    organization: str


@dataclass(frozen=True)
class NoticeAgendaRow:
    """A row of the agenda table: a case, a break or the closing "Slutt" row."""

    case_number: str  # "" for breaks and "Slutt"
    title: str
    start: str  # "09.00"
    item_type: str  # "" for breaks and "Slutt"


@dataclass(frozen=True)
class NoticeAttachment:
    label: str  # "Vedlegg 4A"
    title: str
    location: str  # a link or a path, "" when none
    exempt: bool = False  # only ever True in the internal notice


@dataclass(frozen=True)
class EarlierHandling:
    """A row of "Vedtak fra tidligere behandlinger i rådsmodellen"."""

    citation: str  # "NUIT 8/22 (17.2.22)"
    topic: str
    decision: str


@dataclass(frozen=True)
class NoticeItem:
    case_number: str
    title: str
    item_type: str
    description: str
    attachments: tuple[NoticeAttachment, ...]
    proposed_decision: str
    purpose: str
    background: str
    presenters: tuple[str, ...]
    case_officers: tuple[str, ...]
    earlier_handlings: tuple[EarlierHandling, ...]
    # "Unntatt offentlighet, offl. § 14" on an exempt item; in a public notice it is
    # then all there is, the content fields above being empty.
    exemption: str = ""

    @property
    def heading(self) -> str:
        """"13/23 Godkjenning av innkalling og dagsorden"."""
        return f"{self.case_number} {self.title}".strip()


@dataclass(frozen=True)
class NoticeFollowUp:
    """A row of «Oppfølging fra tidligere møter»: what earlier decisions handed out, still open."""

    citation: str  # "NUIT 8/23 (16.2.23)"
    description: str
    responsible: str
    due: str  # "1.9.2023", "" when none


@dataclass(frozen=True)
class NoticeDocument:
    body_short_name: str
    body_name: str
    meeting_ref: str  # "2/2023"
    date: dt.date
    start: str  # "09.00"
    end: str  # "15.45"
    location: str
    video_link: str
    members: tuple[NoticeMember, ...]
    agenda: tuple[NoticeAgendaRow, ...]
    items: tuple[NoticeItem, ...]
    public: bool
    follow_ups: tuple[NoticeFollowUp, ...] = ()

    @property
    def heading(self) -> str:
        return f"Møte i {self.body_short_name}"

    @property
    def date_text(self) -> str:
        return long_date(self.date)

    @property
    def time_text(self) -> str:
        """"Kl. 09.00–15.45"."""
        return f"Kl. {self.start}–{self.end}"

    @property
    def title(self) -> str:
        """The file's title: no item text, so it is safe in any document's metadata."""
        return f"Innkalling {self.body_short_name} møte {self.meeting_ref}"


def build_notice(archive: Archive, meeting_id: int, *, public: bool) -> NoticeDocument:
    """The notice of a meeting; with `public` the exempt content is already gone."""
    agenda = archive.agenda(meeting_id)
    meeting = agenda.meeting
    body = archive.body_by_id(meeting.body_id)
    rows = [
        NoticeAgendaRow(
            case_number=row.case_number,
            title=item_title(row.item, public=public),
            start=clock(row.start),
            item_type=row.item.item_type.value if row.item.item_type and not row.item.is_break else "",
        )
        for row in agenda.rows
    ]
    rows.append(NoticeAgendaRow(case_number="", title="Slutt", start=clock(agenda.plan.finish), item_type=""))
    items = [
        _notice_item(archive, row.case_number, row.item, public=public)
        for row in agenda.rows
        if not row.item.is_break
    ]
    return NoticeDocument(
        body_short_name=body.short_name,
        body_name=body.name,
        meeting_ref=meeting.ref,
        date=meeting.date,
        start=clock(meeting.start_time),
        end=clock(meeting.end_time),
        location=meeting.location or "",
        video_link=meeting.video_link or "",
        members=tuple(_members(archive, meeting)),
        agenda=tuple(rows),
        items=tuple(items),
        public=public,
        follow_ups=tuple(_follow_ups(archive, meeting_id, public=public)),
    )


def _follow_ups(archive: Archive, meeting_id: int, *, public: bool) -> list[NoticeFollowUp]:
    rows = []
    for row in archive.follow_ups_for_meeting(meeting_id):
        f = row.follow_up
        due = f"{f.due_date.day}.{f.due_date.month}.{f.due_date.year}" if f.due_date else ""
        if public and is_exempt(f, row.item_exempt):  # it tells what the exempt item was about
            rows.append(NoticeFollowUp(row.citation, EXEMPT, "", ""))
        else:
            rows.append(NoticeFollowUp(row.citation, f.description.strip(), f.responsible.strip(), due))
    return rows


def _members(archive: Archive, meeting: m.Meeting) -> list[NoticeMember]:
    # Substitutes, the secretariat and observers are not summoned by the notice.
    members = []
    organizations: dict[int, str] = {}
    for membership in archive.members_on(meeting.body_id, meeting.date):
        if membership.role is not m.MembershipRole.MEMBER:
            continue
        person = archive.person(membership.person_id)
        org_id = membership.organization_id or person.organization_id
        if org_id is not None and org_id not in organizations:
            organizations[org_id] = archive.organization_by_id(org_id).name
        members.append(NoticeMember(person.name, organizations.get(org_id, "") if org_id else ""))
    return members


def _notice_item(archive: Archive, case_number: str, item: m.AgendaItem, *, public: bool) -> NoticeItem:
    item_type = item.item_type.value if item.item_type else ""
    if public and not item_content_public(item):
        return NoticeItem(
            case_number=case_number,
            title=item_title(item, public=True),
            item_type=item_type,
            description="",
            attachments=(),
            proposed_decision="",
            purpose="",
            background="",
            presenters=(),
            case_officers=(),
            earlier_handlings=(),
            exemption=item_marker(item),
        )
    return NoticeItem(
        case_number=case_number,
        title=item.title,
        item_type=item_type,
        description=item.description.strip(),
        attachments=tuple(
            NoticeAttachment(a.label.strip(), a.title.strip(), (a.location or "").strip(), a.exempt)
            for a in archive.attachments(item.id)
            if not public or may_publish(a, item)
        ),
        proposed_decision=item.proposed_decision.strip(),
        purpose=item.purpose.strip(),
        background=item.background.strip(),
        presenters=tuple(p.name for p in archive.item_people(item.id, m.PersonRole.PRESENTER)),
        case_officers=tuple(p.name for p in archive.item_people(item.id, m.PersonRole.CASE_OFFICER)),
        earlier_handlings=tuple(_earlier(archive, earlier, public=public) for earlier in archive.earlier_handlings(item.id)),
        exemption=item_marker(item),
    )


def _earlier(archive: Archive, earlier: m.AgendaItem, *, public: bool) -> EarlierHandling:
    meeting = archive.meeting(earlier.meeting_id)
    citation = f"{archive.case_label(earlier, with_body=True)} ({citation_date(meeting.date)})"
    if public and not item_content_public(earlier):
        return EarlierHandling(citation, item_title(earlier, public=True), item_marker(earlier))
    return EarlierHandling(citation, earlier.title, earlier.decision.strip())


# --- export ------------------------------------------------------------------------------


def render_notice(doc: NoticeDocument, fmt: str) -> bytes:
    from ..exporters import notice_docx, notice_html, notice_markdown

    return render_as({"docx": notice_docx.render, "html": notice_html.render, "md": notice_markdown.render}, doc, fmt)


def default_file_name(doc: NoticeDocument, fmt: str) -> str:
    """"NUIT-2023-2-innkalling.docx", with "-offentlig" for the public version."""
    return file_name(doc.body_short_name, doc.meeting_ref, "innkalling", public=doc.public, fmt=fmt)


def export_notice(
    archive: Archive,
    meeting_id: int,
    *,
    fmt: str = "docx",
    public: bool = False,
    out: Path | None = None,
    exports_dir: Path = Path("exports"),
) -> Path:
    """Render the notice and write it whole; returns the path written."""
    check_format(fmt)  # before any work, and before a folder is made for nothing
    doc = build_notice(archive, meeting_id, public=public)
    return write_export(render_notice(doc, fmt), default_file_name(doc, fmt), out=out, exports_dir=exports_dir)
