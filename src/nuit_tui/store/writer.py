"""One writer: the app's writes on one connection, run by one thread fed by a queue.

Why: SQLite lets one connection at a time hold the write lock, and another program
(a colleague's nuit-tui, `nuit-tui export`) may hold it for seconds. A write made on
the event loop waits that long (up to the busy timeout) and the screen freezes. So the
app never writes on its event loop's thread; it hands the write to the writer and goes
on (the shape of Datasette's `Database.execute_write_fn`).

How it fits together:

- `Writer` owns a read-write connection and a thread. `submit(fn)` queues `fn` and
  returns a `concurrent.futures.Future`; the thread runs the jobs one after another,
  each with the store bound to the writer's connection (so `store.write()` inside it
  is a `BEGIN IMMEDIATE … COMMIT` there). The TUI awaits the future
  (`asyncio.wrap_future`) and shows «lagret» when it resolves, or keeps the text and
  tries again when the file stayed locked past the busy timeout.
- A write made synchronously in another thread while a writer runs (a worker's short
  bookkeeping write, a screen's one-off action) uses the same connection, one at a
  time (`lock`): the app has one writing connection, whoever calls.
- Reads never wait for the writer (WAL): each thread reads on its own connection
  (`ArchiveStore.conn`): the thread that opened the store on the one it opened,
  workers on a read-only connection each.
- `PRAGMA data_version` on the writer's connection moves only when another program
  commits: the app's file watch reads `data_version` (kept fresh by the thread) to see
  other windows' changes without mistaking its own for them.
- The CLI has no event loop and no writer: it writes synchronously on its one
  connection, waiting on a held lock up to the busy timeout. Same services, same SQL.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

# How often an idle writer looks at data_version (the file watch polls each second).
POLL_SECONDS = 0.25

_STOP = object()


class Writer:
    """A thread that runs write jobs, one at a time, on its own connection."""

    def __init__(self, conn: sqlite3.Connection, *, bind: Callable[[sqlite3.Connection | None], None]):
        """`bind(conn)` makes the calling thread's store use `conn` (None: unbind)."""
        self.conn = conn
        self.lock = threading.RLock()
        self._bind = bind
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.data_version = self._read_version()
        self._thread = threading.Thread(target=self._run, name="nuit-writer", daemon=True)
        self._closed = False
        self._thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        """Queue `fn(*args)`; its result or exception comes back in the future."""
        if self._closed:
            raise RuntimeError("the writer is closed")
        future: Future = Future()
        self._jobs.put((future, fn, args))
        return future

    def _run(self) -> None:
        self._bind(self.conn)
        while True:
            try:
                job = self._jobs.get(timeout=POLL_SECONDS)
            except queue.Empty:
                self._poll()
                continue
            if job is _STOP:
                return
            future, fn, args = job
            if not future.set_running_or_notify_cancel():
                continue
            with self.lock:
                try:
                    result = fn(*args)
                except BaseException as exc:  # handed to the caller, whatever it is
                    future.set_exception(exc)
                else:
                    future.set_result(result)
            self._poll()

    def _read_version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def _poll(self) -> None:
        with self.lock:
            try:
                self.data_version = self._read_version()
            except sqlite3.Error:
                pass  # a passing hiccup: the next poll reads it

    def close(self) -> None:
        """Run what is queued (nothing typed is dropped), then stop and close the connection."""
        if self._closed:
            return
        self._closed = True
        self._jobs.put(_STOP)
        self._thread.join()
        self.conn.close()
