"""Meeting mode shows the item as the file holds it after the item screen, opened over it
from the palette, changed it.

The tester cleared 15/23's «Forslag til vedtak» on the item screen and came back with
Escape: meeting mode still showed «NUIT tar sakene til orientering.», and F3 then adopted
the orientation formula (the empty proposal saved), so the screen and the record disagreed
until F8 F7."""

from textual.widgets import TextArea

from conftest import choose_in_palette, type_text, until
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.item import ItemScreen
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.writes import writes_pending


def _shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def _open_item_screen(pilot, app) -> ItemScreen:
    await choose_in_palette(pilot, "15/23", "15/23")
    await until(pilot, lambda: isinstance(app.screen, ItemScreen) and not app.screen._loading)
    return app.screen


async def test_a_proposal_cleared_on_the_item_screen_is_gone_in_meeting_mode(demo_path):
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 15/23")
    assert item.proposed_decision == "NUIT tar sakene til orientering."
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(item.meeting_id, item.id))
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        assert "NUIT tar sakene til orientering." in _shown(app, "#mm-proposal")
        screen = await _open_item_screen(pilot, app)
        proposal = screen.query_one("#proposed_decision", TextArea)
        proposal.focus()
        await pilot.pause()
        await pilot.press("ctrl+k", "ctrl+k")
        assert proposal.text == ""
        # Retitled too: the heading follows the file as well.
        screen.query_one("#title").focus()
        await pilot.press("end")
        await type_text(pilot, " i Helse Nord")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and writes_pending(app) == 0)
        await pilot.pause()
        assert archive.agenda.item(item.id).proposed_decision == ""
        assert "(ingen forslag)" in _shown(app, "#mm-proposal")
        assert "i Helse Nord" in _shown(app, "#mm-title")
        await pilot.press("f3")
        await until(pilot, lambda: archive.agenda.item(item.id).decision != "")
        # The formula adopted is what the screen said: no proposal, so the orientation's.
        decision = app.screen.query_one("#decision", TextArea)
        await until(pilot, lambda: decision.text == archive.agenda.item(item.id).decision)
        assert decision.text == "NUIT tar saken til orientering."
        assert _shown(app, "#mm-diff") == ""
    archive.close()


async def test_the_decision_typed_in_meeting_mode_stays_and_is_compared_with_the_new_proposal(demo_path):
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 15/23")
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(item.meeting_id, item.id))
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        app.screen.item_autosave.delay = 60  # still unsaved as the palette opens (its blur saves it)
        app.screen.query_one("#decision", TextArea).focus()
        await type_text(pilot, "NUIT tar sakene til orientering.")
        screen = await _open_item_screen(pilot, app)
        proposal = screen.query_one("#proposed_decision", TextArea)
        proposal.focus()
        await pilot.pause()
        await pilot.press("ctrl+k", "ctrl+k")
        await type_text(pilot, "NUIT tar saken til orientering.")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and writes_pending(app) == 0)
        await pilot.pause()
        stored = archive.agenda.item(item.id)
        assert (stored.proposed_decision, stored.decision) == ("NUIT tar saken til orientering.", "NUIT tar sakene til orientering.")
        assert app.screen.query_one("#decision", TextArea).text == "NUIT tar sakene til orientering."
        assert "NUIT tar saken til orientering." in _shown(app, "#mm-proposal")
        assert "Endret fra forslaget" in _shown(app, "#mm-diff")
    archive.close()
