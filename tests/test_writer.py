"""The event loop never waits on the file's write lock (issue 13): the app's writes go
through one writer thread; what is typed while another program holds the lock stays on
screen, is saved once the lock is released, and a lock held past the busy timeout is a
Norwegian message with the text kept and saved later."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

from textual.widgets import Static, TextArea

from conftest import writes_held
from nuit_tui.domain import models as m
from nuit_tui.exporters import ics
from nuit_tui.services import Archive
from nuit_tui.services.calendar import export_ics
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.widgets import conflict
from test_meeting_mode import three_item_meeting, type_text


def stored_remark(path, remark_id: int) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT text FROM remarks WHERE id = ?", [remark_id]).fetchone()[0]
    finally:
        conn.close()


def hold_write_lock(path) -> sqlite3.Connection:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


async def until(pilot, condition, what: str, rounds: int = 200) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}")


async def a_remark_being_typed(pilot, app, meeting) -> tuple[MeetingModeScreen, TextArea]:
    app.push_screen(MeetingModeScreen(meeting.id))
    await pilot.pause()
    await pilot.press("f2")
    await type_text(pilot, "KS")
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    area = screen.query_one("#remark-text", TextArea)
    assert screen.focused is area
    return screen, area


async def test_a_save_queued_behind_another_programs_lock_leaves_keys_flowing_and_is_in_the_file_after_release(tmp_path):
    archive, meeting, _, _ = three_item_meeting(tmp_path)
    path = archive.path
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        screen, area = await a_remark_being_typed(pilot, app, meeting)
        remark_id = screen.remark.id
        holder = hold_write_lock(path)
        with writes_held():  # the save waits on purpose: Pilot waits must not wait for it
            try:
                await type_text(pilot, "Mens filen er låst")
                screen.remark_autosave.flush()  # the save is queued, not waited for
                await pilot.pause()
                assert str(screen.query_one("#save-state", Static).render()) == "…"  # waiting, neither saved nor failed
                await type_text(pilot, " skriver jeg videre")  # the loop handles keys meanwhile
                assert area.text == "Mens filen er låst skriver jeg videre"
                assert stored_remark(path, remark_id) == ""  # really held back by the lock
            finally:
                holder.execute("ROLLBACK")
                holder.close()
        # Nothing more to do: the queued save, then the keys typed since, go in.
        await until(pilot, lambda: stored_remark(path, remark_id) == "Mens filen er låst skriver jeg videre", "saved after release")
        await until(pilot, lambda: "Lagret" in str(screen.query_one("#save-state", Static).render()), "«Lagret» shown")
    archive.close()


async def test_a_lock_held_past_the_busy_timeout_keeps_the_text_says_so_and_saves_it_later(tmp_path, monkeypatch):
    monkeypatch.setattr(conflict, "RETRY_SECONDS", 0.1)
    archive, meeting, _, _ = three_item_meeting(tmp_path)
    path = archive.path
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        screen, area = await a_remark_being_typed(pilot, app, meeting)
        remark_id = screen.remark.id
        writer = archive.store.writer
        with writer.lock:  # a short busy timeout, so the test need not wait five seconds
            writer.conn.execute("PRAGMA busy_timeout=50")
        holder = hold_write_lock(path)
        state = screen.query_one("#save-state", Static)
        with writes_held():  # the save waits on purpose: Pilot waits must not wait for it
            try:
                await type_text(pilot, "Ikke tapt")
                screen.remark_autosave.flush()
                await until(pilot, lambda: "låst av et annet program" in str(state.render()), "the Norwegian message")
                assert "Ikke lagret" in str(state.render())
                assert area.text == "Ikke tapt"
                assert stored_remark(path, remark_id) == ""
            finally:
                holder.execute("ROLLBACK")
                holder.close()
        await until(pilot, lambda: stored_remark(path, remark_id) == "Ikke tapt", "saved again once free")
        await until(pilot, lambda: "Lagret" in str(state.render()), "«Lagret» shown")
    archive.close()


def test_the_writer_runs_writes_off_the_calling_thread_and_sees_only_other_programs_commits(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    try:
        store = archive.store
        writer = store.start_writer()
        version = store.data_version()
        body = store.submit(archive.members.add_body, "NUIT", "Prioriteringsutvalget").result(10)
        assert body.id is not None and archive.members.body("NUIT").id == body.id  # the caller's connection reads it
        writer._poll()
        assert store.data_version() == version  # its own write is not «another window»
        other = sqlite3.connect(archive.path, isolation_level=None)
        other.execute("UPDATE bodies SET name = 'Endret' WHERE id = ?", [body.id])
        other.close()
        writer._poll()
        assert store.data_version() != version
        # A worker thread reads on a read-only connection of its own.
        seen: list = []
        reader = threading.Thread(target=lambda: seen.append((store.conn is not store._home_conn, archive.members.body("NUIT").name)))
        reader.start()
        reader.join()
        assert seen == [(True, "Endret")]
    finally:
        archive.close()


def test_an_ics_export_holds_no_write_lock_while_it_renders(demo_path, tmp_path, monkeypatch):
    inside, go = threading.Event(), threading.Event()
    fold = ics.fold

    def stalled(line):
        if line.startswith("BEGIN:VEVENT") and not inside.is_set():
            inside.set()
            go.wait(10)
        return fold(line)

    monkeypatch.setattr(ics, "fold", stalled)
    archive = Archive.open(demo_path)
    result: list = []
    export = threading.Thread(target=lambda: result.append(export_ics(archive, year=2023, exports_dir=tmp_path)))
    export.start()
    try:
        assert inside.wait(10)
        other = sqlite3.connect(demo_path, isolation_level=None, timeout=0)
        other.execute("BEGIN IMMEDIATE")  # at once: the export is only reading
        other.execute("ROLLBACK")
        other.close()
    finally:
        go.set()
        export.join(30)
    archive.close()
    with sqlite3.connect(demo_path) as check:  # and what was exported is recorded
        assert check.execute("SELECT count(*) FROM calendar_events WHERE variant = 'internal'").fetchone()[0] > 0
    assert result and result[0].exists()


async def test_moving_to_the_next_item_today_stamps_its_times_through_the_writer(tmp_path):
    archive, meeting, _, _ = three_item_meeting(tmp_path)
    today = archive.meetings.create(meeting.body_id, dt.date.today(), dt.time(9), dt.time(12), location="Rom 4117", standard_items=False)
    first, second = (
        archive.agenda.add_item(today.id, m.AgendaItem(meeting_id=today.id, title=title, duration_minutes=30)) for title in ("En", "To")
    )
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(today.id))
        await pilot.pause()
        await pilot.press("f8")
        await until(pilot, lambda: archive.agenda.item(second.id).started_at is not None, "the second item's start stamped")
        assert archive.agenda.item(first.id).ended_at is not None
    archive.close()
