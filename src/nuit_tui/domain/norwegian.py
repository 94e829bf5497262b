"""Norwegian dates and times as the secretariat writes them, and their parsing.

"25. mai 2023", "kl. 09.00", "17.2.22" (citations), "25.05.2023" (cover notes).
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def long_date(day: dt.date) -> str:
    """"25. mai 2023"."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def day_month(day: dt.date) -> str:
    """"25. mai", where the year is said beside it (a month's list under its heading)."""
    return f"{day.day}. {MONTHS[day.month - 1]}"


def weekday_date(day: dt.date) -> str:
    """"torsdag 25. mai 2023"."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def numeric_date(day: dt.date | None) -> str:
    """"25.05.2023", as in a cover note's box, and as every table and field shows a date
    ("" for none)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}" if day is not None else ""


def citation_date(day: dt.date) -> str:
    """"17.2.22", as earlier handlings are cited."""
    return f"{day.day}.{day.month}.{day.year % 100:02d}"


def clock(time: dt.time) -> str:
    """"09.00" (Språkrådet: a full stop between hours and minutes)."""
    return f"{time.hour:02d}.{time.minute:02d}"


def kl(time: dt.time) -> str:
    """"kl. 09.00"."""
    return f"kl. {clock(time)}"


def time_span(start: dt.time, end: dt.time) -> str:
    """"kl. 09.00–15.45"."""
    return f"kl. {clock(start)}–{clock(end)}"


def count(n: int, one: str, many: str) -> str:
    """"1 oppføring", "3 oppføringer"."""
    return f"{n} {one if n == 1 else many}"


class ParseError(ValueError):
    """Input a person typed that cannot be read; the message is Norwegian, for the UI."""


# The dates the archive accepts at every way in (typed, imported, given on the command
# line): a year plan's span and then some. Beyond it a date is a typo ("31.12.9999"),
# and arithmetic on it (the day after, a rule's offset) would overflow.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2200, 12, 31)


def in_range(day: dt.date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def check_date(day: dt.date) -> dt.date:
    """`day`, or ParseError (Norwegian) when it lies outside FIRST_DAY..LAST_DAY."""
    if not in_range(day):
        raise ParseError(
            f"{numeric_date(day)} er utenfor datoene arkivet godtar ({FIRST_DAY.day}.{FIRST_DAY.month}.{FIRST_DAY.year}"
            f"–{LAST_DAY.day}.{LAST_DAY.month}.{LAST_DAY.year})"
        )
    return day


_MONTH_BY_NAME = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_BY_NAME.update({name[:3]: i + 1 for i, name in enumerate(MONTHS)})
_MONTH_BY_NAME["sept"] = 9

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# "23.11.2023", "23/11/23", "23-11-2023"; the year may be left out ("23.11").
_NUMERIC = re.compile(r"^(\d{1,2})([./-])(\d{1,2})(?:\2(\d{2}|\d{4}))?\.?$")
_WORDS = re.compile(r"^(\d{1,2})\.?\s*([a-zæøå]+)\.?(?:\s+(\d{4}))?$")


def parse_date(text: str, default_year: int | None = None) -> dt.date:
    """Read a date typed as "25.5.2023", "25/5/2023", "25.05.23", "25. mai 2023" or
    "2023-05-25"; "25.5" or "25. mai" is in `default_year` (the meeting's year, or this year)."""
    raw = text.strip().lower()
    year_text: str | None
    if m := _ISO.match(raw):
        year_text, month, day = m[1], int(m[2]), int(m[3])
    elif m := _NUMERIC.match(raw):
        day, month, year_text = int(m[1]), int(m[3]), m[4]
    elif (m := _WORDS.match(raw)) and m[2] in _MONTH_BY_NAME:
        day, month, year_text = int(m[1]), _MONTH_BY_NAME[m[2]], m[3]
    else:
        raise ParseError(f"«{text.strip()}» er ikke en dato (skriv f.eks. 25.5.2023)")
    if year_text is None:
        year = default_year if default_year is not None else dt.date.today().year
    else:
        year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    try:
        parsed = dt.date(year, month, day)
    except ValueError:
        raise ParseError(f"{text.strip()} finnes ikke i kalenderen") from None
    return check_date(parsed)


_TIME = re.compile(r"^(?:kl\.?\s*)?(?:(\d{1,2})(?:[.:,](\d{2}))?|(\d{1,2})(\d{2}))$")


def parse_time(text: str) -> dt.time:
    """Read a time typed as "9", "09.00", "9:30", "1430", "930" or "kl. 13.20"."""
    m = _TIME.match(text.strip().lower())
    if m and m[3] is not None:  # "1430": hours and minutes without a separator
        m = _TIME.match(f"{m[3]}.{m[4]}")
    if not m:
        raise ParseError(f"«{text.strip()}» er ikke et klokkeslett (skriv f.eks. 09.00)")
    hour, minute = int(m[1]), int(m[2] or 0)
    if hour > 23 or minute > 59:
        raise ParseError(f"{text.strip()} er ikke et gyldig klokkeslett")
    return dt.time(hour, minute)
