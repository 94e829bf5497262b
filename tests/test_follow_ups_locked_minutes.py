"""Follow-ups of approved minutes: what the minutes say of them (what, who, by when) is
locked with the minutes; closing and reopening them is tracking and goes on. Driven by
keys where a secretary meets it, and checked in the archive."""

import datetime as dt

import pytest
from textual.widgets import DataTable

from conftest import type_text, until
from nuit_tui.domain import models as m
from nuit_tui.domain.follow_ups import MINUTES_WORDS, TRACKING, locked_minutes_refusal
from nuit_tui.services import Archive
from nuit_tui.store import errors
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.follow_ups import FollowUpsScreen
from test_meeting_day_ui import open_meeting_mode

SAID = (
    "Referatet fra møte 1/2023 er godkjent og låst, med oppfølgingene slik de står i det;"
    " lås det opp først (med begrunnelse). Lukke og gjenåpne går likevel"
)


def test_every_field_of_a_follow_up_is_the_minutes_words_or_its_tracking():
    """A new field says which it is: else the lock lets it through, or stops a closing."""
    own = set(m.FollowUp.model_fields) - set(m.Versioned.model_fields)
    assert own == MINUTES_WORDS | TRACKING and not MINUTES_WORDS & TRACKING
    assert locked_minutes_refusal("1/2023", {"status", "closed_on", "closing_note"}) is None
    assert locked_minutes_refusal("1/2023", {"due_date", "closing_note"}) == SAID


def approved_minutes(tmp_path):
    """NUIT 1/2023, its minutes approved (so locked), an item with one follow-up."""
    archive = Archive.open(tmp_path / "nuit.sqlite")
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(nuit.id, dt.date(2023, 2, 16), dt.time(9), dt.time(15), location="Teams")
    item = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Felles journalløft", duration_minutes=30))
    follow_up = archive.follow_ups.add(
        m.FollowUp(item_id=item.id, description="Invitere til gjennomgang", responsible="Direktoratet", due_date=dt.date(2023, 4, 1))
    )
    for status in (m.MeetingStatus.NOTICE_SENT, m.MeetingStatus.HELD, m.MeetingStatus.MINUTES_APPROVED):
        archive.meetings.set_status(meeting.id, status)
    assert archive.lock.is_locked(meeting.id)
    return archive, meeting, item, follow_up


def test_the_minutes_words_of_a_follow_up_are_locked_with_the_minutes_and_its_tracking_is_not(tmp_path):
    archive, meeting, item, follow_up = approved_minutes(tmp_path)
    with pytest.raises(errors.Conflict) as refused:
        archive.follow_ups.update(follow_up, {"description": "Invitere til seminar"})
    assert str(refused.value) == SAID
    with pytest.raises(errors.Conflict, match="godkjent og låst"):
        archive.follow_ups.add(m.FollowUp(item_id=item.id, description="Sende brev"))
    with pytest.raises(errors.Conflict, match="godkjent og låst"):
        archive.undo.delete_follow_up(follow_up.id, "oppfølgingen «Invitere til gjennomgang»")
    assert archive.follow_ups.of_item(item.id) == [follow_up]
    # Closed a year on, reopened: tracking, not a change of the minutes.
    closed = archive.follow_ups.close(follow_up.id, on=dt.date(2024, 3, 1), note="Holdt")
    assert (closed.status, closed.closed_on) == (m.FollowUpStatus.DONE, dt.date(2024, 3, 1))
    reopened = archive.follow_ups.reopen(follow_up.id)
    assert (reopened.description, reopened.responsible, reopened.due_date) == (
        "Invitere til gjennomgang", "Direktoratet", dt.date(2023, 4, 1)
    )
    # Unlocked (the reason recorded), the words are put right as the rest of the minutes are.
    archive.lock.unlock(meeting.id, "Feil frist i oppfølgingen")
    corrected = archive.follow_ups.update(reopened, {"due_date": dt.date(2023, 5, 1)})
    assert corrected.due_date == dt.date(2023, 5, 1)
    archive.lock.relock(meeting.id)
    with pytest.raises(errors.Conflict, match="godkjent og låst"):
        archive.follow_ups.update(corrected, {"responsible": "KS"})
    archive.close()


async def test_e_and_delete_on_a_follow_up_of_approved_minutes_say_so_and_l_and_g_still_work(tmp_path, monkeypatch):
    """e opened «Endre oppfølging» and saved a new text into approved minutes; now it says
    why at once, as Delete does, and the follow-up is closed and reopened as before."""
    from nuit_tui.tui.widgets import refused_typing

    monkeypatch.setattr(refused_typing, "PAUSE_SECONDS", 0.2)  # a pause, shortened for the test
    archive, _, _, follow_up = approved_minutes(tmp_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen) and app.screen.query_one(DataTable).row_count == 1)
        screen = app.screen
        await pilot.press("e")
        await until(pilot, lambda: SAID in [n.message for n in app._notifications], what="the refusal")
        assert app.screen is screen  # no form to type in vain
        await type_text(pilot, "x")  # (had a form opened, this went into it): no key, and named
        await until(pilot, lambda: "Ikke brukt (skrevet etter e): «x»" in [n.message for n in app._notifications])
        await pilot.press("delete")  # after a pause: a key again
        await until(pilot, lambda: [n.message for n in app._notifications].count(SAID) == 2, what="the refusal of Delete")
        assert app.screen is screen
        assert [n.severity for n in app._notifications if n.message == SAID] == ["warning", "warning"]
        assert archive.follow_ups.get(follow_up.id) == follow_up

        await pilot.press("l")
        await type_text(pilot, "Gjennomgang holdt")
        await pilot.press("enter")
        await until(pilot, lambda: archive.follow_ups.get(follow_up.id).status is m.FollowUpStatus.DONE, what="closed")
        assert archive.follow_ups.get(follow_up.id).closing_note == "Gjennomgang holdt"
        await pilot.press("s", "s")  # open → overdue → done
        await until(pilot, lambda: screen.query_one(DataTable).row_count == 1, what="the done one listed")
        await pilot.press("g")
        await until(pilot, lambda: archive.follow_ups.get(follow_up.id).status is m.FollowUpStatus.OPEN, what="reopened")
    stored = archive.follow_ups.get(follow_up.id)
    assert (stored.description, stored.responsible, stored.due_date) == (
        follow_up.description, follow_up.responsible, follow_up.due_date
    )
    archive.close()


async def test_f4_in_meeting_mode_on_approved_minutes_says_so_and_opens_no_form(demo_path):
    """F4 opened «Ny oppfølging» on minutes approved long since; what was typed was refused
    only once it was saved. Now it is refused at once, as F2 is."""
    from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen

    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "1/2022")  # approved, so locked
    assert archive.lock.is_locked(meeting.id)
    item = next(r.item for r in archive.agenda.for_meeting(meeting.id).rows if not r.item.is_break)
    before = archive.follow_ups.of_item(item.id)
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        screen = app.screen
        await pilot.press("f4")
        await until(pilot, lambda: any("godkjent og låst" in n.message for n in app._notifications), what="the refusal")
        assert app.screen is screen and isinstance(screen, MeetingModeScreen)
    assert archive.follow_ups.of_item(item.id) == before
    archive.close()
