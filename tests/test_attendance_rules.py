import datetime as dt

from nuit_tui.domain.attendance import (
    AttendanceCount,
    count_attendance,
    present_at_item,
    present_during,
    present_with_substitute,
    present_with_substitute_text,
)
from nuit_tui.domain.models import Attendance, AttendanceRole, AttendanceStatus


def person(pid, **kw):
    return Attendance(meeting_id=1, person_id=pid, **kw)


def test_presence_is_a_time_span():
    late = person(1, arrived_at=dt.time(13, 20))
    early = person(2, left_at=dt.time(13, 30))
    video = person(3, remote=True)
    away = person(4, status=AttendanceStatus.ABSENT_WITH_NOTICE)
    assert not present_during(late, dt.time(13), dt.time(13, 30))
    assert present_during(late, dt.time(13, 20), dt.time(14))
    assert present_during(early, dt.time(13), dt.time(13, 30))
    assert not present_during(early, dt.time(13, 25), dt.time(14))
    assert present_during(video, dt.time(9), dt.time(16))
    assert not present_during(away, dt.time(9), dt.time(10))


def test_only_members_and_substitutes_count_at_an_item():
    records = [
        person(1),
        person(2, role=AttendanceRole.SECRETARIAT),
        person(3, role=AttendanceRole.SUBSTITUTE, substitute_for_person_id=9),
        person(4, left_at=dt.time(10)),
    ]
    assert [a.person_id for a in present_at_item(records, dt.time(10, 30), dt.time(11))] == [1, 3]


def test_the_attendance_count_counts_members_and_substitutes_and_who_is_not_registered():
    records = [
        person(1, remote=True),
        person(2, status=AttendanceStatus.ABSENT_WITH_NOTICE),
        person(3, role=AttendanceRole.SUBSTITUTE, substitute_for_person_id=2),
        person(4, status=AttendanceStatus.ABSENT_WITHOUT_NOTICE),
        person(5, role=AttendanceRole.SECRETARIAT),
        person(6, role=AttendanceRole.GUEST),
    ]
    assert count_attendance([1, 2, 4, 7, 8], records) == AttendanceCount(
        present=2, remote=1, absent_with_notice=1, absent_without_notice=1, substitutes=1, unregistered=2, members=5
    )


def test_a_member_and_the_substitute_both_present_is_found_but_a_hand_over_is_not():
    def pairs(member, substitute):
        return [(a.person_id, b.person_id) for a, b in present_with_substitute([member, substitute])]

    sub = {"role": AttendanceRole.SUBSTITUTE, "substitute_for_person_id": 1}
    assert pairs(person(1), person(2, **sub)) == [(1, 2)]
    assert pairs(person(1, remote=True), person(2, arrived_at=dt.time(10), **sub)) == [(1, 2)]
    # The member went at 12.00 and the substitute came at 12.00: one seat, handed over.
    assert pairs(person(1, left_at=dt.time(12)), person(2, arrived_at=dt.time(12), **sub)) == []
    assert pairs(person(1, arrived_at=dt.time(13)), person(2, left_at=dt.time(12, 30), **sub)) == []
    # The member absent, or the substitute someone else's: nothing to say.
    assert pairs(person(1, status=AttendanceStatus.ABSENT_WITH_NOTICE), person(2, **sub)) == []
    assert pairs(person(1), person(2, role=AttendanceRole.SUBSTITUTE, substitute_for_person_id=7)) == []
    assert pairs(person(1), person(2, role=AttendanceRole.GUEST)) == []


def test_the_warning_names_both_and_the_time_they_were_both_there():
    member = person(1, arrived_at=dt.time(9, 30))
    substitute = person(2, role=AttendanceRole.SUBSTITUTE, substitute_for_person_id=1, left_at=dt.time(11))
    assert present_with_substitute_text("Kari Nordmann (KS)", "Vara Vestli", member, substitute) == (
        "Både Kari Nordmann (KS) og stedfortrederen Vara Vestli står som til stede (kl. 09.30–11.00); "
        "en stedfortreder møter bare i medlemmets sted"
    )
    assert "til stede; en" in present_with_substitute_text("A", "B", person(1), person(2, role=AttendanceRole.SUBSTITUTE))
