"""Seeing what another window wrote, and the checks at app start.

Each second the app asks SQLite for `PRAGMA data_version`, which moves only
when another connection (another nuit-tui, the CLI) has committed. Then the
visible screen is sent `FileChanged` and reloads: a screen with typed fields
keeps what is being typed and merges (see widgets/conflict.py). A form or question on top is left alone
until it closes.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from textual.app import ScreenStackError
from textual.screen import ModalScreen

from ..errors import DatabaseError, StoreError
from ..services.backup import DEFAULT_KEEP, daily_backup, keep_count
from ..services.concurrency import data_version
from ..services.start import location_warning
from .base import FileChanged

if TYPE_CHECKING:
    from .app import NuitApp

POLL_SECONDS = 1.0


class FileWatch:
    def __init__(self, app: NuitApp):
        self.app = app
        self.version = self._read()

    def _read(self) -> int | None:
        try:
            return data_version(self.app.archive)
        except DatabaseError:
            return None

    def start(self) -> None:
        self.app.set_interval(POLL_SECONDS, self.check, name="file watch")

    def check(self) -> None:
        try:
            screen = self.app.screen
        except ScreenStackError:  # the app is closing: nothing to redraw
            return
        if isinstance(screen, ModalScreen):
            return  # keep the news until the form or question is closed
        version = self._read()
        if version is None or version == self.version:
            return
        self.version = version
        # The screen redraws itself, by the means it has (screens/base.py).
        screen.post_message(FileChanged())


def start_checks(app: NuitApp) -> None:
    """At app start: warn about a risky location, take the daily backup, start watching."""
    warning = location_warning(app.archive.path)
    if warning:
        app.notify(warning, severity="warning", timeout=20)
    read_only = app.archive.store.read_only
    if read_only:
        # Nothing changes in a read-only archive, and nothing can be written beside it.
        app.notify(
            f"Arkivet er åpnet skrivebeskyttet ({read_only}): du kan lese og eksportere, men ikke endre noe",
            title="Skrivebeskyttet",
            severity="warning",
            timeout=30,
        )
        FileWatch(app).start()
        return
    try:
        keep = keep_count()
    except StoreError as exc:
        app.notify(str(exc), severity="warning", timeout=10)
        keep = DEFAULT_KEEP
    if keep != 0:
        path = app.archive.path

        def backup() -> None:
            try:
                daily_backup(path, keep=keep)
            except (StoreError, OSError, DatabaseError) as exc:
                with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                    app.call_from_thread(app.notify, f"Den daglige sikkerhetskopien ble ikke tatt: {exc}", severity="error")

        # A thread with its own connection: a large archive does not delay the start.
        app.run_worker(backup, thread=True, exit_on_error=False, name="daily backup")
    FileWatch(app).start()
