"""The main screens as pictures: each is reached by keys on the demo archive at 100×30
and compared with its SVG under tests/__snapshots__/.

The clock is frozen (25 May 2023, 10.15 in Oslo: the day of NUIT's meeting 2/2023),
meeting mode's stopwatch stands still, the archive is opened by a relative name (the
header shows the file's path), and cursors do not blink: a snapshot changes only when
the screen does.

A screen that changed on purpose: look at the report pytest writes
(snapshot_report.html), then `pytest tests/test_snapshots.py --snapshot-update`
and commit the new SVGs (see CONTRIBUTING.md).
"""

from __future__ import annotations

import datetime as dt
import shutil
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from textual.widgets import Input, OptionList, TextArea

from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp

# Every frame painted, as in a terminal (see tests/conftest.py).
pytestmark = pytest.mark.paints

SIZE = (100, 30)
NOW = dt.datetime(2023, 5, 25, 10, 15, tzinfo=ZoneInfo("Europe/Oslo"))


@pytest.fixture
def app(demo_template, tmp_path, monkeypatch):
    """The app on a copy of the demo archive, with a frozen clock and a fixed path."""
    shutil.copy(demo_template, tmp_path / "demo.sqlite")
    monkeypatch.chdir(tmp_path)
    # Meeting mode times the item (and a meeting not held today) on the monotonic
    # clock: its stopwatch stands still at 0:00:00 here.
    monkeypatch.setattr("nuit_tui.tui.screens.meeting_mode.time", SimpleNamespace(monotonic=lambda: 0.0))
    # Every date.today() and datetime.now() in the app (and the meeting mode's clock)
    # reads this moment; Textual's timers run on the monotonic clock, which goes on.
    with time_machine.travel(NOW, tick=False):
        archive = Archive.open("demo.sqlite")
        try:
            yield NuitApp(archive)
        finally:
            archive.close()


def still(pilot) -> None:
    """No blinking cursors: the picture does not depend on the moment it is taken."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False


async def keys(pilot, *pressed: str) -> None:
    await pilot.pause()
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()
    still(pilot)


async def until(pilot, condition, rounds: int = 100) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the screen did not get there")


def test_meetings(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: keys(pilot))


def test_agenda(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: keys(pilot, "enter"))


def test_item(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: keys(pilot, "enter", "enter"))


def test_meeting_mode(app, snap_compare):
    """Meeting 1/2023 (held, minutes approved): its first item in meeting mode."""
    assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: keys(pilot, "down", "enter", "m"))


def test_attendance(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: keys(pilot, "down", "enter", "o"))


def test_year_plan(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: keys(pilot, "a"))


def test_members(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: keys(pilot, "m"))


def test_follow_ups(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: keys(pilot, "u"))


def test_search(app, snap_compare):
    async def run_before(pilot) -> None:
        await keys(pilot, "slash", *"helse")
        results = pilot.app.screen.query_one("#search-results", OptionList)
        # «helse»'s hits, not those of a prefix a slow moment may show first
        await until(pilot, lambda: pilot.app.screen.shown_text == "helse" and results.option_count > 0)
        still(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_help(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=lambda pilot: keys(pilot, "f1"))
