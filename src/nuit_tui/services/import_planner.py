"""Planning an import: a read document held against the archive, part by part.

The meeting is found by its number and year (or, planned in the app, by its date);
items by case number; attendance by person; remarks by speaker and text (a remark
of the same speaker at the same place with a text close to the archive's is that remark
corrected: a conflict, `import_plan.match_remarks`). Nothing is
written here: `Imports.apply` re-plans inside its transaction and writes the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from ..domain import models as m
from ..domain.case_numbers import parse_case_ref, parse_meeting_ref
from ..domain.minutes_text import REMARKS_MARKER
from ..domain.norwegian import ParseError
from ..domain.openness import exemption_text, item_marker
from ..importers.meeting_record import ReadAttendance, ReadCoverNote, ReadDocument, ReadItem, ReadMeeting
from ..importers.names import NameIndex, correct_names
from ..store import ArchiveStore, errors, registry
from .import_plan import (
    CONFLICT,
    FILLS_IN,
    NEW,
    SAME,
    AttendancePlan,
    CoverNotePlan,
    FieldPlan,
    ImportPlan,
    ItemPlan,
    LinkPlan,
    MeetingPlan,
    MergeStatus,
    RemarkPlan,
    field_status,
    match_remarks,
    overall,
    same_text,
)
from .members import Members

# How far a document moves a meeting along (never back).
TARGET_STATUS = {"notice": m.MeetingStatus.NOTICE_SENT, "minutes": m.MeetingStatus.HELD}
_STATUS_ORDER = [m.MeetingStatus.PLANNED, m.MeetingStatus.NOTICE_SENT, m.MeetingStatus.HELD, m.MeetingStatus.MINUTES_APPROVED]


def stored_narrative(read: ReadItem) -> str:
    """The narrative as the archive keeps it: a «[innspill]» line where the remarks fall
    when the document goes on after them."""
    if read.narrative_after.strip():
        return f"{read.narrative.strip()}\n\n{REMARKS_MARKER}\n\n{read.narrative_after.strip()}".strip()
    return read.narrative.strip()


def _hhmm(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def _fields(pairs: list[tuple[str, str, str]]) -> list[FieldPlan]:
    found = []
    for name, read, archive in pairs:
        status = field_status(read, archive)
        if status is not None:
            found.append(FieldPlan(name, read, archive, status))
    return found


class Planner:
    """One plan's look at the archive (registry names folded once)."""

    def __init__(self, store: ArchiveStore, members: Members, body: m.Body):
        self.store = store
        self.members = members
        self.body = body
        self.body_id = body.stored_id
        self._people: NameIndex | None = None
        self._organizations: NameIndex | None = None

    def registry(self) -> tuple[NameIndex, NameIndex]:
        if self._people is None or self._organizations is None:
            self._people = NameIndex(p.name for p in self.store.iter_find(m.Person))
            orgs = list(self.store.iter_find(m.Organization))
            self._organizations = NameIndex([o.name for o in orgs] + [o.short_name for o in orgs if o.short_name])
        return self._people, self._organizations

    # --- the document -------------------------------------------------------------

    def plan(self, document: ReadDocument, *, match_names: bool = True) -> ImportPlan:
        if match_names:
            document = correct_names(document, *self.registry())
        plan = ImportPlan(document=document, body_id=self.body_id, body=self.body.short_name, warnings=list(document.warnings))
        for read in document.meetings:
            plan.meetings.append(self.meeting(read, document.kind, plan.warnings))
        # A notice may carry its items' cover notes: those items are written first.
        coming = {i.read.case for mp in plan.meetings for i in mp.items if i.item_id is None and i.read.case}
        for note in document.cover_notes:
            plan.cover_notes.append(self.cover_note(note, plan.warnings, coming))
        return plan

    # --- meetings -------------------------------------------------------------------

    def find_meeting(self, read: ReadMeeting, warnings: list[str]) -> m.Meeting | None:
        year, number = parse_meeting_ref(read.number)
        others = self.store.meetings_of_year(self.body_id, year)
        by_number = next((mt for mt in others if mt.number == number and mt.status is not m.MeetingStatus.CANCELLED), None)
        if by_number is not None and by_number.date == read.date:
            return by_number
        by_date = next((mt for mt in others if mt.date == read.date and mt.status is not m.MeetingStatus.CANCELLED), None)
        if by_date is not None:
            if by_date.number != number:
                warnings.append(f"Møte {read.number}: arkivet har møtet {read.date:%d.%m.%Y} som {by_date.ref}")
            return by_date
        return by_number

    def meeting(self, read: ReadMeeting, kind: str, warnings: list[str]) -> MeetingPlan:
        if read.body and read.body.casefold() not in (self.body.short_name.casefold(), self.body.name.casefold()):
            warnings.append(f"Møte {read.number}: dokumentet gjelder «{read.body}», importeres til {self.body.short_name}")
        found = self.find_meeting(read, warnings)
        self._check_meeting_number(read, found, warnings)
        self._check_case_numbers(read, found, warnings)
        if found is None:
            plan = MeetingPlan(read, None, NEW)
        else:
            fields = _fields(
                [
                    ("date", read.date.isoformat(), found.date.isoformat()),
                    ("start", _hhmm(read.start), _hhmm(found.start_time)),
                    ("end", _hhmm(read.end), _hhmm(found.end_time)),
                    ("location", read.location or "", found.location or ""),
                ]
            )
            target = TARGET_STATUS.get(kind)
            if target is not None and found.status in _STATUS_ORDER and _STATUS_ORDER.index(found.status) < _STATUS_ORDER.index(target):
                fields.append(FieldPlan("status", target.value, found.status.value, FILLS_IN))
            plan = MeetingPlan(read, found.stored_id, overall([f.merge for f in fields]), fields)
        agenda = self.store.agenda(found.stored_id) if found is not None else []
        locked = (
            found is not None
            and found.status is m.MeetingStatus.MINUTES_APPROVED
            and not self.store.find_by(m.MinutesUnlock, meeting_id=found.stored_id, relocked_at=None, limit=1)
        )
        matched: set[int] = set()
        for item in read.items:
            plan.items.append(self.item(item, read, agenda, matched, kind))
        for row in read.attendance:
            plan.attendance.append(self.attendance(row, found))
        if locked:
            # Approved minutes are locked: what would change them is a conflict, shown.
            parts: list[ItemPlan | AttendancePlan] = [*plan.items, *plan.attendance]
            for part in parts:
                if part.merge in (NEW, FILLS_IN):
                    part.merge = CONFLICT
            if any(p.merge == CONFLICT for p in parts):
                warnings.append(f"Møte {read.number}: referatet er godkjent og låst; endringer er vist som konflikter og skrives ikke")
        return plan

    def _check_meeting_number(self, read: ReadMeeting, found: m.Meeting | None, warnings: list[str]) -> None:
        year, number = parse_meeting_ref(read.number)
        if year != read.date.year:
            warnings.append(f"Møte {read.number}: datoen {read.date:%d.%m.%Y} er ikke i år {year}")
        others = [mt for mt in self.store.meetings_of_year(self.body_id, year) if mt.id != (found.id if found else None)]
        if any(mt.number == number and mt.status is not m.MeetingStatus.CANCELLED for mt in others):
            warnings.append(f"Møtenummer {read.number} finnes fra før i arkivet med en annen dato")
        held = {mt.number for mt in others} | {number}
        missing = [n for n in range(1, number) if n not in held]
        if missing:
            warnings.append(f"{self.body.short_name} {year}: møte {', '.join(f'{n}/{year}' for n in missing)} mangler i arkivet")

    def _check_case_numbers(self, read: ReadMeeting, found: m.Meeting | None, warnings: list[str]) -> None:
        seqs: list[int] = []
        for item in read.items:
            if item.kind != "item" or not item.case:
                continue
            try:
                case = parse_case_ref(item.case).number
            except ParseError:
                warnings.append(f"Møte {read.number}: «{item.case}» er ikke et saksnummer")
                continue
            if case.year != read.date.year:
                warnings.append(f"Sak {item.case}: saksnummeret er fra et annet år enn møtet")
                continue
            if case.seq in seqs:
                warnings.append(f"Sak {item.case} står to ganger i dokumentet")
            seqs.append(case.seq)
            try:
                holder = self.store.item_by_case(self.body_id, case.year, case.seq)
            except errors.NotFound:
                continue
            if found is None or holder.meeting_id != found.id:
                other = self.store.get(m.Meeting, holder.meeting_id)
                warnings.append(f"Sak {item.case} finnes fra før i møte {other.ref} («{holder.title}»)")
        if not seqs:
            return
        ordered = sorted(set(seqs))
        gaps = [n for n in range(ordered[0], ordered[-1]) if n not in ordered]
        if gaps:
            warnings.append(f"Møte {read.number}: saksnumrene hopper over {', '.join(f'{n}/{read.date.year % 100:02d}' for n in gaps)}")
        earlier = [
            it.case_seq
            for mt in self.store.meetings_of_year(self.body_id, read.date.year)
            if mt.date < read.date and mt.id != (found.id if found else None)
            for it in self.store.agenda(mt.stored_id)
            if it.case_seq is not None
        ]
        if earlier and ordered[0] != max(earlier) + 1:
            warnings.append(
                f"Møte {read.number}: første sak er {ordered[0]}/{read.date.year % 100:02d}, "
                f"men forrige møte sluttet på {max(earlier)}/{read.date.year % 100:02d}"
            )

    # --- items ------------------------------------------------------------------------

    def find_item(self, read: ReadItem, agenda: list[m.AgendaItem], matched: set[int]) -> m.AgendaItem | None:
        free = [it for it in agenda if it.stored_id not in matched]
        if read.kind == "break":
            return next((it for it in free if it.is_break and same_text(it.title, read.title)), None)
        if read.case:
            try:
                case = parse_case_ref(read.case).number
            except ParseError:
                case = None
            if case is not None:
                hit = next((it for it in free if it.case_year == case.year and it.case_seq == case.seq), None)
                if hit is not None:
                    return hit
        # An item planned in the app under another (provisional) number: the same title.
        return next((it for it in free if not it.is_break and read.title and same_text(it.title, read.title)), None)

    def item(self, read: ReadItem, meeting: ReadMeeting, agenda: list[m.AgendaItem], matched: set[int], kind: str) -> ItemPlan:
        found = self.find_item(read, agenda, matched)
        if found is None:
            remarks = [RemarkPlan(r, NEW) for r in read.remarks]
            return ItemPlan(read, None, NEW, remarks=remarks)
        matched.add(found.stored_id)
        if read.kind == "break":
            return ItemPlan(read, found.stored_id, SAME)
        fields = _fields(
            [
                ("title", read.title, found.title),
                ("type", read.type or "", found.item_type.value if found.item_type else ""),
                ("description", read.description, found.description),
                ("proposed_decision", read.proposed_decision, found.proposed_decision),
                ("decision", read.decision, found.decision),
                ("narrative", stored_narrative(read), found.narrative),
                ("exempt", exemption_text(read.exempt_basis) if read.exempt else "", item_marker(found)),
            ]
        )
        if kind == "minutes" and found.state is m.ItemState.PLANNED:
            fields.append(FieldPlan("state", m.ItemState.HANDLED.value, found.state.value, FILLS_IN))
        stored = self.store.find_by(m.Remark, item_id=found.stored_id, order_by="position, id")
        pairs = match_remarks([(r.speaker, r.text) for r in read.remarks], [(r.speaker, r.text) for r in stored])
        remarks = [
            RemarkPlan(remark, status, stored[hit].text if status == CONFLICT and hit is not None else "")
            for remark, (status, hit) in zip(read.remarks, pairs, strict=True)
        ]
        attachments = {a.label for a in self.store.find_by(m.Attachment, item_id=found.stored_id)}
        new_attachments = [a for a in read.attachments if attachment_label(a.label) not in attachments]
        statuses: list[MergeStatus | None] = [f.merge for f in fields]
        statuses += [r.merge for r in remarks]
        statuses += [NEW for _ in new_attachments]
        return ItemPlan(read, found.stored_id, overall(statuses), fields, remarks)

    # --- attendance -------------------------------------------------------------------

    def person_named(self, name: str, organization: str = "") -> m.Person | None:
        found = self.store.find_by(m.Person, name=" ".join(name.split()), limit=20)
        if len(found) > 1 and organization:
            org = self.organization_named(organization)
            found = [p for p in found if org is not None and p.organization_id == org.id] or found
        return found[0] if found else None

    def organization_named(self, name: str) -> m.Organization | None:
        return self.members.organization_named(name) or registry.organization_called(self.store, " ".join(name.split()))

    def attendance(self, read: ReadAttendance, meeting: m.Meeting | None) -> AttendancePlan:
        person = self.person_named(read.name, read.organization)
        if person is None or meeting is None:
            return AttendancePlan(read, person.id if person else None, None, NEW)
        found = self.store.find_by(m.Attendance, meeting_id=meeting.stored_id, person_id=person.stored_id, limit=1)
        if not found:
            return AttendancePlan(read, person.stored_id, None, NEW)
        row = found[0]
        org = self.members.organizations_by_ids([row.organization_id]).get(row.organization_id or 0)
        replaced = self.members.people_by_ids([row.substitute_for_person_id]).get(row.substitute_for_person_id or 0)
        fields = _fields(
            [
                ("status", read.status, row.status.value),
                ("role", read.role, row.role.value),
                ("organization", read.organization, org.name if org else ""),
                ("arrived", _hhmm(read.arrived), _hhmm(row.arrived_at)),
                ("left", _hhmm(read.left), _hhmm(row.left_at)),
                ("substitute_for", read.substitute_for or "", replaced.name if replaced else ""),
            ]
        )
        if org is not None and read.organization and org.short_name and same_text(read.organization, org.short_name):
            fields = [f for f in fields if f.name != "organization"]
        if read.remote != row.remote:
            fields.append(FieldPlan("remote", "ja" if read.remote else "nei", "ja" if row.remote else "nei", CONFLICT))
        return AttendancePlan(read, person.stored_id, row.stored_id, overall([f.merge for f in fields]), fields)

    # --- cover notes --------------------------------------------------------------------

    def cover_note(self, read: ReadCoverNote, warnings: list[str], coming: Collection[str] = ()) -> CoverNotePlan:
        item = self.item_for_case(read.case)
        links = [self.link(row, item, warnings) for row in read.earlier_decisions]
        if item is None and _bare_case(read.case) in coming:
            return CoverNotePlan(read, None, NEW, links=links)
        if item is None:
            warnings.append(f"Toppnotat for sak {read.case or '?'}: saken finnes ikke i arkivet; importer innkallingen først")
            return CoverNotePlan(read, None, CONFLICT, links=links)
        fields = _fields(
            [
                ("type", read.type or "", item.item_type.value if item.item_type else ""),
                ("proposed_decision", read.proposed_decision, item.proposed_decision),
                ("purpose", read.purpose, item.purpose),
                ("background", cover_background(read), item.background),
            ]
        )
        statuses: list[MergeStatus | None] = [f.merge for f in fields]
        statuses += [link.merge for link in links if link.earlier_item_id is not None]
        return CoverNotePlan(read, item.stored_id, overall(statuses), fields, links)

    def item_for_case(self, text: str) -> m.AgendaItem | None:
        try:
            ref = parse_case_ref(text)
        except ParseError:
            return None
        body_id = self.body_id
        if ref.body:
            other = self.body_called(ref.body)
            if other is None:
                return None
            body_id = other.stored_id
        try:
            return self.store.item_by_case(body_id, ref.number.year, ref.number.seq)
        except errors.NotFound:
            return None

    def body_called(self, name: str) -> m.Body | None:
        name = " ".join(name.split()).casefold()
        return next((b for b in self.members.bodies() if name in (b.short_name.casefold(), b.name.casefold())), None)

    def link(self, read, item: m.AgendaItem | None, warnings: list[str]) -> LinkPlan:
        earlier = self.earlier_item(read.case)
        if earlier is None:
            warnings.append(f"Tidligere behandling «{read.case}» finnes ikke i arkivet: står bare som tekst (ekstern referanse)")
            return LinkPlan(read, None, NEW)
        linked = item is not None and bool(self.store.find_by(m.ItemLink, item_id=item.stored_id, earlier_item_id=earlier.stored_id, limit=1))
        return LinkPlan(read, earlier.stored_id, SAME if linked else NEW)

    def earlier_item(self, case: str) -> m.AgendaItem | None:
        """«NUIT 15/21 (20.5.21)», «Nasjonalt e-helseråd 3/23»: the cited body's item."""
        text = case.split("(")[0].strip()
        head, _, number = text.rpartition(" ")
        body = self.body_called(head) if head else self.body
        if body is None or "/" not in number:
            return None
        try:
            ref = parse_case_ref(number).number
            return self.store.item_by_case(body.stored_id, ref.year, ref.seq)
        except (ParseError, errors.NotFound):
            return None


def _bare_case(text: str) -> str:
    """«NUIT 18/23» or «18/23» as the agenda writes it: «18/23»."""
    return text.strip().rpartition(" ")[2]


def attachment_label(label: str) -> str:
    """«4A» as the archive labels it: «Vedlegg 4A»."""
    label = label.strip()
    return label if label.casefold().startswith("vedlegg") else f"Vedlegg {label}"


def cover_background(read: ReadCoverNote) -> str:
    """The background with the cover note's other sections after it, under their headings."""
    parts = [read.background.strip()] + [f"{s.heading}\n\n{s.text.strip()}" for s in read.sections if s.text.strip()]
    return "\n\n".join(p for p in parts if p)
