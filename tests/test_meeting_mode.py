"""Taking the minutes by keys alone in meeting mode (issue 4), checked in the database."""

import datetime as dt

from textual.widgets import TextArea

from conftest import type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen


def three_item_meeting(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    ks = archive.members.organization("KS")
    hso = archive.members.organization("Helse Sør-Øst RHF")
    for name, org in [("Kari Nordmann", ks), ("Ola Hansen", hso)]:
        person = archive.members.add_person(name, org.id)
        archive.members.add_membership(m.Membership(person_id=person.id, body_id=body.id, organization_id=org.id))
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Rom 4117", standard_items=False)
    later = archive.meetings.create(body.id, dt.date(2023, 9, 14), dt.time(9), dt.time(12), location="Rom 4117", standard_items=False)
    items = [
        archive.agenda.add_item(
            meeting.id, m.AgendaItem(meeting_id=meeting.id, title=title, item_type="Drøfting", duration_minutes=30, proposed_decision=proposal)
        )
        for title, proposal in [
            ("Målbilde", "NUIT drøftet målbildet."),
            ("Veikart", "NUIT drøftet veikartet og ba Direktoratet for e-helse ta med seg innspill."),
            ("Prismodeller", "NUIT drøftet prismodellene."),
        ]
    ]
    archive.meetings.set_status(meeting.id, m.MeetingStatus.NOTICE_SENT)
    return archive, meeting, later, items


async def test_minutes_of_a_three_item_meeting_by_keys(tmp_path):
    archive, meeting, later, (first, second, third) = three_item_meeting(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id))
        await pilot.pause()
        # Attendance first: Kari is there from 09.40 (late), Ola sends a substitute.
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("a")  # Kari, the first row: «Kom kl.»
        await pilot.pause()
        await type_text(pilot, "09.40")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "s")  # Ola: «Stedfortreder»
        await pilot.pause()
        await type_text(pilot, "Vara Vestli")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingModeScreen)
        assert "Til stede under saken: 1 av 2" in str(app.screen.query_one("#mm-present").render())
        # Item 1: a remark whose speaker is completed from the body's organisations; adopted as proposed.
        await pilot.press("f2")
        await type_text(pilot, "Helse S")
        await pilot.press("right", "enter")  # accept the completion, go to the text
        await type_text(pilot, "mener målbildet er bra")
        await pilot.press("f3")
        await until(pilot, lambda: archive.agenda.item(first.id).decision == "NUIT drøftet målbildet."
                    and [r.text for r in archive.minutes.remarks(first.id)] == ["mener målbildet er bra"])
        # Item 2: narrative, an amended decision and a follow-up.
        await pilot.press("f8")
        await pilot.pause()
        await type_text(pilot, "Direktoratet orienterte")
        app.screen.query_one("#decision", TextArea).focus()
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+end")
        await type_text(pilot, " NUIT ba om ny sak i høst.")
        await pilot.press("f4")
        await pilot.pause()
        await type_text(pilot, "Legge fram ny sak")
        await pilot.press("tab")
        await type_text(pilot, "K")
        await pilot.press("right", "tab")
        await type_text(pilot, "1.9.2023")
        await pilot.press("enter")
        await pilot.pause()
        # Item 3: deferred to the next meeting.
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("enter")  # the only later meeting
        await pilot.pause()
        assert "endret fra forslaget" not in str(app.screen.query_one("#mm-diff").render()).lower()
        await pilot.press("escape")
        await pilot.pause()

    attendance = {archive.members.person(a.person_id).name: a for a in archive.attendance.rows(meeting.id)}
    assert attendance["Kari Nordmann"].arrived_at == dt.time(9, 40)
    assert attendance["Ola Hansen"].status is m.AttendanceStatus.ABSENT_WITH_NOTICE
    assert attendance["Vara Vestli"].substitute_for_person_id == attendance["Ola Hansen"].person_id
    # Kari came at 09.40: present for the second item (09.30–10.00)? No; for the third (10.00–) yes.
    assert [p.name for p, _ in archive.attendance.present_at_item(second.id)] == ["Vara Vestli"]
    assert [p.name for p, _ in archive.attendance.present_at_item(third.id)] == ["Kari Nordmann", "Vara Vestli"]
    remarks = archive.minutes.remarks(first.id)
    assert [(r.speaker, r.text) for r in remarks] == [("Helse Sør-Øst RHF", "mener målbildet er bra")]
    assert archive.members.organization_by_id(remarks[0].organization_id).name == "Helse Sør-Øst RHF"
    assert archive.agenda.item(first.id).decision == "NUIT drøftet målbildet."
    amended = archive.agenda.item(second.id)
    assert amended.narrative == "Direktoratet orienterte"
    assert amended.decision == amended.proposed_decision + " NUIT ba om ny sak i høst."
    assert amended.proposed_decision == second.proposed_decision
    follow_ups = archive.follow_ups.of_item(second.id)
    assert [(f.description, f.responsible, f.due_date) for f in follow_ups] == [("Legge fram ny sak", "KS", dt.date(2023, 9, 1))]
    assert archive.agenda.item(third.id).state is m.ItemState.DEFERRED
    moved = [i for i in archive.agenda.items(later.id) if i.deferred_from_id == third.id]
    assert len(moved) == 1 and archive.agenda.case_label(moved[0]) == archive.agenda.case_label(third)
    archive.close()


async def test_the_difference_from_the_proposal_is_shown(tmp_path):
    archive, meeting, _, (first, *_rest) = three_item_meeting(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id, first.id))
        await pilot.pause()
        app.screen.query_one("#decision", TextArea).focus()
        await type_text(pilot, "NUIT drøftet veikartet.")
        await until(pilot, lambda: archive.agenda.item(first.id).decision == "NUIT drøftet veikartet.")
        diff = app.screen.query_one("#mm-diff").render()
        text = str(diff)
        assert text.startswith("Endret fra forslaget")
        assert "målbildet." in text and "veikartet." in text
    assert archive.agenda.item(first.id).decision == "NUIT drøftet veikartet."
    archive.close()


async def test_the_minutes_check_lists_problems_and_export_goes_on(demo_path, tmp_path, monkeypatch):
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.screens.minutes_check import MinutesCheckScreen

    monkeypatch.chdir(tmp_path)
    (tmp_path / "exports").mkdir()
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")  # not held yet: every item is still open
    app = NuitApp(archive)
    async with app.run_test(size=(130, 45)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, MinutesCheckScreen)
        problems = str(app.screen.query_one("#problems").render())
        assert "13/23" in problems
        await pilot.press("j")  # export anyway
        await pilot.pause()
        await pilot.press("enter")  # Word, internal version
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert (tmp_path / "exports" / "NUIT-2023-2-referat.docx").exists()
    archive.close()


async def test_f3_on_an_orientation_without_a_proposal_writes_its_formula_and_the_check_names_one_left_without(demo_path):
    """15/23, an orientation with no proposal: F3 marked it handled and left it without a
    decision (the check asked for one later; before, the minutes printed a bare heading).
    Now F3 writes the seed's formula, ready to amend; one whose decision is cleared after
    is still named by the minutes check."""
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.screens.minutes_check import MinutesCheckScreen

    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("15/23", body_short_name="NUIT")
    archive.agenda.update_item(item.model_copy(update={"proposed_decision": ""}))
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # 2/2023's agenda
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("down", "down", "m")  # 15/23 in meeting mode
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        assert app.screen.item.id == item.id
        await pilot.press("f3")
        formula = "NUIT tar saken til orientering."
        decision = app.screen.query_one("#decision", TextArea)
        await until(pilot, lambda: decision.text == formula, what="the formula in «Vedtak»")
        assert decision.cursor_location == decision.document.end  # ready for an amendment
        assert f"15/23: «{formula}»" in [n.message for n in app._notifications]
        stored = archive.agenda.item(item.id)
        assert (stored.decision, stored.state) == (formula, m.ItemState.HANDLED)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, MinutesCheckScreen))
        problems = str(app.screen.query_one("#problems").render())
        assert "15/23" not in problems
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        archive.minutes.set_decision(item.id, "")  # handled, its decision cleared
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, MinutesCheckScreen))
        problems = str(app.screen.query_one("#problems").render())
        assert "Sak 15/23 (Orientering) mangler vedtak" in problems
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
    archive.close()


async def test_f3_is_refused_on_a_deferred_item_and_its_minutes_still_say_it_was_deferred(demo_path):
    """F3 adopted the proposal of an item deferred a moment before: the item stayed
    deferred, but the minutes printed the proposal as its decision and no deferral."""
    from nuit_tui.documents.minutes import deferred_text
    from nuit_tui.store.errors import Conflict

    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    item = archive.agenda.find_item("19/23", body_short_name="NUIT")
    archive.minutes.defer_to_next_meeting(item.id)
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id, item.id))
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        await pilot.press("f3")
        await until(pilot, lambda: any("forslaget kan ikke vedtas" in n.message for n in app._notifications), what="the refusal")
        assert app.screen.query_one("#decision", TextArea).text == ""
    item = archive.agenda.item(item.id)
    assert item.state is m.ItemState.DEFERRED and item.decision == ""
    from nuit_tui.services.minutes import build_minutes

    shown = next(i for i in build_minutes(archive, meeting.id, public=False).items if i.case_number.endswith("19/23"))
    assert shown.outcome == deferred_text("") and not shown.decision
    try:
        archive.minutes.adopt_proposal(item.id)
    except Conflict as refused:
        assert "19/23 er utsatt" in str(refused)
    else:
        raise AssertionError("adopted a deferred item's proposal")
    archive.close()


async def test_opening_meeting_mode_on_the_day_asks_before_it_starts_the_meeting(tmp_path, monkeypatch):
    """`m` is «Medlemmer» in the meetings list and «Møtemodus» on a meeting: pressed on the
    meeting's morning it used to stamp the first item as started, and the clock ran."""
    from nuit_tui.tui import wall_clock
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.widgets.confirm import ConfirmScreen

    archive, meeting, _, (first, _, _) = three_item_meeting(tmp_path)
    clock = {"now": dt.datetime.combine(meeting.date, dt.time(7, 45))}
    monkeypatch.setattr(wall_clock, "now", lambda: clock["now"])
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        await pilot.press("m")  # the secretary meant the members list
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown, what="the question")
        question = app.screen.question
        assert question.startswith("Starte møtet nå?")
        assert "kl. 07.45 (planlagt kl. 09.00)" in question and "Målbilde" in question
        await pilot.press("enter")  # «Avbryt» has the focus
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="back on the agenda")
        assert "Møtet er ikke startet" in [n.message for n in app._notifications]
        assert all(i.started_at is None for i in archive.agenda.items(meeting.id))

        clock["now"] = dt.datetime.combine(meeting.date, dt.time(9, 2))  # now on purpose
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown, what="the question")
        await pilot.press("j")
        await until(pilot, lambda: archive.agenda.item(first.id).started_at == dt.time(9, 2), what="the start stamped")
        assert isinstance(app.screen, MeetingModeScreen)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("m")  # begun: opened again without a question
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen), what="meeting mode")

        # Another day (minutes written up afterwards) stamps nothing, so nothing is asked.
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        archive.store.update(archive.agenda.item(first.id).model_copy(update={"started_at": None, "ended_at": None}))
        clock["now"] = dt.datetime.combine(meeting.date + dt.timedelta(days=1), dt.time(9))
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen), what="meeting mode")
    assert all(i.started_at is None for i in archive.agenda.items(meeting.id))
    archive.close()


async def test_a_remark_is_stamped_with_the_time_only_on_the_meetings_day(tmp_path, monkeypatch):
    """Minutes written up on another day (here at 22.16, months later) put no time of day on a
    remark: «kl. 22.16» beside it said it was made then, in a meeting held at 09.00–12.00."""
    from nuit_tui.tui import wall_clock

    archive, meeting, _, (first, _, _) = three_item_meeting(tmp_path)
    clock = {"now": dt.datetime.combine(meeting.date + dt.timedelta(days=190), dt.time(22, 16, 30))}
    monkeypatch.setattr(wall_clock, "now", lambda: clock["now"])
    app = NuitApp(archive)

    async def remark_in_meeting_mode(pilot, text: str) -> None:
        app.push_screen(MeetingModeScreen(meeting.id))
        await pilot.pause()
        await pilot.press("f2")
        await type_text(pilot, "KS")
        await pilot.press("enter")
        await type_text(pilot, text)

    async with app.run_test(size=(140, 50)) as pilot:
        await remark_in_meeting_mode(pilot, "skrevet inn etterpå")
        await until(pilot, lambda: [(r.text, r.made_at) for r in archive.minutes.remarks(first.id)] == [("skrevet inn etterpå", None)])
        for _ in range(3):  # out of the remark, then out of meeting mode
            if isinstance(app.screen, MeetingModeScreen):
                await pilot.press("escape")
                await pilot.pause()
        assert not isinstance(app.screen, MeetingModeScreen)
        # On the meeting's day, during the meeting: the time it was made, to the minute.
        clock["now"] = dt.datetime.combine(meeting.date, dt.time(9, 41, 50))
        await remark_in_meeting_mode(pilot, "sagt i møtet")
        await until(pilot, lambda: len(archive.minutes.remarks(first.id)) == 2)
        assert archive.minutes.remarks(first.id)[-1].made_at == dt.time(9, 41)
    archive.close()


async def test_f1_in_meeting_mode_names_every_key_of_an_action(tmp_path):
    """«Nytt innspill» is F2 and Ctrl+R (for a keyboard whose F-keys need Fn): F1 showed F2 only."""
    from textual.widgets import DataTable

    from nuit_tui.tui.screens.help import HelpScreen

    archive, meeting, _, _ = three_item_meeting(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id))
        await pilot.pause()
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        table = app.screen.query_one("#keys", DataTable)
        rows = {str(table.get_row_at(r)[1]): str(table.get_row_at(r)[0]) for r in range(table.row_count)}
        assert rows["Nytt innspill"] == "F2 / Ctrl+R"
        assert rows["Gå til saken"] == "Enter"  # the agenda list's Enter, not Textual's «Select»
        assert rows["Neste sak"].startswith("F8")
    archive.close()
