"""The multi-line text field, kept apart from `fields` so that Textual's TextArea (its
document, themes and syntax modules, some 5 ms) is imported when a screen with one
opens, not before the first screen is painted."""

from __future__ import annotations

from typing import Any

from textual import widgets

from ...domain.text import clean_text
from . import ordered_keys


class TextArea(widgets.TextArea):
    """A multi-line field: line breaks kept, other control characters removed."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(clean_text(text), **kwargs)

    def load_text(self, text: str) -> None:
        super().load_text(clean_text(text))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A field that cannot be edited (locked minutes) leaves Ctrl+U to the screen: the
        # banner's «Ctrl+U låser opp» did nothing with the focus in «Referat», where
        # Textual's delete-to-line-start took the key and, read-only, deleted nothing.
        if self.read_only and action == "delete_to_start_of_line":
            return False
        return super().check_action(action, parameters)

    def edit(self, edit):
        # Typing, paste, insert and replace all come here as one Edit.
        edit.text = clean_text(edit.text)
        return super().edit(edit)


ordered_keys.keep_order_once_installed(TextArea)
