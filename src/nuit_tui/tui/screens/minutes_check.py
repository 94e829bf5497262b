"""The minutes check («lint») before export: what is missing, with the choice to go on."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding

from ...domain.norwegian import count
from ..text import Static, markup
from ..widgets.dialog import DialogBox, ScrollingDialog


class MinutesCheckScreen(ScrollingDialog):
    """Dismisses True to export anyway (j / Enter), False to go back and fix (n / Escape).
    Opened away from the meeting's agenda (the palette on the meeting list), going back
    puts nothing right: there g (`to_agenda`) closes it and opens the agenda, to put it right.
    The findings scroll (↑/↓, PgUp/PgDn, Home/End); the heading and the answer line stay."""

    BINDINGS = [
        Binding("j,enter", "answer(True)", "Eksporter likevel"),
        Binding("n,escape", "answer(False)", "Tilbake og rett"),
        Binding("g", "to_agenda", "Gå til sakslisten og rett"),
    ]
    DEFAULT_CSS = """
    MinutesCheckScreen { align: center middle; }
    MinutesCheckScreen > DialogBox { width: 100; max-width: 95%; height: auto; max-height: 85%; border: thick $warning; background: $panel; padding: 1 2; }
    MinutesCheckScreen #check-heading { dock: top; }
    MinutesCheckScreen #check-answer { dock: bottom; padding-top: 1; }
    """

    def __init__(
        self, problems: list[str], notes: list[str] | None = None, *, meeting: str = "", to_agenda: Callable[[], object] | None = None
    ):
        super().__init__()
        self.to_agenda = to_agenda  # given away from the meeting's agenda: g goes there
        self.problems = problems  # what keeps the minutes from being complete
        self.notes = notes or []  # worth a second look; the minutes may be right
        self.meeting = meeting  # «NUIT 2/2023 (25. mai 2023)»: from the palette, the screen below may not say

    def compose(self) -> ComposeResult:
        with DialogBox():
            title = f"Referatsjekk: {len(self.problems)} ting mangler" if self.problems else "Referatsjekk: ingenting mangler"
            if self.notes:
                title += f", {count(len(self.notes), 'merknad', 'merknader')}"
            template = "[b]$title[/b]" + ("\nMøte $meeting" if self.meeting else "")
            yield Static(markup(template, title=title, meeting=self.meeting), id="check-heading")
            lines = [f"• {p}" for p in self.problems] + [f"Merk: {n}" for n in self.notes]
            yield Static("\n".join(lines), id="problems")
            # Docked at the bottom: in view however long the list above it.
            answers = "j/Enter: eksporter likevel · n/Escape: tilbake · g: gå til sakslisten og rett" if self.to_agenda else (
                "j/Enter: eksporter likevel · n/Escape: tilbake og rett"
            )
            yield Static(answers, id="check-answer")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.to_agenda is not None if action == "to_agenda" else True

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_to_agenda(self) -> None:
        if self.to_agenda is not None:
            self.dismiss(False)
            self.to_agenda()
