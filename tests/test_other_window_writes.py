"""Another window writes; the screen shown here redraws from the file within a poll
(tui/file_watch.py), keeping what is in hand: the row under the cursor, the day and
month, the filters, the words typed in a search box, and the focus.

The app has one connection to the demo archive's copy, the «other window» another
(tests/test_two_instances.py does the same for the item and meeting-mode screens)."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.file_watch import POLL_SECONDS
from nuit_tui.tui.screens.follow_ups import FollowUpsScreen
from nuit_tui.tui.screens.member_tables import MembershipsTable, PeopleTable, SearchInput
from nuit_tui.tui.screens.members import MembersScreen
from nuit_tui.tui.screens.search import SearchScreen
from nuit_tui.tui.screens.year_plan import EntriesTable, YearPlanScreen
from nuit_tui.tui.widgets.year_calendar import YearCalendar

CATCH_UP = POLL_SECONDS * 3  # a poll each second; the redraw follows the poll that sees the commit


@pytest.fixture
def two(demo_path):
    """The app's archive and another window's, on the same file."""
    mine, other = Archive.open(demo_path), Archive.open(demo_path)
    yield mine, other
    mine.close()
    other.close()


async def wait_for(pilot, condition, timeout=CATCH_UP):
    waited = 0.0
    while not condition():
        if waited > timeout:
            raise AssertionError("the screen did not show the other window's change")
        await pilot.pause(0.1)
        waited += 0.1


async def open_screen(pilot, key: str, screen_type: type) -> None:
    """From the meetings screen, by its key."""
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, screen_type)


def column(table: DataTable, index: int) -> list[str]:
    return [str(table.get_row_at(r)[index]) for r in range(table.row_count)]


def prompts(results: OptionList) -> list[str]:
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


async def search_journal(pilot) -> OptionList:
    """The search screen, «journal» typed and its six hits listed (not «journa»'s, which a
    slow moment may show first)."""
    app = pilot.app
    await open_screen(pilot, "slash", SearchScreen)
    await pilot.press(*"journal")
    results = app.screen.query_one("#search-results", OptionList)
    await wait_for(pilot, lambda: app.screen.shown_text == "journal" and results.option_count == 6)
    return results


def cursor_key(table: DataTable) -> str:
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


# --- the year plan --------------------------------------------------------------------------


async def test_the_year_plan_shows_a_deadline_added_elsewhere_in_the_shown_month(two):
    mine, other = two
    app = NuitApp(mine)
    async with app.run_test(size=(140, 50)) as pilot:
        await open_screen(pilot, "a", YearPlanScreen)
        calendar = app.screen.query_one(YearCalendar)
        assert calendar.selected == dt.date(2023, 1, 1)  # the demo's year
        await pilot.press("pagedown", "pagedown", "down", "down")  # 1 March, two weeks on: 15 March
        await pilot.pause()
        assert calendar.selected == dt.date(2023, 3, 15)
        table = app.screen.query_one(EntriesTable)
        await pilot.press("tab", "up", "up")  # to the list: March's first entry, not the one at the selected day
        await pilot.pause()
        assert app.focused is table
        before = column(table, 3)
        assert len(before) == 3 and table.cursor_row == 0
        selected = cursor_key(table).rsplit(":", 1)[0]

        other.year_plan.add_deadline(m.Deadline(date=dt.date(2023, 3, 10), title="Frist fra det andre vinduet", category="budsjett"))
        await wait_for(pilot, lambda: "Frist fra det andre vinduet" in column(table, 3))

        assert column(table, 3) == [*before[:2], "Frist fra det andre vinduet", before[2]]
        assert column(table, 0)[2] == "10. mars"  # the year is in the month's heading
        assert cursor_key(table).rsplit(":", 1)[0] == selected and table.cursor_row == 0
        assert dt.date(2023, 3, 10) in calendar.deadline_days
        assert calendar.selected == dt.date(2023, 3, 15)
        assert "4 oppføringer" in str(app.screen.query_one("#month-heading", Static).render())
        assert app.focused is table


async def test_the_year_plan_keeps_its_row_by_place_when_the_entry_is_deleted_elsewhere(two):
    mine, other = two
    app = NuitApp(mine)
    async with app.run_test(size=(140, 50)) as pilot:
        await open_screen(pilot, "a", YearPlanScreen)
        await pilot.press("pagedown", "pagedown", "down", "down")  # 15 March 2023: three entries
        await pilot.pause()
        table = app.screen.query_one(EntriesTable)
        assert table.cursor_row == 2  # the last entry on or before the selected day
        last = app.screen.entries[2]
        assert last.kind == "deadline"
        other.year_plan.delete_deadline(last.ref_id)
        await wait_for(pilot, lambda: table.row_count == 2)
        assert last.title not in column(table, 3)
        assert table.cursor_row == 1
        assert app.focused is app.screen.query_one(YearCalendar)


# --- the members registry ---------------------------------------------------------------------


async def test_the_members_list_shows_a_member_renamed_elsewhere(two):
    mine, other = two
    app = NuitApp(mine)
    async with app.run_test(size=(140, 50)) as pilot:
        await open_screen(pilot, "m", MembersScreen)
        table = app.screen.query_one(MembershipsTable)
        assert app.focused is table
        await pilot.press("down", "down", "down")
        await pilot.pause()
        membership = mine.members.membership(int(cursor_key(table)))
        person = mine.members.person(membership.person_id)
        assert column(table, 0)[3] == person.name

        other.members.update_person(person.id, "Omdøpt i det andre vinduet")
        await wait_for(pilot, lambda: "Omdøpt i det andre vinduet" in column(table, 0))

        assert cursor_key(table) == str(membership.id) and column(table, 0)[table.cursor_row] == "Omdøpt i det andre vinduet"
        assert person.name not in column(table, 0)
        assert app.focused is table


async def test_the_people_list_keeps_the_search_being_typed_and_its_row(two):
    mine, other = two
    app = NuitApp(mine)
    async with app.run_test(size=(140, 50)) as pilot:
        await open_screen(pilot, "m", MembersScreen)
        await pilot.press("2", "slash", "a", "n", "enter", "down", "down")  # search «an», to the third
        await pilot.pause()
        table = app.screen.query_one(PeopleTable)
        assert column(table, 0)[:3] == ["Anita Lindholt", "Anne Greibrokk", "Anne-Lise Härter"]
        assert cursor_key(table) == str(mine.members.find_person("Anne-Lise Härter").id)
        await pilot.press("slash", "end")  # back in the search box, to type more
        await pilot.pause()
        search = app.screen.query_one("#people-table-search", SearchInput)
        assert app.focused is search and search.value == "an"

        other.members.add_person("Aase Andersen")  # matches «an», listed first
        other.members.add_person("Bodil Berg")  # does not match
        await wait_for(pilot, lambda: "Aase Andersen" in column(table, 0))

        assert column(table, 0)[:4] == ["Aase Andersen", "Anita Lindholt", "Anne Greibrokk", "Anne-Lise Härter"]
        assert "Bodil Berg" not in column(table, 0)
        assert cursor_key(table) == str(mine.members.find_person("Anne-Lise Härter").id)
        assert app.focused is search and search.value == "an" and search.cursor_position == 2
        assert "15 personer som passer søket." in str(app.screen.query_one("#people-table-note", Static).render())
        await pilot.press("e")  # typing goes on in the box
        await pilot.pause()
        assert search.value == "ane"


# --- the search screen -------------------------------------------------------------------------


async def test_the_search_shows_an_item_added_elsewhere_that_matches_the_words_typed(two):
    mine, other = two
    app = NuitApp(mine)
    async with app.run_test(size=(140, 50)) as pilot:
        results = await search_journal(pilot)
        await pilot.press("down", "down")  # to the hits, the second one
        await pilot.pause()
        assert app.focused is results and results.highlighted == 1
        highlighted = results.get_option_at_index(1).id
        query = app.screen.query_one("#search-query", Input)

        meeting = other.meetings.find("NUIT", "2/2023")
        new = m.AgendaItem(meeting_id=meeting.id, title="Journalløft fra det andre vinduet", duration_minutes=15)
        added = other.agenda.add_item(meeting.id, new)
        await wait_for(pilot, lambda: results.option_count == 7)

        assert any("Journalløft fra det andre vinduet" in prompt for prompt in prompts(results))
        assert str(added.id) in [results.get_option_at_index(i).id for i in range(results.option_count)]
        assert results.get_option_at_index(results.highlighted).id == highlighted
        assert query.value == "journal" and app.focused is results
        assert str(app.screen.query_one("#search-status", Static).render()).startswith("7 treff")


async def test_the_search_box_keeps_focus_and_text_while_hits_change_elsewhere(two):
    mine, other = two
    app = NuitApp(mine)
    async with app.run_test(size=(140, 50)) as pilot:
        results = await search_journal(pilot)
        query = app.screen.query_one("#search-query", Input)
        first = next(hit for hit in app.screen.hits if hit.item_id == int(results.get_option_at_index(0).id))
        other.agenda.update_item(other.agenda.item(first.item_id).model_copy(update={"title": "Omdøpt journalløft"}))
        await wait_for(pilot, lambda: any("Omdøpt journalløft" in prompt for prompt in prompts(results)))
        assert results.option_count == 6
        assert app.focused is query and query.value == "journal" and query.cursor_position == len("journal")
        assert results.get_option_at_index(results.highlighted).id == str(first.item_id)


# --- the follow-up register --------------------------------------------------------------------


async def test_the_follow_up_register_shows_a_follow_up_added_elsewhere(two):
    mine, other = two
    meeting = mine.meetings.find("NUIT", "2/2023")
    item = next(i for i in mine.agenda.items(meeting.id) if i.kind is m.EntryKind.ITEM)
    soon = mine.follow_ups.add(m.FollowUp(item_id=item.id, description="Snart", responsible="KS", due_date=dt.date(2099, 1, 1)))
    later = mine.follow_ups.add(m.FollowUp(item_id=item.id, description="Senere", responsible="KS", due_date=dt.date(2099, 6, 1)))
    app = NuitApp(mine)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_screen(pilot, "u", FollowUpsScreen)
        table = app.screen.query_one("#follow-ups", DataTable)
        assert column(table, 2) == ["Snart", "Senere"]
        await pilot.press("down")
        await pilot.pause()
        assert cursor_key(table) == str(later.id)

        other.follow_ups.add(
            m.FollowUp(item_id=item.id, description="Fra det andre vinduet", responsible="Direktoratet", due_date=dt.date(2099, 3, 1))
        )
        other.follow_ups.close(soon.id, on=dt.date(2024, 1, 2), note="Gjort")  # leaves the open ones
        await wait_for(pilot, lambda: "Fra det andre vinduet" in column(table, 2))

        assert column(table, 2) == ["Fra det andre vinduet", "Senere"]
        assert column(table, 3) == ["Direktoratet", "KS"]
        assert cursor_key(table) == str(later.id) and table.cursor_row == 1
        assert app.focused is table
        assert "Status: åpne" in str(app.screen.query_one("#follow-ups-filters", Static).render())


async def test_the_follow_up_register_keeps_the_place_when_the_selected_one_goes(two):
    mine, other = two
    meeting = mine.meetings.find("NUIT", "2/2023")
    item = next(i for i in mine.agenda.items(meeting.id) if i.kind is m.EntryKind.ITEM)
    added = [
        mine.follow_ups.add(m.FollowUp(item_id=item.id, description=f"Oppfølging {n}", due_date=dt.date(2099, n, 1)))
        for n in (1, 2, 3)
    ]
    app = NuitApp(mine)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_screen(pilot, "u", FollowUpsScreen)
        table = app.screen.query_one("#follow-ups", DataTable)
        await pilot.press("down")
        await pilot.pause()
        assert cursor_key(table) == str(added[1].id)
        other.follow_ups.close(added[1].id, on=dt.date(2024, 1, 2))
        await wait_for(pilot, lambda: table.row_count == 2)
        assert column(table, 2) == ["Oppfølging 1", "Oppfølging 3"]
        assert table.cursor_row == 1  # the row at its place, not back to the top


async def test_the_search_again_for_a_change_elsewhere_keeps_the_hit_the_cursor_moved_to_meanwhile(two):
    """A search run again because another window wrote takes a moment; a secretary who
    moves to another hit meanwhile stays on it when the new hits come."""
    import threading

    mine, other = two
    app = NuitApp(mine)
    async with app.run_test(size=(140, 50)) as pilot:
        results = await search_journal(pilot)
        await pilot.press("down")  # into the hits, on the first
        await pilot.pause()
        assert app.focused is results and results.highlighted == 0
        second = results.get_option_at_index(1).id

        release = threading.Event()
        search = mine.search.hits

        def held(*args, **kwargs):
            release.wait(10)
            return search(*args, **kwargs)

        mine.search.hits = held  # the next search waits until the cursor has moved
        shown = app.screen.hits
        app.screen.reload_from_file()  # as the file watcher does when another window commits
        await pilot.press("down")
        assert results.highlighted == 1
        release.set()
        await wait_for(pilot, lambda: app.screen.hits is not shown, timeout=10)
        assert results.get_option_at_index(results.highlighted).id == second
