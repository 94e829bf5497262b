"""A Textual bug nuit-tui works around until Textual fixes it (Textualize/textual#6665).

`StylesCache.get_inner_outer` (textual/_styles_cache.py) is an instance method under
`functools.lru_cache(1024)`, so its keys hold the widget's StylesCache, and with it every
line of the widget rendered last. The last 1024 widgets' rendered lines stay alive after
their screens are closed: in a day of opening items, remarks and forms that is most of the
memory the app grows by, and every full pass of the collector walks it. The colours are
all the cache needs to be keyed on.
"""

from __future__ import annotations

from functools import lru_cache

from textual._styles_cache import StylesCache
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
