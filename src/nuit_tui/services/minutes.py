"""The minutes of a meeting (referat): read and built, checked, and exported.

What the minutes show, and their public redaction, is `documents.minutes`;
this module reads the records they are built from and writes the file.

`check_minutes` is the secretariat's last look before the minutes go out:
what is still open or missing (`blocking`: the minutes are not ready), and what is
only worth a second look (a note: the minutes may well be right). Neither stops an
export; `nuit-tui check-minutes` exits 1 only for what blocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..documents import minutes as view
from ..documents import names
from ..documents.minutes import MinutesDocument
from ..domain import models as m
from ..domain.attendance import present_with_substitute, present_with_substitute_text
from ..domain.case_numbers import CaseNumber
from ..domain.items import decision_missing, orientation_decision
from ..domain.minutes_text import says_nothing
from ..exporters import registry
from ..files import write_export
from .archive import Archive
from .templates import paper_template

# --- the view -------------------------------------------------------------------------------


def build_minutes(archive: Archive, meeting_id: int, *, public: bool) -> MinutesDocument:
    """The minutes of a meeting; with `public` the exempt content is already gone."""
    meeting = archive.meetings.get(meeting_id)
    body = archive.members.body_by_id(meeting.body_id)
    items = [
        _minutes_item(archive, row.case_number, row.item, public=public)
        for row in archive.agenda.for_meeting(meeting_id).rows
        if not row.item.is_break
    ]
    attendance = view.attendance_groups(archive.attendance.rows(meeting_id), _Names(archive))
    return view.minutes_document(body, meeting, attendance=attendance, items=items, public=public)


class _Names:
    """People and organisations read once each (`documents.minutes.Names`)."""

    def __init__(self, archive: Archive):
        self.archive = archive
        self._people: dict[int, m.Person] = {}
        self._orgs: dict[int, str] = {}

    def person(self, person_id: int) -> m.Person:
        if person_id not in self._people:
            self._people[person_id] = self.archive.members.person(person_id)
        return self._people[person_id]

    def organization(self, row: m.Attendance) -> str:
        org_id = row.organization_id or self.person(row.person_id).organization_id
        if org_id is None:
            return ""
        if org_id not in self._orgs:
            self._orgs[org_id] = self.archive.members.organization_by_id(org_id).name
        return self._orgs[org_id]


def _minutes_item(archive: Archive, case_number: str, item: m.AgendaItem, *, public: bool) -> view.MinutesItem:
    remarks = archive.minutes.remarks(item.stored_id)
    # The organisations that speak for a remark without a speaker's name.
    organizations = {
        r.organization_id: archive.members.organization_by_id(r.organization_id).name
        for r in remarks
        if not r.speaker.strip() and r.organization_id is not None
    }
    return view.minutes_item(
        case_number,
        item,
        remarks=remarks,
        organizations=organizations,
        public=public,
        follow_ups=[_with_responsible(archive, f) for f in archive.follow_ups.of_item(item.stored_id)],
        deferred_to=_deferred_to(archive, item),
    )


def _with_responsible(archive: Archive, follow_up: m.FollowUp) -> m.FollowUp:
    """The follow-up with its responsible named: the typed name, else the person's or organisation's."""
    if follow_up.responsible.strip():
        return follow_up
    name = ""
    if follow_up.responsible_person_id is not None:
        name = archive.members.person(follow_up.responsible_person_id).name
    elif follow_up.responsible_organization_id is not None:
        name = archive.members.organization_by_id(follow_up.responsible_organization_id).name
    return follow_up.model_copy(update={"responsible": name})


def _deferred_to(archive: Archive, item: m.AgendaItem) -> str:
    """The meeting a deferred item went to ("3/2023"), "" when it waits for one not yet planned."""
    if item.state is not m.ItemState.DEFERRED:
        return ""
    copies = archive.store.items_deferred_from(item.stored_id)
    return archive.meetings.get(copies[0].meeting_id).ref if copies else ""


# --- the check ------------------------------------------------------------------------------


class ProblemKind(StrEnum):
    NOT_HANDLED = "not_handled"
    NO_DECISION = "no_decision"
    ABSENT_WITHOUT_NOTICE = "absent_without_notice"
    NO_ATTENDANCE = "no_attendance"
    NUMBERING_GAP = "numbering_gap"
    MEMBER_AND_SUBSTITUTE_PRESENT = "member_and_substitute_present"
    REMARK_WITHOUT_TEXT = "remark_without_text"


# What the minutes may say as they are: a fact recorded (a member absent without notice
# is what happened) or a likely slip the secretary may know better about (a member and
# the substitute both present). Everything else leaves the minutes incomplete: an item
# still open, a decision missing, attendance not registered, a case number missing, a
# remark with a speaker and no text (its bullet is left out: what was said is missing).
NOTE_KINDS = frozenset({ProblemKind.ABSENT_WITHOUT_NOTICE, ProblemKind.MEMBER_AND_SUBSTITUTE_PRESENT})


@dataclass(frozen=True)
class MinutesProblem:
    kind: ProblemKind
    message: str  # Norwegian, naming the case or the person
    item_id: int | None = None
    person_id: int | None = None

    @property
    def blocking(self) -> bool:
        """Whether the minutes should not go out like this (else it is a note)."""
        return self.kind not in NOTE_KINDS

    def __str__(self) -> str:
        return self.message


def check_minutes(archive: Archive, meeting_id: int) -> list[MinutesProblem]:
    """What keeps the minutes from being complete, in the order of the document."""
    meeting = archive.meetings.get(meeting_id)
    items = [item for item in archive.agenda.items(meeting_id) if not item.is_break]
    return [
        *_attendance_problems(archive, meeting),
        *_item_problems(archive, items, archive.members.body_by_id(meeting.body_id).short_name),
        *_numbering_problems(meeting, items),
    ]


def _case(archive: Archive, item: m.AgendaItem) -> str:
    label = archive.agenda.case_label(item)
    return f"Sak {label}" if label else f"Saken «{item.title}»"


def _item_problems(archive: Archive, items: list[m.AgendaItem], body_short_name: str) -> list[MinutesProblem]:
    problems = []
    for item in items:
        if item.state is m.ItemState.PLANNED:
            problems.append(
                MinutesProblem(
                    ProblemKind.NOT_HANDLED,
                    f"{_case(archive, item)} står som planlagt: marker den som behandlet, utsatt eller trukket",
                    item_id=item.id,
                )
            )
        if decision_missing(item.item_type, item.state, item.decision):
            kind = f" ({item.item_type.value})" if item.item_type else ""
            example = f" (f.eks. «{orientation_decision(body_short_name)}»)" if item.item_type is m.ItemType.ORIENTERING else ""
            problems.append(
                MinutesProblem(ProblemKind.NO_DECISION, f"{_case(archive, item)}{kind} mangler vedtak{example}", item_id=item.id)
            )
        problems += _remark_problems(archive, item)
    return problems


def _remark_problems(archive: Archive, item: m.AgendaItem) -> list[MinutesProblem]:
    """A remark with who spoke and not what was said (F2, the name, Escape): the minutes
    leave it out, as a bare «- KS» reads as text lost, so the check names it. One with
    neither is no remark at all (meeting mode drops it) and prints nothing."""
    problems = []
    for remark in archive.minutes.remarks(item.stored_id):
        if not says_nothing(remark.text):
            continue
        speaker = remark.speaker.strip()
        if not speaker and remark.organization_id is not None:
            speaker = archive.members.organization_by_id(remark.organization_id).name
        if not speaker:
            continue
        label = archive.agenda.case_label(item)
        where = f"sak {label}" if label else f"saken «{item.title}»"
        problems.append(
            MinutesProblem(
                ProblemKind.REMARK_WITHOUT_TEXT,
                f"Innspill fra {speaker} i {where} har ingen tekst og kommer ikke med i referatet:"
                " skriv hva som ble sagt, eller slett innspillet",
                item_id=item.id,
            )
        )
    return problems


def _attendance_problems(archive: Archive, meeting: m.Meeting) -> list[MinutesProblem]:
    rows = archive.attendance.rows(meeting.stored_id)
    names = _Names(archive)
    if not rows:
        return [MinutesProblem(ProblemKind.NO_ATTENDANCE, f"Oppmøtet på møte {meeting.ref} er ikke registrert")]
    problems = []
    represented = {r.substitute_for_person_id for r in rows if r.role is m.AttendanceRole.SUBSTITUTE}
    for row in rows:
        if (
            row.role is m.AttendanceRole.MEMBER
            and row.status is m.AttendanceStatus.ABSENT_WITHOUT_NOTICE
            and row.person_id not in represented
        ):
            problems.append(
                MinutesProblem(
                    ProblemKind.ABSENT_WITHOUT_NOTICE,
                    f"{view.labelled(names, row)} var ikke til stede, uten meldt forfall og uten stedfortreder",
                    person_id=row.person_id,
                )
            )
    for member, substitute in present_with_substitute(rows):
        problems.append(
            MinutesProblem(
                ProblemKind.MEMBER_AND_SUBSTITUTE_PRESENT,
                present_with_substitute_text(
                    view.labelled(names, member), names.person(substitute.person_id).name, member, substitute
                ),
                person_id=member.person_id,
            )
        )
    # A member the attendance does not mention is absent without a word said.
    recorded = {r.person_id for r in rows}
    for membership in archive.members.members_on(meeting.body_id, meeting.date):
        if membership.role is m.MembershipRole.MEMBER and membership.person_id not in recorded:
            person = names.person(membership.person_id)
            problems.append(
                MinutesProblem(
                    ProblemKind.NO_ATTENDANCE,
                    f"Oppmøtet til medlemmet {person.name} er ikke registrert",
                    person_id=person.id,
                )
            )
    return problems


def _numbering_problems(meeting: m.Meeting, items: list[m.AgendaItem]) -> list[MinutesProblem]:
    # Items carried in from an earlier meeting keep that meeting's numbers: leave them out.
    # An item deferred from this meeting keeps its place in this meeting's numbers.
    seqs = sorted(
        {
            item.case_seq
            for item in items
            if item.case_seq is not None and item.case_year == meeting.year and item.deferred_from_id is None
        }
    )
    problems = []
    for low, high in zip(seqs, seqs[1:], strict=False):
        if high - low <= 1:
            continue
        first, last = CaseNumber(meeting.year, low + 1), CaseNumber(meeting.year, high - 1)
        missing = f"{first}" if first == last else f"{first}–{last}"
        problems.append(
            MinutesProblem(
                ProblemKind.NUMBERING_GAP,
                f"Hull i saksnumrene: {missing} mangler mellom {CaseNumber(meeting.year, low)} "
                f"og {CaseNumber(meeting.year, high)}",
            )
        )
    return problems


# --- export ---------------------------------------------------------------------------------


def default_file_name(doc: MinutesDocument, fmt: str) -> str:
    """"NUIT-2023-1-referat.docx", with "-offentlig" for the public version."""
    return names.file_name(doc.body_short_name, doc.meeting_ref, "referat", public=doc.public, fmt=fmt)


def export_minutes(
    archive: Archive,
    meeting_id: int,
    *,
    fmt: str = "docx",
    public: bool = False,
    out: Path | None = None,
    exports_dir: Path = Path("exports"),
) -> Path:
    """Render the minutes and write them whole; returns the path written.

    Problems `check_minutes` finds do not stop it: the caller warns.
    """
    registry.check_format(MinutesDocument, fmt)  # before any work, and before a folder is made for nothing
    doc = build_minutes(archive, meeting_id, public=public)
    data = registry.render(doc, fmt, template=paper_template(archive, meeting_id, fmt))
    return write_export(data, default_file_name(doc, fmt), out=out, exports_dir=exports_dir)
