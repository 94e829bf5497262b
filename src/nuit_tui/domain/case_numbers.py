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
        return cite_case(body_short_name, self.year, self.seq)


def cite_case(body_short_name: str, year: int, seq: int) -> str:
    """`CaseNumber(year, seq).cite(body_short_name)` without making the number (a
    search's hits cite fifty: a frozen dataclass costs two microseconds)."""
    return f"{body_short_name} {seq}/{year % 100:02d}"


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
    # Years as meetings have them (1900–2200): "1/0000" is a typo, not a meeting.
    if not m or int(m[1]) == 0 or not 1900 <= int(m[2]) <= 2200:
        raise ParseError(f"«{text.strip()}» er ikke et møtenummer (skriv f.eks. 2/2023)")
    return int(m[2]), int(m[1])


def next_case_seq(used: Sequence[int]) -> int:
    """The next free number of a body's year: one past the highest used."""
    return max(used, default=0) + 1


@dataclass(frozen=True)
class CaseSlot:
    """An item as the numbering rule sees it: `locked` numbers never change
    (published in a notice, or carried along when an item is deferred or moved)."""

    key: Hashable
    seq: int | None
    locked: bool = False


@dataclass
class MeetingNumbering:
    """One meeting's items in agenda order (breaks left out by the caller).

    A `cancelled` meeting keeps only its locked numbers (its notice was out); the
    provisional ones go back, so the next meeting's numbers leave no gap.
    """

    frozen: bool
    items: list[CaseSlot] = field(default_factory=list)
    cancelled: bool = False


def renumber_year(meetings: Sequence[MeetingNumbering]) -> dict[Hashable, int]:
    """Case numbers for one body's year; `meetings` in date order.

    Locked numbers, and every number in a frozen meeting, stay. An unnumbered
    item of a frozen meeting gets the next free number of the year. Open
    meetings are numbered in agenda order, continuing from the meetings before
    and skipping numbers that are held elsewhere. The unlocked items of a
    cancelled meeting get no number (they are left out of the result).
    """

    def kept(meeting: MeetingNumbering, slot: CaseSlot) -> int | None:
        """The number the slot keeps, or None when it is to be (re)numbered."""
        if meeting.cancelled:
            return slot.seq if slot.locked else None
        return slot.seq if slot.seq is not None and (slot.locked or meeting.frozen) else None

    taken = {seq for mt in meetings for slot in mt.items if (seq := kept(mt, slot)) is not None}
    result: dict[Hashable, int] = {}
    counter = 0

    def next_free(after: int) -> int:
        seq = after + 1
        while seq in taken:
            seq += 1
        return seq

    for meeting in meetings:
        for slot in meeting.items:
            if (seq := kept(meeting, slot)) is not None:
                result[slot.key] = seq
                counter = max(counter, seq)
        if meeting.cancelled:
            continue
        for slot in meeting.items:
            if kept(meeting, slot) is not None:
                continue
            # After the notice an added item goes last in the year; before it, in agenda order.
            seq = next_free(max(counter, *taken) if meeting.frozen and taken else counter)
            taken.add(seq)
            result[slot.key] = seq
            counter = seq
    return result
