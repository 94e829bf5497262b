"""F1: every key of the screen below and of the app, in Norwegian."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

GLOBAL_KEYS = [
    ("Ctrl+P", "Kommandopalett: hopp til et møte (f.eks. «2/2023») eller kjør en handling"),
    ("F1", "Denne hjelpen"),
    ("Escape", "Tilbake"),
    ("Ctrl+Q", "Avslutt"),
    ("Tab / Shift+Tab", "Neste / forrige felt"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Lukk")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 80%; height: 80%; border: round $primary; background: $panel; padding: 0 1; }
    HelpScreen DataTable { height: 1fr; }
    """

    def __init__(self, under: Screen):
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("[b]Taster[/b]  (Escape lukker)")
            yield DataTable(id="keys", cursor_type="row", show_cursor=False)

    def on_mount(self) -> None:
        table = self.query_one("#keys", DataTable)
        table.add_columns("Tast", "Handling")
        seen = set()
        for binding in self.under.BINDINGS:
            if isinstance(binding, Binding) and binding.description and binding.action not in seen:
                seen.add(binding.action)
                table.add_row(self.app.get_key_display(binding), binding.description)
        for key, text in GLOBAL_KEYS:
            table.add_row(key, text)
        table.focus()
