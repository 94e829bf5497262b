"""The year plan (årshjul) as a calendar file for Outlook: read, versioned, exported.

`build_calendar` reads the events a chunk at a time in date order (what an event
says, and its public redaction by the one rule of `domain.openness`, is
`documents.calendar`), and `exporters.ics`
turns them into bytes as they come: the whole archive is written with memory
bounded by a chunk, not by the archive. Each exported event's content hash,
SEQUENCE and LAST-MODIFIED are kept in the archive (table calendar_events), so
that a calendar client sees a changed event as a newer version of the same event
(same UID, higher SEQUENCE) and an unchanged one as unchanged.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..documents.calendar import (
    AgendaLineRow,
    CalendarDocument,
    CalendarEvent,
    agenda_lines,
    calendar_name,
    check_alarm_minutes,
    check_year,
    deadline_event,
    default_file_name,
    derived_event,
    meeting_event,
)
from ..domain import models as m
from ..domain.norwegian import FIRST_DAY, LAST_DAY
from ..domain.openness import may_publish
from ..exporters import registry
from ..files import write_export
from ..store.meeting_rows import meeting_filter
from .archive import Archive

# Events are gathered, versioned and written this many at a time.
CHUNK = 500

Keyed = tuple[tuple[Any, ...], CalendarEvent]  # (sort key, event)


# The columns an agenda line needs, of every exported meeting at once: one query, not
# a query and a full record per item (the whole archive is thousands of meetings).
_AGENDA_SQL = (
    "SELECT meeting_id, id, kind, case_year, case_seq, title, exempt, state, duration_minutes, fixed_start,"
    " title_exempt, exempt_basis"
    " FROM agenda_items WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY meeting_id, position, id"
)


def _agendas(archive: Archive, meetings: list[m.Meeting], *, public: bool) -> dict[int, tuple[list[str], bool]]:
    rows: dict[int, list[AgendaLineRow]] = {}
    for row in archive.store.conn.execute(_AGENDA_SQL, [json.dumps([mt.id for mt in meetings])]):
        rows.setdefault(row[0], []).append(row)
    return {mt.stored_id: agenda_lines(mt, rows.get(mt.stored_id, []), public=public) for mt in meetings}


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
            yield (e.date, 0, dt.time(0), e.ref_id), derived_event(archive_id, bodies, e)


def _meeting_events(
    archive: Archive, archive_id: str, bodies: dict[int, m.Body], *,
    body_id: int | None, year: int | None, public: bool, alarm_minutes: int | None,
) -> Iterator[Keyed]:
    meetings = archive.store.iter_find(m.Meeting, *meeting_filter(body_id, year), order_by="date, start_time, id")
    while chunk := list(itertools.islice(meetings, CHUNK)):
        agendas = _agendas(archive, chunk, public=public)
        for mt in chunk:
            event = meeting_event(archive_id, bodies[mt.body_id], mt, agendas[mt.stored_id], alarm_minutes=alarm_minutes)
            yield (mt.date, 1, mt.start_time, mt.id), event


def _deadline_events(
    archive: Archive, archive_id: str, bodies: dict[int, m.Body], *, body_id: int | None, year: int | None, public: bool
) -> Iterator[Keyed]:
    # A deadline without a body belongs to every body's year plan.
    # Only dates the archive accepts: one an older version let in (31.12.9999) has no
    # day after it to end its event (the command line warns of it, see deadlines_out_of_range).
    clauses: list[str] = ["date BETWEEN ? AND ?"]
    params: list[object] = [FIRST_DAY.isoformat(), LAST_DAY.isoformat()]
    if body_id is not None:
        clauses.append("(body_id = ? OR body_id IS NULL)")
        params.append(body_id)
    if year is not None:
        clauses.append("date >= ? AND date < ?")
        params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    if public:
        clauses.append("exempt = 0")  # only to read less: may_publish below decides
    for d in archive.store.iter_find(m.Deadline, " AND ".join(clauses), params, order_by="date, id"):
        if public and not may_publish(d):
            continue
        # All-day deadlines first on their day, as Outlook shows them.
        yield (d.date, 0, dt.time(0), d.id), deadline_event(archive_id, bodies, d)


def _events(
    archive: Archive, *, body_id: int | None, year: int | None, public: bool, alarm_minutes: int | None
) -> Iterator[CalendarEvent]:
    """Every event in date order, read and made a chunk at a time."""
    archive_id = archive.store.meta()["archive_id"]
    bodies = {body.stored_id: body for body in archive.bodies()}
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
    # On a read-only archive: one snapshot, and the versions are not recorded.
    with archive.store.transaction():
        doc = build_calendar(archive, body_id=body_id, year=year, public=public, alarm_minutes=alarm_minutes, now=now)
        return write_export(
            registry.render_chunks(doc, "ics"), default_file_name(body, year, public=public), out=out, exports_dir=exports_dir
        )
