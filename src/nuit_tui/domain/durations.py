"""How long an agenda entry may last, and reading a duration as it is typed.

An entry ends by midnight of its meeting's day: the time plan (`timeplan.py`) counts on
one day, and an item of 1000 minutes from 11.15 showed «kl. 11.15–03.55».
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from .norwegian import ParseError, clock
from .timeplan import MINUTES_PER_DAY, PlanEntry, from_minutes, time_plan

# No typed duration is longer than this: a day, four digits.
LONGEST_MINUTES = MINUTES_PER_DAY
_MOST_DIGITS = len(str(LONGEST_MINUTES))


def longest_duration(start_minute: int) -> int:
    """The most minutes an entry that starts `start_minute` minutes after midnight may
    last: it ends at midnight at the latest (0 when it starts past midnight)."""
    return max(0, min(LONGEST_MINUTES, MINUTES_PER_DAY - start_minute))


def parse_minutes(
    text: str,
    *,
    field: str = "Varighet",
    starts: Callable[[], int] | None = None,
    stored: int | None = None,
    what: str = "saken",
) -> int:
    """Read a duration typed as "30" or "30 min".

    With `starts` (when the entry starts, in minutes after midnight; asked only for a
    duration other than the `stored` one), a duration that would run past midnight is
    refused. The stored one is taken as it is: when the entries before it grew, it is
    not this field's input that is wrong. The message says what is wrong (not a number,
    or too long) and how long the entry may be; `what` names the entry («saken», «pausen»)."""
    digits = text.strip().removesuffix("min").strip()
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if not digits.isdecimal() or not digits.isascii():
        raise ParseError(f"{field} må være et antall minutter (f.eks. 30)")
    significant = digits.lstrip("0") or "0"
    minutes = int(significant) if len(significant) <= _MOST_DIGITS else None  # never int() of a pasted 5000 digits
    if minutes is not None and minutes == stored:
        return minutes
    start_minute = None if starts is None else starts()
    longest = LONGEST_MINUTES if start_minute is None else longest_duration(start_minute)
    if minutes is None or minutes > longest:
        raise ParseError(_too_long(field, longest, start_minute, what))
    return minutes


def duration_refusal(minutes: int, start_minute: int, *, field: str = "Varighet", what: str = "saken") -> str | None:
    """Why an entry that starts `start_minute` minutes after midnight may not last
    `minutes` (it would run past midnight), in the words `parse_minutes` uses; None when it may."""
    longest = longest_duration(start_minute)
    return _too_long(field, longest, start_minute, what) if minutes > longest else None


def start_refusal(
    minutes: int, start_minute: int, *, field: str = "Fast starttid", what: str = "saken"
) -> str | None:
    """Why an entry of `minutes` may not be moved to start `start_minute` minutes after
    midnight (it would run past midnight: its stored length does not stand against its own
    later start), naming the latest start it may have; None when it may."""
    if duration_refusal(minutes, start_minute) is None:
        return None
    latest = clock(from_minutes(max(0, MINUTES_PER_DAY - minutes)))
    return f"{field} kan være senest kl. {latest}: {what} varer {minutes} minutter og må slutte senest ved midnatt"


def meeting_start_refusal(entries: Sequence[PlanEntry], start: dt.time, stored_start: dt.time) -> str | None:
    """Why a meeting whose agenda is `entries` may not start at `start` (its agenda would
    run past midnight: its last entry end after it, as no entry may), naming the latest
    start it may have; None when it may. An agenda that ran past midnight already from
    `stored_start` (a fixed start stored so) is not this start's fault: refused only
    when it would end later than it did."""
    finish = time_plan(start, start, entries).finish_minute
    limit = max(MINUTES_PER_DAY, time_plan(stored_start, stored_start, entries).finish_minute)
    if finish <= limit:
        return None
    # Past a fixed start the plan grows minute for minute with the start: the finish is
    # the start plus every entry's length (the fixed starts are then behind it).
    latest = limit - sum(entry.duration_minutes for entry in entries)
    by = "ved midnatt" if limit == MINUTES_PER_DAY else f"kl. {clock(from_minutes(limit))} neste dag, som nå"
    return (
        f"Start kan være senest kl. {clock(from_minutes(latest))}: dagsordenen må slutte senest {by},"
        f" og fra kl. {clock(start)} ville den slutte kl. {clock(from_minutes(finish))} neste dag"
    )


def entry_name(is_break: bool) -> str:
    """How a refusal names the entry: «pausen» (a break, «Lunsj» too), else «saken»."""
    return "pausen" if is_break else "saken"


def _too_long(field: str, longest: int, start_minute: int | None, what: str = "saken") -> str:
    if start_minute is None:
        return f"{field} kan være høyst {longest} minutter (et døgn)"
    starts = clock(from_minutes(start_minute))
    if start_minute >= MINUTES_PER_DAY:
        return f"{field} kan være høyst 0 minutter: sakene før går over midnatt, og {what} starter først kl. {starts} neste dag"
    return f"{field} kan være høyst {longest} minutter: {what} starter kl. {starts} og må slutte senest ved midnatt"
