"""The item screen's form: a duration is bounded by the end of the day. Driven by keys,
checked in the archive (a real SQLite file)."""

from __future__ import annotations

from textual.widgets import Input

from conftest import type_text, until
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.item import ItemScreen


def save_state(app) -> str:
    return str(app.screen.query_one("#save-state").render())


async def open_item(app, pilot, item_id: int) -> None:
    """The item screen over the agenda, its title focused and the screen settled."""
    app.push_screen(AgendaScreen(app.archive.agenda.item(item_id).meeting_id))
    await pilot.pause()
    app.push_screen(ItemScreen(item_id))
    await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "title", what="the title focused")
    await pilot.wait_for_scheduled_animations()


# --- how long an item may be ----------------------------------------------------------------


async def test_a_duration_past_midnight_is_refused_with_the_longest_the_item_may_be(demo_path):
    """14/23 starts at 09.05: 1000 minutes would end at 01.45 the next day (the agenda showed
    «kl. 09.05–01.45»); 895 ends at midnight and is taken. A number too long to be minutes
    («302561») is told as too long, not as not a number."""
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 14/23")
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, item.id)
        await pilot.press("tab", "tab", "ctrl+u")
        for typed in ("1000", "302561"):
            await type_text(pilot, typed)
            await pilot.press("tab")
            await until(pilot, lambda: "Ikke lagret" in save_state(app))
            state = save_state(app)
            assert "Varighet kan være høyst 895 minutter" in state and "kl. 09.05" in state, state
            assert "antall minutter" not in state
            assert archive.agenda.item(item.id).duration_minutes == item.duration_minutes
            await pilot.press("shift+tab", "ctrl+u")
        await type_text(pilot, "895")
        await pilot.press("tab")
        await until(pilot, lambda: archive.agenda.item(item.id).duration_minutes == 895)
    archive.close()
