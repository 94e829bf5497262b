"""Where a search's time goes: the search service's own steps, timed per query.

    python bench/search_steps.py --db FILE [--rounds 5]

Runs bench/measure.py's 50 queries `--rounds` times through Archive.search.hits,
with each step of the store and the service wrapped in a perf_counter, and the same
queries as FTS5 alone (measure._fts_alone, the floor of the "search p95" figure).
Prints the mean per query of each: what bounds the search against its floor.
The file is opened as the app opens it (use a copy: opening may tune the index).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import measure


def steps(db: Path, rounds: int) -> dict[str, float]:
    from nuit_tui.services import Archive
    from nuit_tui.store import search_query as index

    spent: dict[str, float] = defaultdict(float)

    def timed(module, name: str, step: str) -> None:
        inner = getattr(module, name)

        def wrapper(*args, **kwargs):
            began = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[step] += time.perf_counter() - began

        setattr(module, name, wrapper)

    archive = Archive.open(db)
    try:
        fts_alone = measure._fts_alone(archive)
        for query in measure.QUERIES:  # warm: statements, pages
            archive.search.hits(query)
        # The window query is what store.search spends outside the steps below it.
        timed(index, "fold_window", "fold the window (C per byte)")
        timed(index, "score_folded", "rank the window (count, C per byte)")
        timed(index, "snippet", "cut and mark each hit's snippet")
        timed(index, "search", "store.search in all")
        total = floor = 0.0
        for _ in range(rounds):
            for query in measure.QUERIES:
                began = time.perf_counter()
                archive.search.hits(query)
                total += time.perf_counter() - began
                began = time.perf_counter()
                fts_alone(query)
                floor += time.perf_counter() - began
    finally:
        archive.close()
    n = rounds * len(measure.QUERIES)
    out = {"search in all": total, "FTS5 alone (the floor)": floor, **spent}
    return {step: seconds / n * 1000 for step, seconds in out.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    ms = steps(args.db, args.rounds)
    store = ms["store.search in all"]
    inside = sum(ms[step] for step in ("fold the window (C per byte)", "rank the window (count, C per byte)",
                                        "cut and mark each hit's snippet"))
    ms["the window query and the rest of store.search"] = store - inside
    ms["the service: SearchHits"] = ms["search in all"] - store
    for step, value in ms.items():
        print(f"{value:7.3f} ms  {step}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
