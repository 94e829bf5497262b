"""While the writer is held (another program's lock, a long write), the screens go on:
keys land on screen in order, forms close at once, and everything is in the file once
the writer is free; a save refused after the user has moved on still reaches them.

The writer is held deterministically: a job that waits on a threading.Event is queued
first, so every write the app hands over waits behind it, exactly as behind a lock.
"""

from __future__ import annotations

import gc
import sqlite3
import threading
from contextlib import contextmanager

import pytest
from textual.widgets import TextArea

from conftest import type_text, writes_held
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.attendance import AttendanceScreen, MembersGrid
from nuit_tui.tui.screens.item import ItemScreen
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.widgets import conflict
from nuit_tui.tui.widgets.conflict_question import ConflictScreen
from test_meeting_mode import three_item_meeting


@contextmanager
def writer_held(app):
    """Every write queued inside waits until the block ends (Pilot waits do not wait for them)."""
    gate, running = threading.Event(), threading.Event()

    def block() -> None:
        running.set()
        gate.wait(60)

    app.archive.store.writer.submit(block)
    assert running.wait(10)
    try:
        with writes_held():
            yield
    finally:
        gate.set()


def read(path, sql: str, *params):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def open_item_over_its_agenda(pilot, meeting_id: int, item_id: int) -> None:
    """The item screen, opened from its meeting's agenda (Escape goes back to it)."""
    pilot.app.push_screen(AgendaScreen(meeting_id))
    await pilot.pause()
    pilot.app.push_screen(ItemScreen(item_id))
    await pilot.pause()


async def close_and_delete_elsewhere(pilot, path, item_id: int) -> None:
    """Escape with the typed save still with the (held) writer, back on the agenda; then
    another window deletes the item, so that the save is refused."""
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, AgendaScreen)
    with sqlite3.connect(path) as other:
        other.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])


async def settle(pilot, condition, rounds: int = 100) -> None:
    """Let the app run (intervals, the writer's answers) until `condition` holds."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("never happened")


async def test_remark_keys_f3_and_a_form_go_on_while_the_writer_is_held_and_all_is_in_the_file_after(tmp_path):
    archive, meeting, _, (first, second, _) = three_item_meeting(tmp_path)
    path = archive.path
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id))
        await pilot.pause()
        screen = app.screen
        with writer_held(app):
            # A new remark: its row is made behind the held writer; the editor is open at once.
            await pilot.press("f2")
            await type_text(pilot, "KS")
            await pilot.press("enter")
            area = screen.query_one("#remark-text", TextArea)
            typed = ""
            for word in ("Vi", " ber", " om", " en", " plan."):
                await type_text(pilot, word)
                typed += word
                assert area.text == typed  # every key on screen, in order, while nothing is written
            await pilot.press("escape")  # out of the remark (its save queued too)
            await pilot.press("f3")  # adopt the proposal: queued, the screen answers keys meanwhile
            await pilot.press("f4")  # a follow-up form opens, is filled in and closes at once
            await pilot.pause()
            await type_text(pilot, "Sende plan")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is screen
            assert read(path, "SELECT count(*) FROM remarks")[0][0] == 0
            assert read(path, "SELECT decision FROM agenda_items WHERE id = ?", first.id)[0][0] == ""
        await pilot.pause()  # the writer is free: the queued writes go in, in order
        assert read(path, "SELECT speaker, text FROM remarks") == [("KS", typed)]
        assert read(path, "SELECT decision FROM agenda_items WHERE id = ?", first.id)[0][0] == first.proposed_decision
        assert [d for (d,) in read(path, "SELECT description FROM follow_ups")] == ["Sende plan"]
        assert "vedtatt som foreslått" in " ".join(messages(app))
    archive.close()


async def test_attendance_keys_and_the_meeting_form_answer_at_once_while_the_writer_is_held(tmp_path):
    archive, meeting, _, _ = three_item_meeting(tmp_path)
    path = archive.path
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(AttendanceScreen(meeting.id))
        await pilot.pause()
        grid = app.screen.query_one(MembersGrid)
        grid.move_cursor(row=0)
        with writer_held(app):
            await pilot.press("t", "f")  # present, next; absent with notice, next
            await pilot.pause()
            assert grid.cursor_row == 1  # the cursor went on at each key (the last row stops it)
            assert read(path, "SELECT count(*) FROM attendance")[0][0] == 0
        await pilot.pause()
        statuses = read(
            path, "SELECT people.name, status FROM attendance JOIN people ON people.id = person_id ORDER BY people.name"
        )
        assert statuses == [("Kari Nordmann", "present"), ("Ola Hansen", "absent_with_notice")]

        app.pop_screen()
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        with writer_held(app):
            await pilot.press("t")  # time and place
            await pilot.pause()
            app.screen.query_one("#location").value = "Møterom Fjorden"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, AgendaScreen)  # the form closed at once
        await pilot.pause()
        assert read(path, "SELECT location FROM meetings WHERE id = ?", meeting.id)[0][0] == "Møterom Fjorden"
        assert isinstance(app.screen, AgendaScreen)
        assert "Møterom Fjorden" in str(app.screen.query_one("#meeting-heading").render())
    archive.close()


async def test_meeting_mode_counts_attendance_marked_just_before_escape_once_it_is_in(tmp_path):
    # F5, «t» on the first member, Escape at once: the mark is still with the writer when
    # meeting mode comes back into view; once it lands, meeting mode counts it.
    archive, meeting, _, _ = three_item_meeting(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id))
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        app.screen.query_one(MembersGrid).move_cursor(row=0)
        with writer_held(app):
            await pilot.press("t", "escape")  # present; back to meeting mode
            await pilot.pause()
            assert isinstance(app.screen, MeetingModeScreen)
        await settle(pilot, lambda: "Til stede under saken: 1 av 2" in str(app.screen.query_one("#mm-present").render()))
    archive.close()


@pytest.mark.parametrize("parts, told_text", [
    ((" og gevinster",), "Målbilde og gevinster"),  # the title as typed (added to: a saved field is not selected on focus)
    # A save left while the writer is busy (typing for longer than the save delay), then
    # more keys: the message names the text as last typed, not as the first save took it.
    ((" gevinster", " og kostnader"), "Målbilde gevinster og kostnader"),
])
async def test_a_save_refused_after_its_screen_closed_is_told_with_the_text_as_last_typed(tmp_path, caplog, parts, told_text):
    archive, meeting, _, (first, _, _) = three_item_meeting(tmp_path)
    path = archive.path
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        await open_item_over_its_agenda(pilot, meeting.id, first.id)
        with writer_held(app):
            for n, part in enumerate(parts):
                if n:
                    await settle(pilot, lambda: not app.screen.autosave.pending)  # a save is on its way
                await type_text(pilot, part)
            await close_and_delete_elsewhere(pilot, path, first.id)
        await settle(pilot, lambda: any("ble ikke lagret" in text for text in messages(app)))
        told = [text for text in messages(app) if "ble ikke lagret" in text]
        assert len(told) == 1 and told[0].endswith(f"Det du skrev: {told_text}"), told
    archive.close()
    gc.collect()  # asyncio logs an unretrieved exception when its future is collected
    assert not [r for r in caplog.records if "never retrieved" in r.getMessage()]  # told once, not logged too


async def test_a_clash_found_after_the_user_moved_on_still_asks_which_version_to_keep(tmp_path, monkeypatch):
    monkeypatch.setattr(conflict, "QUIET_SECONDS", 0)
    archive, meeting, _, (first, _, _) = three_item_meeting(tmp_path)
    path = archive.path
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id))
        await pilot.pause()
        screen = app.screen
        screen.query_one("#narrative", TextArea).focus()
        await pilot.pause()
        with writer_held(app):
            await type_text(pilot, "Mitt referat")
            screen.flush()
            with sqlite3.connect(path) as other:  # another window writes the same field first
                other.execute(
                    "UPDATE agenda_items SET narrative = 'Deres referat', row_version = row_version + 1 WHERE id = ?", [first.id]
                )
            await pilot.press("f8")  # on to the next item before the clash is found
            await pilot.pause()
        await settle(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("ctrl+b")  # keep mine
        await pilot.pause()
        await settle(pilot, lambda: read(path, "SELECT narrative FROM agenda_items WHERE id = ?", first.id)[0][0] == "Mitt referat")
    archive.close()
