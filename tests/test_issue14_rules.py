"""Issue 14's rules of a meeting's life, driven by keys and checked in the SQLite file:
Eventuelt can be marked handled (7), a cancelled or mistaken meeting gives its case numbers
back (5), the previous minutes' title follows the date (3), and deferral to a meeting not yet
planned (8)."""

from __future__ import annotations

import datetime as dt

from conftest import run
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
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


def test_f3_without_a_proposal_on_a_decision_item_is_refused_and_changes_nothing(archive):
    from nuit_tui.store import errors

    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), standard_items=False)
    item = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Budsjett", item_type="Beslutning"))
    try:
        archive.minutes.adopt_proposal(item.id)
    except errors.Conflict as refused:
        assert "forslag" in str(refused)
    else:
        raise AssertionError("a Beslutning item without a proposal was closed without a decision")
    assert archive.agenda.item(item.id).state is m.ItemState.PLANNED
