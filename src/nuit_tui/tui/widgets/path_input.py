"""A file path field: Tab completes the name typed so far, as a shell does.

One match completes to it (a folder gets its «/»); several complete to what they share
and the field says how many there are. Only the folder typed is listed, never a tree.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.binding import Binding
from textual.message import Message

from .fields import Input

LISTING_LIMIT = 2000  # a folder with more names than this is not listed for completion


def completions(typed: str, *, suffixes: tuple[str, ...] = ()) -> list[str]:
    """The paths `typed` may go on to (folders with «/»; files only with one of `suffixes`)."""
    expanded = os.path.expanduser(typed) if typed.startswith("~") else typed
    folder, _, prefix = expanded.rpartition(os.sep)
    base = Path(folder or ("/" if expanded.startswith(os.sep) else "."))
    shown_folder = typed[: len(typed) - len(prefix)]
    try:
        with os.scandir(base) as entries:
            names = []
            for count, entry in enumerate(entries):
                if count >= LISTING_LIMIT:
                    break
                if not entry.name.startswith(prefix) or (entry.name.startswith(".") and not prefix.startswith(".")):
                    continue
                if entry.is_dir():
                    names.append(f"{shown_folder}{entry.name}{os.sep}")
                elif not suffixes or entry.name.casefold().endswith(suffixes):
                    names.append(f"{shown_folder}{entry.name}")
    except OSError:
        return []
    return sorted(names, key=str.casefold)


class PathInput(Input):
    """Tab completes; Enter posts `Submitted` as any field does."""

    BINDINGS = [Binding("tab", "complete", "Fullfør filnavn", show=False)]

    class Completed(Message):
        """How many paths the Tab found (the screen may say it)."""

        def __init__(self, matches: list[str]) -> None:
            super().__init__()
            self.matches = matches

    def __init__(self, *args, suffixes: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.suffixes = suffixes

    def action_complete(self) -> None:
        matches = completions(self.value, suffixes=self.suffixes)
        if matches:
            common = os.path.commonprefix(matches)
            if len(common) > len(self.value):
                self.value = common
                self.cursor_position = len(common)
        self.post_message(self.Completed(matches))
