"""The application shell: the archive, the current body, global keys and the palette."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from ..services.start_queries import BodyRow
from .screens.meetings import MeetingsScreen
from .widgets.form import handle_with_type_ahead

if TYPE_CHECKING:
    from ..domain import models as m
    from ..services import Archive
    from ..services.start import ArchiveFile


def _provider(module: str, name: str) -> Callable[[], type]:
    """A palette command provider, imported when the palette first opens (not at start)."""

    def load() -> type:
        return getattr(importlib.import_module(module, __package__), name)

    return load


class NuitApp(App[None]):
    """nuit-tui over one archive file."""

    TITLE = "nuit-tui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {
        _provider(".commands", "MeetingCommands"),
        _provider(".commands", "ItemCommands"),
        _provider(".commands", "ActionCommands"),
        _provider(".navigation", "NavigationCommands"),
        _provider(".screens.search", "SearchCommands"),
    }
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "Palett", show=False, priority=True),
        Binding("f1", "help", "Hjelp"),
        Binding("ctrl+q", "quit", "Avslutt", priority=True),
    ]

    # The start screen shows a plain BodyRow; the loaded Archive's Body replaces it.
    body: reactive[m.Body | BodyRow | None] = reactive(None)

    def __init__(self, archive: Archive | ArchiveFile):
        super().__init__()
        # An ArchiveFile paints the start screen from plain rows and loads the full
        # Archive (pydantic and all) just after the first paint; an Archive is ready.
        self.start = archive
        bodies = archive.load().bodies() if archive.loaded else archive.body_rows()
        self.set_reactive(NuitApp.body, bodies[0] if bodies else None)

    @property
    def archive(self) -> Archive:
        """The full archive; loads it (once) if the start has not yet."""
        first_use = not self.start.loaded
        archive = self.start.load()
        if first_use:
            self._swap_body(archive)
        return archive

    def _swap_body(self, archive: Archive) -> None:
        if isinstance(self.body, BodyRow):
            self.set_reactive(NuitApp.body, archive.body_by_id(self.body.id))

    def on_mount(self) -> None:
        self._update_subtitle()
        self.push_screen(MeetingsScreen())

    def on_ready(self) -> None:
        # After the first paint: the user reads the screen while the rest loads.
        self.call_later(self._finish_start)

    def _finish_start(self) -> None:
        self.archive  # noqa: B018  (loads it)
        # What start-up made (modules, styles, models) lives as long as the app: keep
        # it out of the garbage collector's full passes, which otherwise grow with it
        # and land on whatever key is pressed then.
        gc.freeze()
        # Reliability: location warning, daily backup, seeing other windows' changes.
        from .file_watch import start_checks

        start_checks(self)

    async def on_event(self, event) -> None:
        # Keys typed right after the key that opened a form wait for the form (TypeAhead).
        await handle_with_type_ahead(self, event, super().on_event)

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        # A refused write (busy file, a row changed elsewhere) is a message, never a crash.
        from ..store.errors import StoreError

        try:
            return await super().run_action(action, default_namespace, namespaces)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return True

    def watch_body(self) -> None:
        self._update_subtitle()

    @property
    def read_only(self) -> str | None:
        """Why the archive is open read-only (edits are refused with a message), or None."""
        start = self.start
        store = getattr(start, "store", None)
        return store.read_only if store is not None else getattr(start, "read_only", None)

    def _update_subtitle(self) -> None:
        body = self.body.short_name if self.body else "alle utvalg"
        marker = " · SKRIVEBESKYTTET" if self.read_only else ""
        self.sub_title = f"{body} · {self.start.path}{marker}"

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))
