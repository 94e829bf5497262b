"""Out of meeting mode and back in (Escape, then `m` on the agenda) on the meeting's day:
meeting mode is on the item under way, its clock running on, and the items finished keep
their times. It opened on the agenda's first item, which it took up again: the item under
way was ended then, and the next F8 stamped the first item's end anew."""

import datetime as dt

from conftest import burst, until
from nuit_tui.tui import wall_clock
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.widgets.confirm import ConfirmScreen
from test_meeting_mode import three_item_meeting
from test_writes_off_the_loop import writer_held


def times(archive, meeting_id: int) -> list[tuple[dt.time | None, dt.time | None]]:
    return [(i.started_at, i.ended_at) for i in archive.agenda.items(meeting_id)]


async def back_in(pilot, clock, at: dt.time) -> None:
    """Once Escape is back on the agenda, `m` at `at`: meeting mode again, where the cursor is."""
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="the agenda")
    clock["now"] = dt.datetime.combine(clock["now"].date(), at)
    await pilot.press("m")
    await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None, what="meeting mode")
    await pilot.pause()


async def test_back_into_meeting_mode_started_by_its_question_is_on_the_item_under_way(tmp_path, monkeypatch):
    """The «Starte møtet nå?» path: the agenda took the question's close for the return."""
    archive, meeting, _, (first, second, third) = three_item_meeting(tmp_path)
    clock = {"now": dt.datetime.combine(meeting.date, dt.time(9, 2))}
    monkeypatch.setattr(wall_clock, "now", lambda: clock["now"])
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown, what="the question")
        await pilot.press("j")
        await until(pilot, lambda: archive.agenda.item(first.id).started_at == dt.time(9, 2), what="the start stamped")
        clock["now"] = dt.datetime.combine(meeting.date, dt.time(9, 20))
        await pilot.press("f8", "f8")
        await until(pilot, lambda: archive.minutes.under_way(meeting.id, clock["now"]).item_id == third.id, what="on the third")
        await pilot.press("escape")
        await back_in(pilot, clock, dt.time(9, 21))
        assert app.screen.item.id == third.id
        assert "sak 0:01:00 av 30 min" in str(app.screen.query_one("#mm-status").render())  # its clock ran on
        clock["now"] = dt.datetime.combine(meeting.date, dt.time(9, 30))
        await pilot.press("escape")  # and out and in once more, with no question now
        await back_in(pilot, clock, dt.time(9, 31))
        assert app.screen.item.id == third.id
    assert times(archive, meeting.id) == [(dt.time(9, 2), dt.time(9, 20)), (dt.time(9, 20), dt.time(9, 20)), (dt.time(9, 20), None)]
    assert archive.minutes.under_way(meeting.id, clock["now"]).item_id == third.id
    archive.close()


async def test_back_into_meeting_mode_right_after_moving_on_is_on_the_item_moved_to(tmp_path, monkeypatch):
    """F8 F8 Escape in one burst (tmux send-keys): the agenda is back before the writer has
    stored where meeting mode went; its cursor follows meeting mode all the same."""
    archive, meeting, _, (first, second, third) = three_item_meeting(tmp_path)
    archive.minutes.take_up_item(first.id, now=dt.datetime.combine(meeting.date, dt.time(9, 0)))  # begun
    clock = {"now": dt.datetime.combine(meeting.date, dt.time(9, 10))}
    monkeypatch.setattr(wall_clock, "now", lambda: clock["now"])
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        await pilot.press("m")  # no question: the meeting has begun
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None, what="meeting mode")
        assert app.screen.item.id == first.id
        with writer_held(app):  # the moves wait on the writer, as behind another program's lock
            with burst():
                await pilot.press("f8", "f8", "escape")
            await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="the agenda")
            assert archive.minutes.under_way(meeting.id, clock["now"]).item_id == first.id  # not stored yet
            assert app.screen.table.selected_item_id == third.id
        await back_in(pilot, clock, dt.time(9, 11))
        assert app.screen.item.id == third.id
        await until(pilot, lambda: archive.minutes.under_way(meeting.id, clock["now"]).item_id == third.id, what="on the third")
    assert times(archive, meeting.id) == [(dt.time(9, 0), dt.time(9, 10)), (dt.time(9, 10), dt.time(9, 10)), (dt.time(9, 10), None)]
    archive.close()
