"""The Archive: one open archive file and a service per subject.

The TUI and the CLI both call the services through it (`archive.meetings.get(…)`,
`archive.minutes.add_remark(…)`); each service gets the store and the other
services it needs in its constructor, so what depends on what is written down
here, once. Screens and commands never see SQL.
"""

from __future__ import annotations

from pathlib import Path

from ..store import ArchiveStore, open_store
from .agenda import AgendaService
from .attachments import AttachmentFiles
from .attendance import Attendance
from .checkouts import Checkouts
from .cover_notes import CoverNotes
from .follow_ups import FollowUps
from .imports import Imports
from .meetings import Meetings
from .members import Members
from .minute_taking import MinuteTaking
from .minutes_lock import MinutesLock
from .search import Search
from .start_queries import StartQueries
from .undo import Deletions
from .year_plan import YearPlan


class Archive:
    """One open archive file and the services over it."""

    def __init__(self, store: ArchiveStore):
        self.store = store
        self.rows = StartQueries(store.conn)
        self.search = Search(store)
        self.members = Members(store)
        self.meetings = Meetings(store, self.members)
        self.lock = MinutesLock(store, self.meetings)
        self.agenda = AgendaService(store, self.members, self.meetings, self.lock, self.search)
        self.files = AttachmentFiles(store, self.meetings, self.agenda)
        self.cover_notes = CoverNotes(store, self.members, self.meetings, self.agenda, self.lock)
        self.attendance = Attendance(store, self.members, self.meetings, self.agenda, self.lock)
        self.minutes = MinuteTaking(store, self.members, self.meetings, self.agenda, self.lock)
        self.meetings.created_hooks.append(self.minutes.take_in_waiting)
        self.follow_ups = FollowUps(store, self.members, self.meetings, self.agenda, self.lock)
        self.year_plan = YearPlan(store, self.members, self.meetings)
        self.checkouts = Checkouts(store, self.meetings)
        self.imports = Imports(store, self.members, self.meetings, self.agenda, self.attendance, self.minutes, self.lock)
        self.undo = Deletions(
            store, self.meetings, self.agenda, self.minutes, self.attendance, self.lock, self.year_plan, self.follow_ups
        )

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Archive:
        return cls(open_store(Path(path), create=create))

    def load(self) -> Archive:
        """Already loaded (as ArchiveFile.load gives it)."""
        return self

    @property
    def loaded(self) -> bool:
        return True

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()
