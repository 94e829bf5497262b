"""A file holding more than one document, as the secretariat sends them: the seed
(seeds/nuit-2023-moete2-innkalling-og-moete1-referat.txt) is the notice of NUIT 2/2023,
then the minutes of 1/2023 from their own header, then 2/2023's cover notes. Imported as
minutes it is the minutes of 1/2023 and nothing else; imported as a notice it is still
the notice of 2/2023.

The file is put together from the demo's three seeds, which are that file cut in three
(byte for byte, but the file's last, blank line).
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from conftest import one_line_error, run
from nuit_tui.importers.read_document import read_text_as
from nuit_tui.services import Archive

PARTS = ("nuit-2023-moete2-innkalling.txt", "nuit-2023-moete1-referat.txt", "nuit-2023-moete2-toppnotater.txt")
NAME = "nuit-2023-moete2-innkalling-og-moete1-referat.txt"


def seed(name: str) -> str:
    return resources.files("nuit_tui.demo").joinpath("seeds", name).read_text(encoding="utf-8")


@pytest.fixture
def combined(tmp_path):
    path = tmp_path / NAME
    path.write_text("".join(seed(name) for name in PARTS), encoding="utf-8")
    return path


def _meeting_2(path) -> dict:
    """All the archive holds of NUIT 2/2023 that minutes could fill in."""
    archive = Archive.open(path)
    try:
        meeting = archive.meetings.find("NUIT", "2/2023")
        items = archive.agenda.items(meeting.id)
        return {
            "attendance": [(a.person_id, a.status) for a in archive.attendance.rows(meeting.id)],
            "items": [(i.case_seq, i.title, i.narrative, i.decision) for i in items],
            "remarks": [(r.speaker, r.text) for i in items for r in archive.minutes.remarks(i.id)],
        }
    finally:
        archive.close()


def dry_run(demo_path, combined, kind: str) -> tuple[dict, dict]:
    """`import KIND combined --dry-run --json`: its report and its one meeting; the file unchanged."""
    before = demo_path.read_bytes()
    result = run("import", kind, combined, "--body", "NUIT", "--db", demo_path, "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    assert demo_path.read_bytes() == before
    report = json.loads(result.stdout)
    [meeting] = report["meetings"]
    return report, meeting


def test_the_seed_notice_and_minutes_in_one_file_import_as_minutes_are_the_minutes_of_1_2023(demo_path, combined):
    """It read the notice's header and members (2/2023, all 20 present) and put the whole
    minutes of 1/2023, 52 remarks and all, into 2/2023's item 26/23 «Eventuelt»: 88 changes,
    no warning."""
    alone = read_text_as(seed(PARTS[1]), "minutes").meetings[0]  # the minutes of 1/2023 on their own
    report, meeting = dry_run(demo_path, combined, "minutes")
    assert (meeting["number"], meeting["date"], meeting["start"], meeting["end"]) == ("1/2023", "2023-02-16", "09:00", "16:00")
    assert [i["case"] for i in meeting["items"]] == [f"{n}/23" for n in range(1, 13)]
    assert [(i["decision"], i["narrative"]) for i in meeting["items"]] == [(i.decision, i.narrative) for i in alone.items]
    assert [[r["text"] for r in i["remarks"]] for i in meeting["items"]] == [[r.text for r in i.remarks] for i in alone.items]
    assert sum(len(i["remarks"]) for i in meeting["items"]) == 52
    assert meeting["items"][-1]["narrative"].endswith("vil sende ut en oppdatert innkalling til dette møte.")  # 12/23, no cover note
    assert len(meeting["attendance"]) == 24 and meeting["attendance"][-5]["substitute_for"] == "Anne-Lise Härter"
    assert report["warnings"] == [
        "linje 1–388 er ikke lest som referat: der står innkallingen til møte 2/2023",
        "linje 881–3249 er ikke lest som referat: der står et toppnotat («Orientering fra Direktoratet for e-helse») "
        "og det som følger",
    ]
    # written for real: the demo holds 1/2023 as its minutes say, and 2/2023 is not touched
    held = _meeting_2(demo_path)
    result = run("import", "minutes", combined, "--body", "NUIT", "--db", demo_path)
    assert result.returncode == 0, result.stderr
    assert "NUIT møte 1/2023 (lik)" in result.stdout and "Ingen endringer" in result.stdout
    assert "2/2023" not in result.stdout.replace("innkallingen til møte 2/2023", "")
    assert _meeting_2(demo_path) == held


def test_the_same_file_imported_as_a_notice_is_still_the_notice_of_2_2023(demo_path, combined):
    notice = read_text_as(seed(PARTS[0]), "notice").meetings[0]  # the notice of 2/2023 on its own
    result = run("import", "notice", combined, "--body", "NUIT", "--db", demo_path, "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    [meeting] = json.loads(result.stdout)["meetings"]
    assert (meeting["number"], meeting["date"]) == ("2/2023", "2023-05-25")
    items = [i for i in meeting["items"] if i.get("case")]
    assert [i["case"] for i in items] == [f"{n}/23" for n in range(13, 27)]
    expected = [i for i in notice.items if i.case]
    assert [(i["title"], i["proposed_decision"]) for i in items[:-1]] == [(i.title, i.proposed_decision) for i in expected[:-1]]


def test_minutes_followed_by_the_next_notice_end_where_the_notice_begins():
    minutes, notice = seed(PARTS[1]), seed(PARTS[0])
    alone = read_text_as(minutes, "minutes")
    document = read_text_as(minutes + notice, "minutes")
    assert document.meetings == alone.meetings
    assert document.warnings == ["linje 493–880 er ikke lest som referat: der står innkallingen til møte 2/2023"]


def test_two_notices_in_one_file_imported_as_minutes_are_refused_in_one_line(demo_path, tmp_path):
    """No header in the file is the minutes': reading the first meeting would put the
    second into its last item."""
    first = seed(PARTS[0])
    path = tmp_path / "to-innkallinger.txt"
    path.write_text(first + first.replace("Møte 2/2023", "Møte 3/2023", 1), encoding="utf-8")
    before = demo_path.read_bytes()
    result = run("import", "minutes", path, "--body", "NUIT", "--db", demo_path)
    assert result.returncode == 2
    assert one_line_error(result) == (
        "nuit-tui: to-innkallinger.txt ser ikke ut som et referat: filen begynner som en innkalling "
        "(linje 1: «Møte i NUIT», møte 2/2023), og fant ikke noe referat i den («Referat fra møte i …»)"
    )
    assert demo_path.read_bytes() == before


def test_the_seed_file_imported_as_a_notice_ends_where_the_minutes_of_1_2023_begin(demo_path, combined):
    """26/23 «Eventuelt» took the whole minutes of 1/2023 as its description, the cover
    notes' proposed decisions as its own and a cover note made up of them; no warning."""
    alone = read_text_as(seed(PARTS[0]), "notice")  # the notice of 2/2023 on its own
    report, meeting = dry_run(demo_path, combined, "notice")
    assert (meeting["number"], meeting["date"]) == ("2/2023", "2023-05-25")
    items = [i for i in meeting["items"] if i.get("case")]
    assert [i["case"] for i in items] == [f"{n}/23" for n in range(13, 27)]
    expected = [i for i in alone.meetings[0].items if i.case]
    assert [(i["title"], i["proposed_decision"]) for i in items] == [(i.title, i.proposed_decision) for i in expected]
    assert (items[-1]["title"], items[-1]["proposed_decision"], items[-1]["merge"]) == ("Eventuelt", "", "same")
    fields = json.dumps(meeting["items"], ensure_ascii=False)  # the fields, and any conflicts with their texts
    assert "Referat fra møte" not in fields and "Følgende innspill" not in fields
    assert report["cover_notes"] == []
    assert report["warnings"] == ["linje 389–3249 er ikke lest som innkalling: der står referatet fra møte 1/2023"]
    document = read_text_as(combined.read_text(encoding="utf-8"), "notice")
    assert document.meetings == alone.meetings and document.cover_notes == alone.cover_notes == []
    last = document.meetings[0].items[-1]
    assert (last.case, last.description, last.proposed_decision) == ("26/23", "", "")


def test_a_notice_followed_by_its_cover_notes_ends_where_the_first_cover_note_begins():
    notice, notes = seed(PARTS[0]), seed(PARTS[2])
    alone = read_text_as(notice, "notice")
    document = read_text_as(notice + notes, "notice")
    assert document.meetings == alone.meetings and document.cover_notes == []
    assert document.warnings == [
        "linje 389–2757 er ikke lest som innkalling: der står et toppnotat («Orientering fra Direktoratet for e-helse») "
        "og det som følger"
    ]


# --- the import screen: each part beside its own source lines --------------------------------


def _shown_source(screen) -> str:
    """The source pane's text as it is on the screen now (its rows in view)."""
    from textual.geometry import Region

    pane, text = screen.query_one("#import-source"), screen.query_one("#source-text")
    rows = text.render_lines(Region(0, int(pane.scroll_y), text.size.width, pane.scrollable_content_region.height))
    return " ".join(" ".join(strip.text.split()) for strip in rows)


async def _import_screen_at(demo_path, path, width: int, kind_keys: tuple[str, ...], part: str) -> tuple[str, list]:
    """Read `path` on the import screen (`kind_keys`: F2 to choose the kind), go down to the
    row `part` by ↓, and give the source shown beside it and the parts' columns."""
    from conftest import type_text
    from nuit_tui.tui.app import NuitApp

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    try:
        async with app.run_test(size=(width, 30)) as pilot:
            await pilot.pause()
            await pilot.press("i")
            await pilot.pause()
            await type_text(pilot, str(path))
            await pilot.press(*kind_keys, "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("#import-parts")
            labels = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
            await pilot.press(*["down"] * labels.index(part))
            await pilot.pause()
            await pilot.pause()
            room = table.scrollable_content_region.width
            columns = [(str(c.label), c.get_render_width(table)) for c in table.ordered_columns]
            return _shown_source(app.screen), [label for label, _ in columns if sum(w for _, w in columns[: columns.index((label, _)) + 1]) <= room]
    finally:
        archive.close()


@pytest.mark.parametrize("width", [80, 160])
async def test_an_item_of_the_minutes_after_a_notice_is_shown_beside_its_own_text_in_the_minutes(demo_path, combined, width):
    """«Sak 6/23» showed the notice's agenda (13/23 … 22/23): the first line holding «6/23»
    anywhere in the file, «16/23», and at the row of a line that had wrapped above it."""
    shown, columns = await _import_screen_at(demo_path, combined, width, ("f2",), "Sak 6/23")
    assert "6/23 Evaluering av prismodeller" in shown
    assert "Henrik Barstad" in shown or width == 80  # the item's text, where the pane is wide enough for it
    assert not any(case in shown for case in ("13/23", "16/23", "18/23", "22/23"))
    assert columns == ["Del", "Innhold", "Fletting", "Valg"]  # on the screen, at 80 columns too


async def test_an_item_of_the_minutes_alone_and_of_the_notice_before_them_is_shown_beside_its_text(demo_path, combined, tmp_path):
    """An item is shown at its own heading, where its text begins (not at its row in the
    agenda table), in a file of one document too, where lines wrapped above it had put it
    off the screen."""
    alone = tmp_path / "referat.txt"
    alone.write_text(seed(PARTS[1]), encoding="utf-8")
    shown, _ = await _import_screen_at(demo_path, alone, 80, ("f2",), "Sak 10/23")
    assert "10/23 MyHealth@EU" in shown and "Gunnar Øiaas" in shown
    shown, _ = await _import_screen_at(demo_path, combined, 100, (), "Sak 16/23")  # read as the notice it begins with
    assert "16/23 Forslag til målbilde" in shown and "skal levere kunnskapsgrunnlag" in shown and "Referat fra" not in shown
