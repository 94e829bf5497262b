"""Two windows on one archive: each sees the other's changes, and two edits of the
same field are caught (row versions): the second writer chooses, nothing is
overwritten silently. In-process here with two connections (the app's and an
«other window»); tests/test_two_processes.py runs real processes on a pty."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input, TextArea

from conftest import until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.services.concurrency import EditConflict, data_version, overwrite, save_item_text, save_merged
from nuit_tui.store import errors
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.file_watch import POLL_SECONDS
from nuit_tui.tui.screens.item import ItemScreen
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.widgets.conflict_question import ConflictScreen


@pytest.fixture
def two(demo_path):
    """The app's archive and another window's, on the same file."""
    mine, other = Archive.open(demo_path), Archive.open(demo_path)
    yield mine, other
    mine.close()
    other.close()


def an_item(archive: Archive) -> m.AgendaItem:
    meeting = archive.meetings.find("NUIT", "2/2023")
    return next(i for i in archive.agenda.items(meeting.id) if i.kind is m.EntryKind.ITEM and i.proposed_decision)


# --- the service ---------------------------------------------------------------------------


def test_data_version_moves_only_for_the_other_connections_commits(two):
    mine, other = two
    start = data_version(mine)
    mine.members.add_body("A", "Eget")
    assert data_version(mine) == start
    other.members.add_body("B", "Det andre vinduets")
    assert data_version(mine) != start


def test_edits_of_different_fields_are_merged(two):
    mine, other = two
    base = an_item(mine)
    other.agenda.update_item(other.agenda.item(base.id).model_copy(update={"title": "Ny tittel der"}))
    saved = save_merged(base, {"background": "Min bakgrunn"}, load=lambda: mine.agenda.item(base.id), save=mine.agenda.update_item)
    stored = other.agenda.item(base.id)
    assert (stored.title, stored.background) == ("Ny tittel der", "Min bakgrunn")
    assert saved.row_version == stored.row_version


def test_edits_of_the_same_field_are_a_conflict_and_nothing_is_written(two):
    mine, other = two
    base = an_item(mine)
    other.agenda.update_item(other.agenda.item(base.id).model_copy(update={"background": "Deres"}))
    with pytest.raises(EditConflict) as info:
        save_merged(base, {"background": "Min", "purpose": "Mitt formål"}, load=lambda: mine.agenda.item(base.id), save=mine.agenda.update_item)
    (conflict,) = info.value.conflicts
    assert (conflict.field, conflict.mine, conflict.theirs) == ("background", "Min", "Deres")
    assert "annet sted" in str(info.value)
    assert (other.agenda.item(base.id).background, other.agenda.item(base.id).purpose) == ("Deres", base.purpose)
    # «Behold min»: a fresh read, written over deliberately.
    kept = overwrite({"background": "Min"}, load=lambda: mine.agenda.item(base.id), save=mine.agenda.update_item)
    assert other.agenda.item(base.id).background == "Min" and kept.row_version == other.agenda.item(base.id).row_version


def test_the_same_change_made_twice_is_no_conflict(two):
    mine, other = two
    base = an_item(mine)
    other.agenda.update_item(other.agenda.item(base.id).model_copy(update={"background": "Likt"}))
    saved = save_merged(base, {"background": "Likt"}, load=lambda: mine.agenda.item(base.id), save=mine.agenda.update_item)
    assert saved.background == "Likt"


def test_meeting_modes_text_is_written_only_over_the_version_seen(two):
    mine, other = two
    base = an_item(mine)
    other.minutes.set_decision(base.id, "Vedtatt der")
    with pytest.raises(errors.StaleWrite):
        save_item_text(mine, base.model_copy(update={"narrative": "Mitt referat"}))
    with pytest.raises(EditConflict):
        save_merged(base, {"decision": "Vedtatt her"}, load=lambda: mine.agenda.item(base.id), save=lambda r: save_item_text(mine, r))
    merged = save_merged(base, {"narrative": "Mitt referat"}, load=lambda: mine.agenda.item(base.id), save=lambda r: save_item_text(mine, r))
    assert (merged.decision, merged.narrative, merged.state) == ("Vedtatt der", "Mitt referat", m.ItemState.HANDLED)


# --- the app: seeing the other window's changes, choosing in a conflict -------------------------


async def wait_for(pilot, condition, timeout=5.0):
    try:
        await until(pilot, condition, timeout)
    except AssertionError:
        raise AssertionError("the app did not catch up") from None


async def type_text(pilot, text):
    # Key by key with Pilot's waits, not conftest's burst: typed in one burst right
    # after the screen opens, the keys were lost under load (not yet understood; see
    # the tests' report), and these tests are about the conflicts, not fast typing.
    await pilot.press(*[c if c != " " else "space" for c in text])


async def test_the_item_screen_shows_the_other_windows_change_and_merges_its_own(two):
    mine, other = two
    item = an_item(mine)
    app = NuitApp(mine)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await pilot.pause()
        other.agenda.update_item(other.agenda.item(item.id).model_copy(update={"title": "Omdøpt i det andre vinduet"}))
        title = app.screen.query_one("#title", Input)
        await wait_for(pilot, lambda: title.value == "Omdøpt i det andre vinduet", POLL_SECONDS * 3)
        # Now a change here to another field while the other window changes a third: both kept.
        app.screen.autosave.delay = 60
        app.screen.query_one("#purpose", TextArea).focus()
        await type_text(pilot, "Mitt formål. ")
        other.agenda.update_item(other.agenda.item(item.id).model_copy(update={"background": "Deres bakgrunn"}))
        # The poll saves what is typed, merged.
        await wait_for(pilot, lambda: other.agenda.item(item.id).purpose.startswith("Mitt formål. ")
                       and app.screen.query_one("#background", TextArea).text == "Deres bakgrunn", POLL_SECONDS * 3)
        assert not isinstance(app.screen, ConflictScreen)
        assert app.screen.query_one("#background", TextArea).text == "Deres bakgrunn"
    stored = other.agenda.item(item.id)
    assert stored.title == "Omdøpt i det andre vinduet"
    assert stored.purpose.startswith("Mitt formål. ") and stored.background == "Deres bakgrunn"


@pytest.mark.parametrize("choice", ["ctrl+b", "ctrl+t"])
async def test_two_edits_of_one_field_ask_the_second_writer(two, choice):
    mine, other = two
    item = an_item(mine)
    app = NuitApp(mine)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await pilot.pause()
        app.screen.autosave.delay = 60  # the other window writes first, for sure
        app.screen.query_one("#background", TextArea).focus()
        await type_text(pilot, "Min ")
        other.agenda.update_item(other.agenda.item(item.id).model_copy(update={"background": "Deres bakgrunn", "title": "Deres tittel"}))
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictScreen) and app.screen.query(".field"))
        shown = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "endret i et annet vindu" in shown and "Deres bakgrunn" in shown and "Min " in shown
        assert other.agenda.item(item.id).background == "Deres bakgrunn"  # nothing written while asking
        await pilot.press(choice)
        await wait_for(pilot, lambda: isinstance(app.screen, ItemScreen))
        field = app.screen.query_one("#background", TextArea).text
        app.screen.autosave.flush()
    stored = other.agenda.item(item.id)
    assert stored.title == "Deres tittel"  # their other change stays either way
    if choice == "ctrl+b":
        assert stored.background == f"Min {item.background}"
    else:
        assert stored.background == field == "Deres bakgrunn"


async def test_meeting_mode_sees_a_remark_from_the_other_window_and_asks_on_a_clash(two):
    mine, other = two
    item = an_item(mine)
    app = NuitApp(mine)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(item.meeting_id, item.id))
        await pilot.pause()
        other.minutes.add_remark(m.Remark(item_id=item.id, speaker="NHN", text="Sagt i det andre vinduet", made_at=dt.time(10)))
        table = app.screen.query_one("#mm-remarks")
        await wait_for(pilot, lambda: any("Sagt i det andre vinduet" in str(c) for r in range(table.row_count) for c in table.get_row_at(r)))
        app.screen.item_autosave.delay = 60
        app.screen.query_one("#narrative", TextArea).focus()
        await type_text(pilot, "Her ")
        other.agenda.update_item(other.agenda.item(item.id).model_copy(update={"narrative": "Der"}))
        await wait_for(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingModeScreen)
                       and app.screen.query_one("#narrative", TextArea).text == "Der")
    assert other.agenda.item(item.id).narrative == "Der"


async def test_meeting_mode_shows_minutes_approved_in_the_other_window_as_locked(two):
    """Another window approved the minutes: meeting mode said so, and made its fields
    read-only, only once the user moved to another item."""
    mine, other = two
    held = mine.meetings.find("NUIT", "1/2023")  # held; its minutes not yet approved
    item = next(i for i in mine.agenda.items(held.id) if i.kind is m.EntryKind.ITEM)
    app = NuitApp(mine)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(item.meeting_id, item.id))
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        narrative = app.screen.query_one("#narrative", TextArea)
        assert not narrative.read_only
        other.meetings.set_status(item.meeting_id, m.MeetingStatus.MINUTES_APPROVED)
        banner = app.screen.query_one("#mm-lock")
        await wait_for(pilot, lambda: "godkjent og låst" in str(banner.render()), POLL_SECONDS * 3)
        assert narrative.read_only and app.screen.query_one("#decision", TextArea).read_only
        other.lock.unlock(item.meeting_id, "Rettelse av en skrivefeil")
        await wait_for(pilot, lambda: not narrative.read_only and "låst" not in str(banner.render()), POLL_SECONDS * 3)
