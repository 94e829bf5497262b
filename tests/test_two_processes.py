"""Two app processes on one archive, on ptys: neither crashes nor says the database is
locked, a remark typed in one shows in the other, and when both type into the same
field the second writer is asked and chooses; nothing is overwritten silently."""

from __future__ import annotations

import os
import sqlite3
import sys
import time

import pytest

from crash_session import F8, prepare
from test_kill_during_typing import ENTER, F2, Terminal

# Real processes on a pseudo-terminal, in real time: `-m "not slow"` leaves them out.
pytestmark = pytest.mark.slow


def start(db) -> Terminal:
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "140", "LINES": "45"}
    env.pop("NUIT_DEBUG", None)
    return Terminal([sys.executable, "-m", "nuit_tui", "--db", str(db)], env)


def shows(term: Terminal, text: str, since: int = 0) -> bool:
    return text.encode() in bytes(term.output[since:])


def wait_until(condition, timeout: float = 10, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting: {what}")
        time.sleep(0.05)


def narrative(db, item_id: int) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT narrative FROM agenda_items WHERE id = ?", [item_id]).fetchone()[0]
    finally:
        conn.close()


def alive(term: Terminal) -> bool:
    return os.waitpid(term.pid, os.WNOHANG) == (0, 0)


@pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pty")
def test_two_apps_on_one_file(tmp_path):
    db = tmp_path / "nuit.sqlite"
    items = prepare(db, items=4)
    a, b = start(db), start(db)
    try:
        for term in (a, b):
            term.wait_for("Prioriteringsutvalget")
        time.sleep(0.3)
        for term in (a, b):
            term.send(ENTER)
        for term in (a, b):
            term.wait_for("Slutt kl.")
        time.sleep(0.3)
        for term in (a, b):
            term.send("m")
        for term in (a, b):  # the meeting's day, nothing stamped: each window asks first
            term.wait_for("Starte møtet nå?")
            time.sleep(0.3)  # keys typed before the question is on screen are no answer
            term.send("j")
        for term in (a, b):
            term.wait_for("Nytt innspill")
        time.sleep(0.5)

        # A remark typed in A shows in B within a second or two.
        a.send(F2)
        time.sleep(0.4)
        a.send("KS" + ENTER)
        time.sleep(0.3)
        for char in "Sagt i vindu A":
            a.send(char)
            time.sleep(0.03)
        wait_until(lambda: shows(b, "Sagt i vindu A"), timeout=6)

        # Both type into the same narrative at once: the second writer is asked.
        for term in (a, b):
            term.send(F8)
        time.sleep(0.6)
        marks = {"a": len(a.output), "b": len(b.output)}
        for char_a, char_b in zip("Alfa sier ja!", "Beta sier nei", strict=True):
            a.send(char_a)
            b.send(char_b)
            time.sleep(0.03)
        wait_until(lambda: shows(a, "Behold min", marks["a"]) or shows(b, "Behold min", marks["b"]), timeout=6)
        time.sleep(0.3)
        asked = [name for name, term in (("a", a), ("b", b)) if shows(term, "Behold min", marks[name])]
        assert len(asked) == 1, asked
        second = a if asked == ["a"] else b
        mine = "Alfa sier ja!" if second is a else "Beta sier nei"
        theirs = "Beta sier nei" if second is a else "Alfa sier ja!"
        wait_until(lambda: narrative(db, items[1]) == theirs, timeout=3, what=f"{asked}: {narrative(db, items[1])!r}")
        time.sleep(0.6)
        assert narrative(db, items[1]) == theirs  # nothing of the second's written while it is asked
        second.send("\x02")  # Ctrl+B, keep mine: written deliberately over a fresh read
        wait_until(lambda: narrative(db, items[1]) == mine, timeout=5, what=f"{asked}: mine {narrative(db, items[1])!r}")
        first = b if second is a else a
        wait_until(lambda: shows(first, mine, marks["a" if first is a else "b"]), timeout=6, what=f"{asked}: first shows mine")  # and the first sees it

        # A write lock held elsewhere for a second and a half: A waits and saves, no error.
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        a.send(F8)
        time.sleep(0.5)
        for char in "Skrevet under en lås":
            a.send(char)
            time.sleep(0.03)
        time.sleep(1.0)
        holder.execute("ROLLBACK")
        holder.close()
        wait_until(lambda: narrative(db, items[2]) == "Skrevet under en lås", timeout=8)

        for term in (a, b):
            assert alive(term)
            screen = bytes(term.output).decode(errors="replace")
            for bad in ("database is locked", "Traceback", "opptatt"):
                assert bad not in screen, bad
    except BaseException as exc:
        tail = {name: bytes(t.output[-800:]).decode(errors="replace") for name, t in (("a", a), ("b", b))}
        raise AssertionError(f"{exc!r}; last output: {tail}") from exc
    finally:
        for term in (a, b):
            try:
                term.kill()
            except OSError:
                pass
