"""The seed's notice 2/2023 and minutes 1/2023, as shipped in demo/seeds/, read to exactly
what the demo holds of those meetings (demo/data.py): every case number, title, type,
decision and proposed decision, description, attachment, remark with its speaker,
narrative, attendance line, agenda time and break."""

from __future__ import annotations

from importlib import resources

import pytest

from import_expect import attendance_line, case, demo_meeting, narrative_parts, read_line, starts
from nuit_tui.importers.read_document import read_text_as

NOTICE = "nuit-2023-moete2-innkalling.txt"
MINUTES = "nuit-2023-moete1-referat.txt"


def seed(name: str) -> str:
    return resources.files("nuit_tui.demo").joinpath("seeds", name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def minutes():
    document = read_text_as(seed(MINUTES), "minutes", source=MINUTES)
    assert document.warnings == []
    return document.meetings[0], demo_meeting("NUIT", 2023, 1)


@pytest.fixture(scope="module")
def notice():
    document = read_text_as(seed(NOTICE), "notice", source=NOTICE)
    assert document.warnings == []
    return document.meetings[0], demo_meeting("NUIT", 2023, 2)


def items(read, demo):
    expected = [i for i in demo["items"] if i["kind"] == "item"]
    got = [i for i in read.items if i.kind == "item"]
    assert [i.case for i in got] == [case(demo, i) for i in expected]
    return list(zip(expected, got, strict=True))


def test_the_seed_minutes_header_is_the_demos(minutes):
    read, demo = minutes
    assert (read.body, read.number, read.date.isoformat()) == ("NUIT", "1/2023", demo["date"])
    assert (read.start.strftime("%H:%M"), read.end.strftime("%H:%M"), read.location) == (demo["start"], demo["end"], demo["location"])


def test_the_seed_minutes_items_read_to_the_demos_titles_types_and_decisions(minutes):
    for expected, got in items(*minutes):
        assert (got.title, got.type, got.decision) == (expected["title"], expected.get("item_type"), expected.get("decision", ""))


def test_the_seed_minutes_narrative_and_remarks_read_in_the_demos_order(minutes):
    remarks = 0
    for expected, got in items(*minutes):
        assert (got.narrative, got.narrative_after) == narrative_parts(expected), got.case
        assert [(r.speaker, r.text) for r in got.remarks] == [(r["speaker"], r["text"]) for r in expected.get("remarks", [])]
        remarks += len(got.remarks)
    assert remarks == sum(len(i.get("remarks", [])) for i in minutes[1]["items"]) == 52


def test_the_seed_minutes_attendance_is_the_demos_line_by_line(minutes):
    read, demo = minutes
    assert [read_line(e) for e in read.attendance] == [attendance_line(e) for e in demo["attendance"]]
    # the lines the seed writes in its own way
    assert read_line(read.attendance[5])[6] == "13:30"  # «– til kl. 13.30»
    assert read_line(read.attendance[7])[6] == "14:45"  # «– til» / «kl. 14.45» on the next line
    assert read_line(read.attendance[10])[5] == "13:20"  # «– fra kl.» / «13.20»
    assert read.attendance[14].remote  # «Sykepleierforbund) - video»
    assert read.attendance[19].substitute_for == "Anne-Lise Härter"


def test_the_seed_notice_header_and_members_are_the_demos(notice):
    read, demo = notice
    assert (read.number, read.date.isoformat(), read.location) == ("2/2023", demo["date"], demo["location"])
    assert (read.start.strftime("%H:%M"), read.end.strftime("%H:%M")) == (demo["start"], demo["end"])
    assert len(read.members) == 20
    assert (read.members[0].name, read.members[0].organization) == ("Mariann Hornnes", "Direktoratet for e-helse")
    assert (read.members[12].name, read.members[12].organization) == ("Morten Fronth-Andersen", "Helsedirektoratet")
    assert (read.members[16].name, read.members[16].organization) == ("Bente Christensen", "Norsk Sykepleierforbund")


def test_the_seed_notice_agenda_reads_to_the_demos_times_and_breaks(notice):
    read, demo = notice
    assert [i.start for i in read.items] == starts(demo)
    assert [i.title for i in read.items if i.kind == "break"] == [i["title"] for i in demo["items"] if i["kind"] == "break"]
    assert read.items[-1].end.strftime("%H:%M") == "15:40"  # «Slutt 15:40»


def test_the_seed_notice_items_read_to_the_demos_content(notice):
    for expected, got in items(*notice):
        assert (got.title, got.type) == (expected["title"], expected.get("item_type"))
        assert got.description == expected.get("description", ""), got.case
        assert got.proposed_decision == expected.get("proposed_decision", ""), got.case
        attachments = [(f"Vedlegg {a.label}", a.title) for a in got.attachments]
        assert attachments == [(a["label"], a["title"]) for a in expected.get("attachments", [])], got.case
