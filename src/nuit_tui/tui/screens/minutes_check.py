"""The minutes check («lint») before export: what is missing, with the choice to go on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen

from ..text import Static, markup


class MinutesCheckScreen(ModalScreen[bool]):
    """Dismisses True to export anyway (j / Enter), False to go back and fix (n / Escape)."""

    BINDINGS = [
        Binding("j,enter", "answer(True)", "Eksporter likevel"),
        Binding("n,escape", "answer(False)", "Tilbake og rett"),
    ]
    DEFAULT_CSS = """
    MinutesCheckScreen { align: center middle; }
    MinutesCheckScreen > Vertical { width: 100; max-width: 95%; height: auto; max-height: 85%; border: thick $warning; background: $panel; padding: 1 2; }
    """

    def __init__(self, problems: list[str]):
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(markup("[b]Referatsjekk: $count ting mangler[/b]", count=len(self.problems)))
            yield Static("\n".join(f"• {p}" for p in self.problems), id="problems")
            yield Static("\nj/Enter: eksporter likevel · n/Escape: tilbake og rett")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
