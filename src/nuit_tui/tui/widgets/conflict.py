"""A record edited in a form while another window may change it too.

`VersionedForm` keeps the version the user started from, saves only what the
user changed (merged with other windows' changes to other fields), shows other
windows' changes in untouched fields, and when both changed the same field asks
with `ConflictScreen`: keep mine (written over a fresh read) or take theirs.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from enum import Enum
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button

from ...domain.norwegian import ParseError, clock
from ...services.concurrency import EditConflict, FieldConflict, changes_from, conflicts_between, overwrite, save_merged
from ...store.errors import StoreError
from ..text import Static, markup

PREVIEW = 300
QUIET_SECONDS = 1.0  # no typing for this long before the question is put


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(tomt)"
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, dt.time):
        return clock(value)
    if isinstance(value, Enum):
        return str(value.value)
    text = str(value)
    return text if len(text) <= PREVIEW else text[:PREVIEW] + " …"


class ConflictScreen(ModalScreen[bool]):
    """Dismisses with True for «Behold min» (Ctrl+B), False for «Ta deres» (Ctrl+T)."""

    AUTO_FOCUS = ""  # no button in focus: Enter or space typed on must not choose either
    # Control keys, not letters: a word typed on after the question appears must not choose.
    BINDINGS = [
        Binding("ctrl+b", "choose(True)", "Behold min"),
        Binding("ctrl+t", "choose(False)", "Ta deres"),
    ]
    DEFAULT_CSS = """
    ConflictScreen { align: center middle; }
    ConflictScreen > Vertical { width: 90; height: auto; max-height: 90%; border: thick $error; background: $panel; padding: 1 2; }
    ConflictScreen VerticalScroll { height: auto; max-height: 24; }
    ConflictScreen .field { margin-top: 1; }
    ConflictScreen Horizontal { height: auto; align: center middle; margin-top: 1; }
    ConflictScreen Button { margin: 0 2; }
    """

    def __init__(self, what: str, conflicts: list[FieldConflict], labels: dict[str, str]):
        super().__init__()
        self.what = what
        self.conflicts = conflicts
        self.labels = labels

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                markup(
                    "[b]$what er endret i et annet vindu mens du skrev.[/b]\n"
                    "Ingenting er overskrevet. Velg hvilken versjon som skal gjelde:",
                    what=self.what,
                ),
                id="conflict-question",
            )
            with VerticalScroll():
                for conflict in self.conflicts:
                    label = self.labels.get(conflict.field, conflict.field)
                    yield Static(
                        markup(
                            "[b]$label[/b]\n  Deres: $theirs\n  Din:   $mine",
                            label=label, theirs=_shown(conflict.theirs), mine=_shown(conflict.mine),
                        ),
                        classes="field",
                    )
            with Horizontal():
                yield Button("Behold min (Ctrl+B)", id="mine", variant="warning")
                yield Button("Ta deres (Ctrl+T)", id="theirs")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "mine")

    def action_choose(self, keep_mine: bool) -> None:
        self.dismiss(keep_mine)


class VersionedForm:
    """The versioned record behind a screen's fields.

    read() gives the fields' current values (may raise ParseError); show(name, value)
    puts a stored value in its widget; the record itself lives in the screen's
    attribute `attr`, so the screen's own code keeps using it.
    """

    def __init__(
        self,
        screen: Screen,
        attr: str,
        *,
        what: str,
        labels: dict[str, str],
        read: Callable[[], dict[str, Any]],
        show: Callable[[str, Any], None],
        load: Callable[[], Any],
        write: Callable[[Any], Any],
        saved: Callable[[str | None], None],
        failed: Callable[[Exception], None],
    ):
        self.screen = screen
        self.attr = attr
        self.what = what
        self.labels = labels
        self.read, self.show, self.load, self.write = read, show, load, write
        self.saved, self.failed = saved, failed
        self.asking = False

    @property
    def base(self):
        return getattr(self.screen, self.attr)

    @base.setter
    def base(self, record) -> None:
        setattr(self.screen, self.attr, record)

    def save(self, values: dict[str, Any] | None = None) -> bool:
        """Write the user's changes; False while a conflict waits for the user's choice.

        Other StoreErrors are raised to the screen.
        """
        if self.asking or self.base is None:
            return not self.asking
        values = self.read() if values is None else values
        changes = changes_from(self.base, values)
        if not changes:
            return True
        try:
            self.base = save_merged(self.base, changes, load=self.load, save=self.write)
        except EditConflict as conflict:
            self._ask(conflict)
            return False
        self._show_stored(values)
        return True

    def refresh(self) -> bool:
        """Another window committed: save what is pending, else show its version. True if fields changed."""
        if self.asking or self.base is None:
            return False
        try:
            values = self.read()
        except ParseError:
            return False  # the user is mid-way through a field; the save will tell
        if changes_from(self.base, values):
            try:
                if self.save(values):
                    self.saved(None)
            except StoreError as exc:
                self.failed(exc)
            return True
        fresh = self.load()
        if fresh.row_version == self.base.row_version:
            return False
        self.base = fresh
        self._show_stored(values)
        return True

    def _show_stored(self, values: dict[str, Any]) -> None:
        """Fields the user did not change but another window did: show the stored value."""
        for name, value in values.items():
            stored = getattr(self.base, name)
            if value != stored:
                self.show(name, stored)

    # --- asking -------------------------------------------------------------------------
    # The question waits until the user stops typing (QUIET_SECONDS): a dialog that
    # popped up mid-word would swallow the next keys. Until then nothing is saved,
    # and the screen says why.

    def _ask(self, conflict: EditConflict) -> None:
        self.asking = True
        self.dialog_open = False
        self._typed = self._values_or_none()
        self._quiet_since = time.monotonic()
        self.screen.notify(f"{self.what} er endret i et annet vindu; du blir spurt når du tar en pause", severity="warning")
        self._timer = self.screen.set_interval(0.25, self._when_quiet)

    def _values_or_none(self) -> dict[str, Any] | None:
        try:
            return self.read()
        except ParseError:
            return None

    def _when_quiet(self) -> None:
        values = self._values_or_none()
        now = time.monotonic()
        if values != self._typed:
            self._typed, self._quiet_since = values, now
            return
        if now - self._quiet_since >= QUIET_SECONDS and self.screen.is_current:
            self.ask_now()

    def ask_now(self) -> bool:
        """Put the question now (leaving the screen or the item); False if none is pending."""
        if not self.asking:
            return False
        if self.dialog_open:
            return True
        self._timer.stop()
        try:
            values = self.read()
            changes = changes_from(self.base, values)
            theirs = self.load()
            conflicts = conflicts_between(self.base, theirs, changes)
        except (StoreError, ParseError) as exc:
            self.asking = False
            self.failed(exc)
            return True
        if not conflicts:  # the clash went away meanwhile (the same text, or undone): merge
            self.asking = False
            try:
                if self.save(values):
                    self.saved(None)
            except StoreError as exc:
                self.failed(exc)
            return True
        self.dialog_open = True
        fields = {c.field for c in conflicts}

        def chosen(keep_mine: bool | None) -> None:
            self.asking = self.dialog_open = False
            try:
                self._resolve(bool(keep_mine), fields)
            except (StoreError, ParseError) as exc:
                self.failed(exc)

        self.screen.app.push_screen(ConflictScreen(self.what, conflicts, self.labels), chosen)
        return True

    def _resolve(self, keep_mine: bool, fields: set[str]) -> None:
        values = self.read()
        if keep_mine:
            self.base = overwrite(changes_from(self.base, values), load=self.load, save=self.write)
            self._show_stored(values)
            self.saved("Din versjon er lagret")
            return
        fresh = self.load()
        for name, value in list(values.items()):
            untouched = value == getattr(self.base, name)
            if name in fields or untouched:
                values[name] = getattr(fresh, name)
                if value != values[name]:
                    self.show(name, values[name])
        self.base = fresh
        # The user's changes to other fields still count: merged as usual.
        if self.save(values):
            self.saved("Den andre versjonen er beholdt")
