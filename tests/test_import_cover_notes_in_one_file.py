"""A file holding several cover notes (toppnotater) is read as each of them, each matched to
its item by its case number: the demo's own demo/seeds/nuit-2023-moete2-toppnotater.txt
(2/2023's eleven cover notes, 15/23–25/23, one after the other as the PDF gives them) and
the seed that holds the notice of 2/2023 and the minutes of 1/2023 before them.

It was read as one cover note: 15/23 with the ten others in its background (and, from the
combined seed, the notice's «NUIT godkjenner innkalling og dagsorden. 14/23 …» as its
«Forslag til vedtak»).
"""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from conftest import run
from nuit_tui.importers.read_document import read_text_as

NOTES = "nuit-2023-moete2-toppnotater.txt"
PARTS = ("nuit-2023-moete2-innkalling.txt", "nuit-2023-moete1-referat.txt", NOTES)
CASES = [f"{n}/23" for n in range(15, 26)]


def seed(name: str) -> str:
    return resources.files("nuit_tui.demo").joinpath("seeds", name).read_text(encoding="utf-8")


def seed_words(first: int, last: int, box: tuple[int, int] | None = None) -> list[str]:
    """The words of the cover notes' seed on its lines `first`–`last` (1-based), as printed:
    without the box's lines, the page numbers («Side 3 av 4») and the bullets; a word broken
    at a line's end («EPJ-» / «systemene») is one word."""
    lines = seed(NOTES).split("\n")[first - 1 : last]
    words: list[str] = []
    for number, line in enumerate(lines, start=first):
        if (box and box[0] <= number <= box[1]) or re.fullmatch(r"\s*Side \d+ av \d+\s*", line):
            continue
        said = line.split()
        if said and words and len(words[-1]) > 1 and words[-1].endswith("-"):
            words[-1] += said.pop(0)
        words += said
    return [w for w in words if w not in ("•", "-")]


def words(text: str) -> list[str]:
    return [w for w in text.split() if w not in ("•", "-")]


@pytest.fixture
def combined(tmp_path):
    path = tmp_path / "nuit-2023-moete2-innkalling-og-moete1-referat.txt"
    path.write_text("".join(seed(name) for name in PARTS), encoding="utf-8")
    return path


def test_the_demos_cover_notes_file_is_read_as_its_eleven_cover_notes():
    document = read_text_as(seed(NOTES), "cover_note")
    assert [n.case for n in document.cover_notes] == CASES
    assert [n.title for n in document.cover_notes][:2] == [
        "Orientering fra Direktoratet for e-helse", "Forslag til målbilde til Nasjonal helse- og samhandlingsplan"]
    # a title over two lines; a box whose «Type» is labelled «Innretning»
    assert document.cover_notes[-1].title == (
        "Prioritering av tiltak innen digital sikkerhet fra innspill til den kommende helseberedskapsmeldingen")
    assert [n.type for n in document.cover_notes][5:8] == ["Drøfting", "Anbefaling", "Drøfting"]
    assert {n.to for n in document.cover_notes} == {"Møte 2/23"} and document.warnings == []
    assert [len(n.earlier_decisions) for n in document.cover_notes] == [0, 0, 3, 0, 0, 0, 2, 1, 4, 0, 9]


def test_three_cover_notes_read_word_for_word_as_the_seed_prints_them():
    notes = {n.case: n for n in read_text_as(seed(NOTES), "cover_note").cover_notes}
    first, second, portals = notes["15/23"], notes["16/23"], notes["22/23"]
    assert first.proposed_decision == "NUIT tar sakene til orientering."
    assert words(first.purpose) == seed_words(10, 14)
    assert words(first.background) == seed_words(17, 115, box=(29, 45))  # up to 16/23's title
    assert second.proposed_decision == (
        "NUIT drøftet foreløpig forslag til målbilde for digitalisering i helse- og omsorgssektoren og ba Direktoratet "
        "for e-helse ta med seg innspill fra møtet i det videre arbeidet.")
    assert words(second.purpose) == seed_words(125, 131)
    assert words(second.background).index("Nasjonal") == 0 and words(second.background)[:40] == seed_words(133, 150)[:40]
    assert [(s.heading, s.text.split()[:3]) for s in second.sections] == [
        ("Til drøfting", ["NUIT", "bes", "gi"]), ("Videre saksprosess", ["Videre", "prosess", "for"])]
    assert (portals.case, portals.type, portals.from_, portals.case_officer) == ("22/23", "Drøfting", "Lucie Aunan", "Merete Lassen")
    assert portals.proposed_decision == (
        "NUIT drøftet saken og ba Direktoratet for e-helse ta med seg innspill fra møtet i det videre arbeidet.")
    assert words(portals.purpose) == seed_words(1321, 1331)
    assert words(portals.background) == seed_words(1334, 1414, box=(1357, 1373))  # up to «Videre prosess»


def test_the_combined_seed_read_as_cover_notes_leaves_the_notice_and_the_minutes_out(combined):
    alone = read_text_as(seed(NOTES), "cover_note")
    document = read_text_as(combined.read_text(encoding="utf-8"), "cover_note")
    assert document.cover_notes == alone.cover_notes
    assert document.warnings == [
        "linje 1–880 er ikke lest som toppnotat: der står innkallingen til møte 2/2023 og referatet fra møte 1/2023"]
    read = json.dumps([n.model_dump(mode="json") for n in document.cover_notes], ensure_ascii=False)
    assert "NUIT godkjenner innkalling og dagsorden" not in read and "Følgende innspill" not in read


def test_a_notice_alone_read_as_cover_notes_is_refused_in_one_line(demo_path, tmp_path):
    path = tmp_path / "innkalling.txt"
    path.write_text(seed(PARTS[0]), encoding="utf-8")
    result = run("import", "cover-note", path, "--body", "NUIT", "--db", demo_path, "--dry-run")
    assert result.returncode == 2
    assert "innkalling.txt ser ikke ut som et toppnotat: fant ikke noe toppnotat etter innkallingen til møte 2/2023" in result.stderr


@pytest.mark.parametrize("which", ["notes", "combined"])
def test_the_dry_run_lists_all_eleven_cover_notes_each_on_its_item(demo_path, combined, tmp_path, which):
    path = combined
    if which == "notes":
        path = tmp_path / NOTES
        path.write_text(seed(NOTES), encoding="utf-8")
    before = demo_path.read_bytes()
    result = run("import", "cover-note", path, "--body", "NUIT", "--db", demo_path, "--dry-run")
    assert result.returncode in (0, 3), result.stderr
    listed = re.findall(r"^\S+: toppnotat sak (\d+/23) \(", result.stdout, re.MULTILINE)
    assert listed == CASES
    assert "NUIT godkjenner innkalling" not in result.stdout
    report = json.loads(run("import", "cover-note", path, "--body", "NUIT", "--db", demo_path, "--dry-run", "--json").stdout)
    notes = report["cover_notes"]
    assert [n["case"] for n in notes] == CASES
    assert not any("finnes ikke i arkivet; importer innkallingen" in w for w in report["warnings"])
    # 15/23's proposal is its own and the archive's: the same; 18/23's cover note words it otherwise than the notice
    assert "proposed_decision" not in [c["field"] for c in notes[0]["conflicts"]]
    assert [c["document"] for c in notes[3]["conflicts"] if c["field"] == "proposed_decision"] == [
        "NUIT gir sin støtte til at Norsk helsenett SF bidrar i utprøvingene slik det er skissert i styringsdokumentet "
        "for felles journalløft, med gjenbruk av løsningsmønstre og programvareinfrastruktur i Norsk helsenett SF."]
    assert demo_path.read_bytes() == before


async def test_the_import_screen_shows_each_cover_note_of_the_file_beside_its_own_text(demo_path, combined):
    """Each cover note a row of its own, and highlighted, its own lines in the source pane
    (its case number stands in the notice's agenda first)."""
    from textual.geometry import Region

    from conftest import type_text
    from nuit_tui.services import Archive
    from nuit_tui.tui.app import NuitApp

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            await pilot.press("i")
            await pilot.pause()
            await type_text(pilot, str(combined))
            await pilot.press("f2", "f2", "enter")  # the kind: toppnotat (the file begins as a notice)
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("#import-parts")
            labels = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
            await pilot.press(*["down"] * CASES.index("22/23"))
            await pilot.pause()
            await pilot.pause()
            pane, text = app.screen.query_one("#import-source"), app.screen.query_one("#source-text")
            rows = text.render_lines(Region(0, int(pane.scroll_y), text.size.width, pane.scrollable_content_region.height))
            shown = " ".join(" ".join(strip.text.split()) for strip in rows)
    finally:
        archive.close()
    assert labels == [f"Toppnotat {case}" for case in CASES]
    assert "Portaler for rapportering for helsepersonell" in shown and "Forslag til vedtak" in shown


# --- a conflict shown where the two texts part -------------------------------------------------


def _conflict_line(out: str, where: str, label: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(f"  konflikt, {where} · {label}: "))


def test_a_long_conflict_is_shown_where_the_document_and_the_archive_part(demo_path, tmp_path):
    """«Bakgrunn» of 15/23: the archive holds the first part of the cover note's background.
    Both were cut after 60 characters, so the line read «dokumentet «Direktoratet redegjør …
    innholdet i », arkivet «Direktoratet redegjør … innholdet i »»: no difference to see."""
    path = tmp_path / NOTES
    path.write_text(seed(NOTES), encoding="utf-8")
    out = run("import", "cover-note", path, "--body", "NUIT", "--db", demo_path, "--dry-run").stdout
    line = _conflict_line(out, "toppnotat sak 15/23", "Bakgrunn")
    document, archive = re.fullmatch(r".*?: dokumentet «(.*)», arkivet «(.*)»", line).groups()
    assert document != archive
    assert document.startswith("…") and document.endswith("…") and archive.startswith("…")
    # the archive's text ends where the document goes on
    assert archive.endswith("tilgjengeliggjøring av helsedataene.")
    assert "helsedataene. Overgangen er en viktig milepæl" in document
    assert document[1:].startswith(archive[1:])
    assert len(document) < 200 and "\n" not in line
    # where the words themselves differ, both sides show it
    eighteen = _conflict_line(out, "toppnotat sak 18/23", "Bakgrunn")
    assert "plattformorientert" in eighteen and "plattform-orientert" in eighteen


def test_a_cover_note_that_differs_from_the_archive_only_in_line_breaks_is_the_same(demo):
    """As the documents print them: spacing and line breaks are not a difference."""
    from nuit_tui.importers.meeting_record import ReadCoverNote, ReadDocument

    item = demo.agenda.find_item("16/23", body_short_name="NUIT")
    rewrapped = item.purpose.replace(" ", " \n", 3).replace(". ", ".\n\n")  # wrapped at other places, a paragraph more
    note = ReadCoverNote(case="16/23", proposed_decision=item.proposed_decision.replace(" ", "\n", 5), purpose=rewrapped)
    plan = demo.imports.plan(ReadDocument(kind="cover_note", cover_notes=[note]), "NUIT")
    assert [(f.name, f.merge) for f in plan.cover_notes[0].fields] == [("proposed_decision", "same"), ("purpose", "same")]
