"""Who was in the room when: attendance as a time span per person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Attendance, AttendanceRole, AttendanceStatus

VOTING_ROLES = (AttendanceRole.MEMBER, AttendanceRole.SUBSTITUTE)


def present_during(attendance: Attendance, start: dt.time, end: dt.time) -> bool:
    """Whether the person was there for the whole of [start, end].

    Arrived after the start or left before the end counts as not present: a
    decision's legitimacy is about who was there when it was made.
    """
    if attendance.status is not AttendanceStatus.PRESENT:
        return False
    if attendance.arrived_at is not None and attendance.arrived_at > start:
        return False
    if attendance.left_at is not None and attendance.left_at < end:
        return False
    return True


def present_at_item(records: list[Attendance], start: dt.time, end: dt.time) -> list[Attendance]:
    """The members and substitutes present for an item, in list order."""
    return [a for a in records if a.role in VOTING_ROLES and present_during(a, start, end)]


@dataclass(frozen=True)
class AttendanceCount:
    """The attendance line's numbers: members and substitutes present (on video),
    members absent with and without notice, substitutes, members not registered."""

    present: int
    remote: int
    absent_with_notice: int
    absent_without_notice: int
    substitutes: int
    unregistered: int
    members: int


def count_attendance(member_ids: Sequence[int], records: Sequence[Attendance]) -> AttendanceCount:
    """Counts over the meeting's members (person ids, on its date) and attendance rows."""
    voting = [a for a in records if a.role in VOTING_ROLES]
    present = [a for a in voting if a.status is AttendanceStatus.PRESENT]
    members = [a for a in voting if a.role is AttendanceRole.MEMBER]
    listed = {a.person_id for a in records}
    return AttendanceCount(
        present=len(present),
        remote=sum(a.remote for a in present),
        absent_with_notice=sum(a.status is AttendanceStatus.ABSENT_WITH_NOTICE for a in members),
        absent_without_notice=sum(a.status is AttendanceStatus.ABSENT_WITHOUT_NOTICE for a in members),
        substitutes=sum(a.role is AttendanceRole.SUBSTITUTE for a in voting),
        unregistered=sum(person_id not in listed for person_id in member_ids),
        members=len(member_ids),
    )
