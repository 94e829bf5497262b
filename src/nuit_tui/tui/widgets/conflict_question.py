"""The question put when another window changed a field the user changed too: whose
version is to stand. Dismissed with True for «Behold min» (Ctrl+B), False for «Ta deres»
(Ctrl+T). Asked by `conflict.VersionedForm` and `LeftBehind`, and with other names by a
checkin (`checkout_banner.py`). The fields scroll by keys (↑/↓, PgUp/PgDn, Home/End)
between the question and the buttons, which stay in view (`ScrollingDialog`).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button

from ...domain.norwegian import clock
from ...services.concurrency import FieldConflict
from ..text import Static, markup
from .dialog import DialogBox, ScrollingDialog

PREVIEW = 300


def shown_value(value: Any) -> str:
    """A field's value as the question (and a refusal's message) shows it."""
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


class ConflictScreen(ScrollingDialog):
    """Dismisses with True for «Behold min» (Ctrl+B), False for «Ta deres» (Ctrl+T)."""

    AUTO_FOCUS = ""  # no button in focus: Enter or space typed on must not choose either
    # Control keys, not letters: a word typed on after the question appears must not choose.
    BINDINGS = [
        Binding("ctrl+b", "choose(True)", "Behold min"),
        Binding("ctrl+t", "choose(False)", "Ta deres"),
    ]
    DEFAULT_CSS = """
    ConflictScreen { align: center middle; }
    ConflictScreen > DialogBox { width: 90; max-width: 95%; height: auto; max-height: 90%; border: thick $error; background: $panel; padding: 1 2; }
    ConflictScreen #conflict-question { dock: top; }
    ConflictScreen .field { margin-top: 1; }
    ConflictScreen Horizontal { dock: bottom; height: auto; align: center middle; padding-top: 1; }
    ConflictScreen Button { margin: 0 2; }
    """

    def __init__(
        self,
        what: str,
        conflicts: list[FieldConflict],
        labels: dict[str, str],
        *,
        question: str = "er endret i et annet vindu mens du skrev.",
        names: tuple[str, str] = ("Din", "Deres"),
        buttons: tuple[str, str] = ("Behold min", "Ta deres"),
    ):
        super().__init__()
        self.what = what
        self.conflicts = conflicts
        self.labels = labels
        # A checkin's conflicts ask the same question with other names (tui/widgets/checkout_banner.py).
        self.question, self.names, self.buttons = question, names, buttons

    def compose(self) -> ComposeResult:
        with DialogBox():
            yield Static(
                markup(
                    "[b]$what $question[/b]\n"
                    "Ingenting er overskrevet. Velg hvilken versjon som skal gjelde:",
                    what=self.what, question=self.question,
                ),
                id="conflict-question",
            )
            width = max(len(name) for name in self.names) + 1
            for conflict in self.conflicts:  # between the docked question and buttons: scrolls
                label = self.labels.get(conflict.field, conflict.field)
                yield Static(
                    markup(
                        "[b]$label[/b]\n  $theirs_name $theirs\n  $mine_name $mine",
                        label=label, theirs=shown_value(conflict.theirs), mine=shown_value(conflict.mine),
                        mine_name=f"{self.names[0]}:".ljust(width), theirs_name=f"{self.names[1]}:".ljust(width),
                    ),
                    classes="field",
                )
            with Horizontal():  # docked at the bottom
                yield Button(f"{self.buttons[0]} (Ctrl+B)", id="mine", variant="warning")
                yield Button(f"{self.buttons[1]} (Ctrl+T)", id="theirs")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "mine")

    def action_choose(self, keep_mine: bool) -> None:
        self.dismiss(keep_mine)
