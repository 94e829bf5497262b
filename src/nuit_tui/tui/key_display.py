"""How a key is named on screen: the footer, F1, the palette and refusals say it alike.

Textual names keys its own way («^q», «esc», «del», «pgdn»); F1's hand-written rows
and the messages say «Ctrl+Q», «Esc», «Delete», as the keycaps do. One table here, so a
key is written the same wherever it is shown.
"""

from __future__ import annotations

from functools import lru_cache

from textual.keys import format_key

_MODIFIERS = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "meta": "Meta", "super": "Super", "hyper": "Hyper"}

_KEYS = {
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "delete": "Delete",
    "backspace": "Backspace",
    "insert": "Insert",
    "home": "Home",
    "end": "End",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "space": "Mellomrom",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}


def is_function_key(name: str) -> bool:
    """«f1» … «f24»: a key's name without its modifiers."""
    return name[:1] == "f" and name[1:].isdigit()


@lru_cache(256)
def key_display(key: str) -> str:
    """A binding's key («ctrl+q», «f2», «shift+tab», «plus») as the screen names it."""
    if key == "+":
        return key
    *modifiers, name = key.split("+")
    if name in _KEYS:
        shown = _KEYS[name]
    elif is_function_key(name):
        shown = name.upper()
    else:
        shown = format_key(name)
        # A letter with a modifier is its keycap («Ctrl+Q»); alone it is what is typed («n»).
        if modifiers and len(shown) == 1:
            shown = shown.upper()
    return "+".join([*(_MODIFIERS.get(modifier, modifier.capitalize()) for modifier in modifiers), shown])
