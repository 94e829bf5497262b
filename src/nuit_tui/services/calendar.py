"""The year plan (årshjul) as a calendar file for Outlook: meetings and deadlines.

`build_calendar` gathers the events into plain frozen dataclasses, a chunk at a
time in date order, and `exporters.ics` turns them into bytes as they come: the
whole archive is written with memory bounded by a chunk, not by the archive.
Public redaction happens here, by the one rule of `domain.openness`, so the renderer
never holds exempt text; in the internal calendar exempt events are marked and
CLASS:CONFIDENTIAL. Each exported event's content hash, SEQUENCE
and LAST-MODIFIED are kept in the archive (table calendar_events), so that a
calendar client sees a changed event as a newer version of the same event (same
UID, higher SEQUENCE) and an unchanged one as unchanged.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..domain import models as m
from ..domain.case_numbers import CaseNumber
from ..domain.norwegian import ParseError, clock, time_span, weekday_date
from ..domain.openness import (
    PARTLY_EXEMPT,
    ItemFields,
    internal_summary,
    is_exempt,
    item_line,
    item_title,
    may_publish,
    title_is_public,
)
from ..domain.timeplan import PlanEntry, time_plan
from ..exporters._output import slug
from ..files import write_export
from ..store.meeting_rows import meeting_filter
from .archive import Archive

MEETING_CATEGORY = "Møte"
DEADLINE_CATEGORY = "Frist"
MAX_ALARM_MINUTES = 7 * 24 * 60


@dataclass(frozen=True)
class CalendarAlarm:
    trigger: str  # "-PT15M", "-P3D"
    description: str


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    # Timed events: naive local times in Europe/Oslo; all-day: dates, end exclusive.
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date
    all_day: bool
    busy: bool
    location: str = ""
    description: str = ""
    categories: tuple[str, ...] = ()
    status: str = "CONFIRMED"
    alarm: CalendarAlarm | None = None
    # CLASS:CONFIDENTIAL: the event shows what is exempt (only ever in the internal calendar).
    confidential: bool = False
    # Filled in from the archive's record of earlier exports.
    sequence: int = 0
    last_modified: dt.datetime | None = None


@dataclass(frozen=True)
class CalendarDocument:
    name: str  # X-WR-CALNAME: what Outlook calls the calendar
    # In date order; an iterator when streamed from the archive (read it once).
    events: Iterable[CalendarEvent]
    stamp: dt.datetime  # DTSTAMP, UTC
    public: bool
    # The time zone goes before the events, so whether one is needed is known up front.
    has_timed_events: bool


# Events are gathered, versioned and written this many at a time.
CHUNK = 500


def check_year(year: int | None) -> None:
    if year is not None and not 1900 <= year <= 2200:
        raise ParseError(f"{year} er ikke et gyldig årstall (1900–2200)")


def check_alarm_minutes(minutes: int | None) -> None:
    if minutes is not None and not 0 <= minutes <= MAX_ALARM_MINUTES:
        raise ParseError(f"Påminnelsen må være mellom 0 og {MAX_ALARM_MINUTES} minutter før møtet")


def _uid(archive_id: str, table: str, record_id: int) -> str:
    """Stable for the row's life: the archive's own id, the table and the row id."""
    return f"{table}-{record_id}@{archive_id}.nuit-tui"


# --- meetings ----------------------------------------------------------------------------


# The columns an agenda line needs, of every exported meeting at once: one query, not
# a query and a full record per item (the whole archive is thousands of meetings).
_AGENDA_SQL = (
    "SELECT meeting_id, id, kind, case_year, case_seq, title, exempt, state, duration_minutes, fixed_start,"
    " title_exempt, exempt_basis"
    " FROM agenda_items WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY meeting_id, position, id"
)


def _agendas(archive: Archive, meetings: list[m.Meeting], *, public: bool) -> dict[int, tuple[list[str], bool]]:
    rows: dict[int, list[tuple]] = {}
    for row in archive.store.conn.execute(_AGENDA_SQL, [json.dumps([mt.id for mt in meetings])]):
        rows.setdefault(row[0], []).append(row)
    return {mt.id: _agenda_lines(mt, rows.get(mt.id, []), public=public) for mt in meetings}


def _agenda_lines(meeting: m.Meeting, rows: list[tuple], *, public: bool) -> tuple[list[str], bool]:
    """The agenda as lines of the description, and whether they show an exempt title
    (only ever in the internal calendar). Exempt items by the rule of `domain.openness`:
    number, title when public, and the marker; never their other text."""
    entries = [PlanEntry(row[1], row[8], dt.time.fromisoformat(row[9]) if row[9] else None) for row in rows]
    plan = time_plan(meeting.start_time, meeting.end_time, entries)
    lines = []
    shows_exempt = False
    for row, slot in zip(rows, plan.slots, strict=True):
        _, _, kind, case_year, case_seq, title, exempt, state, _, _, title_exempt, exempt_basis = row
        item = ItemFields(title, exempt, title_exempt, exempt_basis)
        shows_exempt = shows_exempt or not (public or title_is_public(item))
        if kind == m.EntryKind.BREAK:
            lines.append(f"{clock(slot.start)}  {item_title(item, public=public) or 'Pause'}")
            continue
        number = ""
        if case_year is not None and case_seq is not None:
            number = str(CaseNumber(case_year, case_seq))
        text = item_line(number, item, public=public)
        if state == m.ItemState.DEFERRED:
            text += " (utsatt)"
        elif state == m.ItemState.WITHDRAWN:
            text += " (trukket)"
        lines.append(f"{clock(slot.start)}  {text}")
    return lines, shows_exempt


def _meeting_event(
    archive_id: str, body: m.Body, meeting: m.Meeting, agenda: tuple[list[str], bool], *, alarm_minutes: int | None
) -> CalendarEvent:
    agenda, shows_exempt = agenda
    cancelled = meeting.status is m.MeetingStatus.CANCELLED
    title = f"{body.short_name} møte {meeting.ref}"
    summary = f"AVLYST: {title}" if cancelled else title
    if shows_exempt:  # the meeting is public; what its internal agenda shows is not all
        summary += f" {PARTLY_EXEMPT}"
    location = (meeting.location or "").strip() or (meeting.video_link or "").strip()
    description = [
        f"{body.name} ({body.short_name}), møte {meeting.ref}",
        f"{weekday_date(meeting.date).capitalize()} {time_span(meeting.start_time, meeting.end_time)}",
    ]
    if meeting.location:
        description.append(f"Sted: {meeting.location.strip()}")
    if meeting.video_link:
        description.append(f"Video: {meeting.video_link.strip()}")
    if cancelled:
        description.append("Møtet er avlyst.")
    if agenda:
        description += ["", "Saksliste:", *agenda]
    alarm = None
    if alarm_minutes is not None and not cancelled:  # no reminder of a meeting that is off
        alarm = CalendarAlarm(f"-PT{alarm_minutes}M", f"Påminnelse: {title}")
    return CalendarEvent(
        uid=_uid(archive_id, "meeting", meeting.id),
        summary=summary,
        start=dt.datetime.combine(meeting.date, meeting.start_time),
        end=dt.datetime.combine(meeting.date, meeting.end_time),
        all_day=False,
        # Outlook shows a cancelled meeting as free, so it blocks nobody's day.
        busy=not cancelled,
        location=location,
        description="\n".join(description),
        categories=(MEETING_CATEGORY,),
        status="CANCELLED" if cancelled else "CONFIRMED",
        alarm=alarm,
        confidential=shows_exempt,
    )


# --- deadlines ---------------------------------------------------------------------------


def _deadline_event(archive_id: str, bodies: dict[int, m.Body], deadline: m.Deadline) -> CalendarEvent:
    body = bodies.get(deadline.body_id) if deadline.body_id is not None else None
    exempt = is_exempt(deadline)  # only ever true in the internal calendar
    summary = internal_summary(f"{body.short_name}: {deadline.title}" if body else deadline.title, exempt=exempt)
    description = [deadline.description.strip()] if deadline.description.strip() else []
    if deadline.responsible.strip():
        description.append(f"Ansvarlig: {deadline.responsible.strip()}")
    if deadline.source.strip():
        description.append(f"Kilde: {deadline.source.strip()}")
    alarm = None
    if deadline.reminder_days is not None:
        alarm = CalendarAlarm(f"-P{deadline.reminder_days}D", f"Frist: {deadline.title}")
    return CalendarEvent(
        uid=_uid(archive_id, "deadline", deadline.id),
        summary=summary,
        start=deadline.date,
        end=deadline.date + dt.timedelta(days=1),
        all_day=True,
        busy=False,  # a deadline is a marker, not time taken
        description="\n".join(description),
        categories=(deadline.category.strip() or DEADLINE_CATEGORY,),
        alarm=alarm,
        confidential=exempt,
    )


def _derived_events(
    archive: Archive, archive_id: str, bodies: dict[int, m.Body], *, body_id: int | None, year: int | None, public: bool
) -> Iterator[Keyed]:
    """Deadlines that rules derive from meetings or other deadlines (they follow when
    those move), in date order, a year at a time: memory bounded by a year's anchors."""
    if not archive.rules(body_id=body_id):
        return
    if year is not None:
        years = [year]
    else:
        meeting_years = archive.meeting_years(None)
        years = list(range(min(meeting_years) - 1, max(meeting_years) + 2)) if meeting_years else []
    for each in years:
        entries = archive.derived_entries(dt.date(each, 1, 1), dt.date(each, 12, 31), body_id=body_id)
        # e.exempt is the rule's verdict on the derived date (its rule and its anchor).
        entries = sorted((e for e in entries if not public or may_publish(e)), key=lambda e: (e.date, e.ref_id))
        for e in entries:
            yield (e.date, 0, dt.time(0), e.ref_id), _derived_event(archive_id, bodies, e)


def _derived_event(archive_id: str, bodies: dict[int, m.Body], entry) -> CalendarEvent:
    body = bodies.get(entry.body_id) if entry.body_id is not None else None
    exempt = is_exempt(entry)
    return CalendarEvent(
        # One event per rule and anchor: it keeps its UID when the meeting it follows moves.
        uid=f"rule-{entry.ref_id}-{entry.anchor_id}@{archive_id}.nuit-tui",
        summary=internal_summary(f"{body.short_name}: {entry.title}" if body else entry.title, exempt=exempt),
        start=entry.date,
        end=entry.date + dt.timedelta(days=1),
        all_day=True,
        busy=False,
        description="Avledet frist (følger møtet eller fristen den regnes fra)",
        categories=(entry.category.strip() or DEADLINE_CATEGORY,),
        confidential=exempt,
    )


# --- the calendar --------------------------------------------------------------------------


def calendar_name(body: m.Body | None, year: int | None, *, public: bool) -> str:
    name = f"Årshjul {body.short_name if body else 'alle utvalg'}"
    if year is not None:
        name += f" {year}"
    return name + (" (offentlig)" if public else "")


Keyed = tuple[tuple, CalendarEvent]  # (sort key, event)


def _meeting_events(
    archive: Archive, archive_id: str, bodies: dict[int, m.Body], *,
    body_id: int | None, year: int | None, public: bool, alarm_minutes: int | None,
) -> Iterator[Keyed]:
    meetings = archive.store.iter_find(m.Meeting, *meeting_filter(body_id, year), order_by="date, start_time, id")
    while chunk := list(itertools.islice(meetings, CHUNK)):
        agendas = _agendas(archive, chunk, public=public)
        for mt in chunk:
            event = _meeting_event(archive_id, bodies[mt.body_id], mt, agendas[mt.id], alarm_minutes=alarm_minutes)
            yield (mt.date, 1, mt.start_time, mt.id), event


def _deadline_events(
    archive: Archive, archive_id: str, bodies: dict[int, m.Body], *, body_id: int | None, year: int | None, public: bool
) -> Iterator[Keyed]:
    # A deadline without a body belongs to every body's year plan.
    clauses, params = [], []
    if body_id is not None:
        clauses.append("(body_id = ? OR body_id IS NULL)")
        params.append(body_id)
    if year is not None:
        clauses.append("date >= ? AND date < ?")
        params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    if public:
        clauses.append("exempt = 0")  # only to read less: may_publish below decides
    for d in archive.store.iter_find(m.Deadline, " AND ".join(clauses) or "1", params, order_by="date, id"):
        if public and not may_publish(d):
            continue
        # All-day deadlines first on their day, as Outlook shows them.
        yield (d.date, 0, dt.time(0), d.id), _deadline_event(archive_id, bodies, d)


def _events(
    archive: Archive, *, body_id: int | None, year: int | None, public: bool, alarm_minutes: int | None
) -> Iterator[CalendarEvent]:
    """Every event in date order, read and made a chunk at a time."""
    archive_id = archive.store.meta()["archive_id"]
    bodies = {body.id: body for body in archive.bodies()}
    merged = heapq.merge(
        _meeting_events(archive, archive_id, bodies, body_id=body_id, year=year, public=public, alarm_minutes=alarm_minutes),
        _deadline_events(archive, archive_id, bodies, body_id=body_id, year=year, public=public),
        _derived_events(archive, archive_id, bodies, body_id=body_id, year=year, public=public),
        key=lambda pair: pair[0],
    )
    for _, event in merged:
        yield event


def _versioned(archive: Archive, events: Iterable[CalendarEvent], *, public: bool, now: dt.datetime) -> Iterator[CalendarEvent]:
    """SEQUENCE and LAST-MODIFIED from the record of earlier exports: both move only
    when the event's content does. Records the new state a chunk at a time; run it
    inside a write, so that an export that fails records nothing."""
    from ..exporters.ics import content_hash

    variant = "public" if public else "internal"
    now = now.astimezone(dt.UTC).replace(microsecond=0)
    events = iter(events)
    while chunk := list(itertools.islice(events, CHUNK)):
        known = archive.store.calendar_event_states(variant, [event.uid for event in chunk])
        changed = []
        for event in chunk:
            digest = content_hash(event)
            previous = known.get(event.uid)
            if previous is None:
                sequence, modified = 0, now
            else:
                old_digest, old_sequence, old_modified = previous
                old_modified_at = dt.datetime.fromisoformat(old_modified)
                if old_digest == digest:
                    sequence, modified = old_sequence, old_modified_at
                else:
                    # Strictly later, even for two exports within one second.
                    sequence, modified = old_sequence + 1, max(now, old_modified_at + dt.timedelta(seconds=1))
            if previous is None or previous[0] != digest:
                changed.append((event.uid, digest, sequence, modified.isoformat()))
            yield replace(event, sequence=sequence, last_modified=modified)
        archive.store.save_calendar_event_states(variant, changed)


def build_calendar(
    archive: Archive,
    *,
    body_id: int | None = None,
    year: int | None = None,
    public: bool = False,
    alarm_minutes: int | None = None,
    now: dt.datetime | None = None,
) -> CalendarDocument:
    """The calendar view. Its events are a stream that records each event's version
    as it is read: read it once, inside `archive.store.write()`."""
    check_year(year)
    check_alarm_minutes(alarm_minutes)
    now = now or dt.datetime.now(dt.UTC)
    body = archive.body_by_id(body_id) if body_id is not None else None
    events = _events(archive, body_id=body_id, year=year, public=public, alarm_minutes=alarm_minutes)
    return CalendarDocument(
        name=calendar_name(body, year, public=public),
        events=_versioned(archive, events, public=public, now=now),
        stamp=now.astimezone(dt.UTC).replace(microsecond=0),
        public=public,
        has_timed_events=archive.store.count(m.Meeting, *meeting_filter(body_id, year)) > 0,
    )


def render_calendar(doc: CalendarDocument) -> Iterator[bytes]:
    from ..exporters import ics

    return ics.render_chunks(doc)


def default_file_name(body: m.Body | None, year: int | None, *, public: bool) -> str:
    """"arshjul-NUIT-2023.ics", "arshjul-alle-alle.ics"; "-offentlig" for the public one."""
    short = slug(body.short_name, "alle") if body else "alle"
    suffix = "-offentlig" if public else ""
    return f"arshjul-{short}-{year if year is not None else 'alle'}{suffix}.ics"


def export_ics(
    archive: Archive,
    *,
    body_id: int | None = None,
    year: int | None = None,
    public: bool = False,
    alarm_minutes: int | None = None,
    out: Path | None = None,
    exports_dir: Path = Path("exports"),
    now: dt.datetime | None = None,
) -> Path:
    """Write the year plan as an .ics file whole; returns the path written.

    The file is written as the events are read (to a temporary file, renamed at the
    end), and their versions are recorded in the same transaction, so a failed write
    leaves both the file and the record as they were."""
    check_year(year)
    check_alarm_minutes(alarm_minutes)
    body = archive.body_by_id(body_id) if body_id is not None else None
    with archive.store.write():
        doc = build_calendar(archive, body_id=body_id, year=year, public=public, alarm_minutes=alarm_minutes, now=now)
        return write_export(
            render_calendar(doc), default_file_name(body, year, public=public), out=out, exports_dir=exports_dir
        )
