"""Who was in the room when: attendance as a time span per person."""

from __future__ import annotations

import datetime as dt

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
