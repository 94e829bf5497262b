"""The meeting clock in meeting mode: how long the meeting has been going on.

It counts from the meeting's actual start (the first stamp when meeting mode took
an item up on the meeting's day), so leaving and opening meeting mode again does
not restart it; before anything is stamped, from the planned start.

Where meeting mode is in a meeting under way (the item taken up last, and when) is
kept too, so that a restart after a crash comes back to that item with its clock
running; only on the meeting's own day: opened later, the meeting is not going on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .models import AgendaItem, Meeting


def actual_start(meeting: Meeting, items: Iterable[AgendaItem]) -> dt.datetime | None:
    """When the meeting took up its first item, or None when nothing is stamped."""
    started = [i.started_at for i in items if i.started_at is not None]
    return dt.datetime.combine(meeting.date, min(started)) if started else None


def actual_end(meeting: Meeting, items: Iterable[AgendaItem]) -> dt.datetime | None:
    """The last time stamped on any item (an end, or a start of the item under way)."""
    stamps = [t for i in items for t in (i.started_at, i.ended_at) if t is not None]
    return dt.datetime.combine(meeting.date, max(stamps)) if stamps else None


def meeting_elapsed(meeting: Meeting, items: list[AgendaItem], now: dt.datetime) -> float | None:
    """Seconds since the meeting began: on its day from the actual start (else the
    planned one); on another day the length it was held (None when never stamped)."""
    began = actual_start(meeting, items)
    if now.date() == meeting.date:
        return (now - (began or dt.datetime.combine(meeting.date, meeting.start_time))).total_seconds()
    ended = actual_end(meeting, items)
    if began is None or ended is None:
        return None
    return (ended - began).total_seconds()


def starts_on_opening(meeting: Meeting, items: Iterable[AgendaItem], now: dt.datetime) -> bool:
    """Whether opening meeting mode now would start the meeting: on its day, with no item
    taken up yet, meeting mode stamps the first item's start and the clock runs from it.
    On another day (minutes written up afterwards, or read) it stamps nothing."""
    return now.date() == meeting.date and actual_start(meeting, items) is None


@dataclass(frozen=True)
class Position:
    """The item meeting mode took up last in a meeting, and when (to the second)."""

    meeting_id: int
    item_id: int | None  # None: the item was deleted since
    since: dt.datetime


def under_way(meeting: Meeting, position: Position | None, now: dt.datetime) -> Position | None:
    """Where to take a meeting up again: its last position, when that was taken on the
    meeting's day and it is that day still (else None: nothing is going on)."""
    if position is None or position.item_id is None or position.meeting_id != meeting.id:
        return None
    if now.date() != meeting.date or position.since.date() != meeting.date:
        return None
    return position


def item_elapsed(since: dt.datetime, now: dt.datetime) -> float:
    """Seconds the item shown has been up (never below 0, should the clock go back)."""
    return max(0.0, (now - since).total_seconds())
