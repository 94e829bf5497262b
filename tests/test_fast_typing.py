"""Keys typed in one fast burst right after the key that opens a form (or the item
screen, or the link picker) all land in it, in order (widgets/form.py, TypeAhead); and
those after a key that opens or closes a Select's list go on from where the focus goes
(widgets/select_keys.py).

`pilot.press` normally waits for the app to go idle after every key, which hides the
bug: a terminal (tmux send-keys, a fast typist during a slow moment) delivers the keys
together. `burst()` lets one `pilot.press(...)` call deliver them as the terminal does,
without those waits.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from textual.widgets import Input, Select

from conftest import burst, type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.attachment_form import AttachmentFormScreen
from nuit_tui.tui.screens.break_form import BreakFormScreen
from nuit_tui.tui.screens.item import ItemScreen
from nuit_tui.tui.screens.link_picker import LinkPickerScreen
from nuit_tui.tui.screens.meeting_form import MeetingFormScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen
from nuit_tui.tui.screens.members import MembersScreen


async def settle(pilot, done=None) -> None:
    """Let the app handle what it has been sent: until `done()` holds (at most 10 s, for a
    loaded machine: CI once gave up after 0.8 s), or without `done` for 0.8 s."""
    import time

    limit = time.monotonic() + (10.0 if done is not None else 0.8)
    while time.monotonic() < limit:
        await pilot.pause(0.02)
        if done is not None and done():
            break
    await pilot.pause()


def field(app, selector: str) -> str:
    return app.screen.query_one(selector, Input).value


def first_item(archive):
    meeting = archive.meetings.find("NUIT", "2/2023")
    return archive.agenda.for_meeting(meeting.id).rows[0].item


async def sit_in_title(app, pilot) -> None:
    """The item screen's title has focus and the screen has settled (see burst())."""
    await settle(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "title")
    await pilot.wait_for_scheduled_animations()


async def test_new_meeting_form_gets_the_date_typed_right_after_n(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        with burst():
            await pilot.press("n", *"25.5.2024")
        await settle(pilot, lambda: field(app, "#date") == "25.5.2024")
        assert isinstance(app.screen, MeetingFormScreen)
        assert field(app, "#date") == "25.5.2024"
    archive.close()


async def test_a_whole_meeting_typed_in_one_burst_is_saved(demo_path):
    """Tab goes on to the next field and Enter saves, in the order typed."""
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        with burst():
            await pilot.press("n", *"25.5.2024", "tab", "tab", "tab", *"Møterom 4", "enter")
        await settle(pilot, lambda: isinstance(app.screen, AgendaScreen))
        assert isinstance(app.screen, AgendaScreen)
        meeting = archive.meetings.get(app.screen.meeting_id)
        assert (meeting.date, meeting.start_time, meeting.location) == (dt.date(2024, 5, 25), dt.time(9), "Møterom 4")
    archive.close()


async def test_keys_before_the_opening_key_stay_with_the_screen_below(demo_path):
    """«b» switches the body on the meetings screen; only what follows «n» is the form's."""
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        with burst():
            await pilot.press("b", "n", *"1.6")
        await settle(pilot, lambda: isinstance(app.screen, MeetingFormScreen) and field(app, "#date") == "1.6")
        assert app.body.short_name == "NEHS"
        assert isinstance(app.screen, MeetingFormScreen)
        assert app.screen.form_title == "Nytt møte i NEHS"
        assert field(app, "#date") == "1.6"
    archive.close()


async def test_break_form_gets_its_title_and_saves_it(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        with burst():
            await pilot.press("p", *"Kaffe og kake")
        await settle(pilot, lambda: isinstance(app.screen, BreakFormScreen) and field(app, "#title") == "Kaffe og kake")
        assert isinstance(app.screen, BreakFormScreen)
        assert field(app, "#title") == "Kaffe og kake"
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, AgendaScreen))
        titles = [row.item.title for row in archive.agenda.for_meeting(meeting.id).rows]
        assert "Kaffe og kake" in titles
    archive.close()


@pytest.mark.parametrize("writer_seconds", [0, 0.4], ids=["writer at once", "slow writer"])
async def test_new_item_screen_gets_the_title_typed_right_after_n(demo_path, monkeypatch, writer_seconds):
    """With a slow writer (a loaded machine) the item is made long after the stand-in
    screen has drawn: the keys wait in it, none typed into it (CI lost them so once)."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    add_item = archive.agenda.add_item

    def slow_add_item(*args, **kwargs):
        time.sleep(writer_seconds)
        return add_item(*args, **kwargs)

    monkeypatch.setattr(archive.agenda, "add_item", slow_add_item)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        with burst():
            await pilot.press("n", *"Budsjett 2025")
        await settle(pilot, lambda: isinstance(app.screen, ItemScreen) and field(app, "#title") == "Budsjett 2025")
        assert isinstance(app.screen, ItemScreen)
        assert field(app, "#title") == "Budsjett 2025"
        item_id = app.screen.item_id
        await pilot.press("escape")  # saves as it leaves
        await settle(pilot, lambda: isinstance(app.screen, AgendaScreen))
        assert archive.agenda.item(item_id).title == "Budsjett 2025"
    archive.close()


async def test_text_after_ctrl_o_goes_to_the_attachment_form_not_the_item(demo_path):
    """The item's title has focus: what follows Ctrl+O must not be typed into it."""
    archive = Archive.open(demo_path)
    item = first_item(archive)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await sit_in_title(app, pilot)
        with burst():
            await pilot.press("ctrl+o", *"Saksfremlegg")
        await settle(pilot, lambda: isinstance(app.screen, AttachmentFormScreen) and field(app, "#title") == "Saksfremlegg")
        assert isinstance(app.screen, AttachmentFormScreen)
        assert field(app, "#title") == "Saksfremlegg"
        app.screen.dismiss(None)
        await settle(pilot, lambda: isinstance(app.screen, ItemScreen))
        assert field(app, "#title") == item.title
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        assert archive.agenda.item(item.id).title == item.title
    archive.close()


async def test_link_picker_gets_the_query_typed_right_after_ctrl_l(demo_path):
    archive = Archive.open(demo_path)
    item = first_item(archive)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await sit_in_title(app, pilot)
        with burst():
            await pilot.press("ctrl+l", *"NUIT 8/22")
        await settle(pilot, lambda: isinstance(app.screen, LinkPickerScreen) and field(app, "#query") == "NUIT 8/22")
        assert isinstance(app.screen, LinkPickerScreen)
        assert field(app, "#query") == "NUIT 8/22"
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, ItemScreen))
        assert field(app, "#title") == item.title
    archive.close()


async def test_search_gets_the_words_typed_right_after_the_slash(demo_path):
    from nuit_tui.tui.screens.search import SearchScreen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        with burst():
            await pilot.press("slash", *"kjernejournal")
        await settle(pilot, lambda: isinstance(app.screen, SearchScreen) and field(app, "#search-query") == "kjernejournal")
        assert isinstance(app.screen, SearchScreen)
        assert field(app, "#search-query") == "kjernejournal"
    archive.close()


async def test_keys_typed_before_a_priority_opening_key_are_not_the_forms(demo_path):
    """Ctrl+O acts the moment it arrives, ahead of an Enter or Tab typed before it that is
    still on its way up from the title field: those must not save or steer the form."""
    archive = Archive.open(demo_path)
    item = first_item(archive)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await sit_in_title(app, pilot)
        for before in ("enter", "tab"):
            with burst():
                await pilot.press(before, "ctrl+o", *"Saksfremlegg")
            await settle(pilot, lambda: isinstance(app.screen, AttachmentFormScreen) and field(app, "#title") == "Saksfremlegg")
            assert isinstance(app.screen, AttachmentFormScreen), before
            assert field(app, "#title") == "Saksfremlegg", before
            assert archive.agenda.attachments(item.id) == [], before  # nothing saved behind the user's back
            app.screen.dismiss(None)
            await settle(pilot, lambda: isinstance(app.screen, ItemScreen))
            app.screen.query_one("#title", Input).focus()
            await sit_in_title(app, pilot)
    archive.close()


async def new_item_in_its_type_list(app, pilot) -> None:
    """From the meetings list, as by hand: meeting 2/2023's agenda, a new item «Ny sak B»,
    Tab to «Sakstype»."""
    await settle(pilot, lambda: isinstance(app.screen, MeetingsScreen))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="the agenda")
    await pilot.press("end", "n")
    await until(pilot, lambda: isinstance(app.screen, ItemScreen) and getattr(app.focused, "id", None) == "title", what="the new item")
    await type_text(pilot, "Ny sak B")
    await pilot.press("tab")
    await until(pilot, lambda: isinstance(app.focused, Select), what="«Sakstype»")


async def item_typed(app, pilot, archive, item_id: int) -> tuple:
    """The type, duration and fixed start shown, once the item screen has saved them."""
    screen = app.screen
    shown = (str(screen.query_one("#item_type", Select).value), field(app, "#duration"), field(app, "#fixed_start"))
    await until(pilot, lambda: screen.query_one("#save-state").render().plain == "Alt er lagret", what="the item saved")
    item = archive.agenda.item(item_id)
    return shown, (item.item_type.value if item.item_type else None, item.duration_minutes, item.fixed_start)


@pytest.mark.parametrize(
    ("opened_in_the_burst", "closing", "chosen"),
    [(False, "enter", "Drøfting"), (True, "enter", "Drøfting"), (False, "escape", None)],
    ids=["list opened before", "list opened in the burst", "list closed by Escape"],
)
async def test_tab_after_choosing_in_a_select_moves_on_from_it(demo_path, opened_in_the_burst, closing, chosen):
    """Enter in a Select's list picks the type and puts the focus back on the Select,
    some messages after the key: the Tab typed after it acted from the list first, then
    the focus came back to the Select and the second Tab only went to «Varighet» again
    (both numbers there, as a tester saw). Escape closes the list the same way. The Enter
    that opens the list moves the focus into it as late: the Downs went to the Select."""
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await new_item_in_its_type_list(app, pilot)
        item_id = app.screen.item_id
        opening = ["enter", "down", "down", "down"]
        if not opened_in_the_burst:
            await pilot.press(*opening)
            await settle(pilot)
            opening = []
        await pilot.wait_for_scheduled_animations()
        with burst():
            await pilot.press(*opening, closing, "tab", "ctrl+u", *"45", "tab", *"1100")
        await settle(pilot, lambda: field(app, "#fixed_start") == "1100")
        assert getattr(app.focused, "id", None) == "fixed_start"
        shown, stored = await item_typed(app, pilot, archive, item_id)
        assert shown == (chosen or str(Select.NULL), "45", "1100")
        assert stored == (chosen, 45, dt.time(11, 0))
    archive.close()


@pytest.mark.parametrize("form_opened_in_the_burst", [False, True], ids=["on the role", "form opened in the burst"])
async def test_a_membership_with_its_role_chosen_typed_in_one_burst_is_saved(demo_path, form_opened_in_the_burst):
    """The same in a form, with the Select's list opened in the burst too: Enter opens
    «Rolle», Down Down Enter picks «Sekretariat», and what follows goes to the next
    fields. The Downs went to the closed Select, and «Medlem» was saved. Typed from «n»
    on, before the form is open, the keys wait for it and are sent on by the form."""
    archive = Archive.open(demo_path)
    body = archive.members.body("NUIT")
    before = {ms.id for ms in archive.members.memberships(body.id)}
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MembersScreen), what="the members")
        opening = ["n", *"Kari", "space", *"Jørgensen", "tab"]
        if not form_opened_in_the_burst:
            await pilot.press("n")
            await until(pilot, lambda: getattr(app.focused, "id", None) == "person", what="the form")
            await type_text(pilot, "Kari Jørgensen")
            await pilot.press("tab")
            await until(pilot, lambda: isinstance(app.focused, Select), what="«Rolle»")
            opening = []
        await pilot.wait_for_scheduled_animations()
        with burst():
            await pilot.press(
                *opening, "enter", "down", "down", "enter", "tab", "ctrl+u", *"Helse", "space", *"Vest",
                "tab", "ctrl+u", *"1.3.2023", "enter"
            )  # fmt: skip
        await settle(pilot, lambda: isinstance(app.screen, MembersScreen))
        assert isinstance(app.screen, MembersScreen)
        [added] = [ms for ms in archive.members.memberships(body.id) if ms.id not in before]
        person = archive.members.find_person("Kari Jørgensen")
        assert (added.person_id, added.role, added.valid_from) == (person.id, m.MembershipRole.SECRETARIAT, dt.date(2023, 3, 1))
        # Tab completed «Helse Vest» from the registry (member_forms.OrganizationInput).
        assert archive.members.organization_by_id(added.organization_id).name == "Helse Vest RHF"
    archive.close()
