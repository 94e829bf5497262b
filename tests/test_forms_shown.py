"""What forms and the item screen show: the focused field with its label at any height it
fits in, a long title to its end, the meeting's state, a refusal at the field it is about
(with what was typed), and the form's error and key lines."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import type_text, until
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.deadline_form import DeadlineFormScreen
from nuit_tui.tui.text import Label
from nuit_tui.tui.widgets.form import FormBody


def shown(screen, widget) -> bool:
    """In view, and not under the form's title or its error and key lines (docked on the
    scrolling body: `can_view_entire` counts a field behind them as seen)."""
    docked = [w for w in screen.query(".form-title, #form-foot") if w is not widget and widget not in w.ancestors]
    return screen.can_view_entire(widget) and not any(widget.region.overlaps(w.region) for w in docked)


async def new_meeting_form(pilot):
    """n on the meeting list: the new meeting's form, its first field focused."""
    from nuit_tui.tui.screens.meeting_form import MeetingFormScreen
    from nuit_tui.tui.screens.meetings import MeetingsScreen

    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
    await pilot.press("n")
    await until(pilot, lambda: isinstance(app.screen, MeetingFormScreen) and app.focused is not None)
    return app.screen


async def test_tab_through_a_form_in_a_short_terminal_shows_each_field_with_its_label(demo_path):
    """At 30 rows the «Ny frist» form opened with «Tittel» out of view above its field, and
    its last fields could not be seen at all (the form's body was taller than the screen
    let it be, so it never scrolled)."""
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.push_screen(DeadlineFormScreen(None, day=dt.date(2023, 1, 1), body_id=None, categories=[]))
        await pilot.pause()
        await pilot.pause()
        body = app.screen.query_one(FormBody)
        children = list(body.children)
        seen = []
        for _ in range(7):
            field = app.focused
            above = children[children.index(field) - 1]
            label = above if isinstance(above, Label) else field
            # The scroll to the focused field comes after the refresh that laid it out: waited for.
            await until(pilot, lambda field=field, label=label: shown(app.screen, field) and shown(app.screen, label), 3, field.id)
            seen.append(field.id)
            await pilot.press("tab")
            await pilot.pause()
        assert seen == ["title", "date", "description", "category", "responsible", "reminder", "exempt"]
    archive.close()


async def test_a_late_scroll_for_an_earlier_focus_leaves_the_field_focused_now_in_view(demo_path):
    """Shift+Tab to the top of the person form, Ctrl+S, and the refused «E-post» takes the
    focus: on a loaded machine the scroll for the earlier focus ran after the one for
    «E-post» and left it under the error line (a CI failure: «email» not in view). A
    scroll goes to the field focused when it runs, whichever focus asked for it."""
    from textual import events

    from nuit_tui.tui.screens.member_forms import PersonForm

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(PersonForm())
        await until(pilot, lambda: app.focused is not None)
        screen = app.screen
        body = screen.query_one(FormBody)
        name, email = screen.query_one("#name"), screen.query_one("#email")
        email.focus()
        await until(pilot, lambda: shown(screen, email), 3, "«E-post» in view")
        assert body.scroll_y > 0  # the form is taller than the terminal: it scrolled
        body.post_message(events.DescendantFocus(name))  # the earlier focus's, late
        for _ in range(4):
            await pilot.pause()
        assert app.focused is email
        assert shown(screen, email)
    archive.close()


async def test_the_follow_up_forms_last_field_comes_into_view_at_80x24(demo_path):
    """F4's «Frist» took the focus behind the form's key line: what was typed there could
    not be seen, and a second Tab typed the date over the description."""
    from nuit_tui.tui.screens.follow_up_form import FollowUpFormScreen

    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 18/23")
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(FollowUpFormScreen(item.id, ["KS"], 2023))
        await until(pilot, lambda: getattr(app.focused, "id", None) == "description")
        await type_text(pilot, "Sende innkalling")
        await pilot.press("tab")
        await type_text(pilot, "KS")
        await pilot.press("tab")
        due = app.screen.query_one("#due")
        await until(pilot, lambda: app.focused is due and shown(app.screen, due), 3, "«Frist» in view")
    archive.close()


async def test_a_long_title_is_shown_to_its_end_where_the_cursor_is(demo_path):
    """5/23's title (154 characters, in a field a little narrower) showed «st i kostnader …
    e-helseportefølj»: scrolled for a wider field before the form's scrollbar took its room."""
    from textual.widgets import Input

    from nuit_tui.tui.screens.item import ItemScreen

    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("5/23", body_short_name="NUIT")
    app = NuitApp(archive)
    async with app.run_test(size=(160, 48)) as pilot:
        app.push_screen(ItemScreen(item.id))
        for _ in range(4):
            await pilot.pause()
        title = app.screen.query_one("#title", Input)
        assert len(title.value) > title.content_region.width  # it does not fit: it scrolls
        first, width = title.scroll_offset.x, title.content_region.width
        assert first <= title.cursor_position < first + width  # the cursor (at the end) is in view
    archive.close()


async def test_the_item_screen_says_when_the_notice_is_out_and_when_the_meeting_is_held(demo_path):
    """A proposal changed after the notice went out changed nothing that was sent, and a
    held meeting's item showed no decision, without a word about either."""
    from nuit_tui.tui.screens.item import ItemScreen
    from nuit_tui.tui.text import Static

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    notes = {}
    async with app.run_test(size=(160, 48)) as pilot:
        for case in ("15/23", "3/23"):  # of 2/2023 (notice sent), of 1/2023 (held)
            app.push_screen(ItemScreen(archive.agenda.find_item(case, body_short_name="NUIT").id))
            await pilot.pause()
            await pilot.pause()
            notes[case] = str(app.screen.query_one("#time-note", Static).render())
            app.pop_screen()
            await pilot.pause()
    archive.close()
    assert notes["15/23"].endswith("innkallingen er sendt: det som endres her, står ikke i den som er sendt ut")
    assert notes["3/23"].endswith("møtet er holdt: vedtak og innspill føres i møtemodus (m i sakslisten)")


async def test_moving_a_meeting_to_another_year_is_refused_in_the_form_with_everything_as_typed(demo_path):
    """t on 2/2023, «3.1.2024» Tab «1000» Enter: the form closed, a toast said the meeting
    cannot move to another year, and the new start time was thrown away with the date."""
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.screens.meeting_form import MeetingFormScreen
    from nuit_tui.tui.screens.meetings import MeetingsScreen
    from nuit_tui.tui.text import Static

    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("enter")  # the newest meeting: 2/2023
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, MeetingFormScreen) and app.focused is not None)
        await pilot.press(*"3.1.2024", "tab", *"1000", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingFormScreen)
        assert str(form.query_one("#form-error", Static).render()) == "Et møte kan ikke flyttes til et annet år; opprett et nytt møte"
        assert [form.query_one(f"#{field}").value for field in ("date", "start")] == ["3.1.2024", "1000"]
        date = form.query_one("#date")
        assert app.focused is date
        await until(pilot, lambda: form.can_view_entire(date), 3, "the date field in view")

        await pilot.press("ctrl+u", *"1.6.2023", "enter")  # the right date, in its year
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
    moved = archive.meetings.get(meeting.id)
    archive.close()
    assert (moved.date, moved.start_time) == (dt.date(2023, 6, 1), dt.time(10))


async def test_a_refused_new_meeting_puts_the_focus_on_the_field_the_message_is_about(demo_path):
    """At 80×24 «Sted» is below the fold; «Skriv sted eller videolenke» left the focus on
    «Start», where Enter was pressed, and «Sted» out of view."""
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.text import Static

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_meeting_form(pilot)
        await pilot.press(*"1.6.2023", "tab", "enter")  # on «Start»
        await pilot.pause()
        assert str(form.query_one("#form-error", Static).render()) == "Skriv sted eller videolenke"
        location = form.query_one("#location")
        label = next(w for w in form.query(Label) if str(w.render()) == "Sted")
        assert app.focused is location
        await until(pilot, lambda: shown(form, location) and shown(form, label), what="«Sted» in view")

        await pilot.press("shift+tab", "shift+tab", "ctrl+u", *"1600", "enter")  # «Start» after «Slutt» (15.00)
        await pilot.pause()
        assert str(form.query_one("#form-error", Static).render()) == "Møtet må slutte etter at det starter"
        assert app.focused is form.query_one("#end")
        await until(pilot, lambda: shown(form, form.query_one("#end")), what="«Slutt» in view")

        await pilot.press("ctrl+u", *"1700", "tab", *"Teams", "enter")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
    made = archive.meetings.find("NUIT", "3/2023")
    archive.close()
    assert (made.date, made.start_time, made.end_time, made.location) == (dt.date(2023, 6, 1), dt.time(16), dt.time(17), "Teams")


async def test_a_form_taller_than_the_terminal_keeps_its_error_and_its_keys_in_view(demo_path):
    """At 80×24 the new-meeting form's fields took the room the frame had, and the frame cut
    off what came below them: «Enter/Ctrl+S lagrer · Escape avbryter» was never shown."""
    from nuit_tui.tui.text import Static

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await new_meeting_form(pilot)
        keys = next(s for s in form.query(Static) if str(s.render()) == "Enter/Ctrl+S lagrer · Escape avbryter")
        title = next(s for s in form.query(Static) if str(s.render()) == "Nytt møte i NUIT")
        assert form.can_view_entire(keys) and form.can_view_entire(title)
        await pilot.press("tab", "tab", "tab", "tab")  # «Videolenke», the last field
        video = form.query_one("#video")
        await until(pilot, lambda: app.focused is video and form.can_view_entire(video), 3, "«Videolenke» in view")
        await pilot.press("enter")  # no date
        await pilot.pause()
        error = form.query_one("#form-error", Static)
        assert str(error.render()) == "Skriv møtedatoen"
        await until(pilot, lambda: app.focused is form.query_one("#date") and form.can_view_entire(form.query_one("#date")), 3)
        assert form.can_view_entire(error) and form.can_view_entire(keys) and form.can_view_entire(title)
    archive.close()


def _refusal_cases():
    """(form kind, the form, what is typed, the field the refusal is about, its message):
    each ends with Ctrl+S pressed in another field than the one refused."""
    from nuit_tui.tui.screens.attachment_form import AttachmentFormScreen
    from nuit_tui.tui.screens.break_form import BreakFormScreen
    from nuit_tui.tui.screens.cover_note_forms import CoverSectionFormScreen, ExternalDecisionFormScreen
    from nuit_tui.tui.screens.deadline_form import RuleFormScreen
    from nuit_tui.tui.screens.follow_up_form import FollowUpFormScreen
    from nuit_tui.tui.screens.member_forms import BodyForm, MembershipForm, OrganizationForm, PersonForm

    day = dt.date(2023, 1, 1)
    return [
        ("deadline", lambda a: DeadlineFormScreen(None, day=day, body_id=None, categories=[]),
         ["Frist", "tab", "ctrl+u", "31.2", "tab", "tab", "tab", "tab"], "date", None),
        ("rule", lambda a: RuleFormScreen(None, bodies=a.members.bodies(), body_id=None, categories=[]),
         ["Sakspapirer ut", "tab", "snart", "tab", "tab", "tab"], "offset", None),
        ("follow-up", lambda a: FollowUpFormScreen(1, [], 2023),
         ["Følg opp", "tab", "tab", "32.13", "shift+tab"], "due", None),
        ("break", lambda a: BreakFormScreen(None), ["tab", "ctrl+u", "lenge", "shift+tab"], "minutes", None),
        ("attachment", lambda a: AttachmentFormScreen(1, None), ["tab", "https://example.org"], "title", "Skriv vedleggets tittel"),
        ("cover section", lambda a: CoverSectionFormScreen(1, None), ["tab", "Tekst"], "heading", "Skriv avsnittets overskrift"),
        ("earlier decision", lambda a: ExternalDecisionFormScreen(1, None, year=2023),
         ["Rådet 3/23", "tab", "99.99", "tab", "Tema", "tab", "Vedtak"], "decided_on", None),
        ("body", lambda a: BodyForm(), ["NUIT", "tab", "Nytt utvalg"], "short-name",
         "Det finnes allerede et utvalg med kortnavnet «NUIT»"),
        ("organisation", lambda a: OrganizationForm(), ["Apotekforeningen", "tab", "AF"], "name",
         "Organisasjonen «Apotekforeningen» finnes allerede"),
        ("person", lambda a: PersonForm(), ["Ola Nordmann", "tab", "tab", "ola", "shift+tab", "shift+tab"], "email",
         "«ola» er ikke en e-postadresse"),
        ("membership", lambda a: MembershipForm(a.members.body("NUIT")), ["Ingen Slik", "tab", "tab", "tab"], "person",
         "Fant ingen person som heter «Ingen Slik»; legg personen til i fanen Personer først"),
    ]


@pytest.mark.parametrize("kind, form, typed, field, message", _refusal_cases(), ids=[case[0] for case in _refusal_cases()])
async def test_a_refused_form_puts_the_cursor_on_the_field_the_message_is_about(demo_path, kind, form, typed, field, message):
    """Only the meeting form did: the others left the cursor where Ctrl+S was pressed, and
    at 80×24 the field the message named could be out of view. Nothing is saved."""
    from conftest import type_text
    from nuit_tui.tui.text import Static

    keys = {"tab", "shift+tab", "ctrl+u"}
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = form(archive)
        app.push_screen(screen)
        await until(pilot, lambda: app.screen is screen and app.focused is not None)
        for step in typed:
            if step in keys:
                await pilot.press(step)
            else:
                await type_text(pilot, step)
        commits = archive.store.commits
        wrong = screen.query_one(f"#{field}")
        assert app.focused is not wrong
        await pilot.press("ctrl+s")
        await until(pilot, lambda: str(screen.query_one("#form-error", Static).render()) not in ("", "Lagrer …"), what="the refusal")
        assert app.screen is screen
        if message:
            assert str(screen.query_one("#form-error", Static).render()) == message
        assert app.focused is wrong
        await until(pilot, lambda: shown(screen, wrong), what=f"«{field}» in view")
        assert archive.store.commits == commits  # nothing written
    archive.close()
