"""An old internal notice or minutes marks an exempt item «Unntatt offentlighet, offl. § 14»
under its heading. Imported, the item is exempt with that basis, the marker is not read
into its text, and a public export of it shows the marker and nothing of its text: the
marker was read as the first paragraph of the description (the narrative in minutes) and
the item as open, so the public notice printed the exempt description and proposal."""

from __future__ import annotations

import shutil

import pytest

from conftest import run
from nuit_tui.domain import models as m
from nuit_tui.exporters import registry
from nuit_tui.importers.exemption import exemption_basis
from nuit_tui.importers.read_document import read_document
from nuit_tui.services import Archive
from nuit_tui.services.minutes import build_minutes
from nuit_tui.services.notice import build_notice

SECRET = "Kvasarfjord-hemmelig beskrivelse"


def _export_internal(path, kind: str, meeting_ref: str, case_seq: int, fmt: str) -> bytes:
    """NUIT's `meeting_ref` with item `case_seq`/23 exempt (offl. § 14, its text marked
    with SECRET), as the internal notice or minutes in `fmt`."""
    archive = Archive.open(path)
    try:
        meeting = archive.meetings.find("NUIT", meeting_ref)
        item = next(i for i in archive.agenda.items(meeting.id) if i.case_seq == case_seq)
        field = "description" if kind == "notice" else "narrative"
        archive.agenda.update_item(item.model_copy(update={"exempt": True, "exempt_basis": "offl. § 14", field: SECRET}))
        build = build_notice if kind == "notice" else build_minutes
        return registry.render(build(archive, meeting.id, public=False), fmt)
    finally:
        archive.close()


@pytest.mark.parametrize(
    ("line", "basis"),
    [
        ("Unntatt offentlighet, offl. § 14", "offl. § 14"),
        ("*Unntatt offentlighet, offl. § 14*", "offl. § 14"),
        ("Unntatt offentlighet – jf. offl. § 15 første ledd", "offl. § 15 første ledd"),
        ("Unntatt offentlighet", ""),
        ("Saken er unntatt offentlighet fordi den er intern.", None),
        ("Direktoratet for e-helse orienterte.", None),
    ],
)
def test_the_marker_line_and_its_basis(line, basis):
    assert exemption_basis(line) == basis


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_an_internal_notice_reads_its_exempt_item_as_exempt(demo_path, fmt):
    data = _export_internal(demo_path, "notice", "2/2023", 22, fmt)
    [meeting] = read_document(data, "notice", name=f"innkalling.{fmt}").meetings
    item = next(i for i in meeting.items if i.case == "22/23")
    assert (item.exempt, item.exempt_basis) == (True, "offl. § 14")
    assert "Unntatt" not in item.description and SECRET in item.description
    assert not any(i.exempt for i in meeting.items if i.case != "22/23")


def test_an_imported_internal_notice_keeps_the_exempt_text_out_of_the_public_one(demo_path, tmp_path):
    source = tmp_path / "innkalling-intern.docx"
    source.write_bytes(_export_internal(demo_path, "notice", "2/2023", 22, "docx"))
    target = tmp_path / "target.sqlite"
    shutil.copy(demo_path, target)  # NUIT 2/2023 as the demo has it: 22/23 open; NEHS has no 2/2023
    result = run("import", "notice", source, "--body", "NEHS", "--db", target)
    assert result.returncode == 0, result.stderr
    public = run("export", "notice", "--body", "NEHS", "--meeting", "2/2023", "--public", "--format", "md",
                 "--out", tmp_path / "offentlig.md", "--db", target)
    assert public.returncode == 0, public.stderr
    text = (tmp_path / "offentlig.md").read_text(encoding="utf-8")
    assert SECRET not in text
    assert "Unntatt offentlighet, offl. § 14" in text
    archive = Archive.open(target)
    try:
        nehs = archive.meetings.find("NEHS", "2/2023")
        item = next(i for i in archive.agenda.items(nehs.id) if i.case_seq == 22)
        assert (item.exempt, item.exempt_basis, item.description) == (True, "offl. § 14", SECRET)
    finally:
        archive.close()


def test_imported_internal_minutes_mark_the_same_item_in_the_archive_exempt(demo_path, tmp_path):
    """The archive holds 7/23 open; the minutes say it is exempt: it becomes exempt («fyller
    inn»), and its narrative stays as the archive has it."""
    target = tmp_path / "target.sqlite"
    shutil.copy(demo_path, target)
    source = tmp_path / "referat-intern.md"
    data = _export_internal(demo_path, "minutes", "1/2023", 7, "md")
    source.write_bytes(data)
    archive = Archive.open(target)
    try:
        meeting = archive.meetings.find("NUIT", "1/2023")
        before = next(i for i in archive.agenda.items(meeting.id) if i.case_seq == 7)
        archive.agenda.update_item(before.model_copy(update={"narrative": SECRET}))
    finally:
        archive.close()
    dry = run("import", "minutes", source, "--body", "NUIT", "--db", target, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert '"exempt_basis": "offl. § 14"' in dry.stdout
    result = run("import", "minutes", source, "--body", "NUIT", "--db", target)
    assert result.returncode == 0, result.stderr
    archive = Archive.open(target)
    try:
        item = next(i for i in archive.agenda.items(meeting.id) if i.case_seq == 7)
        assert (item.exempt, item.exempt_basis, item.narrative) == (True, "offl. § 14", SECRET)
        assert item.state is m.ItemState.HANDLED
    finally:
        archive.close()
