"""An agenda ends by midnight of its day: the agenda service refuses what would run an
entry past it, not only the forms (the break form, the item form)."""

from __future__ import annotations

import datetime as dt

import pytest

from nuit_tui.services import Archive
from nuit_tui.store import errors


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
    assert not archive.agenda.for_meeting(meeting.id).plan.past_midnight
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
