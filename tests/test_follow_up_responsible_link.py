"""A follow-up's «Ansvarlig» completed to an organisation's name is tied to it.

«Direktoratet for e» + Tab completed to «Direktoratet for e-helse», but the follow-up
stored kept `responsible_organization_id` empty although the organisation exists (the
minutes and the register then knew it by the text only). As a remark's speaker is, a
responsible typed as an organisation's name or short name (or a person's name) is tied
to it by the service, on every way in: a new follow-up, and one corrected. A short name
(«FHI») completes to the name, as the organisation field's does."""

import datetime as dt

import pytest

from conftest import type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services.archive import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.follow_up_form import FollowUpFormScreen
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.widgets.confirm import ConfirmScreen


@pytest.mark.parametrize(
    ("typed", "completed", "short_name"),
    [
        ("Direktoratet for e", "Direktoratet for e-helse", "E-helse"),  # a beginning of its name
        ("fhi", "Folkehelseinstituttet", "FHI"),  # its short name: it asked whether «FHI» was new
    ],
)
async def test_a_responsible_completed_in_meeting_mode_is_tied_to_the_organisation(demo_path, typed, completed, short_name):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    organization = next(o for o in archive.members.organizations() if o.short_name == short_name)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        item_id = app.screen.item.id
        before = len(archive.follow_ups.of_item(item_id))
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, FollowUpFormScreen) and app.focused is not None, what="the form")
        form = app.screen
        await type_text(pilot, "Sende ut veilederen")
        await pilot.press("tab")
        await type_text(pilot, typed)
        await pilot.press("tab")  # completes, nothing asked
        await until(pilot, lambda: form.query_one("#responsible").value == completed)
        assert not isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await until(pilot, lambda: len(archive.follow_ups.of_item(item_id)) == before + 1, what="the follow-up")
    follow_up = archive.follow_ups.of_item(item_id)[-1]
    assert (follow_up.responsible, follow_up.responsible_organization_id) == (completed, organization.id)
    archive.close()


def test_a_corrected_responsible_follows_the_text(demo):
    item = demo.agenda.find_item("NUIT 22/23")
    fhi = next(o for o in demo.members.organizations() if o.short_name == "FHI")
    person = demo.members.people(limit=1)[0]
    made = demo.follow_ups.add(m.FollowUp(item_id=item.id, description="Svare", responsible="FHI", due_date=dt.date(2023, 9, 1)))
    assert (made.responsible_organization_id, made.responsible_person_id) == (fhi.id, None)  # by its short name
    moved = demo.follow_ups.update(made, {"responsible": person.name})
    assert (moved.responsible_organization_id, moved.responsible_person_id) == (None, person.id)
    free = demo.follow_ups.update(moved, {"responsible": "Noen i sekretariatet"})
    assert (free.responsible_organization_id, free.responsible_person_id) == (None, None)
    # Another field corrected: a link made otherwise (no text typed) stays.
    tied = demo.follow_ups.add(m.FollowUp(item_id=item.id, description="Svare", responsible_organization_id=fhi.id))
    assert demo.follow_ups.update(tied, {"description": "Svare FHI"}).responsible_organization_id == fhi.id
