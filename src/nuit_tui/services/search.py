"""Search across the whole archive: every body and year, items with their
remarks and follow-ups.

The index is in store/search.py, its queries in store/search_query.py; this turns its rows into hits
with Norwegian labels, a snippet and where the match is in it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ..domain.case_numbers import CaseRef, cite_case, parse_case_ref
from ..domain.enums import ItemState
from ..domain.norwegian import ParseError
from ..store import search_query as index

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
_SNIPPET_FROM = tuple(FIELD_LABELS)
SNIPPET_CHARS = 80  # about this much of the text around the first match (cut in the store)
_STATES = {state.value: state for state in ItemState}  # a dict lookup: ItemState(value) costs 1 µs a hit


class SearchHit(NamedTuple):
    """One hit (a named tuple: fifty are made per keystroke, and a frozen dataclass
    costs four microseconds each to make)."""

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


def _case_ref(text: str) -> CaseRef | None:
    """The case number `text` is, if it is one and nothing else («18/23», «NUIT 8/22»)."""
    if "/" not in text:
        return None
    try:
        return parse_case_ref(text)
    except ParseError:
        return None


def is_query(text: str) -> bool:
    """Whether `text` has anything to search for (not only spaces or quote marks)."""
    return not index.parse_query(text).empty


class SearchHits(list[SearchHit]):
    """The hits of `Search.hits`; `stopped_after` > 0: an abbreviation's letters were read
    in that many newest matches and the search stopped there (store/search_query.py), so
    older items with it may be missing: the screen and the CLI say so."""

    stopped_after: int = 0


def stopped_note(text: str, stopped_after: int) -> str:
    """What the user is told when an abbreviation's scan stopped (`SearchHits.stopped_after`)."""
    if not stopped_after:
        return ""
    abbreviations = "», «".join(index.parse_query(text).starts)
    read = f"{stopped_after:,}".replace(",", " ")  # «2 000»
    return (
        f"Søket leste de nyeste {read} sakene med bokstavene «{abbreviations}» inne i ord og stoppet der:"
        " eldre saker der det står som eget ord, finner du med et ord til, et utvalg eller et år."
    )


class Search:
    """Search across the whole archive."""

    def __init__(self, store: ArchiveStore):
        self.store = store
        self._trigram: bool | None = None  # the index's tokenizer: read once, a search is made per key

    def hits(
        self,
        text: str,
        *,
        body_id: int | None = None,
        year: int | None = None,
        exclude_item_id: int | None = None,
        limit: int = SEARCH_LIMIT,
    ) -> SearchHits:
        """Items matching every word (or "phrase") of `text`, best first, newest first
        among equals. At most `limit` hits are read from the database."""
        query = index.parse_query(text)
        hits = SearchHits()
        if query.empty:
            return hits
        limit = max(1, min(int(limit), MAX_LIMIT))
        rows: list[index.IndexHit] = []
        case = _case_ref(text)
        if case is not None:  # «18/23», «NUIT 8/22»: that case, wherever it is
            rows = index.case_hits(
                self.store.conn, case.number.year, case.number.seq, body_short_name=case.body, body_id=body_id,
                in_year=year, exclude_item_id=exclude_item_id, limit=limit,
            )
        if not rows:
            conn = self.store.conn
            if self._trigram is None:
                self._trigram = index.is_trigram(conn)
            found = index.search(
                conn, query, body_id=body_id, year=year, exclude_item_id=exclude_item_id, limit=limit,
                snippet_from=_SNIPPET_FROM, snippet_chars=SNIPPET_CHARS, trigram=self._trigram,
            )
            rows, hits.stopped_after = found, found.stopped_after
        for (item_id, meeting_id, _, title, case_year, seq, exempt, _, state, _, meeting_year, number, date, body, field,
             snippet, rank) in rows:  # unpacked: fifty hits a keystroke, and each field by name costs a call
            hits.append(
                SearchHit(
                    item_id,
                    meeting_id,
                    body,
                    f"{number}/{meeting_year}",
                    dt.date.fromisoformat(date),
                    "" if seq is None or case_year is None else cite_case(body, case_year, seq),
                    title,
                    FIELD_LABELS.get(field, ""),
                    snippet,
                    bool(exempt),
                    _STATES[state],
                    rank,
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
