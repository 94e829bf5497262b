"""The application shell: the archive, the current body, global keys and the palette."""

from __future__ import annotations

import asyncio
import importlib
import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive

from ..services.start_queries import BodyRow
from .collector import CollectWhenIdle
from .key_display import key_display
from .screens.meetings import MeetingsScreen
from .text import shown
from .textual_fixes import filter_escapes_in_pastes, keep_no_closed_widget_alive
from .widgets import refused_typing
from .widgets.priority_keys import PriorityKeys
from .widgets.type_ahead import handle_with_type_ahead

if TYPE_CHECKING:
    from ..domain import models as m
    from ..services import Archive
    from ..services.start import ArchiveFile
    from ..services.undo import Deletion

keep_no_closed_widget_alive()  # Textualize/textual#6665: see tui/textual_fixes.py
filter_escapes_in_pastes()  # a paste's escape sequences sent its words as keys: see there

UNDO_DEPTH = 20  # deletes Ctrl+Z can take back, newest first


def _provider(module: str, name: str) -> Callable[[], type]:
    """A palette command provider, imported when the palette first opens (not at start)."""

    def load() -> type:
        return getattr(importlib.import_module(module, __package__), name)

    return load


# Textual's own palette commands, in bokmål: title and help by the English title.
_SYSTEM_COMMANDS = {
    "Theme": ("Tema", "Bytt fargetema"),
    "Quit": ("Avslutt", "Avslutt programmet med en gang · Tast: Ctrl+Q"),  # the only «Avslutt» (commands.py)
    "Keys": ("Taster", "Vis eller skjul tastene for feltet som er i fokus"),
    "Minimize": ("Gjenopprett", "Vis feltet i vanlig størrelse igjen"),
    "Maximize": ("Maksimer", "Vis feltet i fokus over hele skjermen"),
    "Screenshot": ("Skjermbilde", "Lagre et skjermbilde (SVG) av skjermen"),
}


def _norwegian_select_menu() -> None:
    """A Select's open list says «Esc Lukk listen» in the footer, not «Dismiss menu»."""
    from textual.widgets._select import SelectOverlay

    SelectOverlay.BINDINGS = [Binding("escape", "dismiss", "Lukk listen")]
    SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()


class NuitApp(App[None]):
    """nuit-tui over one archive file."""

    TITLE = "nuit-tui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {
        _provider(".commands", "MeetingCommands"),
        _provider(".commands", "ItemCommands"),
        _provider(".commands", "ActionCommands"),
        _provider(".commands", "MeetingDocumentCommands"),
        _provider(".navigation", "NavigationCommands"),
        _provider(".screens.search", "SearchCommands"),
    }
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "Palett", show=False, priority=True),
        Binding("f1", "help", "Hjelp"),
        Binding("ctrl+q", "quit", "Avslutt", priority=True),
        # DataTable's own Home/End move sideways only; in our row tables they go to the first/last row.
        Binding("home", "table_edge('top')", "Første rad", show=False, priority=True),
        Binding("end", "table_edge('bottom')", "Siste rad", show=False, priority=True),
        # Not a priority: a focused text area keeps Ctrl+Z as its own undo.
        Binding("ctrl+z", "undo_delete", "Angre siste sletting", show=False),
    ]

    # The start screen shows a plain BodyRow; the loaded Archive's Body replaces it.
    body: reactive[m.Body | BodyRow | None] = reactive(None)

    def __init__(self, archive: Archive | ArchiveFile):
        super().__init__()
        from .widgets.ordered_keys import install

        install()  # keys typed in a burst act in the order typed
        self.priority_keys = PriorityKeys(self)  # and F2 after them, not ahead
        # An ArchiveFile paints the start screen from plain rows and loads the full
        # Archive (pydantic and all) just after the first paint; an Archive is ready.
        self.start = archive
        self._closing_store = False
        self._warming: threading.Thread | None = None
        self._started = False
        # Set once the full Archive is loaded and the start-up checks run (tests wait on it).
        self.started = asyncio.Event()
        self.collector = CollectWhenIdle()
        # The last deletes of this session, newest last (Ctrl+Z puts the newest back).
        self.deletions: list[Deletion] = []
        # Meeting id -> when meeting mode first opened it (monotonic), for a meeting
        # whose items were never stamped: its clock does not restart on reopening.
        self.meeting_clocks: dict[int, float] = {}
        bodies = archive.load().members.bodies() if archive.loaded else archive.rows.body_rows()
        self.set_reactive(NuitApp.body, bodies[0] if bodies else None)

    def get_key_display(self, binding: Binding) -> str:
        """Keys named as F1 and the messages name them («Ctrl+Q», «Esc»), not «^q», «esc»."""
        return binding.key_display or key_display(binding.key)

    @property
    def archive(self) -> Archive:
        """The full archive; loads it (once) if the start has not yet."""
        first_use = not self.start.loaded
        if first_use and self._warming is not None:
            # A key that needs the archive before the warm-up is done waits for it (it
            # never waits on the loop, so this cannot deadlock), then loads as before.
            self._warming.join()
        archive = self.start.load()
        if first_use:
            self._swap_body(archive)
        if archive.store.writer is None and not self._closing_store:
            # Writes leave the event loop: one writer thread (store/writer.py).
            archive.store.start_writer()
        return archive

    @property
    def body_id(self) -> int | None:
        """The current body's id, whether a start-screen BodyRow or a loaded Body."""
        body = self.body
        if body is None:
            return None
        return body.id if isinstance(body, BodyRow) else body.stored_id

    @property
    def loaded_body(self) -> m.Body | None:
        """The current body as a record of the loaded archive, for screens that edit it."""
        archive = self.archive  # the first use swaps the start screen's BodyRow for the Body
        body = self.body
        return archive.members.body_by_id(body.id) if isinstance(body, BodyRow) else body

    def _swap_body(self, archive: Archive) -> None:
        if isinstance(self.body, BodyRow):
            self.set_reactive(NuitApp.body, archive.members.body_by_id(self.body.id))

    def get_default_screen(self) -> MeetingsScreen:
        # The start screen is the bottom of the stack itself, not pushed over Textual's
        # blank default screen: that one was laid out and refreshed six times before the
        # first paint for nothing (26 ms of it).
        return MeetingsScreen()

    def on_load(self) -> None:
        self.collector.starting()  # no full garbage-collection pass before the first paint

    def on_mount(self) -> None:
        self._update_subtitle()

    def pop_screen(self) -> AwaitComplete:
        closed = weakref.ref(self.screen_stack[-1]) if self.screen_stack else None
        popped = super().pop_screen()
        if self._started and closed is not None:

            def collect() -> None:
                self.collector.screen_closed(may_freeze=lambda: self._at_rest and closed() is None)

            async def collect_once_gone() -> None:
                await popped  # the screen is removed: its widgets are garbage now
                # Collected from a callback of its own, once this frame (which holds the
                # pop, and through it the screen) is gone, and after the next refresh:
                # right after the removal, Textual still held the screen for a moment.
                self.call_after_refresh(collect)

            self.call_later(collect_once_gone)
        return popped

    @property
    def _at_rest(self) -> bool:
        """Only the start screen is open: what is alive now lives long (tui/collector.py)."""
        return len(self.screen_stack) <= 1

    def on_unmount(self) -> None:
        # The queued writes finish before the app is gone; after it, writes are synchronous again.
        self._closing_store = True
        self.collector.stop()
        if self.start.loaded:
            self.start.load().store.stop_writer()

    class Warmed(Message):
        """The warm-up thread has imported and built what the full Archive needs."""

    def on_ready(self) -> None:
        # After the first paint: the user reads the screen — and moves in it — while
        # the rest loads. Importing pydantic and the services and building the models'
        # validators is pure CPU and touches no file, so a thread does it and the event
        # loop keeps answering keys; the loop then only constructs the Archive.
        from ..services.start import ArchiveFile

        if not isinstance(self.start, ArchiveFile) or self.start.loaded:
            self.call_later(self._finish_start)
            return
        warm = self.start.warm

        def warm_up() -> None:
            try:
                warm()
            finally:
                self.post_message(self.Warmed())  # thread-safe

        self._warming = threading.Thread(target=warm_up, name="nuit-warm-up", daemon=True)
        self._warming.start()

    def on_nuit_app_warmed(self, _message: Warmed) -> None:
        self._finish_start()

    def _finish_start(self) -> None:
        if self._started:
            return
        self._started = True
        self.archive  # noqa: B018  (loads it)
        _norwegian_select_menu()
        # Full garbage-collection passes only while nobody types (tui/collector.py).
        self.collector.start()
        self.set_interval(1.0, lambda: self.collector.tick(at_rest=self._at_rest), name="collect when idle")
        # Reliability: location warning, daily backup, seeing other windows' changes.
        from .file_watch import start_checks

        start_checks(self)
        self.started.set()

    async def on_event(self, event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.Paste)):
            self.collector.input()
        # Keys typed on right after a key refused the form they were for: no keys here
        # (refused_typing.py), from the terminal or bubbling up from the focused widget.
        if isinstance(event, (events.Key, events.Paste)) and refused_typing.drops(self, event):
            return
        # A priority key (F2) acts after the keys typed before it (PriorityKeys); keys typed
        # right after the key that opened a form wait for the form (TypeAhead).
        on_event = super().on_event
        await self.priority_keys.handle(event, lambda typed: handle_with_type_ahead(self, typed, on_event))

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        # A refused write (busy file, a row changed elsewhere) is a message, never a crash.
        from ..errors import StoreError

        try:
            return await super().run_action(action, default_namespace, namespaces)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return True

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None, markup: bool = True) -> None:
        # Toasts carry stored text (titles, names): always literal, never markup.
        super().notify(shown(message), title=shown(title), severity=severity, timeout=timeout, markup=False)

    def format_title(self, title: str, sub_title: str) -> Content:
        # The header shows the body's short name and the file's path: literal, no control.
        return super().format_title(shown(title), shown(sub_title))

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

    def get_system_commands(self, screen):
        from textual.app import SystemCommand

        for command in super().get_system_commands(screen):
            title, help_text = _SYSTEM_COMMANDS.get(command.title, (command.title, command.help))
            yield SystemCommand(title, help_text, command.callback, command.discover)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(id="--command-palette", placeholder="Søk etter kommandoer …"))

    def action_table_edge(self, edge: str) -> None:
        from textual import widgets  # any table, ours or Textual's own
        from textual.actions import SkipAction

        table = self.focused
        if not isinstance(table, widgets.DataTable) or table.cursor_type != "row":
            raise SkipAction()  # the key does what it does where focus is (an Input's Home, say)
        if not table.show_cursor:  # a list to read (F1's): its first or last rows in view, never sideways
            table.scroll_to(0, 0 if edge == "top" else table.max_scroll_y, animate=False)
            return
        table.action_scroll_top() if edge == "top" else table.action_scroll_bottom()

    def remember_deletion(self, deletion: Deletion) -> None:
        """Called inside the delete's write, on the writer thread: deletes and Ctrl+Z
        (which takes the newest back in its own write) touch the list in queue order."""
        self.deletions = [*self.deletions[-(UNDO_DEPTH - 1) :], deletion]

    def action_undo_delete(self) -> None:
        """Put back the last deleted row (item, remark, attendance row) with its own rows."""
        from textual import widgets  # any text field, ours or Textual's own
        from textual.actions import SkipAction

        from .screens.base import ArchiveScreen
        from .writes import write

        if isinstance(self.focused, widgets.Input | widgets.TextArea):
            raise SkipAction()  # a text field's Ctrl+Z is its own
        undo = self.archive.undo

        def restore() -> Deletion | None:
            # On the writer, in turn: a delete queued before this Ctrl+Z is the one it takes back.
            if not self.deletions:
                return None
            deletion = self.deletions.pop()
            undo.restore(deletion)
            return deletion

        def restored(deletion: Deletion | None) -> None:
            if deletion is None:
                self.notify("Ingen sletting å angre", severity="warning")
                return
            self.notify(f"Angret sletting av {deletion.what}")
            screen = self.screen
            if isinstance(screen, ArchiveScreen):
                screen.undone(deletion)

        write(self, restore, restored)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))
