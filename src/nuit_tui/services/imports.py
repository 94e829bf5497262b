"""Importing past notices, minutes and cover notes: plan, then apply in one transaction.

`plan` holds what a reader understood (`importers/meeting_record.ReadDocument`) against
the archive and gives each part a merge status (see `import_plan.py`); `apply` writes
what is new and fills in what the archive left empty, all in one `BEGIN IMMEDIATE …
COMMIT`, and never overwrites a conflict. Importing the same document twice changes
nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain import models as m
from ..importers.meeting_record import ReadDocument, ReadItem, ReadMeeting
from ..store import ArchiveStore, errors
from .agenda import AgendaService
from .attendance import Attendance
from .import_plan import CONFLICT, FILLS_IN, NEW, AttendancePlan, CoverNotePlan, ImportPlan, ItemPlan, MeetingPlan
from .import_planner import TARGET_STATUS, Planner, attachment_label, cover_background, stored_narrative
from .meetings import Meetings
from .members import Members
from .minute_taking import MinuteTaking
from .minutes_lock import MinutesLock

DEFAULT_START, DEFAULT_END = dt.time(9, 0), dt.time(16, 0)
_STEPS = [m.MeetingStatus.PLANNED, m.MeetingStatus.NOTICE_SENT, m.MeetingStatus.HELD]


@dataclass
class ImportResult:
    """What an applied import wrote: counts per kind of part, and the conflicts left as they were."""

    meetings: int = 0
    items: int = 0
    remarks: int = 0
    attendance: int = 0
    links: int = 0
    filled: int = 0
    conflicts: int = 0

    @property
    def changed(self) -> int:
        return self.meetings + self.items + self.remarks + self.attendance + self.links + self.filled


def _minutes_of_day(start: dt.time, end: dt.time) -> int:
    return max(0, (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute))


def _durations(read: ReadMeeting) -> list[int]:
    """Each entry's minutes from its start to its end (or the next entry's start, or the meeting's end)."""
    minutes = []
    for index, item in enumerate(read.items):
        end = item.end
        if end is None:
            end = next((later.start for later in read.items[index + 1 :] if later.start is not None), read.end)
        minutes.append(_minutes_of_day(item.start, end) if item.start is not None and end is not None else 0)
    return minutes


class Imports:
    """Past meeting documents into the archive."""

    def __init__(
        self,
        store: ArchiveStore,
        members: Members,
        meetings: Meetings,
        agenda: AgendaService,
        attendance: Attendance,
        minutes: MinuteTaking,
        lock: MinutesLock,
    ):
        self.store = store
        self.members = members
        self.meetings = meetings
        self.agenda = agenda
        self.attendance = attendance
        self.minutes = minutes
        self.lock = lock

    def plan(self, document: ReadDocument, body: str) -> ImportPlan:
        """What importing `document` into `body` would do; reads only."""
        with self.store.read():
            return Planner(self.store, self.members, self.members.body(body)).plan(document)

    def apply(self, plan: ImportPlan) -> ImportResult:
        """Write the plan in one transaction: planned again inside it (the archive may have
        moved since), keeping the parts the user skipped skipped."""
        result = ImportResult()
        with self.store.write():
            body = self.members.body_by_id(plan.body_id)
            fresh = Planner(self.store, self.members, body).plan(plan.document, match_names=False)
            _carry_skips(plan, fresh)
            for meeting in fresh.meetings:
                self._apply_meeting(fresh, meeting, result)
            planner = Planner(self.store, self.members, body)
            for old, note in zip(fresh.cover_notes, plan.document.cover_notes, strict=True):
                if not old.skip:  # planned again: its item may have just been written
                    self._apply_cover_note(planner.cover_note(note, []), result)
            result.conflicts = fresh.conflicts
        return result

    # --- meetings ------------------------------------------------------------------

    def _apply_meeting(self, plan: ImportPlan, mp: MeetingPlan, result: ImportResult) -> None:
        read = mp.read
        kind = plan.document.kind
        target = TARGET_STATUS.get(kind, m.MeetingStatus.PLANNED)
        if mp.meeting_id is None:
            start, end = read.start or DEFAULT_START, read.end or DEFAULT_END
            if end <= start:
                end = dt.time(min(23, start.hour + 1), start.minute)
            number = int(read.number.split("/")[0])
            meeting = self.meetings.create(
                plan.body_id, read.date, start, end, location=read.location, video_link=read.video_link,
                number=number, status=target, standard_items=False,
            )
            result.meetings += 1
        else:
            meeting = self.meetings.get(mp.meeting_id)
            meeting = self._fill_meeting(meeting, mp, result)
        agenda = self.store.agenda(meeting.stored_id)
        order: list[m.AgendaItem] = list(agenda)
        durations = _durations(read)
        placed: dict[int, m.AgendaItem] = {}
        locked = self.lock.is_locked(meeting.stored_id)
        for index, ip in enumerate(mp.items):
            if ip.skip:
                continue
            if ip.item_id is None:
                if locked:
                    continue
                item = self._insert_item(meeting, ip.read, durations[index], kind)
                after = next((placed[j] for j in range(index - 1, -1, -1) if j in placed), None)
                at = next((k + 1 for k, it in enumerate(order) if after is not None and it.id == after.id), 0)
                order.insert(at, item)
                result.items += 1
            else:
                item = self.store.get(m.AgendaItem, ip.item_id)
                if ip.merge != CONFLICT or not locked:
                    item = self._fill_item(item, ip, kind, result)
            placed[index] = item
            if not locked:
                self._add_remarks(item, ip, result)
        if order != agenda:
            self.store.write_positions([self.store.get(m.AgendaItem, it.stored_id) for it in order])
        if not locked:
            for ap in mp.attendance:
                if not ap.skip:
                    self._apply_attendance(meeting, ap, result)

    def _fill_meeting(self, meeting: m.Meeting, mp: MeetingPlan, result: ImportResult) -> m.Meeting:
        update: dict[str, object] = {}
        for f in mp.fields:
            if f.merge != FILLS_IN:
                continue
            if f.name == "location":
                update["location"] = f.read
            elif f.name == "status":
                # Step by step (planned → notice sent → held), as the app moves a meeting.
                target = m.MeetingStatus(f.read)
                while meeting.status in _STEPS and _STEPS.index(meeting.status) < _STEPS.index(target):
                    meeting = self.meetings.set_status(meeting.stored_id, _STEPS[_STEPS.index(meeting.status) + 1])
                result.filled += 1
        if update:
            meeting = self.meetings.update(self.meetings.get(meeting.stored_id).model_copy(update=update))
            result.filled += 1
        return meeting

    # --- items ----------------------------------------------------------------------

    def _insert_item(self, meeting: m.Meeting, read: ReadItem, minutes: int, kind: str) -> m.AgendaItem:
        if read.kind == "break":
            return self.store.insert(
                m.AgendaItem(meeting_id=meeting.id, kind=m.EntryKind.BREAK, position=999, title=read.title or "Pause", duration_minutes=minutes)
            )
        from ..domain.case_numbers import parse_case_ref

        case = parse_case_ref(read.case).number if read.case else None
        item = self.store.insert(
            m.AgendaItem(
                meeting_id=meeting.id,
                position=999,
                case_year=case.year if case else None,
                case_seq=case.seq if case else None,
                number_locked=case is not None,
                title=read.title,
                item_type=m.ItemType(read.type) if read.type and read.type in m.ItemType._value2member_map_ else None,
                duration_minutes=minutes,
                description=read.description,
                proposed_decision=read.proposed_decision,
                narrative=stored_narrative(read),
                state=m.ItemState.HANDLED if kind == "minutes" else m.ItemState.PLANNED,
                exempt=read.exempt,
                exempt_basis=read.exempt_basis if read.exempt else None,
            )
        )
        for attachment in read.attachments:
            self.agenda.add_attachment(m.Attachment(item_id=item.id, label=attachment_label(attachment.label), title=attachment.title))
        if read.decision.strip():
            item = self.minutes.set_decision(item.stored_id, read.decision)
        return item

    def _fill_item(self, item: m.AgendaItem, ip: ItemPlan, kind: str, result: ImportResult) -> m.AgendaItem:
        update: dict[str, object] = {}
        decision = None
        for f in ip.fields:
            if f.merge != FILLS_IN:
                continue
            if f.name == "decision":
                decision = f.read
            elif f.name == "type":
                if f.read in m.ItemType._value2member_map_:
                    update["item_type"] = m.ItemType(f.read)
            elif f.name == "state":
                update["state"] = m.ItemState(f.read)
            elif f.name == "exempt":  # the document marks the item exempt: so is it here
                update["exempt"], update["exempt_basis"] = True, ip.read.exempt_basis
            else:
                update[f.name] = f.read
        if update:
            item = self.store.update(item.model_copy(update=update))
            result.filled += 1
        if decision is not None:
            item = self.minutes.set_decision(item.stored_id, decision)
            result.filled += 1
        have = {a.label for a in self.agenda.attachments(item.stored_id)}
        for attachment in ip.read.attachments:
            label = attachment_label(attachment.label)
            if label not in have:
                self.agenda.add_attachment(m.Attachment(item_id=item.id, label=label, title=attachment.title))
                result.filled += 1
        return item

    def _add_remarks(self, item: m.AgendaItem, ip: ItemPlan, result: ImportResult) -> None:
        for rp in ip.remarks:
            if rp.merge != NEW:
                continue
            speaker = " ".join(rp.read.speaker.split())
            org = self._organization(speaker, create=False) if speaker else None
            person = self.store.find_by(m.Person, name=speaker, limit=1) if speaker and org is None else []
            self.minutes.add_remark(
                m.Remark(
                    item_id=item.stored_id,
                    speaker=speaker,
                    organization_id=org.id if org else None,
                    person_id=person[0].id if person else None,
                    text=rp.read.text,
                )
            )
            result.remarks += 1

    # --- attendance -----------------------------------------------------------------

    def _organization(self, name: str, *, create: bool) -> m.Organization | None:
        from ..store import registry

        name = " ".join(name.split())
        if not name:
            return None
        found = self.members.organization_named(name) or registry.organization_called(self.store, name)
        if found is None and create:
            found = self.store.insert(m.Organization(name=name))
        return found

    def _person(self, name: str, organization: m.Organization | None) -> m.Person:
        found = self.store.find_by(m.Person, name=" ".join(name.split()), limit=20)
        if len(found) > 1 and organization is not None:
            found = [p for p in found if p.organization_id == organization.id] or found
        if found:
            return found[0]
        return self.store.insert(m.Person(name=" ".join(name.split()), organization_id=organization.id if organization else None))

    def _apply_attendance(self, meeting: m.Meeting, ap: AttendancePlan, result: ImportResult) -> None:
        read = ap.read
        if ap.attendance_id is None:
            org = self._organization(read.organization, create=True)
            person = self._person(read.name, org)
            replaced = self._person(read.substitute_for, None) if read.substitute_for else None
            if self.attendance.row_of(meeting.stored_id, person.stored_id) is not None:
                return  # the same person twice in one document: the first line stands
            self.attendance.add(
                m.Attendance(
                    meeting_id=meeting.stored_id,
                    person_id=person.stored_id,
                    role=m.AttendanceRole(read.role),
                    status=m.AttendanceStatus(read.status),
                    remote=read.remote,
                    organization_id=org.id if org else None,
                    substitute_for_person_id=replaced.id if replaced else None,
                    arrived_at=read.arrived,
                    left_at=read.left,
                )
            )
            result.attendance += 1
            return
        update: dict[str, object] = {}
        for f in ap.fields:
            if f.merge != FILLS_IN:
                continue
            if f.name == "organization":
                org = self._organization(f.read, create=True)
                update["organization_id"] = org.id if org else None
            elif f.name == "arrived":
                update["arrived_at"] = read.arrived
            elif f.name == "left":
                update["left_at"] = read.left
            elif f.name == "substitute_for" and read.substitute_for:
                update["substitute_for_person_id"] = self._person(read.substitute_for, None).id
        if update:
            row = self.store.get(m.Attendance, ap.attendance_id)
            self.store.update(row.model_copy(update=update))
            result.filled += 1

    # --- cover notes ----------------------------------------------------------------

    def _apply_cover_note(self, cp: CoverNotePlan, result: ImportResult) -> None:
        if cp.item_id is None:
            return
        item = self.store.get(m.AgendaItem, cp.item_id)
        if self.lock.is_locked(item.meeting_id):
            return
        update: dict[str, object] = {}
        for f in cp.fields:
            if f.merge == FILLS_IN:
                if f.name == "type":
                    if f.read in m.ItemType._value2member_map_:
                        update["item_type"] = m.ItemType(f.read)
                elif f.name == "background":
                    update["background"] = cover_background(cp.read)
                else:
                    update[f.name] = f.read
        if update:
            self.store.update(item.model_copy(update=update))
            result.filled += 1
        for role, names in ((m.PersonRole.PRESENTER, cp.read.from_), (m.PersonRole.CASE_OFFICER, cp.read.case_officer)):
            people = [p for p in (self._known_person(n) for n in _names(names)) if p is not None]
            if people and not self.agenda.item_people(item.stored_id, role):
                self.agenda.set_item_people(item.stored_id, role, [p.stored_id for p in people])
                result.filled += 1
        for link in cp.links:
            if link.merge == NEW and link.earlier_item_id is not None and link.earlier_item_id != item.id:
                try:
                    self.agenda.link_earlier(item.stored_id, link.earlier_item_id)
                except errors.Conflict:
                    continue
                result.links += 1

    def _known_person(self, name: str) -> m.Person | None:
        found = self.store.find_by(m.Person, name=name, limit=1)
        return found[0] if found else None


def _names(text: str) -> list[str]:
    """«Siv Ingebrigtsen, Håvard Kolle Riis og Heidi Amundsen» → the three names."""
    parts = [p.strip() for chunk in text.replace(" og ", ",").split(",") for p in [chunk]]
    return [p for p in parts if p]


def _carry_skips(old: ImportPlan, new: ImportPlan) -> None:
    for mold, mnew in zip(old.meetings, new.meetings, strict=False):
        for a, b in zip(mold.items, mnew.items, strict=False):
            b.skip = a.skip
        for c, d in zip(mold.attendance, mnew.attendance, strict=False):
            d.skip = c.skip
    for e, f in zip(old.cover_notes, new.cover_notes, strict=False):
        f.skip = e.skip
