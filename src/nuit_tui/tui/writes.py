"""The TUI's way to write: hand the write to the archive's writer, never wait for it.

`submit_write(app, fn)` queues `fn` on the writer thread (store/writer.py) with the
event loop's context (so `self.app` works inside it) and returns the future; the
caller awaits it with `asyncio.wrap_future`, which resumes on the loop.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from textual.app import App


def submit_write(app: App, fn: Callable[[], Any]) -> Future:
    store = app.archive.store  # type: ignore[attr-defined]
    return store.submit(contextvars.copy_context().run, fn)
