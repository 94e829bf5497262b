"""A remark with a speaker and no text (F2, «KS», Enter, Escape in meeting mode).

It was stored with empty text, the minutes printed a bare bullet «- KS», and neither
`nuit-tui check-minutes` nor the minutes check screen said a word. Now the check names
it (blocking: what was said is missing) and the minutes leave it out; a remark with
neither speaker nor text (F2, Escape) is no row at all."""

from __future__ import annotations

import datetime as dt

from conftest import open_docx, type_text, until
from nuit_tui import cli
from nuit_tui.domain import models as m
from nuit_tui.exporters import minutes_docx, minutes_markdown
from nuit_tui.services import Archive
from nuit_tui.services.minutes import ProblemKind, build_minutes, check_minutes
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.writes import writes_pending
from test_minutes_export import docx_item

MESSAGE = "Innspill fra KS i sak 4/23 har ingen tekst og kommer ikke med i referatet: skriv hva som ble sagt, eller slett innspillet"


def _speaker_only(demo: Archive) -> tuple[m.Meeting, m.AgendaItem]:
    meeting = demo.meetings.find("NUIT", "1/2023")
    item = demo.agenda.find_item("4/23", body_short_name="NUIT")
    remark = demo.minutes.add_remark(m.Remark(item_id=item.id, made_at=dt.time(10)))
    demo.minutes.update_remark(remark.model_copy(update={"speaker": "KS"}))  # as meeting mode saves it
    return meeting, item


def test_the_check_names_a_remark_with_a_speaker_and_no_text(demo):
    meeting, item = _speaker_only(demo)
    problems = check_minutes(demo, meeting.id)
    assert [(p.kind, p.message, p.item_id) for p in problems] == [(ProblemKind.REMARK_WITHOUT_TEXT, MESSAGE, item.id)]
    assert problems[0].blocking


def test_check_minutes_on_the_command_line_names_it_and_exits_1(demo_path, capsys):
    archive = Archive.open(demo_path)
    _speaker_only(archive)
    archive.close()
    assert cli.main(["check-minutes", "--db", str(demo_path), "--body", "NUIT", "--meeting", "1/2023"]) == 1
    assert MESSAGE in capsys.readouterr().out


def test_the_minutes_print_no_bare_speaker_bullet(demo):
    meeting, _ = _speaker_only(demo)
    doc = build_minutes(demo, meeting.id, public=False)
    (item_4,) = [i for i in doc.items if i.case_number == "4/23"]
    assert len(item_4.remarks) == 5 and "KS" not in item_4.remarks  # the seed's five, and no «KS»
    bullets = [text for style, text in docx_item(open_docx(minutes_docx.render(doc)), "4/23 ") if style == "List Bullet"]
    assert len(bullets) == 5 and "KS" not in bullets
    assert "- KS\n" not in minutes_markdown.render(doc).decode() + "\n"


def test_a_remark_with_neither_speaker_nor_text_is_discarded_and_others_are_not(demo):
    meeting = demo.meetings.find("NUIT", "2/2023")
    item = next(i for i in demo.agenda.items(meeting.id) if i.kind is m.EntryKind.ITEM)
    blank = demo.minutes.add_remark(m.Remark(item_id=item.id))
    kept = demo.minutes.add_remark(m.Remark(item_id=item.id, speaker="KS"))
    assert demo.minutes.discard_if_blank(blank.stored_id)
    assert not demo.minutes.discard_if_blank(kept.stored_id)
    assert not demo.minutes.discard_if_blank(blank.stored_id)  # gone already: nothing to do
    assert [r.id for r in demo.minutes.remarks(item.id)] == [kept.id]


async def _meeting_mode_on_16_23(app, pilot, archive) -> m.AgendaItem:
    item = archive.agenda.find_item("NUIT 16/23")
    app.push_screen(MeetingModeScreen(item.meeting_id, item.id))
    await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
    return item


async def test_f2_a_speaker_enter_escape_is_named_by_the_check(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        item = await _meeting_mode_on_16_23(app, pilot, archive)
        before = archive.minutes.remarks(item.id)
        await pilot.press("f2")
        await type_text(pilot, "KS")
        await pilot.press("enter", "escape")
        await until(pilot, lambda: writes_pending(app) == 0 and len(archive.minutes.remarks(item.id)) > len(before))
        assert [(r.speaker, r.text) for r in archive.minutes.remarks(item.id)][len(before):] == [("KS", "")]
        messages = [p.message for p in check_minutes(archive, item.meeting_id)]
        assert any(msg.startswith("Innspill fra KS i sak 16/23 har ingen tekst") for msg in messages)
    archive.close()


async def test_f2_then_escape_at_once_leaves_no_empty_remark(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        item = await _meeting_mode_on_16_23(app, pilot, archive)
        before = [r.id for r in archive.minutes.remarks(item.id)]
        await pilot.press("f2", "escape")  # the row may still be on its way as the editor closes
        await until(pilot, lambda: writes_pending(app) == 0)
        await pilot.press("f2")
        await until(pilot, lambda: writes_pending(app) == 0 and app.screen.remark is not None and app.screen.remark.id is not None)
        await pilot.press("escape")  # the row made: deleted
        await until(pilot, lambda: writes_pending(app) == 0)
        await pilot.pause()
        assert [r.id for r in archive.minutes.remarks(item.id)] == before
        assert app.screen.query_one("#mm-remarks").row_count == len(before)
        # F2 twice, and F8 with the editor open: no blank row either.
        await pilot.press("f2")
        await pilot.press("f2")
        await pilot.press("f8")
        await until(pilot, lambda: writes_pending(app) == 0)
        await pilot.pause()
        assert [r.id for r in archive.minutes.remarks(item.id)] == before
        assert not any(not r.speaker and not r.text for i in archive.agenda.items(item.meeting_id) for r in archive.minutes.remarks(i.stored_id))
    archive.close()
