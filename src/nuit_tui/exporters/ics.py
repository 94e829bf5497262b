"""The year plan as an iCalendar file (RFC 5545) that Outlook reads right.

Our own small serializer, not icalendar's: every byte Outlook depends on is
decided here (MS-OXCICAL, MS-STANOICAL) and tested as bytes:
- CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character;
- one VTIMEZONE for Europe/Oslo written as yearly RRULEs. icalendar's
  add_missing_timezones() writes RDATE lists instead, which Outlook desktop
  misreads;
- busy/free as both TRANSP and X-MICROSOFT-CDO-BUSYSTATUS (Outlook reads the latter);
- at most one VALARM per event (Outlook keeps a single reminder).
Pure: a view in, bytes out (in chunks, as the events come).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Iterator

from ..documents.calendar import CalendarDocument, CalendarEvent
from ..domain.text import clean_text

TZID = "Europe/Oslo"
PRODID = "-//nuit-tui//Arshjul//NO"
LINE_OCTETS = 75

# The EU rule Norway has followed since 1996: summer time from the last Sunday of
# March 01:00 UTC to the last Sunday of October 01:00 UTC. DTSTART is the rule's
# first onset in local time; 1970 is the customary anchor (the archive holds no
# meeting before 1996, when the October date was different).
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks
    escaped; control characters (not allowed in iCalendar, and a CR or LF would start
    a line of its own) dropped by the archive's input rule, as an older archive may
    hold them."""
    value = clean_text(value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


_NOT_IN_UID = re.compile(r"[^A-Za-z0-9@._-]")


def uid_value(uid: str) -> str:
    """A UID as a plain token: whatever an imported archive id holds, it can neither
    end the line nor split the value (UID is TEXT, and Outlook matches it as written)."""
    return _NOT_IN_UID.sub("", uid)


def fold(line: str) -> bytes:
    """One content line as UTF-8 bytes: CRLF-terminated, folded so that no physical
    line exceeds 75 octets, and never inside a multi-byte character."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return data + b"\r\n"
    parts = []
    start, limit = 0, LINE_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        parts.append(data[start:end])
        start, limit = end, LINE_OCTETS - 1  # the leading space counts
    parts.append(data[start:])
    return b"\r\n ".join(parts) + b"\r\n"


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def content_lines(event: CalendarEvent) -> list[str]:
    """What the event says, unfolded: everything but DTSTAMP, SEQUENCE and
    LAST-MODIFIED, which depend on when and how often it was exported. Its hash
    tells whether the event changed since the last export."""
    lines = [f"UID:{uid_value(event.uid)}"]
    if event.all_day:
        lines += [f"DTSTART;VALUE=DATE:{_date(event.start)}", f"DTEND;VALUE=DATE:{_date(event.end)}"]
    else:
        assert isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime)  # timed
        lines += [f"DTSTART;TZID={TZID}:{_local(event.start)}", f"DTEND;TZID={TZID}:{_local(event.end)}"]
    lines.append(f"SUMMARY:{escape_text(event.summary)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in event.categories))
    lines.append(f"STATUS:{event.status}")
    lines.append("CLASS:CONFIDENTIAL" if event.confidential else "CLASS:PUBLIC")
    lines.append("TRANSP:OPAQUE" if event.busy else "TRANSP:TRANSPARENT")
    lines.append(f"X-MICROSOFT-CDO-BUSYSTATUS:{'BUSY' if event.busy else 'FREE'}")
    lines.append(f"X-MICROSOFT-CDO-ALLDAYEVENT:{'TRUE' if event.all_day else 'FALSE'}")
    if event.alarm is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"TRIGGER:{event.alarm.trigger}",
            f"DESCRIPTION:{escape_text(event.alarm.description)}",
            "END:VALARM",
        ]
    return lines


def content_hash(event: CalendarEvent) -> str:
    return hashlib.sha256("\n".join(content_lines(event)).encode("utf-8")).hexdigest()


def _event(event: CalendarEvent, stamp: dt.datetime) -> list[str]:
    lines = content_lines(event)
    # VALARM must stay last inside the VEVENT; the versioning lines go before it.
    split = lines.index("BEGIN:VALARM") if "BEGIN:VALARM" in lines else len(lines)
    versioning = [f"DTSTAMP:{_utc(stamp)}", f"SEQUENCE:{event.sequence}"]
    if event.last_modified is not None:
        versioning.append(f"LAST-MODIFIED:{_utc(event.last_modified)}")
    return ["BEGIN:VEVENT", *lines[:split], *versioning, *lines[split:], "END:VEVENT"]


def _calendar_lines(doc: CalendarDocument) -> Iterator[str]:
    yield "BEGIN:VCALENDAR"
    yield "VERSION:2.0"
    yield f"PRODID:{PRODID}"
    yield "CALSCALE:GREGORIAN"
    yield "METHOD:PUBLISH"
    yield f"X-WR-CALNAME:{escape_text(doc.name)}"
    yield f"X-WR-TIMEZONE:{TZID}"
    # How often a subscribed calendar is fetched again (Outlook reads the X- form).
    yield "X-PUBLISHED-TTL:PT12H"
    yield "REFRESH-INTERVAL;VALUE=DURATION:PT12H"
    if doc.has_timed_events:
        yield from VTIMEZONE
    for event in doc.events:
        yield from _event(event, doc.stamp)
    yield "END:VCALENDAR"


CHUNK_LINES = 2000


def render_chunks(doc: CalendarDocument) -> Iterator[bytes]:
    """The file as a stream of byte chunks, as the events come: memory bounded by a
    chunk, whatever the number of events."""
    lines = _calendar_lines(doc)
    while batch := list(itertools.islice(lines, CHUNK_LINES)):
        yield b"".join(fold(line) for line in batch)
