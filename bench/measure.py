"""Child process of bench/run.py: the in-process figures on one archive (a work copy: it writes).

    python bench/measure.py interactive --db FILE [--keys N] [--meetings N]   # (b) (c) (d)
    python bench/measure.py search --db FILE [--read-only]                    # (e)
    python bench/measure.py exports --db FILE --out DIR [--repeat N]          # (f) (g)

Prints one JSON object: samples in milliseconds, and the process's peak memory.

- Opening a meeting: wall time from pushing AgendaScreen to the first compositor
  refresh of that screen with its rows in it (headless, 140×45).
- Moving: wall time from a ↓ key to the refresh that shows the cursor moved.
- A remark keystroke: CPU time (time.process_time(), all threads) per typed
  character in meeting mode's remark field, over the typing of a sentence with
  the app's own timers and autosaves running, divided by the number of keys; the
  same for a bare App holding one TextArea with the same text. Keys are sent
  as the Pilot sends them and each is followed by Textual's wait for idle.
- Search: wall time of the search service per query (or of the linking
  candidates, where there is no search service): a first pass over the 50 queries
  as the file is found, then 5 rounds with each query's search and the same FTS5
  MATCH alone taken in turn, each query's median of those. `--read-only` reads the file as it
  lies (immutable, no migration, no index tuning): the service over a read-only
  connection, for an archive that must not change (a bench archive, not a copy).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import operator
import statistics
import sys
import tempfile
import time
from pathlib import Path

from peak_memory import peak_rss_kb

SIZE = (140, 45)
# Keystroke CPU is typed in rounds, in the app and in the bare TextArea alike; the
# median round is compared, so one garbage-collection pass (reported on its own)
# or a neighbour's burst of CPU does not decide the ratio.
ROUNDS = 9
TYPED = "Statsforvalteren støttet forslaget, men ba om en plan for gevinstrealisering i kommunene før 2026. "


def typed_text(chars: int, text: str = TYPED) -> str:
    """`chars` characters of `text`, repeated as far as needed."""
    return (text * (chars // len(text) + 1))[:chars]

QUERIES = (
    "digital sikkerhet", "sikkerhet", "kjernejournal", "helsenorge", "finansiering", "Trondheim", "veikart",
    "e-resept", "arkitektur", "velferdsteknologi", '"felles kommunal journal"', "gevinstrealisering",
    "KS", "IT", "e", "helse", "journal", "Helse Vest", "høring", "forskrift", "kunstig intelligens", "skytjenester",
    "terminologi", "tilgangsstyring", "porteføljestyring", "prioritering tiltak", "datadeling", "beredskap",
    "legemiddel", "pasientens legemiddelliste", "Norsk helsenett", "budsjett", "måleindikatorer", "Lillehammer kommune",
    "personvern", "kommunal sektor", "spesialisthelsetjenesten", "innspill", "støttet forslaget", "bekymring",
    "gevinst", "standard", "xylofonkonsert", "Bodø", "digital hjemmeoppfølging", "strategi", "evaluering",
    "risikovurdering", "NAV", "målbilde",
)


def _maxrss_mb() -> float:
    return round(peak_rss_kb() / 1024, 1)


class Paints:
    """Awaitable compositor refreshes of the top screen (wraps Screen._compositor_refresh)."""

    def __init__(self) -> None:
        from textual.screen import Screen

        self.waiters: list[tuple[object, asyncio.Future]] = []
        original = Screen._compositor_refresh
        paints = self

        def refresh(screen) -> None:
            original(screen)
            if screen is screen.app.screen and paints.waiters:
                now = time.perf_counter()
                for predicate, future in list(paints.waiters):
                    if not future.done() and predicate(screen):
                        future.set_result(now)
                        paints.waiters.remove((predicate, future))

        Screen._compositor_refresh = refresh

    async def until(self, predicate, timeout: float = 30.0) -> float:
        future = asyncio.get_running_loop().create_future()
        self.waiters.append((predicate, future))
        return await asyncio.wait_for(future, timeout)


def _key(app, key: str, char: str | None = None) -> None:
    """A key event as the terminal driver (and the Pilot) sends it."""
    from textual import events

    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)


def _type_key(app, char: str) -> None:
    from textual.keys import _character_to_key

    _key(app, char if char.isalnum() else _character_to_key(char), char)


async def _type(app, pilot, text: str) -> float:
    """CPU seconds to type `text` key by key, each followed by the wait for idle,
    and the last one until the app has handled it (Pilot's pause)."""
    from textual._wait import wait_for_idle

    start = time.process_time()
    for char in text:
        _type_key(app, char)
        await wait_for_idle(0)
    await pilot.pause()
    return time.process_time() - start


def _sample_meetings(archive, count: int) -> list[int]:
    ids = [row[0] for row in archive.store.conn.execute("SELECT id FROM meetings ORDER BY date, id")]
    if len(ids) <= count or count < 2:
        return ids[-count:] if count > 0 else []
    step = (len(ids) - 1) / (count - 1)
    return sorted({ids[round(i * step)] for i in range(count)})


class GcPauses:
    """Durations of the garbage collector's full (generation 2) passes, in ms."""

    def __init__(self) -> None:
        self.full_ms: list[float] = []
        self._began = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.full_ms.append((time.perf_counter() - self._began) * 1000)

    def close(self) -> None:
        gc.callbacks.remove(self._callback)


async def interactive(db: Path, *, keys: int, meetings: int, chars: int = len(TYPED), typing_rounds: int = ROUNDS) -> dict:
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Header, Static, TextArea

    from nuit_tui.services import Archive
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.agenda import AgendaScreen, AgendaTable
    from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen

    class BareAgenda(Screen):
        """An agenda screen's widgets (header, heading, table, two notes, footer) and rows,
        with nothing of nuit-tui: what pushing such a screen costs Textual itself."""

        def __init__(self, rows: list[list[str]]):
            super().__init__()
            self.rows = rows

        def compose(self):
            yield Header()
            yield Static("NUIT møte 1/2024 · torsdag 12. desember 2024 · kl. 09.00–15.00")
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Static("")
            yield Static("")
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            for name in ("Sak", "Agenda", "Tidspunkt", "Min", "Sakstype", ""):
                table.add_column(name)
            table.add_rows(self.rows)
            table.focus()

    typed = typed_text(chars)
    paints = Paints()
    result: dict = {"open_ms": [], "open_cpu_ms": [], "bare_open_ms": [], "move_ms": [], "chars": chars}
    archive = Archive.open(db)
    app = NuitApp(archive)
    pauses = GcPauses()
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await pilot.pause()
        for meeting_id in _sample_meetings(archive, meetings):
            c0, t0 = time.process_time(), time.perf_counter()
            app.push_screen(AgendaScreen(meeting_id))
            painted = await paints.until(
                lambda s: isinstance(s, AgendaScreen) and s.query_one(AgendaTable).row_count > 0
            )
            result["open_ms"].append((painted - t0) * 1000)
            result["open_cpu_ms"].append((time.process_time() - c0) * 1000)
            await pilot.pause()
            table = app.screen.query_one(AgendaTable)
            # The floor: a bare screen with the same widgets and the same rows, pushed alike.
            rows = [[str(cell) for cell in table.get_row_at(r)] for r in range(table.row_count)]
            t0 = time.perf_counter()
            app.push_screen(BareAgenda(rows))
            await paints.until(lambda s: isinstance(s, BareAgenda) and s.query_one(DataTable).row_count > 0)
            result["bare_open_ms"].append((time.perf_counter() - t0) * 1000)
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
            for _ in range(min(keys, table.row_count - 1 - table.cursor_row)):
                target = table.cursor_row + 1
                t0 = time.perf_counter()
                _key(app, "down")
                painted = await paints.until(lambda s, target=target: s.query_one(AgendaTable).cursor_row == target)
                result["move_ms"].append((painted - t0) * 1000)
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()

        # Minute-taking: the newest held meeting (not locked), its first case, a new remark.
        row = archive.store.conn.execute(
            "SELECT id FROM meetings WHERE status = 'held' ORDER BY date DESC LIMIT 1"
        ).fetchone() or archive.store.conn.execute("SELECT id FROM meetings ORDER BY date DESC LIMIT 1").fetchone()
        meeting_id = row[0]
        item_id = archive.store.conn.execute(
            "SELECT id FROM agenda_items WHERE meeting_id = ? AND kind = 'item' ORDER BY position LIMIT 1 OFFSET 3", [meeting_id]
        ).fetchone()[0]
        app.push_screen(MeetingModeScreen(meeting_id, item_id))
        await paints.until(lambda s: isinstance(s, MeetingModeScreen))
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        area = app.screen.query_one("#remark-text", TextArea)
        area.focus()
        await pilot.pause()
        before = area.text

        class Bare(App[None]):
            def compose(self):
                yield TextArea(before)

        # The bare TextArea runs alongside, and the rounds alternate (app, bare, bare, app,
        # app, bare …): a slow spell of the machine hits both alike. The ratio is the median
        # of each round's pair: the machine's speed drifts through the rounds (both grew
        # 8 → 12 ms a key in one run), and a median of each side's rounds taken apart read
        # 0.92× to 1.14× from one scale to the next.
        bare = Bare()
        async with bare.run_test(headless=True, size=SIZE) as bare_pilot:
            bare_area = bare.query_one(TextArea)
            bare_area.focus()
            bare_area.move_cursor(bare_area.document.end)
            await bare_pilot.pause()
            rounds: dict[str, list[float]] = {"remark": [], "bare": []}
            gc_passes = []
            for round_ in range(typing_rounds):
                for side in ("remark", "bare") if round_ % 2 == 0 else ("bare", "remark"):
                    if side == "remark":
                        gc_before = len(pauses.full_ms)
                        rounds["remark"].append(await _type(app, pilot, typed) * 1000 / len(typed))
                        gc_passes.append(len(pauses.full_ms) - gc_before)
                    else:
                        rounds["bare"].append(await _type(bare, bare_pilot, typed) * 1000 / len(typed))
            await bare_pilot.pause()
            result["bare_text_ok"] = bare_area.text == before + typed * typing_rounds
        # The last autosave: at most half a second after the last key.
        remark_id = app.screen.remark.id
        expected = before + typed * typing_rounds
        saved_after = None
        waited = time.perf_counter()
        while time.perf_counter() - waited < 5:
            await pilot.pause(0.05)
            if archive.store.conn.execute("SELECT text FROM remarks WHERE id = ?", [remark_id]).fetchone()[0] == expected:
                saved_after = time.perf_counter() - waited
                break
        result["remark_text_ok"] = area.text == expected
        result["remark_saved"] = saved_after is not None
        result["remark_saved_after_s"] = saved_after
        result["remark_gc_full_passes"] = gc_passes
        result["remark_rounds_ms"], result["bare_rounds_ms"] = rounds["remark"], rounds["bare"]
        result["remark_key_cpu_ms"] = statistics.median(rounds["remark"])
        result["remark_key_ratio"] = statistics.median(map(operator.truediv, rounds["remark"], rounds["bare"]))
        result["bare_key_cpu_ms"] = statistics.median(rounds["bare"])
        app.screen.flush()
    archive.close()
    pauses.close()
    result["gc_full_ms"] = pauses.full_ms
    result["maxrss_mb"] = _maxrss_mb()
    return result


def _fts_alone(archive):
    """The floor of a search: the same FTS5 MATCH on the same file, reading the newest 100
    matches with their indexed text (what any search over the index must read), nothing
    joined, ranked or marked."""
    from nuit_tui.store import search_query as index

    conn = archive.store.conn

    def run(text: str) -> list | None:
        query = index.parse_query(text)
        if query.empty or not query.words:
            return None  # one- and two-letter queries read titles, not the index
        match = index.match_expression(query, trigram=index.is_trigram(conn))
        columns = ", ".join(index.COLUMNS)
        return conn.execute(
            f"SELECT rowid, {columns} FROM {index.INDEX} WHERE {index.INDEX} MATCH ? ORDER BY rowid DESC LIMIT 100", [match]
        ).fetchall()

    return run


class _ReadOnlyArchive:
    """What `search` uses of an Archive, over an immutable read-only connection: a
    multi-gigabyte archive is measured without a work copy, and nothing is written to it
    (Archive.open would migrate it and tune its index)."""

    def __init__(self, db: Path):
        import sqlite3
        from types import SimpleNamespace
        from urllib.parse import quote

        from nuit_tui.services.search import Search

        uri = f"file:{quote(db.resolve().as_posix(), safe='/')}?mode=ro&immutable=1"
        self.store = SimpleNamespace(conn=sqlite3.connect(uri, uri=True, isolation_level=None))
        self.search = Search(self.store)

    def close(self) -> None:
        self.store.conn.close()


STEADY_ROUNDS = 5


def search(db: Path, *, read_only: bool = False) -> dict:
    from nuit_tui.services import Archive

    archive = _ReadOnlyArchive(db) if read_only else Archive.open(db)
    try:
        if hasattr(archive, "search"):
            kind = "search service (Archive.search, 50 hits)"
            run = lambda q: archive.search.hits(q)  # noqa: E731
        else:
            kind = "linking candidates (no search service)"
            run = lambda q: archive.agenda.candidates_for_linking(q)  # noqa: E731
        run("oppstart")  # warm the statement cache
        fts_alone = _fts_alone(archive)
        # Two passes: the first reads the file as found (on this VM the page cache is
        # reclaimed within seconds, so that is from disk); the second is the steady state
        # of an app in use, with the archive's pages in the operating system's cache.
        first_pass, hits = [], []
        for query in QUERIES:
            t0 = time.perf_counter()
            found = run(query)
            first_pass.append((time.perf_counter() - t0) * 1000)
            hits.append(len(found))
        # The steady state, each query's search and FTS5 alone taken in turn (which first,
        # by round), STEADY_ROUNDS times: the median of each query's own. Taken in two runs
        # of all fifty, one after the other, the machine's speed could change between
        # them and the ratio with it (1.45× to 2.5× from run to run).
        searched: list[list[float]] = [[] for _ in QUERIES]
        alone: list[list[float]] = [[] for _ in QUERIES]
        for round_ in range(STEADY_ROUNDS):
            for n, query in enumerate(QUERIES):
                for step in ((run, fts_alone) if round_ % 2 == 0 else (fts_alone, run)):
                    t0 = time.perf_counter()
                    answer = step(query)
                    took = (time.perf_counter() - t0) * 1000
                    if step is run:
                        searched[n].append(took)
                    elif answer is not None:
                        alone[n].append(took)
        search_ms = [statistics.median(times) for times in searched]
        fts_ms = [statistics.median(times) for times in alone if times]
    finally:
        archive.close()
    return {"kind": kind, "search_first_pass_ms": first_pass, "search_ms": search_ms, "fts_ms": fts_ms, "hits": hits,
            "queries": list(QUERIES), "steady_rounds": STEADY_ROUNDS, "maxrss_mb": _maxrss_mb()}


def exports(db: Path, out: Path, *, repeat: int) -> dict:
    from nuit_tui.services import Archive

    result: dict = {"ics_ms": [], "docx_ms": []}
    archive = Archive.open(db)
    try:
        meeting_id = archive.store.conn.execute(
            "SELECT id FROM meetings WHERE status = 'minutes_approved' ORDER BY date DESC LIMIT 1"
        ).fetchone()[0]
        for n in range(repeat):
            t0 = time.perf_counter()
            from nuit_tui.services.calendar import export_ics

            path = export_ics(archive, out=out / "all.ics", exports_dir=out)
            result["ics_ms"].append((time.perf_counter() - t0) * 1000)
            if n == 0:
                result["ics_maxrss_mb"] = _maxrss_mb()
                result["ics_bytes"] = path.stat().st_size
                with path.open("rb") as lines:  # line by line: the file may be larger than the export's memory
                    result["ics_events"] = sum(line.startswith(b"BEGIN:VEVENT") for line in lines)
        # What a user exports: one body's year (the busiest body, its latest full year).
        years = archive.store.conn.execute(
            "SELECT body_id, year FROM meetings GROUP BY body_id, year ORDER BY year DESC, count(*) DESC LIMIT 2"
        ).fetchall()
        body_id, year = years[-1]
        result["ics_body_year_ms"] = []
        from nuit_tui.services.calendar import export_ics

        for _ in range(max(repeat, 5)):
            t0 = time.perf_counter()
            path = export_ics(archive, out=out / "body-year.ics", exports_dir=out, body_id=body_id, year=year)
            result["ics_body_year_ms"].append((time.perf_counter() - t0) * 1000)
        result["ics_body_year_events"] = path.read_bytes().count(b"BEGIN:VEVENT")
        for n in range(repeat):
            t0 = time.perf_counter()
            from nuit_tui.services.minutes import export_minutes

            path = export_minutes(archive, meeting_id, fmt="docx", out=out / "minutes.docx", exports_dir=out)
            result["docx_ms"].append((time.perf_counter() - t0) * 1000)
            if n == 0:
                result["docx_bytes"] = path.stat().st_size
    finally:
        archive.close()
    result["maxrss_mb"] = _maxrss_mb()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["interactive", "search", "exports"])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--meetings", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chars", type=int, default=len(TYPED))
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="typing rounds in the app and the bare TextArea")
    parser.add_argument("--read-only", action="store_true", help="search: read the file as it lies, write nothing")
    args = parser.parse_args(argv)
    if args.what == "interactive":
        result = asyncio.run(interactive(args.db, keys=args.keys, meetings=args.meetings, chars=args.chars, typing_rounds=args.rounds))
    elif args.what == "search":
        result = search(args.db, read_only=args.read_only)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = exports(args.db, Path(args.out or tmp), repeat=args.repeat)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
