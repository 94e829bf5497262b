"""The start screen's queries as plain rows: shared by `Archive` and `ArchiveFile`.

Its own module, below both, so that `archive` and `start` do not import each other.
"""

from __future__ import annotations

import sqlite3

from ..store import meeting_rows
from ..store.meeting_rows import BodyRow, MeetingRow


class StartQueries:
    """What the start screen shows, as plain rows; `Archive` and `ArchiveFile` alike."""

    def _start_conn(self) -> sqlite3.Connection:
        raise NotImplementedError

    def body_rows(self) -> list[BodyRow]:
        return meeting_rows.body_rows(self._start_conn())

    def meeting_rows(
        self, body_id: int | None, *, year: int | None = None, limit: int, offset: int = 0
    ) -> list[MeetingRow]:
        """Newest first; a page at a time, so a long archive costs what is on screen."""
        return meeting_rows.meeting_rows(self._start_conn(), body_id, year=year, limit=limit, offset=offset)

    def meeting_years(self, body_id: int | None) -> list[int]:
        """The years that have meetings, newest first."""
        return meeting_rows.meeting_years(self._start_conn(), body_id)
