"""Screens show the state the archive is in (issue 14, points 10, 11 and 13):
a list below a changed screen redraws when it comes back, the cursor stays after a
delete and Ctrl+Z undoes it, and presence and the meeting clock go by the times
actually stamped in the meeting."""

import datetime as dt

from textual.widgets import DataTable

from conftest import type_text
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen


def meeting_row(app, meeting_id):
    table = app.screen.query_one("#meetings", DataTable)
    return [str(cell) for cell in table.get_row(str(meeting_id))]


async def test_the_meetings_list_shows_time_place_and_status_changed_in_the_agenda(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Rom 4117")
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        assert "Rom 4117" in meeting_row(app, meeting.id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("t")  # Tid og sted
        await pilot.pause()
        await pilot.press("tab", "tab")  # date → start → end
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "13.30")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "Teams")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("x", "j")  # Avlys → yes
        await pilot.pause()
        await pilot.press("escape")  # back to the list, no `r`
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        row = meeting_row(app, meeting.id)
        assert "Teams" in row and "Rom 4117" not in row
        assert any("13.30" in cell for cell in row)
        assert "Avlyst" in row
    stored = archive.meetings.get(meeting.id)
    assert (stored.location, stored.end_time, stored.status) == ("Teams", dt.time(13, 30), m.MeetingStatus.CANCELLED)
    archive.close()
