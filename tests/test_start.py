"""Start-up: the first screen is painted from plain rows, the full Archive loads right after."""

from __future__ import annotations

import subprocess
import sys

from textual.widgets import DataTable

from nuit_tui.domain import models as m
from nuit_tui.services.start import ArchiveFile
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen


def test_the_start_screen_is_made_without_pydantic(demo_path):
    """What runs before the first paint imports no models, nor Textual's TextArea (its
    document and syntax modules, ~5 ms), argparse or hashlib (~3 and ~1.5 ms): that is
    what keeps the start fast."""
    script = (
        "import sys\n"
        "from nuit_tui import cli\n"
        "from nuit_tui.tui.app import NuitApp\n"
        "from nuit_tui.tui.screens.meetings import MeetingsScreen\n"
        "from nuit_tui.services.start import ArchiveFile\n"
        f"start = ArchiveFile({str(demo_path)!r})\n"
        "print(len(start.rows.meeting_rows(None, limit=100)), [b.short_name for b in start.rows.body_rows()][:2])\n"
        "start.close()\n"
        "print(sorted(name for name in sys.modules if name.startswith('pydantic') or name.endswith('.models')\n"
        "             or name.endswith(('_text_area', '.text_field')) or name in ('argparse', 'hashlib')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    rows, loaded = result.stdout.splitlines()
    assert rows.startswith("11 ['NUIT', ")  # the demo's meetings, and its bodies
    assert loaded == "[]"


def test_plain_rows_say_what_the_records_say(demo):
    rows = demo.rows.meeting_rows(None, limit=100)
    records = demo.meetings.page(None, limit=100)
    assert [(r.id, r.ref, r.body_id, r.date, r.start_time, r.end_time, r.location, r.video_link, r.status) for r in rows] == [
        (mt.id, mt.ref, mt.body_id, mt.date, mt.start_time, mt.end_time, mt.location, mt.video_link, mt.status) for mt in records
    ]
    assert [(b.id, b.short_name, b.name) for b in demo.rows.body_rows()] == [(b.id, b.short_name, b.name) for b in demo.members.bodies()]
    nuit = demo.members.body("NUIT")
    assert [r.ref for r in demo.rows.meeting_rows(nuit.id, year=2023, limit=1, offset=1)] == ["1/2023"]


async def test_from_a_file_the_app_paints_then_loads_the_archive(demo_path):
    start = ArchiveFile(demo_path)
    assert not start.loaded
    app = NuitApp(start)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        table = app.screen.query_one("#meetings", DataTable)
        assert [str(table.get_row_at(r)[0]) for r in range(2)] == ["2/2023", "1/2023"]
        # Loaded just after the first paint; the title's body is now the record.
        await app.started.wait()
        assert start.loaded
        assert isinstance(app.body, m.Body) and app.body.short_name == "NUIT"
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.body, m.Body) and app.body.short_name == "NEHS"
        await pilot.press("b", "b", "b")  # NEHR, NUFA, all bodies, back to NUIT
        await pilot.press("b")
        await pilot.pause()
        assert app.body.short_name == "NUIT"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    start.close()


async def test_the_start_screen_answers_keys_while_the_archive_loads(demo_path, monkeypatch):
    """The warm-up (imports, model validators) runs beside the event loop: a key moves the
    start screen's cursor before the Archive is loaded; a key that needs it waits for it."""
    import threading

    release = threading.Event()
    warm = ArchiveFile.warm

    def slow_warm(self):
        release.wait(10)
        warm(self)

    monkeypatch.setattr(ArchiveFile, "warm", slow_warm)
    start = ArchiveFile(demo_path)
    app = NuitApp(start)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        assert table.cursor_row == 0
        await pilot.press("down")
        assert table.cursor_row == 1 and not start.loaded
        release.set()
        await app.started.wait()
        assert start.loaded and isinstance(app.body, m.Body)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    start.close()
