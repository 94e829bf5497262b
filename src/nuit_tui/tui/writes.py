"""The TUI's way to write: hand the write to the archive's writer, never wait for it.

`write(node, fn, then)` is the one pattern for a change made from the TUI (a form
saved, a key that marks attendance, a delete, Ctrl+Z): `fn` runs on the writer thread
(store/writer.py), after every write queued before it, and its answer comes back to
`node` as a message on the event loop (`call_later`, so in order with the node's other
messages, as a worker's result does), where `then(result)` redraws. A refusal goes to
`failed(exc)` when given, else through the one guard (`tui/base.py`) to a notification.
When the node has gone meanwhile (its screen closed), `then` is skipped but a refusal
is still told to the user, by the app.

`submit_write(app, fn)` is the lower step: queue `fn` (with the event loop's context,
so `self.app` works inside it) and get the future; the versioned saves of typed text
(`widgets/conflict.py`) await it themselves.

`writes_pending(app)` counts writes queued and not yet answered (tests wait on it).
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from textual.app import App, ScreenStackError
from textual.message_pump import MessagePump
from textual.screen import ModalScreen, Screen

from ..errors import StoreError
from .base import FileChanged, guard

T = TypeVar("T")


def writes_pending(app: App) -> int:
    return getattr(app, "_writes_pending", 0)


def _count(app: App, delta: int) -> None:
    app._writes_pending = writes_pending(app) + delta  # type: ignore[attr-defined]


def submit_write(app: App, fn: Callable[[], Any]) -> Future:
    store = app.archive.store  # type: ignore[attr-defined]
    future: Future = store.submit(contextvars.copy_context().run, fn)
    _count(app, 1)

    def counted(landed: asyncio.Future) -> None:
        _count(app, -1)
        if not landed.cancelled():
            landed.exception()  # the caller's own copy answers for a refusal; this one need not be logged

    asyncio.wrap_future(future).add_done_callback(counted)
    return future


def write(
    node: MessagePump,
    fn: Callable[[], T],
    then: Callable[[T], object] | None = None,
    *,
    failed: Callable[[Exception], object] | None = None,
) -> Future:
    """Queue `fn` on the writer and return at once; see the module's docstring."""
    app = node.app
    future = submit_write(app, fn)
    _count(app, 1)  # answered only once `then` or `failed` has run on the node
    asyncio.wrap_future(future).add_done_callback(lambda landed: _landed(app, node, landed, then, failed))
    return future


def _landed(app: App, node: MessagePump, landed: asyncio.Future, then, failed) -> None:
    """On the loop, as soon as the writer has answered: hand the answer to the node."""
    alive = node is app or node.is_attached
    if alive and node.call_later(_answer, app, node, landed, then, failed):
        return
    _count(app, -1)
    error = landed.exception()
    if error is not None:  # the screen is gone, the user must still hear of it
        app.notify(_unsaved(error), severity="error", timeout=15)
    else:  # the screen is gone (a form closed at once): the one in view shows what changed
        redraw_what_is_shown(app)


def redraw_what_is_shown(app: App, unless: Screen | None = None) -> None:
    """A write that landed after the user left its screen (`unless`, when it is still the
    one in view, shows it itself): the screen in view read the archive before the save was
    in (a list showing the title typed last) and redraws now, as after another window's
    write. A form or question above waits until it is closed."""
    try:
        screen = app.screen
    except ScreenStackError:  # the app is closing
        return
    if screen is not unless and not isinstance(screen, ModalScreen):
        screen.post_message(FileChanged())


def _unsaved(error: BaseException) -> str:
    return str(error) if isinstance(error, StoreError) else f"Endringen ble ikke lagret: {error}"


def _answer(app: App, node: MessagePump, landed: asyncio.Future, then, failed) -> None:
    """On the node, in turn with its other messages."""
    try:
        error = landed.exception()
        if error is None:
            if then is not None:
                then(landed.result())
        elif failed is not None and isinstance(error, Exception):
            failed(error)
        else:
            with guard(node):  # type: ignore[arg-type]
                raise error  # a StoreError becomes a notification; anything else is a bug, and shows
    finally:
        _count(app, -1)
