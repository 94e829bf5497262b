"""Fixtures and helpers shared by the tests.

Helpers are plain functions; a test module imports them with `from conftest import …`
(pytest puts this folder on sys.path, as it does for crash_session.py).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest

# Pilot waits for the app to go idle after every key, twice, by sleeping 20 ms and checking
# that the process used under 5 % of it (textual/_wait.py). The same test in 1 ms steps
# (idle: under 20 % of a step, as an event loop's wake-up alone costs a few per cent): an
# idle app is seen some twenty times sooner, a busy one is still waited for. It took a
# quarter of the suite's time in 5 ms steps.
import textual._wait  # noqa: E402

from nuit_tui.services import Archive

textual._wait.SLEEP_GRANULARITY = 1 / 1000
textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 5.0


# --- archives ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo archive, built once per test run (before xdist starts its workers, in
    `pytest_configure`) and then only copied; a worker started some other way builds its own."""
    built = os.environ.get("NUIT_TEST_DEMO")
    if built and Path(built).is_file():
        return Path(built)
    from nuit_tui.demo.builder import ensure_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    ensure_demo(path)
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path) -> Path:
    """A private copy of the demo archive for one test."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def demo(demo_path):
    archive = Archive.open(demo_path)
    yield archive
    archive.close()


@pytest.fixture
def archive(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    yield archive
    archive.close()


def digest(path: Path) -> str:
    """The file's bytes, as a fingerprint: equal digests, nothing changed."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- driving the app by keys -----------------------------------------------------------------

# The app hands its writes to a writer thread and redraws when the answer comes back as a
# message (tui/writes.py). A Pilot wait (`press`, `pause`) therefore also waits until every
# write handed over has been answered, so a test sees the screen as the user does once the
# writer is done. A test that holds the writer on purpose says so with `writes_held()`.
_WAIT_FOR_WRITES = [True]


@contextmanager
def writes_held():
    """Pilot waits do not wait for the writer (which the test is holding)."""
    _WAIT_FOR_WRITES.append(False)
    try:
        yield
    finally:
        _WAIT_FOR_WRITES.pop()


def _wait_for_writes_too() -> None:
    import asyncio

    from textual.pilot import Pilot

    from nuit_tui.tui.writes import writes_pending

    waits = Pilot._wait_for_screen

    async def wait_for_screen(self, timeout: float = 30.0) -> bool:
        done = await waits(self, timeout)
        loop = asyncio.get_running_loop()
        give_up = loop.time() + timeout
        while _WAIT_FOR_WRITES[-1] and writes_pending(self.app) and loop.time() < give_up:
            await asyncio.sleep(0.001)  # the writer thread answers through the loop
            done = await waits(self, timeout)
        return done

    Pilot._wait_for_screen = wait_for_screen


_wait_for_writes_too()


def _no_write_on_the_event_loop() -> None:
    """The runtime half of tests/test_writes_leave_the_loop.py: while the app's writer
    runs, a write made from TUI code on the thread that opened the store (the event loop)
    fails the test. (A test's own writes, from the test's body, are its business.)"""
    import threading

    from nuit_tui.store.record_store import RecordStore

    write = RecordStore.write

    def from_tui() -> bool:
        frame = sys._getframe(2)
        while frame is not None:
            if "/nuit_tui/tui/" in frame.f_code.co_filename:
                return True
            frame = frame.f_back
        return False

    @contextmanager
    def checked(self):
        if self.writer is not None and threading.current_thread() is self._home and getattr(self._local, "bound", None) is None:
            if from_tui():
                raise AssertionError("a write on the event loop while the writer runs: hand it to the writer (tui/writes.py)")
        with write(self) as conn:
            yield conn

    RecordStore.write = checked


_no_write_on_the_event_loop()


def _toasts_last_the_test() -> None:
    """A toast expires after 5 s of wall time; on a busy machine a test may read the app's
    notifications later than that. Tests read what was said, not how long it stayed."""
    from textual.app import App

    App.NOTIFICATION_TIMEOUT = 600


_toasts_last_the_test()


def _share_parsed_css_between_apps() -> None:
    """Textual parses the CSS of every widget class an app shows, once per app (its cache
    lives in the app's stylesheet and is emptied when the theme's variables are set, so most
    sources are parsed twice as an app starts). A worker starts hundreds of apps with the same
    sources and theme; they share the parsed rules here, which Textual only reads. About 5 %
    of a key-driven test's CPU. A source that fails to parse is parsed (and fails) each time."""
    from textual.css.stylesheet import Stylesheet

    parse_rules = Stylesheet._parse_rules
    parsed: dict[tuple, list] = {}

    def parse_rules_once(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(self._variables.items())))
        rules = parsed.get(key)
        if rules is None:
            rules = parsed[key] = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    Stylesheet._parse_rules = parse_rules_once


_share_parsed_css_between_apps()


# Headless, Textual still paints every frame (the compositor renders each widget's lines)
# and then throws it away: a third of a key-driven test's CPU. So a test paints the frames
# it looks at (`export_screenshot`, `render_update`, a widget's `render()`) and, when its
# body is done, the frame on screen, so that painting the text it left there still fails
# it as painting would fail the app. Tests marked `paints` (snapshots, stored hostile text)
# paint every frame as a terminal's app does.
_PAINT_EVERY_FRAME = [False]


def _paint_what_is_looked_at() -> None:
    from contextlib import asynccontextmanager

    from textual.app import App
    from textual.screen import Screen

    refresh = Screen._compositor_refresh

    def refresh_without_painting(self) -> None:
        app = self.app
        if _PAINT_EVERY_FRAME[-1] or not app.is_headless or app.is_inline or self is not app.screen:
            refresh(self)
            return
        self._compositor._dirty_regions.clear()
        self._dirty_widgets.clear()
        app._update_mouse_over(self)

    Screen._compositor_refresh = refresh_without_painting

    run_test = App.run_test

    @asynccontextmanager
    async def run_test_painting_the_last_frame(self, *args, **kwargs):
        async with run_test(self, *args, **kwargs) as pilot:
            yield pilot
            if self.is_running and self._screen_stack:
                self.screen._compositor.render_update(full=True)

    App.run_test = run_test_painting_the_last_frame


_paint_what_is_looked_at()


@pytest.fixture(autouse=True)
def _paint_every_frame_when_marked(request):
    marked = request.node.get_closest_marker("paints") is not None
    _PAINT_EVERY_FRAME.append(marked)
    yield
    _PAINT_EVERY_FRAME.pop()


# The app saves typing SAVE_DELAY after the first unsaved key (tui/widgets/autosave.py):
# half a second for a person, a tenth here, so that a test waiting for a save waits less.
# Every save still goes the same way (timer, writer thread, answer); the crash and kill
# tests, which time a real app process, keep the real delay.
TEST_SAVE_DELAY = 0.1


@pytest.fixture(autouse=True)
def _short_save_delay(monkeypatch):
    from nuit_tui.tui.widgets import autosave

    monkeypatch.setattr(autosave, "SAVE_DELAY", TEST_SAVE_DELAY)


async def until(pilot, condition, timeout: float = 10.0, what: str = "") -> None:
    """Let the app run (timers, workers, the writer's answers) until `condition()` holds,
    looking every 20 ms; fail after `timeout` seconds (a loaded machine is slow, not wrong)."""
    import asyncio

    loop = asyncio.get_running_loop()
    give_up = loop.time() + timeout
    while not condition():
        if loop.time() > give_up:
            raise AssertionError(f"not within {timeout} s: {what or condition}")
        await pilot.pause(0.02)
    await pilot.pause()


def screen_lines(app) -> list[str]:
    """The screen's lines as the terminal shows them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def open_meeting_mode(app, pilot, meeting_id: int, item_id: int | None = None):
    """Meeting mode pushed on `meeting_id` (at `item_id`), once it shows an item."""
    from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen

    app.push_screen(MeetingModeScreen(meeting_id, item_id))
    await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None, what="meeting mode")
    return app.screen


def palette_highlight(app) -> str:
    """The command palette's highlighted hit as text; "" while it shows none."""
    from textual.command import CommandList
    from textual.css.query import NoMatches

    try:
        hits = app.screen.query_one(CommandList)
    except NoMatches:
        return ""
    if hits.highlighted is None:
        return ""
    return str(hits.get_option_at_index(hits.highlighted).prompt)


async def palette_highlights(pilot, needle: str, timeout: float = 10.0) -> None:
    """Wait until the palette's search has put a hit holding `needle` first (under the
    highlight), where Enter takes it; the palette searches in a worker as keys come."""
    try:
        await until(pilot, lambda: needle in palette_highlight(pilot.app), timeout)
    except AssertionError:
        raise AssertionError(f"the palette highlights {palette_highlight(pilot.app)!r}, not {needle!r}") from None


async def choose_in_palette(pilot, typed: str, entry: str) -> None:
    """Ctrl+P, `typed`, and Enter once the palette highlights the hit holding `entry`."""
    await pilot.press("ctrl+p")
    await type_text(pilot, typed)
    await palette_highlights(pilot, entry)
    await pilot.press("enter")


@contextmanager
def burst():
    """`pilot.press` without its wait for idleness between keys: the keys arrive as one
    terminal read delivers them (a fast typist, tmux send-keys).

    It still waits for running animations between keys: start a burst once they are over.
    """
    import textual.app

    async def no_wait(*args, **kwargs) -> None:
        return None

    waiting = textual.app.wait_for_idle
    textual.app.wait_for_idle = no_wait
    try:
        yield
    finally:
        textual.app.wait_for_idle = waiting


async def type_text(pilot, text: str) -> None:
    """Type `text` into the focused field in one burst, then let the app handle every key.

    `pilot.press` idles at least 40 ms after each key; a terminal sends typed text
    without such gaps, and the app must (and does, tests/test_fast_typing.py) take
    it so. Two rounds of waiting: the first lets the app forward each key to the
    focused widget, the second lets that widget handle them.
    """
    with burst():
        await pilot.press(*["space" if char == " " else char for char in text])
    await pilot.pause()
    await pilot.pause()


def cell_texts(table, column: int) -> list[str]:
    """One column of a DataTable, top to bottom, as text."""
    return [str(table.get_row_at(r)[column]) for r in range(table.row_count)]


# --- the command line and its files ------------------------------------------------------------


def run(*args, cwd=None, env=None, timeout: float = 120, process: bool = False) -> subprocess.CompletedProcess:
    """`nuit-tui ARGS`: its exit code and what it printed on stdout and stderr.

    In this process, through `nuit_tui.cli.main` (a new interpreter per call cost the
    suite a second or more each), in `cwd` if given; in a process of its own,
    `python -m nuit_tui`, when the process is the point (`process=True`) or it needs an
    environment of its own.
    """
    argv = [str(a) for a in args]
    if process or env is not None:
        return subprocess.run(
            [sys.executable, "-m", "nuit_tui", *argv], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout
        )
    return run_in_process(argv, cwd=cwd)


def run_in_process(argv: list[str], *, cwd=None) -> subprocess.CompletedProcess:
    import os
    from contextlib import redirect_stderr, redirect_stdout

    from nuit_tui import cli

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)  # `--out -` writes bytes to .buffer
    err = io.StringIO()
    here = os.getcwd()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            if cwd is not None:
                os.chdir(cwd)
            code = cli.main(argv)
        except SystemExit as exit:  # --help
            code = exit.code if isinstance(exit.code, int) else 0
        finally:
            os.chdir(here)
    out.flush()
    stdout = out.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]
    return subprocess.CompletedProcess(["nuit-tui", *argv], code, stdout, err.getvalue())


def one_line_error(result) -> str:
    """The one line a refused command prints on stderr (never a traceback)."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def open_docx(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


def docx_cell_texts(table) -> list[tuple[str, ...]]:
    """The rows of a .docx table, each as its cells' text."""
    return [tuple(cell.text for cell in row.cells) for row in table.rows]


def docx_raw(data: bytes) -> str:
    """Every part of the package as text, as anyone who unzips the file would read it."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "\n".join(package.read(name).decode("utf-8", errors="replace") for name in package.namelist())


# --- the collector and the app's byte code in a test process ----------------------------------
# A test process holds every module the suite imports and what hundreds of apps left behind,
# so each of the collector's automatic full passes walked 0.5-1 million objects (0.6 s
# here), and young passes ran every 700 allocations: 9 % of the suite's CPU. Young passes
# now run every 100,000 allocations, and the full pass every FULL_PASS_EVERY tests instead
# of when the collector's heuristic says (a worker peaks near 1 GB; 10,000 gave 580 MB and
# some 25 s more CPU over the suite). The app's own policy
# (tui/collector.py) is kept: it reads these thresholds and puts them back.
FULL_PASS_EVERY = 100
_tests_since_full_pass = [0]


_made_cache_dir: list[str] = [""]


def pytest_configure(config):
    import gc

    if not os.environ.get("NUIT_CACHE_DIR"):
        # The kept expected schema (store/schema_check.py) of this run, not the user's:
        # set before xdist starts its workers, so that they and the apps they start share it.
        os.environ["NUIT_CACHE_DIR"] = _made_cache_dir[0] = tempfile.mkdtemp(prefix="nuit-tui-test-cache-")

    gc.set_threshold(100_000, 50, 10**9)
    if not hasattr(config, "workerinput"):  # once, before xdist starts its workers
        _compile_the_app()
        _build_the_demo_once()
    # At its end pytest collects five times over to find unraisable exceptions; the heap
    # is large then, and one pass finds them all the same.
    try:
        from _pytest.unraisableexception import gc_collect_iterations_key
    except ImportError:  # a later pytest: its own number of passes
        return
    config.stash[gc_collect_iterations_key] = 1


def _build_the_demo_once() -> None:
    """The demo archive every worker copies from (0.6 s of CPU each to build)."""
    from nuit_tui.demo.builder import ensure_demo

    folder = tempfile.mkdtemp(prefix="nuit-tui-test-demo-")
    _made_demo_dir[0] = folder
    ensure_demo(Path(folder) / "demo.sqlite")
    os.environ["NUIT_TEST_DEMO"] = str(Path(folder) / "demo.sqlite")


_made_demo_dir: list[str] = [""]


def _compile_the_app() -> None:
    """Byte-compile nuit_tui once, as pip does for an installed package: with
    PYTHONDONTWRITEBYTECODE set (as on this machine) an editable checkout was compiled from
    source by each worker and by every app process a test starts (crash, two processes,
    serve, the benchmark's children), 0.2-0.3 s each."""
    import compileall

    import nuit_tui

    compileall.compile_dir(Path(nuit_tui.__file__).parent, quiet=2)


def pytest_runtest_teardown(item, nextitem):
    _tests_since_full_pass[0] += 1
    if _tests_since_full_pass[0] >= FULL_PASS_EVERY:
        import gc

        _tests_since_full_pass[0] = 0
        gc.collect()


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """An xdist worker ends here, without tearing down its heap: after hundreds of apps
    it holds about a gigabyte of objects, and freeing them one by one at exit kept the
    suite waiting some seconds after its last test. It has sent its results by now
    (xdist's worker reports at session finish); nothing of it is left to write."""
    if hasattr(config, "workerinput"):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    for made in (_made_cache_dir[0], _made_demo_dir[0]):
        if made:
            shutil.rmtree(made, ignore_errors=True)


# --- order ----------------------------------------------------------------------------------


def pytest_collection_modifyitems(config, items):
    """The slow tests first: under xdist they start at once and the short ones fill in
    around them, rather than one worker finishing a long test alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


# --- what each test costs -------------------------------------------------------------------
# NUIT_TEST_CPU=FILE appends one line per test: CPU seconds of the test's process and of the
# child processes it waited for, wall seconds, node id (to see what the suite spends).


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    import os

    out = os.environ.get("NUIT_TEST_CPU")
    if not out:
        yield
        return
    import resource
    import time

    def cpu(who: int) -> float:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime

    began = (cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN), time.perf_counter())
    yield
    own, children, wall = (cpu(resource.RUSAGE_SELF) - began[0], cpu(resource.RUSAGE_CHILDREN) - began[1],
                           time.perf_counter() - began[2])
    with open(out, "a", encoding="utf-8") as file:
        file.write(f"{own:.2f}\t{children:.2f}\t{wall:.2f}\t{item.nodeid}\n")
