"""Who was in the room when: attendance as a time span per person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Attendance, AttendanceRole, AttendanceStatus
from .norwegian import clock

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


def _overlap(a: Attendance, b: Attendance) -> tuple[bool, dt.time | None, dt.time | None]:
    """Whether two present people's spans meet, and the shared span (None: from the
    start, to the end). Left at 12.00 and arrived at 12.00 do not meet: a hand-over."""
    starts = [t for t in (a.arrived_at, b.arrived_at) if t is not None]
    ends = [t for t in (a.left_at, b.left_at) if t is not None]
    start, end = max(starts, default=None), min(ends, default=None)
    return (start is None or end is None or start < end), start, end


def present_with_substitute(records: Sequence[Attendance]) -> list[tuple[Attendance, Attendance]]:
    """(member, substitute) rows where both are marked present at the same time.

    A substitute attends only in the member's place: both in the room at once is most
    likely a key pressed on the wrong row. Not a refusal (the secretary may know better),
    but something to say. A hand-over (the member left, the substitute came after) is fine.
    """
    members = {
        a.person_id: a for a in records if a.role is AttendanceRole.MEMBER and a.status is AttendanceStatus.PRESENT
    }
    found = []
    for sub in records:
        if sub.role is not AttendanceRole.SUBSTITUTE or sub.status is not AttendanceStatus.PRESENT:
            continue
        member = members.get(sub.substitute_for_person_id) if sub.substitute_for_person_id is not None else None
        if member is not None and _overlap(member, sub)[0]:
            found.append((member, sub))
    return found


def present_with_substitute_text(member_name: str, substitute_name: str, member: Attendance, substitute: Attendance) -> str:
    """«Både Kari Nordmann (KS) og stedfortrederen Vara Vestli står som til stede (fra kl. 10.00); …»."""
    _, start, end = _overlap(member, substitute)
    if start is not None and end is not None:
        when = f" (kl. {clock(start)}–{clock(end)})"
    elif start is not None:
        when = f" (fra kl. {clock(start)})"
    elif end is not None:
        when = f" (til kl. {clock(end)})"
    else:
        when = ""
    return (
        f"Både {member_name} og stedfortrederen {substitute_name} står som til stede{when}; "
        "en stedfortreder møter bare i medlemmets sted"
    )
