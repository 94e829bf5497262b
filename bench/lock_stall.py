"""Child process of bench/run.py: typing a remark while another program holds the write lock.

    python bench/lock_stall.py --db FILE [--keys 50] [--hold 3]
    python bench/lock_stall.py hold --db FILE --hold 3      # the other program

In meeting mode (headless, 140×45) a new remark is opened. Another process takes the
file's write lock (`BEGIN IMMEDIATE`) and holds it for `--hold` seconds; meanwhile
`--keys` characters are typed into the remark, one every 50 ms, with the app's own
autosave running (its first save is queued behind the lock). Measured:

- the longest event-loop stall: how late a task that wakes every 2 ms ran, at worst,
  from the lock taken until the text is in the file;
- whether each key was in the field as soon as the app had handled it;
- how long after the lock's release the whole text was in the file (read on a
  read-only connection of its own, which the lock does not block).

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import sqlite3
import sys
import time
from pathlib import Path

from measure import SIZE, _maxrss_mb, _type_key, typed_text

TYPED = "Helse Vest ba om en plan for gevinstrealisering før vedtak i høst, takk. "
KEY_GAP = 0.02
TICK = 0.002


def hold(db: Path, seconds: float) -> int:
    """Hold the write lock for `seconds`, and on until a line comes on stdin (the
    typing is done): on a slow machine 50 keys may take longer than the hold."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print(f"locked {time.time()}", flush=True)
    time.sleep(seconds)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
    print(f"released {time.time()}", flush=True)
    conn.close()
    return 0


class StallMonitor:
    """The longest time the event loop took to come back to a task that sleeps TICK, and
    (what bounds it when the file is not the cause) the longest garbage-collection pass
    meanwhile, with how many passes there were."""

    def __init__(self) -> None:
        self.worst = 0.0
        self.gc_worst = 0.0
        self.gc_passes = 0
        self._gc_began = 0.0
        self._task: asyncio.Task | None = None

    def _gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_began = time.perf_counter()
        else:
            self.gc_passes += 1
            self.gc_worst = max(self.gc_worst, time.perf_counter() - self._gc_began)

    async def _watch(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            self.worst = max(self.worst, time.perf_counter() - before - TICK)

    def start(self) -> None:
        gc.callbacks.append(self._gc)
        self._task = asyncio.get_running_loop().create_task(self._watch())

    def stop(self) -> float:
        if self._gc in gc.callbacks:
            gc.callbacks.remove(self._gc)
        if self._task is not None:
            self._task.cancel()
        return self.worst * 1000


def stored(db: Path, remark_id: int) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT text FROM remarks WHERE id = ?", [remark_id]).fetchone()[0]
    finally:
        conn.close()


async def _type_remark(app, pilot, db: Path, typed: str, *, seconds: float | None) -> dict:
    """A new remark, typed key by key; with `seconds`, behind another process's lock."""
    from textual.widgets import TextArea

    await pilot.press("f2")
    await pilot.pause()
    screen = app.screen
    area = screen.query_one("#remark-text", TextArea)
    area.focus()
    await pilot.pause(0.6)  # the remark row exists and nothing is pending
    remark_id = screen.remark.id
    holder = None
    if seconds is not None:
        holder = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "hold", "--db", str(db), "--hold", str(seconds),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        line = (await holder.stdout.readline()).decode()
        assert line.startswith("locked"), line
        locked = float(line.split()[1])
    monitor = StallMonitor()
    monitor.start()
    shown = []
    for n, char in enumerate(typed, 1):
        _type_key(app, char)
        # On screen within a second? (Not Pilot's wait for idleness: the monitor, waking
        # every 2 ms, keeps the process from ever looking idle, so that wait lasts 1 s.)
        shown_by = time.perf_counter() + 1.0
        while area.text != typed[:n] and time.perf_counter() < shown_by:
            await asyncio.sleep(TICK)
        shown.append(area.text == typed[:n])
        await asyncio.sleep(KEY_GAP)
    await pilot.pause()
    result: dict = {}
    released = time.time()
    if holder is not None:
        holder.stdin.write(b"done\n")
        await holder.stdin.drain()
        line = (await holder.stdout.readline()).decode()
        assert line.startswith("released"), line
        released = float(line.split()[1])
        result["held_s"] = released - locked
        await holder.wait()
    saved_after = None
    while time.time() - released < 10:
        if stored(db, remark_id) == typed:
            saved_after = time.time() - released
            break
        await asyncio.sleep(0.01)
    result["max_stall_ms"] = monitor.stop()
    result["gc_max_ms"], result["gc_passes"] = monitor.gc_worst * 1000, monitor.gc_passes
    result["keys_on_screen"] = sum(shown)
    result["every_key_on_screen"] = all(shown) and len(shown) == len(typed)
    result["saved_after_release_s"] = saved_after
    await pilot.press("escape")  # out of the remark
    await pilot.pause()
    return result


async def measure(db: Path, *, keys: int, seconds: float) -> dict:
    from nuit_tui.services import Archive
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen

    typed = typed_text(keys, TYPED)
    archive = Archive.open(db)
    row = archive.store.conn.execute(
        "SELECT id FROM meetings WHERE status = 'held' ORDER BY date DESC LIMIT 1"
    ).fetchone() or archive.store.conn.execute("SELECT id FROM meetings ORDER BY date DESC LIMIT 1").fetchone()
    app = NuitApp(archive)
    result: dict = {"keys": keys, "hold_s": seconds}
    async with app.run_test(headless=True, size=SIZE) as pilot:
        app.push_screen(MeetingModeScreen(row[0]))
        await pilot.pause()
        # The same typing with the file free first: the floor the lock is compared with.
        result["free"] = await _type_remark(app, pilot, db, typed, seconds=None)
        result.update(await _type_remark(app, pilot, db, typed, seconds=seconds))
    archive.close()
    result["maxrss_mb"] = _maxrss_mb()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", nargs="?", choices=["measure", "hold"], default="measure")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--keys", type=int, default=50)
    parser.add_argument("--hold", type=float, default=3.0)
    args = parser.parse_args(argv)
    if args.what == "hold":
        return hold(args.db, args.hold)
    print(json.dumps(asyncio.run(measure(args.db, keys=args.keys, seconds=args.hold))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
