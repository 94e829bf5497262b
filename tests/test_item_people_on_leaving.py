"""A name typed in «Fra (innledere)» or «Saksbehandlere» and not yet added is not lost on
Escape: the item screen saves its other fields on leaving (or asks when one cannot be
saved), and a new user who typed «Ola Testesen» and pressed Escape lost it without a
word. Leaving adds the name as Enter does (a name not in the registry is asked about
first: «Ny person» or «Rett navnet»), or asks when it is more than one person's beginning."""

from conftest import type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services.archive import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.item import ItemScreen
from nuit_tui.tui.widgets.confirm import ConfirmScreen
from nuit_tui.tui.widgets.people_field import PeopleInput


def presenters(archive, item_id: int) -> list[str]:
    return [p.name for p in archive.agenda.item_people(item_id, m.PersonRole.PRESENTER)]


async def to_presenters(pilot, meeting_id: int) -> ItemScreen:
    """The agenda, Enter on its first item, and Tab on to «Fra (innledere)»."""
    app = pilot.app
    app.push_screen(AgendaScreen(meeting_id))
    await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="the agenda")
    await pilot.pause()
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ItemScreen) and app.focused is not None and app.focused.id == "title", what="the item")
    screen = app.screen
    field = screen.query_one("#presenters PeopleInput", PeopleInput)
    for _ in range(12):
        if app.focused is field:
            break
        await pilot.press("tab")
        await pilot.pause()
    assert app.focused is field
    return screen


async def test_escape_asks_about_a_new_presenter_typed_and_adds_them(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        screen = await to_presenters(pilot, meeting.id)
        item_id = screen.item_id
        before = presenters(archive, item_id)
        await type_text(pilot, "Ola Testesen")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown, what="the question")
        assert app.screen.question == "«Ola Testesen» finnes ikke blant personene. Registrere som ny person?"
        await pilot.press("n")  # «Rett navnet»: back in the field, the name as typed
        await until(pilot, lambda: app.screen is screen and app.focused is screen.query_one("#presenters PeopleInput"))
        assert screen.query_one("#presenters PeopleInput", PeopleInput).value == "Ola Testesen"
        assert presenters(archive, item_id) == before

        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown, what="the question again")
        await pilot.press("j")  # «Ny person»: made, added, and the screen closes
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="back on the agenda")
        await until(pilot, lambda: presenters(archive, item_id) == [*before, "Ola Testesen"], what="the presenter saved")
    archive.close()


async def test_escape_adds_a_known_presenter_typed_and_asks_about_a_beginning_of_several(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        screen = await to_presenters(pilot, meeting.id)
        item_id = screen.item_id
        before = presenters(archive, item_id)
        known = next(p.name for p in archive.members.people(limit=50) if p.name not in before)
        await type_text(pilot, known)
        await pilot.press("escape")  # a known name: added, nothing asked
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="back on the agenda")
        await until(pilot, lambda: presenters(archive, item_id) == [*before, known], what="the presenter saved")

        # A beginning of several names: asked, and «Nei» keeps it to be typed on.
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ItemScreen) and app.focused is not None, what="the item again")
        screen = app.screen
        field = screen.query_one("#presenters PeopleInput", PeopleInput)
        field.focus()
        await pilot.pause()
        await type_text(pilot, "K")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown, what="the question")
        assert app.screen.question.startswith("«K» i Fra (innledere) er ikke lagt til: flere treff")
        await pilot.press("n")
        await until(pilot, lambda: app.screen is screen and app.focused is field)
        assert field.value == "K"
    archive.close()
