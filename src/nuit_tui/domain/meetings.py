"""A meeting's life: which status may follow which, and what each status allows."""

from __future__ import annotations

from .enums import MeetingStatus

# Which status a meeting may move to from each status.
STATUS_STEPS: dict[MeetingStatus, frozenset[MeetingStatus]] = {
    MeetingStatus.PLANNED: frozenset({MeetingStatus.NOTICE_SENT, MeetingStatus.CANCELLED}),
    MeetingStatus.NOTICE_SENT: frozenset({MeetingStatus.HELD, MeetingStatus.CANCELLED}),
    MeetingStatus.HELD: frozenset({MeetingStatus.MINUTES_APPROVED}),
    MeetingStatus.MINUTES_APPROVED: frozenset(),
    MeetingStatus.CANCELLED: frozenset(),
}

# Still being prepared: items may be added, moved in or deferred to it.
PREPARING: frozenset[MeetingStatus] = frozenset({MeetingStatus.PLANNED, MeetingStatus.NOTICE_SENT})


def can_move(current: MeetingStatus, status: MeetingStatus) -> bool:
    """Whether a meeting with status `current` may be given `status` (staying is allowed)."""
    return status is current or status in STATUS_STEPS[current]


def is_preparing(status: MeetingStatus) -> bool:
    return status in PREPARING
