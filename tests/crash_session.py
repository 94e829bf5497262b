"""A minute-taking session on a pty, killed with SIGKILL at random moments.

Each run starts the real app (`python -m nuit_tui`) on the same archive, opens
meeting mode and takes minutes by keys: a narrative, a remark, the decision
adopted, on to the next item; at a random moment the process is killed. Then:

- the file passes `PRAGMA integrity_check`;
- everything a reader saw committed before the kill is still there, and
  everything earlier runs left is unchanged;
- of what was typed, at most the last second is missing (the oldest keystroke
  not on disk was typed less than a second before the kill).

Used by tests/test_crash.py (5 kills) and bench/crash_test.py (50 kills).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from test_kill_during_typing import ENTER, F2, Terminal

F3 = "\x1bOR"
F8 = "\x1b[19~"
DOWN = "\x1b[B"
HOME = "\x1b[H"
MAX_LOSS = 1.0  # seconds of typing that may be lost
WORDS = (
    "NUIT drøftet veikartet og ba Direktoratet for e-helse ta med seg innspillene fra regionene "
    "om felles journal kommunal samhandling prioritering av tiltak og finansiering neste år "
).split()


class Killed(Exception):
    """The moment came: the app is dead."""


def prepare(db: Path, items: int) -> list[int]:
    """The demo archive with a meeting of `items` items, first in the list; its item ids."""
    from nuit_tui.demo.builder import ensure_demo
    from nuit_tui.domain import models as m
    from nuit_tui.services import Archive

    ensure_demo(db)
    archive = Archive.open(db)
    try:
        body = archive.members.body("NUIT")
        latest = max((mt.date for mt in archive.meetings.page(None, limit=1)), default=dt.date.today())
        day = max(dt.date.today(), latest + dt.timedelta(days=1))
        meeting = archive.meetings.create(body.id, day, dt.time(8), dt.time(16), location="Rom 4117", standard_items=False)
        with archive.store.write():
            for n in range(items):
                archive.agenda.add_item(
                    meeting.id,
                    m.AgendaItem(
                        meeting_id=meeting.id,
                        title=f"Sak nummer {n + 1}",
                        item_type="Drøfting",
                        duration_minutes=1,
                        proposed_decision=f"NUIT drøftet sak {n + 1} og tok saken til orientering.",
                    ),
                )
        return [i.id for i in archive.agenda.items(meeting.id)]
    finally:
        archive.close()


def read_state(conn: sqlite3.Connection, item_ids: list[int]) -> dict[tuple[str, int], str]:
    """What is committed: each item's narrative and decision, and its (one) remark's text."""
    marks = ",".join("?" * len(item_ids))
    state: dict[tuple[str, int], str] = {}
    for item_id, narrative, decision in conn.execute(
        f"SELECT id, narrative, decision FROM agenda_items WHERE id IN ({marks})", item_ids
    ):
        state[("narrative", item_id)] = narrative
        state[("decision", item_id)] = decision
    for item_id, text in conn.execute(f"SELECT item_id, text FROM remarks WHERE item_id IN ({marks}) ORDER BY id", item_ids):
        state[("remark", item_id)] = text
    return state


@dataclass
class Kill:
    run: int
    phase: str  # "start" (before typing) or "typing"
    loss: float = 0.0  # age of the oldest lost keystroke at the kill, seconds
    keys: int = 0
    problems: list[str] = field(default_factory=list)


class Session:
    def __init__(self, db: Path, item_ids: list[int], rng: random.Random, *, typing_window: float = 6.0, start_share: float = 0.15):
        self.db = db
        self.item_ids = item_ids
        self.rng = rng
        self.typing_window = typing_window
        self.start_share = start_share
        self.next_item = 1  # item 0 is where meeting mode opens; F8 moves on
        self.settled: dict[tuple[str, int], str] = {}  # what earlier runs left on disk

    # --- one run ------------------------------------------------------------------------

    def run(self, number: int) -> Kill:
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "140", "LINES": "45"}
        env.pop("NUIT_DEBUG", None)
        self.typed: dict[tuple[str, int], list[tuple[float, str]]] = {}
        self.adopted: dict[int, float] = {}
        self.kill_at: float | None = None
        started = time.monotonic()
        startup_kill = self.rng.random() < self.start_share
        if startup_kill:
            self.kill_at = started + self.rng.uniform(0.05, 2.5)
        self.term = Terminal([sys.executable, "-m", "nuit_tui", "--db", str(self.db)], env)
        seen: dict[tuple[str, int], str] = {}
        stop = threading.Event()
        watcher = threading.Thread(target=self._watch, args=(seen, stop), daemon=True)
        watcher.start()
        phase = "start"
        try:
            self._open_meeting_mode()
            phase = "typing"
            if self.kill_at is None:
                self.kill_at = time.monotonic() + self.rng.uniform(0.2, self.typing_window)
            while True:
                self._take_minutes_of_one_item()
        except Killed:
            pass
        except BaseException as exc:
            screen = self.term.output[-2000:].decode(errors="replace")
            self._kill()
            stop.set()
            raise AssertionError(f"run {number}: the app did not behave; last output:\n{screen}") from exc
        killed_at = self.killed_at
        stop.set()
        watcher.join()
        return self._check(number, phase, killed_at, seen)

    def _watch(self, seen: dict, stop: threading.Event) -> None:
        """A reader beside the app: what it sees committed must survive the kill."""
        conn = None
        while not stop.is_set():
            try:
                if conn is None:
                    conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=5)
                state = read_state(conn, self.item_ids)
                if not stop.is_set():
                    seen.clear()
                    seen.update(state)
            except sqlite3.Error:
                pass
            time.sleep(0.1)
        if conn is not None:
            conn.close()

    def _kill(self) -> None:
        self.killed_at = time.monotonic()
        self.term.kill()

    def _pause(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while True:
            now = time.monotonic()
            if self.kill_at is not None and now >= self.kill_at:
                self._kill()
                raise Killed
            if now >= end:
                return
            time.sleep(min(0.01, end - now))

    def _send(self, keys: str) -> None:
        self._pause(0)
        self.term.send(keys)

    def _wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        needle = text.encode()
        while needle not in self.term.output:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on the screen")
            self._pause(0.02)

    def _wait_for_either(self, *texts: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = [text for text in texts if text.encode() in self.term.output]
            if shown:
                return shown[-1]
            if time.monotonic() > deadline:
                raise AssertionError(f"none of {texts!r} appeared on the screen")
            self._pause(0.02)

    def _type(self, key: tuple[str, int], text: str) -> None:
        so_far = self.typed.setdefault(key, [])
        value = so_far[-1][1] if so_far else ""
        for char in text:
            self._send(char)
            value += char
            so_far.append((time.monotonic(), value))
            self._pause(self.rng.uniform(0.02, 0.05))  # a fast typist, no pauses

    def _open_meeting_mode(self) -> None:
        self._wait_for("Prioriteringsutvalget")
        self._pause(0.3)
        self._send(ENTER)  # the newest meeting: the one prepared
        self._wait_for("Slutt kl.")
        self._pause(0.3)
        start = self.next_item - 1
        # From the first row: the agenda's cursor starts on the item the meeting is on
        # (the last one taken up), which may be the one before, had the kill come first.
        self._send(HOME + DOWN * start + "m")
        if self._wait_for_either("Nytt innspill", "Starte møtet nå?") == "Starte møtet nå?":
            self._pause(0.3)  # keys typed before the question is on screen are no answer
            self._send("j")  # the meeting's day, nothing stamped yet: the first run starts the meeting
            self._wait_for("Nytt innspill")
        self._pause(0.5)

    def _take_minutes_of_one_item(self) -> None:
        if self.next_item >= len(self.item_ids):
            raise AssertionError("the session ran out of items; prepare more")
        item_id = self.item_ids[self.next_item]
        self.next_item += 1
        self._send(F8)  # next item, the narrative field in focus
        self._pause(0.4)
        words = self.rng.sample(WORDS, self.rng.randint(6, 12))
        self._type(("narrative", item_id), " ".join(words).capitalize() + ". ")
        self._send(F2)  # a new remark: the speaker first
        self._pause(0.4)
        self._send("KS")
        self._send(ENTER)
        self._pause(0.3)
        self._type(("remark", item_id), " ".join(self.rng.sample(WORDS, self.rng.randint(5, 10))) + ".")
        self._send(F3)  # adopt the proposal: written at once
        self.adopted[item_id] = time.monotonic()
        self._pause(0.4)

    # --- after the kill ------------------------------------------------------------------

    def _check(self, number: int, phase: str, killed_at: float, seen: dict) -> Kill:
        kill = Kill(number, phase, keys=sum(len(v) for v in self.typed.values()))
        conn = sqlite3.connect(self.db)  # read-write: recovers the WAL as the next start would
        try:
            integrity = conn.execute("PRAGMA integrity_check").fetchall()
            final = read_state(conn, self.item_ids)
        finally:
            conn.close()
        if integrity != [("ok",)]:
            kill.problems.append(f"integrity_check: {integrity[:3]}")
        touched = set(self.typed) | {("decision", i) for i in self.adopted}
        for key, value in self.settled.items():
            if key not in touched and final.get(key) != value:
                kill.problems.append(f"{key} left by an earlier run changed: {value!r} -> {final.get(key)!r}")
        for key, value in seen.items():
            now = final.get(key, "")
            if not now.startswith(value):  # texts only grow; a decision goes from "" to the proposal
                kill.problems.append(f"{key}: committed {value!r} before the kill, {now!r} after")
        for key, keystrokes in self.typed.items():
            on_disk = final.get(key, "")
            full = keystrokes[-1][1]
            if not full.startswith(on_disk):
                kill.problems.append(f"{key}: {on_disk!r} on disk was never typed ({full!r})")
            lost = next((at for at, value in keystrokes if not on_disk.startswith(value)), None)
            if lost is not None:
                kill.loss = max(kill.loss, killed_at - lost)
        for item_id, at in self.adopted.items():
            expected = self._proposal(item_id)
            if killed_at - at > MAX_LOSS and final.get(("decision", item_id)) != expected:
                kill.problems.append(f"decision of item {item_id} adopted {killed_at - at:.1f} s before the kill is missing")
        if kill.loss > MAX_LOSS:
            kill.problems.append(f"{kill.loss:.2f} s of typing lost (at most {MAX_LOSS} s allowed)")
        self.settled = final
        return kill

    def _proposal(self, item_id: int) -> str:
        n = self.item_ids.index(item_id) + 1
        return f"NUIT drøftet sak {n} og tok saken til orientering."


def reopen_check(db: Path) -> list[str]:
    """After the last kill: the app's own checks open the file and find it sound."""
    from nuit_tui.store import open_store

    store = open_store(db)
    try:
        return store.integrity_problems()
    finally:
        store.close()
