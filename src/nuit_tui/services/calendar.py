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
import pickle
import tempfile
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
from ..domain.openness import may_publish
from ..exporters import registry
from ..files import write_export
from ..store import year_plan as year_plan_queries
from .archive import Archive

# (uid, content hash, sequence, last modified) of an exported event.
EventState = tuple[str, str, int, str]

# Events are gathered, versioned and written this many at a time.
CHUNK = 500

Keyed = tuple[tuple[Any, ...], CalendarEvent]  # (sort key, event)


class ChangedVersions:
    """The event versions an export moved, to record once its file is written.

    Kept in a temporary file a chunk at a time past the first megabyte: a first
    export of a large archive moves every event (183,000 at bench scale 16), and
    holding them all would bound the export's memory by the archive, not a chunk."""

    def __init__(self, *, in_memory: int = 1 << 20) -> None:
        self._file = tempfile.SpooledTemporaryFile(max_size=in_memory)
        self._chunk: list[EventState] = []
        self._count = 0

    def append(self, state: EventState) -> None:
        self._chunk.append(state)
        self._count += 1
        if len(self._chunk) >= CHUNK:
            pickle.dump(self._chunk, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._chunk = []

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[EventState]:
        """Every state appended, in order (read once, at the end)."""
        self._file.seek(0)
        while True:
            try:
                chunk = pickle.load(self._file)  # noqa: S301 - our own temporary file
            except EOFError:
                break
            yield from chunk
        yield from self._chunk

    def close(self) -> None:
        self._file.close()


def _agendas(archive: Archive, meetings: list[m.Meeting], *, public: bool) -> dict[int, tuple[list[str], bool]]:
    rows: dict[int, list[AgendaLineRow]] = {}
    for row in year_plan_queries.agenda_line_rows(archive.store, [mt.stored_id for mt in meetings]):
        rows.setdefault(row[0], []).append(row)
    return {mt.stored_id: agenda_lines(mt, rows.get(mt.stored_id, []), public=public) for mt in meetings}


def _derived_events(
    archive: Archive, archive_id: str, bodies: dict[int, m.Body], *, body_id: int | None, year: int | None, public: bool
) -> Iterator[Keyed]:
    """Deadlines that rules derive from meetings or other deadlines (they follow when
    those move), in date order, a year at a time: memory bounded by a year's anchors."""
    if not archive.year_plan.rules(body_id=body_id):
        return
    if year is not None:
        years = [year]
    else:
        meeting_years = archive.rows.meeting_years(None)
        years = list(range(min(meeting_years) - 1, max(meeting_years) + 2)) if meeting_years else []
    for each in years:
        entries = archive.year_plan.derived_entries(dt.date(each, 1, 1), dt.date(each, 12, 31), body_id=body_id)
        # e.exempt is the rule's verdict on the derived date (its rule and its anchor).
        entries = sorted((e for e in entries if not public or may_publish(e)), key=lambda e: (e.date, e.ref_id))
        for e in entries:
            yield (e.date, 0, dt.time(0), e.ref_id), derived_event(archive_id, bodies, e)


def _meeting_events(
    archive: Archive, archive_id: str, bodies: dict[int, m.Body], *,
    body_id: int | None, year: int | None, public: bool, alarm_minutes: int | None,
) -> Iterator[Keyed]:
    meetings = year_plan_queries.iter_meetings(archive.store, body_id=body_id, year=year)
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
    for d in year_plan_queries.iter_deadlines(archive.store, body_id=body_id, year=year, public=public):
        if public and not may_publish(d):
            continue
        # All-day deadlines first on their day, as Outlook shows them.
        yield (d.date, 0, dt.time(0), d.id), deadline_event(archive_id, bodies, d)


def _events(
    archive: Archive, *, body_id: int | None, year: int | None, public: bool, alarm_minutes: int | None
) -> Iterator[CalendarEvent]:
    """Every event in date order, read and made a chunk at a time."""
    archive_id = archive.store.meta()["archive_id"]
    bodies = {body.stored_id: body for body in archive.members.bodies()}
    merged = heapq.merge(
        _meeting_events(archive, archive_id, bodies, body_id=body_id, year=year, public=public, alarm_minutes=alarm_minutes),
        _deadline_events(archive, archive_id, bodies, body_id=body_id, year=year, public=public),
        _derived_events(archive, archive_id, bodies, body_id=body_id, year=year, public=public),
        key=lambda pair: pair[0],
    )
    for _, event in merged:
        yield event


def _versioned(
    archive: Archive, events: Iterable[CalendarEvent], *, public: bool, now: dt.datetime, changed: ChangedVersions
) -> Iterator[CalendarEvent]:
    """SEQUENCE and LAST-MODIFIED from the record of earlier exports: both move only
    when the event's content does. The new states are collected in `changed`, to be
    recorded in one short write once the file is written (`export_ics`)."""
    variant = "public" if public else "internal"
    now = now.astimezone(dt.UTC).replace(microsecond=0)
    events = iter(events)
    while chunk := list(itertools.islice(events, CHUNK)):
        known = archive.store.calendar_event_states(variant, [event.uid for event in chunk])
        for event in chunk:
            digest = registry.calendar_event_hash(event)
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


def build_calendar(
    archive: Archive,
    *,
    body_id: int | None = None,
    year: int | None = None,
    public: bool = False,
    alarm_minutes: int | None = None,
    now: dt.datetime | None = None,
    changed: ChangedVersions,
) -> CalendarDocument:
    """The calendar view. Its events are a stream, read once inside `archive.store.read()`
    (one snapshot); the versions that moved are collected in `changed`, to record after."""
    check_year(year)
    check_alarm_minutes(alarm_minutes)
    now = now or dt.datetime.now(dt.UTC)
    body = archive.members.body_by_id(body_id) if body_id is not None else None
    events = _events(archive, body_id=body_id, year=year, public=public, alarm_minutes=alarm_minutes)
    return CalendarDocument(
        name=calendar_name(body, year, public=public),
        events=_versioned(archive, events, public=public, now=now, changed=changed),
        stamp=now.astimezone(dt.UTC).replace(microsecond=0),
        public=public,
        has_timed_events=year_plan_queries.count_meetings(archive.store, body_id=body_id, year=year) > 0,
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

    The file is written as the events are read, in one read snapshot (to a temporary
    file, renamed at the end), which never holds the write lock: a colleague typing
    minutes meanwhile is not kept waiting. Then the events' versions are recorded in
    one short write. A failed file write records nothing; a record that fails after
    the file is written leaves versions that the next export computes the same way."""
    check_year(year)
    check_alarm_minutes(alarm_minutes)
    body = archive.members.body_by_id(body_id) if body_id is not None else None
    changed = ChangedVersions()
    try:
        # One read snapshot (no write lock while the file is written), then one short
        # write of the versions (which a read-only archive does not record).
        with archive.store.read():
            doc = build_calendar(
                archive, body_id=body_id, year=year, public=public, alarm_minutes=alarm_minutes, now=now, changed=changed
            )
            path = write_export(
                registry.render_chunks(doc, "ics"), default_file_name(body, year, public=public),
                out=out, exports_dir=exports_dir,
            )
        if len(changed):
            archive.store.save_calendar_event_states("public" if public else "internal", changed)
    finally:
        changed.close()
    return path
