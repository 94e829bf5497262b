"""Choose format and openness of a document export."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Checkbox, Select

from ..widgets.form import FormScreen, labelled

FORMATS = [("Word (.docx)", "docx"), ("Markdown (.md)", "md"), ("HTML (.html)", "html")]


class ExportFormScreen(FormScreen[tuple[str, bool] | None]):
    """Dismisses with (format, public)."""

    def __init__(self, what: str):
        super().__init__()
        self.TITLE = f"Eksporter {what.lower()} til exports/"

    def fields(self) -> ComposeResult:
        yield from labelled("Format", Select(FORMATS, value="docx", allow_blank=False, id="format"))
        yield Checkbox("Offentlig versjon (uten unntatt innhold)", id="public")

    def on_mount(self) -> None:
        self.query_one("#format", Select).focus()

    def submit(self):
        return self.query_one("#format", Select).value, self.query_one("#public", Checkbox).value
