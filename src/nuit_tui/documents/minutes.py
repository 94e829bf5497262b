"""The minutes of a meeting (referat) as one view.

The builders here turn domain records into plain frozen dataclasses; the
renderers in `nuit_tui.exporters` only format that view. Public redaction
happens here, by the one rule of `domain.openness`, as for the notice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..domain import models as m
from ..domain.minutes_text import remark_sentence, split_narrative
from ..domain.norwegian import clock, kl, long_date
from ..domain.openness import item_content_public, item_marker, item_title, may_publish
from .heading import MeetingHeading
from .paper import Paper, paper

REMARKS_LEAD = "Følgende innspill og spørsmål ble tatt med fra møtet:"
DECISION_LEAD = "Vedtak:"
FOLLOW_UPS_LEAD = "Oppfølging:"
WITHDRAWN = "Saken ble trukket."
NEXT_MEETING = "neste møte"  # where a deferred item goes before that meeting is planned


def deferred_text(to_meeting: str = "") -> str:
    """"Saken ble utsatt til møte 3/2023." (or "til neste møte" when it is not planned yet)."""
    return f"Saken ble utsatt til {f'møte {to_meeting}' if to_meeting else NEXT_MEETING}."


def follow_up_text(description: str, responsible: str, due: dt.date | None) -> str:
    """"Sende ut oppdatert innkalling (ansvarlig: Direktoratet for e-helse, frist 1. mars 2023)"."""
    details = [f"ansvarlig: {responsible}"] if responsible else []
    if due is not None:
        details.append(f"frist {long_date(due)}")
    text = " ".join(description.split())
    return f"{text} ({', '.join(details)})" if details else text

PRESENT, ABSENT, SUBSTITUTE, GUESTS, OBSERVERS = "Til stede", "Ikke til stede", "Stedfortreder", "Gjester", "Observatører"
SECRETARIAT = "Sekretariatet"  # the label when the staff's organisation is unknown


@dataclass(frozen=True)
class AttendanceGroup:
    """A row of the attendance block: "Til stede" and its lines."""

    label: str
    lines: tuple[str, ...]

    @property
    def printed(self) -> tuple[str, ...]:
        """The lines as the seed prints them: the label in front of the first."""
        return (f"{self.label} {self.lines[0]}", *self.lines[1:]) if self.lines else (self.label,)


@dataclass(frozen=True)
class MinutesItem:
    case_number: str
    title: str
    item_type: str
    narrative: str  # before the remarks
    remarks: tuple[str, ...]  # "Legeforeningen uttrykte bekymring ..."
    decision: str
    outcome: str  # "Saken ble utsatt til møte 3/2023." when deferred (or withdrawn) without a decision
    # "Unntatt offentlighet, offl. § 14" on an exempt item; in public minutes it is
    # then all there is, narrative, remarks and decision being empty.
    exemption: str = ""
    narrative_after: str = ""  # below the narrative's «[innspill]» line: after the remarks
    follow_ups: tuple[str, ...] = ()  # what, who, by when (`follow_up_text`)

    @property
    def heading(self) -> str:
        """"4/23 Målbilde og veikart for Helsenorge"."""
        return f"{self.case_number} {self.title}".strip()


@dataclass(frozen=True)
class MinutesDocument(MeetingHeading):
    body_short_name: str
    body_name: str
    meeting_ref: str  # "1/2023"
    date: dt.date
    start: str  # "09.00"
    end: str  # "16.00"
    location: str
    attendance: tuple[AttendanceGroup, ...]
    items: tuple[MinutesItem, ...]
    public: bool
    draft: bool = False  # not yet approved by the next meeting: «UTKAST» in the header

    @property
    def heading(self) -> str:
        return f"Referat fra møte i {self.body_short_name}"

    @property
    def title(self) -> str:
        """The file's title: no item text, so it is safe in any document's metadata."""
        return f"Referat fra {self.body_short_name} møte {self.meeting_ref}"

    @property
    def paper(self) -> Paper:
        """Properties and header marks for Word and PDF; «UTKAST» until the minutes are approved."""
        return paper(
            self.title, body_name=self.body_name, body_short_name=self.body_short_name, meeting_ref=self.meeting_ref,
            date_text=self.date_text, public=self.public, exempt_markers=[item.exemption for item in self.items],
            draft=self.draft,
        )

    @property
    def header(self) -> tuple[tuple[str, str], ...]:
        """The head block: Møte, Dato, Tid and (when known) Sted."""
        entries = [("Møte", self.meeting_ref), ("Dato", self.date_text), ("Tid", self.time_text)]
        if self.location:
            entries.append(("Sted", self.location))
        return tuple(entries)


def minutes_document(
    body: m.Body,
    meeting: m.Meeting,
    *,
    attendance: Sequence[AttendanceGroup],
    items: Sequence[MinutesItem],
    public: bool,
) -> MinutesDocument:
    """The whole minutes from their parts, each built for the same audience."""
    return MinutesDocument(
        body_short_name=body.short_name,
        body_name=body.name,
        meeting_ref=meeting.ref,
        date=meeting.date,
        start=clock(meeting.start_time),
        end=clock(meeting.end_time),
        # After the meeting a video link is of no use to the reader: the place is enough.
        location=(meeting.location or meeting.video_link or "").strip(),
        attendance=tuple(attendance),
        items=tuple(items),
        public=public,
        draft=meeting.status is not m.MeetingStatus.MINUTES_APPROVED,
    )


# --- attendance ---------------------------------------------------------------------------


class Names(Protocol):
    """Who a row of the attendance is, read by the caller (once each, as it likes)."""

    def person(self, person_id: int) -> m.Person: ...

    def organization(self, row: m.Attendance) -> str:
        """The organisation the person attended for, else the person's own ("" when none)."""
        ...


def labelled(names: Names, row: m.Attendance) -> str:
    """"Asbjørn Finstad (KS)"."""
    name, org = names.person(row.person_id).name, names.organization(row)
    return f"{name} ({org})" if org else name


def _when(row: m.Attendance) -> str:
    """" – fra kl. 13.20", " – til kl. 13.30", " - video": the seed's own dashes."""
    text = ""
    if row.arrived_at is not None:
        text += f" – fra {kl(row.arrived_at)}"
    if row.left_at is not None:
        text += f" – til {kl(row.left_at)}"
    if row.remote:
        text += " - video"
    return text


def attendance_groups(rows: Sequence[m.Attendance], names: Names) -> list[AttendanceGroup]:
    """The attendance block: present, absent, substitutes, the secretariat, guests, observers."""
    by_person = {row.person_id: row for row in rows}
    present = [r for r in rows if r.status is m.AttendanceStatus.PRESENT]

    def lines(role: m.AttendanceRole) -> list[str]:
        return [labelled(names, r) + _when(r) for r in present if r.role is role]

    absent = [
        labelled(names, r) for r in rows if r.role is m.AttendanceRole.MEMBER and r.status is not m.AttendanceStatus.PRESENT
    ]
    substitutes = []
    for row in present:
        if row.role is not m.AttendanceRole.SUBSTITUTE:
            continue
        name = names.person(row.person_id).name
        if row.substitute_for_person_id is None:
            substitutes.append(labelled(names, row) + _when(row))
            continue
        # "Maren Krogh for Anne-Lise Härter (Apotekforeningen)": the organisation is
        # the one represented, as the member's own row (if any) has it.
        member = names.person(row.substitute_for_person_id)
        member_row = by_person.get(row.substitute_for_person_id)
        org = (names.organization(member_row) if member_row else "") or names.organization(row)
        substitutes.append(f"{name} for {member.name}" + (f" ({org})" if org else "") + _when(row))

    groups = [
        AttendanceGroup(PRESENT, tuple(lines(m.AttendanceRole.MEMBER))),
        AttendanceGroup(ABSENT, tuple(absent)),
        AttendanceGroup(SUBSTITUTE, tuple(substitutes)),
    ]
    # The secretariat under its organisation's name ("Direktoratet for e-helse"), names only.
    staff: dict[str, list[str]] = {}
    for row in present:
        if row.role is m.AttendanceRole.SECRETARIAT:
            label = names.organization(row) or SECRETARIAT
            staff.setdefault(label, []).append(names.person(row.person_id).name + _when(row))
    groups += [AttendanceGroup(label, tuple(people)) for label, people in staff.items()]
    groups.append(AttendanceGroup(GUESTS, tuple(lines(m.AttendanceRole.GUEST))))
    groups.append(AttendanceGroup(OBSERVERS, tuple(lines(m.AttendanceRole.OBSERVER))))
    return [group for group in groups if group.lines]


# --- items --------------------------------------------------------------------------------


def remark_text(remark: m.Remark, organizations: Mapping[int, str]) -> str:
    """"Legeforeningen uttrykte ...": speaker and text re-joined as the bullet reads
    (`domain.minutes_text.remark_sentence`).

    The remark's organisation (its name in `organizations`) speaks when no speaker is named."""
    speaker = remark.speaker.strip()
    if not speaker and remark.organization_id is not None:
        speaker = organizations[remark.organization_id]
    return remark_sentence(speaker, remark.text)


def _outcome(item: m.AgendaItem, deferred_to: str) -> str:
    if item.decision.strip():
        return ""
    if item.state is m.ItemState.DEFERRED:
        return deferred_text(deferred_to)
    return WITHDRAWN if item.state is m.ItemState.WITHDRAWN else ""


def minutes_item(
    case_number: str,
    item: m.AgendaItem,
    *,
    remarks: Sequence[m.Remark],
    organizations: Mapping[int, str],
    public: bool,
    follow_ups: Sequence[m.FollowUp] = (),
    deferred_to: str = "",
) -> MinutesItem:
    """An item of the minutes; `organizations` names those of its remarks without a speaker,
    `deferred_to` the meeting a deferred item went to ("2/2023"; "" when not planned yet)."""
    item_type = item.item_type.value if item.item_type else ""
    decision = item.decision.strip()
    outcome = _outcome(item, deferred_to)
    if public and not item_content_public(item):
        return MinutesItem(
            case_number=case_number,
            title=item_title(item, public=True),
            item_type=item_type,
            narrative="",
            remarks=(),
            decision="",
            outcome=outcome,  # the state's fixed words, no text of the item's own
            exemption=item_marker(item),
        )
    before, after = split_narrative(item.narrative)
    return MinutesItem(
        case_number=case_number,
        title=item.title,
        item_type=item_type,
        # The narrative's «[innspill]» line says where the bullets fall.
        narrative=before,
        narrative_after=after,
        remarks=tuple(
            text
            for r in remarks
            if (not public or may_publish(r, item)) and (text := remark_text(r, organizations))
        ),
        decision=decision,
        outcome=outcome,
        exemption=item_marker(item),
        follow_ups=tuple(
            follow_up_text(f.description, f.responsible, f.due_date) for f in follow_ups if f.description.strip()
        ),
    )
