"""How a meeting's documents are numbered: «Vedlegg 4», «Vedlegg 4A» (pure).

In agenda order, each item that has documents takes the next number N: its first
document is «Vedlegg N», the rest «Vedlegg NA», «NB» … An item's cover note
(toppnotat), when it has one, is its first document. The seed's 2/2023: 14/23 has
«Vedlegg 1», 17/23 the cover note «Vedlegg 4» and the linked note «Vedlegg 4A».

Labels are frozen with the case numbers when the notice is sent
(`MeetingStatus.numbers_frozen`): the labels stored then are kept, and a document
added afterwards takes the next letter of its item (or, on an item that had none, the
next free number of the meeting); nothing else is renumbered.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

PREFIX = "Vedlegg"
_LABEL = re.compile(r"^\s*Vedlegg\s+(\d{1,4})\s*([A-Za-z]{0,3})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class ItemDocuments:
    """One agenda item as the rule sees it: whether it has a cover note, and its
    attachments in their order as (key, stored label; "" when none is stored)."""

    key: Hashable
    has_cover_note: bool = False
    attachments: Sequence[tuple[Hashable, str]] = ()
    # The cover note's label as stored when the notice went out ("" when none is): like
    # an attachment's, it is kept once frozen.
    cover_label: str = ""


@dataclass
class Labels:
    """The rule's answer: a label per attachment key and per item key's cover note."""

    attachments: dict[Hashable, str] = field(default_factory=dict)
    cover_notes: dict[Hashable, str] = field(default_factory=dict)


def letters(index: int) -> str:
    """The sub-number of an item's document: 0 → "", 1 → "A" … 26 → "Z", 27 → "AA"."""
    text = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def letter_index(text: str) -> int:
    """The inverse of `letters`: "" → 0, "A" → 1, "AA" → 27."""
    index = 0
    for char in text.upper():
        index = index * 26 + ord(char) - ord("A") + 1
    return index


def label(number: int, index: int = 0) -> str:
    """«Vedlegg 4» (index 0), «Vedlegg 4A» (index 1)."""
    return f"{PREFIX} {number}{letters(index)}"


def parse_label(text: str) -> tuple[int, int] | None:
    """(number, letter index) of «Vedlegg 4A»; None for anything else."""
    found = _LABEL.match(text or "")
    return (int(found[1]), letter_index(found[2])) if found else None


def number_documents(items: Sequence[ItemDocuments], *, frozen: bool) -> Labels:
    """The labels of a meeting's documents, `items` in agenda order (breaks left out)."""
    fresh = _fresh(items)
    if not frozen:
        return fresh
    result = Labels()
    cover = object()  # the cover note's key among an item's documents
    documents = {
        item.key: ([(cover, item.cover_label)] if item.has_cover_note else []) + list(item.attachments) for item in items
    }
    parsed = {
        (item.key, key): found
        for item in items
        for key, stored in documents[item.key]
        if (found := parse_label(stored)) is not None
    }
    used_numbers = {number for number, _ in parsed.values()}
    top = max(used_numbers, default=0)
    for item in items:
        stored = [parsed[item.key, key] for key, _ in documents[item.key] if (item.key, key) in parsed]
        unlabelled = [key for key, text in documents[item.key] if not text.strip()]
        for key, text in documents[item.key]:
            if text.strip():  # as it went out, even when not «Vedlegg N»
                if key is cover:
                    result.cover_notes[item.key] = text
                else:
                    result.attachments[key] = text
        if not unlabelled:
            continue
        if stored:
            number = min(n for n, _ in stored)
        else:
            # An item that had no numbered document when the notice went out: its number
            # then, unless another item has taken it since; else the next free one.
            wanted = _number_of(fresh, item)
            if wanted is None or wanted in used_numbers:
                wanted = top + 1
            number = wanted
            used_numbers.add(number)
            top = max(top, number)
        taken = {index for n, index in stored if n == number}
        for key in unlabelled:
            # A cover note not stored takes its item's first place when it is free.
            index = 0 if key is cover and 0 not in taken else max(taken, default=-1) + 1
            if key is cover:
                result.cover_notes[item.key] = label(number, index)
            else:
                result.attachments[key] = label(number, index)
            taken.add(index)
    return result


def _fresh(items: Sequence[ItemDocuments]) -> Labels:
    result = Labels()
    number = 0
    for item in items:
        documents = ([None] if item.has_cover_note else []) + [key for key, _ in item.attachments]
        if not documents:
            continue
        number += 1
        for index, key in enumerate(documents):
            if key is None:
                result.cover_notes[item.key] = label(number, index)
            else:
                result.attachments[key] = label(number, index)
    return result


def _number_of(labels: Labels, item: ItemDocuments) -> int | None:
    text = labels.cover_notes.get(item.key) or next(
        (labels.attachments[key] for key, _ in item.attachments if key in labels.attachments), None
    )
    found = parse_label(text or "")
    return found[0] if found else None
