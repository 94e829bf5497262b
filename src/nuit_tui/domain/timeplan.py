"""The agenda's time plan: the meeting's start plus durations and breaks.

An entry may be pinned to a fixed start (a guest who comes at 13.00); the plan
then waits for it, and flags it when the entries before it run past it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

MINUTES_PER_DAY = 24 * 60


def to_minutes(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def from_minutes(minutes: int) -> dt.time:
    """A clock time; past midnight wraps (the plan flags that separately)."""
    minutes %= MINUTES_PER_DAY
    return dt.time(minutes // 60, minutes % 60)


@dataclass(frozen=True)
class PlanEntry:
    key: Hashable
    duration_minutes: int
    fixed_start: dt.time | None = None


@dataclass(frozen=True)
class Slot:
    key: Hashable
    start_minute: int
    end_minute: int
    late: bool  # a pinned entry that cannot start at its fixed time

    @property
    def start(self) -> dt.time:
        return from_minutes(self.start_minute)

    @property
    def end(self) -> dt.time:
        return from_minutes(self.end_minute)


@dataclass(frozen=True)
class TimePlan:
    slots: tuple[Slot, ...]
    finish_minute: int
    planned_end_minute: int

    @property
    def finish(self) -> dt.time:
        return from_minutes(self.finish_minute)

    @property
    def overrun_minutes(self) -> int:
        """How far the agenda runs past the meeting's end (0 when it fits)."""
        return max(0, self.finish_minute - self.planned_end_minute)

    @property
    def past_midnight(self) -> bool:
        return self.finish_minute >= MINUTES_PER_DAY

    def slot(self, key: Hashable) -> Slot:
        for s in self.slots:
            if s.key == key:
                return s
        raise KeyError(key)


def time_plan(start: dt.time, end: dt.time, entries: Sequence[PlanEntry]) -> TimePlan:
    cursor = to_minutes(start)
    slots = []
    for entry in entries:
        late = False
        if entry.fixed_start is not None:
            fixed = to_minutes(entry.fixed_start)
            late = cursor > fixed
            cursor = max(cursor, fixed)
        slots.append(Slot(entry.key, cursor, cursor + entry.duration_minutes, late))
        cursor += entry.duration_minutes
    return TimePlan(tuple(slots), cursor, to_minutes(end))
