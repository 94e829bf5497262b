"""Find an earlier item to cite: type «NUIT 8/22» or words of its title."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets.option_list import Option

from ...domain.norwegian import citation_date
from ..base import key_id, nuit_app
from ..text import OptionList, Static, markup
from ..widgets.fields import Input
from ..widgets.form import TypeAhead

RESULT_LIMIT = 20


class LinkPickerScreen(TypeAhead, ModalScreen[int | None]):
    BINDINGS = [
        Binding("escape", "dismiss_none", "Avbryt"),
        Binding("down", "focus_results", "Til treffene", show=False),
    ]
    DEFAULT_CSS = """
    LinkPickerScreen { align: center middle; }
    LinkPickerScreen > Vertical { width: 100; max-width: 95%; height: auto; max-height: 85%; border: thick $primary; background: $panel; padding: 0 1; }
    LinkPickerScreen OptionList { height: auto; max-height: 20; }
    """

    def __init__(self, item_id: int):
        super().__init__()
        self.item_id = item_id

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                markup(
                    "[b]Koble tidligere behandling[/b] – skriv saksnummer (NUIT 8/22) eller ord fra saken"
                    " (tittel, vedtak, innspill); ↓ og Enter velger"
                )
            )
            yield Input(placeholder="NUIT 8/22 eller digital sikkerhet", id="query")
            yield OptionList(id="results")

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()

    @on(Input.Changed, "#query")
    def _search(self, event: Input.Changed) -> None:
        archive = nuit_app(self).archive
        results = self.query_one(OptionList)
        results.clear_options()
        bodies = {b.id: b.short_name for b in archive.members.bodies()}
        for item in archive.agenda.candidates_for_linking(event.value, item_id=self.item_id, limit=RESULT_LIMIT):
            meeting = archive.meetings.get(item.meeting_id)
            citation = f"{archive.agenda.case_label(item, with_body=True) or bodies.get(meeting.body_id, '')} ({citation_date(meeting.date)})"
            results.add_option(Option(f"{citation}  {item.title}", id=str(item.id)))
        if results.option_count:
            results.highlighted = 0

    @on(Input.Submitted, "#query")
    def _take_first(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one(OptionList)
        if results.option_count:
            self.dismiss(key_id(results.get_option_at_index(results.highlighted or 0).id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(key_id(event.option.id))

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
