"""Textual and asyncio behaviours nuit-tui works around: the first until Textual fixes it
(Textualize/textual#6665).

`StylesCache.get_inner_outer` (textual/_styles_cache.py) is an instance method under
`functools.lru_cache(1024)`, so its keys hold the widget's StylesCache, and with it every
line of the widget rendered last. The last 1024 widgets' rendered lines stay alive after
their screens are closed: in a day of opening items, remarks and forms that is most of the
memory the app grows by, and every full pass of the collector walks it. The colours are
all the cache needs to be keyed on.
"""

from __future__ import annotations

import asyncio
import heapq
from functools import lru_cache

from textual._context import active_message_pump
from textual._styles_cache import StylesCache
from textual.color import Color
from textual.message_pump import MessagePump
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


_start_messages = MessagePump._start_messages


def _start_messages_from_the_app(self: MessagePump) -> None:
    token = active_message_pump.set(self.app)
    try:
        _start_messages(self)
    finally:
        active_message_pump.reset(token)


def start_no_pump_holding_another() -> None:
    """Start each widget's message task from the app's context, not the current pump's; idempotent.

    A task copies the context it is created in, and the task keeps, for the widget's life,
    the pump that was active then (as the token `_process_messages` resets to). A widget
    made while meeting mode was active but living on the screen below (a scroll bar of the
    start screen's footer) kept the closed meeting-mode screen, widgets and all, alive: the
    collector's pass at its close could neither free it nor freeze what lived on."""
    setattr(MessagePump, "_start_messages", _start_messages_from_the_app)  # noqa: B010 (mypy: method assignment)


def stop_watching(node: object, obj: object, attribute: str) -> None:
    """Drop `node`'s watchers of `obj.attribute` (set with `node.watch(obj, …)`).

    Textual keeps such a watcher in `obj`'s own list, and drops the entries of closed
    nodes only when the attribute next changes: a screen that watches the app's current
    body stayed alive, widgets and all, after it was closed, until the body was switched.
    Call it when the node unmounts."""
    watchers = getattr(obj, "__watchers", {}).get(attribute)
    if watchers:
        watchers[:] = [(watcher, callback) for watcher, callback in watchers if watcher is not node]


def drop_cancelled_timers(loop: asyncio.AbstractEventLoop) -> int:
    """Take the cancelled timer handles out of `loop`'s schedule; how many went.

    A Textual timer sleeps in a task that copied its screen's context (whose
    `active_message_pump` is the screen). Closing the screen cancels the sleep, but
    asyncio keeps a cancelled handle, and its context with the screen and all its
    widgets, in the schedule until the time it was due (up to a second later), unless
    half the schedule is cancelled. The collector's pass at the close then found the
    closed screen alive and could freeze nothing, so passes in a session without pauses
    grew from 15 to 180 ms. This is asyncio's own clean-up (BaseEventLoop._run_once),
    run now; a loop without that schedule (uvloop) is left alone."""
    scheduled = getattr(loop, "_scheduled", None)
    if not isinstance(scheduled, list) or not hasattr(loop, "_timer_cancelled_count"):
        return 0
    live = []
    for handle in scheduled:
        if handle.cancelled():
            handle._scheduled = False  # so that asyncio does not count it again
        else:
            live.append(handle)
    dropped = len(scheduled) - len(live)
    if dropped:
        heapq.heapify(live)
        scheduled[:] = live  # the same list: the loop holds it
        loop._timer_cancelled_count = 0
    return dropped
