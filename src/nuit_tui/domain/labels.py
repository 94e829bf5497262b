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
