"""What makes an item have a cover note (toppnotat), and how its box is written.

Pure: records in, answers out. The notice lists an item's cover note as its first
attachment («Vedlegg 3: Toppnotat …») exactly when `has_cover_note` says it has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class _CoverFields(Protocol):
    @property
    def purpose(self) -> str: ...
    @property
    def background(self) -> str: ...
    @property
    def earlier_intro(self) -> str: ...
    @property
    def earlier_none(self) -> str: ...


def has_cover_note(item: _CoverFields, *, sections: int = 0, earlier: int = 0) -> bool:
    """Whether the item has a cover note: anything beyond what the notice itself says
    (its description and proposal) – a purpose, a background, a section of its own,
    an earlier decision cited, or the words «Ingen»/«N/A» for none. The standard items
    («Godkjenning av innkalling og dagsorden», «Eventuelt») have none, as in the seed."""
    texts = (item.purpose, item.background, item.earlier_intro, item.earlier_none)
    return any(text.strip() for text in texts) or sections > 0 or earlier > 0


def meeting_label(number: int, year: int) -> str:
    """The box's «Til»: "Møte 2/23"."""
    return f"Møte {number}/{year % 100:02d}"


def cover_note_title(title: str) -> str:
    """How the notice lists the cover note: "Toppnotat Forslag til målbilde …"."""
    return f"Toppnotat {title}".strip()


def cover_note_labels(items: Sequence[tuple[bool, int]]) -> list[str]:
    """«Vedlegg N» for each item's cover note ("" for an item without one), in agenda
    order: each item with any document takes the next number, its cover note first
    (the seed: 14/23's minutes are Vedlegg 1, 15/23's cover note Vedlegg 2, 17/23's
    cover note Vedlegg 4 and its memo 4A). `items` is (has a cover note, how many
    other attachments) per item."""
    labels, number = [], 0
    for has_cover, attachments in items:
        if has_cover or attachments:
            number += 1
        labels.append(f"Vedlegg {number}" if has_cover else "")
    return labels
