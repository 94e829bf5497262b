"""The app's text fields: whatever is typed or pasted obeys the one input rule.

Text pasted from PDFs and Word carries control characters (\\x01, \\x0b, ESC …) that
break Word and XML exports and can steer a terminal; `domain.text.clean_text` takes
them out as they enter a field, so what is saved (and shown) is clean. Screens use
these instead of Textual's Input and TextArea (the multi-line field is in `text_field`:
Textual's TextArea is not imported before the first screen is painted).
"""

from __future__ import annotations

import re
from typing import Any

from textual import events, widgets
from textual.geometry import Region, Size
from textual.reactive import Reactive

from ...domain.text import clean_text

_LINE_BREAKS = re.compile(r"[\n\t]+")


def one_line(text: str) -> str:
    """`text` for a single-line field: clean, each run of line breaks and tabs one space."""
    return _LINE_BREAKS.sub(" ", clean_text(text))


class Input(widgets.Input):
    """A single-line field whose value is always one clean line."""

    # Textual's Input sets its virtual size (the text's width) on every key, and Widget's
    # virtual_size is a layout reactive: each key typed in a field laid the whole screen
    # out again (15–25 ms in meeting mode, the longest stall while typing a speaker). The
    # text's width moves only the field's own scrolling, which reads it when it scrolls;
    # a field whose size follows its text (width: auto) is laid out by Textual's own
    # watcher all the same.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def validate_value(self, value: str) -> str:
        # Every way in (typing, paste, a value set from an older archive) passes here.
        return one_line(value)

    def take_shown_completion(self) -> bool:
        """Put the completion shown (grey, after the text typed) in the field; True if one
        was. What is shown is what Enter and Tab take: Enter took the letters typed («Ma»
        showing «Maren Krogh»), a beginning of several names or a new person's name."""
        shown = self._suggestion
        if not (self.value and len(shown) > len(self.value) and shown.casefold().startswith(self.value.casefold())):
            return False
        self.value = shown
        self.cursor_position = len(shown)
        return True

    def on_resize(self, _event: events.Resize) -> None:
        # The view follows the cursor only as it moves: a long title set before the form's
        # scrollbar narrowed the field showed neither its start nor its end («st i kostnader
        # … e-helseportefølj»). Once laid out anew, the cursor is brought back in view.
        self.call_after_refresh(self._cursor_in_view)

    def _cursor_in_view(self) -> None:
        if self.is_attached:
            self.scroll_to_region(Region(self._cursor_offset, 0, width=1, height=1), force=True, animate=False)

    def _on_paste(self, event: events.Paste) -> None:
        # Textual's own handler keeps only the first line of a paste: a title pasted over
        # two lines from Word keeps both, joined by a space.
        event.stop()
        event.prevent_default()
        text = one_line(event.text)
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)


class SavedInput(Input):
    """A field over stored text that is saved as it is typed (the item screen): not selected
    when focused, as a form's suggested value is, so that the first key typed adds to the
    text. A title opened all selected was replaced, and saved, by one stray key («e»).
    Not for a short number or time (the item's duration, fixed start): those are typed
    over, as a form's are («15» typed after Tab into «30» read «3015»)."""

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        super().__init__(value, select_on_focus=False, **kwargs)
