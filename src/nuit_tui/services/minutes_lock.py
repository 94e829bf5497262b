"""The lock on approved minutes: approved minutes are locked unless an unlock is open.

This is the one place the rule lives; screens ask `is_locked`, and every service
that changes what the minutes record asks `ensure_editable` first.
"""

from __future__ import annotations

import datetime as dt

from ..domain import models as m
from ..store import ArchiveStore, errors
from .meetings import Meetings


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class MinutesLock:
    """Locking and unlocking (with a recorded reason) a meeting's approved minutes."""

    def __init__(self, store: ArchiveStore, meetings: Meetings):
        self.store = store
        self.meetings = meetings

    def is_locked(self, meeting_id: int) -> bool:
        """Approved minutes are locked unless an unlock is open."""
        meeting = self.meetings.get(meeting_id)
        if meeting.status is not m.MeetingStatus.MINUTES_APPROVED:
            return False
        return not self.store.find_by(m.MinutesUnlock, meeting_id=meeting_id, relocked_at=None, limit=1)

    def ensure_editable(self, meeting_id: int) -> None:
        if self.is_locked(meeting_id):
            meeting = self.meetings.get(meeting_id)
            raise errors.Conflict(
                f"Referatet fra møte {meeting.ref} er godkjent og låst; lås det opp først (med begrunnelse)"
            )

    def unlock(self, meeting_id: int, reason: str) -> m.MinutesUnlock:
        if not reason.strip():
            raise errors.Conflict("Skriv hvorfor referatet låses opp; det blir registrert")
        if not self.is_locked(meeting_id):
            raise errors.Conflict("Referatet er ikke låst")
        return self.store.insert(m.MinutesUnlock(meeting_id=meeting_id, unlocked_at=_now(), reason=reason.strip()))

    def relock(self, meeting_id: int) -> None:
        with self.store.write():
            for unlock in self.store.find_by(m.MinutesUnlock, meeting_id=meeting_id, relocked_at=None):
                self.store.update(unlock.model_copy(update={"relocked_at": _now()}))

    def unlocks(self, meeting_id: int) -> list[m.MinutesUnlock]:
        return self.store.find_by(m.MinutesUnlock, meeting_id=meeting_id)
