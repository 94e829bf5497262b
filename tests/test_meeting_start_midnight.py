"""t (Tid og sted) moves a meeting's start; its agenda comes along, and it may not run past
midnight any more than an entry may (an entry may end at midnight exactly). NUIT 2/2023's
items last 400 minutes: from 17.21 the last ended «kl. 00.01» neste dag, taken without a
word. The form says the latest start and keeps what was typed; the service refuses it too."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input

from conftest import type_text, until
from nuit_tui.services import Archive
from nuit_tui.store import errors
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.meeting_form import MeetingFormScreen

LATEST = "Start kan være senest kl. 17.20: dagsordenen må slutte senest ved midnatt"


def test_the_service_refuses_a_start_that_runs_the_agenda_past_midnight(demo):
    meeting = demo.meetings.find("NUIT", "2/2023")
    with pytest.raises(errors.Conflict) as refused:
        demo.meetings.update(meeting.model_copy(update={"start_time": dt.time(17, 21), "end_time": dt.time(23)}))
    assert str(refused.value) == f"{LATEST}, og fra kl. 17.21 ville den slutte kl. 00.01 neste dag"
    assert demo.meetings.get(meeting.id).start_time == dt.time(9)
    moved = demo.meetings.update(meeting.model_copy(update={"start_time": dt.time(17, 20), "end_time": dt.time(23)}))
    assert moved.start_time == dt.time(17, 20)
    assert demo.agenda.for_meeting(meeting.id).plan.finish_minute == 24 * 60  # at midnight: as an entry may


async def test_t_says_the_latest_start_in_the_form_and_changes_nothing(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.pause()
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, MeetingFormScreen) and isinstance(app.focused, Input), what="the form")
        form = app.screen
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "17.21")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "23.00")
        await pilot.press("enter")
        error = form.query_one("#form-error")
        await until(pilot, lambda: str(error.render()).startswith(LATEST), what="the refusal in the form")
        await pilot.pause()
        assert app.screen is form and app.focused is form.query_one("#start", Input)
        assert [form.query_one(f"#{name}", Input).value for name in ("start", "end")] == ["17.21", "23.00"]
        assert (archive.meetings.get(meeting.id).start_time, archive.meetings.get(meeting.id).end_time) == (dt.time(9), dt.time(15, 45))

        await pilot.press("ctrl+u")
        await type_text(pilot, "17.20")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="back on the agenda")
        await until(pilot, lambda: archive.meetings.get(meeting.id).start_time == dt.time(17, 20), what="saved")
    archive.close()


def test_the_latest_start_counts_the_fixed_starts_and_a_plan_already_past_midnight():
    from nuit_tui.domain.durations import meeting_start_refusal
    from nuit_tui.domain.timeplan import PlanEntry

    # 60 minutes, then a guest fixed at 22.00 for 30: the fixed part ends 22.30, whatever the start.
    entries = [PlanEntry(1, 60), PlanEntry(2, 30, dt.time(22))]
    assert meeting_start_refusal(entries, dt.time(21, 30), dt.time(9)) is None  # to 22.00, then 22.00–22.30
    assert meeting_start_refusal(entries, dt.time(22, 30), dt.time(9)) is None  # ends at midnight exactly
    said = meeting_start_refusal(entries, dt.time(22, 31), dt.time(9))
    assert said == "Start kan være senest kl. 22.30: dagsordenen må slutte senest ved midnatt, og fra kl. 22.31 ville den slutte kl. 00.01 neste dag"
    # Stored past midnight already (a fixed start at 23.50 for 30): a start that leaves its
    # end where it was is not refused; one that takes it later is, from where it ended.
    late = [PlanEntry(1, 60), PlanEntry(2, 30, dt.time(23, 50))]
    assert meeting_start_refusal(late, dt.time(22, 50), dt.time(9)) is None
    assert meeting_start_refusal(late, dt.time(22, 51), dt.time(9)) == (
        "Start kan være senest kl. 22.50: dagsordenen må slutte senest kl. 00.20 neste dag, som nå,"
        " og fra kl. 22.51 ville den slutte kl. 00.21 neste dag"
    )
