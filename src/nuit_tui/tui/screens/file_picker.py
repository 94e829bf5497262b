"""Choosing a file by keys: a path field with Tab completion over a folder tree.

Type a path (Tab completes it, as a shell does; «~» is the home folder), Enter takes
the file or opens the folder; ↓ goes to the tree, where Enter takes a file. Escape
goes back without a file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree

from ...domain.text import clean_text
from ..text import Label, Static
from ..widgets.fields import Input

MAX_SHOWN = 8  # candidates listed under the field when Tab finds several


def completions(typed: str) -> tuple[str, list[str]]:
    """What Tab makes of a typed path, and the names it could go on with (several: the
    longest common beginning is filled in and they are listed; one: it is completed,
    a folder with «/»). Hidden files only when a «.» is typed."""
    expanded = os.path.expanduser(typed) if typed.startswith("~") else typed
    folder, _, start = expanded.rpartition(os.sep)
    base = Path(folder or (os.sep if expanded.startswith(os.sep) else "."))
    try:
        names = sorted(
            entry.name + (os.sep if entry.is_dir() else "")
            for entry in os.scandir(base)
            if entry.name.startswith(start) and (start.startswith(".") or not entry.name.startswith("."))
        )
    except OSError:
        return typed, []
    if not names:
        return typed, []
    common = os.path.commonprefix(names)
    prefix = expanded[: len(expanded) - len(start)]
    return prefix + common, names if len(names) > 1 else []


class PathInput(Input):
    """The path field: Tab completes instead of leaving the field."""

    BINDINGS = [
        Binding("tab", "complete", "Fullfør", show=False),
        Binding("down", "to_tree", "Til mappetreet", show=False),
    ]

    def action_complete(self) -> None:
        value, options = completions(self.value)
        self.value = value
        self.cursor_position = len(value)
        self.screen.show_options(options)  # type: ignore[attr-defined]

    def action_to_tree(self) -> None:
        self.screen.query_one(FileTree).focus()


class FileTree(DirectoryTree):
    """A folder tree that shows names as they are (a «[b]» in a file name is text) and
    leaves hidden files out."""

    def process_label(self, label) -> Text:
        return Text(clean_text(label)) if isinstance(label, str) else label

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".")]


class FilePickerScreen(ModalScreen[Path | None]):
    """Returns the chosen file's path, or None (Escape)."""

    BINDINGS = [Binding("escape", "cancel", "Tilbake")]
    DEFAULT_CSS = """
    FilePickerScreen { align: center middle; }
    FilePickerScreen > Vertical { width: 100; max-width: 95%; height: 90%; border: thick $primary; background: $panel; padding: 0 1; }
    FilePickerScreen .form-title { text-style: bold; }
    FilePickerScreen FileTree { height: 1fr; }
    FilePickerScreen #options { color: $text-muted; height: auto; }
    FilePickerScreen #picker-error { color: $error; height: auto; }
    FilePickerScreen .form-hint { color: $text-muted; }
    """

    def __init__(self, title: str = "Legg ved fil", start: Path | None = None):
        super().__init__()
        self.title_text = title
        self.start = Path(start or Path.home())

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="form-title")
            yield Label("Filsti (Tab fullfører, Enter velger, ↓ til mappene)")
            yield PathInput(str(self.start) + os.sep, id="path")
            yield Static("", id="options")
            yield Static("", id="picker-error")
            yield FileTree(self.start, id="tree")
            yield Static("Enter velger fil eller åpner mappe · Escape tilbake", classes="form-hint")

    def on_mount(self) -> None:
        field = self.query_one(PathInput)
        field.focus()
        field.cursor_position = len(field.value)

    def show_options(self, options: list[str]) -> None:
        shown = "  ".join(options[:MAX_SHOWN]) + (f"  … (+{len(options) - MAX_SHOWN})" if len(options) > MAX_SHOWN else "")
        self.query_one("#options", Static).update(shown)
        self.query_one("#picker-error", Static).update("")
        self._follow_folder()

    def _follow_folder(self) -> None:
        """The tree shows the folder being typed."""
        typed = os.path.expanduser(self.query_one(PathInput).value)
        folder = Path(typed if typed.endswith(os.sep) else os.path.dirname(typed) or ".")
        tree = self.query_one(FileTree)
        if folder.is_dir() and Path(tree.path) != folder:
            tree.path = folder

    @on(Input.Submitted, "#path")
    def _typed_path(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(os.path.expanduser(event.value.strip()))
        if path.is_file():
            self.dismiss(path)
        elif path.is_dir():
            field = self.query_one(PathInput)
            field.value = str(path).rstrip(os.sep) + os.sep
            field.cursor_position = len(field.value)
            self._follow_folder()
        else:
            self.query_one("#picker-error", Static).update(f"Finner ikke {path}")

    @on(DirectoryTree.FileSelected)
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(Path(event.path))

    def action_cancel(self) -> None:
        self.dismiss(None)
