"""F1's list of keys moves as every table does: End to its last row, Home to its first.

It says so itself («↑ ↓ PgUp PgDn Home End  Flytt i lister og tabeller»), but End was
Textual's own: it scrolled the list sideways, the «Tast» column out of view, and the
last rows stayed below."""

from textual.widgets import DataTable

from conftest import until
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.help import HelpScreen


async def test_end_and_home_in_f1_go_to_the_last_and_first_row(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the agenda: more keys than F1 shows at once
        await pilot.pause()
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        table = app.screen.query_one("#keys", DataTable)
        await until(pilot, lambda: table.max_scroll_y > 0 and table.max_scroll_x > 0, what="a list taller and wider than the dialog")
        await pilot.press("end")
        await until(pilot, lambda: table.scroll_y == table.max_scroll_y, what="End shows the last rows")
        assert table.scroll_x == 0  # the «Tast» column still in view
        await pilot.press("home")
        await until(pilot, lambda: table.scroll_y == 0, what="Home shows the first rows")
        assert table.scroll_x == 0
    archive.close()
