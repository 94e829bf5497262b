"""F1: every key of the screen below and of the app, in Norwegian."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen

from ..text import DataTable, Static, markup

GLOBAL_KEYS = [
    ("Ctrl+P", "Palett: «2/2023» åpner møtet, «18/23» saken, «Årshjul» skjermen"),
    ("↑ ↓ PgUp PgDn Home End", "Flytt i lister og tabeller"),
    ("Tab / Shift+Tab", "Neste / forrige felt"),
]


def key_name(binding: Binding) -> str:
    """What a key does, in full. A footer word shorter than that («Utvalg») has the full
    name («Bytt utvalg») as the binding's tooltip, which the footer shows on hover."""
    return binding.tooltip or binding.description


def declared_by_nuit(binding: Binding, node: object) -> bool:
    """Textual's own widget keys have English names; the help lists ours, and
    GLOBAL_KEYS says in Norwegian what the built-in ones do."""
    for cls in type(node).__mro__:
        # Compared by action and name: "delete,d" is declared once but active as two keys.
        declared = cls.__dict__.get("BINDINGS", [])
        if any(isinstance(b, Binding) and (b.action, b.description) == (binding.action, binding.description) for b in declared):
            return cls.__module__.startswith("nuit_tui")
    return False


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
            yield Static(markup("[b]Taster[/b]  (Escape lukker)"))
            yield DataTable(id="keys", cursor_type="row", show_cursor=False)

    def on_mount(self) -> None:
        table = self.query_one("#keys", DataTable)
        table.add_columns("Tast", "Handling")
        # The keys active on the screen below: its focused widget's, the screen's, the app's.
        # One row an action, with every key that does it («f2 / ^r  Nytt innspill»).
        keys: dict[str, list[str]] = {}
        for active in self.under.active_bindings.values():
            binding = active.binding
            if not declared_by_nuit(binding, active.node) or binding.action == "command_palette":
                continue
            if binding.description:
                shown = keys.setdefault(key_name(binding), [])
                display = self.app.get_key_display(binding)
                if display not in shown:
                    shown.append(display)
        for description, displays in keys.items():
            table.add_row(" / ".join(displays), description)
        # Keys no binding names (Enter in a text; the list's keys beside an open editor) are
        # said by the part of the screen that has the focus, as `HELP_KEYS`.
        focused = self.under.focused
        for node in focused.ancestors_with_self if focused is not None else ():
            for key, text in getattr(node, "HELP_KEYS", ()):
                table.add_row(key, text)
        for key, text in GLOBAL_KEYS:
            table.add_row(key, text)
        # A screen that marks its rows with glyphs says what they mean (`LEGEND`).
        for mark, text in getattr(self.under, "LEGEND", ()):
            table.add_row(f"Tegn {mark}", text)
        table.focus()
