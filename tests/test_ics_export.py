"""The year plan as an .ics file that Outlook reads right: bytes, time zone,
versions of events, the public version, and the command line."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from dateutil.rrule import rrulestr

from conftest import one_line_error, run
from nuit_tui.domain import models as m
from nuit_tui.exporters.ics import fold
from nuit_tui.services.calendar import export_ics

OSLO = ZoneInfo("Europe/Oslo")
T0 = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)
T1 = T0 + dt.timedelta(hours=1)
T2 = T0 + dt.timedelta(hours=2)

EXEMPT_ITEM = "Status og veien videre for felles journalløft i kommunal sektor"  # 18/23, its title public
SECRET_TITLE = "Prioritering av utprøving av samhandlingstjenester knyttet til Felles kommunal journal"  # 19/23
SECRET_DEADLINE = "Forhandlinger med leverandør om Åsgård-avtalen"
SECRET_DEADLINE_TEXT = "Tilbudet fra leverandøren, ikke for offentligheten"


@pytest.fixture
def plan(demo):
    """The demo with deadlines: one for every body, one NUIT's, one NEHS', one exempt."""
    bodies = {b.short_name: b.id for b in demo.members.bodies()}
    added = {
        "shared": demo.year_plan.add_deadline(
            m.Deadline(date=dt.date(2023, 2, 15), title="Innspill til revidert budsjett for 2022",
                       category="Etatsstyring", reminder_days=3, description="Fra tildelingsbrevet; «frist» for NUIT, NEHS")
        ),
        "nuit": demo.year_plan.add_deadline(
            m.Deadline(body_id=bodies["NUIT"], date=dt.date(2023, 5, 13), title="Sakspapirer til møte 2/2023 sendes ut")
        ),
        "nehs": demo.year_plan.add_deadline(
            m.Deadline(body_id=bodies["NEHS"], date=dt.date(2023, 3, 1), title="Etatsstyringsmøte NEHS")
        ),
        "exempt": demo.year_plan.add_deadline(
            m.Deadline(body_id=bodies["NUIT"], date=dt.date(2023, 6, 1), title=SECRET_DEADLINE,
                       description=SECRET_DEADLINE_TEXT, exempt=True)
        ),
    }
    return demo, bodies, added


def export(archive, tmp_path, name="a.ics", **kwargs) -> bytes:
    return export_ics(archive, out=tmp_path / name, **kwargs).read_bytes()


def unfolded(data: bytes) -> str:
    return data.decode("utf-8").replace("\r\n ", "")


def events_by_uid(data: bytes) -> dict[str, icalendar.Event]:
    return {str(ev["UID"]): ev for ev in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def vevent_blocks(data: bytes) -> list[str]:
    return re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", unfolded(data), flags=re.S)


def prop(block: str, name: str) -> str:
    """A property of the event itself (not of its alarm), exactly once."""
    own = re.sub(r"BEGIN:VALARM.*?END:VALARM\r\n", "", block, flags=re.S)
    found = re.findall(rf"^{name}[:;](.*)\r$", own, flags=re.M)
    assert len(found) == 1, (name, block)
    return found[0]


def as_utc(value):
    return value.astimezone(dt.UTC) if isinstance(value, dt.datetime) else value


# --- two parsers, the same events -------------------------------------------------------------


def test_two_independent_parsers_read_the_same_events(plan, tmp_path):
    demo, _, _ = plan
    data = export(demo, tmp_path)

    by_icalendar = {
        (str(ev["UID"]), str(ev["SUMMARY"]), as_utc(ev.decoded("DTSTART")), as_utc(ev.decoded("DTEND")), str(ev.get("STATUS")))
        for ev in icalendar.Calendar.from_ical(data).walk("VEVENT")
    }
    parsed = vobject.readOne(data.decode("utf-8"))
    by_vobject = {
        (ev.uid.value, ev.summary.value, as_utc(ev.dtstart.value), as_utc(ev.dtend.value), ev.status.value)
        for ev in parsed.vevent_list
    }
    assert by_icalendar == by_vobject
    meetings = demo.store.count(m.Meeting)
    assert len(by_icalendar) == meetings + demo.store.count(m.Deadline)  # every meeting and every deadline, internal version
    assert parsed.x_wr_calname.value == "Årshjul alle utvalg"


def test_meeting_times_are_right_in_winter_and_summer(plan, tmp_path):
    demo, bodies, _ = plan
    data = export(demo, tmp_path, body_id=bodies["NUIT"], year=2023)
    starts = {str(ev["SUMMARY"]): as_utc(ev.decoded("DTSTART")) for ev in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    assert starts["NUIT møte 1/2023"] == dt.datetime(2023, 2, 16, 8, 0, tzinfo=dt.UTC)
    assert starts["NUIT møte 2/2023"] == dt.datetime(2023, 5, 25, 7, 0, tzinfo=dt.UTC)
    ends = {ev.summary.value: as_utc(ev.dtend.value) for ev in vobject.readOne(data.decode()).vevent_list}
    assert ends["NUIT møte 1/2023"] == dt.datetime(2023, 2, 16, 15, 0, tzinfo=dt.UTC)
    assert ends["NUIT møte 2/2023"] == dt.datetime(2023, 5, 25, 13, 45, tzinfo=dt.UTC)
    text = unfolded(data)
    assert "DTSTART;TZID=Europe/Oslo:20230525T090000\r\n" in text
    assert "DTEND;TZID=Europe/Oslo:20230525T154500\r\n" in text


# --- the bytes Outlook depends on ---------------------------------------------------------------


def test_every_line_ends_with_crlf_and_is_at_most_75_octets(plan, tmp_path):
    demo, _, _ = plan
    data = export(demo, tmp_path, alarm_minutes=30)
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    assert len(lines) > 100
    for line in lines:
        assert len(line) <= 75, line
        assert b"\n" not in line and b"\r" not in line
        line.decode("utf-8")  # a multi-byte character never split between two lines
    assert any(len(line) == 75 for line in lines)  # long descriptions were folded


@pytest.mark.parametrize("text", ["æøå" * 60, "x" + "ø" * 80, "DESCRIPTION:" + "Møte i «NUIT» – 😀 " * 20, "a" * 300])
def test_folding_never_splits_a_character(text):
    data = fold(text)
    physical = data[:-2].split(b"\r\n")
    assert all(len(p) <= 75 for p in physical)
    assert [p.decode("utf-8") for p in physical]
    assert data.decode("utf-8").replace("\r\n ", "") == text + "\r\n"


def test_calendar_header_and_event_properties_for_outlook(plan, tmp_path):
    demo, bodies, added = plan
    data = export(demo, tmp_path, body_id=bodies["NUIT"], year=2023)
    text = unfolded(data)
    head = text.split("BEGIN:VTIMEZONE")[0]
    for line in ("BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:PUBLISH", "X-WR-CALNAME:Årshjul NUIT 2023"):
        assert f"\r\n{line}\r\n" in f"\r\n{head}"
    assert re.search(r"^PRODID:\S+\r$", head, flags=re.M)
    assert text.count("BEGIN:VTIMEZONE") == 1
    assert "RDATE" not in text

    blocks = {prop(b, "UID"): b for b in vevent_blocks(data)}
    archive_id = demo.store.meta()["archive_id"]
    meeting = demo.meetings.find("NUIT", "2/2023")
    block = blocks[f"meeting-{meeting.id}@{archive_id}.nuit-tui"]
    assert prop(block, "SUMMARY") == "NUIT møte 2/2023"
    assert prop(block, "LOCATION").startswith("Direktoratet for e-helse\\, Verkstedveien 1")
    assert prop(block, "TRANSP") == "OPAQUE"
    assert prop(block, "X-MICROSOFT-CDO-BUSYSTATUS") == "BUSY"
    assert prop(block, "CATEGORIES") == "Møte"
    assert re.match(r"\d{8}T\d{6}Z$", prop(block, "DTSTAMP"))
    description = str(events_by_uid(data)[f"meeting-{meeting.id}@{archive_id}.nuit-tui"]["DESCRIPTION"])
    assert "13/23 Godkjenning av innkalling og dagsorden" in description
    assert "21/23 Målarkitektur for datadeling innen digital hjemmeoppfølging" in description
    assert "10.55  Pause" in description  # breaks are marked, with their time

    deadline = blocks[f"deadline-{added['shared'].id}@{archive_id}.nuit-tui"]
    assert prop(deadline, "DTSTART") == "VALUE=DATE:20230215"
    assert prop(deadline, "DTEND") == "VALUE=DATE:20230216"  # exclusive: the next day
    assert prop(deadline, "TRANSP") == "TRANSPARENT"
    assert prop(deadline, "X-MICROSOFT-CDO-BUSYSTATUS") == "FREE"
    assert prop(deadline, "CATEGORIES") == "Etatsstyring"
    assert prop(deadline, "DESCRIPTION") == "Fra tildelingsbrevet\\; «frist» for NUIT\\, NEHS"
    assert prop(blocks[f"deadline-{added['nuit'].id}@{archive_id}.nuit-tui"], "CATEGORIES") == "Frist"
    for block in blocks.values():
        for name in ("DTSTAMP", "SEQUENCE", "LAST-MODIFIED"):
            prop(block, name)


def test_a_body_gets_its_own_and_the_shared_deadlines_but_not_others(plan, tmp_path):
    demo, bodies, added = plan
    data = export(demo, tmp_path, body_id=bodies["NUIT"])
    summaries = {str(ev["SUMMARY"]) for ev in events_by_uid(data).values()}
    assert "Innspill til revidert budsjett for 2022" in summaries  # body NULL: every body's
    assert "NUIT: Sakspapirer til møte 2/2023 sendes ut" in summaries
    assert not any("NEHS" in s for s in summaries)
    assert {"NUIT møte 4/2021", "NUIT møte 1/2022", "NUIT møte 1/2023", "NUIT møte 2/2023"} <= summaries
    only_2022 = {str(ev["SUMMARY"]) for ev in events_by_uid(export(demo, tmp_path, "b.ics", year=2022)).values()}
    assert only_2022 == {"NUIT møte 1/2022", "NEHS møte 2/2022", "NEHR møte 3/2022"}


def test_utf8_letters_are_intact(plan, tmp_path):
    demo, _, _ = plan
    data = export(demo, tmp_path)
    text = data.decode("utf-8")  # written as UTF-8 bytes, no BOM
    assert not data.startswith(b"\xef\xbb\xbf")
    parsed = vobject.readOne(text)
    everything = " ".join(ev.summary.value + " " + getattr(ev, "description", ev.summary).value for ev in parsed.vevent_list)
    for word in ("møte", "Målarkitektur", "journalløft", "Nasjonalt e-helseråd", SECRET_DEADLINE):
        assert word in everything


# --- the time zone -------------------------------------------------------------------------------


def _offset(text: str) -> dt.timedelta:
    sign = -1 if text.startswith("-") else 1
    return sign * dt.timedelta(hours=int(text[1:3]), minutes=int(text[3:5]))


def test_vtimezone_rules_match_zoneinfo_every_hour_2024_to_2030(plan, tmp_path):
    demo, _, _ = plan
    calendar = icalendar.Calendar.from_ical(export(demo, tmp_path))
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Oslo"
    parts = timezone.subcomponents
    assert sorted(p.name for p in parts) == ["DAYLIGHT", "STANDARD"]
    # Every onset from the RRULE text, evaluated by dateutil, as a UTC instant.
    onsets = []
    for part in parts:
        assert "RDATE" not in part
        raw = part.to_ical().decode()
        rule = re.search(r"^RRULE:(.*)\r$", raw, flags=re.M)[1]
        start = dt.datetime.strptime(re.search(r"^DTSTART:(\d{8}T\d{6})\r$", raw, flags=re.M)[1], "%Y%m%dT%H%M%S")
        offset_from = _offset(re.search(r"^TZOFFSETFROM:(\S+)\r$", raw, flags=re.M)[1])
        offset_to = _offset(re.search(r"^TZOFFSETTO:(\S+)\r$", raw, flags=re.M)[1])
        for local in rrulestr(rule, dtstart=start).between(dt.datetime(2022, 1, 1), dt.datetime(2032, 1, 1)):
            onsets.append(((local - offset_from).replace(tzinfo=dt.UTC), offset_to))
    onsets.sort()
    assert len(onsets) == 20
    moment = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    checked = 0
    while moment < dt.datetime(2031, 1, 1, tzinfo=dt.UTC):
        ours = [offset for onset, offset in onsets if onset <= moment][-1]
        assert ours == moment.astimezone(OSLO).utcoffset(), moment
        moment += dt.timedelta(hours=1)
        checked += 1
    assert checked == 61368


# --- versions of events ------------------------------------------------------------------------


def _without_dtstamp(data: bytes) -> bytes:
    return re.sub(rb"DTSTAMP:\d{8}T\d{6}Z\r\n", b"", data)


def test_exporting_twice_without_change_gives_the_same_events(plan, tmp_path):
    demo, _, _ = plan
    first = export(demo, tmp_path, "1.ics", now=T0)
    second = export(demo, tmp_path, "2.ics", now=T1)
    assert first != second  # DTSTAMP is the time of export
    assert _without_dtstamp(first) == _without_dtstamp(second)
    assert all(prop(b, "SEQUENCE") == "0" for b in vevent_blocks(second))
    assert all(prop(b, "LAST-MODIFIED") == "20240301T120000Z" for b in vevent_blocks(second))


def test_written_in_small_chunks_it_is_the_same_file_in_date_order(plan, tmp_path, monkeypatch):
    """The export streams: events are read, versioned and written a chunk at a time.
    Chunk borders must change nothing: not the order, not the versions, not a byte."""
    from nuit_tui.exporters import ics
    from nuit_tui.services import calendar

    demo, _, _ = plan
    monkeypatch.setattr(calendar, "CHUNK", 2)
    monkeypatch.setattr(ics, "CHUNK_LINES", 7)
    chunked = export(demo, tmp_path, "small.ics", now=T0)
    monkeypatch.undo()
    whole = export(demo, tmp_path, "whole.ics", now=T0)
    assert chunked == whole
    starts = [prop(b, "DTSTART").rsplit(":", 1)[1][:8] for b in vevent_blocks(chunked)]
    assert len(starts) == demo.store.count(m.Meeting) + demo.store.count(m.Deadline) > 2 * 2
    assert starts == sorted(starts)
    assert all(prop(b, "SEQUENCE") == "0" for b in vevent_blocks(whole))


def test_versions_kept_on_disk_a_chunk_at_a_time_are_all_recorded(plan, tmp_path, monkeypatch):
    """A first export moves every event's version; a large archive's are kept in a
    temporary file until the .ics is written. Every one must come back, in order."""
    import functools

    from nuit_tui.services import calendar

    demo, _, _ = plan
    monkeypatch.setattr(calendar, "CHUNK", 2)
    monkeypatch.setattr(calendar, "ChangedVersions", functools.partial(calendar.ChangedVersions, in_memory=1))
    first = export(demo, tmp_path, "first.ics", now=T0)
    monkeypatch.undo()
    events = vevent_blocks(first)
    assert len(events) > 2 * 2
    recorded = demo.store.conn.execute("SELECT count(*) FROM calendar_events WHERE variant = 'internal'").fetchone()[0]
    assert recorded == len(events)
    again = vevent_blocks(export(demo, tmp_path, "again.ics", now=T1))
    assert all(prop(b, "SEQUENCE") == "0" for b in again)
    assert all(prop(b, "LAST-MODIFIED") == "20240301T120000Z" for b in again)


def test_changed_versions_come_back_in_the_order_appended():
    from nuit_tui.services.calendar import CHUNK, ChangedVersions

    changed = ChangedVersions(in_memory=1)
    states = [(f"uid-{n}@arkiv", f"{n:064x}", n % 3, "2024-03-01T12:00:00+00:00") for n in range(2 * CHUNK + 7)]
    for state in states:
        changed.append(state)
    try:
        assert len(changed) == len(states)
        assert list(changed) == states
        assert changed._file._rolled  # on disk, not in memory
    finally:
        changed.close()


def test_a_failure_midway_leaves_the_old_file_and_records_no_versions(plan, tmp_path, monkeypatch):
    from nuit_tui.exporters import ics
    from nuit_tui.services import calendar

    demo, _, _ = plan
    old = export(demo, tmp_path, "a.ics", now=T0)
    item = demo.agenda.find_item("15/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"title": "Orientering fra Helsedirektoratet"}))
    fold = ics.fold

    def failing(line):
        # The last event (1 June), after the changed meeting (25 May) was versioned and written.
        if "Åsgård" in line:
            raise OSError(28, "No space left on device")
        return fold(line)

    monkeypatch.setattr(calendar, "CHUNK", 1)  # versions are recorded event by event
    monkeypatch.setattr(ics, "CHUNK_LINES", 7)
    monkeypatch.setattr(ics, "fold", failing)
    with pytest.raises(OSError):
        export(demo, tmp_path, "a.ics", now=T1)
    monkeypatch.undo()
    assert (tmp_path / "a.ics").read_bytes() == old
    assert not list(tmp_path.glob(".a.ics.*"))
    # Nothing was recorded: the next export sees the change for the first time.
    blocks = vevent_blocks(export(demo, tmp_path, "b.ics", now=T2))
    changed = [b for b in blocks if "15/23 Orientering fra Helsedirektoratet" in b]
    assert len(changed) == 1 and prop(changed[0], "SEQUENCE") == "1"
    assert prop(changed[0], "LAST-MODIFIED") == "20240301T140000Z"


def test_a_moved_meeting_keeps_its_uid_with_a_higher_sequence(plan, tmp_path):
    demo, bodies, _ = plan
    before = {prop(b, "UID"): b for b in vevent_blocks(export(demo, tmp_path, "1.ics", body_id=bodies["NUIT"], now=T0))}
    moved = demo.meetings.find("NUIT", "2/2023")
    still = demo.meetings.find("NUIT", "1/2023")
    demo.meetings.update(moved.model_copy(update={"date": dt.date(2023, 5, 31), "start_time": dt.time(10, 0)}))
    after = {prop(b, "UID"): b for b in vevent_blocks(export(demo, tmp_path, "2.ics", body_id=bodies["NUIT"], now=T1))}
    assert after.keys() == before.keys()
    archive_id = demo.store.meta()["archive_id"]
    moved_uid, still_uid = (f"meeting-{mt.id}@{archive_id}.nuit-tui" for mt in (moved, still))
    assert prop(after[moved_uid], "DTSTART") == "TZID=Europe/Oslo:20230531T100000"
    assert int(prop(after[moved_uid], "SEQUENCE")) > int(prop(before[moved_uid], "SEQUENCE"))
    assert prop(after[moved_uid], "LAST-MODIFIED") == "20240301T130000Z"
    assert prop(after[still_uid], "SEQUENCE") == prop(before[still_uid], "SEQUENCE") == "0"
    assert prop(after[still_uid], "LAST-MODIFIED") == prop(before[still_uid], "LAST-MODIFIED") == "20240301T120000Z"
    # Moved again within the same second: LAST-MODIFIED still moves on.
    demo.meetings.update(demo.meetings.get(moved.id).model_copy(update={"location": "Microsoft Teams"}))
    again = {prop(b, "UID"): b for b in vevent_blocks(export(demo, tmp_path, "3.ics", body_id=bodies["NUIT"], now=T1))}
    assert prop(again[moved_uid], "SEQUENCE") == "2"
    assert prop(again[moved_uid], "LAST-MODIFIED") == "20240301T130001Z"


def test_an_agenda_change_is_a_new_version_of_the_meeting(plan, tmp_path):
    demo, _, _ = plan
    meeting = demo.meetings.find("NUIT", "2/2023")
    uid = f"meeting-{meeting.id}@{demo.store.meta()['archive_id']}.nuit-tui"
    export(demo, tmp_path, "1.ics", now=T0)
    item = demo.agenda.find_item("15/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"title": "Orientering fra Helsedirektoratet"}))
    block = {prop(b, "UID"): b for b in vevent_blocks(export(demo, tmp_path, "2.ics", now=T1))}[uid]
    assert prop(block, "SEQUENCE") == "1"
    assert "15/23 Orientering fra Helsedirektoratet" in block


def test_a_deleted_deadline_stays_out(plan, tmp_path):
    demo, _, added = plan
    uid = f"deadline-{added['nuit'].id}@{demo.store.meta()['archive_id']}.nuit-tui"
    assert uid in events_by_uid(export(demo, tmp_path, "1.ics", now=T0))
    demo.store.delete(m.Deadline, added["nuit"].id)
    for name, now in (("2.ics", T1), ("3.ics", T2)):
        data = export(demo, tmp_path, name, now=now)
        assert uid not in events_by_uid(data)
        assert "Sakspapirer til møte 2/2023" not in unfolded(data)


def test_a_cancelled_meeting_is_exported_as_cancelled(plan, tmp_path):
    demo, _, _ = plan
    meeting = demo.meetings.find("NUIT", "2/2023")
    demo.meetings.set_status(meeting.id, m.MeetingStatus.CANCELLED)
    data = export(demo, tmp_path, alarm_minutes=15)
    uid = f"meeting-{meeting.id}@{demo.store.meta()['archive_id']}.nuit-tui"
    event = events_by_uid(data)[uid]
    assert str(event["STATUS"]) == "CANCELLED"
    assert "AVLYST" in str(event["SUMMARY"])
    assert not event.walk("VALARM")


# --- public version ----------------------------------------------------------------------------


def test_the_public_file_holds_no_exempt_text(plan, tmp_path):
    demo, _, added = plan
    exempt_item = demo.agenda.find_item("18/23", body_short_name="NUIT")
    demo.agenda.update_item(exempt_item.model_copy(update={"exempt": True, "exempt_basis": "offl. § 14"}))
    exempt_title = demo.agenda.find_item("19/23", body_short_name="NUIT")
    demo.agenda.update_item(exempt_title.model_copy(update={"exempt": True, "title_exempt": True}))

    internal = unfolded(export(demo, tmp_path, "intern.ics"))
    public_path = export_ics(demo, public=True, exports_dir=tmp_path)
    assert public_path.name == "arshjul-alle-alle-offentlig.ics"
    public_bytes = public_path.read_bytes()
    public = unfolded(public_bytes)
    # Unescaped text of every property, as a calendar client shows it.
    shown = " ".join(
        str(value) for ev in icalendar.Calendar.from_ical(public_bytes).walk() for value in ev.values()
    )
    for secret in (SECRET_TITLE, SECRET_DEADLINE, SECRET_DEADLINE_TEXT, "Åsgård"):
        assert secret in internal or secret in internal.replace("\\,", ",")
        assert secret not in public and secret not in shown
    assert f"deadline-{added['exempt'].id}@" not in public
    # The one rule (domain.openness), as in the public notice and minutes: an exempt item's
    # title is public unless the title is marked exempt too; the marker names the basis.
    assert f"18/23 {EXEMPT_ITEM} (Unntatt offentlighet, offl. § 14)" in shown
    assert "19/23 Unntatt offentlighet\n" in shown
    assert "20/23 Nasjonal e-helseportefølje" in shown  # the rest of the agenda stays
    assert "Innspill til revidert budsjett for 2022" in shown


# --- alarms ------------------------------------------------------------------------------------


def test_at_most_one_alarm_per_event(plan, tmp_path):
    demo, _, added = plan
    data = export(demo, tmp_path, alarm_minutes=15)
    for block in vevent_blocks(data):
        assert block.count("BEGIN:VALARM") <= 1
    events = events_by_uid(data)
    archive_id = demo.store.meta()["archive_id"]
    meeting = events[f"meeting-{demo.meetings.find('NUIT', '2/2023').id}@{archive_id}.nuit-tui"]
    [alarm] = meeting.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -dt.timedelta(minutes=15)
    assert "NUIT møte 2/2023" in str(alarm["DESCRIPTION"])
    [reminder] = events[f"deadline-{added['shared'].id}@{archive_id}.nuit-tui"].walk("VALARM")
    assert reminder.decoded("TRIGGER") == -dt.timedelta(days=3)
    assert "TRIGGER:-P3D\r\n" in unfolded(data)
    assert not events[f"deadline-{added['nuit'].id}@{archive_id}.nuit-tui"].walk("VALARM")
    # Without --alarm-minutes a meeting has no alarm.
    assert not events_by_uid(export(demo, tmp_path, "b.ics"))[str(meeting["UID"])].walk("VALARM")


# --- command line ------------------------------------------------------------------------------


def test_cli_writes_the_default_file(demo_path, tmp_path):
    result = run("export", "ics", "--body", "NUIT", "--year", "2023", "--alarm-minutes", "15", "--db", demo_path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "exports" / "arshjul-NUIT-2023.ics"
    assert result.stdout.strip() == str(path.relative_to(tmp_path))
    data = path.read_bytes()
    summaries = {str(ev["SUMMARY"]) for ev in events_by_uid(data).values()}
    assert {s for s in summaries if " møte " in s} == {"NUIT møte 1/2023", "NUIT møte 2/2023"}  # besides the demo's deadlines
    everything = run("--db", demo_path, "export", "ics", "--public", "--out", tmp_path / "all.ics", cwd=tmp_path)
    assert everything.returncode == 0, everything.stderr
    assert (tmp_path / "all.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--body", "XYZ"], "XYZ"),
        (["--year", "20x3"], "20x3"),
        (["--year", "1800"], "1800"),
        (["--alarm-minutes", "-5"], "-5"),
        (["--out", "nowhere/a.ics"], "nowhere"),
    ],
)
def test_cli_refuses_bad_input_with_one_line(demo_path, tmp_path, args, message):
    result = run("export", "ics", "--db", demo_path, *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in one_line_error(result)
    assert not (tmp_path / "exports").exists()
