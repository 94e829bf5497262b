"""Minute-taking through the service: remarks, decisions, deferral, the lock on approved minutes."""

import datetime as dt

import pytest

from nuit_tui.domain import models as m
from nuit_tui.store import errors


def planned_meeting(demo, day=dt.date(2023, 9, 14)):
    nuit = demo.body("NUIT")
    return demo.create_meeting(nuit.id, day, dt.time(9), dt.time(15), location="Teams")


def test_remarks_are_added_edited_reordered_and_deleted(demo):
    item = demo.find_item("NUIT 16/23")
    a = demo.add_remark(m.Remark(item_id=item.id, speaker="KS", text="første"))
    b = demo.add_remark(m.Remark(item_id=item.id, speaker="Helse Nord RHF", text="andre"))
    demo.update_remark(b.model_copy(update={"text": "andre, rettet"}))
    demo.move_remark(b.id, -1)
    assert [(r.speaker, r.text) for r in demo.remarks(item.id)] == [("Helse Nord RHF", "andre, rettet"), ("KS", "første")]
    demo.delete_remark(a.id)
    assert [r.speaker for r in demo.remarks(item.id)] == ["Helse Nord RHF"]


def test_speakers_are_the_bodys_organisations_and_members(demo):
    names = demo.speaker_names(demo.find_meeting("NUIT", "2/2023").id)
    assert "Helse Sør-Øst RHF" in names and "KS" in names and "Mariann Hornnes" in names
    assert names.index("Helse Sør-Øst RHF") < names.index("Mariann Hornnes")


def test_adopting_keeps_the_proposal_and_an_amendment_is_kept_apart(demo):
    item = demo.find_item("NUIT 16/23")
    adopted = demo.adopt_proposal(item.id)
    assert adopted.decision == adopted.proposed_decision and adopted.state is m.ItemState.HANDLED
    amended = demo.set_decision(item.id, adopted.proposed_decision + " NUIT ba om en ny runde.")
    assert amended.proposed_decision == item.proposed_decision
    assert amended.decision.endswith("ny runde.")
    with pytest.raises(errors.Conflict):
        demo.adopt_proposal(demo.find_item("NUIT 26/23").id)  # Eventuelt has no proposal


def test_a_deferred_item_keeps_its_number_on_the_later_agenda(demo):
    later = planned_meeting(demo)
    item = demo.find_item("NUIT 23/23")
    copy = demo.defer_item(item.id, later.id)
    assert demo.item(item.id).state is m.ItemState.DEFERRED
    assert (demo.case_label(copy), copy.deferred_from_id, copy.state) == ("23/23", item.id, m.ItemState.PLANNED)
    assert copy.proposed_decision == item.proposed_decision
    assert [a.label for a in demo.attachments(copy.id)] == [a.label for a in demo.attachments(item.id)]
    numbers = [row.case_number for row in demo.agenda(later.id).rows]
    # The new meeting's own items continue after 26/23; the deferred one keeps 23/23.
    assert numbers == ["27/23", "28/23", "23/23", "29/23"]
    with pytest.raises(errors.Conflict):
        demo.defer_item(demo.find_item("NUIT 24/23").id, demo.find_meeting("NUIT", "1/2023").id)


def test_approving_the_minutes_locks_them_and_an_unlock_is_recorded(demo):
    first = demo.find_meeting("NUIT", "1/2023")
    approval = demo.find_item("NUIT 14/23")  # «Godkjenning av referat fra NUIT 16. februar 2023»
    demo.adopt_proposal(approval.id)
    assert demo.meeting(first.id).status is m.MeetingStatus.MINUTES_APPROVED
    assert demo.minutes_locked(first.id)
    decided = demo.find_item("NUIT 4/23")
    with pytest.raises(errors.Conflict):
        demo.set_decision(decided.id, "Endret i ettertid")
    with pytest.raises(errors.Conflict):
        demo.add_remark(m.Remark(item_id=decided.id, speaker="KS", text="for sent"))
    with pytest.raises(errors.Conflict):
        demo.unlock_minutes(first.id, "  ")
    unlock = demo.unlock_minutes(first.id, "Skrivefeil i vedtak 4/23")
    demo.set_decision(decided.id, decided.decision.replace("Helsenorge", "Helsenorge."))
    demo.relock_minutes(first.id)
    assert demo.minutes_locked(first.id)
    assert [(u.reason, u.relocked_at is not None) for u in demo.unlocks(first.id)] == [("Skrivefeil i vedtak 4/23", True)]
    assert unlock.unlocked_at


def test_item_times_keep_the_first_start_and_the_last_end(demo):
    item = demo.find_item("NUIT 16/23")
    demo.mark_item_times(item.id, started=dt.time(9, 42))
    demo.mark_item_times(item.id, ended=dt.time(10, 20))
    demo.mark_item_times(item.id, started=dt.time(11, 0), ended=dt.time(11, 5))
    stored = demo.item(item.id)
    assert (stored.started_at, stored.ended_at) == (dt.time(9, 42), dt.time(11, 5))
