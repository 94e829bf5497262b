"""Search across the whole archive: every body and year, items with their
remarks and follow-ups.

The index and its SQL are in store/search.py; this turns its rows into hits
with Norwegian labels, a snippet and where the match is in it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.case_numbers import CaseNumber
from ..domain.enums import ItemState
from ..store import search as index

if TYPE_CHECKING:
    from ..domain import models as m
    from ..store import ArchiveStore

SEARCH_LIMIT = 50
MAX_LIMIT = 500

# Where a hit was found, in the order a snippet is chosen from: the text that
# says most about why the item matched first, the title (shown anyway) last.
FIELD_LABELS = {
    "decision": "Vedtak",
    "proposed_decision": "Forslag til vedtak",
    "remarks": "Innspill",
    "follow_ups": "Oppfølging",
    "narrative": "Referat",
    "purpose": "Hensikt med saken",
    "background": "Bakgrunn",
    "description": "Beskrivelse",
    "title": "Tittel",
}
SNIPPET_CHARS = 80
_STATES = {state.value: state for state in ItemState}  # a dict lookup: ItemState(value) costs 1 µs a hit


@dataclass(frozen=True)
class SearchHit:
    item_id: int
    meeting_id: int
    body: str  # "NUIT"
    meeting_ref: str  # "2/2023"
    meeting_date: dt.date
    case: str  # "NUIT 18/23", "" for an item without a number
    title: str
    field: str  # "Vedtak": where the snippet is from
    snippet: str  # with index.MARK_OPEN / MARK_CLOSE around each match
    exempt: bool
    state: ItemState
    rank: float

    @property
    def snippet_text(self) -> str:
        return self.snippet.replace(index.MARK_OPEN, "").replace(index.MARK_CLOSE, "")

    def marked(self, open_: str, close: str) -> str:
        return self.snippet.replace(index.MARK_OPEN, open_).replace(index.MARK_CLOSE, close)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of each match in `snippet_text`."""
        spans, plain, start = [], 0, None
        for char in self.snippet:
            if char == index.MARK_OPEN:
                start = plain
            elif char == index.MARK_CLOSE:
                if start is not None:
                    spans.append((start, plain))
                start = None
            else:
                plain += 1
        return spans

    def as_json(self) -> dict:
        return {
            "item_id": self.item_id,
            "meeting_id": self.meeting_id,
            "body": self.body,
            "meeting": self.meeting_ref,
            "date": self.meeting_date.isoformat(),
            "case": self.case,
            "title": self.title,
            "field": self.field,
            "snippet": self.snippet_text,
            "match_spans": [list(span) for span in self.spans],
            "exempt": self.exempt,
            "state": self.state.value,
        }


def _mark_words(text: str, terms: tuple[str, ...]) -> str:
    """`text` with each word that starts with one of `terms` marked (the short-word path)."""
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in terms) + ")", re.IGNORECASE)
    return pattern.sub(lambda m: f"{index.MARK_OPEN}{m.group(0)}{index.MARK_CLOSE}", text)


def window(marked: str, size: int = SNIPPET_CHARS) -> str:
    """About `size` characters of a marked text around its first match, cut between
    words and never inside a match, with "…" where text was left out."""
    text = " ".join(marked.split())
    first = text.find(index.MARK_OPEN)
    if first < 0:
        return ""
    start = max(0, first - size // 3)
    if start > 0:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and first - space < size // 2 else start
    end = min(len(text), start + size)
    if text.count(index.MARK_OPEN, 0, end) > text.count(index.MARK_CLOSE, 0, end):
        # Finish the match the cut fell in (to the end, should an older archive's text
        # hold a stray marker character of its own).
        close = text.find(index.MARK_CLOSE, end)
        end = close + 1 if close >= 0 else len(text)
    elif end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space - end < 15 else end
    return (index.ELLIPSIS if start > 0 else "") + text[start:end].strip() + (index.ELLIPSIS if end < len(text) else "")


_LEADING_SPACE = re.compile(f"{index.MARK_OPEN}(\\s+)")


def _pick_snippet(columns: dict[str, str], query: index.Query) -> tuple[str, str]:
    """(field label, snippet) from the first field, in FIELD_LABELS order, with a match."""
    for name, label in FIELD_LABELS.items():
        text = columns.get(name) or ""
        if index.MARK_OPEN not in text:
            if not (text and query.tiny):
                continue  # nothing matched here (most fields of most hits)
            text = _mark_words(text, query.tiny)
        if query.short:
            # A two-letter word is matched with the space before it: mark the word only.
            text = _LEADING_SPACE.sub(lambda m: m.group(1) + index.MARK_OPEN, text)
        if index.MARK_OPEN in text:
            return label, window(text)
    return "", ""


def is_query(text: str) -> bool:
    """Whether `text` has anything to search for (not only spaces or quote marks)."""
    return not index.parse_query(text).empty


class Search:
    """Search across the whole archive."""

    def __init__(self, store: ArchiveStore):
        self.store = store

    def hits(
        self,
        text: str,
        *,
        body_id: int | None = None,
        year: int | None = None,
        exclude_item_id: int | None = None,
        limit: int = SEARCH_LIMIT,
    ) -> list[SearchHit]:
        """Items matching every word (or "phrase") of `text`, best first, newest first
        among equals. At most `limit` hits are read from the database."""
        query = index.parse_query(text)
        if query.empty:
            return []
        limit = max(1, min(int(limit), MAX_LIMIT))
        rows = index.search(
            self.store.conn, query, body_id=body_id, year=year, exclude_item_id=exclude_item_id, limit=limit,
            snippet_from=tuple(FIELD_LABELS),
        )
        hits = []
        for row in rows:
            field, snippet = _pick_snippet(row["columns"], query)
            case = ""
            if row["case_seq"] is not None and row["case_year"] is not None:
                case = CaseNumber(row["case_year"], row["case_seq"]).cite(row["body"])
            hits.append(
                SearchHit(
                    item_id=row["item_id"],
                    meeting_id=row["meeting_id"],
                    body=row["body"],
                    meeting_ref=f"{row['number']}/{row['year']}",
                    meeting_date=dt.date.fromisoformat(row["date"]),
                    case=case,
                    title=row["title"],
                    field=field,
                    snippet=snippet,
                    exempt=bool(row["exempt"]),
                    state=_STATES[row["state"]],
                    rank=row["rank"],
                )
            )
        return hits

    def items(self, text: str, *, exclude_item_id: int | None = None, limit: int = 20) -> list[m.AgendaItem]:
        """The items of `search`, as records (for the earlier-handlings picker)."""
        from ..domain import models as m  # here: the search screen paints without pydantic

        hits = self.hits(text, exclude_item_id=exclude_item_id, limit=limit)
        if not hits:
            return []
        items = self.store.get_many(m.AgendaItem, [h.item_id for h in hits])
        return [items[h.item_id] for h in hits if h.item_id in items]
