"""Attendance: who came, and when.

A member's row is created on the first key pressed for them, not up front:
"not registered" must stay distinct from "present", since presence decides
whether a decision was lawfully made. Attendance is part of the minutes, so it
follows the minutes lock.
"""

from __future__ import annotations

import datetime as dt

from ..domain import models as m
from ..store import ArchiveStore, errors
from .agenda import AgendaService
from .meetings import Meetings
from .members import Members, checked_text
from .minutes_lock import MinutesLock


class Attendance:
    """The attendance list of each meeting."""

    def __init__(self, store: ArchiveStore, members: Members, meetings: Meetings, agenda: AgendaService, lock: MinutesLock):
        self.store = store
        self.members = members
        self.meetings = meetings
        self.agenda = agenda
        self.lock = lock

    ATTENDANCE_ROLE_WORDS = {
        m.AttendanceRole.MEMBER: "medlem",
        m.AttendanceRole.SUBSTITUTE: "stedfortreder",
        m.AttendanceRole.SECRETARIAT: "sekretariatet",
        m.AttendanceRole.GUEST: "gjest",
        m.AttendanceRole.OBSERVER: "observatør",
    }

    def rows(self, meeting_id: int) -> list[m.Attendance]:
        return self.store.find_by(m.Attendance, meeting_id=meeting_id, order_by="position, id")

    def row_of(self, meeting_id: int, person_id: int) -> m.Attendance | None:
        found = self.store.find_by(m.Attendance, meeting_id=meeting_id, person_id=person_id, limit=1)
        return found[0] if found else None

    def add(self, attendance: m.Attendance) -> m.Attendance:
        if attendance.position == 0:
            count = self.store.count_by(m.Attendance, meeting_id=attendance.meeting_id)
            attendance = attendance.model_copy(update={"position": count + 1})
        return self.store.insert(attendance)

    def meeting_members(self, meeting_id: int) -> list[m.Membership]:
        """The body's members (not substitutes or staff) on the meeting's date, in notice order."""
        meeting = self.meetings.get(meeting_id)
        return [ms for ms in self.members.members_on(meeting.body_id, meeting.date) if ms.role is m.MembershipRole.MEMBER]

    def suggested_substitute(self, meeting_id: int, member_person_id: int) -> int | None:
        """The body's registered substitute for the member (a person id), unless already
        on the list: the likely one to offer when the member sends a substitute."""
        meeting = self.meetings.get(meeting_id)
        listed = {a.person_id for a in self.rows(meeting_id)}
        return next(
            (
                ms.person_id
                for ms in self.members.members_on(meeting.body_id, meeting.date)
                if ms.role is m.MembershipRole.SUBSTITUTE and ms.substitute_for_person_id == member_person_id
                and ms.person_id not in listed
            ),
            None,
        )

    def _attendance_meeting(self, meeting_id: int) -> m.Meeting:
        """The meeting, if its attendance may change: it is part of the minutes, which lock when approved."""
        self.lock.ensure_editable(meeting_id)
        return self.meetings.get(meeting_id)

    def _member_on(self, meeting: m.Meeting, person_id: int) -> m.Membership | None:
        return next(
            (ms for ms in self.members.members_on(meeting.body_id, meeting.date)
             if ms.person_id == person_id and ms.role is m.MembershipRole.MEMBER),
            None,
        )

    def _attendance_row(self, meeting: m.Meeting, person_id: int) -> m.Attendance:
        """The person's row, or an unsaved one (id None) for a member not registered yet."""
        row = self.row_of(meeting.stored_id, person_id)
        if row is not None:
            return row
        membership = self._member_on(meeting, person_id)
        person = self.members.person(person_id)
        if membership is None:
            body = self.members.body_by_id(meeting.body_id)
            raise errors.Conflict(f"{person.name} er verken medlem av {body.short_name} på møtedagen eller i deltakerlisten")
        return m.Attendance(
            meeting_id=meeting.id,
            person_id=person_id,
            role=m.AttendanceRole.MEMBER,
            organization_id=membership.organization_id or person.organization_id,
            position=membership.position,  # the minutes list members in notice order
        )

    def _save_attendance(self, row: m.Attendance) -> m.Attendance:
        return self.store.insert(row) if row.id is None else self.store.update(row)

    def _next_attendance_position(self, meeting_id: int) -> int:
        return max((a.position for a in self.rows(meeting_id)), default=0) + 1

    def ensure(self, meeting_id: int) -> list[m.Attendance]:
        """The meeting's attendance, with the secretariat filled in from the body's
        secretariat memberships while none is listed. Members are not filled in
        (see above). Approved or cancelled meetings are only read."""
        meeting = self.meetings.get(meeting_id)
        if meeting.status in (m.MeetingStatus.MINUTES_APPROVED, m.MeetingStatus.CANCELLED):
            return self.rows(meeting_id)
        with self.store.write():
            rows = self.rows(meeting_id)
            if not any(a.role is m.AttendanceRole.SECRETARIAT for a in rows):
                listed = {a.person_id for a in rows}
                position = self._next_attendance_position(meeting_id)
                for ms in self.members.members_on(meeting.body_id, meeting.date):
                    if ms.role is not m.MembershipRole.SECRETARIAT or ms.person_id in listed:
                        continue
                    organization_id = ms.organization_id or self.members.person(ms.person_id).organization_id
                    self.store.insert(
                        m.Attendance(
                            meeting_id=meeting_id,
                            person_id=ms.person_id,
                            role=m.AttendanceRole.SECRETARIAT,
                            organization_id=organization_id,
                            position=position,
                        )
                    )
                    listed.add(ms.person_id)
                    position += 1
        return self.rows(meeting_id)

    def set_status(self, meeting_id: int, person_id: int, status: m.AttendanceStatus) -> m.Attendance:
        status = m.AttendanceStatus(status)
        with self.store.write():
            row = self._attendance_row(self._attendance_meeting(meeting_id), person_id)
            update: dict = {"status": status}
            if status is not m.AttendanceStatus.PRESENT:
                # Absent means not there at all: a time span or video would contradict it.
                update.update(remote=False, arrived_at=None, left_at=None)
            return self._save_attendance(row.model_copy(update=update))

    def set_remote(self, meeting_id: int, person_id: int, remote: bool) -> m.Attendance:
        """On video or in the room; joining by video means being there."""
        with self.store.write():
            row = self._attendance_row(self._attendance_meeting(meeting_id), person_id)
            update: dict = {"remote": remote}
            if remote:
                update["status"] = m.AttendanceStatus.PRESENT
            return self._save_attendance(row.model_copy(update=update))

    def set_arrived(self, meeting_id: int, person_id: int, time: dt.time | None) -> m.Attendance:
        """Arrived late at `time` (None: from the start); an arrival makes the person present."""
        return self._set_span(meeting_id, person_id, arrived_at=time)

    def set_left(self, meeting_id: int, person_id: int, time: dt.time | None) -> m.Attendance:
        """Left early at `time` (None: stayed to the end); a departure makes the person present."""
        return self._set_span(meeting_id, person_id, left_at=time)

    def _set_span(self, meeting_id: int, person_id: int, **change: dt.time | None) -> m.Attendance:
        with self.store.write():
            row = self._attendance_row(self._attendance_meeting(meeting_id), person_id)
            arrived = change.get("arrived_at", row.arrived_at)
            left = change.get("left_at", row.left_at)
            if arrived is not None and left is not None and left <= arrived:
                name = self.members.person(person_id).name
                raise errors.Conflict(
                    f"{name} kom kl. {arrived:%H.%M} og kan ikke ha gått kl. {left:%H.%M}; «Gikk kl.» må være etter «Kom kl.»"
                )
            update: dict = dict(change)
            if any(value is not None for value in change.values()):
                update["status"] = m.AttendanceStatus.PRESENT
            return self._save_attendance(row.model_copy(update=update))

    def add_substitute(self, meeting_id: int, member_person_id: int, substitute_person_id: int) -> m.Attendance:
        """The substitute attends for the member, for the member's organisation; the
        member is marked absent with notice unless already marked absent."""
        with self.store.write():
            meeting = self._attendance_meeting(meeting_id)
            body = self.members.body_by_id(meeting.body_id)
            member = self.members.person(member_person_id)
            substitute = self.members.person(substitute_person_id)
            if self._member_on(meeting, member.stored_id) is None:
                raise errors.Conflict(
                    f"{member.name} er ikke medlem av {body.short_name} på møtedagen; en stedfortreder møter for et medlem"
                )
            if substitute.id == member.id:
                raise errors.Conflict(f"{member.name} kan ikke være stedfortreder for seg selv")
            listed = self.row_of(meeting.stored_id, substitute.stored_id)
            if listed is not None:
                raise errors.Conflict(
                    f"{substitute.name} står allerede i deltakerlisten ({self.ATTENDANCE_ROLE_WORDS[listed.role]})"
                )
            if self._member_on(meeting, substitute.stored_id) is not None:
                raise errors.Conflict(f"{substitute.name} er selv medlem av {body.short_name} og kan ikke møte som stedfortreder")
            for other in self.store.find_by(m.Attendance, meeting_id=meeting.id, substitute_for_person_id=member.id, limit=1):
                raise errors.Conflict(
                    f"{member.name} har allerede {self.members.person(other.person_id).name} som stedfortreder; fjern den først"
                )
            row = self._attendance_row(meeting, member.stored_id)
            if row.status is m.AttendanceStatus.PRESENT:
                row = row.model_copy(
                    update={"status": m.AttendanceStatus.ABSENT_WITH_NOTICE, "remote": False, "arrived_at": None, "left_at": None}
                )
            row = self._save_attendance(row)
            return self.store.insert(
                m.Attendance(
                    meeting_id=meeting.id,
                    person_id=substitute.id,
                    role=m.AttendanceRole.SUBSTITUTE,
                    status=m.AttendanceStatus.PRESENT,
                    organization_id=row.organization_id,
                    substitute_for_person_id=member.id,
                    position=row.position,
                )
            )

    def add_attendee(self, meeting_id: int, person_id: int, role: m.AttendanceRole) -> m.Attendance:
        """Secretariat staff, a guest (a presenter, say) or an observer."""
        role = m.AttendanceRole(role)
        if role in (m.AttendanceRole.MEMBER, m.AttendanceRole.SUBSTITUTE):
            raise errors.Conflict("Medlemmer registreres i medlemslisten, stedfortredere med «Stedfortreder»")
        with self.store.write():
            meeting = self._attendance_meeting(meeting_id)
            person = self.members.person(person_id)
            listed = self.row_of(meeting.stored_id, person.stored_id)
            if listed is not None:
                raise errors.Conflict(f"{person.name} står allerede i deltakerlisten ({self.ATTENDANCE_ROLE_WORDS[listed.role]})")
            if self._member_on(meeting, person.stored_id) is not None:
                body = self.members.body_by_id(meeting.body_id)
                raise errors.Conflict(f"{person.name} er medlem av {body.short_name}; registrer oppmøtet i medlemslisten")
            return self.store.insert(
                m.Attendance(
                    meeting_id=meeting.id,
                    person_id=person.id,
                    role=role,
                    organization_id=person.organization_id,
                    position=self._next_attendance_position(meeting.stored_id),
                )
            )

    def remove(self, attendance_id: int) -> m.Attendance:
        """Take a row off the list (a member's row: back to not registered)."""
        with self.store.write():
            row = self.store.get(m.Attendance, attendance_id)
            self._attendance_meeting(row.meeting_id)
            self.store.delete(m.Attendance, attendance_id)
        return row

    def attendee_for_name(self, text: str, *, organization_id: int | None = None) -> tuple[m.Person, bool]:
        """The person a typed name means, or a new person by that name (True when new).
        A new person gets the organisation in "Name (Organisation)", else `organization_id`."""
        with self.store.write():
            person = self.members.match_person(text)
            if person is not None:
                return person, False
            name = " ".join(text.split())
            if name.endswith(")") and " (" in name:
                name, organization = name[:-1].split(" (", 1)
                organization_id, _ = self.members.organization_for(organization)
            name = checked_text(name, "Navn")
            return self.store.insert(m.Person(name=name, organization_id=organization_id)), True

    def present_at_item(self, item_id: int) -> list[tuple[m.Person, m.Attendance]]:
        """The members and substitutes there for the whole of the item, in list order."""
        from ..domain.attendance import present_at_item

        item = self.agenda.item(item_id)
        start, end = self.agenda.item_span(item_id)
        present = present_at_item(self.rows(item.meeting_id), start, end)
        people = self.members.people_by_ids(a.person_id for a in present)
        return [(people[a.person_id], a) for a in present]
