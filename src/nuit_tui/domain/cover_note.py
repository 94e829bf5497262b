"""What makes an item have a cover note (toppnotat), and how its box is written.

Pure: records in, answers out. The notice lists an item's cover note as its first
attachment («Vedlegg 3: Toppnotat …») exactly when `has_cover_note` says it has one.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def attached_as_file(attachment_titles: Iterable[str]) -> bool:
    """Whether the secretariat attached the cover note as a file of its own (an
    attachment titled «Toppnotat …», as older archives and imported notices have it):
    then that file is the cover note, numbered as the item's first document."""
    return any(title.strip().casefold().startswith("toppnotat") for title in attachment_titles)


def made_from_record(item: _CoverFields, *, sections: int = 0, earlier: int = 0) -> bool:
    """Whether the item's record holds a cover note: anything beyond what the notice itself
    says (its description and proposal) – a purpose, a background, a section of its own,
    an earlier decision cited, or the words «Ingen»/«N/A» for none. The standard items
    («Godkjenning av innkalling og dagsorden», «Eventuelt») have none, as in the seed."""
    texts = (item.purpose, item.background, item.earlier_intro, item.earlier_none)
    return any(text.strip() for text in texts) or sections > 0 or earlier > 0


def has_cover_note(item: _CoverFields, *, sections: int = 0, earlier: int = 0, attachment_titles: Iterable[str] = ()) -> bool:
    """Whether the item has a cover note of its own, listed and numbered as its first
    document: one made from its record, unless the item lists it as an attachment already
    (`attached_as_file`: then that row is the listing). The one rule: the notice, the
    numbering of attachments and the package all ask it."""
    return not attached_as_file(attachment_titles) and made_from_record(item, sections=sections, earlier=earlier)


def meeting_label(number: int, year: int) -> str:
    """The box's «Til»: "Møte 2/23"."""
    return f"Møte {number}/{year % 100:02d}"


def cover_note_title(title: str) -> str:
    """How the notice lists the cover note: "Toppnotat Forslag til målbilde …"."""
    return f"Toppnotat {title}".strip()
