"""The project's own exports (Word, Markdown) of every demo meeting, notice and minutes,
read back to the same content: case numbers, titles, types, proposed decisions and
decisions, remarks with their speakers, and the attendance lines."""

from __future__ import annotations

import pytest

from import_expect import attendance_line, case, read_line
from nuit_tui.demo import data
from nuit_tui.exporters import registry
from nuit_tui.importers.read_document import read_document
from nuit_tui.services.minutes import build_minutes
from nuit_tui.services.notice import build_notice

MEETINGS = [(m["body"], m["year"], m["number"]) for m in data.MEETINGS]
FORMATS = ["docx", "md"]


@pytest.fixture(scope="module")
def exported(demo_template):
    """Every demo meeting's notice and minutes in every format, as bytes."""
    from nuit_tui.services import Archive

    archive = Archive.open(demo_template)
    try:
        out = {}
        for body, year, number in MEETINGS:
            meeting = archive.meetings.find(body, f"{number}/{year}")
            for fmt in FORMATS:
                out[(body, year, number, "notice", fmt)] = registry.render(build_notice(archive, meeting.id, public=False), fmt)
                out[(body, year, number, "minutes", fmt)] = registry.render(build_minutes(archive, meeting.id, public=False), fmt)
        return out
    finally:
        archive.close()


def expected_items(body, year, number):
    meeting = next(m for m in data.MEETINGS if (m["body"], m["year"], m["number"]) == (body, year, number))
    return meeting, [i for i in meeting["items"] if i["kind"] == "item"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("key", MEETINGS, ids=lambda k: f"{k[0]}-{k[2]}-{k[1]}")
def test_an_exported_notice_reads_back_to_its_meeting(exported, key, fmt):
    document = read_document(exported[(*key, "notice", fmt)], "notice", name=f"innkalling.{fmt}")
    meeting, items = expected_items(*key)
    [read] = document.meetings
    assert (read.body, read.number, read.date.isoformat()) == (key[0], f"{key[2]}/{key[1]}", meeting["date"])
    got = [i for i in read.items if i.kind == "item"]
    assert [(i.case, i.title, i.type) for i in got] == [(case(meeting, i), i["title"], i.get("item_type")) for i in items]
    assert [i.proposed_decision for i in got] == [i.get("proposed_decision", "") for i in items]
    assert [i.title for i in read.items if i.kind == "break"] == [i["title"] for i in meeting["items"] if i["kind"] == "break"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("key", MEETINGS, ids=lambda k: f"{k[0]}-{k[2]}-{k[1]}")
def test_exported_minutes_read_back_to_their_meeting(exported, key, fmt):
    document = read_document(exported[(*key, "minutes", fmt)], "minutes", name=f"referat.{fmt}")
    meeting, items = expected_items(*key)
    [read] = document.meetings
    got = [i for i in read.items if i.kind == "item"]
    assert [(i.case, i.title, i.type) for i in got] == [(case(meeting, i), i["title"], i.get("item_type")) for i in items]
    assert [i.decision for i in got] == [i.get("decision", "") for i in items]
    for expected, item in zip(items, got, strict=True):
        assert [(r.speaker, r.text) for r in item.remarks] == [(r["speaker"], r["text"]) for r in expected.get("remarks", [])]
    assert [read_line(e) for e in read.attendance] == [attendance_line(e) for e in meeting.get("attendance", [])]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_exported_notice_gives_back_its_members_and_cover_notes(exported, fmt):
    document = read_document(exported[("NUIT", 2023, 2, "notice", fmt)], "notice", name=f"innkalling.{fmt}")
    members = [(m["person"], m["organization"]) for m in data.MEMBERSHIPS if m["body"] == "NUIT" and m["role"] == "member"]
    assert [(m.name, m.organization) for m in document.meetings[0].members] == members
    _, items = expected_items("NUIT", 2023, 2)
    with_notes = [i for i in items if i.get("purpose")]
    notes = {note.case: note for note in document.cover_notes}
    assert len(with_notes) == len(notes) == 11
    for item in with_notes:
        note = notes[f"{item['seq']}/23"]
        assert (note.from_, note.case_officer) == (", ".join(item["presenters"]), ", ".join(item["case_officers"]))
        assert (note.purpose, note.background) == (item["purpose"], item.get("background", ""))
