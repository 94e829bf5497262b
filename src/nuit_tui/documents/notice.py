"""The notice of a meeting (innkalling) as one view.

The builders here turn domain records into plain frozen dataclasses; the
renderers in `nuit_tui.exporters` only format that view. Public redaction
happens here, by the one rule of `domain.openness`, so that a renderer never
holds text that is exempt from public access.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain import models as m
from ..domain.cover_note import cover_note_title
from ..domain.norwegian import clock
from ..domain.openness import EXEMPT, is_exempt, item_content_public, item_marker, item_title, may_publish
from .heading import MeetingHeading
from .paper import Paper, paper


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
class NoticeItem:
    """An item as the seed's notice has it: its heading and type, a short description,
    its attachments (the cover note first) and «Forslag til vedtak». What the cover
    note says (purpose, background, earlier decisions) is in the cover note alone."""

    case_number: str
    title: str
    item_type: str
    description: str
    attachments: tuple[NoticeAttachment, ...]
    proposed_decision: str
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
class NoticeDocument(MeetingHeading):
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
    def title(self) -> str:
        """The file's title: no item text, so it is safe in any document's metadata."""
        return f"Innkalling til {self.body_short_name} møte {self.meeting_ref}"

    @property
    def paper(self) -> Paper:
        """Properties and header marks for Word and PDF."""
        markers = [item.exemption for item in self.items]
        markers += [EXEMPT for item in self.items for attachment in item.attachments if attachment.exempt]
        return paper(
            self.title, body_name=self.body_name, body_short_name=self.body_short_name, meeting_ref=self.meeting_ref,
            date_text=self.date_text, public=self.public, exempt_markers=markers,
        )


def agenda_row(case_number: str, item: m.AgendaItem, start: dt.time, *, public: bool) -> NoticeAgendaRow:
    return NoticeAgendaRow(
        case_number=case_number,
        title=item_title(item, public=public),
        start=clock(start),
        item_type=item.item_type.value if item.item_type and not item.is_break else "",
    )


def closing_row(finish: dt.time) -> NoticeAgendaRow:
    """The agenda's last row: "Slutt" at the planned finish."""
    return NoticeAgendaRow(case_number="", title="Slutt", start=clock(finish), item_type="")


def follow_up_row(citation: str, follow_up: m.FollowUp, *, item_exempt: bool, public: bool) -> NoticeFollowUp:
    f = follow_up
    if public and is_exempt(f, item_exempt):  # it tells what the exempt item was about
        return NoticeFollowUp(citation, EXEMPT, "", "")
    due = f"{f.due_date.day}.{f.due_date.month}.{f.due_date.year}" if f.due_date else ""
    return NoticeFollowUp(citation, f.description.strip(), f.responsible.strip(), due)


def summoned(membership: m.Membership) -> bool:
    """Substitutes, the secretariat and observers are not summoned by the notice."""
    return membership.role is m.MembershipRole.MEMBER


def notice_item(
    case_number: str,
    item: m.AgendaItem,
    *,
    attachments: Sequence[m.Attachment],
    cover_note_label: str = "",
    public: bool,
) -> NoticeItem:
    """An item of the notice; `cover_note_label` («Vedlegg 3») when the item has a
    cover note, listed as its first attachment («Vedlegg 3: Toppnotat …»)."""
    item_type = item.item_type.value if item.item_type else ""
    if public and not item_content_public(item):
        return NoticeItem(
            case_number=case_number,
            title=item_title(item, public=True),
            item_type=item_type,
            description="",
            attachments=(),
            proposed_decision="",
            exemption=item_marker(item),
        )
    cover = (NoticeAttachment(cover_note_label, cover_note_title(item.title), ""),) if cover_note_label else ()
    return NoticeItem(
        case_number=case_number,
        title=item.title,
        item_type=item_type,
        description=item.description.strip(),
        attachments=cover
        + tuple(
            NoticeAttachment(a.label.strip(), a.title.strip(), (a.location or "").strip(), a.exempt)
            for a in attachments
            if not public or may_publish(a, item)
        ),
        proposed_decision=item.proposed_decision.strip(),
        exemption=item_marker(item),
    )


def notice_document(
    body: m.Body,
    meeting: m.Meeting,
    *,
    members: Sequence[NoticeMember],
    agenda: Sequence[NoticeAgendaRow],
    items: Sequence[NoticeItem],
    follow_ups: Sequence[NoticeFollowUp],
    public: bool,
) -> NoticeDocument:
    """The whole notice from its parts, each built for the same audience."""
    return NoticeDocument(
        body_short_name=body.short_name,
        body_name=body.name,
        meeting_ref=meeting.ref,
        date=meeting.date,
        start=clock(meeting.start_time),
        end=clock(meeting.end_time),
        location=meeting.location or "",
        video_link=meeting.video_link or "",
        members=tuple(members),
        agenda=tuple(agenda),
        items=tuple(items),
        public=public,
        follow_ups=tuple(follow_ups),
    )
