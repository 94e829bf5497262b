"""Agenda building by keys alone (issue 3), checked in the database."""

import datetime as dt

from textual.widgets import DataTable, Input

from conftest import burst, palette_highlights, type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.item import ItemScreen


async def clear_and_type(pilot, text):
    await pilot.press("ctrl+a", "ctrl+k")  # to the start, delete to the end
    await type_text(pilot, text)


async def agenda_on(app, pilot, meeting_id: int, column: int, *texts: str) -> DataTable:
    """The meeting's agenda shown, its cursor on the first row whose cell `column` is one of `texts`."""
    app.push_screen(AgendaScreen(meeting_id))
    await pilot.pause()
    table = app.screen.query_one("#agenda", DataTable)
    table.move_cursor(row=next(r for r in range(table.row_count) if str(table.get_row_at(r)[column]).strip() in texts))
    return table


def agenda_rows(archive, meeting_id):
    return [
        (row.case_number, row.item.title, row.start.strftime("%H:%M"))
        for row in archive.agenda.for_meeting(meeting_id).rows
    ]


async def test_a_meeting_with_five_items_and_a_break_built_by_keys(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    earlier = archive.meetings.create(body.id, dt.date(2023, 2, 16), dt.time(9), dt.time(16), location="Teams")
    app = NuitApp(archive)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("n")  # Nytt møte
        await pilot.pause()
        await type_text(pilot, "25.5.2023")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "Rom 4117")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        meeting = archive.meetings.page(body.id, limit=1)[0]
        assert (meeting.ref, meeting.date, meeting.location) == ("2/2023", dt.date(2023, 5, 25), "Rom 4117")

        for title, minutes in [("Sak A", "20"), ("Sak B", "30"), ("Sak C", "15"), ("Sak D", "25"), ("Sak E", "10")]:
            await pilot.press("n")  # Ny sak: the item screen opens with its title selected
            await pilot.pause()
            assert isinstance(app.screen, ItemScreen)
            await type_text(pilot, title)
            await pilot.press("tab", "tab")  # type picker, then duration
            await clear_and_type(pilot, minutes)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, AgendaScreen)

        # A break after "Sak B" (rows: 1 innkalling, 2 referat, 3 A, 4 B …)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=3)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")  # «Pause», 10 min as proposed
        await pilot.pause()
        # Move "Sak E" (now row 7, after the break) up above "Sak D".
        table.move_cursor(row=7)
        await pilot.press("ctrl+up")
        await pilot.pause()

    assert agenda_rows(archive, meeting.id) == [
        ("3/23", "Godkjenning av innkalling og dagsorden", "09:00"),
        ("4/23", "Godkjenning av referat fra NUIT 16. februar 2023", "09:05"),
        ("5/23", "Sak A", "09:15"),
        ("6/23", "Sak B", "09:35"),
        ("", "Pause", "10:05"),
        ("7/23", "Sak C", "10:15"),
        ("8/23", "Sak E", "10:30"),
        ("9/23", "Sak D", "10:40"),
        ("10/23", "Eventuelt", "11:05"),
    ]
    assert [i.case_seq for i in archive.agenda.items(earlier.id) if not i.is_break] == [1, 2]  # innkalling, eventuelt
    archive.close()


async def test_a_new_item_left_blank_is_discarded_and_gone_from_the_agenda_shown(tmp_path):
    """`n` then Escape: no «Ny sak» is left behind to take a case number, neither in the
    file nor in the agenda the user is back on (it redraws once the discard is in)."""
    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Rom 4117")
    before = agenda_rows(archive, meeting.id)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        shown = table.row_count
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        await until(pilot, lambda: len(agenda_rows(archive, meeting.id)) == len(before) + 1, what="the new item made")
        await pilot.press("escape")
        await until(pilot, lambda: agenda_rows(archive, meeting.id) == before, what="the blank item discarded")
        assert isinstance(app.screen, AgendaScreen)
        await until(pilot, lambda: app.screen.query_one(DataTable).row_count == shown, what="the agenda redrawn")
        assert "Ny sak" not in str(app.screen.query_one(DataTable).get_row_at(table.row_count - 1))
    archive.close()


async def test_sending_the_notice_freezes_numbers(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Rom 4117")
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Sak A", duration_minutes=30))
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s")  # Send innkalling → confirm
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert archive.meetings.get(meeting.id).status is m.MeetingStatus.NOTICE_SENT
        # s again: said at once (it asked again, as if the notice had not gone out).
        await pilot.press("s")
        await until(pilot, lambda: "Innkallingen til møte 1/2023 er allerede merket som sendt" in [n.message for n in app._notifications])
        assert isinstance(app.screen, AgendaScreen)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=2)  # Eventuelt (3/23)
        await pilot.press("ctrl+up")
        await pilot.pause()
    rows = agenda_rows(archive, meeting.id)
    # Eventuelt moved above Sak A, and both kept their numbers.
    assert [(n, t) for n, t, _ in rows] == [
        ("1/23", "Godkjenning av innkalling og dagsorden"),
        ("3/23", "Eventuelt"),
        ("2/23", "Sak A"),
    ]
    assert all(i.number_locked for i in archive.agenda.items(meeting.id) if not i.is_break)
    archive.close()


async def test_linking_an_earlier_item_shows_its_decision(demo_path):
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 24/23")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await type_text(pilot, "NUIT 8/22")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one("#earlier", DataTable)
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[0] == "NUIT 8/22 (17.2.22)"
        assert row[1].startswith("Strategi for digital sikkerhet")
        assert row[2].startswith("NUIT anbefaler at høringsversjonen")
        # By words of a title too.
        await pilot.press("ctrl+l")
        await pilot.pause()
        await type_text(pilot, "helseberedskap innspill")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    cited = [archive.agenda.case_label(i, with_body=True) for i in archive.agenda.earlier_handlings(item.id)]
    assert cited[0] == "NUIT 8/22" and len(cited) == 2
    archive.close()


async def test_every_typed_field_is_saved_without_a_save_step(demo_path):
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 22/23")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await pilot.pause()
        app.screen.query_one("#purpose").focus()
        await pilot.press("ctrl+a")
        await type_text(pilot, "Ny hensikt")
        await until(pilot, lambda: archive.agenda.item(item.id).purpose.startswith("Ny hensikt"))  # saved, no save step
        # A bad duration is refused with a message and nothing else is lost.
        app.screen.query_one("#duration", Input).focus()
        await clear_and_type(pilot, "abc")
        await until(pilot, lambda: "Ikke lagret" in str(app.screen.query_one("#save-state").render()))
        assert archive.agenda.item(item.id).duration_minutes == item.duration_minutes
    archive.close()


async def test_a_case_officer_not_in_the_registry_is_made_only_when_the_secretary_says_so(demo_path):
    """A typo («Kari Nordman») must not become a second person: asked, «Rett navnet» gives the
    name back to be put right, «Ny person» makes the person and adds them to the item; keys
    typed on in a burst before the question is shown never answer it."""
    from nuit_tui.tui.widgets.confirm import ConfirmScreen
    from nuit_tui.tui.widgets.people_field import PeopleInput

    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 22/23")
    people = len(archive.members.people_named("Kari", limit=100))
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await pilot.pause()
        field = app.screen.query_one("#case_officers PeopleInput", PeopleInput)
        field.focus()
        await type_text(pilot, "Kari Nordmn")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown)
        await pilot.press("n")  # «Rett navnet»
        await until(pilot, lambda: isinstance(app.screen, ItemScreen) and app.focused is field)
        assert field.value == "Kari Nordmn" and len(archive.members.people_named("Kari", limit=100)) == people
        await pilot.press("left", "a", "enter")  # put right at the name's end: «Kari Nordman»
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown)
        await pilot.press("j")  # «Ny person»
        await until(pilot, lambda: [p.name for p in archive.agenda.item_people(item.id, m.PersonRole.CASE_OFFICER)][-1:] == ["Kari Nordman"])
        assert len(archive.members.people_named("Kari", limit=100)) == people + 1
        # In one burst, «Kari Nordmn», Enter, «jo»: the «j» typed on is not «Ny person». The
        # question waits for an answer given once it is shown; the keys typed before it go
        # back into the field with the name to be put right.
        field.value = ""
        await pilot.pause()
        with burst():
            await pilot.press(*"Kari", "space", *"Nordmn", "enter", "j", "o")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown)
        for _ in range(5):
            await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "a key typed before the question was shown answered it"
        await pilot.press("n")  # «Rett navnet»
        await until(pilot, lambda: isinstance(app.screen, ItemScreen) and app.focused is field)
        assert field.value == "Kari Nordmnjo"
        assert len(archive.members.people_named("Kari", limit=100)) == people + 1
        assert "Kari Nordmn" not in [p.name for p in archive.agenda.item_people(item.id, m.PersonRole.CASE_OFFICER)]
        # «Ny person» answered once shown: the keys typed on are the next name's beginning.
        field.value = ""
        with burst():
            await pilot.press(*"Per", "space", *"Testesen", "enter", "O", "l")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown)
        await pilot.press("j")  # «Ny person»
        await until(pilot, lambda: [p.name for p in archive.agenda.item_people(item.id, m.PersonRole.CASE_OFFICER)][-1:] == ["Per Testesen"])
        assert field.value == "Ol" and app.focused is field
    archive.close()


async def test_the_palette_jumps_to_a_meeting_and_an_item(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "1/2023")
        await palette_highlights(pilot, "1/2023")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert app.screen.meeting.ref == "1/2023"
        await pilot.press("ctrl+p")
        await type_text(pilot, "18/23")
        await palette_highlights(pilot, "18/23")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.item.title.startswith("Status og veien videre for felles journalløft")
        # And an action by its name: back on the agenda, «Send innkalling» asks to confirm.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "Avlys")
        await palette_highlights(pilot, "Avlys")
        await pilot.press("enter")
        await pilot.pause()
        from nuit_tui.tui.widgets.confirm import ConfirmScreen

        assert isinstance(app.screen, ConfirmScreen)
    archive.close()


async def test_a_key_typed_in_an_opened_item_never_replaces_its_title(demo_path):
    """The item screen focused its title all selected: «e» (the agenda's key for editing),
    typed once more, replaced «Status for …» with «e», autosaved."""
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 22/23")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await until(pilot, lambda: app.focused is not None and app.focused.id == "title")
        await pilot.press("e")
        await until(pilot, lambda: archive.agenda.item(item.id).title != item.title)
        assert archive.agenda.item(item.id).title == item.title + "e"
    archive.close()


async def test_f_on_a_break_refuses_to_move_it_to_another_meeting(demo_path):
    """«f» on «Pause» offered the meetings and moved the break there."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        table = await agenda_on(app, pilot, meeting.id, 1, "Pause", "Lunsj")
        brk = archive.agenda.item(table.selected_item_id)
        assert brk.is_break
        await pilot.press("f")
        await until(pilot, lambda: any("En pause kan ikke flyttes" in str(n.message) for n in app._notifications))
        assert isinstance(app.screen, AgendaScreen)  # no meeting to pick
        assert archive.agenda.item(brk.id).meeting_id == meeting.id
    archive.close()


async def test_delete_asks_about_the_sakslisten_in_correct_norwegian(demo_path):
    """The question said «fra saklisten»; the word is «sakslisten»."""
    from nuit_tui.tui.widgets.confirm import ConfirmScreen

    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        await agenda_on(app, pilot, meeting.id, 1, "Pause")
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert app.screen.question == "Slette «Pause» fra sakslisten?"
        await pilot.press("n")
    archive.close()


async def test_taking_an_item_off_an_agenda_whose_notice_is_out_says_to_tell_the_members(demo_path):
    """2/2023's notice is out: deleting or moving one of its items asked nothing of that
    (a move was done at once), though the members have the item on their agenda."""
    from nuit_tui.tui.screens.meeting_picker import MeetingPickerScreen
    from nuit_tui.tui.widgets.confirm import ConfirmScreen

    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    later = archive.meetings.create(meeting.body_id, dt.date(2023, 9, 21), dt.time(9), dt.time(15))
    item = archive.agenda.find_item("NUIT 18/23")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        await agenda_on(app, pilot, meeting.id, 0, "18/23")
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert app.screen.question.endswith("Innkallingen er sendt med saken på sakslisten: gi medlemmene beskjed om endringen.")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, MeetingPickerScreen))
        app.screen.dismiss(later.id)
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert app.screen.question.startswith(f"Flytte saken til møte {archive.meetings.get(later.id).ref}? Innkallingen er sendt")
        await pilot.press("n")
        await pilot.pause()
        assert archive.agenda.item(item.id).meeting_id == meeting.id  # not moved
    archive.close()


async def test_plus_refuses_to_push_an_item_past_midnight_and_minus_still_shortens_it(demo_path):
    """14/23 starts at 09.05: + took it from 895 minutes (ending at midnight) to 900, and on
    past the day (it only stopped at 24 × 60). Now + says what the item screen says, and
    nothing changes; − shortens it as before."""
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 14/23")
    archive.agenda.set_duration(item.id, 890)
    app = NuitApp(archive)
    said = "Varighet kan være høyst 895 minutter: saken starter kl. 09.05 og må slutte senest ved midnatt"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = await agenda_on(app, pilot, item.meeting_id, 0, "14/23")
        assert app.screen.table.selected_item_id == item.id
        await pilot.press("plus")  # 09.05–24.00: ends at midnight, taken
        await until(pilot, lambda: archive.agenda.item(item.id).duration_minutes == 895)
        await pilot.press("plus", "plus")
        await until(pilot, lambda: [n.message for n in app._notifications].count(said) == 2, what="both refused")
        assert archive.agenda.item(item.id).duration_minutes == 895
        assert app.screen.table.selected_item_id == item.id and table.has_focus
        await pilot.press("minus")
        await until(pilot, lambda: archive.agenda.item(item.id).duration_minutes == 890)
    archive.close()


async def test_e_on_an_empty_agenda_says_why_and_the_text_typed_after_it_is_no_keys(archive):
    """e on an agenda with no entries did nothing to be seen, and a title typed after it
    acted as keys («Veikart»: i opened the notice's export form, and «kart» went into it).
    Now it says why, and the keys typed on in the same burst are dropped, as in the
    follow-up register."""
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Teams", standard_items=False)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(AgendaScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        screen = app.screen
        await type_text(pilot, "eVeikart")
        said = "Ingen sak å redigere: dagsordenen er tom (n legger til en sak, p en pause)"
        await until(pilot, lambda: said in [n.message for n in app._notifications], what="the refusal")
        assert app.screen is screen
        await until(pilot, lambda: "Ikke brukt (skrevet etter e): «Veikart»" in [n.message for n in app._notifications])
        assert app.screen is screen
    assert archive.agenda.items(meeting.id) == []


async def test_d_plus_minus_f_and_ctrl_arrows_with_no_item_say_why_and_the_text_after_is_no_keys(archive):
    """d, +, −, f and Ctrl+↑/↓ on an empty agenda did nothing to be seen, and what was typed
    on after them acted as keys; on «Slutt» of a full agenda e said the agenda was empty. Now
    each says why, as e does, and the keys typed on in its burst are dropped (named once it
    is over, a key without a character as the footer shows it: «^↑»)."""
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    empty = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Teams", standard_items=False)
    full = archive.meetings.create(nuit.id, dt.date(2023, 9, 14), dt.time(9), dt.time(12), location="Teams")
    durations = [i.duration_minutes for i in archive.agenda.items(full.id)]
    order = [i.id for i in archive.agenda.items(full.id)]
    app = NuitApp(archive)

    async def refused(key: str, shown: str, said: str) -> None:
        screen = app.screen
        await pilot.press(key)
        await type_text(pilot, "Veikart")
        await until(pilot, lambda: said in [n.message for n in app._notifications], what=f"{key} refused")
        await until(pilot, lambda: f"Ikke brukt (skrevet etter {shown}): «Veikart»" in [n.message for n in app._notifications])
        assert app.screen is screen
        app.clear_notifications()

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(AgendaScreen(empty.id))
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        tom = "dagsordenen er tom (n legger til en sak, p en pause)"
        await refused("d", "d", f"Ingen sak å slette: {tom}")
        await refused("plus", "+", f"Ingen sak å forlenge: {tom}")
        await refused("minus", "-", f"Ingen sak å forkorte: {tom}")
        await refused("f", "f", f"Ingen sak å flytte til et annet møte: {tom}")
        await refused("ctrl+up", "Ctrl+↑", f"Ingen sak å flytte opp: {tom}")
        await refused("ctrl+down", "Ctrl+↓", f"Ingen sak å flytte ned: {tom}")
        app.pop_screen()
        screen = AgendaScreen(full.id)
        app.push_screen(screen)
        await until(pilot, lambda: app.screen is screen and screen.is_mounted and screen.table.row_count > 1)
        await pilot.press("end")
        await until(pilot, lambda: screen.table.selected_item_id is None, what="«Slutt» selected")
        await refused("e", "e", "Ingen sak å redigere: «Slutt» er valgt (↑ velger en sak)")
        await refused("d", "d", "Ingen sak å slette: «Slutt» er valgt (↑ velger en sak)")
        await refused("ctrl+up", "Ctrl+↑", "Ingen sak å flytte opp: «Slutt» er valgt (↑ velger en sak)")
    assert archive.agenda.items(empty.id) == []
    assert [i.duration_minutes for i in archive.agenda.items(full.id)] == durations
    assert [i.id for i in archive.agenda.items(full.id)] == order


async def heading_shown(archive, size: tuple[int, int]) -> str:
    """The agenda heading of 2/2023 as the screen shows it at `size`, its lines joined."""
    from textual.geometry import Region

    app = NuitApp(archive)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # 2/2023
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        heading = app.screen.query_one("#meeting-heading")
        await until(pilot, lambda: heading.size.width > 0)
        lines = heading.render_lines(Region(0, 0, heading.size.width, heading.size.height))
        return " ".join(strip.text.strip() for strip in lines)


async def test_the_heading_shows_the_whole_place_and_status_at_100_and_80_columns(demo_path):
    """2/2023 meets at «Direktoratet for e-helse, Verkstedveien 1, Oslo. Møterom 4117»: on
    one line the heading was cut at «Verkstedveien 1,», the room and the status out of view."""
    archive = Archive.open(demo_path)
    for size in ((100, 30), (80, 24)):
        shown = await heading_shown(archive, size)
        assert "Møterom 4117" in shown and "Innkalling sendt" in shown, (size, shown)
    archive.close()


def test_a_held_meetings_notice_is_not_offered_to_be_marked_as_sent():
    from nuit_tui.domain.meetings import sent_notice_refusal

    held = m.Meeting(body_id=1, year=2023, number=1, date=dt.date(2023, 2, 16), start_time=dt.time(9), end_time=dt.time(12),
                     status=m.MeetingStatus.HELD)
    assert sent_notice_refusal(held) == "Møte 1/2023 har status «Avholdt»: innkallingen kan ikke merkes som sendt"
    assert sent_notice_refusal(held.model_copy(update={"status": m.MeetingStatus.PLANNED})) == ""
