"""Case numbers ("18/23"), meeting numbers ("2/2023") and the numbering rules.

Case numbers run per body per calendar year and continue across the year's
meetings. Until a meeting's notice is sent its numbers follow the agenda's
order; from then on they are frozen, and an item added later gets the next
free number of the year.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from .norwegian import ParseError


@dataclass(frozen=True, order=True)
class CaseNumber:
    year: int
    seq: int

    def __str__(self) -> str:
        return f"{self.seq}/{self.year % 100:02d}"

    def cite(self, body_short_name: str) -> str:
        """How another body's case is cited: "NUIT 8/22"."""
        return f"{body_short_name} {self}"


@dataclass(frozen=True)
class CaseRef:
    """A case as a person types it: "18/23" or "NUIT 8/22"."""

    number: CaseNumber
    body: str | None = None


_CASE = re.compile(r"^(?:([A-Za-zÆØÅæøå]{2,10})\s+)?(\d{1,4})\s*/\s*(\d{2}|\d{4})$")
_MEETING = re.compile(r"^(\d{1,3})\s*/\s*(\d{4})$")


def _full_year(text: str) -> int:
    """Two-digit years are this century's: the archive holds no 1900s cases."""
    return int(text) if len(text) == 4 else 2000 + int(text)


def parse_case_ref(text: str) -> CaseRef:
    m = _CASE.match(text.strip())
    if not m or int(m[2]) == 0:
        raise ParseError(f"«{text.strip()}» er ikke et saksnummer (skriv f.eks. 18/23 eller NUIT 8/22)")
    body = m[1].upper() if m[1] else None
    return CaseRef(CaseNumber(_full_year(m[3]), int(m[2])), body)


def parse_meeting_ref(text: str) -> tuple[int, int]:
    """"2/2023" → (year, number)."""
    m = _MEETING.match(text.strip())
    if not m or int(m[1]) == 0:
        raise ParseError(f"«{text.strip()}» er ikke et møtenummer (skriv f.eks. 2/2023)")
    return int(m[2]), int(m[1])


def next_case_seq(used: Sequence[int]) -> int:
    """The next free number of a body's year: one past the highest used."""
    return max(used, default=0) + 1


@dataclass
class MeetingNumbering:
    """One meeting's agenda as the numbering rule sees it, in agenda order.

    `items` holds (key, current seq or None) for the meeting's own cases; breaks
    and items deferred in from an earlier meeting (they keep their number) are
    left out by the caller and listed in `kept` so their numbers stay taken.
    """

    frozen: bool
    items: list[tuple[Hashable, int | None]] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)


def renumber_year(meetings: Sequence[MeetingNumbering]) -> dict[Hashable, int]:
    """Case numbers for one body's year; `meetings` in date order.

    Frozen meetings keep their numbers; their unnumbered items get the next free
    number. Open meetings are numbered in agenda order, continuing from the
    previous meeting and skipping numbers a frozen meeting holds.
    """
    taken = {seq for m in meetings if m.frozen for _, seq in m.items if seq is not None}
    taken.update(seq for m in meetings for seq in m.kept)
    result: dict[Hashable, int] = {}
    counter = 0

    def next_free() -> int:
        nonlocal counter
        counter += 1
        while counter in taken:
            counter += 1
        return counter

    for meeting in meetings:
        if meeting.frozen:
            counter = max([counter, *(seq for _, seq in meeting.items if seq is not None)])
            for key, seq in meeting.items:
                if seq is None:
                    seq = max(counter, max(taken, default=0)) + 1
                    taken.add(seq)
                    counter = max(counter, seq)
                result[key] = seq
        else:
            for key, _ in meeting.items:
                result[key] = next_free()
    return result
