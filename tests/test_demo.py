"""The demo archive holds NUIT's meetings as the seed documents show them."""

import datetime as dt

from nuit_tui.domain import models as m
from nuit_tui.domain.norwegian import clock


def items(archive, meeting):
    return [i for i in archive.agenda.items(meeting.id) if i.kind is m.EntryKind.ITEM]


def test_the_council_models_bodies(demo):
    assert [(b.short_name, b.name) for b in demo.members.bodies()] == [
        ("NUIT", "Prioriteringsutvalget"),
        ("NEHS", "Nasjonalt e-helsestyre"),
        ("NEHR", "Nasjonalt e-helseråd"),
        ("NUFA", "Fagutvalget"),
    ]


def test_meeting_1_2023_has_its_twelve_handled_items_with_decisions(demo):
    meeting = demo.meetings.find("NUIT", "1/2023")
    assert (meeting.date, meeting.start_time, meeting.end_time) == (dt.date(2023, 2, 16), dt.time(9), dt.time(16))
    assert meeting.location == "Microsoft Teams" and meeting.status is m.MeetingStatus.HELD
    cases = items(demo, meeting)
    assert [demo.agenda.case_label(i) for i in cases] == [f"{n}/23" for n in range(1, 13)]
    assert all(i.state is m.ItemState.HANDLED for i in cases)
    assert cases[0].decision == "NUIT godkjenner innkalling og dagsorden."
    assert cases[3].title == "Målbilde og veikart for Helsenorge"
    assert cases[3].decision.splitlines()[0] == "1. NUIT er orientert om målbilde og revidert veikart for Helsenorge."
    assert len(cases[4].decision.splitlines()) == 4  # 5/23 decided four numbered points
    assert [i.item_type.value if i.item_type else None for i in cases[:4]] == ["Godkjenning", "Godkjenning", "Orientering", "Drøfting"]
    assert demo.agenda.for_meeting(meeting.id).plan.overrun_minutes == 0


def test_remarks_are_attributed_to_organisations(demo):
    item = demo.agenda.find_item("NUIT 4/23")
    remarks = demo.minutes.remarks(item.id)
    assert [r.speaker for r in remarks] == [
        "Legeforeningen",
        "Representant fra kommunal sektor",
        "Helsedirektoratet",
        "Helse Midt-Norge RHF",
        "Helse Nord RHF",
    ]
    assert remarks[0].text.startswith("uttrykte bekymring for finansieringen av digital dialog")
    assert demo.members.organization_by_id(remarks[4].organization_id).name == "Helse Nord RHF"
    assert "Nina Linn Ulstein" in item.narrative
    assert sum(len(demo.minutes.remarks(i.id)) for i in items(demo, demo.meetings.find("NUIT", "1/2023"))) >= 40


def test_attendance_of_1_2023_is_as_the_minutes_record_it(demo):
    meeting = demo.meetings.find("NUIT", "1/2023")
    rows = {demo.members.person(a.person_id).name: a for a in demo.attendance.rows(meeting.id)}
    members = [a for a in rows.values() if a.role is m.AttendanceRole.MEMBER]
    assert sum(a.status is m.AttendanceStatus.PRESENT for a in members) == 18
    assert rows["Asbjørn Finstad"].left_at == dt.time(13, 30)
    assert rows["Tor Erling Evjen"].left_at == dt.time(14, 45)
    assert rows["Kristin Brekke"].arrived_at == dt.time(13, 20)
    assert rows["Bente Christensen"].remote
    assert rows["Anne-Lise Härter"].status is m.AttendanceStatus.ABSENT_WITH_NOTICE
    substitute = rows["Maren Krogh"]
    assert substitute.role is m.AttendanceRole.SUBSTITUTE
    assert demo.members.person(substitute.substitute_for_person_id).name == "Anne-Lise Härter"
    assert demo.members.organization_by_id(substitute.organization_id).name == "Apotekforeningen"
    secretariat = [n for n, a in rows.items() if a.role is m.AttendanceRole.SECRETARIAT]
    assert secretariat == ["Siv Ingebrigtsen", "Lucie Aunan", "Karen Lima", "Vibeke Jonassen Wang"]
    assert "Odd Ruud" not in rows


def test_the_member_list_of_a_past_meeting_stays_as_it_was(demo):
    nuit = demo.members.body("NUIT")
    names = lambda day: [demo.members.person(ms.person_id).name for ms in demo.members.members_on(nuit.id, day) if ms.role is m.MembershipRole.MEMBER]  # noqa: E731
    assert "Odd Ruud" not in names(dt.date(2023, 2, 16))
    may = names(dt.date(2023, 5, 25))
    assert len(may) == 20 and may[0] == "Mariann Hornnes" and may[-1] == "Bodil Rabben" and "Odd Ruud" in may


def test_meeting_2_2023_agenda_is_the_notices(demo):
    agenda = demo.agenda.for_meeting(demo.meetings.find("NUIT", "2/2023").id)
    assert agenda.meeting.status is m.MeetingStatus.NOTICE_SENT
    assert agenda.meeting.location == "Direktoratet for e-helse, Verkstedveien 1, Oslo. Møterom 4117"
    table = [(row.case_number, row.item.title if row.item.is_break else "", clock(row.start)) for row in agenda.rows]
    assert [r[0] for r in table if r[0]] == [f"{n}/23" for n in range(13, 27)]
    assert [(r[1], r[2]) for r in table if not r[0]] == [("Pause", "10.55"), ("Lunsj", "12.25"), ("Pause", "14.25")]
    assert clock(agenda.plan.finish) == "15.40"
    starts = {row.case_number: clock(row.start) for row in agenda.rows}
    assert starts["13/23"] == "09.00" and starts["18/23"] == "11.05" and starts["26/23"] == "15.35"


def test_meeting_2_2023_items_carry_proposals_attachments_and_people(demo):
    item = demo.agenda.find_item("NUIT 17/23")
    assert item.item_type is m.ItemType.DROFTING
    assert item.proposed_decision.startswith("NUIT drøftet innspill til indikatorer for Nasjonal helse- og samhandlingsplan")
    # As the seed's notice lists them (the demo imports it): «Vedlegg 4: Toppnotat …» is a row that
    # lists the cover note, whose text the item holds; the package renders it from the item.
    assert [(a.label, a.title) for a in demo.agenda.attachments(item.id)] == [
        ("Vedlegg 4", "Toppnotat Forslag til måleindikatorer til Nasjonal helse- og samhandlingsplan"),
        ("Vedlegg 4A", "Notat_Oppdrag om indikatorer TB 2023"),
    ]
    assert not demo.cover_notes.has_cover_note(item)  # listed once, by that row
    assert demo.cover_notes.in_package(item)
    orientering = demo.agenda.find_item("NUIT 15/23")
    assert [p.name for p in demo.agenda.item_people(orientering.id, m.PersonRole.PRESENTER)] == [
        "Siv Ingebrigtsen", "Håvard Kolle Riis", "Heidi Amundsen"
    ]
    assert [p.name for p in demo.agenda.item_people(orientering.id, m.PersonRole.CASE_OFFICER)] == ["Vibeke Jonassen Wang"]
    assert demo.agenda.find_item("NUIT 20/23").proposed_decision.startswith("1. NUIT drøfter status")
    assert demo.agenda.find_item("NUIT 16/23").purpose.startswith("Formålet med saken er å få innspill")


def test_25_23_cites_its_nine_earlier_handlings(demo):
    earlier = demo.agenda.earlier_handlings(demo.agenda.find_item("NUIT 25/23").id)
    assert [demo.agenda.case_label(i, with_body=True) for i in earlier] == [
        "NUFA 12/21", "NUIT 15/21", "NEHS 18/21", "NUFA 30/21", "NUIT 36/21",
        "NEHS 36/21", "NUIT 8/22", "NEHS 22/22", "NEHR 35/22",
    ]
    assert [demo.meetings.get(i.meeting_id).date for i in earlier][-1] == dt.date(2022, 9, 21)
    assert earlier[6].decision.startswith("NUIT anbefaler at høringsversjonen av strategi for digital sikkerhet i helse- og omsorgssektoren")
