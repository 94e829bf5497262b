"""The benchmark (bench/) works: a tiny archive is generated, valid, and measured.

Nothing here is timed: bench/run.py --tiny only proves that the script runs
end to end and writes its JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _generate(tmp_path: Path) -> Path:
    sys.path.insert(0, str(BENCH))
    try:
        import generate
    finally:
        sys.path.remove(str(BENCH))
    path = tmp_path / "tiny.sqlite"
    counts = generate.generate(path, 0.01)
    assert counts["agenda_items"] > 100 and counts["remarks"] == 5 * counts["cases"]
    return path


def test_generated_archive_passes_check_and_validates(tmp_path):
    path = _generate(tmp_path)
    check = subprocess.run(
        [sys.executable, "-m", "nuit_tui", "check", "--db", str(path)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr

    from nuit_tui.services import Archive

    archive = Archive.open(path, create=False)
    try:
        tables = archive.store.dump()  # every row through the app's pydantic models
        assert len(tables["meetings"]) == 6 and len(tables["attendance"]) == 6 * 20
        meeting = tables["meetings"][-1]
        assert archive.agenda.for_meeting(meeting.id).rows
        if hasattr(archive, "search"):
            assert archive.search.hits("sikkerhet") or archive.search.hits("helse")
    finally:
        archive.close()


@pytest.mark.slow  # a dozen child processes, each starting Python and the app
def test_tiny_benchmark_runs_and_writes_json(tmp_path):
    out = tmp_path / "result.json"
    run = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--tiny", "--out", str(tmp_path / "out"), "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=400,  # a busy machine stretches it; quiet, it takes ~40 s
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "first paint" in run.stdout and "remark key CPU" in run.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    (scale,) = report["scales"]
    figures = scale["figures"]
    assert set(figures) >= {
        "first paint", "open meeting", "move in agenda", "remark key CPU", "search p95",
        "ICS whole archive", "ICS one body-year", "minutes .docx", "peak memory", "loop behind write lock",
        "ready for keys", "stall while typing", "meeting package PDF",
    }
    for figure in figures.values():  # every target checked by machine
        assert set(figure) >= {"value", "unit", "ratio", "floor", "target", "ok"}
    assert figures["meeting package PDF"]["pages"] > 14 and figures["meeting package PDF"]["files"] == 1
    lock = figures["loop behind write lock"]
    assert lock["keys_on_screen"] == lock["keys"] and lock["saved_after_release_s"] is not None
    assert scale["first_paint"]["screen"] == "MeetingsScreen" and scale["first_paint"]["rows"] > 0
    assert scale["interactive"]["remark_text_ok"] and scale["interactive"]["bare_text_ok"]
    assert scale["exports"]["ics_events"] > 0 and scale["exports"]["docx_bytes"] > 0
    assert scale["first_paint"]["keys_ms"] and scale["first_paint"]["floor_keys_ms"]
    assert scale["session"]["keys"] > 0 and scale["session"]["max_stall_ms"] is not None
