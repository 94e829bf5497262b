"""Importing what a reader understood into a real archive: merge statuses, idempotence,
one transaction, registry names, case number checks, cover notes' earlier decisions."""

from __future__ import annotations

import datetime as dt
import shutil
from importlib import resources

import pytest

from nuit_tui.domain import models as m
from nuit_tui.domain.minutes_text import REMARKS_MARKER
from nuit_tui.importers.meeting_record import (
    ReadAttendance,
    ReadCoverNote,
    ReadDocument,
    ReadEarlierDecision,
    ReadItem,
    ReadMeeting,
    ReadRemark,
)
from nuit_tui.importers.names import NameIndex, fold
from nuit_tui.services import Archive


def _registry(archive: Archive) -> None:
    store = archive.store
    archive.members.add_body("NUIT", "Prioriteringsutvalget")
    orgs = {n: store.insert(m.Organization(name=n)) for n in ("Helse Sør-Øst RHF", "Apotekforeningen", "KS", "Direktoratet for e-helse")}
    for name, org in (
        ("Ole Johan Kvan", "Helse Sør-Øst RHF"),
        ("Anne-Lise Härter", "Apotekforeningen"),
        ("Maren Krogh", "Apotekforeningen"),
        ("Asbjørn Finstad", "KS"),
        ("Siv Ingebrigtsen", "Direktoratet for e-helse"),
    ):
        archive.members.add_person(name, orgs[org].stored_id)


@pytest.fixture(scope="module")
def registry_template(tmp_path_factory):
    """An archive with the body and a few people, built once and then only copied."""
    path = tmp_path_factory.mktemp("registry") / "nuit.sqlite"
    archive = Archive.open(path)
    _registry(archive)
    archive.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()
    return path


@pytest.fixture
def registry_db(registry_template, tmp_path):
    path = tmp_path / "nuit.sqlite"
    shutil.copy(registry_template, path)
    return path


@pytest.fixture
def archive(registry_db):
    """The registry's archive (no meetings yet), open."""
    archive = Archive.open(registry_db)
    yield archive
    archive.close()


ITEMS = [
    ("1/23", "Godkjenning av innkalling og dagsorden", "Godkjenning", "NUIT godkjenner innkalling og dagsorden."),
    ("2/23", "Målbilde og veikart for Helsenorge", "Drøfting", "NUIT drøftet veikartet."),
    ("3/23", "Eventuelt", "Orientering", ""),
]


def notice() -> ReadDocument:
    items = [ReadItem(case=c, title=t, type=ty, proposed_decision=p, start=dt.time(9, 5 * i)) for i, (c, t, ty, p) in enumerate(ITEMS)]
    items.insert(2, ReadItem(kind="break", title="Lunsj", start=dt.time(9, 12)))
    return ReadDocument(
        kind="notice",
        source="innkalling.docx",
        meetings=[ReadMeeting(body="NUIT", number="1/2023", date=dt.date(2023, 2, 16), start=dt.time(9), end=dt.time(16),
                              location="Microsoft Teams", items=items)],
    )


def minutes(decision_2: str = "NUIT drøftet veikartet og ba om innspill.") -> ReadDocument:
    items = [
        ReadItem(case="1/23", title=ITEMS[0][1], type="Godkjenning", decision="NUIT godkjenner innkalling og dagsorden.", narrative="Ingen innspill."),
        ReadItem(
            case="2/23",
            title=ITEMS[1][1],
            type="Drøfting",
            decision=decision_2,
            narrative="Nina orienterte.",
            narrative_after="Svar etter innspillene.",
            remarks=[ReadRemark(speaker="Helse Sør-Øst RHF", text="kommenterte at det går bra."), ReadRemark(speaker="KS", text="spurte om penger.")],
        ),
        ReadItem(case="3/23", title="Eventuelt", type="Orientering", narrative="Ingen saker."),
    ]
    attendance = [
        ReadAttendance(name="Ole Johan Kvan", organization="Helse Sør-Øst RHF"),
        ReadAttendance(name="Asbjørn Finstad", organization="KS", left=dt.time(13, 30), remote=True),
        ReadAttendance(name="Anne-Lise Härter", organization="Apotekforeningen", status="absent_with_notice"),
        ReadAttendance(name="Maren Krogh", organization="Apotekforeningen", role="substitute", substitute_for="Anne-Lise Härter"),
        ReadAttendance(name="Siv Ingebrigtsen", organization="Direktoratet for e-helse", role="secretariat"),
    ]
    return ReadDocument(
        kind="minutes",
        source="referat.pdf",
        meetings=[ReadMeeting(body="NUIT", number="1/2023", date=dt.date(2023, 2, 16), start=dt.time(9), end=dt.time(16), items=items, attendance=attendance)],
    )


def _dump(archive: Archive) -> dict:
    return {table: [r.model_dump(exclude={"updated_at"}) for r in rows] for table, rows in archive.store.dump().items()}


def _statuses(plan) -> dict:
    mp = plan.meetings[0]
    return {
        "meeting": mp.merge,
        "items": [i.merge for i in mp.items],
        "remarks": [r.merge for i in mp.items for r in i.remarks],
        "attendance": [a.merge for a in mp.attendance],
    }


def test_a_new_meeting_is_new_in_every_part_and_lands_with_its_agenda(archive):
    plan = archive.imports.plan(minutes(), "NUIT")
    assert _statuses(plan) == {"meeting": "new", "items": ["new"] * 3, "remarks": ["new", "new"], "attendance": ["new"] * 5}
    result = archive.imports.apply(plan)
    assert (result.meetings, result.items, result.remarks, result.attendance) == (1, 3, 2, 5)
    meeting = archive.meetings.find("NUIT", "1/2023")
    assert meeting.status is m.MeetingStatus.HELD
    agenda = archive.agenda.items(meeting.stored_id)
    assert [(i.case_seq, i.state) for i in agenda] == [(1, m.ItemState.HANDLED), (2, m.ItemState.HANDLED), (3, m.ItemState.HANDLED)]
    assert agenda[1].narrative == f"Nina orienterte.\n\n{REMARKS_MARKER}\n\nSvar etter innspillene."
    remarks = archive.minutes.remarks(agenda[1].stored_id)
    assert [(r.speaker, r.text, r.organization_id is not None) for r in remarks] == [
        ("Helse Sør-Øst RHF", "kommenterte at det går bra.", True),
        ("KS", "spurte om penger.", True),
    ]
    rows = {archive.members.person(r.person_id).name: r for r in archive.attendance.rows(meeting.stored_id)}
    assert rows["Asbjørn Finstad"].left_at == dt.time(13, 30) and rows["Asbjørn Finstad"].remote
    assert rows["Anne-Lise Härter"].status is m.AttendanceStatus.ABSENT_WITH_NOTICE
    assert archive.members.person(rows["Maren Krogh"].substitute_for_person_id).name == "Anne-Lise Härter"
    assert rows["Siv Ingebrigtsen"].role is m.AttendanceRole.SECRETARIAT


def test_minutes_after_the_notice_fill_in_the_same_items(archive):
    archive.imports.apply(archive.imports.plan(notice(), "NUIT"))
    meeting = archive.meetings.find("NUIT", "1/2023")
    before = {i.case_seq: i.id for i in archive.agenda.items(meeting.stored_id)}
    assert meeting.status is m.MeetingStatus.NOTICE_SENT and len(before) == 4  # three items and the lunch
    plan = archive.imports.plan(minutes(), "NUIT")
    statuses = _statuses(plan)
    assert statuses["meeting"] == "fills_in"  # notice sent → held
    assert statuses["items"] == ["fills_in", "fills_in", "fills_in"]
    archive.imports.apply(plan)
    after = archive.agenda.items(archive.meetings.find("NUIT", "1/2023").stored_id)
    assert {i.case_seq: i.id for i in after} == before  # the same rows, no duplicates
    item = next(i for i in after if i.case_seq == 2)
    assert (item.proposed_decision, item.decision) == ("NUIT drøftet veikartet.", "NUIT drøftet veikartet og ba om innspill.")
    assert len(archive.minutes.remarks(item.stored_id)) == 2
    assert archive.meetings.find("NUIT", "1/2023").status is m.MeetingStatus.HELD


def test_importing_the_same_document_twice_changes_nothing(archive):
    archive.imports.apply(archive.imports.plan(notice(), "NUIT"))
    archive.imports.apply(archive.imports.plan(minutes(), "NUIT"))
    dump = _dump(archive)
    plan = archive.imports.plan(minutes(), "NUIT")
    assert _statuses(plan) == {"meeting": "same", "items": ["same"] * 3, "remarks": ["same", "same"], "attendance": ["same"] * 5}
    assert plan.changes == 0
    assert archive.imports.apply(plan).changed == 0
    assert archive.imports.apply(archive.imports.plan(notice(), "NUIT")).changed == 0
    assert _dump(archive) == dump


def test_a_different_decision_is_a_conflict_shown_and_never_overwritten(archive):
    archive.imports.apply(archive.imports.plan(minutes(), "NUIT"))
    plan = archive.imports.plan(minutes(decision_2="NUIT vedtok noe helt annet."), "NUIT")
    item = plan.meetings[0].items[1]
    assert item.merge == "conflict"
    assert [(f.name, f.read, f.archive) for f in item.conflicts] == [
        ("decision", "NUIT vedtok noe helt annet.", "NUIT drøftet veikartet og ba om innspill.")
    ]
    assert plan.conflicts == 1
    result = archive.imports.apply(plan)
    assert result.conflicts == 1 and result.changed == 0
    stored = archive.agenda.find_item("2/23", body_short_name="NUIT")
    assert stored.decision == "NUIT drøftet veikartet og ba om innspill."


def test_a_failure_midway_leaves_the_archive_as_it_was(archive, monkeypatch):
    archive.imports.apply(archive.imports.plan(notice(), "NUIT"))
    dump = _dump(archive)
    calls = []

    def failing(remark):
        calls.append(remark)
        raise RuntimeError("disk gone")

    monkeypatch.setattr(archive.minutes, "add_remark", failing)
    with pytest.raises(RuntimeError):
        archive.imports.apply(archive.imports.plan(minutes(), "NUIT"))
    assert calls  # it failed after the decision of 1/23 was written …
    assert _dump(archive) == dump  # … and that was rolled back with the rest


def test_names_are_corrected_against_the_registry_and_each_correction_listed(archive):
    document = minutes()
    damaged = [
        row.model_copy(update=change)
        for row, change in zip(
            document.meetings[0].attendance,
            [
                {"name": "Ole Johan Kvan", "organization": "Helse Sor-Ost RHF"},
                {"name": "Asbjrøn Finstad"},  # swapped letters
                {"name": "Anne-Lise Hårter"},  # ä read as å
                {"name": "Maren Kroggh", "substitute_for": "Anne-Lise Harter"},  # doubled letter, lost diacritic
                {"name": "siv ingebrigtsen"},  # case
            ],
            strict=True,
        )
    ]
    document.meetings[0].attendance = damaged
    plan = archive.imports.plan(document, "NUIT")
    repaired = {(r.original, r.repaired) for r in plan.document.repairs}
    assert repaired == {
        ("Helse Sor-Ost RHF", "Helse Sør-Øst RHF"),
        ("Asbjrøn Finstad", "Asbjørn Finstad"),
        ("Anne-Lise Hårter", "Anne-Lise Härter"),
        ("Maren Kroggh", "Maren Krogh"),
        ("Anne-Lise Harter", "Anne-Lise Härter"),
        ("siv ingebrigtsen", "Siv Ingebrigtsen"),
    }
    assert all(r.reason.startswith("kjent") for r in plan.document.repairs)
    archive.imports.apply(plan)
    assert archive.store.count(m.Person) == 5  # nobody new


def test_a_name_close_to_two_known_ones_or_short_is_left_as_read():
    index = NameIndex(["Terje Hansen", "Terje Jansen", "KS", "FFO"])
    assert index.match("Terje Bansen").name is None
    assert set(index.match("Terje Bansen").ambiguous) == {"Terje Hansen", "Terje Jansen"}
    assert index.match("KF").name is None  # short names are matched exactly only
    assert index.match("ks").name == "KS"
    assert index.match("Ola Nordmann").name is None
    assert fold("Anne-Lise Härter") == fold("anne lise hårter") == fold("Anne-Lise Harrter")


def test_case_and_meeting_numbers_are_checked_against_the_bodys_sequence(archive):
    archive.imports.apply(archive.imports.plan(minutes(), "NUIT"))
    later = ReadDocument(
        kind="notice",
        meetings=[
            ReadMeeting(
                body="NUIT",
                number="3/2023",
                date=dt.date(2023, 9, 1),
                items=[ReadItem(case="5/23", title="A"), ReadItem(case="7/23", title="B"), ReadItem(case="7/23", title="C"), ReadItem(case="2/23", title="D")],
            )
        ],
    )
    warnings = archive.imports.plan(later, "NUIT").warnings
    assert any("møte 2/2023 mangler" in w for w in warnings)
    assert any("hopper over" in w and "3/23" in w and "6/23" in w for w in warnings)
    assert any("7/23 står to ganger" in w for w in warnings)
    assert any("Sak 2/23 finnes fra før i møte 1/2023" in w for w in warnings)


def test_cover_note_rows_become_links_when_the_archive_holds_the_case_else_warnings(archive):
    archive.imports.apply(archive.imports.plan(minutes(), "NUIT"))
    later = notice().model_copy(deep=True)
    later.meetings[0] = later.meetings[0].model_copy(
        update={"number": "2/2023", "date": dt.date(2023, 5, 25), "items": [ReadItem(case="4/23", title="Veikart igjen", type="Drøfting")]}
    )
    archive.imports.apply(archive.imports.plan(later, "NUIT"))
    note = ReadDocument(
        kind="cover_note",
        cover_notes=[
            ReadCoverNote(
                case="4/23",
                purpose="Å drøfte veikartet.",
                case_officer="Siv Ingebrigtsen",
                earlier_decisions=[
                    ReadEarlierDecision(case="NUIT 2/23", theme="Veikart", decision="NUIT drøftet"),
                    ReadEarlierDecision(case="NEHS 36/21", theme="Veikart"),
                ],
            )
        ],
    )
    plan = archive.imports.plan(note, "NUIT")
    cover = plan.cover_notes[0]
    assert cover.merge == "fills_in"
    assert [link.merge for link in cover.links] == ["new", "new"]
    assert any("NEHS 36/21" in w for w in plan.warnings)
    archive.imports.apply(plan)
    item = archive.agenda.find_item("4/23", body_short_name="NUIT")
    assert [archive.agenda.case_label(e) for e in archive.agenda.earlier_handlings(item.stored_id)] == ["2/23"]
    assert item.purpose == "Å drøfte veikartet."
    assert [p.name for p in archive.agenda.item_people(item.stored_id, m.PersonRole.CASE_OFFICER)] == ["Siv Ingebrigtsen"]
    assert archive.imports.plan(note, "NUIT").cover_notes[0].merge == "same"


# --- the command line -------------------------------------------------------------------------




def _write(path, document: ReadDocument):
    path.write_text(document.model_dump_json(by_alias=True), encoding="utf-8")
    return path


def _db_dump(path) -> dict:
    archive = Archive.open(path, create=False)
    try:
        return _dump(archive)
    finally:
        archive.close()


def test_dry_run_json_shows_every_part_with_its_merge_status_and_writes_nothing(registry_db, tmp_path, capsys):
    import json

    from nuit_tui.cli import main

    before = _db_dump(registry_db)
    source = _write(tmp_path / "referat.json", minutes())
    assert main(["import", "minutes", str(source), "--body", "NUIT", "--dry-run", "--json", "--db", str(registry_db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"meetings", "cover_notes", "repairs", "warnings"}
    meeting = data["meetings"][0]
    assert {k: meeting[k] for k in ("body", "number", "date", "start", "end", "merge")} == {
        "body": "NUIT", "number": "1/2023", "date": "2023-02-16", "start": "09:00", "end": "16:00", "merge": "new",
    }
    item = meeting["items"][1]
    assert {"case", "title", "type", "proposed_decision", "decision", "narrative", "remarks", "merge"} <= set(item)
    assert item["case"] == "2/23" and item["remarks"][1] == {"speaker": "KS", "text": "spurte om penger.", "merge": "new"}
    rows = {row["name"]: row for row in meeting["attendance"]}
    assert rows["Asbjørn Finstad"] | {"conflicts": []} == {
        "name": "Asbjørn Finstad", "organization": "KS", "status": "present", "role": "member", "remote": True,
        "arrived": None, "left": "13:30", "substitute_for": None, "merge": "new", "conflicts": [],
    }
    assert rows["Maren Krogh"]["substitute_for"] == "Anne-Lise Härter"
    assert rows["Anne-Lise Härter"]["status"] == "absent_with_notice"
    assert _db_dump(registry_db) == before


def test_cli_imports_once_then_finds_nothing_to_do_and_exits_3_on_a_conflict(registry_db, tmp_path, capsys):
    from nuit_tui.cli import main

    source = _write(tmp_path / "referat.json", minutes())
    db = ["--db", str(registry_db)]
    assert main(["import", "minutes", str(source), "--body", "NUIT", *db]) == 0
    once = _db_dump(registry_db)
    assert main(["import", "minutes", str(source), "--body", "NUIT", *db]) == 0
    assert "Ingen endringer" in capsys.readouterr().out
    assert _db_dump(registry_db) == once
    other = _write(tmp_path / "annet.json", minutes(decision_2="NUIT vedtok noe annet."))
    assert main(["import", "minutes", str(other), "--body", "NUIT", *db]) == 3
    assert "konflikt, sak 2/23 · Vedtak: dokumentet «NUIT vedtok noe annet.»" in capsys.readouterr().out
    assert _db_dump(registry_db) == once


def test_a_dry_runs_conflicts_name_fields_and_values_in_norwegian(registry_db, tmp_path, capsys):
    from nuit_tui.cli import main

    first = minutes()
    first.meetings[0].location = "Microsoft Teams"
    db = ["--db", str(registry_db)]
    assert main(["import", "minutes", str(_write(tmp_path / "referat.json", first)), "--body", "NUIT", *db]) == 0
    other = minutes(decision_2="NUIT vedtok noe annet.")
    other.meetings[0].location = "Oslo"
    other.meetings[0].attendance[1].status = "absent_with_notice"
    capsys.readouterr()
    assert main(["import", "minutes", str(_write(tmp_path / "annet.json", other)), "--body", "NUIT", "--dry-run", *db]) == 3
    out = capsys.readouterr().out
    assert "konflikt, møte 1/2023 · Sted: dokumentet «Oslo», arkivet «Microsoft Teams»" in out
    assert "konflikt, sak 2/23 · Vedtak: dokumentet «NUIT vedtok noe annet.»" in out
    assert "konflikt, oppmøte Asbjørn Finstad · Status: dokumentet «Forfall», arkivet «Til stede»" in out
    assert not any(word in out for word in ("decision", "location", "status:", "absent", "present"))


@pytest.mark.parametrize(
    "args",
    [
        ["import", "minutes", "missing.docx", "--body", "NUIT"],
        ["import", "minutes", "bad.json", "--body", "NUIT"],
        ["import", "notice", "referat.json", "--body", "NUIT"],  # a minutes document, not a notice
        ["import", "minutes", "referat.json", "--body", "NOPE"],
    ],
)
def test_bad_input_is_one_line_and_exit_2_with_nothing_changed(registry_db, tmp_path, capsys, monkeypatch, args):
    from nuit_tui.cli import main

    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "referat.json", minutes())
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    before = _db_dump(registry_db)
    assert main([*args, "--db", str(registry_db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nuit-tui: ") and err.count("\n") == 1 and "Traceback" not in err
    assert _db_dump(registry_db) == before


def test_folder_import_reports_once_and_lists_bad_files(registry_db, tmp_path, capsys):
    from nuit_tui.cli import main

    folder = tmp_path / "arkiv"
    folder.mkdir()
    _write(folder / "b-referat.json", minutes())
    _write(folder / "a-innkalling.json", notice())  # read in name order, imported notice first
    (folder / "c-skadet.json").write_text("[]", encoding="utf-8")
    (folder / "notat.odt").write_text("ignored", encoding="utf-8")
    assert main(["import", "folder", str(folder), "--body", "NUIT", "--db", str(registry_db)]) == 0
    out = capsys.readouterr().out
    assert "Importert: 2 av 3 filer" in out
    assert "kunne ikke leses: c-skadet.json" in out
    archive = Archive.open(registry_db, create=False)
    try:
        meeting = archive.meetings.find("NUIT", "1/2023")
        items = archive.agenda.items(meeting.stored_id)
        assert [i.case_seq for i in items if not i.is_break] == [1, 2, 3]
        assert next(i for i in items if i.case_seq == 2).proposed_decision == "NUIT drøftet veikartet."
    finally:
        archive.close()


# --- the import screen ------------------------------------------------------------------------


async def test_import_screen_by_keys_accepts_one_item_skips_another_then_writes(registry_db, tmp_path, monkeypatch):
    from conftest import cell_texts, type_text
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.import_document import ImportScreen

    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "referat-1-2023.json", minutes())
    archive = Archive.open(registry_db)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        await type_text(pilot, "ref")
        await pilot.press("tab")  # completes the only file that begins so
        assert app.screen.query_one("#import-path").value == "referat-1-2023.json"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#import-parts")
        assert cell_texts(table, 0)[:4] == ["Møte 1/2023", "Sak 1/23", "Sak 2/23", "Sak 3/23"]
        assert set(cell_texts(table, 2)) == {"ny"}
        assert archive.meetings.page(None) == []  # nothing written yet
        await pilot.press("down", "g", "s")  # accept 1/23, skip 2/23
        assert cell_texts(table, 3)[1:3] == ["✓ godtatt", "hoppes over"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        meeting = archive.meetings.find("NUIT", "1/2023")
        assert [i.case_seq for i in archive.agenda.items(meeting.stored_id)] == [1, 3]
        assert len(archive.attendance.rows(meeting.stored_id)) == 5
        assert cell_texts(table, 2)[1:4] == ["lik", "ny", "lik"]  # read again: 2/23 is still to come


# --- the demo read back -----------------------------------------------------------------------


def read_back(archive: Archive, ref: str, kind: str = "minutes") -> ReadDocument:
    """The demo's meeting as a reader would hand it over, had it read the demo's own minutes."""
    from nuit_tui.domain.minutes_text import split_narrative

    meeting = archive.meetings.find("NUIT", ref)
    items = []
    for item in archive.agenda.items(meeting.stored_id):
        if item.is_break:
            items.append(ReadItem(kind="break", title=item.title))
            continue
        before, after = split_narrative(item.narrative)
        items.append(
            ReadItem(
                case=archive.agenda.case_label(item),
                title=item.title,
                type=item.item_type.value if item.item_type else None,
                description=item.description,
                proposed_decision=item.proposed_decision,
                decision=item.decision,
                narrative=before,
                narrative_after=after,
                remarks=[ReadRemark(speaker=r.speaker, text=r.text) for r in archive.minutes.remarks(item.stored_id)],
            )
        )
    people = archive.members.people_by_ids(r.person_id for r in archive.attendance.rows(meeting.stored_id))
    attendance = [
        ReadAttendance(
            name=people[r.person_id].name,
            organization=archive.members.organization_by_id(r.organization_id).name if r.organization_id else "",
            status=r.status.value,
            role=r.role.value,
            remote=r.remote,
            arrived=r.arrived_at,
            left=r.left_at,
            substitute_for=archive.members.person(r.substitute_for_person_id).name if r.substitute_for_person_id else None,
        )
        for r in archive.attendance.rows(meeting.stored_id)
    ]
    return ReadDocument(
        kind=kind,
        meetings=[
            ReadMeeting(
                body="NUIT", number=ref, date=meeting.date, start=meeting.start_time, end=meeting.end_time,
                location=meeting.location, items=items, attendance=attendance,
            )
        ],
    )


def test_the_demos_own_minutes_read_back_are_the_same_in_every_part(demo):
    plan = demo.imports.plan(read_back(demo, "1/2023"), "NUIT")
    mp = plan.meetings[0]
    assert mp.merge == "same" and len([i for i in mp.items if i.read.kind == "item"]) == 12 and len(mp.attendance) == 24
    assert {p.merge for p in [*mp.items, *mp.attendance]} == {"same"}
    assert {r.merge for i in mp.items for r in i.remarks} == {"same"}
    assert plan.document.repairs == [] and plan.changes == 0


def _content(archive: Archive, ref: str) -> dict:
    meeting = archive.meetings.find("NUIT", ref)
    orgs = {o.id: o.name for o in archive.store.find(m.Organization)}
    people = {p.id: p.name for p in archive.store.find(m.Person)}
    items = [
        (
            i.kind.value, i.case_seq, i.title, i.item_type, i.proposed_decision, i.decision, i.narrative, i.state.value,
            [(r.speaker, r.text, orgs.get(r.organization_id)) for r in archive.minutes.remarks(i.stored_id)],
        )
        for i in archive.agenda.items(meeting.stored_id)
    ]
    attendance = [
        (people[r.person_id], r.role.value, r.status.value, r.remote, orgs.get(r.organization_id), r.arrived_at, r.left_at,
         people.get(r.substitute_for_person_id))
        for r in archive.attendance.rows(meeting.stored_id)
    ]
    return {"meeting": (meeting.date, meeting.start_time, meeting.end_time, meeting.location, meeting.status.value), "items": items, "attendance": attendance}


def test_the_demos_minutes_read_back_import_into_its_registry_as_the_demo_has_them(demo, tmp_path):
    from nuit_tui.demo import data

    fresh = Archive.open(tmp_path / "fresh.sqlite")
    try:
        with fresh.store.write():
            orgs = {o["name"]: fresh.store.insert(m.Organization(name=o["name"], short_name=o.get("short_name"))) for o in data.ORGANIZATIONS}
            for b in data.BODIES:
                fresh.members.add_body(b["short_name"], b["name"])
            for p in data.PEOPLE:
                fresh.members.add_person(p["name"], orgs[p["organization"]].stored_id if p.get("organization") else None)
        plan = fresh.imports.plan(read_back(demo, "1/2023"), "NUIT")
        assert plan.document.repairs == []
        fresh.imports.apply(plan)
        assert _content(fresh, "1/2023") == _content(demo, "1/2023")
    finally:
        fresh.close()


def test_a_notice_carrying_its_cover_notes_writes_them_on_its_new_items(archive):
    document = notice().model_copy(update={"cover_notes": [ReadCoverNote(case="2/23", purpose="Å drøfte veikartet.", case_officer="Siv Ingebrigtsen")]})
    plan = archive.imports.plan(document, "NUIT")
    assert plan.cover_notes[0].merge == "new" and not any("finnes ikke" in w for w in plan.warnings)
    archive.imports.apply(plan)
    item = archive.agenda.find_item("2/23", body_short_name="NUIT")
    assert item.purpose == "Å drøfte veikartet."
    assert archive.imports.plan(document, "NUIT").cover_notes[0].merge == "same"


def test_the_kind_of_a_document_is_found_on_its_first_page():
    from nuit_tui.services.import_files import detect_kind

    assert detect_kind(" Referat fra møte i NUIT\nMøte 1/2023\nMedlemmer\nTil stede Mariann Hornnes\n") == "minutes"
    assert detect_kind(" Møte i NUIT\nMøte 2/2023\nMedlemmer Mariann Hornnes\n…\nVedlegg 1: Referat fra møtet i NUIT\n") == "notice"
    assert detect_kind("Orientering\nForslag til vedtak\nNUIT tar …\nHensikt med saken\nTil\nSaksnummer\n") == "cover_note"
    assert detect_kind("Kjære alle, vedlagt er …") is None


def test_the_demos_seed_meetings_come_from_the_importer_where_it_reads_them(tmp_path):
    from nuit_tui.demo.builder import build_demo
    from nuit_tui.demo.seed_meetings import SEED_DOCUMENTS, seed_text
    from nuit_tui.services.import_files import _reading

    if _reading() is None or any(seed_text(name) is None for name, _ in SEED_DOCUMENTS.values()):
        pytest.skip("this build has no readers or seeds for the past meetings (importers/read_document.py, demo/seeds/)")
    archive = Archive.open(tmp_path / "demo.sqlite")
    try:
        sources = build_demo(archive)
    finally:
        archive.close()
    # Every item, field read, remark and attendance line of the two meetings is the importer's …
    assert {k: sources.from_import[k] for k in ("saker", "felt lest fra dokumentet", "innspill", "oppmøtelinjer")} == {
        "saker": 26, "felt lest fra dokumentet": 26 * 6, "innspill": 52, "oppmøtelinjer": 24,
    }
    # … and data.py adds only what the two documents do not say.
    assert set(sources.from_data) <= {"tidsbruk", "pauser", "innledere og saksbehandlere", "toppnotat og åpenhet", "lenker til vedlegg"}
    assert sources.from_data.get("tidsbruk") == 12  # 1/2023's items: its minutes give no times


async def test_a_typed_path_is_read_as_the_kind_its_text_shows_and_the_times_in_norwegian(registry_db, tmp_path, monkeypatch):
    """A path typed without Tab (no guess from the name) and without F2: the reader finds
    the kind in the document, and the screen says it."""
    from conftest import type_text
    from nuit_tui.tui.app import NuitApp

    monkeypatch.chdir(tmp_path)
    seed = resources.files("nuit_tui.demo").joinpath("seeds", "nuit-2023-moete1-referat.txt").read_text(encoding="utf-8")
    (tmp_path / "dokument.txt").write_text(seed, encoding="utf-8")
    archive = Archive.open(registry_db)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, "dokument.txt")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.plan.document.kind == "minutes" and app.screen.plan.meetings[0].attendance
        assert "referat" in str(app.screen.query_one("#import-kind").render())
        assert "kl. 09.00–16.00" in str(app.screen.query_one("#import-detail").render())
    archive.close()


# --- a remark corrected in the Word file -----------------------------------------------------

CHANGED_FROM = "Legeforeningen uttrykte bekymring for finansieringen"
CHANGED_TO = "Legeforeningen uttrykte stor bekymring for finansieringen"
ADDED = "KS spurte om tidsplanen for neste versjon av veikartet."


def _corrected_minutes(demo_path, tmp_path):
    """NUIT 1/2023's minutes exported as Word, one word changed in a remark of 4/23 and a
    bullet added before it, as a secretary would correct the file by hand."""
    import copy

    import docx

    from nuit_tui.cli import main

    out = tmp_path / "referat.docx"
    assert main(["export", "minutes", "--body", "NUIT", "--meeting", "1/2023", "--out", str(out), "--db", str(demo_path)]) == 0
    document = docx.Document(str(out))
    (paragraph,) = [p for p in document.paragraphs if p.text.startswith(CHANGED_FROM)]
    for run in paragraph.runs:
        run.text = run.text.replace(CHANGED_FROM, CHANGED_TO)
    added = copy.deepcopy(paragraph._p)
    paragraph._p.addprevious(added)
    new = docx.text.paragraph.Paragraph(added, paragraph._parent)
    for run in new.runs[1:]:
        run._r.getparent().remove(run._r)
    new.runs[0].text = ADDED
    document.save(str(out))
    return out


def test_a_remark_corrected_in_the_word_file_is_a_conflict_and_an_added_bullet_is_added(demo_path, tmp_path, capsys):
    import json

    from nuit_tui.cli import main

    source = _corrected_minutes(demo_path, tmp_path)
    db = ["--db", str(demo_path)]
    archive = Archive.open(demo_path)
    try:
        item = archive.agenda.find_item("4/23", body_short_name="NUIT")
        before = [(r.speaker, r.text) for r in archive.minutes.remarks(item.stored_id)]
    finally:
        archive.close()
    original = next(text for speaker, text in before if speaker == "Legeforeningen")
    capsys.readouterr()

    assert main(["import", "minutes", str(source), "--body", "NUIT", "--dry-run", "--json", *db]) == 3
    data = json.loads(capsys.readouterr().out)
    (read,) = [i for i in data["meetings"][0]["items"] if i["case"] == "4/23"]
    assert read["merge"] == "conflict"
    by_speaker = {r["speaker"]: r for r in read["remarks"]}
    assert by_speaker["Legeforeningen"]["merge"] == "conflict"
    assert by_speaker["Legeforeningen"]["archive"] == original
    assert by_speaker["KS"]["merge"] == "new"
    assert {r["merge"] for s, r in by_speaker.items() if s not in ("Legeforeningen", "KS")} == {"same"}
    (conflict,) = read["conflicts"]
    assert (conflict["field"], conflict["speaker"], conflict["archive"]) == ("remark", "Legeforeningen", original)
    assert conflict["document"].startswith("uttrykte stor bekymring")

    assert main(["import", "minutes", str(source), "--body", "NUIT", *db]) == 3
    out = capsys.readouterr().out
    assert "konflikt, sak 4/23 · Innspill fra Legeforeningen: dokumentet «uttrykte stor bekymring" in out
    archive = Archive.open(demo_path)
    try:
        after = [(r.speaker, r.text) for r in archive.minutes.remarks(item.stored_id)]
    finally:
        archive.close()
    # The corrected remark stays once, as the archive has it; the added bullet is added.
    assert [text for speaker, text in after if speaker == "Legeforeningen"] == [original]
    assert sorted(after) == sorted([*before, ("KS", ADDED.removeprefix("KS "))])
    # And again: nothing more to add, the conflict still shown.
    assert main(["import", "minutes", str(source), "--body", "NUIT", *db]) == 3
    assert "Ingen endringer" in capsys.readouterr().out


def _with_remarks(*remarks: tuple[str, str]) -> ReadDocument:
    document = minutes()
    document.meetings[0].items[1].remarks = [ReadRemark(speaker=s, text=t) for s, t in remarks]
    return document


def test_remarks_are_the_same_by_speaker_place_and_a_close_text_and_new_otherwise(archive):
    hso, ks = "Helse Sør-Øst RHF", "KS"
    archive.imports.apply(archive.imports.plan(minutes(), "NUIT"))  # HSØ «kommenterte at det går bra.», KS «spurte om penger.»

    def remarks(*read: tuple[str, str]) -> list[tuple[str, str]]:
        plan = archive.imports.plan(_with_remarks(*read), "NUIT")
        return [(r.merge, r.archive) for r in plan.meetings[0].items[1].remarks]

    # One word changed: the archive's remark, in conflict; an extra bullet before it: new.
    assert remarks((ks, "lurte på tiden."), (hso, "kommenterte at det går svært bra."), (ks, "spurte om penger.")) == [
        ("new", ""), ("conflict", "kommenterte at det går bra."), ("same", ""),
    ]
    # Another speaker at its place, or a text of its own: new.
    assert remarks(("FHI", "kommenterte at det går bra."), (ks, "spurte om penger.")) == [("new", ""), ("same", "")]
    assert remarks((hso, "ønsker en egen sak om dette i neste møte."), (ks, "spurte om penger.")) == [("new", ""), ("same", "")]
    # The same remarks in another order are the same; one of them corrected, too, a conflict.
    assert remarks((ks, "spurte om penger."), (hso, "kommenterte at det går bra.")) == [("same", ""), ("same", "")]
    assert remarks((ks, "spurte om penger."), (hso, "kommenterte at det går svært bra.")) == [
        ("same", ""), ("conflict", "kommenterte at det går bra."),
    ]
    plan = archive.imports.plan(_with_remarks((hso, "kommenterte at det går svært bra."), (ks, "spurte om penger.")), "NUIT")
    assert plan.meetings[0].items[1].merge == "conflict" and plan.conflicts == 1
    assert archive.imports.apply(plan).remarks == 0
    item = archive.agenda.find_item("2/23", body_short_name="NUIT")
    assert [r.text for r in archive.minutes.remarks(item.stored_id)] == ["kommenterte at det går bra.", "spurte om penger."]
