"""Child process of bench/run.py: the longest event-loop stall a typist feels.

    python bench/session.py --db FILE [--seconds 120] [--pace 0.03]

A minute-taking session on the real app, started as the CLI starts it (ArchiveFile,
the Archive loaded after the first paint, the garbage collector on and left to the
app's own policy): open a meeting's agenda and move in it, open meeting mode on a
case, start a remark (F2), type its speaker, Tab, and a sentence key by key at a
typist's pace (until 4 December the sentence went into «Hvem»), go to the
next case (F8) and type again, go back, open the search and year-plan screens — over
and over until the time is up. A probe on the event loop sleeps 2 ms at a time and
records how late it wakes: its largest lateness while keys are being typed is the
stall a typist feels (the work of one key is in it too). Opening a screen is reported
apart (a screen's composition is work the user asked for, not a stall while typing),
and so are the keys that move (F2, Tab, F8: key to idle, `max_move_ms`),
as are the garbage collector's full passes. Every key is sent as the terminal driver
sends it (Pilot.press's coroutine holds the key event, and through it a screen the key
closed, until the app is idle: the app's collector then cannot know that screen gone).
The floor: as many keys at the same pace into a bare App's TextArea, probed alike.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import sys
import time
from pathlib import Path

from measure import SIZE, TYPED, GcPauses, _key, _maxrss_mb, _sample_meetings, _type_key, typed_text

PROBE_S = 0.002


class Probe:
    """How late a 2 ms sleep on the event loop wakes, while `typing` is set.

    It sleeps only while typing: a task waking every 2 ms keeps Pilot's wait for idleness
    (a process using under 5 % of a 20 ms window) from ever seeing the app idle, and each
    `pilot.pause()` between the typing would then last its full second."""

    def __init__(self) -> None:
        self._typing = asyncio.Event()
        self.stalls_ms: list[float] = []
        self._task: asyncio.Task | None = None

    @property
    def typing(self) -> bool:
        return self._typing.is_set()

    @typing.setter
    def typing(self, on: bool) -> None:
        if on:
            self._typing.set()
        else:
            self._typing.clear()

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            await self._typing.wait()
            began = time.perf_counter()
            await asyncio.sleep(PROBE_S)
            late = (time.perf_counter() - began - PROBE_S) * 1000
            if self.typing:
                self.stalls_ms.append(late)

    def stop(self) -> None:
        if self._task:
            self._task.cancel()


async def session(db: Path, *, seconds: float, pace: float, chars: int = len(TYPED)) -> dict:
    from nuit_tui.services.start import ArchiveFile
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen

    start = ArchiveFile(db, create=False)
    app = NuitApp(start)
    pauses = GcPauses()
    probe = Probe()
    typed = typed_text(chars)  # one remark's text
    keys = rounds = 0
    screens_ms = 0.0  # the longest a screen took to open and settle (push to idle)
    moves_ms = 0.0  # the longest F2, Tab or F8 took to settle (key to idle)
    async with app.run_test(headless=True, size=SIZE) as pilot:

        async def open_screen(screen) -> None:
            nonlocal screens_ms
            opened = time.perf_counter()
            app.push_screen(screen)
            await pilot.pause()
            screens_ms = max(screens_ms, (time.perf_counter() - opened) * 1000)

        async def move(key: str) -> None:
            """A key that moves (F2 to a new remark, Tab to the next field, F8 to the next
            case), timed from key to idle: the footer's keys and the fields change with it."""
            nonlocal moves_ms
            pressed = time.perf_counter()
            _key(app, key)
            await pilot.pause()
            moves_ms = max(moves_ms, (time.perf_counter() - pressed) * 1000)

        await app.started.wait()
        archive = app.archive
        meetings = _sample_meetings(archive, 12)
        # Their minutes opened for writing: most of the archive's are approved and locked, where
        # F2 is refused and what is typed lands on a list. Until 4 December most of the session
        # typed into those refusals (and Escape, dropped with the text, left each meeting-mode
        # screen open under the next: the collector's passes grew with the pile, to 150 ms).
        for meeting in meetings:
            if archive.lock.is_locked(meeting):
                archive.lock.unlock(meeting, "Benchmark: a minute-taking session")
        cases = {
            meeting: [row[0] for row in archive.store.conn.execute(
                "SELECT id FROM agenda_items WHERE meeting_id = ? AND kind = 'item' ORDER BY position", [meeting])]
            for meeting in meetings
        }
        speakers = {
            meeting: (archive.store.conn.execute(
                "SELECT speaker FROM remarks JOIN agenda_items ON agenda_items.id = remarks.item_id"
                " WHERE meeting_id = ? AND speaker != '' LIMIT 1", [meeting]).fetchone() or [""])[0]
            for meeting in meetings
        }
        probe.start()
        began = time.perf_counter()
        while time.perf_counter() - began < seconds:
            meeting = meetings[rounds % len(meetings)]
            rounds += 1
            if len(cases[meeting]) < 2:
                continue
            await open_screen(AgendaScreen(meeting))
            for _ in range(3):
                _key(app, "down")
                await pilot.pause()
            app.pop_screen()
            await open_screen(MeetingModeScreen(meeting, cases[meeting][0]))
            for _case in range(2):
                await move("f2")
                probe.typing = True
                # «Hvem» (a speaker of the meeting's, which completes without a question),
                # Tab, then «Hva»: as a secretary types a remark.
                for char in speakers.get(meeting, ""):
                    _type_key(app, char)
                    keys += 1
                    await asyncio.sleep(pace)
                probe.typing = False
                await move("tab")
                probe.typing = True
                for char in typed:
                    _type_key(app, char)
                    keys += 1
                    await asyncio.sleep(pace)
                probe.typing = False
                await move("f8")
            _key(app, "escape")
            await pilot.pause()
            if rounds % 3 == 0:
                _key(app, "ctrl+p")
                await pilot.pause()
                _key(app, "escape")
                await pilot.pause()
        probe.stop()
        await pilot.pause()
        # Each remark typed is in the file (the session typed into remarks, not refusals).
        remarks_typed = archive.store.conn.execute("SELECT count(*) FROM remarks WHERE text = ?", [typed]).fetchone()[0]
    start.close()
    pauses.close()
    # The app has given the collector back its automatic full passes: the first of them
    # would walk everything the process holds and land in the floor's typing (250–300 ms):
    # as in a process that has just started, what is there is left out of its walks.
    gc.collect()
    gc.freeze()
    floor = await bare_typing(keys, pace, typed)
    stalls = sorted(probe.stalls_ms)
    return {
        "seconds": seconds, "pace_s": pace, "keys": keys, "rounds": rounds,
        "max_stall_ms": stalls[-1] if stalls else None,
        "p99_stall_ms": stalls[int(0.99 * (len(stalls) - 1))] if stalls else None,
        "max_other_ms": screens_ms, "max_move_ms": moves_ms, "remarks_typed": remarks_typed,
        "floor_max_stall_ms": floor["max_stall_ms"], "floor_p99_stall_ms": floor["p99_stall_ms"],
        "gc_full_ms": pauses.full_ms, "gc_thresholds": gc.get_threshold(),
        "maxrss_mb": _maxrss_mb(),
    }


async def bare_typing(keys: int, pace: float, typed: str = TYPED) -> dict:
    """The floor: the same keys at the same pace into a bare App's TextArea, probed alike
    (what this machine's scheduling and Textual's own key handling cost): `typed` over and
    over, the field emptied after each, as the session starts each remark afresh (one
    field of all the keys grew slower with every key: in a 10-minute run its stalls
    reached 244 ms)."""
    from textual.app import App
    from textual.widgets import TextArea

    class Bare(App[None]):
        def compose(self):
            yield TextArea()

    probe = Probe()
    app = Bare()
    async with app.run_test(headless=True, size=SIZE) as pilot:
        app.query_one(TextArea).focus()
        await pilot.pause()
        probe.start()
        probe.typing = True
        area = app.query_one(TextArea)
        for n in range(keys):
            if n and n % len(typed) == 0:
                area.clear()
            _type_key(app, typed[n % len(typed)])
            await asyncio.sleep(pace)
        probe.typing = False
        probe.stop()
    stalls = sorted(probe.stalls_ms)
    return {"max_stall_ms": stalls[-1], "p99_stall_ms": stalls[int(0.99 * (len(stalls) - 1))]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--pace", type=float, default=0.03, help="seconds between typed keys")
    parser.add_argument("--chars", type=int, default=len(TYPED), help="characters typed into each remark")
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(session(args.db, seconds=args.seconds, pace=args.pace, chars=args.chars))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
