"""Two meetings of a body on one day: n, k (a new meeting from a template) and t (another date
on the agenda) ask before they make or move the second, and the second's «Godkjenning av referat fra …» names the meeting before it in
the body's order (by date, then number), not the one before that day."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input

from conftest import type_text, until
from nuit_tui.domain import models as m
from nuit_tui.domain.notice_check import NoticeProblemKind
from nuit_tui.services import Archive
from nuit_tui.services.notice import check_notice
from nuit_tui.store import errors
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.meeting_form import MeetingFormScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen, MeetingsTable
from nuit_tui.tui.widgets.confirm import ConfirmScreen

QUESTION = "Det finnes allerede et møte i NUIT 25. mai 2023 kl. 09.00. Lage et til samme dag?"


def approval(archive, meeting_id) -> m.AgendaItem:
    return next(i for i in archive.agenda.items(meeting_id) if i.title.startswith("Godkjenning av referat"))


def test_the_second_meeting_of_a_day_approves_the_minutes_of_the_first(archive):
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    archive.meetings.create(nuit.id, dt.date(2023, 2, 16), dt.time(9), dt.time(12), location="Teams")
    morning = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Teams")
    assert archive.meetings.same_day_question(nuit.id, dt.date(2023, 5, 25)) == QUESTION
    assert archive.meetings.same_day_question(nuit.id, dt.date(2023, 5, 26)) is None
    afternoon = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(13), dt.time(15), location="Teams")
    assert archive.meetings.same_day_question(nuit.id, dt.date(2023, 5, 25)) == (
        "Det finnes allerede møter i NUIT 25. mai 2023 kl. 09.00 og kl. 13.00. Lage et til samme dag?"
    )
    assert [archive.meetings.get(mt.id).ref for mt in (morning, afternoon)] == ["2/2023", "3/2023"]
    assert approval(archive, morning.id).title == "Godkjenning av referat fra NUIT 16. februar 2023"
    item = approval(archive, afternoon.id)
    assert (item.title, item.proposed_decision) == (
        "Godkjenning av referat fra NUIT 25. mai 2023", "NUIT godkjenner referatet fra NUIT 25. mai 2023."
    )
    # The notice check agrees, and the decision approves the morning's minutes.
    kinds = {p.kind for p in check_notice(archive, afternoon.id)}
    assert NoticeProblemKind.WRONG_PREVIOUS_MINUTES not in kinds
    for status in (m.MeetingStatus.NOTICE_SENT, m.MeetingStatus.HELD):
        archive.meetings.set_status(morning.id, status)
    archive.minutes.set_decision(item.id, item.proposed_decision)
    assert archive.meetings.get(morning.id).status is m.MeetingStatus.MINUTES_APPROVED


async def test_k_onto_a_day_the_body_meets_asks_first_and_no_goes_back_to_the_form(demo_path):
    """k onto 25 May 2023, NUIT 2/2023's day, made a second meeting at the same hour without
    a word. Now it asks; n and Escape go back to the form as typed, j makes it."""
    archive = Archive.open(demo_path)
    template = archive.meetings.find("NUIT", "2/2023")  # 25 May 2023, 09.00
    nuit = archive.members.body("NUIT")
    before = len(archive.meetings.page(nuit.id, limit=100))
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        table = app.screen.query_one(MeetingsTable)
        await until(pilot, lambda: table.selected_meeting_id == template.id, what="2/2023 selected, the newest")
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, MeetingFormScreen) and isinstance(app.focused, Input))
        form = app.screen
        await type_text(pilot, "25.5.2023")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        assert app.screen.question == QUESTION
        await pilot.press("n")
        await until(pilot, lambda: app.screen is form, what="back in the form")
        assert [form.query_one(f"#{name}", Input).value for name in ("date", "start", "end")] == ["25.5.2023", "09.00", "15.45"]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question again")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is form, what="back in the form again")
        assert len(archive.meetings.page(nuit.id, limit=100)) == before
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question a third time")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="the new meeting's agenda")
    made = archive.meetings.find("NUIT", "3/2023")
    assert (made.date, made.start_time) == (dt.date(2023, 5, 25), dt.time(9))
    assert len(archive.meetings.page(nuit.id, limit=100)) == before + 1
    assert approval(archive, made.id).title == "Godkjenning av referat fra NUIT 25. mai 2023"
    archive.close()


async def test_k_onto_another_day_asks_nothing(demo_path):
    archive = Archive.open(demo_path)
    template = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await until(pilot, lambda: app.screen.query_one(MeetingsTable).selected_meeting_id == template.id)
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, MeetingFormScreen) and isinstance(app.focused, Input))
        await type_text(pilot, "14.9.2023")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="made at once")
    assert archive.meetings.find("NUIT", "3/2023").date == dt.date(2023, 9, 14)
    archive.close()


async def test_n_onto_a_day_the_body_meets_asks_before_the_meeting_is_made(demo_path):
    """n made the second meeting first and warned after («Obs: NUIT har også møte …»); now it
    asks as k does, in the form, and «Nei» makes nothing."""
    archive = Archive.open(demo_path)
    nuit = archive.members.body("NUIT")
    before = len(archive.meetings.page(nuit.id, limit=100))
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        app.body = nuit
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, MeetingFormScreen) and isinstance(app.focused, Input))
        form = app.screen
        await type_text(pilot, "25.5.2023")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "Rom 4117")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        assert app.screen.question == QUESTION
        await pilot.press("n")
        await until(pilot, lambda: app.screen is form, what="back in the form")
        assert form.query_one("#date", Input).value == "25.5.2023"
        assert len(archive.meetings.page(nuit.id, limit=100)) == before
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question again")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="the new meeting's agenda")
    made = archive.meetings.find("NUIT", "3/2023")
    assert (made.date, made.location) == (dt.date(2023, 5, 25), "Rom 4117")
    assert len(archive.meetings.page(nuit.id, limit=100)) == before + 1
    archive.close()


async def test_t_onto_a_day_the_body_meets_asks_before_the_meeting_moves(demo_path):
    """t moved the meeting first and warned after; now it asks in the form. The meeting itself
    is not one of the others: t on a meeting that keeps its date asks nothing."""
    archive = Archive.open(demo_path)
    nuit = archive.members.body("NUIT")
    may = archive.meetings.find("NUIT", "2/2023")
    autumn = archive.meetings.create(nuit.id, dt.date(2023, 9, 14), dt.time(9), dt.time(15), location="Teams")
    assert archive.meetings.same_day_question(nuit.id, may.date, moving=may.id) is None
    moved_question = "Det finnes allerede et møte i NUIT 25. mai 2023 kl. 09.00. Flytte møtet til samme dag?"
    assert archive.meetings.same_day_question(nuit.id, may.date, moving=autumn.id) == moved_question
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        app.push_screen(AgendaScreen(may.id))
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, MeetingFormScreen) and isinstance(app.focused, Input))
        app.screen.query_one("#start", Input).value = "09.30"  # another start, the same date
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="saved at once: its own date")
        await until(pilot, lambda: archive.meetings.get(may.id).start_time == dt.time(9, 30))
        app.pop_screen()
        app.push_screen(AgendaScreen(autumn.id))
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen) and app.screen.meeting_id == autumn.id)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, MeetingFormScreen) and isinstance(app.focused, Input))
        form = app.screen
        form.query_one("#date", Input).value = ""
        await type_text(pilot, "25.5.2023")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
        assert app.screen.question == moved_question.replace("09.00", "09.30")
        await pilot.press("n")
        await until(pilot, lambda: app.screen is form, what="back in the form")
        assert archive.meetings.get(autumn.id).date == dt.date(2023, 9, 14)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question again")
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="back on the agenda")
        await until(pilot, lambda: archive.meetings.get(autumn.id).date == dt.date(2023, 5, 25), what="moved")
    archive.close()


def test_an_item_deferred_in_the_morning_goes_to_the_afternoon_meeting_of_that_day(archive):
    """Deferral to «the next meeting» skipped a second meeting the same day: the item
    deferred at 3/2023 in the morning waited past 4/2023 that afternoon (only a later day
    took it), and F6 could not pick the afternoon meeting (the service refused «Velg et
    senere møte i samme utvalg»). The next meeting is the next in the body's order: by
    date, then number."""
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    morning = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Teams")
    veikart = archive.agenda.add_item(morning.id, m.AgendaItem(meeting_id=morning.id, title="Veikart", item_type="Drøfting"))
    archive.minutes.defer_to_next_meeting(veikart.id)  # «Neste møte (ikke planlagt ennå)»
    afternoon = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(13), dt.time(15), location="Teams")
    assert [archive.meetings.get(mt.id).ref for mt in (morning, afternoon)] == ["1/2023", "2/2023"]
    items = archive.agenda.items(afternoon.id)
    assert [i.title for i in items] == [
        "Godkjenning av innkalling og dagsorden",
        "Godkjenning av referat fra NUIT 25. mai 2023",
        "Veikart",
        "Eventuelt",
    ]
    assert items[2].deferred_from_id == veikart.id
    assert archive.agenda.case_label(items[2]) == archive.agenda.case_label(archive.agenda.item(veikart.id))
    september = archive.meetings.create(nuit.id, dt.date(2023, 9, 14), dt.time(9), dt.time(12), location="Teams")
    assert "Veikart" not in [i.title for i in archive.agenda.items(september.id)]  # it entered once

    # Deferred to a meeting picked by F6: the afternoon one is later, the morning one is not.
    plan = archive.agenda.add_item(morning.id, m.AgendaItem(meeting_id=morning.id, title="Plan", item_type="Orientering"))
    copy = archive.minutes.defer_item(plan.id, afternoon.id)
    assert copy.meeting_id == afternoon.id and copy.deferred_from_id == plan.id
    back = archive.agenda.add_item(afternoon.id, m.AgendaItem(meeting_id=afternoon.id, title="Tilbake", item_type="Orientering"))
    with pytest.raises(errors.Conflict, match="Velg et senere møte i samme utvalg"):
        archive.minutes.defer_item(back.id, morning.id)
    assert archive.agenda.item(back.id).state is m.ItemState.PLANNED


async def test_f6_offers_the_afternoon_meeting_of_the_same_day(archive):
    """The picker of F6 left out every meeting on the item's own day."""
    from textual.widgets import OptionList

    from nuit_tui.tui.screens.meeting_picker import MeetingPickerScreen

    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    morning = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Teams")
    archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(13), dt.time(15), location="Teams")
    archive.meetings.create(nuit.id, dt.date(2023, 2, 16), dt.time(9), dt.time(12), location="Teams")
    morning = archive.meetings.get(morning.id)  # 2/2023 now: the February meeting is 1/2023
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(MeetingPickerScreen(morning, exclude_meeting_id=morning.id, later_only=True, offer_unplanned=True))
        await until(pilot, lambda: isinstance(app.screen, MeetingPickerScreen))
        options = app.screen.query_one(OptionList)
        await until(pilot, lambda: options.option_count > 0, what="the meetings")
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    assert shown == ["3/2023  25. mai 2023  (Planlagt)", "Neste møte (ikke planlagt ennå)"]


def test_a_follow_up_from_the_morning_meeting_is_heard_at_the_afternoon_meeting(archive):
    """A follow-up made at the morning meeting was not among the afternoon meeting's
    (taken from earlier days only); the body's order is date, then number."""
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    morning = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Teams")
    afternoon = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(13), dt.time(15), location="Teams")
    item = archive.agenda.add_item(morning.id, m.AgendaItem(meeting_id=morning.id, title="Felles journalløft"))
    follow_up = archive.follow_ups.add(m.FollowUp(
        item_id=item.id, description="Invitere til gjennomgang med aktørene", responsible="Direktoratet for e-helse",
    ))
    assert [r.id for r in archive.follow_ups.for_meeting(afternoon.id)] == [follow_up.id]
    assert archive.follow_ups.open_count(afternoon.id) == 1
    carried = archive.follow_ups.carry(afternoon.id, follow_up.id)
    assert carried.title == "Oppfølging: Invitere til gjennomgang med aktørene"
    # Not the other way: the morning meeting does not hear of its own, nor of the afternoon's.
    later = archive.agenda.add_item(afternoon.id, m.AgendaItem(meeting_id=afternoon.id, title="Helsenorge"))
    archive.follow_ups.add(m.FollowUp(item_id=later.id, description="Sende ut en oppdatert innkalling", responsible="KS"))
    assert archive.follow_ups.for_meeting(morning.id) == []
    assert archive.follow_ups.open_count(morning.id) == 0
