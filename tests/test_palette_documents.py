"""A meeting's documents from the palette on the meeting list (the highlighted meeting):
«innkalling» and «referat» open what i and r open on its agenda, and Escape comes back
(or g, from the minutes check, goes to the agenda to put the minutes right)."""

from conftest import choose_in_palette, until
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.export_form import ExportFormScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen
from nuit_tui.tui.screens.minutes_check import MinutesCheckScreen
from nuit_tui.tui.text import Static


async def test_the_palette_on_the_meeting_list_exports_the_highlighted_meetings_notice_and_minutes(demo_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # exports/ is made where the app runs
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down")  # the list is newest first: 2/2023, then 1/2023
        await choose_in_palette(pilot, "innkalling", "Innkalling: NUIT 1/2023 (16. februar 2023)")
        await until(pilot, lambda: isinstance(app.screen, ExportFormScreen))
        assert "NUIT 1/2023" in str(app.screen.query_one("#export-heading", Static).content)
        await pilot.press("down", "down", "enter")  # Markdown
        written = "Innkallingen er skrevet til exports/NUIT-2023-1-innkalling.md"
        await until(pilot, lambda: written in [n.message for n in app._notifications], what=written)
        assert isinstance(app.screen, MeetingsScreen)

        # The minutes of 2/2023 lack things: checked first, as r on its agenda does, and
        # Escape goes back to the list.
        await pilot.press("up")
        await choose_in_palette(pilot, "referat", "Referat: NUIT 2/2023 (25. mai 2023)")
        await until(pilot, lambda: isinstance(app.screen, MinutesCheckScreen))
        assert "NUIT 2/2023" in str(app.screen.query_one("#check-heading", Static).content)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))

        # Nothing can be put right on the list: g there opens the meeting's agenda, whose
        # r asks again without g (back is where it is put right).
        await choose_in_palette(pilot, "referat", "Referat: NUIT 2/2023 (25. mai 2023)")
        await until(pilot, lambda: isinstance(app.screen, MinutesCheckScreen))
        answers = str(app.screen.query_one("#check-answer", Static).content)
        assert answers.endswith("n/Escape: tilbake · g: gå til sakslisten og rett"), answers
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        assert app.screen.meeting_id == archive.meetings.find("NUIT", "2/2023").id
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, MinutesCheckScreen))
        answers = str(app.screen.query_one("#check-answer", Static).content)
        assert answers.endswith("n/Escape: tilbake og rett"), answers
        await pilot.press("g")  # not here: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, MinutesCheckScreen)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
    archive.close()
