"""The stored values of the archive's enumerations (labels are the UI's Norwegian words,
in labels.py). Plain enums, no pydantic: cheap to import for the start screen."""

from __future__ import annotations

from enum import StrEnum


class MembershipRole(StrEnum):
    MEMBER = "member"
    SUBSTITUTE = "substitute"
    SECRETARIAT = "secretariat"
    OBSERVER = "observer"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    NOTICE_SENT = "notice_sent"
    HELD = "held"
    MINUTES_APPROVED = "minutes_approved"
    CANCELLED = "cancelled"

    @property
    def numbers_frozen(self) -> bool:
        """Case numbers are frozen from the moment the notice is out."""
        return self is not MeetingStatus.PLANNED


class ItemType(StrEnum):
    GODKJENNING = "Godkjenning"
    ORIENTERING = "Orientering"
    DROFTING = "Drøfting"
    ANBEFALING = "Anbefaling"
    BESLUTNING = "Beslutning"


class EntryKind(StrEnum):
    ITEM = "item"
    BREAK = "break"


class ItemState(StrEnum):
    PLANNED = "planned"
    HANDLED = "handled"
    DEFERRED = "deferred"
    WITHDRAWN = "withdrawn"


class AttendanceRole(StrEnum):
    MEMBER = "member"
    SUBSTITUTE = "substitute"
    SECRETARIAT = "secretariat"
    GUEST = "guest"
    OBSERVER = "observer"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    ABSENT_WITH_NOTICE = "absent_with_notice"
    ABSENT_WITHOUT_NOTICE = "absent_without_notice"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class PersonRole(StrEnum):
    """How a person is tied to an agenda item."""

    PRESENTER = "presenter"
    CASE_OFFICER = "case_officer"


class RuleAnchor(StrEnum):
    MEETINGS = "meetings"  # each meeting of a body
    DEADLINES = "deadlines"  # each deadline whose title contains anchor_text
