"""The benchmark: is what a user waits for bounded by the screen, not the archive?

    python bench/run.py [--scale N | --scales 1,4,16] [--json FILE] [--repeat N] [--tiny]

For each scale it makes (or reuses) bench/out/archive-s<N>.sqlite with
bench/generate.py, copies it to a work file (the measurements write), and runs
child processes that measure:

  (a) first paint: process start → Textual's Ready of `nuit-tui --db FILE`
      (bench/first_paint.py, headless), and the same for the demo archive and
      for a bare Header + DataTable + Footer app, the floor; and "ready for keys",
      when the work the app queues on Ready (loading its Archive) is done;
  (b) opening a meeting, (c) moving in its agenda, (d) a remark keystroke's CPU
      time in meeting mode and in a bare TextArea, and the longest full garbage
      collection pass of that session (bench/measure.py interactive);
  (e) search p50/p95 over 50 queries, after a first pass of the same queries on the
      file as found, which is reported too (bench/measure.py search);
  (f) the ICS of the whole archive, (g) one meeting's minutes .docx
      (bench/measure.py exports);
  (j) the meeting package of the demo's NUIT 2/2023 as one PDF, with attachment PDFs
      of 5–20 pages the script makes (bench/package.py; measured once, on the demo);
  (i) typing 50 keys into a remark in meeting mode while another process holds the
      write lock for 3 s: the longest event-loop stall, every key on screen, and the
      text in the file soon after the release (bench/lock_stall.py);
  (h) peak memory: the largest peak resident size (VmHWM) of all measuring processes;
  (j) one meeting taken out, written up on a laptop copy and brought back: the wall
      time of `nuit-tui checkin` (bench/checkin_bench.py);
  (k) reading a 12-item minutes document (the seed's 1/2023) for import, cold: the
      first read in a fresh process (bench/import_read.py).

It prints a table per scale — figure, value (min / median), target, ratio to
the floor where there is one — then how each figure grows from the smallest
scale to each larger one, and writes all samples to JSON. Daily backups are
off in the measured processes (NUIT_BACKUPS_KEEP=0): they run in a thread once
a day and would copy the whole archive on the first start.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

OUT = generate.OUT_DIR


# --- running children -----------------------------------------------------------------------


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["NUIT_BACKUPS_KEEP"] = "0"
    env.pop("NUIT_DB", None)
    return env


def _child(args: list[str], *, timeout: float = 1800) -> dict:
    proc = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=_env(), cwd=HERE, timeout=timeout
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return json.loads(lines[-1])


def first_paint(app_args: list[str], repeat: int, warmup: int = 1) -> dict:
    """Wall ms from spawning the process to Ready, for the app and for the floor, run in
    turn (the machine's load hits both alike); `warmup` discarded runs of each first."""
    samples: dict[str, list[float]] = {"ms": [], "floor_ms": [], "keys_ms": [], "floor_keys_ms": [], "loaded_ms": []}
    rss, seen = [], None
    for n in range(repeat + warmup):
        for key, args in (("floor_ms", ["floor"]), ("ms", app_args)):
            start = time.monotonic()
            report = _child([str(HERE / "first_paint.py"), *args], timeout=600)
            if n < warmup:
                continue
            if report["answered"] is None or report["loaded"] is None:
                raise RuntimeError(f"{' '.join(args)}: the first key was not answered, or the archive not loaded, within a minute")
            samples[key].append((report["ready"] - start) * 1000)
            samples["floor_keys_ms" if key == "floor_ms" else "keys_ms"].append((report["answered"] - start) * 1000)
            if key == "ms":
                samples["loaded_ms"].append((report["loaded"] - start) * 1000)
                rss.append(report["maxrss_kb"] / 1024)
                seen = {"screen": report["screen"], "rows": report["rows"], "modules": report["modules"]}
    ratios = [a / b for a, b in zip(samples["ms"], samples["floor_ms"], strict=True)]
    return {**samples, "ratio": statistics.median(samples["ms"]) / statistics.median(samples["floor_ms"]),
            "keys_ratio": statistics.median(samples["keys_ms"]) / statistics.median(samples["floor_keys_ms"]),
            "paired_ratios": ratios, "maxrss_mb": max(rss), **(seen or {})}


def compile_app() -> None:
    """Byte-compile nuit-tui first, as pip does when it installs a package: an editable
    checkout run with PYTHONDONTWRITEBYTECODE (as here) compiled every module from
    source at every start (~30 ms of first paint), while the floor's Textual is compiled."""
    import compileall

    import nuit_tui

    compileall.compile_dir(Path(nuit_tui.__file__).parent, quiet=1)


def work_copy(path: Path) -> Path:
    work = path.with_name("work-" + path.name.removeprefix("archive-"))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(path, work)
    return work


# --- statistics -----------------------------------------------------------------------------


def summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "min": ordered[0],
        "median": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "max": ordered[-1],
        "n": len(ordered),
    }


# --- one scale -------------------------------------------------------------------------------


def measure_scale(scale: float, *, repeat: int, keys: int, meetings: int, chars: int, out: Path,
                  warmup: int = 1, rounds: int | None = None,
                  lock_keys: int = 50, lock_hold: float = 3.0, session_seconds: float = 120.0,
                  only: str | None = None, package: dict | None = None, session_chars: int | None = None) -> dict:
    began = time.perf_counter()
    archive = generate.ensure(scale, out_dir=out)
    work = work_copy(archive)
    result: dict = {"scale": scale, "file": str(archive), "bytes": archive.stat().st_size}
    if only == "lock":
        result["lock"] = _child([str(HERE / "lock_stall.py"), "--db", str(work), "--keys", str(lock_keys), "--hold", str(lock_hold)])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        result["figures"] = {LOCK_FIGURE: lock_figure(result["lock"])}
        result["seconds"] = round(time.perf_counter() - began, 1)
        return result
    if only == "checkin":
        result["checkin"] = _child([str(HERE / "checkin_bench.py"), "--db", str(work), "--repeat", str(min(repeat, 3))])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
        result["figures"] = {"checkin one meeting": checkin_figure(result["checkin"])}
        result["seconds"] = round(time.perf_counter() - began, 1)
        return result
    result["first_paint"] = first_paint(["nuit", "--db", str(work)], repeat, warmup)
    result["interactive"] = _child([str(HERE / "measure.py"), "interactive", "--db", str(work), "--keys", str(keys), "--meetings", str(meetings),
                                  "--chars", str(chars), *(["--rounds", str(rounds)] if rounds else [])])
    result["search"] = _child([str(HERE / "measure.py"), "search", "--db", str(work)])
    result["exports"] = _child([str(HERE / "measure.py"), "exports", "--db", str(work), "--repeat", str(min(repeat, 3))])
    result["session"] = _child([str(HERE / "session.py"), "--db", str(work), "--seconds", str(session_seconds),
                                *(["--chars", str(session_chars)] if session_chars else [])])
    result["lock"] = _child([str(HERE / "lock_stall.py"), "--db", str(work), "--keys", str(lock_keys), "--hold", str(lock_hold)])
    result["package"] = package
    result["checkin"] = _child([str(HERE / "checkin_bench.py"), "--db", str(work), "--repeat", str(min(repeat, 3))])
    result["import"] = _child([str(HERE / "import_read.py"), "--repeat", str(min(repeat, 5))])
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    result["figures"] = figures(result)
    result["seconds"] = round(time.perf_counter() - began, 1)
    return result


def _figure(value: float, unit: str, target: str, ok: bool | None, *, ratio: float | None = None,
            floor: float | None = None, **extra) -> dict:
    """One figure as the JSON holds it: value (ms or MB), ratio to its floor where there is
    one, the floor, the target in words and whether it is met (None: shown, no target)."""
    return {"value": value, "unit": unit, "ratio": ratio, "floor": floor, "target": target, "ok": ok, **extra}


def checkin_figure(checkin: dict) -> dict:
    """One meeting's minutes taken out, written up on the laptop and brought back:
    `nuit-tui checkin` from spawn to exit (both processes), the dry runs beside it."""
    return _figure(
        checkin["checkin_ms"], "ms", "≤1000 ms", checkin["checkin_ms"] <= 1000,
        dry_run=summary(checkin["dry_run_ms"]), rows=checkin["rows_changed"], checkout_ms=checkin["checkout_ms"],
        cpu_ms=checkin.get("checkin_cpu_ms"))


def figures(r: dict) -> dict:
    """name -> figure (see _figure); the names carry the words issue 18 lists."""
    fp, floor = summary(r["first_paint"]["ms"]), summary(r["first_paint"]["floor_ms"])
    keys_ms = r["first_paint"].get("keys_ms") or r["first_paint"].get("loaded_ms") or r["first_paint"]["ms"]
    keys = summary(keys_ms)
    floor_keys = summary(r["first_paint"].get("floor_keys_ms") or r["first_paint"]["floor_ms"])
    loaded = summary(r["first_paint"].get("loaded_ms") or r["first_paint"]["ms"])
    inter, srch, exp = r["interactive"], r["search"], r["exports"]
    opened, moved = summary(inter["open_ms"]), summary(inter["move_ms"])
    bare_open = summary(inter.get("bare_open_ms") or inter["open_ms"])
    search, first = summary(srch["search_ms"]), summary(srch.get("search_first_pass_ms") or srch["search_ms"])
    fts = summary(srch.get("fts_ms") or srch["search_ms"])
    key, bare = inter["remark_key_cpu_ms"], inter["bare_key_cpu_ms"]
    key_ratio = inter.get("remark_key_ratio") or key / bare  # each round's pair (earlier runs: the medians')
    ics, docx = summary(exp["ics_ms"]), summary(exp["docx_ms"])
    body_year = summary(exp.get("ics_body_year_ms") or exp["ics_ms"])
    session, lock = r.get("session"), r.get("lock")
    by = {"first paint": r["first_paint"]["maxrss_mb"], "interactive": inter["maxrss_mb"], "search": srch["maxrss_mb"],
          "exports": exp["maxrss_mb"], **({"session": session["maxrss_mb"]} if session else {})}
    peak = max(by.values())
    out = {
        "first paint": _figure(fp["median"], "ms", "≤1.2× floor", r["first_paint"]["ratio"] <= 1.2,
                               ratio=r["first_paint"]["ratio"], floor=floor["median"], min=fp["min"]),
        # The first ↓ sent on Ready, answered on screen, against the same in the floor app.
        "ready for keys": _figure(keys["median"], "ms", "≤1.3× floor", keys["median"] / floor_keys["median"] <= 1.3,
                                  ratio=keys["median"] / floor_keys["median"], floor=floor_keys["median"], min=keys["min"],
                                  archive_loaded_ms=loaded["median"]),
        "open meeting": _figure(opened["median"], "ms", "≤1.5× a bare screen", opened["median"] / bare_open["median"] <= 1.5,
                                ratio=opened["median"] / bare_open["median"], floor=bare_open["median"], min=opened["min"]),
        "move in agenda": _figure(moved["p95"], "ms", "p95 ≤50 ms", moved["p95"] <= 50, median=moved["median"]),
        "remark key CPU": _figure(key, "ms", "≤1.1× bare TextArea", key_ratio <= 1.1, ratio=key_ratio, floor=bare),
        # Full garbage-collection passes in the interactive process (the app's policy decides when).
        "GC full pass, max": _figure(max(inter.get("gc_full_ms") or [0.0]), "ms", "", None,
                                     passes=len(inter.get("gc_full_ms") or [])),
        "search p95": _figure(search["p95"], "ms", "≤20 ms and ≤2× FTS5 alone",
                              search["p95"] <= 20 and search["p95"] <= 2 * fts["p95"], ratio=search["p95"] / fts["p95"],
                              floor=fts["p95"], median=search["median"], kind=srch["kind"]),
        # The same queries the first time, with the file as found (see measure.search).
        "search p95, first pass": _figure(first["p95"], "ms", "", None),
        "ICS one body-year": _figure(body_year["median"], "ms", "≤100 ms", body_year["median"] <= 100, min=body_year["min"],
                                     events=exp.get("ics_body_year_events")),
        "ICS whole archive": _figure(ics["median"], "ms", "", None, min=ics["min"], events=exp.get("ics_events")),
        "minutes .docx": _figure(exp["docx_ms"][0], "ms", "≤1000 ms (first, cold)", exp["docx_ms"][0] <= 1000, min=docx["min"]),
        "peak memory": _figure(peak, "MB", "≤120 MB", peak <= 120, by=by),
    }
    if r.get("package"):
        # Of the demo's 2/2023 whatever the scale: a package is one meeting's, not the archive's.
        made = r["package"]
        out["meeting package PDF"] = _figure(
            made["package_ms"][0], "ms", "≤3000 ms (first, cold)", made["package_ms"][0] <= 3000,
            min=min(made["package_ms"]), pages=made["pages"], files=made["files"], cpu_ms=made["package_cpu_ms"])
    if session:
        # A minute-taking session with the collector on (bench/session.py): the probe's
        # largest lateness while keys are typed; the floor is a bare TextArea typed alike.
        stall = session["max_stall_ms"]
        out["stall while typing"] = _figure(
            stall, "ms", "≤20 ms", stall <= 20, ratio=stall / max(session["floor_max_stall_ms"], 1e-9),
            floor=session["floor_max_stall_ms"], p99=session["p99_stall_ms"], keys=session["keys"],
            seconds=session["seconds"], gc_full_passes=len(session["gc_full_ms"]), screens_max_ms=session["max_other_ms"],
            moves_max_ms=session.get("max_move_ms"), remarks_typed=session.get("remarks_typed"))
    if r.get("import"):  # older reports lack it
        imp = r["import"]
        out["import read, 12 items"] = _figure(imp["first_ms"], "ms", "≤1000 ms (first, cold)", imp["first_ms"] <= 1000,
                                               min=min(imp["text_ms"]), docx=statistics.median(imp["docx_ms"]))
    if lock:
        out[LOCK_FIGURE] = lock_figure(lock)
    checkin = r.get("checkin")  # older reports lack it
    if checkin:
        out["checkin one meeting"] = checkin_figure(checkin)
    return out


# Named for issue 18's «lock» (and not «stall», which names the longest stall while typing).
LOCK_FIGURE = "loop behind write lock"


def lock_figure(lock: dict) -> dict:
    """The longest event-loop stall while another process holds the write lock 3 s and 50
    keys are typed into a remark; the floor is the same typing with the file free, in the
    same process. ok: ≤50 ms, every key on screen as typed, the text in the file ≤1 s
    after the release. The longest collector pass meanwhile is shown beside it."""
    saved = lock["saved_after_release_s"]
    ok = lock["max_stall_ms"] <= 50 and lock["every_key_on_screen"] and saved is not None and saved <= 1.0
    return _figure(
        lock["max_stall_ms"], "ms", "≤50 ms; all keys; saved ≤1 s", ok,
        ratio=lock["max_stall_ms"] / max(lock["free"]["max_stall_ms"], 1e-9), floor=lock["free"]["max_stall_ms"],
        keys_on_screen=lock["keys_on_screen"], keys=lock["keys"], held_s=lock["held_s"], saved_after_release_s=saved,
        gc_max_ms=lock.get("gc_max_ms"), gc_passes=lock.get("gc_passes"))


# --- printing ---------------------------------------------------------------------------------


def _number(value: float, unit: str) -> str:
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def table(r: dict) -> str:
    lines = [f"scale {r['scale']:g}: {r['file']} ({r['bytes'] / 1e6:,.0f} MB), measured in {r['seconds']} s",
             f"  {'figure':<20} {'value (median)':>15} {'min':>11}  {'target':<24} {'ratio':>7}  ok"]
    for name, f in r["figures"].items():
        low = _number(f["min"], f["unit"]) if f.get("min") is not None else ""
        ratio = f"{f['ratio']:.2f}×" if f.get("ratio") is not None else ""
        ok = {True: "yes", False: "NO", None: ""}[f["ok"]]
        lines.append(f"  {name:<20} {_number(f['value'], f['unit']):>15} {low:>11}  {f['target']:<24} {ratio:>7}  {ok}")
    return "\n".join(lines)


def growth(results: list[dict]) -> dict:
    """Each figure at each scale divided by the same figure at the smallest scale. A figure
    measured against a floor in its own run grows by its ratio to the floor: the floor
    itself moved 250–335 ms between the scales of one run (first paint), which is the
    machine, not the archive."""
    base = results[0]
    out: dict = {}
    for name, f in base["figures"].items():
        grown = {}
        for r in results:
            g = r["figures"][name]
            if g.get("ratio") and f.get("ratio") and g.get("floor") and f.get("floor"):
                grown[f"{r['scale']:g}"] = g["ratio"] / f["ratio"]
            else:
                grown[f"{r['scale']:g}"] = g["value"] / f["value"] if f["value"] else None
        out[name] = grown
    return out


def growth_table(results: list[dict], grown: dict) -> str:
    scales = [f"{r['scale']:g}" for r in results]
    head = f"  {'figure':<20} " + " ".join(f"{'×' + s:>16}" for s in scales) + "   target"
    lines = [f"growth (relative to scale {scales[0]}):", head]
    flat = {"first paint": 1.2, "open meeting": 1.2, "move in agenda": 1.2, "ICS one body-year": 1.2}
    for name in grown:
        cells = []
        for r in results:
            f = r["figures"][name]
            g = grown[name][f"{r['scale']:g}"]
            cells.append(f"{_number(f['value'], f['unit'])} {g:.2f}×" if g is not None else "-")
        target = f"≤{flat[name]}× (flat)" if name in flat else ""
        lines.append(f"  {name:<20} " + " ".join(f"{c:>16}" for c in cells) + f"   {target}")
    return "\n".join(lines)


def report_again(path: Path) -> int:
    report = json.loads(path.read_text(encoding="utf-8"))
    demo = report["demo"]
    if demo.get("ratio") is not None:
        print(f"floor (Header + DataTable + Footer): first paint {demo['floor']['median']:.0f} ms median")
        print(f"demo archive: first paint {demo['summary']['median']:.0f} ms median: {demo['ratio']:.2f}× floor (target ≤1.3×)")
    results = report["scales"]
    for r in results:
        r["figures"] = figures(r) if "first_paint" in r else {LOCK_FIGURE: lock_figure(r["lock"])}
        print(table(r))
    if len(results) > 1:
        print(growth_table(results, growth(results)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="nuit-tui benchmark (see the docstring)")
    parser.add_argument("--scale", type=float, help="one scale (default 1)")
    parser.add_argument("--scales", help="several, e.g. 1,4,16")
    parser.add_argument("--json", type=Path, help="write every sample here")
    parser.add_argument("--repeat", type=int, default=7, help="first-paint runs per app (after a warm-up)")
    parser.add_argument("--keys", type=int, default=20, help="↓ keys per opened meeting")
    parser.add_argument("--meetings", type=int, default=8, help="meetings opened")
    parser.add_argument("--chars", type=int, default=100, help="characters typed in meeting mode and the bare TextArea")
    parser.add_argument("--lock-keys", type=int, default=50, help="keys typed while another process holds the write lock")
    parser.add_argument("--lock-hold", type=float, default=3.0, help="seconds the other process holds the write lock")
    parser.add_argument("--session", type=float, default=120.0, help="seconds of the typing session (stall while typing)")
    parser.add_argument("--out", type=Path, default=OUT, help="where archives and work copies go (default bench/out)")
    parser.add_argument("--tiny", action="store_true", help="scale 0.01, few repeats, no warm-up: proves the script works")
    parser.add_argument("--report", type=Path, help="print the tables of an earlier --json file (figures recomputed)")
    parser.add_argument("--only", choices=["lock", "checkin"],
                        help="measure one figure at each scale (lock: the loop behind a write lock; checkin: one meeting brought back)")
    args = parser.parse_args(argv)
    if args.report:
        return report_again(args.report)
    # --tiny (the test suite's smoke test) runs every measurement once, without warm-up
    # runs: it proves the script, its figures mean little.
    warmup, rounds = (0, 1) if args.tiny else (1, None)
    if args.tiny:
        scales, args.repeat, args.keys, args.meetings, args.chars = [0.01], 1, 3, 2, 12
        args.lock_keys, args.lock_hold, args.session = 6, 0.3, 1.0
    elif args.scales:
        scales = [float(s) for s in args.scales.split(",")]
    else:
        scales = [args.scale or 1.0]
    args.out.mkdir(parents=True, exist_ok=True)
    compile_app()

    from nuit_tui.demo.builder import ensure_demo

    demo_paint: dict = {}
    package: dict | None = None
    fl = dm = {}
    if args.only is None:
        demo = args.out / "demo.sqlite"
        ensure_demo(demo)
        demo_work = work_copy(demo)
        if not args.tiny:  # the scale's own first paint runs the same script
            demo_paint = first_paint(["nuit", "--db", str(demo_work)], args.repeat, warmup)
            fl, dm = summary(demo_paint["floor_ms"]), summary(demo_paint["ms"])
            print(f"floor (Header + DataTable + Footer): first paint {fl['median']:.0f} ms median, {fl['min']:.0f} ms min")
            print(f"demo archive: first paint {dm['median']:.0f} ms median, {dm['min']:.0f} ms min:"
                  f" {demo_paint['ratio']:.2f}× floor (target ≤1.3×)", flush=True)
        package = _child([str(HERE / "package.py"), "--db", str(demo_work), *(["--repeat", "1", "--files", "1"] if args.tiny else [])])
        print(f"meeting package PDF (demo 2/2023, {package['pages']} pages, {package['files']} attachment files):"
              f" {package['package_ms'][0]:.0f} ms first (cold), {min(package['package_ms']):.0f} ms min (target ≤3000 ms)", flush=True)
    results = []
    for scale in scales:
        results.append(
            measure_scale(scale, repeat=args.repeat, keys=args.keys, meetings=args.meetings, chars=args.chars, out=args.out,
                          warmup=warmup, rounds=rounds,
                          lock_keys=args.lock_keys, lock_hold=args.lock_hold, session_seconds=args.session, only=args.only,
                          package=package, session_chars=args.chars if args.tiny else None)
        )
        print(table(results[-1]), flush=True)
    grown = growth(results) if len(results) > 1 else {}
    if grown:
        print(growth_table(results, grown))
    report = {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "demo": {"first_paint": demo_paint, "summary": dm, "floor": fl, "ratio": demo_paint.get("ratio"), "target": "≤1.3× floor"},
        "scales": results,
        "growth": grown,
    }
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
