"""Agenda rules through the service API, on a real SQLite file."""

import datetime as dt

import pytest

from nuit_tui.domain import models as m
from nuit_tui.store import errors


def make_meeting(archive, day, *, body=None, number=None):
    body = body or archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, day, dt.time(9), dt.time(12), location="Rom 4117", number=number)
    return body, meeting


def numbers(archive, meeting_id):
    return [(row.case_number, row.item.title) for row in archive.agenda.for_meeting(meeting_id).rows]


def test_a_new_meeting_gets_the_next_number_and_the_standard_items(archive):
    body, first = make_meeting(archive, dt.date(2023, 2, 16))
    second = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(15, 45))
    assert (first.ref, second.ref) == ("1/2023", "2/2023")
    assert numbers(archive, first.id) == [
        ("1/23", "Godkjenning av innkalling og dagsorden"),
        ("2/23", "Eventuelt"),
    ]
    assert numbers(archive, second.id) == [
        ("3/23", "Godkjenning av innkalling og dagsorden"),
        ("4/23", "Godkjenning av referat fra NUIT 16. februar 2023"),
        ("5/23", "Eventuelt"),
    ]
    approval = archive.agenda.items(second.id)[1]
    assert approval.proposed_decision == "NUIT godkjenner referatet fra NUIT 16. februar 2023."


def test_items_added_moved_and_deleted_are_renumbered_until_the_notice(archive):
    body, meeting = make_meeting(archive, dt.date(2023, 2, 16))
    a = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="A", item_type="Drøfting", duration_minutes=30))
    b = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="B", duration_minutes=20))
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, kind="break", title="Pause", duration_minutes=10))
    assert [n for n, _ in numbers(archive, meeting.id)] == ["1/23", "2/23", "3/23", "", "4/23"]
    archive.agenda.move_item(b.id, -1)
    assert [t for _, t in numbers(archive, meeting.id)][1:3] == ["B", "A"]
    assert archive.agenda.item(b.id).case_seq == 2 and archive.agenda.item(a.id).case_seq == 3
    times = [row.start.strftime("%H:%M") for row in archive.agenda.for_meeting(meeting.id).rows]
    assert times == ["09:00", "09:05", "09:25", "09:55", "10:05"]
    archive.agenda.delete_item(b.id)
    assert numbers(archive, meeting.id) == [
        ("1/23", "Godkjenning av innkalling og dagsorden"),
        ("2/23", "A"),
        ("", "Pause"),
        ("3/23", "Eventuelt"),
    ]


def test_sending_the_notice_freezes_numbers(archive):
    body, meeting = make_meeting(archive, dt.date(2023, 2, 16))
    a = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="A", duration_minutes=30))
    archive.meetings.set_status(meeting.id, m.MeetingStatus.NOTICE_SENT)
    archive.agenda.move_item(a.id, -1)
    assert archive.agenda.item(a.id).case_seq == 2
    late = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Sent innmeldt", duration_minutes=10))
    assert archive.agenda.item(late.id).case_seq == 4  # 1-3 are taken
    # The next meeting continues after the late item.
    second = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12))
    assert numbers(archive, second.id)[0][0] == "5/23"


def test_a_new_year_starts_at_one(archive):
    body, _ = make_meeting(archive, dt.date(2022, 11, 17))
    meeting = archive.meetings.create(body.id, dt.date(2023, 2, 16), dt.time(9), dt.time(16))
    assert meeting.ref == "1/2023"
    assert numbers(archive, meeting.id)[0][0] == "1/23"
    assert numbers(archive, meeting.id)[1][1] == "Godkjenning av referat fra NUIT 17. november 2022"


def test_overrun_is_reported_in_the_agenda(archive):
    body, meeting = make_meeting(archive, dt.date(2023, 2, 16))
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Lang sak", duration_minutes=200))
    plan = archive.agenda.for_meeting(meeting.id).plan
    assert plan.overrun_minutes == 5 + 200 + 5 - 180


def test_finding_meetings_and_items_by_their_numbers(demo):
    meeting = demo.meetings.find("NUIT", "2/2023")
    assert meeting.date == dt.date(2023, 5, 25)
    assert demo.agenda.find_item("NUIT 18/23").title == "Status og veien videre for felles journalløft i kommunal sektor"
    assert demo.agenda.find_item("8/22", body_short_name="NUIT").case_year == 2022
    with pytest.raises(errors.NotFound):
        demo.meetings.find("NUIT", "9/2023")
    with pytest.raises(errors.NotFound):
        demo.agenda.find_item("NUIT 99/23")


def test_meetings_are_listed_newest_first_a_page_at_a_time(demo):
    nuit = demo.members.body("NUIT")
    refs = [mt.ref for mt in demo.meetings.page(nuit.id, limit=50)]
    assert refs[:2] == ["2/2023", "1/2023"]
    assert [mt.ref for mt in demo.meetings.page(nuit.id, limit=1, offset=1)] == ["1/2023"]
    everything = demo.meetings.page(None, limit=100)
    assert [mt.date for mt in everything] == sorted((mt.date for mt in everything), reverse=True)


def test_status_steps_are_enforced(archive):
    body, meeting = make_meeting(archive, dt.date(2023, 2, 16))
    with pytest.raises(errors.Conflict):
        archive.meetings.set_status(meeting.id, m.MeetingStatus.MINUTES_APPROVED)
    archive.meetings.set_status(meeting.id, m.MeetingStatus.NOTICE_SENT)
    with pytest.raises(errors.Conflict):
        archive.meetings.set_status(meeting.id, m.MeetingStatus.PLANNED)
    assert archive.meetings.get(meeting.id).status is m.MeetingStatus.NOTICE_SENT


def test_a_cancelled_meetings_items_move_on_with_their_published_numbers(archive):
    body, cancelled = make_meeting(archive, dt.date(2023, 2, 16))
    case = archive.agenda.add_item(cancelled.id, m.AgendaItem(meeting_id=cancelled.id, title="Viktig sak", duration_minutes=30))
    archive.minutes.add_remark(m.Remark(item_id=case.id, speaker="KS", text="Et innspill"))
    archive.meetings.set_status(cancelled.id, m.MeetingStatus.NOTICE_SENT)
    archive.meetings.set_status(cancelled.id, m.MeetingStatus.CANCELLED)
    assert archive.meetings.get(cancelled.id).status is m.MeetingStatus.CANCELLED
    assert len(archive.agenda.items(cancelled.id)) == 3  # kept
    later = archive.meetings.create(body.id, dt.date(2023, 3, 30), dt.time(9), dt.time(12), location="Teams")
    moved = archive.agenda.move_item_to_meeting(case.id, later.id)
    assert (moved.meeting_id, archive.agenda.case_label(moved)) == (later.id, "2/23")
    assert [r.text for r in archive.minutes.remarks(case.id)] == ["Et innspill"]
    titles = [(row.case_number, row.item.title) for row in archive.agenda.for_meeting(later.id).rows]
    # The new meeting's own items continue after the year's highest number.
    assert titles == [
        ("4/23", "Godkjenning av innkalling og dagsorden"),
        ("2/23", "Viktig sak"),
        ("5/23", "Eventuelt"),
    ]
    # No move into a meeting that has been held.
    archive.meetings.set_status(later.id, m.MeetingStatus.NOTICE_SENT)
    archive.meetings.set_status(later.id, m.MeetingStatus.HELD)
    with pytest.raises(errors.Conflict):
        archive.agenda.move_item_to_meeting(archive.agenda.items(cancelled.id)[0].id, later.id)


def test_a_meetings_structure_is_copied_as_a_template(demo):
    template = demo.meetings.find("NUIT", "2/2023")
    meeting, copied = demo.agenda.create_meeting_from(template.id, dt.date(2023, 9, 14), dt.time(9), dt.time(15, 45), location="Teams")
    assert (meeting.body_id, meeting.ref, meeting.location) == (template.body_id, "3/2023", "Teams")
    rows = demo.agenda.for_meeting(meeting.id).rows
    assert copied == 14  # 11 items and 3 breaks; the three standard items are the new meeting's own
    assert rows[1].item.title == "Godkjenning av referat fra NUIT 25. mai 2023"
    assert [r.item.title for r in rows[2:4]] == [
        "Orientering fra Direktoratet for e-helse",
        "Forslag til målbilde til Nasjonal helse- og samhandlingsplan",
    ]
    assert [r.case_number for r in rows if not r.item.is_break][0] == "27/23"
    assert rows[-1].item.title == "Eventuelt"
    assert [r.item.title for r in rows if r.item.is_break] == ["Pause", "Lunsj", "Pause"]
    assert all(r.item.proposed_decision == "" for r in rows[2:-1])
    assert rows[3].item.duration_minutes == 45


def test_linking_candidates_by_case_reference_or_title_words(demo):
    item = demo.agenda.find_item("NUIT 25/23")
    by_ref = demo.agenda.candidates_for_linking("NEHR 35/22", item_id=item.id)
    assert [demo.agenda.case_label(i, with_body=True) for i in by_ref] == ["NEHR 35/22"]
    by_words = demo.agenda.candidates_for_linking("digital sikkerhet strategi", item_id=item.id)
    assert {demo.agenda.case_label(i, with_body=True) for i in by_words} >= {"NUFA 12/21", "NUIT 8/22"}
    assert item.id not in {i.id for i in demo.agenda.candidates_for_linking("digital sikkerhet", item_id=item.id)}
    assert demo.agenda.candidates_for_linking("100%_", item_id=item.id) == []
    rows = demo.agenda.earlier_handling_rows(item.id)
    assert rows[6].citation == "NUIT 8/22 (17.2.22)"


def test_a_break_is_not_moved_to_another_meeting(archive):
    body, meeting = make_meeting(archive, dt.date(2023, 2, 16))
    lunch = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, kind=m.EntryKind.BREAK, title="Lunsj", duration_minutes=30))
    later = archive.meetings.create(body.id, dt.date(2023, 3, 30), dt.time(9), dt.time(12), location="Teams")
    before = [i.id for i in archive.agenda.items(later.id)]
    with pytest.raises(errors.Conflict, match="En pause kan ikke flyttes til et annet møte"):
        archive.agenda.move_item_to_meeting(lunch.id, later.id)
    assert archive.agenda.item(lunch.id).meeting_id == meeting.id
    assert [i.id for i in archive.agenda.items(later.id)] == before
