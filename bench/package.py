"""The meeting package of the demo's NUIT 2/2023 as one PDF, timed (bench/run.py's
«meeting package PDF»): the notice, then per item its cover note (when the archive has
cover notes) and the attachment files this script makes — PDFs of 5 to 20 pages of text,
one per item from 16/23 on — merged, bookmarked and numbered «Side x av y».

    python bench/package.py --db FILE [--repeat N]

Prints one JSON line: wall and CPU milliseconds per run (the first is cold: the PDF
libraries are imported then), pages, files, peak memory.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path

from peak_memory import peak_rss_kb

WORDS = ("Direktoratet for e-helse foreslår at måleindikatorene for helse- og samhandlingsplanen følges opp årlig, "
         "med særlig vekt på kommunale tjenester, pasientens legemiddelliste og økt deling av journalopplysninger. ")


def latin(text: str) -> str:
    """Helvetica (a core font, as many PDFs have) holds Latin-1 only."""
    return text.replace("–", "-").encode("latin-1", "replace").decode("latin-1")


def attachment(pages: int, title: str) -> bytes:
    from fpdf import FPDF

    made = FPDF()
    made.set_font("Helvetica", size=11)
    for page in range(1, pages + 1):
        made.add_page()
        made.set_font("Helvetica", "B", 14)
        made.cell(0, 10, latin(f"{title}, side {page}"), new_x="LMARGIN", new_y="NEXT")
        made.set_font("Helvetica", size=11)
        made.multi_cell(0, 5, latin(WORDS * 12))
    return bytes(made.output())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--files", type=int, default=8, help="attachment files made, one per item from 16/23 on")
    args = parser.parse_args(argv)

    from nuit_tui.services import Archive
    from nuit_tui.services.package import PackageFile, build_package, file_stem

    archive = Archive.open(args.db, create=False)
    meeting = archive.meetings.find("NUIT", "2/2023")
    rows = [row for row in archive.agenda.for_meeting(meeting.stored_id).rows if not row.item.is_break][3 : 3 + args.files]
    files = []
    for n, row in enumerate(rows):
        label, title = f"Vedlegg {n + 4}", f"Notat om {row.item.title[:40]}"
        content = attachment(5 + (n * 5) % 16, title)
        files.append(PackageFile(row.item.stored_id, label, title, file_stem(label, row.case_number, title) + ".pdf", content))
    wall: list[float] = []
    cpu: list[float] = []
    data = b""
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        data = build_package(archive, meeting.stored_id, public=False, files=files, convert=False)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    archive.close()
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(data)).pages)
    print(json.dumps({"package_ms": wall, "package_cpu_ms": cpu, "pages": pages, "files": len(files),
                      "attachment_pages": sum(5 + (n * 5) % 16 for n in range(len(files))), "repeat": args.repeat,
                      "maxrss_mb": round(peak_rss_kb() / 1024, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
