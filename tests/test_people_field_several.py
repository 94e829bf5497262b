"""Enter on a typed beginning of several names in «Fra (innledere)» says «Flere treff: …
– skriv mer»; the field had been emptied, so what was typed was gone and «skriv mer»
meant typing it all again. The text stays, the cursor at its end, and typing on picks one."""

from conftest import type_text, until
from nuit_tui.services.archive import Archive
from nuit_tui.tui.app import NuitApp
from test_item_people_on_leaving import presenters, to_presenters


async def test_enter_on_a_beginning_of_several_keeps_it_to_type_on(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        screen = await to_presenters(pilot, meeting.id)
        item_id = screen.item_id
        before = presenters(archive, item_id)
        field = app.focused
        await type_text(pilot, "Terje")  # Terje Jørgensen and Terje Wistner
        await pilot.press("enter")
        await until(pilot, lambda: any(n.message.startswith("Flere treff: ") for n in app._notifications), what="the warning")
        assert field.value == "Terje"
        assert field.cursor_position == len("Terje")
        assert presenters(archive, item_id) == before

        await type_text(pilot, " W")
        await pilot.press("enter")
        await until(pilot, lambda: presenters(archive, item_id) == [*before, "Terje Wistner"], what="the presenter saved")
        assert field.value == ""
        assert [p.name for p in screen.query_one("#presenters").people][-1] == "Terje Wistner"
    archive.close()
