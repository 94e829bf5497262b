"""Meeting mode after a crash on the meeting day: opened again, it is back at the item
the meeting was on, its clock and the meeting's running on from when they began; on a
later day nothing is going on, and nothing claims it is."""

import datetime as dt
import shutil
from pathlib import Path

from conftest import until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui import wall_clock
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen

DAY = dt.date(2023, 5, 25)
TITLES = ["Målbilde", "Veikart", "Prismodeller", "Eventuelt"]


def four_item_meeting(path: Path) -> tuple[int, list[int]]:
    archive = Archive.open(path)
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, DAY, dt.time(9), dt.time(12), location="Rom 4117", standard_items=False)
    items = [
        archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title=title, duration_minutes=30)).stored_id
        for title in TITLES
    ]
    archive.close()
    return meeting.stored_id, items


def killed_copy(path: Path, to: Path) -> Path:
    """The file as a kill leaves it: what is on disk now (the database, then its WAL,
    where every commit is before the writer answers), read by a fresh process."""
    shutil.copy(path, to)
    wal = Path(f"{path}-wal")
    if wal.exists():
        shutil.copy(wal, Path(f"{to}-wal"))
    return to


def status(app) -> str:
    app.screen._tick()
    return str(app.screen.query_one("#mm-status").render())


def shown_title(app) -> str:
    return str(app.screen.query_one("#mm-title").render())


async def open_meeting_mode(pilot) -> None:
    await pilot.press("enter")  # the meeting, from the list
    await until(pilot, lambda: isinstance(pilot.app.screen, AgendaScreen), what="the agenda")
    await pilot.press("m")
    await until(pilot, lambda: isinstance(pilot.app.screen, MeetingModeScreen), what="meeting mode")
    await pilot.pause()


async def test_meeting_mode_after_a_crash_is_back_at_the_item_with_both_clocks_running_on(tmp_path, monkeypatch):
    clock = {"now": dt.datetime.combine(DAY, dt.time(9, 0))}
    monkeypatch.setattr(wall_clock, "now", lambda: clock["now"])
    path = tmp_path / "nuit.sqlite"
    meeting_id, (first, second, third, fourth) = four_item_meeting(path)

    # The meeting day: taken up at 09.00, on to Veikart at 09.20 and Prismodeller at 09.50.
    archive = Archive.open(path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        app.push_screen(MeetingModeScreen(meeting_id))
        await until(pilot, lambda: getattr(app.screen, "item", None) is not None, what="meeting mode")
        assert app.screen.item.id == first
        for at in (dt.time(9, 20), dt.time(9, 50)):
            clock["now"] = dt.datetime.combine(DAY, at)
            await pilot.press("f8")
            await pilot.pause()
        assert app.screen.item.id == third
        # 10.10: the battery dies. What the restart finds is what is on disk now.
        clock["now"] = dt.datetime.combine(DAY, dt.time(10, 10))
        crashed = killed_copy(path, tmp_path / "after-crash.sqlite")
    archive.close()

    archive = Archive.open(crashed)
    label = archive.agenda.case_label(archive.agenda.item(third))
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await open_meeting_mode(pilot)
        assert app.screen.item.id == third
        assert "Prismodeller" in shown_title(app)
        line = status(app)
        assert "møtetid 1:10:00" in line  # from 09.00, when the meeting took up its first item
        assert "sak 0:20:00 av 30 min" in line  # from 09.50, when Prismodeller was taken up
        assert any(f"Fortsetter møtet fra sak {label} (tatt opp kl. 09.50)" in str(n.message) for n in app._notifications)
        # The clocks run on from there, and moving on ends Prismodeller, not the first item.
        clock["now"] = dt.datetime.combine(DAY, dt.time(10, 25))
        assert "møtetid 1:25:00" in status(app) and "sak 0:35:00 av 30 min" in status(app)
        await pilot.press("f8")
        await pilot.pause()
        assert app.screen.item.id == fourth
        # Out to the agenda and back in: its cursor follows the meeting, so «m» goes on from there.
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="the agenda")
        assert app.screen.table.selected_item_id == fourth
    times = {i.id: (i.started_at, i.ended_at) for i in archive.agenda.items(meeting_id)}
    assert times[first] == (dt.time(9, 0), dt.time(9, 20))
    assert times[third] == (dt.time(9, 50), dt.time(10, 25))
    assert times[fourth] == (dt.time(10, 25), None)
    archive.close()


async def test_on_a_later_day_meeting_mode_shows_the_meeting_as_held_not_running(tmp_path, monkeypatch):
    path = tmp_path / "nuit.sqlite"
    meeting_id, (first, second, third, _) = four_item_meeting(path)
    archive = Archive.open(path)
    # The meeting day, as meeting mode records it: the first item at 09.00, Veikart at
    # 09.40 (the position meeting mode would come back to that day); then the laptop is shut.
    archive.minutes.take_up_item(first, now=dt.datetime.combine(DAY, dt.time(9, 0)))
    archive.minutes.take_up_item(second, now=dt.datetime.combine(DAY, dt.time(9, 40)))
    assert archive.minutes.under_way(meeting_id, dt.datetime.combine(DAY, dt.time(11))).item_id == second

    # Three days later, the minutes are written up: no resume, no clock running for days.
    clock = {"now": dt.datetime.combine(DAY + dt.timedelta(days=3), dt.time(13, 0))}
    monkeypatch.setattr(wall_clock, "now", lambda: clock["now"])
    assert archive.minutes.under_way(meeting_id, clock["now"]) is None
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await open_meeting_mode(pilot)
        assert app.screen.item.id == first  # where the agenda's cursor is, as before
        assert not any("Fortsetter møtet" in str(n.message) for n in app._notifications)
        line = status(app)
        assert "møtetid 0:40:00" in line  # as long as it was held (09.00–09.40)
        clock["now"] += dt.timedelta(hours=2)
        assert "møtetid 0:40:00" in status(app)
        await pilot.press("f8")
        await pilot.pause()
        assert app.screen.item.id == second
    # Writing up on a later day stamps nothing: the times are the meeting's.
    times = {i.id: (i.started_at, i.ended_at) for i in archive.agenda.items(meeting_id)}
    assert times[first] == (dt.time(9, 0), dt.time(9, 40))
    assert times[second] == (dt.time(9, 40), None)
    archive.close()


def test_an_item_chosen_in_the_agenda_wins_and_a_deleted_item_under_way_is_not_resumed(tmp_path):
    meeting_id, (first, second, third, fourth) = four_item_meeting(tmp_path / "nuit.sqlite")
    archive = Archive.open(tmp_path / "nuit.sqlite")
    at = dt.datetime.combine(DAY, dt.time(9, 30, 15))
    archive.minutes.take_up_item(second, now=at)
    later = at + dt.timedelta(minutes=5)
    item, position = archive.minutes.where_to_open(meeting_id, None, later)
    assert (item.id, position.item_id, position.since) == (second, second, at)  # to the second
    item, position = archive.minutes.where_to_open(meeting_id, fourth, later)
    assert (item.id, position) == (fourth, None)  # chosen: no «Fortsetter», its clock from now
    archive.minutes.take_up_item(fourth, now=later)  # opened there: the item under way ends
    assert archive.agenda.item(second).ended_at == dt.time(9, 35)
    assert archive.minutes.under_way(meeting_id, later).item_id == fourth
    archive.undo.delete_item(fourth, "sak 4")
    item, position = archive.minutes.where_to_open(meeting_id, None, later)
    assert (item.id, position) == (first, None)
    archive.close()
