"""Meeting mode's remarks table fits its column: «Innspill» grew with the longest remark
on one line, so at 100 columns «Kl.» (when the remark was made) was pushed off to the
right and the table scrolled sideways. Who said what, and when, is seen at any width."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import open_meeting_mode, screen_lines, type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui import wall_clock
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.meeting_mode import RemarksTable

SIZES = [(80, 24), (100, 30), (140, 40)]
LONG = (
    "Fylkeskommunen støtter forslaget, men ber om at veikartet tar med samhandlingen med "
    "kommunene, at finansieringen avklares før neste møte, og at brukerne tas med i arbeidet "
    "med prioriteringene fra første dag, ikke først når løsningene er valgt og kontraktene skrevet."
)



def an_item_without_remarks(archive: Archive, meeting: m.Meeting) -> m.AgendaItem:
    rows = archive.agenda.for_meeting(meeting.id).rows
    return next(r.item for r in rows if not r.item.is_break and not archive.minutes.remarks(r.item.id))


async def shows_who_what_and_when(app, pilot, speaker: str, time: str) -> None:
    """The table in view (focused), «Kl.» in its header and the remark's time on its row,
    the text cut at its column's edge, and nothing to scroll sideways."""
    table = app.screen.query_one(RemarksTable)
    table.focus()
    await until(pilot, lambda: table.row_count == 1 and table.size.width > 0, what="the remark's row")
    await pilot.pause()
    lines = screen_lines(app)
    header = next(line for line in lines if "Hvem" in line and "Innspill" in line)
    assert "Kl." in header, header
    row = next(line for line in lines if f" {speaker} " in line and LONG[:12] in line)
    assert time in row, row
    assert "…" in row, row  # cut, and seen to be
    assert row.index(time) > row.index("…")
    assert table.virtual_size.width <= table.scrollable_content_region.width
    assert not table.show_horizontal_scrollbar
    assert table.scroll_x == 0


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_long_remark_leaves_its_time_in_view(demo_path, size):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    item = an_item_without_remarks(archive, meeting)
    archive.minutes.add_remark(m.Remark(item_id=item.id, speaker="KS", text=LONG, made_at=dt.time(10, 47)))
    app = NuitApp(archive)
    async with app.run_test(size=size) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        await shows_who_what_and_when(app, pilot, "KS", "10.47")
    archive.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_long_remark_typed_live_leaves_its_time_in_view(demo_path, size, monkeypatch):
    """Typed in the meeting (its row redrawn as it is saved, `update_cell(update_width=True)`),
    then Escape: the row beside the editor is as wide as the table, no wider."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    monkeypatch.setattr(wall_clock, "now", lambda: dt.datetime.combine(meeting.date, dt.time(10, 47, 20)))
    item = an_item_without_remarks(archive, meeting)
    app = NuitApp(archive)
    async with app.run_test(size=size) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        await pilot.press("f2")
        await type_text(pilot, "KS")
        await pilot.press("tab")
        await type_text(pilot, LONG)
        await pilot.press("escape")
        await until(pilot, lambda: [r.text for r in archive.minutes.remarks(item.id)] == [LONG], what="the remark saved")
        table = app.screen.query_one(RemarksTable)
        await until(pilot, lambda: table.row_count == 1 and LONG in str(table.get_row_at(0)[1]), what="the row redrawn")
        await shows_who_what_and_when(app, pilot, "KS", "10.47")
    archive.close()


async def test_the_text_gives_the_scrollbar_its_room_when_the_remarks_outgrow_the_table(demo_path):
    """A twelfth remark: the table scrolls up and down (its height stays as it was, so it
    is not resized), and its scrollbar takes two of the text's columns, not the time's."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    item = an_item_without_remarks(archive, meeting)

    def add(n: int) -> None:
        archive.minutes.add_remark(m.Remark(item_id=item.id, speaker="KS", text=f"{n} {LONG}", made_at=dt.time(10, 47)))

    for n in range(11):
        add(n)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        table = app.screen.query_one(RemarksTable)
        table.focus()
        await until(pilot, lambda: table.row_count == 11, what="the rows")
        assert not table.show_vertical_scrollbar
        for n in range(11, 14):
            add(n)
        app.screen._fill_remarks()
        await until(pilot, lambda: table.row_count == 14 and table.show_vertical_scrollbar, what="the rows, scrolling")
        await pilot.pause()
        assert table.virtual_size.width == table.scrollable_content_region.width
        assert not table.show_horizontal_scrollbar
        rows = [line for line in screen_lines(app) if " KS " in line and LONG[:12] in line]
        assert rows and all("10.47" in row for row in rows), rows
    archive.close()


async def test_a_long_name_gives_way_to_the_text_and_the_time_at_80_columns(demo_path):
    """«Hvem» is as wide as the longest name (up to 36) where there is room; at 80 columns
    that left no room for the text, and pushed «Kl.» out: the name is cut instead."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    item = an_item_without_remarks(archive, meeting)
    archive.minutes.add_remark(m.Remark(item_id=item.id, speaker="Representant fra kommunal sektor", text=LONG, made_at=dt.time(10, 47)))
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        table = app.screen.query_one(RemarksTable)
        table.focus()
        await until(pilot, lambda: table.row_count == 1, what="the row")
        await pilot.pause()
        text = table.ordered_columns[1]
        assert text.width >= RemarksTable.TEXT_MIN_WIDTH
        assert table.virtual_size.width <= table.scrollable_content_region.width
        row = next(line for line in screen_lines(app) if "Representant" in line)
        assert "10.47" in row and row.count("…") == 2, row  # the name and the text cut, the time whole
    archive.close()
