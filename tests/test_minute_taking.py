"""Minute-taking through the service: remarks, decisions, deferral, the lock on approved minutes."""

import datetime as dt

import pytest

from nuit_tui.domain import models as m
from nuit_tui.store import errors


def planned_meeting(demo, day=dt.date(2023, 9, 14)):
    nuit = demo.members.body("NUIT")
    return demo.meetings.create(nuit.id, day, dt.time(9), dt.time(15), location="Teams")


def test_remarks_are_added_edited_reordered_and_deleted(demo):
    item = demo.agenda.find_item("NUIT 16/23")
    a = demo.minutes.add_remark(m.Remark(item_id=item.id, speaker="KS", text="første"))
    b = demo.minutes.add_remark(m.Remark(item_id=item.id, speaker="Helse Nord RHF", text="andre"))
    demo.minutes.update_remark(b.model_copy(update={"text": "andre, rettet"}))
    demo.minutes.move_remark(b.id, -1)
    assert [(r.speaker, r.text) for r in demo.minutes.remarks(item.id)] == [("Helse Nord RHF", "andre, rettet"), ("KS", "første")]
    demo.minutes.delete_remark(a.id)
    assert [r.speaker for r in demo.minutes.remarks(item.id)] == ["Helse Nord RHF"]


def test_speakers_are_the_bodys_organisations_and_members(demo):
    names = demo.minutes.speaker_names(demo.meetings.find("NUIT", "2/2023").id)
    assert "Helse Sør-Øst RHF" in names and "KS" in names and "Mariann Hornnes" in names
    assert names.index("Helse Sør-Øst RHF") < names.index("Mariann Hornnes")


def test_adopting_keeps_the_proposal_and_an_amendment_is_kept_apart(demo):
    item = demo.agenda.find_item("NUIT 16/23")
    adopted = demo.minutes.adopt_proposal(item.id)
    assert adopted.decision == adopted.proposed_decision and adopted.state is m.ItemState.HANDLED
    amended = demo.minutes.set_decision(item.id, adopted.proposed_decision + " NUIT ba om en ny runde.")
    assert amended.proposed_decision == item.proposed_decision
    assert amended.decision.endswith("ny runde.")
    # Eventuelt has no proposal to adopt: F3 marks it handled, with no decision (issue 14.7).
    eventuelt = demo.minutes.adopt_proposal(demo.agenda.find_item("NUIT 26/23").id)
    assert eventuelt.state is m.ItemState.HANDLED and eventuelt.decision == ""


def test_a_deferred_item_keeps_its_number_on_the_later_agenda(demo):
    later = planned_meeting(demo)
    item = demo.agenda.find_item("NUIT 23/23")
    copy = demo.minutes.defer_item(item.id, later.id)
    assert demo.agenda.item(item.id).state is m.ItemState.DEFERRED
    assert (demo.agenda.case_label(copy), copy.deferred_from_id, copy.state) == ("23/23", item.id, m.ItemState.PLANNED)
    assert copy.proposed_decision == item.proposed_decision
    # Its documents go along, numbered anew by the later agenda (issue 15.3): the only one there.
    assert [a.title for a in demo.agenda.attachments(copy.id)] == [a.title for a in demo.agenda.attachments(item.id)]
    assert [a.label for a in demo.agenda.attachments(copy.id)] == ["Vedlegg 1"]
    assert [a.label for a in demo.agenda.attachments(item.id)] == ["Vedlegg 10"]
    numbers = [row.case_number for row in demo.agenda.for_meeting(later.id).rows]
    # The new meeting's own items continue after 26/23; the deferred one keeps 23/23.
    assert numbers == ["27/23", "28/23", "23/23", "29/23"]
    with pytest.raises(errors.Conflict):
        demo.minutes.defer_item(demo.agenda.find_item("NUIT 24/23").id, demo.meetings.find("NUIT", "1/2023").id)


def test_approving_the_minutes_locks_them_and_an_unlock_is_recorded(demo):
    first = demo.meetings.find("NUIT", "1/2023")
    approval = demo.agenda.find_item("NUIT 14/23")  # «Godkjenning av referat fra NUIT 16. februar 2023»
    demo.minutes.adopt_proposal(approval.id)
    assert demo.meetings.get(first.id).status is m.MeetingStatus.MINUTES_APPROVED
    assert demo.lock.is_locked(first.id)
    decided = demo.agenda.find_item("NUIT 4/23")
    with pytest.raises(errors.Conflict):
        demo.minutes.set_decision(decided.id, "Endret i ettertid")
    with pytest.raises(errors.Conflict):
        demo.minutes.add_remark(m.Remark(item_id=decided.id, speaker="KS", text="for sent"))
    with pytest.raises(errors.Conflict):
        demo.lock.unlock(first.id, "  ")
    unlock = demo.lock.unlock(first.id, "Skrivefeil i vedtak 4/23")
    demo.minutes.set_decision(decided.id, decided.decision.replace("Helsenorge", "Helsenorge."))
    demo.lock.relock(first.id)
    assert demo.lock.is_locked(first.id)
    assert [(u.reason, u.relocked_at is not None) for u in demo.lock.unlocks(first.id)] == [("Skrivefeil i vedtak 4/23", True)]
    assert unlock.unlocked_at


def test_item_times_keep_the_first_start_and_the_last_end(demo):
    item = demo.agenda.find_item("NUIT 16/23")
    demo.minutes.mark_item_times(item.id, started=dt.time(9, 42))
    demo.minutes.mark_item_times(item.id, ended=dt.time(10, 20))
    demo.minutes.mark_item_times(item.id, started=dt.time(11, 0), ended=dt.time(11, 5))
    stored = demo.agenda.item(item.id)
    assert (stored.started_at, stored.ended_at) == (dt.time(9, 42), dt.time(11, 5))


def test_taking_up_an_item_stamps_times_on_the_meeting_day_only(demo):
    meeting = demo.meetings.find("NUIT", "2/2023")
    first, second = (demo.agenda.find_item(ref) for ref in ("NUIT 16/23", "NUIT 17/23"))
    day_after = dt.datetime.combine(meeting.date + dt.timedelta(days=1), dt.time(9, 30))
    assert demo.minutes.take_up_item(first.id, now=day_after).started_at is None  # written up afterwards
    on_the_day = dt.datetime.combine(meeting.date, dt.time(9, 42, 31))
    assert demo.minutes.take_up_item(first.id, now=on_the_day).started_at == dt.time(9, 42)
    later = dt.datetime.combine(meeting.date, dt.time(10, 20))
    assert demo.minutes.take_up_item(second.id, previous_id=first.id, now=later).started_at == dt.time(10, 20)
    assert demo.agenda.item(first.id).ended_at == dt.time(10, 20)
    back = demo.minutes.take_up_item(first.id, previous_id=second.id, now=dt.datetime.combine(meeting.date, dt.time(11, 0)))
    assert back.started_at == dt.time(9, 42)  # the first start is kept
    assert demo.agenda.item(second.id).ended_at == dt.time(11, 0)
