"""Text typed while a list has the focus is never lost unseen.

A new user in meeting mode closed a remark (Escape: the remarks table has the focus),
pressed Shift+Tab twice and typed on, believing she was in «Referat»: the focus was on
the agenda list down the side, and a sentence and «[innspill]» vanished without a sign.
A list takes no text: the first letter says so, and what was typed is named once the
burst is over (widgets/refused_typing.py), as for a key whose form cannot open."""

from conftest import burst, type_text, until
from nuit_tui.services.archive import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.screens.meeting_mode_widgets import MeetingAgenda, RemarksTable


def said(app) -> list[str]:
    return [n.message for n in app._notifications]


async def meeting_mode(pilot, meeting_id: int) -> None:
    app = pilot.app
    app.push_screen(AgendaScreen(meeting_id))
    await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="the agenda")
    await pilot.pause()
    await pilot.press("m")
    await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None, what="meeting mode")
    await pilot.pause()


async def test_text_typed_on_the_agenda_list_is_named_and_its_keys_still_work(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        await meeting_mode(pilot, meeting.id)
        screen = app.screen
        first = screen.item
        narrative = first.narrative
        await pilot.press("f2")
        await type_text(pilot, "KS")
        await pilot.press("enter")
        await type_text(pilot, "spurte om tidsplanen")
        await until(pilot, lambda: "spurte om tidsplanen" in [r.text for r in archive.minutes.remarks(first.id)])
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(screen.focused, RemarksTable), what="the remarks table")
        await pilot.press("shift+tab", "shift+tab")
        await until(pilot, lambda: isinstance(screen.focused, MeetingAgenda), what="the agenda list")

        await type_text(pilot, "Ola svarte. [innspill]")
        why = "Dagsordenen har fokus, og der skrives ingen tekst: Tab går til «Referat»"
        await until(pilot, lambda: why in said(app), what="why")
        await until(pilot, lambda: "Ikke brukt (skrevet i dagsordenen): «Ola svarte. [innspill]»" in said(app), what="the text named")
        assert app.screen is screen and screen.item.id == first.id
        assert archive.agenda.item(first.id).narrative == narrative

        # The list's own keys still work once the burst is over: down, Enter, to the next item.
        await pilot.pause(1.2)
        await pilot.press("down")
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: screen.item.id != first.id, what="another item")
        assert screen.focused is screen.query_one("#narrative")
    archive.close()


async def test_text_typed_on_the_remarks_table_is_named(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        await meeting_mode(pilot, meeting.id)
        screen = app.screen
        await pilot.press("f2")
        await type_text(pilot, "KS")
        await pilot.press("enter")
        await type_text(pilot, "spurte")
        await until(pilot, lambda: "spurte" in [r.text for r in archive.minutes.remarks(screen.item.id)])
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(screen.focused, RemarksTable), what="the remarks table")
        await type_text(pilot, "om tidsplanen")
        await until(pilot, lambda: "Ikke brukt (skrevet i innspillslisten): «om tidsplanen»" in said(app), what="the text named")
    archive.close()


async def test_tab_and_escape_typed_on_after_text_on_the_list_act_and_enter_does_not(demo_path):
    """Text typed on the agenda list, then Tab, Escape or Enter in the same burst. The text
    was meant for «Referat», where Tab goes on, Escape leaves meeting mode and Enter is a
    new line: Tab and Escape were dropped with the text (it took a second Escape to
    leave); now they act, as in the field. Enter would open another item: still dropped."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        await meeting_mode(pilot, meeting.id)
        screen = app.screen
        first = screen.item
        screen.query_one(MeetingAgenda).focus()
        await pilot.pause()
        with burst():
            await pilot.press(*"Ola", "enter", *"svarte")
        await until(pilot, lambda: "Ikke brukt (skrevet i dagsordenen): «Olasvarte»" in said(app), what="the text named")
        assert screen.item.id == first.id and isinstance(screen.focused, MeetingAgenda)
        app.clear_notifications()
        await pilot.pause(1.2)

        with burst():
            await pilot.press(*"Ola", "tab", *"svarte.")
        await until(pilot, lambda: "Ikke brukt (skrevet i dagsordenen): «Ola»" in said(app), what="the text before Tab named")
        narrative = screen.query_one("#narrative")
        await until(pilot, lambda: narrative.text.endswith("svarte."), what="the text after Tab in «Referat»")
        assert screen.focused is narrative
        await until(pilot, lambda: archive.agenda.item(first.id).narrative.endswith("svarte."), what="saved")

        screen.query_one(MeetingAgenda).focus()
        await pilot.pause(1.2)
        with burst():
            await pilot.press(*"Kari", "escape")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="back on the agenda at the first Escape")
        await until(pilot, lambda: "Ikke brukt (skrevet i dagsordenen): «Kari»" in said(app), what="the text named")
    archive.close()
