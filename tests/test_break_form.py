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


def late_meeting(archive):
    """A meeting from 23.00: its standard items take it towards midnight."""
    import datetime as dt

    nuit = archive.members.body("NUIT")
    return archive.meetings.create(nuit.id, dt.date(2023, 9, 14), dt.time(23), dt.time(23, 59), location="Teams")


async def test_a_break_may_not_run_past_midnight_in_the_form_new_or_edited(demo_path):
    """The break form read its length without its start: «Pause» 120 min from 23.05 was taken
    and the plan ran past midnight. Now it is refused as the item form refuses an item."""
    from nuit_tui.domain.durations import longest_duration

    archive = Archive.open(demo_path)
    meeting = late_meeting(archive)
    before = [row.item.title for row in archive.agenda.for_meeting(meeting.id).rows]
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        agenda_screen = app.screen
        after = agenda_screen.table.selected_item_id
        end = next(row.end for row in archive.agenda.for_meeting(meeting.id).rows if row.item.id == after)
        start = end.hour * 60 + end.minute  # the break goes below the selected row
        longest = longest_duration(start)
        assert 0 < longest < 120
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, BreakFormScreen) and app.focused is not None)
        form = app.screen
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "120")
        await pilot.press("enter")
        error = form.query_one("#form-error", Static)
        await until(pilot, lambda: str(error.render()) != "", what="the refusal")
        assert str(error.render()) == (
            f"Varighet kan være høyst {longest} minutter: pausen starter kl. 23.{start - 23 * 60:02d}"
            " og må slutte senest ved midnatt"
        )
        assert [row.item.title for row in archive.agenda.for_meeting(meeting.id).rows] == before
        await pilot.press("ctrl+u")
        await type_text(pilot, str(longest))
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is agenda_screen, what="saved")
        await until(pilot, lambda: len(archive.agenda.items(meeting.id)) == len(before) + 1, what="the break")
        pause = next(i for i in archive.agenda.items(meeting.id) if i.is_break)
        assert pause.duration_minutes == longest
        await until(pilot, lambda: agenda_screen.table.selected_item_id == pause.id, what="the break selected")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, BreakFormScreen) and app.focused is not None)
        form = app.screen
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, str(longest + 1))
        await pilot.press("enter")
        error = form.query_one("#form-error", Static)
        await until(pilot, lambda: str(error.render()).startswith(f"Varighet kan være høyst {longest} minutter: pausen"))
        await pilot.press("escape")
    assert archive.agenda.item(pause.id).duration_minutes == longest
    assert archive.agenda.new_entry_start(meeting.id, after) == start  # what the form asked
    archive.close()


def test_the_agenda_service_refuses_a_break_past_midnight(demo_path):
    """Not the form alone: adding, saving and + on a break are refused by the service."""
    import pytest

    from nuit_tui.store import errors

    archive = Archive.open(demo_path)
    meeting = late_meeting(archive)
    first = archive.agenda.items(meeting.id)[0]
    count = len(archive.agenda.items(meeting.id))
    with pytest.raises(errors.Conflict, match="pausen starter kl. 23"):
        archive.agenda.add_break(meeting.id, "Pause", 120, after_item_id=first.id)
    assert len(archive.agenda.items(meeting.id)) == count  # nothing added
    pause = archive.agenda.add_break(meeting.id, "Pause", 5, after_item_id=first.id)
    with pytest.raises(errors.Conflict, match="pausen starter kl. 23"):
        archive.agenda.update_item(pause.model_copy(update={"duration_minutes": 120}))
    with pytest.raises(errors.Conflict, match="pausen starter kl. 23"):
        archive.agenda.set_duration(pause.id, 120)
    assert archive.agenda.item(pause.id).duration_minutes == 5
    # A shorter one, and another title, are always taken.
    archive.agenda.update_item(archive.agenda.item(pause.id).model_copy(update={"title": "Lunsj", "duration_minutes": 3}))
    assert archive.agenda.item(pause.id).duration_minutes == 3
    archive.close()
