"""Back on an item in meeting mode, what is typed continues its text, never starts it.

The secretary goes back (F7) to an item to add a sentence, or opens a remark (Enter) to
add to it: the cursor was at the start of the text, and the new words were glued onto
the front of the first line («XYZSiv Ingebrigtsen orienterte …»)."""

from conftest import type_text, until
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from test_meeting_mode import three_item_meeting


async def test_f7_back_to_an_item_types_after_its_narrative(tmp_path):
    archive, meeting, _, (first, _second, _third) = three_item_meeting(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        await pilot.press("f8", "f7")  # on to the second item and back: focus is in the narrative
        await pilot.pause()
        await type_text(pilot, "Kari orienterte.")
        await until(pilot, lambda: archive.agenda.item(first.id).narrative == "Kari orienterte.")
        await pilot.press("f8", "f7")
        await pilot.pause()
        await type_text(pilot, " Ola svarte.")
        await until(pilot, lambda: archive.agenda.item(first.id).narrative != "Kari orienterte.")
        assert archive.agenda.item(first.id).narrative == "Kari orienterte. Ola svarte."
    archive.close()


async def test_enter_on_a_remark_types_after_its_text(tmp_path):
    archive, meeting, _, (first, _second, _third) = three_item_meeting(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        await pilot.press("f2")
        await type_text(pilot, "KS")
        await pilot.press("enter")
        await type_text(pilot, "spurte om tidsplanen")
        await until(pilot, lambda: [r.text for r in archive.minutes.remarks(first.id)] == ["spurte om tidsplanen"])
        await pilot.press("escape")  # the editor closes; the remarks table has focus
        await pilot.pause()
        await pilot.press("enter")  # the remark again, to add to it
        await pilot.pause()
        await type_text(pilot, " for Helsenorge [innspill]")
        await until(pilot, lambda: [r.text for r in archive.minutes.remarks(first.id)] != ["spurte om tidsplanen"])
        assert [r.text for r in archive.minutes.remarks(first.id)] == ["spurte om tidsplanen for Helsenorge [innspill]"]
    archive.close()
