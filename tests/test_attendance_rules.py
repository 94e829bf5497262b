import datetime as dt

from nuit_tui.domain.attendance import present_at_item, present_during
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
