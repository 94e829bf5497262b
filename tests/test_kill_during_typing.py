"""The real app on a pseudo-terminal, killed with SIGKILL while a remark is typed:
reopening finds everything typed more than a second before the kill."""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import signal
import sqlite3
import struct
import sys
import termios
import threading
import time

import pytest

# Real processes on a pseudo-terminal, in real time: `-m "not slow"` leaves them out.
pytestmark = pytest.mark.slow

F2 = "\x1bOQ"
ENTER = "\r"


class Terminal:
    """A child process on a pty, with its output drained in the background."""

    def __init__(self, args: list[str], env: dict[str, str]):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child
            os.execvpe(args[0], args, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 140, 0, 0))
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk)

    def wait_for(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        needle = text.encode()
        while needle not in self.output:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on the screen")
            time.sleep(0.05)

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pty")
def test_a_kill_loses_at_most_the_last_second_of_typing(tmp_path, demo_template):
    db = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, db)  # the session's demo, built once
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "140", "LINES": "45"}
    env.pop("NUIT_DEBUG", None)
    term = Terminal([sys.executable, "-m", "nuit_tui", "--db", str(db)], env)
    try:
        term.wait_for("Prioriteringsutvalget")
        term.send(ENTER)  # the newest meeting: 2/2023
        term.wait_for("Slutt kl.")
        term.send("m")  # meeting mode on its first item
        term.wait_for("Nytt innspill")
        time.sleep(0.5)
        term.send(F2)
        time.sleep(0.5)
        term.send("KS" + ENTER)
        time.sleep(0.3)
        typed: list[tuple[float, str]] = []
        text = ""
        words = "NUIT ba om at arbeidet med felles journal prioriteres i kommunene neste år " * 3
        reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        worst_lag = 0.0
        for index, char in enumerate(words):
            term.send(char)
            text += char
            typed.append((time.monotonic(), text))
            time.sleep(0.03)  # a fast typist: ~33 keys a second, with no pause at all
            if index % 10 == 9 and index > 60:
                # How old is the oldest keystroke that is not on disk yet?
                row = reader.execute("SELECT text FROM remarks ORDER BY id DESC LIMIT 1").fetchone()
                on_disk = len(row[0]) if row else 0
                if on_disk < len(text):
                    worst_lag = max(worst_lag, time.monotonic() - typed[on_disk][0])
        reader.close()
        killed_at = time.monotonic()
        term.kill()
    except BaseException as exc:
        with_screen = term.output[-3000:].decode(errors="replace")
        term.kill()
        raise AssertionError(f"the app did not behave; last output:\n{with_screen}") from exc

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rows = conn.execute("SELECT speaker, text FROM remarks ORDER BY id DESC LIMIT 1").fetchall()
    conn.close()
    assert rows, "the remark row was not created"
    speaker, saved = rows[0]
    assert speaker == "KS"
    must_have = max((t for at, t in typed if at <= killed_at - 1.0), key=len, default="")
    assert len(must_have) > 40  # the test typed for well over a second
    assert saved.startswith(must_have), (len(saved), len(must_have))
    assert worst_lag < 1.0, f"typing was {worst_lag:.2f} s ahead of the disk"
    assert text.startswith(saved)
