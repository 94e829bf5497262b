"""Textual bugs nuit-tui works around until Textual fixes them.

Escape sequences inside a paste (`filter_escapes_in_pastes`): text copied from a terminal
or a coloured web page carries them («\\x1b[1mNUIT\\x1b[0m»). Textual's parser starts an
escape sequence at the ESC even inside a bracketed paste, gives up on it after some 30
characters and sends them all as key presses: the paste's words were typed, its line
break was an Enter (which moves on from a name field or confirms a question), and only
the rest arrived as the paste. Inside a paste, escape sequences are dropped before the
parser sees them; the paste arrives whole, as one Paste.

The background cache (`keep_no_closed_widget_alive`, Textualize/textual#6665):
`StylesCache.get_inner_outer` (textual/_styles_cache.py) is an instance method under
`functools.lru_cache(1024)`, so its keys hold the widget's StylesCache, and with it every
line of the widget rendered last. The last 1024 widgets' rendered lines stay alive after
their screens are closed: in a day of opening items, remarks and forms that is most of the
memory the app grows by, and every full pass of the collector walks it. The colours are
all the cache needs to be keyed on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from textual._styles_cache import StylesCache
from textual._xterm_parser import XTermParser
from textual.color import Color
from textual.style import Style


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    return Style(background=base_background + background), Style(background=base_background)


def _get_inner_outer(self: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    return _inner_outer(base_background, background)


def keep_no_closed_widget_alive() -> None:
    """Key Textual's background cache on colours only; idempotent."""
    current = StylesCache.__dict__.get("get_inner_outer")
    if current is _get_inner_outer:
        return
    clear = getattr(current, "cache_clear", None)
    if clear is not None:
        clear()  # what it holds already
    setattr(StylesCache, "get_inner_outer", _get_inner_outer)  # noqa: B010 (mypy: method assignment)


def stop_watching(node: object, obj: object, attribute: str) -> None:
    """Drop `node`'s watchers of `obj.attribute` (set with `node.watch(obj, …)`).

    Textual keeps such a watcher in `obj`'s own list, and drops the entries of closed
    nodes only when the attribute next changes: a screen that watches the app's current
    body stayed alive, widgets and all, after it was closed, until the body was switched.
    Call it when the node unmounts."""
    watchers = getattr(obj, "__watchers", {}).get(attribute)
    if watchers:
        watchers[:] = [(watcher, callback) for watcher, callback in watchers if watcher is not node]


_PASTE_START, _PASTE_END = "\x1b[200~", "\x1b[201~"
# In a paste: CSI (ESC [ parameters final byte), OSC (ESC ] … BEL or ESC backslash), or ESC
# and one character (not a line break: that is the text's).
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[^\[\]\r\n])")


class _PasteFilter:
    """One terminal's input, read by read: inside a bracketed paste, escape sequences out.

    Outside a paste everything passes as read (a lone ESC is the Escape key: never held;
    the last characters are kept to find a start marker cut in two by the reads). Inside
    one, an escape sequence cut in two by the reads is held until the read that finishes
    it, so that it is dropped whole (the end marker is one, and always follows)."""

    def __init__(self) -> None:
        self.in_paste = False
        self.held = ""  # inside a paste: an escape begun but not finished in the last read
        self.tail = ""  # outside a paste: the last characters read, a start marker may be cut in two

    def __call__(self, data: str) -> str:
        out: list[str] = []
        data, self.held = self.held + data, ""
        while data:
            if self.in_paste:
                # The end marker is whole in `data`: a read cut in it held its beginning.
                end = data.find(_PASTE_END)
                if end < 0:
                    cut = _unfinished(data)  # the rest of that escape comes with the next read
                    out.append(_without_escapes(data[:cut]))
                    self.held = data[cut:]
                    break
                out.append(_without_escapes(data[:end]) + _PASTE_END)
                data, self.in_paste = data[end + len(_PASTE_END):], False
                continue
            probe = self.tail + data
            start = probe.find(_PASTE_START)
            if start < 0:
                out.append(data)
                self.tail = probe[-(len(_PASTE_START) - 1):]
                break
            after = start + len(_PASTE_START) - len(self.tail)  # in `data`: the marker ends in it
            out.append(data[:after])
            data, self.in_paste, self.tail = data[after:], True, ""
        return "".join(out)


def _unfinished(text: str) -> int:
    """Where an escape sequence that `text` does not finish begins (its end otherwise)."""
    position = 0
    while (escape := text.find("\x1b", position)) >= 0:
        match = _ESCAPE.match(text, escape)
        if match is None:
            return escape
        position = match.end()
    return len(text)


def _without_escapes(text: str) -> str:
    return _ESCAPE.sub("", text).replace("\x1b", "")


def filter_escapes_in_pastes() -> None:
    """Every terminal parser drops escape sequences inside a paste; idempotent."""
    original = XTermParser.feed
    if getattr(original, "_nuit_paste_filter", False):
        return

    def feed(self: XTermParser, data: str) -> Iterable[object]:
        if not data:
            return original(self, data)  # the end of input
        paste_filter = self.__dict__.setdefault("_nuit_paste_filter", _PasteFilter())
        data = paste_filter(data)
        return original(self, data) if data else iter(())  # all held: not the end of input

    feed._nuit_paste_filter = True  # type: ignore[attr-defined]
    setattr(XTermParser, "feed", feed)  # noqa: B010 (mypy: method assignment)
