"""The import screen's F2 after a file is read: the file is read again as the kind now
shown. It changed only the words «Type: toppnotat (F2)» while the parts read as minutes
stayed on the screen, and Ctrl+S wrote them. A file that cannot be read as that kind
leaves nothing on the screen for Ctrl+S to write."""

from __future__ import annotations

from importlib import resources

from conftest import cell_texts, type_text
from nuit_tui.services import Archive


async def _read(pilot, app) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_f2_after_reading_reads_the_file_again_as_the_kind_shown(demo_path, tmp_path, monkeypatch):
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.import_document import ImportScreen

    monkeypatch.chdir(tmp_path)
    seed = resources.files("nuit_tui.demo").joinpath("seeds", "nuit-2023-moete1-referat.txt").read_text(encoding="utf-8")
    (tmp_path / "dokument.txt").write_text(seed, encoding="utf-8")  # no kind in the name
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.body = archive.members.body("NUIT")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        await type_text(pilot, "dokument.txt")
        await pilot.press("enter")
        await _read(pilot, app)
        table = screen.query_one("#import-parts")
        assert screen.plan.document.kind == "minutes" and "Oppmøte" in cell_texts(table, 0)

        await pilot.press("f2")  # toppnotat: the minutes are no cover note
        await _read(pilot, app)
        assert "toppnotat" in str(screen.query_one("#import-kind").render())
        assert screen.plan is None and table.row_count == 0
        assert "Kunne ikke leses" in str(screen.query_one("#import-status").render())
        await pilot.press("ctrl+s")  # nothing read: nothing to write
        await _read(pilot, app)
        assert any("Les en fil først" in n.message for n in app._notifications)

        await pilot.press("f2")  # innkalling: read again, as a notice
        await _read(pilot, app)
        assert "innkalling" in str(screen.query_one("#import-kind").render())
        assert screen.plan is not None and screen.plan.document.kind == "notice"
        assert "Oppmøte" not in cell_texts(table, 0) and cell_texts(table, 0)[0] == "Møte 1/2023"
    archive.close()


async def test_the_correction_form_shows_a_numbered_decision_whole(demo_path, tmp_path, monkeypatch):
    """r on 4/23 of the seed's minutes: its decision has two numbered points, and both are in
    view (the field was one row high: «1. NUIT er orientert …» alone)."""
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.import_detail import CorrectItemScreen

    monkeypatch.chdir(tmp_path)
    seed = resources.files("nuit_tui.demo").joinpath("seeds", "nuit-2023-moete1-referat.txt").read_text(encoding="utf-8")
    (tmp_path / "referat.txt").write_text(seed, encoding="utf-8")
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.body = archive.members.body("NUIT")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, "referat.txt")
        await pilot.press("enter")
        await _read(pilot, app)
        table = app.screen.query_one("#import-parts")
        table.move_cursor(row=cell_texts(table, 0).index("Sak 4/23"))
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, CorrectItemScreen)
        decision = app.screen.query_one("#decision")
        assert decision.text.startswith("1. NUIT er orientert") and "\n2. Aktørene" in decision.text
        assert decision.content_region.height >= 4
        assert decision.wrapped_document.height <= decision.content_region.height  # both points in view
    archive.close()
