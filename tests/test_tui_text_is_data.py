"""Text is data in the TUI (issue 12): stored text is shown as typed, never read as
markup or passed to the terminal as control; text typed or pasted into a field obeys
the one input rule (`clean_text`) before it is saved."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea

from conftest import until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.item import ItemScreen
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.text import literal, markup

# Every frame painted, as in a terminal (see tests/conftest.py).
pytestmark = pytest.mark.paints

TUI = Path(__file__).parents[1] / "src" / "nuit_tui" / "tui"


def screen_text(app) -> str:
    """What the terminal shows of the screen on top, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def one_meeting(path, *, body=("NUIT", "Prioriteringsutvalget"), title="Felles journalløft"):
    archive = Archive.open(path)
    nuit = archive.members.add_body(*body)
    meeting = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(9), dt.time(15), location="Teams")
    item = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title=title, duration_minutes=30))
    return archive, meeting, item


def test_literal_shows_markup_as_typed_and_leaves_control_characters_out():
    assert literal("[b]x[/b] [/] [sladdet]").plain == "[b]x[/b] [/] [sladdet]"
    assert literal("a\x1b]0;tittel\x07b\x01\x0b\x85\ud800c").plain == "a]0;tittelbc"
    assert literal("to\nlinjer").plain == "to\nlinjer"


def test_markup_styles_our_template_and_shows_the_values_literally():
    content = markup("[b]Ikke lagret:[/b] $error", error="[/] ugyldig [i]")
    assert content.plain == "Ikke lagret: [/] ugyldig [i]"
    assert [(span.start, span.end) for span in content.spans] == [(0, len("Ikke lagret:"))]


async def test_a_title_typed_to_end_in_a_closing_tag_is_saved_and_shown_and_typing_goes_on(tmp_path):
    archive, meeting, item = one_meeting(tmp_path / "nuit.sqlite", title="Budsjett")
    app = NuitApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.push_screen(AgendaScreen(meeting.id))
        await app.push_screen(ItemScreen(item.id))
        await pilot.pause()
        await pilot.press("end", "space", "left_square_bracket", "slash", "right_square_bracket")
        await until(pilot, lambda: archive.agenda.item(item.id).title.endswith(" [/]"))  # saved; the heading is drawn again
        await pilot.press("x")
        await until(pilot, lambda: "Budsjett [/]x" in screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await until(pilot, lambda: "Budsjett [/]x" in screen_text(app))  # once the save is in
    assert archive.agenda.item(item.id).title == "Budsjett [/]x"
    archive.close()


async def test_a_body_named_with_a_closing_tag_opens_and_shows_its_name(tmp_path):
    archive, *_ = one_meeting(tmp_path / "nuit.sqlite", body=("[/]", "Utvalg [b]x[/b] [/]"))
    app = NuitApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert "Møter i [/] – Utvalg [b]x[/b] [/]" in screen_text(app)
        assert "nuit-tui — [/] · " in screen_text(app)  # the header
        app.notify("Slettet: «[/] [b]x[/b]»\x1b]0;kapret\x07")  # a toast names what it did
        await pilot.pause()
        # A toast shows its message literally unless it is marked as markup.
        assert [(n.message, n.markup) for n in app._notifications] == [("Slettet: «[/] [b]x[/b]»]0;kapret", False)]
        await pilot.press("ctrl+p", *"1/2023")  # the palette finds the meeting by its number
        await until(pilot, lambda: "Møte [/] 1/2023" in screen_text(app))
    archive.close()


async def test_square_brackets_written_in_the_minutes_stay_on_screen(tmp_path):
    archive, meeting, item = one_meeting(tmp_path / "nuit.sqlite", title="Navn [sladdet] og [sic]")
    archive.agenda.update_item(archive.agenda.item(item.id).model_copy(update={"proposed_decision": "NUIT [x] vedtar [b]dette[/b]."}))
    archive.minutes.add_remark(m.Remark(item_id=item.id, speaker="KS [red]", text="Innspill [sladdet]"))
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        await app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        assert "Navn [sladdet] og [sic]" in screen_text(app)
        await app.push_screen(MeetingModeScreen(meeting.id, item.id))
        await pilot.pause()
        shown = screen_text(app)
        for typed in ("Navn [sladdet] og [sic]", "NUIT [x] vedtar [b]dette[/b].", "KS [red]", "Innspill [sladdet]"):
            assert typed in shown
    archive.close()


async def test_a_paste_into_a_line_field_is_saved_as_one_clean_line(tmp_path):
    archive, meeting, item = one_meeting(tmp_path / "nuit.sqlite", title="")
    app = NuitApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.push_screen(ItemScreen(item.id))
        await pilot.pause()
        assert app.focused.id == "title"
        app.post_message(events.Paste("\x01Felles\x1b[31m\x0bjournal\ud800løft\r\nfra Word\x85"))
        await until(pilot, lambda: app.screen.query_one("#title", Input).value == "Felles[31mjournalløft fra Word")
        await pilot.press("escape")
        await pilot.pause()
    assert archive.agenda.item(item.id).title == "Felles[31mjournalløft fra Word"
    archive.close()


async def test_a_paste_into_the_minutes_keeps_its_lines_and_loses_its_control_characters(tmp_path):
    archive, meeting, item = one_meeting(tmp_path / "nuit.sqlite")
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        await app.push_screen(MeetingModeScreen(meeting.id, item.id))
        await pilot.pause()
        area = app.screen.query_one("#decision", TextArea)
        area.focus()
        await pilot.pause()
        app.post_message(events.Paste("1. NUIT\x07 vedtar\x1b[2J\r\n2. Neste\x0c\u0085punkt"))
        await pilot.pause()
        assert area.text == "1. NUIT vedtar[2J\n2. Nestepunkt"
        await pilot.press("escape")  # leaving meeting mode saves what was typed
        await pilot.pause()
    assert archive.agenda.item(item.id).decision == "1. NUIT vedtar[2J\n2. Nestepunkt"
    archive.close()


def test_every_screen_takes_its_text_widgets_from_the_literal_and_clean_seams():
    """Textual's own Static, Label, DataTable, OptionList read a str as markup, and its
    Input and TextArea take control characters: screens use ours (tui/text.py,
    tui/widgets/fields.py), which are built on them."""
    seams = {TUI / "text.py", TUI / "widgets" / "fields.py"}
    guarded = {"Static", "Label", "DataTable", "OptionList", "Input", "TextArea"}
    offenders = []
    for path in TUI.rglob("*.py"):
        if path in seams:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("textual.widgets"):
                offenders += [f"{path.name}: {a.name}" for a in node.names if a.name in guarded]
    assert offenders == []

