"""Crash safety: the real app on a pty, taking minutes, killed with SIGKILL at five
random moments (bench/crash_test.py does fifty). After each kill the file is sound,
holds everything committed before, and lost at most the last second of typing."""

from __future__ import annotations

import random
import shutil
import sys

import pytest

from crash_session import Session, prepare, reopen_check

# Real processes on a pseudo-terminal, in real time: `-m "not slow"` leaves them out.
pytestmark = pytest.mark.slow


@pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pty")
def test_five_kills_during_a_minute_taking_session(tmp_path, demo_template):
    db = tmp_path / "nuit.sqlite"
    shutil.copy(demo_template, db)  # the session's demo, built once (prepare finds it there)
    session = Session(db, prepare(db, items=16), random.Random(8), typing_window=4.0)
    kills = [session.run(number) for number in range(1, 6)]
    problems = [f"kill {k.run} ({k.phase}): {p}" for k in kills for p in k.problems]
    assert not problems, "\n".join(problems)
    assert sum(k.keys for k in kills) > 100  # the kills did land while typing
    assert reopen_check(db) == []
