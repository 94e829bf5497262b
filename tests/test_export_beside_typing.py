"""A calendar export from the year plan runs in a worker while the user goes on typing:
what is saved meanwhile must stay saved, even when the export fails."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
import threading

from nuit_tui.exporters import ics
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.year_plan import YearPlanScreen


async def test_an_autosave_during_a_failing_export_is_kept(demo_path, monkeypatch):
    inside, go = threading.Event(), threading.Event()
    fold = ics.fold

    def stalled_then_full_disk(line):
        if line.startswith("BEGIN:VEVENT"):
            inside.set()
            go.wait(10)
            raise OSError(28, "No space left on device")
        return fold(line)

    monkeypatch.setattr(ics, "fold", stalled_then_full_disk)
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("18/23", body_short_name="NUIT")
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = YearPlanScreen(dt.date(2023, 5, 1))  # a year with meetings
        app.push_screen(screen)
        await pilot.pause()
        worker = screen._export_ics(False)
        assert await asyncio.to_thread(inside.wait, 10)  # the export is writing, its transaction open
        # An autosave meanwhile (from a thread: with the fix it waits for the export's lock).
        saved = threading.Thread(
            target=lambda: archive.agenda.update_item(item.model_copy(update={"narrative": "Skrevet under eksporten"}))
        )
        saved.start()
        go.set()  # the disk is full: the export fails and rolls back
        await asyncio.to_thread(saved.join, 10)
        await worker.wait()
        await pilot.pause()
    archive.close()
    with sqlite3.connect(demo_path) as check:
        narrative = check.execute("SELECT narrative FROM agenda_items WHERE id = ?", [item.id]).fetchone()[0]
    assert narrative == "Skrevet under eksporten"
