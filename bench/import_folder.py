"""Time `nuit-tui import folder` on 50 documents, and a dry run of one 12-item minutes.

    python bench/import_folder.py [--docs 50]

The documents are 25 meetings' notices and minutes, 12 items each (remarks on every
other item, 24 attendance lines), written as read documents in JSON (what a reader hands
the importer): the figure is the merge and the writes, not the reading of Word or PDF.
The archive starts with the demo's registry (bodies, organisations, people).
Prints seconds; nothing is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from nuit_tui.cli import main  # noqa: E402
from nuit_tui.demo import data  # noqa: E402
from nuit_tui.domain import models as m  # noqa: E402
from nuit_tui.importers.meeting_record import ReadAttendance, ReadDocument, ReadItem, ReadMeeting, ReadRemark  # noqa: E402
from nuit_tui.services import Archive  # noqa: E402

TYPES = ["Godkjenning", "Orientering", "Drøfting", "Anbefaling", "Beslutning"]


def registry(path: Path) -> None:
    archive = Archive.open(path)
    with archive.store.write():
        orgs = {o["name"]: archive.store.insert(m.Organization(name=o["name"], short_name=o.get("short_name"))) for o in data.ORGANIZATIONS}
        for b in data.BODIES:
            archive.members.add_body(b["short_name"], b["name"])
        for p in data.PEOPLE:
            archive.members.add_person(p["name"], orgs[p["organization"]].stored_id if p.get("organization") else None)
    archive.close()


def meeting(number: int, year: int, kind: str) -> ReadDocument:
    date = dt.date(year, 1 + 3 * (number - 1), 16)
    items = []
    for i in range(12):
        seq = (number - 1) * 12 + i + 1
        remarks = [ReadRemark(speaker="Helse Vest RHF", text=f"kommenterte sak {seq} med et innspill om finansiering og gjennomføring.")] * (i % 2)
        items.append(
            ReadItem(
                case=f"{seq}/{year % 100:02d}",
                title=f"Sak nummer {seq} om nasjonale e-helseløsninger",
                type=TYPES[i % 5],
                start=dt.time(9 + i // 2, 30 * (i % 2)),
                proposed_decision=f"NUIT tar sak {seq} til orientering.",
                decision=f"NUIT tar sak {seq} til orientering." if kind == "minutes" else "",
                narrative="Direktoratet for e-helse orienterte om saken. " * 5 if kind == "minutes" else "",
                remarks=remarks if kind == "minutes" else [],
            )
        )
    people = [p for p in data.PEOPLE if p.get("organization")][:24]
    attendance = [ReadAttendance(name=p["name"], organization=p["organization"]) for p in people] if kind == "minutes" else []
    return ReadDocument(
        kind=kind,  # type: ignore[arg-type]
        source=f"{kind}-{number}-{year}.json",
        meetings=[ReadMeeting(body="NUIT", number=f"{number}/{year}", date=date, start=dt.time(9), end=dt.time(16), items=items, attendance=attendance)],
    )


def run(docs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        db = Path(tmp) / "nuit.sqlite"
        registry(db)
        written = 0
        for year in range(2010, 2100):
            for number in range(1, 5):
                for kind in ("notice", "minutes"):
                    if written < docs:
                        (folder / f"{year}-{number}-{kind}.json").write_text(meeting(number, year, kind).model_dump_json(), encoding="utf-8")
                        written += 1
        one = folder.parent / "one-minutes.json"
        one.write_text(meeting(1, 2200 - 1, "minutes").model_dump_json(), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            started = time.perf_counter()
            main(["import", "minutes", str(one), "--body", "NUIT", "--dry-run", "--json", "--db", str(db)])
            dry = time.perf_counter() - started
            started = time.perf_counter()
            main(["import", "folder", str(folder), "--body", "NUIT", "--db", str(db)])
            folder_seconds = time.perf_counter() - started
            started = time.perf_counter()
            main(["import", "folder", str(folder), "--body", "NUIT", "--db", str(db)])
            again = time.perf_counter() - started
        return {"dry_run_12_items": dry, "folder": folder_seconds, "folder_again": again, "documents": float(written)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=50)
    args = parser.parse_args()
    for name, value in run(args.docs).items():
        print(f"{name}: {value:.3f}")
