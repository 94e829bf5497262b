"""The agenda and meeting mode show which items are exempt and which are handled,
deferred or withdrawn: a glyph per state and «§» for exempt, explained by F1."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from nuit_tui.domain import models as m
from nuit_tui.domain.labels import item_marks, item_marks_legend
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.help import HelpScreen
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen


def test_each_state_and_exempt_has_its_own_glyph():
    marks = {item_marks(state, exempt) for state in m.ItemState for exempt in (False, True)}
    assert len(marks) == 8 and all(len(mark) == 2 for mark in marks)
    assert item_marks(m.ItemState.HANDLED, True) == "✓§" and item_marks(m.ItemState.PLANNED, False) == "  "
    assert item_marks_legend() == "✓ behandlet · » utsatt · ✗ trukket · § unntatt offentlighet"


async def test_agenda_and_meeting_mode_mark_state_and_exempt_and_f1_explains(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    items = {archive.agenda.case_label(i): i for i in archive.agenda.items(meeting.id) if not i.is_break}
    archive.agenda.update_item(items["14/23"].model_copy(update={"state": m.ItemState.HANDLED}))
    archive.agenda.update_item(items["15/23"].model_copy(update={"state": m.ItemState.WITHDRAWN, "exempt": True, "exempt_basis": "offl. § 14"}))
    archive.agenda.update_item(items["16/23"].model_copy(update={"state": m.ItemState.DEFERRED}))
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        await pilot.pause()
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        table = app.screen.query_one("#agenda", DataTable)
        marks = {str(table.get_row_at(r)[0]): str(table.get_row_at(r)[5]) for r in range(table.row_count)}
        assert (marks["13/23"], marks["14/23"], marks["15/23"], marks["16/23"]) == ("  ", "✓ ", "✗§", "» ")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one("#keys", DataTable)
        help_rows = [tuple(str(c) for c in keys.get_row_at(r)) for r in range(keys.row_count)]
        assert ("Tegn §", "unntatt offentlighet") in help_rows and ("Tegn »", "utsatt") in help_rows
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MeetingModeScreen)
        agenda = app.screen.query_one("#mm-agenda", OptionList)
        prompts = [str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)]
        assert any(p.startswith("✗§  15/23 ") for p in prompts)
        assert any(p.startswith("✓   14/23 ") for p in prompts)
        assert any(p.startswith("»   16/23 ") for p in prompts)
    archive.close()
