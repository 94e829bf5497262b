"""Issue 14's rules of a meeting's life, driven by keys and checked in the SQLite file:
Eventuelt can be marked handled (7), a cancelled or mistaken meeting gives its case numbers
back (5), the previous minutes' title follows the date (3), and deferral to a meeting not yet
planned (8)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import run
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.store import errors
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen


def body_with_members(path):
    archive = Archive.open(path)
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    ks = archive.members.organization("KS")
    person = archive.members.add_person("Kari Nordmann", ks.id)
    archive.members.add_membership(m.Membership(person_id=person.id, body_id=body.id, organization_id=ks.id))
    return archive, body, person


# --- 7: Eventuelt is marked handled by F3 -----------------------------------------------------


async def test_f3_on_eventuelt_marks_it_handled_and_the_minutes_check_passes(tmp_path):
    path = tmp_path / "nuit.sqlite"
    archive, body, person = body_with_members(path)
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12))
    archive.meetings.set_status(meeting.id, m.MeetingStatus.NOTICE_SENT)
    archive.attendance.add(m.Attendance(meeting_id=meeting.id, person_id=person.id, role=m.AttendanceRole.MEMBER))
    titles = [i.title for i in archive.agenda.items(meeting.id)]
    assert titles[-1] == "Eventuelt"
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id))
        await pilot.pause()
        for _ in titles[:-1]:
            await pilot.press("f3", "f8")
            await pilot.pause()
        await pilot.press("f3")  # Eventuelt: no proposal, so it is marked handled
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    archive.close()
    again = Archive.open(path)
    eventuelt = again.agenda.items(meeting.id)[-1]
    assert eventuelt.title == "Eventuelt"
    assert eventuelt.state is m.ItemState.HANDLED and eventuelt.decision == ""
    again.close()
    checked = run("check-minutes", "--db", path, "--body", "NUIT", "--meeting", "1/2023")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("item_type", ["Beslutning", "Godkjenning", "Drøfting", "Anbefaling"])
def test_f3_without_a_proposal_on_a_decision_item_is_refused_and_changes_nothing(archive, item_type):
    """A discussion's or a recommendation's decision says what was discussed («NUIT drøftet
    … og ba …»): F3 marked one handled without it, and the minutes check asked later."""
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), standard_items=False)
    item = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Budsjett", item_type=item_type))
    try:
        archive.minutes.adopt_proposal(item.id)
    except errors.Conflict as refused:
        assert "forslag" in str(refused)
    else:
        raise AssertionError("a Beslutning item without a proposal was closed without a decision")
    assert archive.agenda.item(item.id).state is m.ItemState.PLANNED


# --- 5: cancelled and mistaken meetings give their numbers back ------------------------------


def case_numbers(path, meeting_id) -> list[tuple[str, int | None]]:
    """What the file holds: each item's title and case number, in agenda order."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT title, case_seq FROM agenda_items WHERE meeting_id = ? AND kind = 'item' ORDER BY position", [meeting_id]
        ).fetchall()


async def test_cancel_delete_and_n_escape_leave_no_gap_in_the_case_numbers(demo_path):
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.screens.meetings import MeetingsScreen

    archive = Archive.open(demo_path)
    nuit = archive.members.body("NUIT")
    third = archive.meetings.create(nuit.id, dt.date(2023, 9, 14), dt.time(9), dt.time(12))
    archive.agenda.add_item(third.id, m.AgendaItem(meeting_id=third.id, title="Veikart", item_type="Drøfting"))
    fourth = archive.meetings.create(nuit.id, dt.date(2023, 11, 23), dt.time(9), dt.time(12))
    mistake = archive.meetings.create(nuit.id, dt.date(2023, 12, 7), dt.time(9), dt.time(12))
    assert [seq for _, seq in case_numbers(demo_path, third.id)] == [27, 28, 29, 30]
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        # 3/2023 is cancelled before its notice: its four provisional numbers go back.
        app.push_screen(AgendaScreen(third.id))
        await pilot.pause()
        await pilot.press("x", "j")
        await pilot.pause()
        # In 4/2023, `n` and Escape at once leave nothing behind.
        await pilot.press("escape")
        app.push_screen(AgendaScreen(fourth.id))
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        # The newest meeting, 5/2023, was created by mistake: d and a yes delete it.
        await pilot.press("home", "d")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        # 2/2023 has its notice out: d is refused and nothing changes.
        await pilot.press("home", "down", "down", "down", "d")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
    archive.close()

    again = Archive.open(demo_path)
    assert again.meetings.get(third.id).status is m.MeetingStatus.CANCELLED
    assert [seq for _, seq in case_numbers(demo_path, third.id)] == [None, None, None, None]
    assert [seq for _, seq in case_numbers(demo_path, fourth.id)] == [27, 28, 29]
    assert case_numbers(demo_path, fourth.id)[-1] == ("Eventuelt", 29)
    # Its previous meeting is 2/2023 again, the cancelled one held no minutes (issue 14.3).
    assert case_numbers(demo_path, fourth.id)[1] == ("Godkjenning av referat fra NUIT 25. mai 2023", 28)
    assert case_numbers(demo_path, mistake.id) == []
    with pytest.raises(errors.NotFound):
        again.meetings.get(mistake.id)
    assert again.meetings.find("NUIT", "2/2023").status is m.MeetingStatus.NOTICE_SENT
    again.close()


def test_a_meeting_with_a_sent_notice_or_a_record_cannot_be_deleted(archive):
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    sent = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12))
    archive.meetings.set_status(sent.id, m.MeetingStatus.NOTICE_SENT)
    recorded = archive.meetings.create(body.id, dt.date(2023, 9, 14), dt.time(9), dt.time(12))
    archive.minutes.set_item_state(archive.agenda.items(recorded.id)[0].id, m.ItemState.HANDLED)
    for meeting in (sent, recorded):
        with pytest.raises(errors.Conflict):
            archive.meetings.delete(meeting.id)
        assert archive.agenda.items(meeting.id)


def test_a_cancelled_meeting_keeps_only_its_published_numbers():
    from nuit_tui.domain.case_numbers import CaseSlot, MeetingNumbering, renumber_year

    held = MeetingNumbering(frozen=True, items=[CaseSlot("a", 1, True), CaseSlot("b", 2, True)])
    cancelled_draft = MeetingNumbering(frozen=False, cancelled=True, items=[CaseSlot("c", 3), CaseSlot("d", 4)])
    cancelled_sent = MeetingNumbering(frozen=False, cancelled=True, items=[CaseSlot("e", 5, True)])
    following = MeetingNumbering(frozen=False, items=[CaseSlot("f", 6), CaseSlot("g", None)])
    # The draft's 3 and 4 go back to the next meeting…
    assert renumber_year([held, cancelled_draft, following]) == {"a": 1, "b": 2, "f": 3, "g": 4}
    # …but a number that went out in a notice stays, and the year goes on after it.
    numbers = renumber_year([held, cancelled_draft, cancelled_sent, following])
    assert numbers == {"a": 1, "b": 2, "e": 5, "f": 6, "g": 7}


# --- 3: the previous minutes' date and the meeting numbers follow the date --------------------


def approval_title(path, meeting_id) -> str:
    return next(t for t, _ in case_numbers(path, meeting_id) if t.startswith("Godkjenning av referat"))


async def test_moving_a_meeting_renames_the_approval_items_and_renumbers_the_meetings(demo_path):
    import sqlite3

    from nuit_tui.tui.screens.agenda import AgendaScreen

    archive = Archive.open(demo_path)
    nuit = archive.members.body("NUIT")
    november = archive.meetings.create(nuit.id, dt.date(2023, 11, 23), dt.time(9), dt.time(12), location="Rom 4117")
    december = archive.meetings.create(nuit.id, dt.date(2023, 12, 7), dt.time(9), dt.time(12), location="Rom 4117")
    assert approval_title(demo_path, december.id) == "Godkjenning av referat fra NUIT 23. november 2023"
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        app.push_screen(AgendaScreen(november.id))
        await pilot.pause()
        await pilot.press("t")  # «Tid og sted»: the date field first
        await pilot.pause()
        await pilot.press("ctrl+u", *"14.12.2023", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    archive.close()
    with sqlite3.connect(demo_path) as conn:
        numbers = dict(conn.execute("SELECT id, number FROM meetings WHERE id IN (?, ?)", [november.id, december.id]).fetchall())
    # The meeting of 7 December now comes first: it is 3/2023 and approves the minutes of 25 May…
    assert numbers == {december.id: 3, november.id: 4}
    assert approval_title(demo_path, december.id) == "Godkjenning av referat fra NUIT 25. mai 2023"
    # …and the moved one approves those of 7 December, in its title and its proposal.
    assert approval_title(demo_path, november.id) == "Godkjenning av referat fra NUIT 7. desember 2023"
    again = Archive.open(demo_path)
    item = next(i for i in again.agenda.items(november.id) if i.title.startswith("Godkjenning av referat"))
    assert item.proposed_decision == "NUIT godkjenner referatet fra NUIT 7. desember 2023."
    # Case numbers follow the date order too: the December 7 meeting's items come first.
    assert [again.agenda.case_label(i) for i in again.agenda.items(december.id)] == ["27/23", "28/23", "29/23"]
    again.close()


def test_after_the_notice_the_approval_item_and_number_stay(archive):
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    archive.meetings.create(body.id, dt.date(2023, 2, 16), dt.time(9), dt.time(12))
    sent = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12))
    archive.meetings.set_status(sent.id, m.MeetingStatus.NOTICE_SENT)
    archive.meetings.create(body.id, dt.date(2023, 4, 20), dt.time(9), dt.time(12))  # slipped in before
    stored = archive.meetings.get(sent.id)
    assert stored.number == 2
    titles = [i.title for i in archive.agenda.items(sent.id)]
    assert "Godkjenning av referat fra NUIT 16. februar 2023" in titles


def test_two_meetings_of_a_body_on_one_date_are_asked_about(archive):
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    assert archive.meetings.same_day_question(body.id, dt.date(2023, 5, 25)) is None
    first = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12))
    question = archive.meetings.same_day_question(body.id, dt.date(2023, 5, 25))
    assert question and "NUIT 25. mai 2023 kl. 09.00" in question
    assert archive.meetings.same_day_question(body.id, dt.date(2023, 5, 25), moving=first.id) is None


# --- 8: deferral to the next meeting, not yet planned ------------------------------------------


async def test_deferred_to_the_next_unplanned_meeting_the_item_enters_it_when_created(tmp_path):
    path = tmp_path / "nuit.sqlite"
    archive, body, _ = body_with_members(path)
    may = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Rom 4117")
    veikart = archive.agenda.add_item(
        may.id, m.AgendaItem(meeting_id=may.id, title="Veikart", item_type="Drøfting", proposed_decision="NUIT drøftet veikartet.")
    )
    archive.meetings.set_status(may.id, m.MeetingStatus.NOTICE_SENT)
    case = archive.agenda.case_label(archive.agenda.item(veikart.id))
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        app.push_screen(MeetingModeScreen(may.id))
        await pilot.pause()
        await pilot.press("f8")  # the second item, after «Godkjenning av innkalling og dagsorden»
        await pilot.pause()
        assert app.screen.item.id == veikart.id
        await pilot.press("f6")  # no later meeting exists: the only choice is «Neste møte»
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    archive.close()

    again = Archive.open(path)
    waiting = again.agenda.item(veikart.id)
    assert waiting.state is m.ItemState.DEFERRED and again.agenda.case_label(waiting) == case
    september = again.meetings.create(body.id, dt.date(2023, 9, 14), dt.time(9), dt.time(12))
    items = again.agenda.items(september.id)
    assert [i.title for i in items] == [
        "Godkjenning av innkalling og dagsorden",
        "Godkjenning av referat fra NUIT 25. mai 2023",
        "Veikart",
        "Eventuelt",
    ]
    assert items[2].deferred_from_id == veikart.id and again.agenda.case_label(items[2]) == case
    assert items[2].state is m.ItemState.PLANNED and items[2].proposed_decision == "NUIT drøftet veikartet."
    # It entered once: the meeting after takes nothing.
    november = again.meetings.create(body.id, dt.date(2023, 11, 23), dt.time(9), dt.time(12))
    assert "Veikart" not in [i.title for i in again.agenda.items(november.id)]
    again.close()


async def test_a_new_meeting_on_a_date_the_body_already_meets_is_asked_about_first(tmp_path):
    """It was made, then warned about («Obs: NUIT har også møte 1/2023 …»); now the form asks
    first (tests/test_meetings_on_one_day.py has «Nei»)."""
    from conftest import type_text, until
    from nuit_tui.tui.widgets.confirm import ConfirmScreen

    path = tmp_path / "nuit.sqlite"
    archive, body, _ = body_with_members(path)
    archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Rom 4117")
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # «Nytt møte»: the date field first
        await pilot.pause()
        await type_text(pilot, "25.5.2023")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "Rom 4117")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        assert app.screen.question == "Det finnes allerede et møte i NUIT 25. mai 2023 kl. 09.00. Lage et til samme dag?"
        assert [mt.ref for mt in archive.meetings.page(body.id)] == ["1/2023"]
        await pilot.press("j")
        await until(pilot, lambda: len(archive.meetings.page(body.id)) == 2, what="made on «Ja»")
        await pilot.press("escape")
        await pilot.pause()
    assert [mt.ref for mt in archive.meetings.page(body.id)] == ["2/2023", "1/2023"]
    archive.close()


async def test_deleting_a_meeting_says_which_deferred_items_go_back_to_waiting(demo_path):
    """Items deferred to a meeting were quietly sent back to «neste møte» when it was deleted."""
    from nuit_tui.tui.screens.meetings import MeetingsScreen
    from nuit_tui.tui.widgets.confirm import ConfirmScreen

    archive = Archive.open(demo_path)
    nuit = archive.members.body("NUIT")
    third = archive.meetings.create(nuit.id, dt.date(2023, 9, 14), dt.time(9), dt.time(12))
    for case in ("19/23", "20/23"):
        archive.minutes.defer_item(archive.agenda.find_item(case, body_short_name="NUIT").id, third.id)
    assert archive.meetings.deletion_note(third.id) == (
        "Sakene 19/23 og 20/23 er utsatt til dette møtet; de venter igjen på neste møte."
    )
    assert archive.meetings.deletion_note(archive.meetings.find("NUIT", "2/2023").id) == ""
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("home", "d")  # the newest meeting: 3/2023
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question.startswith("Slette møte 3/2023 i NUIT (14. september 2023) med sakslisten?")
        assert app.screen.question.endswith("Sakene 19/23 og 20/23 er utsatt til dette møtet; de venter igjen på neste møte.")
        await pilot.press("j")
        await pilot.pause()
    archive.close()
    again = Archive.open(demo_path)
    with pytest.raises(errors.NotFound):
        again.meetings.get(third.id)
    again.close()
