"""Undo of the last delete: there is no bin, so a delete keeps what it removed.

Each delete here runs the subject's own delete (its rules, its lock check) and,
in the same transaction, first reads the row with everything the delete takes
along (store/undo.py). `restore` puts it all back with the same ids in one
transaction; the app keeps the last few `Deletion`s (Ctrl+Z), not the archive.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import models as m
from ..store import ArchiveStore, errors
from ..store import undo as store_undo
from .agenda import AgendaService
from .attendance import Attendance
from .follow_ups import FollowUps
from .meetings import Meetings
from .minute_taking import MinuteTaking
from .minutes_lock import MinutesLock
from .numbering import renumber
from .year_plan import YearPlan


@dataclass(frozen=True)
class Deletion:
    """What one delete removed: the rows, and where an agenda entry stood."""

    what: str  # Norwegian, for «Angret sletting av …»
    model: type[m.Record]
    record_id: int
    meeting_id: int | None  # None: a deadline, a rule, a follow-up whose item is gone
    snapshot: store_undo.Snapshot
    position: int | None = None


class Deletions:
    def __init__(
        self,
        store: ArchiveStore,
        meetings: Meetings,
        agenda: AgendaService,
        minutes: MinuteTaking,
        attendance: Attendance,
        lock: MinutesLock,
        year_plan: YearPlan,
        follow_ups: FollowUps,
    ):
        self.store = store
        self.meetings = meetings
        self.agenda = agenda
        self.minutes = minutes
        self.attendance = attendance
        self.lock = lock
        self.year_plan = year_plan
        self.follow_ups = follow_ups

    def delete_item(self, item_id: int, what: str) -> Deletion:
        """Delete an agenda item or break (its remarks, people, attachments go with it)."""
        with self.store.write():
            item = self.agenda.item(item_id)
            snap = store_undo.snapshot(self.store, m.AgendaItem, item_id)
            self.agenda.delete_item(item_id)
        return Deletion(what, m.AgendaItem, item_id, item.meeting_id, snap, position=item.position)

    def delete_remark(self, remark_id: int, what: str) -> Deletion:
        with self.store.write():
            remark = self.store.get(m.Remark, remark_id)
            snap = store_undo.snapshot(self.store, m.Remark, remark_id)
            self.minutes.delete_remark(remark_id)
        return Deletion(what, m.Remark, remark_id, self.agenda.item(remark.item_id).meeting_id, snap)

    def remove_attendance(self, attendance_id: int, what: str) -> Deletion:
        with self.store.write():
            snap = store_undo.snapshot(self.store, m.Attendance, attendance_id)
            row = self.attendance.remove(attendance_id)
        return Deletion(what, m.Attendance, attendance_id, row.meeting_id, snap)

    def delete_deadline(self, deadline_id: int, what: str) -> Deletion:
        with self.store.write():
            snap = store_undo.snapshot(self.store, m.Deadline, deadline_id)
            self.year_plan.delete_deadline(deadline_id)
        return Deletion(what, m.Deadline, deadline_id, None, snap)

    def delete_rule(self, rule_id: int, what: str) -> Deletion:
        with self.store.write():
            snap = store_undo.snapshot(self.store, m.DeadlineRule, rule_id)
            self.year_plan.delete_rule(rule_id)
        return Deletion(what, m.DeadlineRule, rule_id, None, snap)

    def delete_follow_up(self, follow_up_id: int, what: str) -> Deletion:
        """Delete a follow-up; one from approved minutes only while they are unlocked
        (the minutes list the follow-ups of each decision)."""
        with self.store.write():
            follow_up = self.follow_ups.get(follow_up_id)
            meeting_id = self.agenda.item(follow_up.item_id).meeting_id if follow_up.item_id is not None else None
            self.follow_ups.ensure_editable(follow_up.item_id)
            snap = store_undo.snapshot(self.store, m.FollowUp, follow_up_id)
            self.store.delete(m.FollowUp, follow_up_id)
        return Deletion(what, m.FollowUp, follow_up_id, meeting_id, snap)

    def restore(self, deletion: Deletion) -> None:
        """Put a deleted row back as it was, or refuse with a reason (nothing changed)."""
        with self.store.write():
            meeting = None
            if deletion.meeting_id is not None:
                meeting = self.meetings.get(deletion.meeting_id)  # NotFound: the meeting is gone
                if deletion.model is not m.AgendaItem:
                    self.lock.ensure_editable(deletion.meeting_id)
            if self.store.count(deletion.model, "id = ?", [deletion.record_id]):
                raise errors.Conflict(f"Kan ikke angre: {deletion.what} finnes allerede")
            if deletion.position is not None:
                store_undo.shift_positions(self.store, "agenda_items", "meeting_id", deletion.meeting_id, deletion.position)
            store_undo.restore(self.store, deletion.snapshot)
            if meeting is not None and deletion.model is m.AgendaItem:
                renumber(self.store, meeting.body_id, meeting.year)
