"""A yes/no question before anything that cannot be taken back.

A long question (the notice check's findings) scrolls by keys between its top and the
buttons, which stay in view (`ScrollingDialog`).
"""

from __future__ import annotations

from textual import events
from textual._time import get_time
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button

from ..text import Static, literal
from .dialog import DialogBox, ScrollingDialog


class ConfirmScreen(ScrollingDialog):
    """Dismisses with True for «Ja» (j / Enter on Ja), False for «Nei» (n / Escape)."""

    BINDINGS = [
        Binding("j,y", "answer(True)", "Ja"),
        Binding("n,escape", "answer(False)", "Nei"),
    ]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > DialogBox { width: 64; height: auto; max-height: 90%; border: thick $warning; background: $panel; padding: 1 2; }
    ConfirmScreen Horizontal { dock: bottom; height: auto; align: center middle; padding-top: 1; }
    ConfirmScreen Button { margin: 0 2; }
    """

    def __init__(self, question: str, *, yes: str = "Ja", no: str = "Nei", typed_before_shown: list[events.Key] | None = None):
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no
        # Keys typed before the question was on screen are not answers: they go in here
        # (for the field they were typed for), when a list is given.
        self.typed_before_shown = typed_before_shown
        self._shown_at: float | None = None

    def hold_if_typed_before_shown(self, event: events.Key | events.Paste) -> bool:
        """Called by the app's key router for each key from the terminal while this is on top."""
        if self.typed_before_shown is None or not isinstance(event, events.Key):
            return False
        if self._shown_at is not None and event.time >= self._shown_at:
            return False
        self.typed_before_shown.append(event)
        return True

    @property
    def is_shown(self) -> bool:
        """On screen: keys from now on answer it."""
        return self._shown_at is not None

    def _shown(self) -> None:
        self._shown_at = get_time()

    def compose(self) -> ComposeResult:
        with DialogBox():
            yield Static(self.question, id="question")
            with Horizontal():  # docked at the bottom: in view however long the question
                yield Button(literal(f"{self.yes} (j)"), id="yes", variant="warning")
                yield Button(literal(f"{self.no} (n)"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()
        self.call_after_refresh(self._shown)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
