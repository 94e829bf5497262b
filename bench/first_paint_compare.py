"""First paint of two source trees of nuit-tui, interleaved with the floor, on one archive.

    python bench/first_paint_compare.py --db FILE --before /tmp/wt-before/src [--after src] [--runs 12]

Each round runs the floor and one tree, then the floor and the other (bench/first_paint.py,
headless): a slow spell hits both trees alike, which two full runs an hour apart do not.
Make the `before` tree with `git worktree add /tmp/wt-before <commit>`; both are
byte-compiled first, as pip does. Prints the median and minimum of each and the median's
ratio to the floor's.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def ready_ms(args: list[str], src: str) -> float:
    env = dict(os.environ, PYTHONPATH=f"{src}{os.pathsep}{HERE}")
    start = time.monotonic()
    out = subprocess.run([sys.executable, str(HERE / "first_paint.py"), *args], env=env,
                         capture_output=True, text=True, check=True).stdout
    return (json.loads(out.splitlines()[-1])["ready"] - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--before", required=True, help="the src folder of the tree before")
    parser.add_argument("--after", default=str(HERE.parent / "src"), help="the src folder of the tree after")
    parser.add_argument("--runs", type=int, default=12)
    args = parser.parse_args()
    trees = {"before": args.before, "after": args.after}
    for src in trees.values():
        compileall.compile_dir(src, quiet=1)
    samples: dict[str, list[float]] = {"floor": [], "before": [], "after": []}
    for n in range(args.runs + 1):  # the first round warms the caches: not counted
        for name, src in trees.items():
            floor, app = ready_ms(["floor"], src), ready_ms(["nuit", "--db", args.db], src)
            if n:
                samples["floor"].append(floor)
                samples[name].append(app)
    floor = statistics.median(samples["floor"])
    for name, values in samples.items():
        print(f"{name:<7} median {statistics.median(values):6.1f} ms  min {min(values):6.1f} ms  "
              f"{statistics.median(values) / floor:.3f}× the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
