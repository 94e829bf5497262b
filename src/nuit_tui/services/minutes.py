"""The minutes of a meeting (referat) as one view, their check, and their export.

`build_minutes` gathers what the published minutes show into plain frozen
dataclasses; the renderers in `nuit_tui.exporters` only format that view.
Public redaction happens here, by the one rule of `domain.openness`, as for the notice.

`check_minutes` is the secretariat's last look before the minutes go out:
what is still open or missing. Its problems never stop an export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..domain import models as m
from ..domain.case_numbers import CaseNumber
from ..domain.norwegian import clock, kl, long_date
# FORMATS and UnknownFormat are imported from here by the CLI and the TUI.
from ..exporters._output import FORMATS, UnknownFormat, check_format, file_name, render_as  # noqa: F401
from ..files import write_export
from .archive import Archive
from ..domain.openness import item_content_public, item_marker, item_title, may_publish

REMARKS_LEAD = "Følgende innspill og spørsmål ble tatt med fra møtet:"
DECISION_LEAD = "Vedtak:"
OUTCOMES = {m.ItemState.DEFERRED: "Saken ble utsatt.", m.ItemState.WITHDRAWN: "Saken ble trukket."}

PRESENT, ABSENT, SUBSTITUTE, GUESTS, OBSERVERS = "Til stede", "Ikke til stede", "Stedfortreder", "Gjester", "Observatører"
SECRETARIAT = "Sekretariatet"  # the label when the staff's organisation is unknown

DECISION_TYPES = (m.ItemType.BESLUTNING, m.ItemType.GODKJENNING)
CLOSED_STATES = (m.ItemState.DEFERRED, m.ItemState.WITHDRAWN)


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
    narrative: str
    remarks: tuple[str, ...]  # "Legeforeningen uttrykte bekymring ..."
    decision: str
    outcome: str  # "Saken ble utsatt." when deferred (or withdrawn) without a decision
    # "Unntatt offentlighet, offl. § 14" on an exempt item; in public minutes it is
    # then all there is, narrative, remarks and decision being empty.
    exemption: str = ""

    @property
    def heading(self) -> str:
        """"4/23 Målbilde og veikart for Helsenorge"."""
        return f"{self.case_number} {self.title}".strip()


@dataclass(frozen=True)
class MinutesDocument:
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

    @property
    def heading(self) -> str:
        return f"Referat fra møte i {self.body_short_name}"

    @property
    def date_text(self) -> str:
        return long_date(self.date)

    @property
    def time_text(self) -> str:
        """"Kl. 09.00–16.00"."""
        return f"Kl. {self.start}–{self.end}"

    @property
    def title(self) -> str:
        """The file's title: no item text, so it is safe in any document's metadata."""
        return f"Referat {self.body_short_name} møte {self.meeting_ref}"

    @property
    def header(self) -> tuple[tuple[str, str], ...]:
        """The head block: Møte, Dato, Tid and (when known) Sted."""
        entries = [("Møte", self.meeting_ref), ("Dato", self.date_text), ("Tid", self.time_text)]
        if self.location:
            entries.append(("Sted", self.location))
        return tuple(entries)


# --- the view -------------------------------------------------------------------------------


def build_minutes(archive: Archive, meeting_id: int, *, public: bool) -> MinutesDocument:
    """The minutes of a meeting; with `public` the exempt content is already gone."""
    meeting = archive.meeting(meeting_id)
    body = archive.body_by_id(meeting.body_id)
    items = [
        _minutes_item(archive, row.case_number, row.item, public=public)
        for row in archive.agenda(meeting_id).rows
        if not row.item.is_break
    ]
    return MinutesDocument(
        body_short_name=body.short_name,
        body_name=body.name,
        meeting_ref=meeting.ref,
        date=meeting.date,
        start=clock(meeting.start_time),
        end=clock(meeting.end_time),
        # After the meeting a video link is of no use to the reader: the place is enough.
        location=(meeting.location or meeting.video_link or "").strip(),
        attendance=tuple(_attendance(archive, meeting_id)),
        items=tuple(items),
        public=public,
    )


class _Names:
    """People and organisations looked up once each."""

    def __init__(self, archive: Archive):
        self.archive = archive
        self._people: dict[int, m.Person] = {}
        self._orgs: dict[int, str] = {}

    def person(self, person_id: int) -> m.Person:
        if person_id not in self._people:
            self._people[person_id] = self.archive.person(person_id)
        return self._people[person_id]

    def organization(self, row: m.Attendance) -> str:
        """The organisation the person attended for, else the person's own."""
        org_id = row.organization_id or self.person(row.person_id).organization_id
        if org_id is None:
            return ""
        if org_id not in self._orgs:
            self._orgs[org_id] = self.archive.organization_by_id(org_id).name
        return self._orgs[org_id]

    def labelled(self, row: m.Attendance) -> str:
        """"Asbjørn Finstad (KS)"."""
        name, org = self.person(row.person_id).name, self.organization(row)
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


def _attendance(archive: Archive, meeting_id: int) -> list[AttendanceGroup]:
    names = _Names(archive)
    rows = archive.attendance(meeting_id)
    by_person = {row.person_id: row for row in rows}
    present = [r for r in rows if r.status is m.AttendanceStatus.PRESENT]

    def lines(role: m.AttendanceRole) -> list[str]:
        return [names.labelled(r) + _when(r) for r in present if r.role is role]

    absent = [
        names.labelled(r) for r in rows if r.role is m.AttendanceRole.MEMBER and r.status is not m.AttendanceStatus.PRESENT
    ]
    substitutes = []
    for row in present:
        if row.role is not m.AttendanceRole.SUBSTITUTE:
            continue
        name = names.person(row.person_id).name
        if row.substitute_for_person_id is None:
            substitutes.append(names.labelled(row) + _when(row))
            continue
        # "Maren Krogh for Anne-Lise Härter (Apotekforeningen)": the organisation is
        # the one represented, as the member's own row (if any) has it.
        member = names.person(row.substitute_for_person_id)
        member_row = by_person.get(member.id)
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


def _remark_text(archive: Archive, remark: m.Remark) -> str:
    """"Legeforeningen uttrykte ...": speaker and text re-joined as the bullet reads."""
    speaker = remark.speaker.strip()
    if not speaker and remark.organization_id is not None:
        speaker = archive.organization_by_id(remark.organization_id).name
    return " ".join(part for part in (speaker, " ".join(remark.text.split())) if part)


def _minutes_item(archive: Archive, case_number: str, item: m.AgendaItem, *, public: bool) -> MinutesItem:
    item_type = item.item_type.value if item.item_type else ""
    decision = item.decision.strip()
    outcome = OUTCOMES.get(item.state, "") if not decision else ""
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
    return MinutesItem(
        case_number=case_number,
        title=item.title,
        item_type=item_type,
        # Paragraphs typed after the remarks stay in the narrative; it is printed
        # whole before them (the archive does not record where the bullets fell).
        narrative=item.narrative.strip(),
        remarks=tuple(
            text
            for r in archive.remarks(item.id)
            if (not public or may_publish(r, item)) and (text := _remark_text(archive, r))
        ),
        decision=decision,
        outcome=outcome,
        exemption=item_marker(item),
    )


# --- the check ------------------------------------------------------------------------------


class ProblemKind(StrEnum):
    NOT_HANDLED = "not_handled"
    NO_DECISION = "no_decision"
    ABSENT_WITHOUT_NOTICE = "absent_without_notice"
    NO_ATTENDANCE = "no_attendance"
    NUMBERING_GAP = "numbering_gap"


@dataclass(frozen=True)
class MinutesProblem:
    kind: ProblemKind
    message: str  # Norwegian, naming the case or the person
    item_id: int | None = None
    person_id: int | None = None

    def __str__(self) -> str:
        return self.message


def check_minutes(archive: Archive, meeting_id: int) -> list[MinutesProblem]:
    """What keeps the minutes from being complete, in the order of the document."""
    meeting = archive.meeting(meeting_id)
    items = [item for item in archive.agenda_items(meeting_id) if not item.is_break]
    return [
        *_attendance_problems(archive, meeting),
        *_item_problems(archive, items),
        *_numbering_problems(meeting, items),
    ]


def _case(archive: Archive, item: m.AgendaItem) -> str:
    label = archive.case_label(item)
    return f"Sak {label}" if label else f"Saken «{item.title}»"


def _item_problems(archive: Archive, items: list[m.AgendaItem]) -> list[MinutesProblem]:
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
        if item.item_type in DECISION_TYPES and item.state not in CLOSED_STATES and not item.decision.strip():
            problems.append(
                MinutesProblem(
                    ProblemKind.NO_DECISION,
                    f"{_case(archive, item)} ({item.item_type.value}) mangler vedtak",
                    item_id=item.id,
                )
            )
    return problems


def _attendance_problems(archive: Archive, meeting: m.Meeting) -> list[MinutesProblem]:
    rows = archive.attendance(meeting.id)
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
                    f"{names.labelled(row)} var ikke til stede, uten meldt forfall og uten stedfortreder",
                    person_id=row.person_id,
                )
            )
    # A member the attendance does not mention is absent without a word said.
    recorded = {r.person_id for r in rows}
    for membership in archive.members_on(meeting.body_id, meeting.date):
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


def render_minutes(doc: MinutesDocument, fmt: str) -> bytes:
    from ..exporters import minutes_docx, minutes_html, minutes_markdown

    return render_as({"docx": minutes_docx.render, "html": minutes_html.render, "md": minutes_markdown.render}, doc, fmt)


def default_file_name(doc: MinutesDocument, fmt: str) -> str:
    """"NUIT-2023-1-referat.docx", with "-offentlig" for the public version."""
    return file_name(doc.body_short_name, doc.meeting_ref, "referat", public=doc.public, fmt=fmt)


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
    check_format(fmt)  # before any work, and before a folder is made for nothing
    doc = build_minutes(archive, meeting_id, public=public)
    return write_export(render_minutes(doc, fmt), default_file_name(doc, fmt), out=out, exports_dir=exports_dir)
