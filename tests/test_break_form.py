"""The break form («Pause») names its length as the item form does: «Varighet (min)», and a
refusal about it says «Varighet …», the field's name on screen."""

from __future__ import annotations

from conftest import type_text, until
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.break_form import BreakFormScreen
from nuit_tui.tui.text import Label, Static


def label_above(form, selector: str) -> str:
    """The label shown above a field: the Label just before it."""
    children = list(form.query_one(selector).parent.children)
    before = children[children.index(form.query_one(selector)) - 1]
    assert isinstance(before, Label)
    return str(before.render())


async def test_a_break_typed_wrong_is_refused_naming_the_field_as_its_label_does(demo_path):
    """The field was «Minutter» and the refusal «Varighet må være et antall minutter»."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    before = [row.item.title for row in archive.agenda.for_meeting(meeting.id).rows]
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, BreakFormScreen) and app.focused is not None)
        form = app.screen
        label = label_above(form, "#minutes")
        assert label == "Varighet (min)"  # as on the item screen
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "en halvtime")
        await pilot.press("enter")
        error = form.query_one("#form-error", Static)
        await until(pilot, lambda: str(error.render()) != "", what="the refusal")
        said = str(error.render())
        assert said == "Varighet må være et antall minutter (f.eks. 30)"
        assert said.startswith(label.removesuffix(" (min)"))
        assert app.screen is form and app.focused is form.query_one("#minutes")
        await pilot.press("ctrl+u")
        await type_text(pilot, "2000")
        await pilot.press("enter")
        await until(pilot, lambda: str(error.render()).startswith("Varighet kan være høyst"), what="too long")
    assert [row.item.title for row in archive.agenda.for_meeting(meeting.id).rows] == before  # nothing saved
    archive.close()
