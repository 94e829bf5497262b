"""The year plan (årshjul): meetings, deadlines and deadlines derived from rules."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .models import MAX_OFFSET_DAYS, Deadline, DeadlineRule, Meeting, RuleAnchor
from .norwegian import ParseError
from .openness import is_exempt

EntryKind = Literal["meeting", "deadline", "derived"]


def deadline_identity(date: dt.date, title: str) -> tuple[dt.date, str]:
    """What makes two deadlines one, whatever document they came from: the same date and
    the same title once case, punctuation and spacing are set aside."""
    return date, " ".join(re.findall(r"\w+", title.casefold()))


@dataclass(frozen=True)
class PlanEntry:
    """One dated entry of the year plan, whatever it comes from."""

    date: dt.date
    kind: EntryKind
    title: str
    body_id: int | None
    category: str = ""
    ref_id: int | None = None  # the meeting, deadline or rule it comes from
    anchor_id: int | None = None  # for a derived entry: the meeting/deadline it follows
    exempt: bool = False


def expand_rule(rule: DeadlineRule, meetings: Sequence[Meeting], deadlines: Sequence[Deadline]) -> list[PlanEntry]:
    """The dates a rule gives, one per anchor (cancelled meetings give none). A date is
    exempt when the rule or its anchor is (`openness.is_exempt`: it would tell the anchor's date)."""
    anchors: list[tuple[dt.date, int | None, Meeting | Deadline]] = []
    # Stored out of range by an older version: its dates at the nearest offset allowed, so
    # that the rule is listed and can be opened and put right (the year plan names it).
    offset = max(-MAX_OFFSET_DAYS, min(rule.offset_days, MAX_OFFSET_DAYS))
    if rule.anchor is RuleAnchor.MEETINGS:
        anchors = [
            (mt.date, mt.id, mt)
            for mt in meetings
            if mt.status != "cancelled" and (rule.anchor_body_id is None or mt.body_id == rule.anchor_body_id)
        ]
    else:
        needle = rule.anchor_text.strip().lower()
        anchors = [(d.date, d.id, d) for d in deadlines if needle and needle in d.title.lower()]
    return [
        PlanEntry(
            date + dt.timedelta(days=offset),
            "derived",
            rule.title,
            rule.body_id,
            rule.category,
            rule.id,
            anchor_id,
            is_exempt(rule, anchor),
        )
        for date, anchor_id, anchor in anchors
    ]


_NUMBER_WORDS = {
    "en": 1, "ett": 1, "én": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
    "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "fjorten": 14,
}
_RELATIVE = re.compile(
    r"(\d+|[a-zæøå]+)\s+(dager|dag|uker|uke|virkedager)\s+(før|i forkant av|etter|i etterkant av)",
    re.IGNORECASE,
)


def parse_offset(text: str) -> int:
    """Days from anchor in prose: "to uker i forkant av" → -14, "3 dager etter" → 3."""
    if not text.strip():
        raise ParseError("Skriv når, f.eks. «12 dager før»")
    if text.strip()[0] in "-+−":
        raise ParseError("Skriv antallet uten fortegn, og «før» eller «etter»: f.eks. «5 dager før»")
    m = _RELATIVE.search(text)
    if not m:
        raise ParseError(f"«{text.strip()}» sier ikke hvor lenge før eller etter (f.eks. «2 uker før»)")
    count_text, unit, direction = m[1].lower(), m[2].lower(), m[3].lower()
    count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS.get(count_text)
    if count is None:
        raise ParseError(f"«{m[1]}» er ikke et tall")
    days = count * 7 if unit.startswith("uke") else count
    if days > MAX_OFFSET_DAYS:
        raise ParseError(f"Høyst {MAX_OFFSET_DAYS} dager før eller etter")
    return -days if direction in ("før", "i forkant av") else days
