"""The start screen's queries as plain rows (`archive.rows`, `archive_file.rows`).

Its own module, below both `archive` and `start`, so that they do not import each
other; no pydantic, so the start screen paints before the models load.
"""

from __future__ import annotations

import sqlite3

from ..store import meeting_rows
from ..store.meeting_rows import BodyRow, MeetingRow


class StartQueries:
    """What the start screen shows, as plain rows, over an open connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def body_rows(self) -> list[BodyRow]:
        return meeting_rows.body_rows(self.conn)

    def meeting_rows(
        self, body_id: int | None, *, year: int | None = None, limit: int, offset: int = 0
    ) -> list[MeetingRow]:
        """Newest first; a page at a time, so a long archive costs what is on screen."""
        return meeting_rows.meeting_rows(self.conn, body_id, year=year, limit=limit, offset=offset)

    def meeting_years(self, body_id: int | None) -> list[int]:
        """The years that have meetings, newest first."""
        return meeting_rows.meeting_years(self.conn, body_id)
