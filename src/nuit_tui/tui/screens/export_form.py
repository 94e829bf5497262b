"""Choose format and openness of a document export: ↑↓ and Enter pick the format."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets.option_list import Option

from ..text import OptionList, Static, markup
from ..widgets.checkbox import Checkbox

FORMATS = [("Word (.docx)", "docx"), ("PDF (.pdf)", "pdf"), ("Markdown (.md)", "md"), ("HTML (.html)", "html")]


class ExportFormScreen(ModalScreen[tuple[str, bool] | None]):
    """Dismisses with (format, public), or None on Escape."""

    BINDINGS = [
        Binding("escape", "cancel", "Avbryt"),
        Binding("o", "toggle_public", "Offentlig versjon"),
    ]
    DEFAULT_CSS = """
    ExportFormScreen { align: center middle; }
    ExportFormScreen > Vertical { width: 64; height: auto; border: thick $primary; background: $panel; padding: 0 1; }
    ExportFormScreen OptionList { height: auto; margin-top: 1; }
    """

    def __init__(self, what: str, *, formats: list[tuple[str, str]] = FORMATS, meeting: str = ""):
        super().__init__()
        self.what = what
        self.formats = formats
        self.meeting = meeting  # «NUIT 2/2023 (25. mai 2023)»: opened from the palette, the screen below may not say

    def compose(self) -> ComposeResult:
        with Vertical():
            template = "[b]Eksporter $what til exports/[/b]" + ("\nMøte $meeting" if self.meeting else "")
            yield Static(markup(template, what=self.what.lower(), meeting=self.meeting), id="export-heading")
            yield Checkbox("Offentlig versjon, uten unntatt innhold (o)", id="public")
            yield OptionList(*[Option(label, id=fmt) for label, fmt in self.formats], id="format")
            yield Static("↑↓ velger format · Enter eksporterer · o: offentlig · Escape avbryter")

    def on_mount(self) -> None:
        formats = self.query_one(OptionList)
        formats.highlighted = 0
        formats.focus()

    def action_toggle_public(self) -> None:
        checkbox = self.query_one("#public", Checkbox)
        checkbox.value = not checkbox.value

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:  # every format option is made with its id
            self.dismiss((event.option.id, self.query_one("#public", Checkbox).value))

    def action_cancel(self) -> None:
        self.dismiss(None)
