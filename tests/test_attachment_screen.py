"""The item screen's file picker and the agenda's e-mail draft, by keys alone."""

from __future__ import annotations

import email
from email import policy

from conftest import cell_texts
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from test_fast_typing import settle

PDF = b"%PDF-1.4\n%\xe6\xf8\xe5 from the picker\n%%EOF\n"


async def test_a_file_is_picked_by_keys_attached_shown_with_its_size_saved_out_and_mailed(demo_path, tmp_path, monkeypatch):
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.screens.export_form import ExportFormScreen
    from nuit_tui.tui.screens.file_picker import FilePickerScreen, FileTree, PathInput
    from nuit_tui.tui.screens.item import ItemScreen
    from nuit_tui.tui.screens.item_attachments import AttachmentsTable

    monkeypatch.chdir(tmp_path)  # exports/ is made here
    folder = tmp_path / "dokumenter"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))  # the picker starts in the home folder
    (folder / "Målindikatorer [utkast].pdf").write_bytes(PDF)
    (folder / "annet.txt").write_text("x")
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    item = archive.agenda.find_item("17/23", body_short_name="NUIT")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 45)) as pilot:
        app.push_screen(AgendaScreen(meeting.stored_id))
        await settle(pilot, lambda: isinstance(app.screen, AgendaScreen))
        app.push_screen(ItemScreen(item.stored_id))
        await settle(pilot, lambda: isinstance(app.screen, ItemScreen))
        app.screen.query_one(AttachmentsTable).focus()
        await pilot.press("f")
        await settle(pilot, lambda: isinstance(app.screen, FilePickerScreen))
        picker = app.screen
        field = picker.query_one(PathInput)
        assert app.focused is field and field.value == f"{folder}/"
        await pilot.press("M", "tab")  # Tab completes the one name that fits
        await settle(pilot, lambda: field.value.endswith(".pdf"))
        assert field.value == f"{folder}/Målindikatorer [utkast].pdf"
        assert str(picker.query_one(FileTree).path) == str(folder)  # the tree follows
        await pilot.press("escape")  # back without a file: nothing attached
        await settle(pilot, lambda: isinstance(app.screen, ItemScreen))
        assert len(archive.agenda.attachments(item.stored_id)) == 2

        await pilot.press("f")
        await settle(pilot, lambda: isinstance(app.screen, FilePickerScreen))
        await pilot.press("M", "å", "tab", "enter")
        table = app.screen.query_one(AttachmentsTable)
        await settle(pilot, lambda: isinstance(app.screen, ItemScreen) and table.row_count == 3)
        assert cell_texts(table, 0) == ["Vedlegg 4", "Vedlegg 4A", "Vedlegg 4B"]
        assert cell_texts(table, 1)[2] == "Målindikatorer [utkast]"
        assert cell_texts(table, 2)[2] == "Målindikatorer [utkast].pdf" and cell_texts(table, 3)[2] == f"{len(PDF)} B"

        table.focus()
        await pilot.press("end", "s")
        saved = tmp_path / "exports" / "Vedlegg 4B_Sak 17-23_Målindikatorer [utkast].pdf"
        await settle(pilot, lambda: saved.exists())
        assert saved.read_bytes() == PDF

        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("b")
        await settle(pilot, lambda: isinstance(app.screen, ExportFormScreen))
        await pilot.press("enter")
        draft = tmp_path / "exports" / "NUIT-2023-2-innkalling.eml"
        for _ in range(600):  # the package's PDFs are made in a worker: a few seconds on a busy machine
            if draft.exists():
                break
            await pilot.pause(0.05)
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1"
    part = next(p for p in message.iter_attachments() if p.get_filename().startswith("Vedlegg 4B"))
    assert part.get_content() == PDF
    archive.close()


def test_tab_completes_a_path_as_a_shell_does(tmp_path):
    from nuit_tui.tui.screens.file_picker import completions

    for name in ("Rapport 2023.pdf", "Referat.docx", ".skjult.pdf"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "Regnskap").mkdir()
    assert completions(f"{tmp_path}/R") == (f"{tmp_path}/R", ["Rapport 2023.pdf", "Referat.docx", "Regnskap/"])
    assert completions(f"{tmp_path}/Ref") == (f"{tmp_path}/Referat.docx", [])
    assert completions(f"{tmp_path}/Regn") == (f"{tmp_path}/Regnskap/", [])
    assert completions(f"{tmp_path}/.sk") == (f"{tmp_path}/.skjult.pdf", [])
    assert completions(f"{tmp_path}/finnes-ikke/x") == (f"{tmp_path}/finnes-ikke/x", [])
