"""The application shell: the archive, the current body, global keys and the palette."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from ..domain import models as m
from ..services import Archive
from .commands import ActionCommands, ItemCommands, MeetingCommands
from .navigation import NavigationCommands
from .screens.help import HelpScreen
from .screens.meetings import MeetingsScreen
from .screens.search import SearchCommands


class NuitApp(App[None]):
    """nuit-tui over one archive file."""

    TITLE = "nuit-tui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {MeetingCommands, ItemCommands, ActionCommands, NavigationCommands, SearchCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "Palett", show=False, priority=True),
        Binding("f1", "help", "Hjelp"),
        Binding("ctrl+q", "quit", "Avslutt", priority=True),
    ]

    body: reactive[m.Body | None] = reactive(None)

    def __init__(self, archive: Archive):
        super().__init__()
        self.archive = archive
        bodies = archive.bodies()
        self.set_reactive(NuitApp.body, bodies[0] if bodies else None)

    def on_mount(self) -> None:
        self._update_subtitle()
        self.push_screen(MeetingsScreen())
        # Reliability: location warning, daily backup, seeing other windows' changes.
        from .file_watch import start_checks

        start_checks(self)

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

    def _update_subtitle(self) -> None:
        body = self.body.short_name if self.body else "alle utvalg"
        self.sub_title = f"{body} · {self.archive.path}"

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))
