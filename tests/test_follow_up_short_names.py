"""«Ansvarlig» in the follow-up form completes an organisation's short name, as the
organisation field does: «FHI» + Tab asked whether «FHI» was a new responsible (and a
secretary who said no lost it), though Folkehelseinstituttet is in the registry. Now it
completes to the name, and the follow-up is tied to the organisation (`_tied`)."""

from conftest import type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services.archive import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.follow_up_form import FollowUpFormScreen
from nuit_tui.tui.screens.follow_ups import FollowUpsScreen
from nuit_tui.tui.widgets.confirm import ConfirmScreen


async def test_a_short_name_typed_in_the_registers_form_completes_on_enter(demo_path):
    archive = Archive.open(demo_path)
    directorate = next(o for o in archive.members.organizations() if o.short_name == "E-helse")
    item = archive.agenda.items(archive.meetings.find("NUIT", "2/2023").id)[2]
    made = archive.follow_ups.add(m.FollowUp(item_id=item.id, description="Svare", responsible="Sekretariatet"))
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        app.push_screen(FollowUpsScreen())
        await until(pilot, lambda: isinstance(app.screen, FollowUpsScreen) and bool(app.screen.rows))
        row = app.screen._selected_row()
        assert row.id == made.id
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FollowUpFormScreen) and app.focused is not None, what="the form")
        form = app.screen
        form.query_one("#responsible").focus()
        await pilot.pause()
        form.query_one("#responsible").value = ""
        await type_text(pilot, "E-helse")
        await pilot.press("enter")  # completes and saves, nothing asked
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        await until(pilot, lambda: archive.follow_ups.get(row.id).responsible == "Direktoratet for e-helse", what="saved")
    assert archive.follow_ups.get(row.id).responsible_organization_id == directorate.id
    archive.close()
