"""A question longer than the terminal (the minutes check's findings, the notice check's,
the fields of a conflict with another window) scrolls by keys, every line of it, and its
answer line or buttons stay in view at any size down to 80×24; so do the key lines of the
export choice and of the follow-ups from earlier meetings."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen
from nuit_tui.tui.screens.minutes_check import MinutesCheckScreen
from nuit_tui.tui.text import Static
from nuit_tui.tui.widgets.confirm import ConfirmScreen


def lines_in_view(text, above, below) -> set[int]:
    """The lines of `text` on screen: below the frame's top edge and the heading docked
    there (`above`), above the answer line or buttons docked at its bottom (`below`)."""
    frame = text.parent
    top = frame.region.y + frame.styles.border.spacing.top + frame.styles.padding.top
    if above is not None:
        top = max(top, above.region.bottom)
    return {line for line in range(text.region.height) if top <= text.region.y + line < below.region.y}


def _all_handled(app) -> bool:
    """No message waits in the app or any widget of its screen: a key pressed has been acted
    on. (Pilot's wait for idleness reads the process's own CPU, which a loaded machine keeps
    low while work still waits: CI saw the frame unscrolled after ↓.)"""
    return app._message_queue.empty() and all(node._message_queue.empty() for node in app.screen.walk_children(with_self=True))


async def press(pilot, key: str, text) -> None:
    """Press `key`, and wait until it has been acted on and the screen shows `text` where its
    frame has scrolled it (the scroll comes after the refresh that follows the key)."""
    await pilot.press(key)
    frame = text.parent
    top = frame.content_region.y + text.virtual_region.y
    await until(pilot, lambda: _all_handled(pilot.app) and text.region.y == top - round(frame.scroll_y), 3, f"{key} scrolled")
    # And laid out: the same frame a pause later (under load a layout could still be pending,
    # and a page was read with the frame's lines where they were before it).
    def where() -> tuple:
        return frame.scroll_y, text.region, frame.region, [sibling.region for sibling in frame.parent.children]

    for _ in range(60):
        seen = where()
        await pilot.pause(0.05)
        if where() == seen and _all_handled(pilot.app):
            break


async def read_page_by_page(pilot, text, above, below) -> set[int]:
    """Home, then PgDn until End: the lines seen on the way."""
    seen: set[int] = set()
    await press(pilot, "home", text)
    for _ in range(text.region.height):
        seen |= lines_in_view(text, above, below)
        if text.region.height - 1 in seen:
            break
        await press(pilot, "pagedown", text)
    return seen


@pytest.mark.parametrize("size", [(80, 24), (100, 40)])
async def test_the_minutes_check_scrolls_by_keys_and_its_answer_line_stays_in_view(demo_path, size):
    """r on 2/2023's agenda, one member's attendance registered (the others are missing one
    by one): the findings were cut off where the dialog ended (at 100×40 after 20/23), no
    key scrolled them, and «j/Enter: eksporter likevel · n/Escape: tilbake og rett» was
    never shown."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")  # not held: every item is still open
    first = archive.attendance.meeting_members(meeting.id)[0]
    archive.attendance.add(m.Attendance(meeting_id=meeting.id, person_id=first.person_id, role=m.AttendanceRole.MEMBER))
    app = NuitApp(archive)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("enter")  # the newest meeting: 2/2023
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, MinutesCheckScreen))
        screen = app.screen
        answer = next(s for s in screen.query(Static) if "eksporter likevel" in str(s.render()))
        heading, problems = screen.query_one("#check-heading"), screen.query_one("#problems")
        frame = problems.parent
        assert screen.can_view_entire(answer) and screen.can_view_entire(heading)
        last = problems.region.height - 1
        assert 0 in lines_in_view(problems, heading, answer) and last not in lines_in_view(problems, heading, answer)

        # On a loaded machine the scroll can come after `press` saw the text where it was
        # (CI, 4 December: scroll_y 0 after ↓): waited for, as End's below.
        await press(pilot, "down", problems)
        await until(pilot, lambda: frame.scroll_y == 1 and 0 not in lines_in_view(problems, heading, answer), 3, "↓ one line")
        await press(pilot, "up", problems)
        await until(pilot, lambda: frame.scroll_y == 0, 3, "↑ back to the top")
        await press(pilot, "end", problems)
        # On a loaded machine the scroll can come after `press` saw the text where it was.
        await until(pilot, lambda: last in lines_in_view(problems, heading, answer), 3, "the last line")
        assert screen.can_view_entire(answer) and screen.can_view_entire(heading)
        await press(pilot, "pageup", problems)
        await until(pilot, lambda: last not in lines_in_view(problems, heading, answer), 3, "PgUp")
        # Page by page, no finding is skipped (hidden behind the heading or the answer line).
        assert await read_page_by_page(pilot, problems, heading, answer) == set(range(problems.region.height))
        assert screen.can_view_entire(answer)

        await pilot.press("escape")  # «tilbake og rett»
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
    archive.close()


def planned_meeting(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    return archive, archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(15), location="Teams")


async def open_notice_check(pilot, meeting_id: int) -> None:
    """The meeting's agenda, then s: the notice check's question."""
    app = pilot.app
    await pilot.pause()
    app.push_screen(AgendaScreen(meeting_id))
    await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
    await pilot.press("s")
    await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))


async def test_the_notice_checks_findings_scroll_and_its_buttons_stay_in_view_at_80x24(tmp_path):
    """s with more findings than rows: the question ran off the screen, and «Send likevel»
    and «Tilbake» with it."""
    archive, meeting = planned_meeting(tmp_path)
    for _ in range(20):
        archive.agenda.add_item(meeting.id)  # «Ny sak»: untitled, no type, no proposal
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_notice_check(pilot, meeting.id)
        screen = app.screen
        question, yes, no = screen.query_one("#question"), screen.query_one("#yes"), screen.query_one("#no")
        assert "Sende likevel?" in str(question.render())  # its last line
        assert screen.can_view_entire(yes) and screen.can_view_entire(no)
        last = question.region.height - 1
        assert last not in lines_in_view(question, None, yes)

        await press(pilot, "end", question)
        await until(pilot, lambda: last in lines_in_view(question, None, yes), 3, "the last line")
        assert screen.can_view_entire(yes)
        assert await read_page_by_page(pilot, question, None, yes) == set(range(question.region.height))
        assert app.focused is no  # the keys scrolled; «Tilbake» kept the focus
        await pilot.press("j")  # «Send likevel»
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
    status = archive.meetings.get(meeting.id).status
    archive.close()
    assert status is m.MeetingStatus.NOTICE_SENT


async def test_the_notice_check_shows_a_finding_as_written(tmp_path, monkeypatch):
    """A finding naming «Referat [utkast]» showed «Referat \\[utkast]»: it was escaped as
    markup for a dialog that shows text as it is."""
    from nuit_tui.domain.notice_check import NoticeProblem, NoticeProblemKind
    from nuit_tui.services import notice

    archive, meeting = planned_meeting(tmp_path)
    finding = "Saken «Referat [utkast]» mangler sakstype"
    monkeypatch.setattr(notice, "check_notice", lambda *_: [NoticeProblem(NoticeProblemKind.NO_TYPE, finding)])
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_notice_check(pilot, meeting.id)
        assert f"• {finding}\n" in app.screen.question
        assert f"• {finding}" in str(app.screen.query_one("#question").render())
    archive.close()


async def test_the_conflict_question_scrolls_its_fields_and_keeps_its_buttons_in_view_at_80x24(tmp_path):
    """Four fields changed in another window, each a long text: the question ran 90 columns
    wide on an 80-column terminal, its list took 24 rows, and «Behold min» and «Ta deres»
    were below the screen; no key scrolled the list."""
    from nuit_tui.services.concurrency import FieldConflict
    from nuit_tui.tui.widgets.conflict_question import ConflictScreen

    names = {"title": "Tittel", "proposal": "Forslag til vedtak", "narrative": "Referat", "decision": "Vedtak"}
    conflicts = [FieldConflict(field, "", f"{label} skrevet her, " * 12, f"{label} skrevet der, " * 12) for field, label in names.items()]
    archive = Archive.open(tmp_path / "nuit.sqlite")
    app = NuitApp(archive)
    answers = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ConflictScreen("Sak 15/23", conflicts, names), answers.append)
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        screen = app.screen
        heading, mine, theirs = screen.query_one("#conflict-question"), screen.query_one("#mine"), screen.query_one("#theirs")
        fields = list(screen.query(".field"))
        assert all(screen.can_view_entire(widget) for widget in (heading, mine, theirs))
        assert not screen.can_view_entire(fields[-1])

        await press(pilot, "end", fields[-1])
        await until(pilot, lambda: screen.can_view_entire(fields[-1]), 3, "the last field")
        assert not screen.can_view_entire(fields[0])
        assert all(screen.can_view_entire(widget) for widget in (heading, mine, theirs))
        await press(pilot, "home", fields[0])
        assert screen.can_view_entire(fields[0])
        seen = set()
        for _ in range(10):  # PgDn shows every field whole on the way (none skipped behind the buttons)
            seen |= {index for index, field in enumerate(fields) if screen.can_view_entire(field)}
            if len(seen) == len(fields):
                break
            await press(pilot, "pagedown", fields[0])
        assert seen == set(range(len(fields)))
        await press(pilot, "up", fields[0])
        assert app.focused is None  # the keys scrolled; no button was chosen
        await pilot.press("ctrl+t")
        await until(pilot, lambda: answers == [False])
    archive.close()


async def test_the_follow_ups_from_earlier_meetings_keep_their_key_line_in_view_at_80x24(tmp_path):
    """u on the agenda with 30 open follow-ups: the table took 20 rows in a frame of 20, and
    «a/Enter: sett på sakslisten som orienteringssak · Escape: lukk» was cut off, with the
    last rows of the table."""
    from textual.widgets import DataTable

    from nuit_tui.tui.screens.follow_ups import MeetingFollowUpsScreen

    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    first = archive.meetings.create(body.id, dt.date(2023, 2, 16), dt.time(9), dt.time(15), location="Teams")
    second = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(15), location="Teams")
    archive.meetings.set_status(first.id, m.MeetingStatus.NOTICE_SENT)
    archive.meetings.set_status(first.id, m.MeetingStatus.HELD)
    item = archive.agenda.add_item(first.id, m.AgendaItem(meeting_id=first.id, title="Felles journalløft", duration_minutes=30))
    for number in range(1, 31):
        archive.follow_ups.add(m.FollowUp(item_id=item.id, description=f"Oppfølging {number}", responsible="KS"))
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("enter")  # the newest meeting: 2/2023
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, MeetingFollowUpsScreen))
        screen = app.screen
        heading, table = screen.query_one("#carry-heading"), screen.query_one(DataTable)
        hint = next(s for s in screen.query(Static) if "sett på sakslisten" in str(s.render()))
        assert screen.can_view_entire(heading) and screen.can_view_entire(hint) and screen.can_view_entire(table)

        await pilot.press("end")
        await until(pilot, lambda: table.cursor_row == 29 and table.scroll_y == table.max_scroll_y > 0, 3, "the last row")
        assert screen.can_view_entire(table) and screen.can_view_entire(hint)
        last = str(table.get_row_at(29)[1])
        await pilot.press("a")  # the last one goes on the agenda
        await until(pilot, lambda: str(table.get_row_at(29)[4]) == "✓ står der")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
    titles = [i.title for i in archive.agenda.items(second.id)]
    archive.close()
    assert any(last in title for title in titles)


@pytest.mark.parametrize("key", ["i", "r", "a"])
async def test_the_export_choice_shows_its_formats_and_its_key_line_at_80x24(demo_path, key):
    """i (notice), r (minutes, after its check), a (meeting package) on the agenda."""
    from nuit_tui.tui.screens.export_form import ExportFormScreen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("down", "enter")  # 1/2023: held, its minutes complete enough to skip a long check
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, (ExportFormScreen, MinutesCheckScreen)))
        if isinstance(app.screen, MinutesCheckScreen):
            await pilot.press("j")
            await until(pilot, lambda: isinstance(app.screen, ExportFormScreen))
        screen = app.screen
        parts = [screen.query_one("#export-heading"), screen.query_one("#public"), screen.query_one("#format")]
        parts.append(next(s for s in screen.query(Static) if "Escape avbryter" in str(s.render())))
        assert all(screen.can_view_entire(part) for part in parts)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
    archive.close()


async def test_no_follow_ups_from_earlier_meetings_is_said_at_80x24(demo_path):
    """u on 2/2023 at 80 columns: the table's one row, «Ingen åpne oppfølginger fra
    tidligere møter», was hidden behind its scrollbar (the columns are wider than the frame)."""
    from textual.widgets import DataTable

    from nuit_tui.tui.screens.follow_ups import MeetingFollowUpsScreen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("enter")  # the newest meeting: 2/2023
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, MeetingFollowUpsScreen))
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(r)[1]) for r in range(table.row_count)] == ["Ingen åpne oppfølginger fra tidligere møter"]
        await until(pilot, lambda: table.show_horizontal_scrollbar and table.max_scroll_y == 0, 3, "the row above the scrollbar")
    archive.close()
