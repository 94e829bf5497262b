"""The search screen, the follow-up register and follow-ups on the next meeting's
agenda (issue 6), driven by keys with Textual's Pilot and checked in the database."""

import datetime as dt

from textual.widgets import DataTable, Input, OptionList, Static

from conftest import burst, palette_highlights, type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.follow_ups import FollowUpsScreen, MeetingFollowUpsScreen
from nuit_tui.tui.screens.item import ItemScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen
from nuit_tui.tui.screens.search import SearchScreen


def two_meetings(tmp_path):
    """NUIT: a held meeting with two follow-ups, and the next one in preparation."""
    archive = Archive.open(tmp_path / "nuit.sqlite")
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    first = archive.meetings.create(nuit.id, dt.date(2023, 2, 16), dt.time(9), dt.time(15), location="Teams")
    second = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(9), dt.time(15), location="Teams")
    archive.meetings.set_status(first.id, m.MeetingStatus.NOTICE_SENT)
    archive.meetings.set_status(first.id, m.MeetingStatus.HELD)
    journal = archive.agenda.add_item(first.id, m.AgendaItem(meeting_id=first.id, title="Felles journalløft", duration_minutes=30))
    archive.minutes.set_decision(journal.id, "NUIT ba Direktoratet invitere til en gjennomgang med aktørene.")
    archive.follow_ups.add(m.FollowUp(item_id=journal.id, description="Invitere til gjennomgang", responsible="Direktoratet", due_date=dt.date(2023, 4, 1)))
    archive.follow_ups.add(m.FollowUp(item_id=journal.id, description="Sende oppdatert innkalling", responsible="KS"))
    return archive, first, second, journal


def static_text(screen, selector) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_the_next_meeting_shows_open_follow_ups_and_one_key_puts_one_on_the_agenda(tmp_path):
    archive, first, second, journal = two_meetings(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the newest meeting: 2/2023
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen) and app.screen.meeting_id == second.id
        assert "2 åpne oppfølginger" in static_text(app.screen, "#follow-up-note")

        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, MeetingFollowUpsScreen)
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(r)[1]) for r in range(table.row_count)] == ["Invitere til gjennomgang", "Sende oppdatert innkalling"]
        await pilot.press("a")  # one key: on the agenda
        await pilot.pause()
        assert str(table.get_row_at(0)[4]) == "✓ står der"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        agenda = app.screen.query_one("#agenda", DataTable)
        selected = agenda.coordinate_to_cell_key(agenda.cursor_coordinate).row_key.value

    added = archive.agenda.item(int(selected))
    assert (added.title, added.item_type, added.proposed_decision) == (
        "Oppfølging: Invitere til gjennomgang", m.ItemType.ORIENTERING, "NUIT tar orienteringen til etterretning."
    )
    assert [row.item.title for row in archive.agenda.for_meeting(second.id).rows][-2:] == [added.title, "Eventuelt"]
    archive.close()


async def test_the_register_closes_and_reopens_by_keys(tmp_path):
    archive, *_ = two_meetings(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FollowUpsScreen)
        table = screen.query_one(DataTable)
        assert [str(table.get_row_at(r)[0]) for r in range(table.row_count)] == ["Forfalt", "Åpen"]  # by the clock: 2023 is past

        await pilot.press("l")  # close the selected (the overdue one)
        await pilot.pause()
        await type_text(pilot, "Holdt 2. mai")
        await pilot.press("enter")
        await pilot.pause()
        assert [str(table.get_row_at(r)[2]) for r in range(table.row_count)] == ["Sende oppdatert innkalling"]

        await pilot.press("s", "s")  # open → overdue → done
        await pilot.pause()
        assert "utførte" in static_text(screen, "#follow-ups-filters")
        assert str(table.get_row_at(0)[6]) == f"{dt.date.today():%d.%m.%Y}: Holdt 2. mai"
        [done] = archive.follow_ups.register(status="done")
        assert (done.follow_up.description, done.follow_up.closed_on) == ("Invitere til gjennomgang", dt.date.today())

        await pilot.press("g")  # reopen
        await pilot.pause()
        assert table.row_count == 0
        assert archive.follow_ups.register(status="done") == []
        # What was done is kept, and shown with the open ones («Utført»: its earlier closing).
        await pilot.press("s")  # done → all
        await until(pilot, lambda: table.row_count == 2, what="all follow-ups")
        closing = f"Lukket {dt.date.today():%d.%m.%Y}: Holdt 2. mai (gjenåpnet)"
        assert closing in [str(table.get_row_at(r)[6]) for r in range(table.row_count)]
        assert closing in [r.follow_up.closing_note for r in archive.follow_ups.register(status="open")]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
    archive.close()


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_l_on_an_empty_register_says_why_and_the_note_typed_after_it_is_no_keys(tmp_path, monkeypatch):
    """l closes the selected follow-up with a note, typed in its form. On an empty list it
    did nothing to be seen, and the note typed after it acted as keys: «sak ble behandlet»
    cycled the status (s) and opened the filter on responsible (a). Now it says why, and
    the keys typed on in that burst are no keys; after a pause they are again."""
    from nuit_tui.tui.screens.help import HelpScreen
    from nuit_tui.tui.widgets import refused_typing

    monkeypatch.setattr(refused_typing, "PAUSE_SECONDS", 0.3)  # a pause, shortened for the test
    archive = Archive.open(tmp_path / "nuit.sqlite")
    archive.members.add_body("NUIT", "Prioriteringsutvalget")
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        screen = app.screen
        assert screen.query_one(DataTable).row_count == 0
        filters = static_text(screen, "#follow-ups-filters")
        # What l does, by its full name in F1 (the footer's «Lukk» could be the screen's).
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        keys = app.screen.query_one("#keys", DataTable)
        assert ("l", "Lukk oppfølgingen (utført, med merknad)") in [tuple(map(str, keys.get_row_at(r))) for r in range(keys.row_count)]
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        with burst():
            await pilot.press("l", *"sak", "space", *"ble", "space", *"behandlet", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen  # no filter form (a), no going back
        assert static_text(screen, "#follow-ups-filters") == filters  # nor another status (s) or body (b)
        assert any("Ingen oppfølging å lukke" in said for said in messages(app)), messages(app)
        await until(pilot, lambda: any("sak ble behandlet" in said for said in messages(app)), what="what was typed, named")
        # After a pause a key is a key again.
        await pilot.pause(0.4)
        await pilot.press("s")
        await until(pilot, lambda: "forfalte" in static_text(screen, "#follow-ups-filters"))
    archive.close()


async def test_l_on_a_done_follow_up_says_so_and_the_note_typed_after_it_reopens_nothing(tmp_path):
    """«ferdig» typed after l on a done follow-up: e opened «Endre oppfølging», or (another
    row) g reopened it. The keys typed on after the refusal are no keys."""
    archive, *_ = two_meetings(tmp_path)
    [first, _] = archive.follow_ups.register(status="open")
    archive.follow_ups.close(first.id, on=dt.date(2023, 4, 2), note="Holdt")
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        screen = app.screen
        await pilot.press("s", "s")  # open → overdue → done
        await until(pilot, lambda: "utførte" in static_text(screen, "#follow-ups-filters"))
        await type_text(pilot, "lgferdig")
        assert app.screen is screen
        assert archive.follow_ups.register(status="done")[0].id == first.id  # not reopened (g)
        assert any("allerede utført" in said for said in messages(app)), messages(app)
    archive.close()


async def test_e_on_an_empty_register_says_why_and_the_text_typed_after_it_is_no_keys(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    archive.members.add_body("NUIT", "Prioriteringsutvalget")
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        screen = app.screen
        filters = static_text(screen, "#follow-ups-filters")
        await type_text(pilot, "eKS bes")
        assert app.screen is screen and static_text(screen, "#follow-ups-filters") == filters
        assert any("Ingen oppfølging å endre" in said for said in messages(app)), messages(app)
    archive.close()


async def test_enter_in_the_register_opens_the_item_and_is_named_in_footer_and_f1(tmp_path):
    """Enter was the table's own «Select»: hidden from F1, the footer and the palette."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    from nuit_tui.tui.screens.help import HelpScreen

    archive, *_ = two_meetings(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen) and app.screen.query(FooterKey))
        assert "Åpne saken" in [key.description for key in app.screen.query_one(Footer).query(FooterKey)]
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        keys = app.screen.query_one("#keys", DataTable)
        assert ("Enter", "Åpne saken") in [tuple(str(c) for c in keys.get_row_at(r)) for r in range(keys.row_count)]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ItemScreen))
    archive.close()


async def search_for(pilot, text: str) -> OptionList:
    """/ from the meeting list, `text` typed, and the search screen's results once shown."""
    app = pilot.app
    await pilot.pause()
    await pilot.press("slash")
    await until(pilot, lambda: isinstance(app.screen, SearchScreen))
    await type_text(pilot, text)
    await until(pilot, lambda: app.screen.shown_text == text)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen.query_one(OptionList)


async def test_search_as_you_type_and_enter_opens_the_item(tmp_path):
    archive, first, second, journal = two_meetings(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        results = await search_for(pilot, "gjennomgang")
        assert results.option_count == 1
        prompt = results.get_option_at_index(0).prompt
        assert "NUIT 3/23" in prompt.plain and "Felles journalløft" in prompt.plain
        assert any(prompt.plain[span.start : span.end] == "gjennomgang" for span in prompt.spans if "reverse" in str(span.style))
        assert "1 treff" in static_text(app.screen, "#search-status")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen) and app.screen.item_id == journal.id
        await pilot.press("escape")
        await pilot.pause()
        # F5: the item in its meeting's agenda.
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen) and app.screen.meeting_id == first.id
        agenda = app.screen.query_one("#agenda", DataTable)
        assert agenda.coordinate_to_cell_key(agenda.cursor_coordinate).row_key.value == str(journal.id)
    archive.close()


async def test_typing_an_abbreviation_lists_its_items_and_not_words_holding_its_letters(tmp_path):
    """/ then «IKT»: the item with «(IKT)» is listed, not the one with «viktig» in its decision."""
    archive, first, second, journal = two_meetings(tmp_path)
    archive.minutes.set_decision(journal.id, "Det er viktig at aktørene deltar.")
    ikt = archive.agenda.add_item(second.id, m.AgendaItem(meeting_id=second.id, title="Sikkerhet (IKT) i kommunene", duration_minutes=20))
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        results = await search_for(pilot, "IKT")
        assert results.option_count == 1
        prompt = results.get_option_at_index(0).prompt
        assert "Sikkerhet (IKT) i kommunene" in prompt.plain
        assert "1 treff" in static_text(app.screen, "#search-status")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ItemScreen))
        assert app.screen.item_id == ikt.id
    archive.close()


async def test_enter_right_after_typing_searches_and_opens_the_best_hit(tmp_path):
    archive, first, second, journal = two_meetings(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        app.push_screen(SearchScreen())
        await pilot.pause()
        app.screen.query_one(Input).value = "journalløft"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen) and app.screen.item_id == journal.id
    archive.close()


async def test_the_palette_opens_search_with_what_was_typed_and_the_register(tmp_path):
    archive, *_ = two_meetings(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "gjennomgang")
        await palette_highlights(pilot, "gjennomgang")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))
        await app.workers.wait_for_complete()
        await pilot.pause()
        # «Søk etter «gjennomgang»» is the only palette hit for the word (not «innkalling»:
        # on the meeting list that finds the highlighted meeting's notice first).
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "gjennomgang"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "Oppfølgingsregisteret")
        await palette_highlights(pilot, "ppfølging")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
    archive.close()


async def test_the_register_fits_100_columns_with_whole_names_and_the_done_column_only_when_listed(tmp_path):
    """At 100 columns «Direktoratet for e-helse» was cut at 20, «Utført» (empty for open ones)
    was off screen, and the table scrolled sideways."""
    archive, _, _, journal = two_meetings(tmp_path)
    archive.follow_ups.add(m.FollowUp(item_id=journal.id, description="Sende oversikten", responsible="Direktoratet for e-helse"))
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen) and app.screen.query_one(DataTable).row_count == 3)
        table = app.screen.query_one(DataTable)
        assert [str(c.label) for c in table.ordered_columns] == ["Status", "Frist", "Oppfølging", "Ansvarlig", "Fra sak", "Møte"]
        assert table.ordered_columns[3].width == len("Direktoratet for e-helse")
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert [str(table.get_row_at(r)[5]) for r in range(3)] == ["1/2023"] * 3
        await pilot.press("s", "s", "s")  # open → overdue → done → all
        await until(pilot, lambda: "alle" in static_text(app.screen, "#follow-ups-filters"))
        assert [str(c.label) for c in table.ordered_columns][-1] == "Utført"  # (at 100 columns, off to the side)
    archive.close()


async def test_e_in_the_register_corrects_a_follow_up_by_keys(tmp_path):
    """A follow-up saved with a typo or a wrong deadline: e opens the form it was made
    with, filled in; Enter saves, the row shows it and stays selected."""
    from nuit_tui.tui.screens.follow_up_form import FollowUpFormScreen

    archive, *_ = two_meetings(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        screen = app.screen
        table = screen.query_one(DataTable)
        await pilot.press("down")  # «Sende oppdatert innkalling», no deadline
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FollowUpFormScreen), what="the form")
        form = app.screen
        assert "Endre oppfølging" in static_text(form, ".form-title")
        assert [form.query_one(s, Input).value for s in ("#description", "#responsible", "#due")] == [
            "Sende oppdatert innkalling", "KS", ""
        ]
        assert form.focused is form.query_one("#description")
        await pilot.press("ctrl+u")
        await type_text(pilot, "Sende oppdatert innkalling til KS")
        await pilot.press("tab", "tab")
        assert form.focused is form.query_one("#due")
        await type_text(pilot, "1.9.2023")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, what="the form closed")
        await until(pilot, lambda: "Sende oppdatert innkalling til KS" in [str(table.get_row_at(r)[2]) for r in range(table.row_count)])
        selected = screen._selected_row()
        assert selected is not None and selected.follow_up.description == "Sende oppdatert innkalling til KS"
        assert str(table.get_row_at(table.cursor_row)[1]) == "01.09.2023"
        stored = archive.follow_ups.get(selected.id)
        assert (stored.description, stored.responsible, stored.due_date) == ("Sende oppdatert innkalling til KS", "KS", dt.date(2023, 9, 1))
    archive.close()


async def test_e_refuses_a_bad_date_and_escape_cancels(tmp_path):
    """A date that is none is refused in the form, the cursor on «Frist», nothing stored;
    Escape asks before dropping what was typed, and leaves the follow-up as it was. A done
    follow-up is corrected too, its closing kept."""
    from nuit_tui.tui.screens.follow_up_form import FollowUpFormScreen
    from nuit_tui.tui.widgets.confirm import ConfirmScreen

    archive, *_ = two_meetings(tmp_path)
    [first, second] = archive.follow_ups.register()
    archive.follow_ups.close(first.id, on=dt.date(2023, 5, 2), note="Holdt 2. mai")
    before = archive.follow_ups.get(second.id)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        screen = app.screen
        await pilot.press("e")  # the open one: «Sende oppdatert innkalling»
        await until(pilot, lambda: isinstance(app.screen, FollowUpFormScreen), what="the form")
        form = app.screen
        await pilot.press("tab", "tab")
        await type_text(pilot, "31.2.2023")
        await pilot.press("tab")  # away from «Frist»: the refusal brings the cursor back
        await pilot.press("ctrl+s")
        await until(pilot, lambda: static_text(form, "#form-error") != "", what="the refusal")
        assert app.screen is form and form.focused is form.query_one("#due")
        assert archive.follow_ups.get(second.id) == before
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        await pilot.press("j")
        await until(pilot, lambda: app.screen is screen, what="back in the register")
        assert archive.follow_ups.get(second.id) == before

        await pilot.press("e", "escape")  # nothing typed: closed at once
        await until(pilot, lambda: app.screen is screen)

        await pilot.press("s", "s")  # open → overdue → done
        await until(pilot, lambda: "utførte" in static_text(screen, "#follow-ups-filters"))
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FollowUpFormScreen), what="the form")
        await pilot.press("ctrl+u")
        await type_text(pilot, "Invitere til felles gjennomgang")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, what="the form closed")
        done = archive.follow_ups.get(first.id)
        assert (done.description, done.status, done.closed_on, done.closing_note) == (
            "Invitere til felles gjennomgang", m.FollowUpStatus.DONE, dt.date(2023, 5, 2), "Holdt 2. mai"
        )
    archive.close()


async def test_e_asks_whose_version_when_another_window_changed_the_same_field(tmp_path):
    """Follow-ups are versioned: another window's change to the field typed in is put to
    the user (Ctrl+T takes theirs into the form, Ctrl+B writes mine), never overwritten."""
    from nuit_tui.tui.screens.follow_up_form import FollowUpFormScreen
    from nuit_tui.tui.widgets.conflict_question import ConflictScreen

    archive, *_ = two_meetings(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        screen = app.screen
        row = screen._selected_row()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FollowUpFormScreen), what="the form")
        form = app.screen
        await type_text(pilot, " med aktørene")
        archive.follow_ups.update(row.follow_up, {"description": "Invitere til møte", "responsible": "KS"})  # the other window
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen), what="the question")
        await pilot.press("ctrl+t")  # take theirs: in the form, saved by Enter
        await until(pilot, lambda: app.screen is form)
        assert [form.query_one(s, Input).value for s in ("#description", "#responsible")] == ["Invitere til møte", "KS"]
        await type_text(pilot, " i mai")
        archive.follow_ups.update(archive.follow_ups.get(row.id), {"description": "Invitere til seminar"})
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen), what="the question again")
        await pilot.press("ctrl+b")  # keep mine
        await until(pilot, lambda: app.screen is screen, what="the form closed")
        stored = archive.follow_ups.get(row.id)
        assert (stored.description, stored.responsible) == ("Invitere til møte i mai", "KS")
    archive.close()


async def test_the_follow_ups_filter_line_starts_where_the_heading_and_the_table_do(demo_path):
    """«Status: åpne (s) …» started one column left of «Oppfølging» above it and the
    table's «Status» below it."""
    from textual.geometry import Region

    def first_column(widget) -> int:
        line = widget.render_lines(Region(0, 0, widget.size.width, 1))[0].text
        return widget.region.x + len(line) - len(line.lstrip())

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen))
        screen = app.screen
        await until(pilot, lambda: "Status:" in static_text(screen, "#follow-ups-filters"))
        heading, filters = screen.query_one("#follow-ups-heading"), screen.query_one("#follow-ups-filters")
        assert first_column(filters) == first_column(heading) == 1
    archive.close()
