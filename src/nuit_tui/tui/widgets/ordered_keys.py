"""Keys typed in a burst act in the order typed, in the field focused when their turn comes.

Textual types a printable key into an Input or TextArea the moment the key reaches
it, but acts on the field's own bindings (Backspace, Ctrl+U, Enter, Ctrl+K …) only
when the key has bubbled back up to the app. In a burst (keys that arrive together,
as after any pause of the app) the keys behind such a key are typed first: «12»
after Ctrl+U is typed, then wiped by the Ctrl+U. And a key that moves the focus
(Enter in a remark's «Hvem») moves it only after the keys behind it have been typed
into the field it leaves.

`install()` makes both text widgets act on their own bindings as the key reaches them,
in the order of their queue, and send a key that reaches them after the focus has
moved on to whichever widget has the focus now (the TextArea as it is imported, with
the first screen that has one: `text_field`).
"""

from __future__ import annotations

import sys

from textual import events
from textual.widget import Widget

from .fields import Input

_INSTALLED = "_nuit_ordered_keys"
_installed = False  # install() was called: a text widget imported later is ordered too


def _forward_to_focus(widget: Widget, event: events.Key) -> bool:
    """A key for `widget` that reaches it after the focus moved on: the focused widget's."""
    try:
        app = widget.app
        focused = app.focused
    except Exception:  # detached, or the app is closing
        return False
    # (has_focus changes only once Blur is handled.) Another screen on top is TypeAhead's
    # to sort out, as the key bubbles up: left alone here.
    if focused is None or focused is widget or widget.screen is not app.screen or focused.screen is not app.screen:
        return False
    copy = events.Key(event.key, event.character)
    copy.time = event.time
    copy._set_forwarded()
    from .type_ahead import _SENT_TO  # the screen a key went to, for the TypeAhead router

    setattr(copy, _SENT_TO, app.screen)
    focused.post_message(copy)
    event.stop()
    event.prevent_default()
    return True


async def _own_binding(widget: Widget, event: events.Key) -> bool:
    """Run the widget's own binding for the key now, rather than after it has bubbled."""
    if event.is_printable or widget.screen is not widget.app.screen:
        return False  # a key for a screen now covered: TypeAhead's, as it bubbles up
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if binding.priority:
            continue
        if await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


def _ordered(original):
    async def _on_key(self, event: events.Key) -> None:
        typed_on = getattr(self, "typed_on", None)
        if typed_on is not None:  # a name field asking about a new name: for the next field
            typed_on.append(event)
            event.stop()
            event.prevent_default()
            return
        if _forward_to_focus(self, event):
            return
        if await _own_binding(self, event):
            return
        await original(self, event)

    return _on_key


def _keep_order(cls: type[Widget]) -> None:
    if not getattr(cls, _INSTALLED, False):
        setattr(cls, "_on_key", _ordered(cls._on_key))  # noqa: B010 (a method replaced on purpose)
        setattr(cls, _INSTALLED, True)


def install() -> None:
    """Once per process: Input and TextArea (and their subclasses) keep the typed order."""
    global _installed
    _installed = True
    _keep_order(Input)
    # The TextArea is imported with the first screen that has one (`text_field`).
    text_field = sys.modules.get(f"{__package__}.text_field")
    if text_field is not None:
        _keep_order(text_field.TextArea)


def keep_order_once_installed(cls: type[Widget]) -> None:
    """For a text widget class imported after `install()` (or at it)."""
    if _installed:
        _keep_order(cls)
