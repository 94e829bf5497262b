"""Search the whole archive as you type: items, decisions, remarks, follow-ups."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.timer import Timer
from textual.widgets import Header
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ...domain import labels
from ...domain.norwegian import citation_date
from ...errors import DatabaseError, StoreError
from ...services.search import SearchHit, SearchHits, is_query, stopped_note
from ..text import OptionList, Static, literal
from ..widgets.fields import Input
from ..widgets.footer import Footer
from ..widgets.form import TypeAhead
from .base import ArchiveScreen

if TYPE_CHECKING:
    from ...domain import models as m

RESULT_LIMIT = 50
DEBOUNCE_SECONDS = 0.15


def hit_prompt(hit: SearchHit) -> Text:
    """Two lines: where the item is, then the snippet with the match highlighted."""
    head = Text()
    head.append(f"{hit.case or hit.body} ", style="bold")
    head.append(f"({citation_date(hit.meeting_date)}, møte {hit.meeting_ref})  ", style="dim")
    head.append(hit.title or "(uten tittel)")
    if hit.exempt:
        head.append("  [unntatt]", style="italic")
    if hit.state.value != "planned":
        head.append(f"  · {labels.ITEM_STATE[hit.state].lower()}", style="dim")
    line = Text("   ")
    if hit.field:
        line.append(f"{hit.field}: ", style="dim italic")
    text, at = hit.snippet_text, 0
    for start, end in hit.spans:
        line.append(text[at:start])
        line.append(text[start:end], style="bold reverse")
        at = end
    line.append(text[at:])
    head.append("\n")
    head.append_text(line)
    return head


class SearchScreen(TypeAhead, ArchiveScreen):
    """Type words; the best hits across all bodies and years follow as you type (also
    the words typed right after the «/» that opened it: TypeAhead)."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tilbake"),
        Binding("down", "focus_results", "Til treffene", show=False),
        # Footer words; F1 and the palette name them in full (the tooltip).
        Binding("f2", "next_body", "Utvalg", tooltip="Bytt utvalg"),
        Binding("f3", "next_year", "År", tooltip="Bytt år"),
        Binding("f5", "open_meeting", "Gå til møtet"),
    ]
    DEFAULT_CSS = """
    SearchScreen #search-query { margin: 0 1; }
    SearchScreen #search-filters { color: $text-muted; margin: 0 2; }
    SearchScreen #search-status { color: $text-muted; margin: 0 2; }
    SearchScreen #search-results { height: 1fr; margin: 0 1; }
    """

    def __init__(self, query: str = ""):
        super().__init__()
        self.initial_query = query
        self.body: m.Body | None = None  # None: every body
        self.year: int | None = None  # None: every year
        self.hits: list[SearchHit] = []
        self.shown_text: str | None = None  # the query whose hits are listed
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Søk i arkivet", classes="screen-title")
        yield Input(
            self.initial_query,
            # Whole at 80 columns (72 cells inside the field).
            placeholder="Ord fra tittel, vedtak, innspill, oppfølging – «flere ord» som uttrykk",
            id="search-query",
        )
        yield Static(id="search-filters")
        yield OptionList(id="search-results")
        yield Static(id="search-status")
        yield Footer()

    def on_mount(self) -> None:
        self._show_filters()
        self.query_one("#search-query", Input).focus()
        if self.initial_query:
            self.run_search()

    # --- searching --------------------------------------------------------------------

    @on(Input.Changed, "#search-query")
    def _typed(self) -> None:
        # A burst of keys runs one query, after the last key.
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self.run_search)

    def run_search(self, keep: tuple[int, int] | None = None) -> None:
        self._timer = None
        text = self.query_one("#search-query", Input).value
        self._search(text, self.body.id if self.body else None, self.year, keep)

    def reload_from_file(self) -> None:
        """Another window committed: the same words and filters again, the same hit highlighted."""
        if self._timer is not None:
            return  # the search after the last key is still to come; it reads the file then
        self._refresh_body()
        self._show_filters()
        self.run_search(keep=self._highlighted_hit())

    def _refresh_body(self) -> None:
        """The body filter as stored now (renamed elsewhere); kept as it was if deleted."""
        if self.body is not None:
            self.body = next((b for b in self.archive.members.bodies() if b.id == self.body.id), self.body)

    def _highlighted_hit(self) -> tuple[int, int] | None:
        """(item id, row) of the highlighted hit of the query in the box, if any."""
        hit = self._selected()
        row = self.query_one("#search-results", OptionList).highlighted
        if hit is None or row is None or self.shown_text != self.query_one("#search-query", Input).value:
            return None
        return hit.item_id, row

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str, body_id: int | None, year: int | None, keep: tuple[int, int] | None = None) -> None:
        try:
            hits = self.archive.search.hits(text, body_id=body_id, year=year, limit=RESULT_LIMIT)
            error = None
        except (StoreError, DatabaseError) as exc:  # a worker's exception would end the app
            hits, error = SearchHits(), str(exc)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, text, hits, error, keep)

    def _show(self, text: str, hits: SearchHits, error: str | None, keep: tuple[int, int] | None = None) -> None:
        if text != self.query_one("#search-query", Input).value:
            return  # an older query finished late
        if keep is not None:
            # Searched again for a change elsewhere: the cursor may have moved meanwhile.
            keep = self._highlighted_hit() or keep
        self.hits = hits
        self.shown_text = text
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options([Option(hit_prompt(hit), id=str(hit.item_id)) for hit in hits])
        if hits:
            results.highlighted = self._row_to_highlight(hits, keep)
        status = self.query_one("#search-status", Static)
        if error:
            status.update(f"Søket feilet: {error}")
        elif is_query(text):
            more = f" (de {RESULT_LIMIT} beste)" if len(hits) >= RESULT_LIMIT else ""
            found = f"{len(hits)} treff{more} · Enter åpner saken · F5 går til møtet" if hits else "Ingen treff"
            stopped = stopped_note(text, hits.stopped_after)
            status.update(f"{found}\n{stopped}" if stopped else found)
        else:
            status.update("Skriv ett eller flere ord; treffene kommer mens du skriver")

    @staticmethod
    def _row_to_highlight(hits: list[SearchHit], keep: tuple[int, int] | None) -> int:
        """The kept hit's row if it is still found, else the kept row (clamped); the top at first."""
        if keep is None:
            return 0
        item_id, row = keep
        return next((i for i, hit in enumerate(hits) if hit.item_id == item_id), min(row, len(hits) - 1))

    # --- filters ----------------------------------------------------------------------

    def _show_filters(self) -> None:
        body = self.body.short_name if self.body else "alle utvalg"
        year = str(self.year) if self.year else "alle år"
        self.query_one("#search-filters", Static).update(f"{body} · {year}  (F2 bytter utvalg, F3 bytter år)")

    def action_next_body(self) -> None:
        bodies = [None, *self.archive.members.bodies()]
        ids = [b.id if b else None for b in bodies]
        current = self.body.id if self.body else None
        self.body = bodies[(ids.index(current) + 1) % len(bodies)] if current in ids else None
        self._show_filters()
        self.run_search()

    def action_next_year(self) -> None:
        years: list[int | None] = [None, *self.archive.rows.meeting_years(self.body.id if self.body else None)]
        self.year = years[(years.index(self.year) + 1) % len(years)] if self.year in years else None
        self._show_filters()
        self.run_search()

    # --- opening ------------------------------------------------------------------------

    def _selected(self) -> SearchHit | None:
        results = self.query_one("#search-results", OptionList)
        if not self.hits or results.highlighted is None:
            return None
        return self.hits[results.highlighted] if results.highlighted < len(self.hits) else None

    def meeting_in_focus(self) -> int | None:
        hit = self._selected()
        return hit.meeting_id if hit else None

    @on(Input.Submitted, "#search-query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:  # Enter before the results came: search now, here
            self._timer.stop()
            self._timer = None
            text = self.query_one("#search-query", Input).value
            try:
                hits = self.archive.search.hits(text, body_id=self.body.id if self.body else None, year=self.year, limit=RESULT_LIMIT)
            except (StoreError, DatabaseError) as exc:
                self.notify(f"Søket feilet: {exc}", severity="error")
                return
            self._show(text, hits, None)
        self._open(self._selected())

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(self.hits[event.option_index] if event.option_index < len(self.hits) else None)

    def _open(self, hit: SearchHit | None) -> None:
        if hit is None:
            return
        from .item import ItemScreen

        self.app.push_screen(ItemScreen(hit.item_id))

    async def action_open_meeting(self) -> None:
        """The agenda of the hit's meeting, with the item selected."""
        hit = self._selected()
        if hit is None:
            return
        from .agenda import AgendaScreen

        agenda = AgendaScreen(hit.meeting_id)
        await self.app.push_screen(agenda)
        agenda.reload(select_item_id=hit.item_id)

    def action_focus_results(self) -> None:
        self.query_one("#search-results", OptionList).focus()


class SearchCommands(Provider):
    """«Søk i arkivet», and «Søk etter …» with what was typed in the palette."""

    LABEL = "Søk i arkivet"
    HELP = "Saker, vedtak, innspill og oppfølging i alle utvalg og år (tast / i møteoversikten)"

    async def discover(self) -> Hits:
        yield DiscoveryHit(self.LABEL, partial(self._open, ""), help=self.HELP)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        score = matcher.match(self.LABEL)
        if score > 0:
            yield Hit(score, matcher.highlight(self.LABEL), partial(self._open, ""), help=self.HELP)
        if len(query.strip()) >= 2:
            label = f"Søk etter «{query.strip()}»"
            yield Hit(0.5, literal(label), partial(self._open, query.strip()), text=label, help="i hele arkivet")

    def _open(self, query: str) -> None:
        self.app.push_screen(SearchScreen(query))
