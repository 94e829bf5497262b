"""The meeting package from the app: «a» on the agenda, or «Møtepakke: NUIT 2/2023 (…)» in
the palette on the meeting list, chooses PDF or zip and public or not, and the package is
written to exports/ in a worker; a public one holds nothing of an exempt item."""

import zipfile

import pypdf

from conftest import choose_in_palette, until
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.export_form import ExportFormScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen
from nuit_tui.tui.text import Static

SECRET = "Informasjonsutveksling mellom NAV og helsetjenesten"  # 23/23's title, exempt with it


def written(app, message: str) -> bool:
    return message in [n.message for n in app._notifications]


async def test_a_on_the_agenda_writes_the_public_package_without_the_exempt_item(demo_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # exports/ is made where the app runs
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("23/23", body_short_name="NUIT")
    archive.agenda.update_item(item.model_copy(update={"exempt": True, "title_exempt": True, "exempt_basis": "offl. § 14"}))
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # 2/2023, the newest
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ExportFormScreen))
        assert "møtepakke" in str(app.screen.query_one("#export-heading", Static).content)
        await pilot.press("o", "enter")  # public; PDF is the first choice
        message = "Møtepakken er skrevet til exports/NUIT-2023-2-pakke-offentlig.pdf"
        await until(pilot, lambda: written(app, message), what=message)
        assert isinstance(app.screen, AgendaScreen)
    archive.close()

    reader = pypdf.PdfReader(tmp_path / "exports" / "NUIT-2023-2-pakke-offentlig.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Offentlig versjon" in text and "Unntatt offentlighet, offl. § 14" in text  # 23/23's place in the notice
    assert SECRET not in text and "Informasjonsutveksling" not in text
    assert "Informasjonsutveksling" not in str(reader.outline)
    assert "Portaler for rapportering for helsepersonell" in text  # 22/23 is public: its cover note is there


async def test_the_palette_on_the_meeting_list_writes_the_highlighted_meetings_package_as_a_zip(demo_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await choose_in_palette(pilot, "pakke", "Møtepakke: NUIT 2/2023 (25. mai 2023)")
        await until(pilot, lambda: isinstance(app.screen, ExportFormScreen))
        assert "NUIT 2/2023" in str(app.screen.query_one("#export-heading", Static).content)
        await pilot.press("down", "enter")  # zip, not public
        message = "Møtepakken er skrevet til exports/NUIT-2023-2-pakke.zip"
        await until(pilot, lambda: written(app, message), what=message)
        assert isinstance(app.screen, MeetingsScreen)
    archive.close()
    with zipfile.ZipFile(tmp_path / "exports" / "NUIT-2023-2-pakke.zip") as package:
        names = package.namelist()
    assert names[0] == "Innkalling_NUIT møte 2-2023.pdf"
    assert any("_Sak 23-23_Toppnotat Informasjonsutveksling" in name for name in names)  # internal: 23/23 is in
