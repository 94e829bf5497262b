"""An agenda ends by midnight of its day: the agenda service refuses what would run an
entry past it, not only the forms (the break form, the item form); n and a later fixed
start too, in the service, the item form and on the agenda."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input

from conftest import type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.store import errors
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.item import ItemScreen


def test_k_from_a_template_refuses_a_late_start_whose_items_run_past_midnight(demo_path):
    """NUIT 2/2023 holds a day's items (09.00–15.45); copied into a meeting from 22.00 they
    ran to the next morning, each entry past midnight shown «kl. 00.30–01.15». Now the copy
    is refused, and no meeting is made (one transaction); from 09.00 it is copied as before."""
    archive = Archive.open(demo_path)
    template = archive.meetings.find("NUIT", "2/2023")
    nuit = archive.members.body("NUIT")
    before = [(mt.id, mt.ref) for mt in archive.store.find_by(type(template), body_id=nuit.id)]
    with pytest.raises(errors.Conflict) as refused:
        archive.agenda.create_meeting_from(template.id, dt.date(2023, 9, 14), dt.time(22), dt.time(23, 59), location="Teams")
    said = str(refused.value)
    assert said.startswith("Sakene fra møte 2/2023 går over midnatt: dagsordenen fra kl. 22.00 ville slutte kl. ")
    assert said.endswith(" neste dag; velg et tidligere starttidspunkt")
    assert [(mt.id, mt.ref) for mt in archive.store.find_by(type(template), body_id=nuit.id)] == before  # nothing made
    meeting, copied = archive.agenda.create_meeting_from(template.id, dt.date(2023, 9, 14), dt.time(9), dt.time(15, 45))
    assert copied == 14
    plan = archive.agenda.for_meeting(meeting.id).plan
    assert not plan.past_midnight
    # From the latest start the agenda ends at midnight exactly, which stands (as for one
    # entry); a minute later is refused.
    latest = 24 * 60 - (plan.finish_minute - 9 * 60)
    late = dt.time(latest // 60, latest % 60)
    made, _ = archive.agenda.create_meeting_from(template.id, dt.date(2023, 9, 21), late, dt.time(23, 59), location="Teams")
    assert archive.agenda.for_meeting(made.id).plan.finish_minute == 24 * 60
    with pytest.raises(errors.Conflict):
        archive.agenda.create_meeting_from(template.id, dt.date(2023, 9, 28), dt.time((latest + 1) // 60, (latest + 1) % 60), dt.time(23, 59), location="Teams")
    archive.close()


def test_an_item_made_longer_through_the_service_may_not_run_past_midnight(demo_path):
    """update_item refused only a break made longer past midnight; an ordinary item was
    saved with any length (the item form refused it, the service did not)."""
    archive = Archive.open(demo_path)
    nuit = archive.members.body("NUIT")
    meeting = archive.meetings.create(nuit.id, dt.date(2023, 9, 14), dt.time(23), dt.time(23, 59), location="Teams")
    first = archive.agenda.items(meeting.id)[0]  # «Godkjenning av innkalling og dagsorden», from 23.00
    assert not first.is_break
    with pytest.raises(errors.Conflict) as refused:
        archive.agenda.update_item(first.model_copy(update={"duration_minutes": 90}))
    assert str(refused.value) == "Varighet kan være høyst 60 minutter: saken starter kl. 23.00 og må slutte senest ved midnatt"
    assert archive.agenda.item(first.id).duration_minutes == first.duration_minutes  # nothing changed
    # Up to midnight, shorter, and other fields are taken.
    saved = archive.agenda.update_item(first.model_copy(update={"duration_minutes": 60, "title": "Godkjenning av innkalling"}))
    assert (saved.duration_minutes, saved.title) == (60, "Godkjenning av innkalling")
    saved = archive.agenda.update_item(saved.model_copy(update={"duration_minutes": 5}))
    assert archive.agenda.item(first.id).duration_minutes == 5
    archive.close()


def late_meeting(archive, start: dt.time) -> m.Meeting:
    """A NUIT meeting on 14 September 2023 from `start`: «Godkjenning av innkalling» (5 min),
    «Godkjenning av referat» (10 min), then «Eventuelt»; a new item goes in at `start` + 15 min."""
    nuit = archive.members.body("NUIT")
    return archive.meetings.create(nuit.id, dt.date(2023, 9, 14), start, dt.time(23, 59), location="Teams")


def agenda_of(archive, meeting_id):
    return [(row.item.title, row.item.duration_minutes, row.item.fixed_start) for row in archive.agenda.for_meeting(meeting_id).rows]


N_REFUSED = (
    "Ingen ny sak: den får 30 minutter. Varighet kan være høyst 10 minutter:"
    " saken starter kl. 23.50 og må slutte senest ved midnatt"
)


def test_n_and_a_carried_follow_up_may_not_run_past_midnight(demo_path):
    """n's new item (30 minutes, before «Eventuelt») was added from 23.50 and shown
    «kl. 23.50–00.20»; a follow-up carried onto the agenda likewise. Now both are refused as
    + and the forms refuse, nothing added; up to midnight is taken as before."""
    archive = Archive.open(demo_path)
    meeting = late_meeting(archive, dt.time(23, 35))
    before = agenda_of(archive, meeting.id)
    assert archive.agenda.new_entry_start(meeting.id) == 23 * 60 + 50
    with pytest.raises(errors.Conflict) as refused:
        archive.agenda.add_item(meeting.id)
    assert str(refused.value) == N_REFUSED
    assert archive.agenda.new_item_refusal(meeting.id) == N_REFUSED  # what n asks before its form opens
    assert agenda_of(archive, meeting.id) == before
    # A follow-up of NUIT 1/2023 (10 minutes on the agenda) fits; a second one no more.
    held = archive.meetings.find("NUIT", "1/2023")
    source = archive.agenda.items(held.id)[2]
    one, two = (
        archive.follow_ups.add(m.FollowUp(item_id=source.id, description=text, responsible="KS"))
        for text in ("Sende ut en oppdatert innkalling", "Invitere til gjennomgang")
    )
    archive.follow_ups.carry(meeting.id, one.id)
    with pytest.raises(errors.Conflict, match="^Varighet kan være høyst 0 minutter: "):
        archive.follow_ups.carry(meeting.id, two.id)
    assert len(archive.agenda.items(meeting.id)) == len(before) + 1
    # From 23.15 the new item starts at 23.30 and ends at midnight: taken.
    fits = late_meeting(archive, dt.time(23, 15))
    assert archive.agenda.new_item_refusal(fits.id) is None
    added = archive.agenda.add_item(fits.id)
    assert next(r.end for r in archive.agenda.for_meeting(fits.id).rows if r.item.id == added.id) == dt.time(0, 0)
    archive.close()


def test_a_fixed_start_moved_later_may_not_take_the_item_past_midnight(demo_path):
    """An item of 30 minutes given the fixed start 23.40 was saved, «kl. 23.40–00.10»: only a
    longer duration was checked. Now a later start is refused with the latest it may have;
    an earlier one, or a shorter item, is taken, and its stored length stands when the entries
    before it grow."""
    archive = Archive.open(demo_path)
    meeting = late_meeting(archive, dt.time(23))
    item = archive.agenda.add_item(meeting.id)  # 23.15–23.45
    said = "Fast starttid kan være senest kl. 23.30: saken varer 30 minutter og må slutte senest ved midnatt"
    with pytest.raises(errors.Conflict) as refused:
        archive.agenda.update_item(item.model_copy(update={"fixed_start": dt.time(23, 40)}))
    assert str(refused.value) == said
    assert archive.agenda.fixed_start_refusal(item.id, dt.time(23, 40), 30) == said  # what the item form asks
    assert archive.agenda.item(item.id).fixed_start is None  # nothing changed
    saved = archive.agenda.update_item(item.model_copy(update={"fixed_start": dt.time(23, 30)}))
    assert saved.fixed_start == dt.time(23, 30)
    saved = archive.agenda.update_item(saved.model_copy(update={"fixed_start": dt.time(23, 50), "duration_minutes": 10}))
    assert (saved.fixed_start, saved.duration_minutes) == (dt.time(23, 50), 10)
    saved = archive.agenda.update_item(saved.model_copy(update={"fixed_start": dt.time(23, 15), "duration_minutes": 30}))
    # The items before it grow past its fixed start (23.15): it now runs to 00.25, and stands.
    first = archive.agenda.items(meeting.id)[0]
    archive.agenda.set_duration(first.id, 45)
    assert archive.agenda.start_minute(item.id, saved.fixed_start) == 23 * 60 + 55
    saved = archive.agenda.update_item(saved.model_copy(update={"title": "Veikart"}))
    assert (saved.title, saved.fixed_start, saved.duration_minutes) == ("Veikart", dt.time(23, 15), 30)
    archive.close()


async def test_n_on_a_late_agenda_says_why_and_the_title_typed_after_it_is_no_keys(demo_path):
    """n opened «Ny sak» from 23.50 to 00.20; now nothing is made, the agenda says why, and a
    title typed on after n is no keys («Veikart»: i opened the notice's export form)."""
    archive = Archive.open(demo_path)
    meeting = late_meeting(archive, dt.time(23, 35))
    before = agenda_of(archive, meeting.id)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(AgendaScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        screen = app.screen
        await type_text(pilot, "nVeikart")
        await until(pilot, lambda: N_REFUSED in [n.message for n in app._notifications], what="the refusal")
        assert app.screen is screen
        await until(pilot, lambda: "Ikke brukt (skrevet etter n): «Veikart»" in [n.message for n in app._notifications])
        assert app.screen is screen
    assert agenda_of(archive, meeting.id) == before
    archive.close()


async def test_the_item_form_holds_back_a_later_fixed_start_that_runs_past_midnight(demo_path):
    """The item form checked a fixed start's duration only when the duration was typed anew:
    «23.40» for an item of 30 minutes was saved. Now the fixed start is held back and the
    form says the latest it may be; the rest of the form is saved, and 23.30 is taken."""
    archive = Archive.open(demo_path)
    meeting = late_meeting(archive, dt.time(23))
    item = archive.agenda.add_item(meeting.id)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        app.push_screen(ItemScreen(item.id))
        await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "title", what="the title focused")
        await pilot.press("ctrl+u")
        await type_text(pilot, "Veikart")
        await pilot.press("tab", "tab", "tab")
        assert app.focused is not None and app.focused.id == "fixed_start"
        await type_text(pilot, "23.40")
        await pilot.press("tab")
        state = app.screen.query_one("#save-state")
        await until(pilot, lambda: "Ikke lagret" in str(state.render()), what="held back")
        assert "Fast starttid kan være senest kl. 23.30: saken varer 30 minutter" in str(state.render())
        await until(pilot, lambda: archive.agenda.item(item.id).title == "Veikart", what="the title saved")
        assert archive.agenda.item(item.id).fixed_start is None
        await pilot.press("shift+tab", "ctrl+u")
        await type_text(pilot, "23.30")
        await pilot.press("tab")
        await until(pilot, lambda: archive.agenda.item(item.id).fixed_start == dt.time(23, 30), what="23.30 saved")
    archive.close()


async def test_k_refused_for_running_past_midnight_keeps_the_form_as_typed(demo_path):
    """k from NUIT 2/2023 into a meeting from 22.00 was refused after the form had closed:
    the secretary was back on the meeting list and typed date and times again. Now the form
    stays open with the refusal and what was typed; an earlier start makes the meeting."""
    from nuit_tui.tui.screens.meeting_form import MeetingFormScreen
    from nuit_tui.tui.screens.meetings import MeetingsScreen, MeetingsTable

    archive = Archive.open(demo_path)
    template = archive.meetings.find("NUIT", "2/2023")
    nuit = archive.members.body("NUIT")
    before = len(archive.meetings.page(nuit.id, limit=100))
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await until(pilot, lambda: app.screen.query_one(MeetingsTable).selected_meeting_id == template.id)
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, MeetingFormScreen) and isinstance(app.focused, Input))
        form = app.screen
        await type_text(pilot, "14.9.2023")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "22.00")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "23.59")
        await pilot.press("enter")
        error = form.query_one("#form-error")
        await until(pilot, lambda: "går over midnatt" in str(error.render()), what="the refusal in the form")
        assert str(error.render()).startswith("Sakene fra møte 2/2023 går over midnatt: dagsordenen fra kl. 22.00")
        assert app.screen is form
        typed = [form.query_one(f"#{name}", Input).value for name in ("date", "start", "end", "location")]
        assert typed[:3] == ["14.9.2023", "22.00", "23.59"] and typed[3] == (template.location or "")
        assert len(archive.meetings.page(nuit.id, limit=100)) == before  # nothing made
        form.query_one("#start", Input).focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "09.00")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "15.45")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="the new meeting's agenda")
        assert f"Møte 3/2023 er opprettet med 14 punkter fra {template.ref}" in [n.message for n in app._notifications]
    made = archive.meetings.find("NUIT", "3/2023")
    assert (made.date, made.start_time, made.end_time) == (dt.date(2023, 9, 14), dt.time(9), dt.time(15, 45))
    assert len(archive.meetings.page(nuit.id, limit=100)) == before + 1
    archive.close()
