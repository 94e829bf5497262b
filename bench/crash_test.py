"""The full crash test: a minute-taking session on a pty, killed with SIGKILL 50 times.

    /work/venv/bin/python bench/crash_test.py [--kills 50] [--seed 1] [--keep DIR]

Each kill lands at a random moment (about one in seven during start-up, the rest
while typing). After each: PRAGMA integrity_check, everything committed before
the kill still there, at most the last second of typing lost. Prints one line
per kill and the figures the README quotes; exit 1 on any problem.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from crash_session import MAX_LOSS, Session, prepare, reopen_check  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="folder to keep the archive in (default: a temporary one)")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="nuit-crash-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "nuit.sqlite"
    session = Session(db, prepare(db, items=args.kills * 3 + 10), random.Random(args.seed))
    started = time.monotonic()
    kills = []
    for number in range(1, args.kills + 1):
        kill = session.run(number)
        kills.append(kill)
        status = "OK" if not kill.problems else "FEIL: " + "; ".join(kill.problems)
        print(f"kill {number:2d} ({kill.phase:6s}) keys {kill.keys:4d}  lost {kill.loss:4.2f} s  {status}", flush=True)
    final = reopen_check(db)

    typing = [k for k in kills if k.phase == "typing"]
    losses = sorted(k.loss for k in typing)
    failed = [k for k in kills if k.problems]
    print()
    print(f"kills: {len(kills)} ({len(typing)} while typing, {len(kills) - len(typing)} during start-up)")
    print(f"keys typed: {sum(k.keys for k in kills)}; run time {time.monotonic() - started:.0f} s")
    print(f"integrity_check failures: {sum(1 for k in kills if any('integrity' in p for p in k.problems))}")
    print(f"committed edits lost: {sum(1 for k in kills if any('committed' in p or 'earlier run' in p or 'adopted' in p for p in k.problems))}")
    if losses:
        print(
            f"typing lost at a kill: median {statistics.median(losses):.2f} s, "
            f"90th percentile {losses[int(0.9 * (len(losses) - 1))]:.2f} s, max {losses[-1]:.2f} s (allowed {MAX_LOSS:.1f} s)"
        )
    print(f"reopened by nuit-tui after the last kill: {'sound' if not final else final}")
    print(f"archive: {db}")
    return 1 if failed or final else 0


if __name__ == "__main__":
    sys.exit(main())
