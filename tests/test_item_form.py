"""The item screen's form: one bad field holds back only itself, a duration is bounded by
the end of the day, and a field enabled by a tick takes the keys typed right after it.
Driven by keys, checked in the archive (a real SQLite file)."""

from __future__ import annotations

import datetime as dt
import time

from textual.widgets import Input

from conftest import burst, type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.item import ItemScreen
from nuit_tui.tui.widgets.confirm import ConfirmScreen


def save_state(app) -> str:
    return str(app.screen.query_one("#save-state").render())


async def open_item(app, pilot, item_id: int) -> None:
    """The item screen over the agenda, its title focused and the screen settled."""
    app.push_screen(AgendaScreen(app.archive.agenda.item(item_id).meeting_id))
    await pilot.pause()
    app.push_screen(ItemScreen(item_id))
    await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "title", what="the title focused")
    await pilot.wait_for_scheduled_animations()


async def test_an_emptied_duration_holds_back_only_itself_and_the_text_typed_after_it_is_saved(demo_path):
    """The tester's keys: «Varighet» emptied, a description typed, Escape, «j»."""
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 14/23")
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, item.id)
        await pilot.press("tab", "tab", "ctrl+u")  # «Varighet» emptied
        await pilot.press("tab", "tab")  # «Beskrivelse»
        await type_text(pilot, "VIKTIG NY TEKST")
        await until(pilot, lambda: archive.agenda.item(item.id).description == "VIKTIG NY TEKST", what="the description saved")
        assert "Varighet" in save_state(app) and "Ikke lagret" in save_state(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        question = app.screen.question
        assert question.startswith("Varighet er ikke lagret"), question
        assert "antall minutter" in question  # why, where the dialog covers the status line
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
    stored = archive.agenda.item(item.id)
    assert stored.description == "VIKTIG NY TEKST"
    assert stored.duration_minutes == item.duration_minutes  # the empty field changed nothing
    archive.close()


async def test_every_valid_field_is_saved_beside_two_bad_ones_and_both_are_named(demo_path):
    """The other session: description, purpose, proposal, the exempt tick, its basis and
    «Også tittelen er unntatt» typed while «Varighet» and «Fast starttid» are wrong."""
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 15/23")
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, item.id)
        screen = app.screen
        await pilot.press("tab", "tab", "ctrl+u")
        await type_text(pilot, "tretti")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "25.61")
        for name, text in [("description", "Ny beskrivelse"), ("purpose", "Ny hensikt"), ("proposed_decision", "Nytt forslag")]:
            area = screen.query_one(f"#{name}")
            area.focus()
            area.select_all()  # typed over
            await type_text(pilot, text)
        screen.query_one("#exempt").focus()
        await pilot.press("space", "tab")
        await type_text(pilot, "offl. 14")
        await pilot.press("tab", "space")  # «Også tittelen er unntatt»
        await until(pilot, lambda: archive.agenda.item(item.id).title_exempt, what="the title's exemption saved")
        state = save_state(app)
        assert "Ikke lagret" in state and "Varighet" in state and "Fast starttid" in state, state
        assert "Alt er lagret" not in state
    stored = archive.agenda.item(item.id)
    assert (stored.description, stored.purpose, stored.proposed_decision) == ("Ny beskrivelse", "Ny hensikt", "Nytt forslag")
    assert (stored.exempt, stored.exempt_basis, stored.title_exempt) == (True, "offl. 14", True)
    assert (stored.duration_minutes, stored.fixed_start) == (item.duration_minutes, item.fixed_start)
    archive.close()


async def test_a_presenter_added_while_a_field_is_not_saved_does_not_say_all_is_saved(demo_path):
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 14/23")
    person = archive.members.people(limit=1)[0]
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, item.id)
        await pilot.press("tab", "tab", "ctrl+u")
        await pilot.press("tab")  # leaving the field saves (and says what is not saved)
        await until(pilot, lambda: "Ikke lagret" in save_state(app))
        app.screen.query_one("#presenters Input").focus()
        await type_text(pilot, person.name)
        await pilot.press("enter")
        await until(pilot, lambda: person.id in [p.id for p in archive.agenda.item_people(item.id, m.PersonRole.PRESENTER)])
        await pilot.pause()
        state = save_state(app)
        assert "Alt er lagret" not in state and "Varighet" in state, state
        # Put right, the field is saved and then all is.
        app.screen.query_one("#duration", Input).focus()
        await type_text(pilot, "20")
        await pilot.press("tab")
        await until(pilot, lambda: archive.agenda.item(item.id).duration_minutes == 20)
        await until(pilot, lambda: save_state(app) == "Alt er lagret")
    archive.close()


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


def test_an_items_start_for_its_bound_is_its_place_in_the_plan_with_the_fixed_start_typed(demo):
    from nuit_tui.domain.durations import longest_duration

    item = demo.agenda.find_item("NUIT 14/23")  # 09.05 in the plan
    assert demo.agenda.start_minute(item.id, None) == 9 * 60 + 5
    assert demo.agenda.start_minute(item.id, dt.time(23, 0)) == 23 * 60  # typed, not yet saved
    assert demo.agenda.start_minute(item.id, dt.time(8, 0)) == 9 * 60 + 5  # after the item before it
    assert longest_duration(23 * 60) == 60 and longest_duration(25 * 60) == 0


# --- the exempt tick and its basis ------------------------------------------------------------


async def test_tab_right_after_ticking_exempt_lands_in_the_basis(demo_path):
    """One burst: Space on «Unntatt offentlighet», Tab, «offl. 13» (Pilot cannot type «§»).
    The basis was still disabled when the Tab came: the focus went on to the attachments
    and «f» opened «Legg ved fil»."""
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 17/23")
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, item.id)
        for _ in range(11):
            await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "exempt"
        await pilot.wait_for_scheduled_animations()
        with burst():
            await pilot.press("space", "tab", *"offl. 13")
        await until(pilot, lambda: archive.agenda.item(item.id).exempt_basis == "offl. 13", what="the basis saved")
        assert isinstance(app.screen, ItemScreen)  # «f» opened no «Legg ved fil»
        assert app.focused is not None and app.focused.id == "exempt_basis"
    stored = archive.agenda.item(item.id)
    assert (stored.exempt, stored.exempt_basis) == (True, "offl. 13")
    archive.close()


async def test_the_status_says_all_is_saved_when_the_last_save_lands_after_keys_typed_meanwhile(demo_path):
    """On a slow machine the half-second save came while the save before it was still with
    the writer: it was sent on when that one landed, and the status line kept «…» although
    both were in the file (seen as a CI failure). It says «Alt er lagret» once they are."""
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 14/23")
    update_item = archive.agenda.update_item

    def slow_update_item(changed):
        time.sleep(0.4)  # longer than the test's save delay: the next save comes meanwhile
        return update_item(changed)

    archive.agenda.update_item = slow_update_item
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_item(app, pilot, item.id)
        await pilot.press("end", *" A", "tab", "tab")  # leaving the title saves it: on its way for 0.4 s
        await pilot.press("ctrl+u", *"45")  # «Varighet»: its save comes while the title's is on its way
        await until(pilot, lambda: archive.agenda.item(item.id).duration_minutes == 45, what="both saves in")
        await until(pilot, lambda: save_state(app) == "Alt er lagret", timeout=3, what="the status told")
    assert archive.agenda.item(item.id).title == item.title + " A"
    archive.close()


async def test_a_duration_and_a_fixed_start_entered_by_tab_are_typed_over_and_the_title_is_not(demo_path):
    """The new user's keys: e on an item, Tab to «Varighet» (30), «15»: it read «3015» and
    was refused as too long. A short number or time is selected as Tab enters it, as the
    deadline form's date is; the title keeps its cursor at the end (a stray key there
    replaced a whole title, fields.SavedInput)."""
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 16/23")
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # 2/2023's agenda
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        agenda = app.screen
        await pilot.press("down", "down", "down", "e")  # 16/23, 45 minutes
        await until(pilot, lambda: isinstance(app.screen, ItemScreen) and isinstance(app.focused, Input) and app.focused.id == "title")
        await pilot.wait_for_scheduled_animations()
        await pilot.press("tab", "tab")
        assert app.focused.id == "duration"
        await type_text(pilot, "15")
        await pilot.press("tab")  # «Fast starttid», empty: typed in
        await type_text(pilot, "10.00")
        await pilot.press("shift+tab")  # back to «Varighet»
        await type_text(pilot, "20")
        await pilot.press("tab")
        await type_text(pilot, "10.30")
        await until(pilot, lambda: archive.agenda.item(item.id).duration_minutes == 20, what="20 minutes saved")
        await until(pilot, lambda: archive.agenda.item(item.id).fixed_start == dt.time(10, 30), what="10.30 saved")
        assert app.screen.query_one("#duration", Input).value == "20"
        assert app.screen.query_one("#fixed_start", Input).value == "10.30"
        await pilot.press("shift+tab", "shift+tab", "shift+tab")  # the title: added to, not typed over
        assert app.focused.id == "title"
        await type_text(pilot, "!")
        await until(pilot, lambda: archive.agenda.item(item.id).title == item.title + "!", what="the title added to")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is agenda)
    archive.close()
