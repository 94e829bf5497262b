"""A Select's list moves the focus later than the key that opens or closes it.

Enter on a Select opens its list (a SelectOverlay, an OptionList inside the Select) and
the list asks the app for the focus; Enter in the list picks the option highlighted,
which the list posts to the Select, which posts it on and then asks the app for the focus
back (Escape closes the list the same way). So the focus moves some messages after the
key has been handled, not while it is, as Tab moves it. The keys typed after such a key
wait until the focus has moved (`tui/widgets/priority_keys.py`, and `type_ahead.py` for
a screen opening): a Tab right after choosing acted from the list first (on to the next
field), then the Select took the focus back, and the second Tab only went to that next
field again, the text for the field after it typed there as well.
"""

from __future__ import annotations

import sys

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

# Textual's Select, imported by whoever makes one: no Select is on screen before that
# (the app's start does not import it).
_SELECT_MODULE = "textual.widgets._select"


def focus_moves_later(widget: MessagePump, event: events.Key | events.Paste) -> bool:
    """Whether `event`, sent to the focused `widget`, opens a Select's list (Enter, Space,
    Up, Down on a closed Select) or closes it (Enter picks, Escape): bound there to do so."""
    select = sys.modules.get(_SELECT_MODULE)
    if select is None or not isinstance(event, events.Key):
        return False
    actions: tuple[str, ...]
    if isinstance(widget, select.SelectOverlay):
        actions = ("select", "dismiss")
    elif isinstance(widget, select.Select) and not widget.expanded:
        actions = ("show_overlay",)
    else:
        return False
    return any(binding.action in actions for binding in widget._bindings.key_to_bindings.get(event.key, ()))


def focus_left(app: App, widget: MessagePump) -> bool:
    """The focus is no longer on `widget` (or there is no screen to have it)."""
    try:
        return app.focused is not widget
    except Exception:  # no screen: the app is closing
        return True
