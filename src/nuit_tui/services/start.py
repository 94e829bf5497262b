"""Opening an archive for the app: the start screen first, the rest just after.

Importing pydantic and building the Archive's models costs about as much as
starting Textual itself. The start screen (a page of meetings) needs none of
it, so `ArchiveFile` opens and checks the file, answers the start screen's
queries with plain rows, and loads the full `Archive` on first use — which the
app asks for right after the first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..store.connection import open_file
from ..store.locations import location_warning
from .start_queries import StartQueries

__all__ = ["ArchiveFile", "StartQueries", "location_warning"]

if TYPE_CHECKING:
    from .archive import Archive


class ArchiveFile:
    """An archive file opened and checked (or refused: StoreError), whose Archive loads later."""

    def __init__(self, path: Path | str, *, create: bool = True):
        self.path = Path(path)
        self._opened = open_file(self.path, create=create)
        self.rows = StartQueries(self._opened.db.conn)
        self._archive: Archive | None = None

    @property
    def loaded(self) -> bool:
        return self._archive is not None

    @property
    def read_only(self) -> str | None:
        """Why the archive is open read-only, or None (see store.connection.open_database)."""
        return self._opened.report.read_only

    def warm(self) -> None:
        """Import what the full Archive needs and build its models' validators, without
        touching the file: pure CPU, safe in a thread while the event loop paints the
        start screen and answers keys (`load` then only constructs)."""
        from ..domain import models
        from ..store import archive_store  # noqa: F401
        from . import archive  # noqa: F401

        for model in models.record_models():
            if not model.__pydantic_complete__:
                model.model_rebuild()

    def load(self) -> Archive:
        """The full Archive over the same connection (imports the models the first time)."""
        if self._archive is None:
            from ..store.archive_store import ArchiveStore
            from .archive import Archive

            self._archive = Archive(ArchiveStore(self.path, opened=self._opened))
        return self._archive

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
        else:
            self._opened.db.conn.close()
