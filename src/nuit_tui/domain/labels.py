"""Norwegian words for the stored values, shared by screens and documents."""

from __future__ import annotations

from .enums import AttendanceStatus, ItemState, MeetingStatus, MembershipRole

MEETING_STATUS = {
    MeetingStatus.PLANNED: "Planlagt",
    MeetingStatus.NOTICE_SENT: "Innkalling sendt",
    MeetingStatus.HELD: "Avholdt",
    MeetingStatus.MINUTES_APPROVED: "Referat godkjent",
    MeetingStatus.CANCELLED: "Avlyst",
}

ITEM_STATE = {
    ItemState.PLANNED: "Planlagt",
    ItemState.HANDLED: "Behandlet",
    ItemState.DEFERRED: "Utsatt",
    ItemState.WITHDRAWN: "Trukket",
}

# One glyph per state and one for exempt, in the agenda and meeting mode; never colour alone.
ITEM_STATE_MARK = {
    ItemState.PLANNED: " ",
    ItemState.HANDLED: "✓",
    ItemState.DEFERRED: "»",
    ItemState.WITHDRAWN: "✗",
}
EXEMPT_MARK = "§"
ITEM_MARKS_LEGEND = (
    ("✓", "behandlet"),
    ("»", "utsatt"),
    ("✗", "trukket"),
    (EXEMPT_MARK, "unntatt offentlighet"),
)


def item_marks(state: ItemState, exempt: bool) -> str:
    """Two characters: the item's state and «§» when it is exempt ("✓§", "» ", "  ")."""
    return ITEM_STATE_MARK[state] + (EXEMPT_MARK if exempt else " ")


def item_marks_legend() -> str:
    """"✓ behandlet · » utsatt · ✗ trukket · § unntatt offentlighet"."""
    return " · ".join(f"{mark} {text}" for mark, text in ITEM_MARKS_LEGEND)


MEMBERSHIP_ROLE = {
    MembershipRole.MEMBER: "Medlem",
    MembershipRole.SUBSTITUTE: "Stedfortreder",
    MembershipRole.SECRETARIAT: "Sekretariat",
    MembershipRole.OBSERVER: "Observatør",
}

ATTENDANCE_STATUS = {
    AttendanceStatus.PRESENT: "Til stede",
    AttendanceStatus.ABSENT_WITH_NOTICE: "Forfall",
    AttendanceStatus.ABSENT_WITHOUT_NOTICE: "Ikke til stede",
}
