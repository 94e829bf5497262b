"""F1's list of keys moves as every table does: End to its last row, Home to its first.

It says so itself («↑ ↓ PgUp PgDn Home End  Flytt i lister og tabeller»), but End was
Textual's own: it scrolled the list sideways, the «Tast» column out of view, and the
last rows stayed below."""

import pytest
from textual.widgets import DataTable

from conftest import until
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.key_display import key_display
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


async def test_f1_in_the_remark_editor_lists_its_keys_and_the_footer_says_how_to_finish(demo_path):
    """A remark is saved as it is typed; Enter in its text is a new line (kept), so Escape
    (or F2, the next remark) is how one finishes it. A new user found it named nowhere:
    F1 listed the meeting's keys only, and the footer's «Tilbake» read as leaving meeting mode."""
    from textual.widgets._footer import FooterKey

    from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # 2/2023, the first row
        await pilot.pause()
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen))
        screen = app.screen
        await pilot.press("f2")
        await until(pilot, lambda: screen.focused is not None and screen.focused.id == "remark-speaker")
        await pilot.press("tab")  # on into «Hva»
        await until(pilot, lambda: screen.focused is not None and screen.focused.id == "remark-text")
        await until(
            pilot,
            lambda: any(key.key == "escape" and "Ferdig" in key.description for key in screen.query(FooterKey)),
            what="the footer's Escape says it finishes the remark",
        )
        editor = screen.query_one("#mm-remark-editor")
        assert "Esc" in str(editor.border_title) and "F2" in str(editor.border_title)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        table = app.screen.query_one("#keys", DataTable)
        rows = [tuple(str(cell) for cell in table.get_row_at(r)) for r in range(table.row_count)]
        keys = {key: text for key, text in rows}
        assert keys["Esc"].startswith("Ferdig med innspillet")
        assert "ny linje" in keys["Enter"].lower()
        assert any("Delete" in key for key in keys) and any("Ctrl+↑" in key for key in keys)
        assert "Ctrl+U" in keys
        await pilot.press("escape")  # F1 closed
        await until(pilot, lambda: app.screen is screen)
        await pilot.press("escape")  # the remark finished: the editor closes, meeting mode stays
        await until(pilot, lambda: not screen.query_one("#mm-remark-editor").display)
        assert app.screen is screen
    archive.close()


async def test_f1_in_referat_names_the_remarks_keys(demo_path):
    """Enter, Delete and Ctrl+↑/↓ on the remarks were named only in the label above the list
    (cut at 100 columns) and in F1 while the list or the remark editor had the focus."""
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen

    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        app.screen.query_one("#narrative").focus()
        await pilot.pause()
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        table = app.screen.query_one("#keys", DataTable)
        keys = dict(tuple(str(cell) for cell in table.get_row_at(r)) for r in range(table.row_count))
        assert keys["Enter / Delete"] == "I innspillene: rediger / slett innspill"
        assert keys["Ctrl+↑ / Ctrl+↓"] == "I innspillene: flytt innspill opp / ned"
    archive.close()


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("ctrl+q", "Ctrl+Q"),
        ("ctrl+up", "Ctrl+↑"),
        ("escape", "Esc"),
        ("enter", "Enter"),
        ("delete", "Delete"),
        ("f2", "F2"),
        ("f12", "F12"),
        ("shift+tab", "Shift+Tab"),
        ("pagedown", "PgDn"),
        ("plus", "+"),
        ("slash", "/"),
        ("n", "n"),
    ],
)
def test_keys_are_named_as_f1s_own_rows_and_the_messages_name_them(key, shown):
    """The footer said «^q», «esc», «del», «⏎» beside F1's «Ctrl+U», «Esc», «Enter»."""
    assert key_display(key) == shown
