"""Enter on a typed beginning of several names in «Fra (innledere)» says «Flere treff: …
– skriv mer»; the field had been emptied, so what was typed was gone and «skriv mer»
meant typing it all again. The text stays, the cursor at its end, and typing on picks one.
With a completion shown, Enter and Tab take it (what is shown is what is taken)."""

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
        field._suggestion = ""  # Enter typed before the completion came (in a burst)
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


async def test_enter_and_tab_take_the_completion_shown(demo_path):
    """«Ma» showing «Maren Krogh»: Enter said «Flere treff … skriv mer», and the next name
    typed was glued to «Ma» («MaØystein Ærlig-Åsen»). Enter takes what is shown; so does
    Tab, which then goes on to the next field."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        screen = await to_presenters(pilot, meeting.id)
        item_id = screen.item_id
        before = presenters(archive, item_id)
        field = app.focused
        await type_text(pilot, "Terje")
        await until(pilot, lambda: field._suggestion == "Terje Jørgensen", what="the completion shown")
        await pilot.press("enter")
        await until(pilot, lambda: presenters(archive, item_id) == [*before, "Terje Jørgensen"], what="the one shown, saved")
        assert field.value == "" and app.focused is field
        await type_text(pilot, "Terje W")
        await until(pilot, lambda: field._suggestion == "Terje Wistner", what="the completion shown")
        await pilot.press("tab")
        await until(pilot, lambda: presenters(archive, item_id) == [*before, "Terje Jørgensen", "Terje Wistner"], what="Tab took it")
        assert field.value == "" and app.focused is not field
        assert not any(n.message.startswith("Flere treff") for n in app._notifications)
    archive.close()
