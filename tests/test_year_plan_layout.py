"""The year plan in the terminal it is given: at 80×24 the four months side by side
wrapped and the list below them was off the screen; at 100×32 one row of it showed.
Now the calendar shows the rows of months that fit (three months a row at 80 columns),
the selected month's first, and the list keeps at least LIST_ROWS rows."""

import datetime as dt

import pytest

from nuit_tui.domain.norwegian import MONTHS
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.deadline_form import DeadlineFormScreen
from nuit_tui.tui.screens.year_plan import LIST_ROWS, EntriesTable, YearPlanScreen
from nuit_tui.tui.widgets.footer import Footer
from nuit_tui.tui.widgets.year_calendar import YearCalendar

NAMES = [name.capitalize() for name in MONTHS]
MAY_ENTRIES = ["Forslag til budsjettekster", "Etatsstyringsmøte", "Oversikt over disponering", "NUIT møte 2/2023"]


def screen_lines(app) -> list[str]:
    """What the terminal shows of the screen on top, line by line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize(
    ("size", "months", "height"),
    [
        ((80, 24), NAMES[3:6], 9),  # May's quarter, three months a row, and the legend
        ((100, 32), NAMES[4:], 17),  # May's row and the one after it, four months a row
        ((130, 50), NAMES, 25),  # room for the whole year: the wide layout as it was
        ((80, 17), [], 1),  # no room for a row of months: the selected week on one line
    ],
)
async def test_the_year_plan_fits_the_terminal_and_keeps_its_list(demo_path, size, months, height):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=size) as pilot:
        await pilot.press("a")  # from the meetings screen
        await pilot.pause()
        assert isinstance(app.screen, YearPlanScreen)
        calendar, table = app.screen.query_one(YearCalendar), app.screen.query_one(EntriesTable)
        assert calendar.selected == dt.date(2023, 1, 1)
        await pilot.press(*["pagedown"] * 4)  # to May 2023, four entries
        await pilot.pause()
        assert calendar.selected == dt.date(2023, 5, 1)

        # The calendar: no line wider than it is (nothing wraps), as tall as it is drawn,
        # the months expected, and the selected month among them.
        drawn = calendar.render().split("\n")
        assert max(line.cell_len for line in drawn) <= calendar.size.width <= size[0]
        assert len(drawn) == calendar.size.height == height
        assert [word for line in drawn for word in line.plain.split() if word in NAMES] == months
        if not months:
            assert drawn[0].plain.startswith("Mai, uke 18:")

        # Everything in its place on the screen, nothing scrolled off: the heading under
        # the header, the calendar, the month's heading, the list with its rows, the footer.
        heading, month_heading = app.screen.query_one("#plan-heading"), app.screen.query_one("#month-heading")
        footer = app.screen.query_one(Footer)
        assert heading.region.y == 1 and calendar.region.y == 2
        assert calendar.region.bottom == month_heading.region.y and month_heading.region.bottom == table.region.y
        assert table.region.bottom == footer.region.y == size[1] - 1
        # The column names, the rows, and a scrollbar under them (long titles).
        assert table.region.height - 1 - table.show_horizontal_scrollbar >= LIST_ROWS
        lines = screen_lines(app)
        assert lines[1].lstrip().startswith("Årshjul 2023")
        shown = lines[table.region.y + 1 : table.region.bottom]
        assert [next((t for t in MAY_ENTRIES if t in line), None) for line in shown[:4]] == MAY_ENTRIES
        # The date without the year the month's heading gives («Mai 2023: …»): room for the title.
        assert shown[3].split()[:3] == ["25.", "mai", "Møte"]

        # By keys: to the list, down to the second deadline, open it, and back.
        await pilot.press("tab")
        assert app.focused is table
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DeadlineFormScreen)
        assert app.screen.query_one("#title").value == "Etatsstyringsmøte"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, YearPlanScreen) and table.cursor_row == 1
    archive.close()


async def test_the_rows_of_months_follow_the_selected_month(demo_path):
    """At 80×24 one quarter shows: moving into the next quarter shows that one."""
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(YearPlanScreen(dt.date(2023, 3, 31)))
        await pilot.pause()
        calendar = app.screen.query_one(YearCalendar)

        def months() -> list[str]:
            return [w for line in calendar.render().split("\n") for w in line.plain.split() if w in NAMES]

        assert months() == ["Januar", "Februar", "Mars"]
        await pilot.press("right")  # 1 April
        assert months() == ["April", "Mai", "Juni"]
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown", "pagedown", "pagedown", "pagedown")
        assert calendar.selected == dt.date(2023, 12, 1)
        assert months() == ["Oktober", "November", "Desember"]
    archive.close()
