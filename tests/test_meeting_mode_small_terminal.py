"""Meeting mode in a laptop's 80×24 window: the item's title, its proposal, «Referat», a
remark and «Vedtak» are all in view beside the agenda, without scrolling. The agenda took
38 columns and the fields their full heights, so «Vedtak» was below the fold."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import open_meeting_mode, screen_lines
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.text import Static


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_whole_item_is_in_view_beside_the_agenda(demo_path, size):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    item = next(r.item for r in archive.agenda.for_meeting(meeting.id).rows if r.case_number == "13/23")
    archive.minutes.add_remark(m.Remark(item_id=item.id, speaker="KS", text="Ber om en felles plan.", made_at=dt.time(9, 7)))
    app = NuitApp(archive)
    async with app.run_test(size=size) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        await pilot.pause()
        screen = app.screen
        text = "\n".join(screen_lines(app))
        for seen in ("13/23 Godkjenning", "NUIT godkjenner innkalling og dagsorden.", "Referat:", "Ber om en felles plan.", "Vedtak (F3"):
            assert seen in text, (seen, text)
        decision = screen.query_one("#decision")
        assert decision.region.bottom <= screen.query_one("#mm-main").region.bottom  # the whole field, not cut
        assert screen.query_one("#mm-main").scroll_y == 0
        # Open minutes: no blank banner line over «Forslag» (the lock's banner shows only when locked).
        assert not screen.query_one("#mm-lock", Static).display
        agenda = screen.query_one("#mm-agenda")
        assert agenda.region.width == (28 if size[0] < 100 else 38)
    archive.close()


async def test_the_screen_is_styled_for_the_terminal_before_it_is_shown(demo_path):
    """Textual sets the breakpoint classes at the screen's first Resize, after it has been
    styled once: the whole screen was styled again (some 20 ms of opening meeting mode)."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = MeetingModeScreen(meeting.id)
        assert screen.has_class("-narrow") and screen.has_class("-short")
        assert not screen.has_class("-wide") and not screen.has_class("-tall")
        await pilot.resize_terminal(120, 40)
        wide = MeetingModeScreen(meeting.id)
        assert wide.has_class("-wide") and wide.has_class("-tall")
    archive.close()
