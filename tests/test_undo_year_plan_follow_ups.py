"""Ctrl+Z undoes the last delete in the year plan and the follow-up register too (issue 14,
point 11): the deadline, rule or follow-up comes back with its own id, nothing else in the
file changes, and the cursor stays where it was after the delete."""

import datetime as dt
import sqlite3

import pytest
from textual.widgets import DataTable

from nuit_tui.domain import models as m
from nuit_tui.errors import StoreError
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.follow_ups import FollowUpsScreen
from nuit_tui.tui.screens.year_plan import EntriesTable, YearPlanScreen


def file_rows(path) -> dict[str, list[tuple]]:
    """Every row of every table but the search index's, as stored."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if not name.startswith(("search_index", "sqlite_"))
        ]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    finally:
        conn.close()


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_ctrl_z_in_the_year_plan_brings_back_a_deleted_deadline_and_rule_with_their_ids(tmp_path):
    path = tmp_path / "nuit.sqlite"
    archive = Archive.open(path)
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    archive.meetings.create(nuit.id, dt.date(2023, 3, 30), dt.time(9), dt.time(12), location="Teams")
    for day, title in ((1, "Frist A"), (10, "Frist B"), (20, "Frist C")):
        archive.year_plan.add_deadline(m.Deadline(body_id=nuit.id, date=dt.date(2023, 3, day), title=title, category="budsjett"))
    rule = archive.year_plan.add_rule(m.DeadlineRule(body_id=nuit.id, title="Sakspapirer ut", offset_days=-12, anchor_body_id=nuit.id))
    archive.close()
    before = file_rows(path)
    archive = Archive.open(path)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        app.push_screen(YearPlanScreen(dt.date(2023, 3, 1)))
        await pilot.pause()
        table = app.screen.query_one(EntriesTable)
        table.focus()
        titles = lambda: [str(table.get_row_at(r)[3]) for r in range(table.row_count)]  # noqa: E731
        assert titles() == ["Frist A", "Frist B", "Sakspapirer ut", "Frist C", "NUIT møte 1/2023"]
        await pilot.press("down", "delete", "j")  # Frist B
        await pilot.pause()
        assert "Frist B" not in [d.title for d in archive.store.find(m.Deadline)]
        # The entry that took its place has the cursor, not the day's first one.
        assert (table.cursor_row, titles()[table.cursor_row]) == (1, "Sakspapirer ut")
        await pilot.press("delete", "j")  # the rule, with every date it gives
        await pilot.pause()
        assert archive.year_plan.rules() == []
        assert (table.cursor_row, titles()[table.cursor_row]) == (1, "Frist C")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Angret sletting av regelen «Sakspapirer ut»" in toasts(app)
        assert (table.cursor_row, titles()[table.cursor_row]) == (1, "Sakspapirer ut")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Angret sletting av fristen «Frist B»" in toasts(app)
        assert titles() == ["Frist A", "Frist B", "Sakspapirer ut", "Frist C", "NUIT møte 1/2023"]
        assert table.cursor_row == 1
        await pilot.press("ctrl+z")  # nothing left to undo: said, nothing changed
        await pilot.pause()
        assert "Ingen sletting å angre" in toasts(app)
    assert [r.id for r in archive.year_plan.rules()] == [rule.id]
    archive.close()
    assert file_rows(path) == before


async def test_delete_in_the_follow_up_register_asks_first_and_ctrl_z_brings_it_back(tmp_path):
    from nuit_tui.tui.screens.help import HelpScreen

    path = tmp_path / "nuit.sqlite"
    archive = Archive.open(path)
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(nuit.id, dt.date(2023, 3, 30), dt.time(9), dt.time(12), location="Teams")
    item = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Budsjett", duration_minutes=20))
    for month, text in ((4, "Send brev"), (5, "Lag notat"), (6, "Ring FHI")):
        archive.follow_ups.add(m.FollowUp(item_id=item.id, description=text, responsible="Sekretariatet", due_date=dt.date(2099, month, 1)))
    archive.close()
    before = file_rows(path)
    archive = Archive.open(path)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        await pilot.press("u")  # Oppfølging from the meetings screen
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        table = app.screen.query_one(DataTable)
        what = lambda: [str(table.get_row_at(r)[2]) for r in range(table.row_count)]  # noqa: E731
        assert what() == ["Send brev", "Lag notat", "Ring FHI"]
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one("#keys", DataTable)
        rows = [[str(c) for c in keys.get_row_at(i)] for i in range(keys.row_count)]
        assert ["Delete", "Slett"] in rows and ["Ctrl+Z", "Angre siste sletting"] in rows
        await pilot.press("escape", "down", "delete", "n")  # asked, and said no: still there
        await pilot.pause()
        assert what() == ["Send brev", "Lag notat", "Ring FHI"]
        await pilot.press("delete", "j")
        await pilot.pause()
        assert [f.description for f in archive.store.find(m.FollowUp)] == ["Send brev", "Ring FHI"]
        assert (table.cursor_row, what()[table.cursor_row]) == (1, "Ring FHI")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Angret sletting av oppfølgingen «Lag notat»" in toasts(app)
        assert what() == ["Send brev", "Lag notat", "Ring FHI"]
        assert what()[table.cursor_row] == "Lag notat"
    archive.close()
    assert file_rows(path) == before


def test_a_follow_up_of_locked_minutes_is_not_deleted_nor_brought_back_while_they_are_locked(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(nuit.id, dt.date(2023, 3, 30), dt.time(9), dt.time(12), location="Teams")
    item = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Budsjett", duration_minutes=20))
    kept = archive.follow_ups.add(m.FollowUp(item_id=item.id, description="Send brev"))
    gone = archive.follow_ups.add(m.FollowUp(item_id=item.id, description="Lag notat"))
    deletion = archive.undo.delete_follow_up(gone.id, "oppfølgingen «Lag notat»")
    approve = lambda: archive.store.update(archive.meetings.get(meeting.id).model_copy(update={"status": m.MeetingStatus.MINUTES_APPROVED}))  # noqa: E731
    approve()
    with pytest.raises(StoreError, match="låst"):
        archive.undo.delete_follow_up(kept.id, "oppfølgingen «Send brev»")
    with pytest.raises(StoreError, match="låst"):
        archive.undo.restore(deletion)
    assert archive.follow_ups.of_item(item.id) == [kept]
    archive.lock.unlock(meeting.id, "Feil i oppfølgingen")
    archive.undo.restore(deletion)
    assert archive.follow_ups.of_item(item.id) == [kept, gone]
    archive.close()
