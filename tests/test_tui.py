"""The app shell, driven by keys with Textual's Pilot."""

from textual.widgets import DataTable

from conftest import cell_texts
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.help import HelpScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen


async def test_the_app_opens_on_the_bodys_meetings_newest_first(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        table = app.screen.query_one("#meetings", DataTable)
        assert cell_texts(table, 0)[:2] == ["2/2023", "1/2023"]
        assert cell_texts(table, 2)[:2] == ["25. mai 2023", "16. februar 2023"]
        assert "NUIT" in app.sub_title and "demo.sqlite" in app.sub_title
    archive.close()


async def test_enter_opens_the_agenda_and_escape_goes_back(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        table = app.screen.query_one("#agenda", DataTable)
        assert cell_texts(table, 0)[0] == "13/23"
        assert "Pause" in cell_texts(table, 1) and "Lunsj" in cell_texts(table, 1)
        assert cell_texts(table, 1)[-1] == "Slutt" and cell_texts(table, 2)[-1] == "15.40"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
    archive.close()


async def test_f1_shows_the_keys_and_escape_closes_it(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = cell_texts(app.screen.query_one("#keys", DataTable), 1)
        assert "Åpne møte" in keys and "Bytt utvalg" in keys
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
    archive.close()


async def test_b_switches_body(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert app.body.short_name == "NEHS"
        table = app.screen.query_one("#meetings", DataTable)
        assert set(cell_texts(table, 1)) == {"NEHS"}
        assert "NEHS" in app.sub_title
    archive.close()


async def test_an_empty_archive_says_so(tmp_path):
    archive = Archive.open(tmp_path / "empty.sqlite")
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#empty").display
    archive.close()


async def test_f1_lists_a_key_declared_with_two_names(demo_path):
    from nuit_tui.tui.screens.agenda import AgendaScreen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaScreen(archive.meetings.find("NUIT", "2/2023").id))
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        texts = cell_texts(app.screen.query_one("#keys", DataTable), 1)
        assert "Slett" in texts  # declared as "delete,d"
        assert len(texts) == len(set(texts))
    archive.close()
