"""Child process of bench/run.py: one meeting taken out, written up and brought back.

    python bench/checkin_bench.py --db FILE [--repeat N]

On a work copy (it writes): `nuit-tui checkout` of the newest meeting to a laptop
file beside it; on the laptop, one meeting's minutes (every item's decision and
narrative, three remarks per item, an item added with a remark and a follow-up,
attendance changed); on the shared archive one field changed meanwhile (a conflict)
and another item's text. Then `nuit-tui checkin --dry-run` N times and `nuit-tui
checkin` once, each timed from spawning the command to its exit: what the secretary
waits for (the command checks both files, then its worker reads the change set and
applies it in one transaction). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from peak_memory import peak_rss_kb

CPU_MS: dict[str, float] = {}  # the last command's CPU time (both of its processes): load aside


def _nuit(*args: str) -> tuple[float, subprocess.CompletedProcess]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "nuit_tui", *args], capture_output=True, text=True, check=False)
    wall = (time.perf_counter() - began) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_MS["last"] = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep-laptop", action="store_true", help="leave the laptop file (to look at it afterwards)")
    args = parser.parse_args(argv)

    from nuit_tui.domain import models as m
    from nuit_tui.services import Archive

    shared = args.db
    laptop = shared.with_name(f"laptop-{shared.name}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{laptop}{suffix}").unlink(missing_ok=True)
    archive = Archive.open(shared, create=False)
    try:
        newest = archive.store.conn.execute(
            "SELECT b.short_name, m.number || '/' || m.year, m.id FROM meetings m JOIN bodies b ON b.id = m.body_id"
            " WHERE m.status IN ('planned', 'notice_sent', 'held')"
            " AND EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = m.id) ORDER BY m.date DESC, m.id DESC LIMIT 1"
        ).fetchone()
    finally:
        archive.close()
    body, ref, meeting_id = newest
    checkout_ms, done = _nuit("checkout", "--db", str(shared), "--body", body, "--meeting", ref, "--out", str(laptop))
    if done.returncode != 0:
        raise SystemExit(f"checkout failed: {done.stderr}")

    edited = 0
    run = time.strftime("%H.%M.%S")  # texts of their own each run: a run on the same work file writes as much
    archive = Archive.open(laptop, create=False)
    try:
        items = [i for i in archive.agenda.items(meeting_id) if not i.is_break]
        for n, item in enumerate(items):
            archive.agenda.update_item(
                item.model_copy(update={"decision": f"Vedtak {n} fra møterommet {run}.", "narrative": f"Referat {n} {run}."})
            )
            for k in range(3):
                archive.minutes.add_remark(m.Remark(item_id=item.stored_id, speaker="KS", text=f"Innspill {n}.{k} {run}"))
            edited += 5
        added = archive.agenda.add_item(meeting_id, m.AgendaItem(meeting_id=meeting_id, title="Sak fra rommet", duration_minutes=5))
        archive.minutes.add_remark(m.Remark(item_id=added.stored_id, speaker="FHI", text="Innspill til ny sak"))
        archive.follow_ups.add(m.FollowUp(item_id=added.stored_id, description="Følge opp ny sak"))
        for row in archive.attendance.ensure(meeting_id)[:5]:
            archive.attendance.set_remote(meeting_id, row.person_id, not row.remote)
            edited += 1
        edited += 3
    finally:
        archive.close()
    archive = Archive.open(shared, create=False)
    try:
        first, last = items[0], items[-1]
        archive.agenda.update_item(archive.agenda.item(first.stored_id).model_copy(update={"decision": f"Endret i arkivet {run}."}))
        archive.agenda.update_item(archive.agenda.item(last.stored_id).model_copy(update={"purpose": f"Endret i arkivet {run}."}))
    finally:
        archive.close()

    dry: list[float] = []
    dry_cpu: list[float] = []
    for _ in range(args.repeat):
        ms, done = _nuit("checkin", str(laptop), "--db", str(shared), "--dry-run")
        if done.returncode not in (0, 3):
            raise SystemExit(f"checkin --dry-run failed: {done.stderr}")
        dry.append(ms)
        dry_cpu.append(CPU_MS["last"])
    if args.keep_laptop:
        print(json.dumps({"laptop": str(laptop), "dry_run_ms": dry}))
        return 0
    ms, done = _nuit("checkin", str(laptop), "--db", str(shared))
    if done.returncode != 3:  # the one field changed on both sides waits
        raise SystemExit(f"checkin gave {done.returncode}: {done.stdout} {done.stderr}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{laptop}{suffix}").unlink(missing_ok=True)
    print(json.dumps({
        "checkin_ms": ms, "checkin_cpu_ms": CPU_MS["last"], "dry_run_ms": dry, "dry_run_cpu_ms": dry_cpu,
        "checkout_ms": checkout_ms, "rows_changed": edited,
        "output": done.stdout.splitlines()[:2], "maxrss_mb": round(peak_rss_kb() / 1024, 1), "pid": os.getpid(),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
