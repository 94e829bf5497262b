"""What every full screen over the archive shares: typed access to the app and the
archive, one guard that turns a refused write into a message, and a redraw when
another window wrote to the file (the file watch posts `FileChanged`)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from textual import on
from textual.message import Message
from textual.screen import Screen

from ..base import guard, nuit_app

if TYPE_CHECKING:
    from ...services import Archive


class FileChanged(Message):
    """Another connection (another nuit-tui, the CLI) committed to the archive file."""


class ArchiveScreen(Screen):
    @property
    def archive(self) -> Archive:
        return nuit_app(self).archive

    def guard(self, *, timeout: float | None = None) -> contextlib.AbstractContextManager[None]:
        """A refused write or read (busy file, a row changed or gone) is a message, not a crash."""
        return guard(self, timeout=timeout)

    def reload(self) -> None:
        """Redraw from the archive; a screen with something to show overrides this."""

    def reload_from_file(self) -> None:
        """Redraw after another window wrote; screens with typed fields merge instead."""
        self.reload()

    @on(FileChanged)
    def _file_changed(self) -> None:
        with self.guard():
            self.reload_from_file()
