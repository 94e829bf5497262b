"""The year plan (årshjul) as a calendar for Outlook: meetings and deadlines as events.

Plain frozen dataclasses and the pure functions that make an event of a
meeting, a deadline or a derived deadline. Public redaction happens here, by
the one rule of `domain.openness`, so the renderer (`exporters.ics`) never holds
exempt text; in the internal calendar exempt events are marked and CLASS:CONFIDENTIAL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..domain import models as m
from ..domain.case_numbers import CaseNumber
from ..domain.norwegian import ParseError, clock, time_span, weekday_date
from ..domain.openness import PARTLY_EXEMPT, ItemFields, internal_summary, is_exempt, item_line, item_title, title_is_public
from ..domain.timeplan import PlanEntry, time_plan
from ..domain.year_plan import PlanEntry as YearPlanEntry
from .names import slug

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


def check_year(year: int | None) -> None:
    if year is not None and not 1900 <= year <= 2200:
        raise ParseError(f"{year} er ikke et gyldig årstall (1900–2200)")


def check_alarm_minutes(minutes: int | None) -> None:
    if minutes is not None and not 0 <= minutes <= MAX_ALARM_MINUTES:
        raise ParseError(f"Påminnelsen må være mellom 0 og {MAX_ALARM_MINUTES} minutter før møtet")


def _uid(archive_id: str, table: str, record_id: int | None) -> str:
    """Stable for the row's life: the archive's own id, the table and the row id."""
    return f"{table}-{record_id}@{archive_id}.nuit-tui"


# --- meetings ----------------------------------------------------------------------------


# A row of a meeting's agenda as an agenda line needs it: meeting_id, id, kind, case_year,
# case_seq, title, exempt, state, duration_minutes, fixed_start (ISO or None), title_exempt,
# exempt_basis.
AgendaLineRow = tuple[Any, ...]


def agenda_lines(meeting: m.Meeting, rows: Sequence[AgendaLineRow], *, public: bool) -> tuple[list[str], bool]:
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


def meeting_event(
    archive_id: str, body: m.Body, meeting: m.Meeting, agenda: tuple[list[str], bool], *, alarm_minutes: int | None
) -> CalendarEvent:
    """`agenda` is what `agenda_lines` gives: the lines, and whether they show an exempt title."""
    lines, shows_exempt = agenda
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
    if lines:
        description += ["", "Saksliste:", *lines]
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


def deadline_event(archive_id: str, bodies: dict[int, m.Body], deadline: m.Deadline) -> CalendarEvent:
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


def derived_event(archive_id: str, bodies: dict[int, m.Body], entry: YearPlanEntry) -> CalendarEvent:
    """A deadline a rule derives from a meeting or another deadline."""
    body = bodies.get(entry.body_id) if entry.body_id is not None else None
    exempt = is_exempt(entry)  # the rule's verdict on the derived date (its rule and anchor)
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


def default_file_name(body: m.Body | None, year: int | None, *, public: bool) -> str:
    """"arshjul-NUIT-2023.ics", "arshjul-alle-alle.ics"; "-offentlig" for the public one."""
    short = slug(body.short_name, "alle") if body else "alle"
    suffix = "-offentlig" if public else ""
    return f"arshjul-{short}-{year if year is not None else 'alle'}{suffix}.ics"
