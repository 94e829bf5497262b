"""Child process of bench/run.py: start an app, exit as soon as its first screen is painted.

    python bench/first_paint.py nuit --db FILE    # `nuit-tui --db FILE`, through the real CLI
    python bench/first_paint.py floor             # Header + DataTable (100 rows) + Footer

The app runs headless (140×45): everything up to the terminal write is done.
On Textual's Ready event (posted after the first screen's first compositor
refresh) it sends ↓ as the terminal driver would, and prints one JSON line — the
CLOCK_MONOTONIC time of Ready, which the parent subtracts from the time it started
this process; the time the key was answered (the first paint with the table's cursor
on the second row: «ready for keys»); the time the work the app queued on Ready was
done (nuit-tui loads its full Archive then, beside the event loop); what was on
screen; the process's peak memory — and exits.
"""

from __future__ import annotations

import json
import sys
import time

from peak_memory import peak_rss_kb

SIZE = (140, 45)
FLOOR_ROWS = 100  # a page of the meetings list
GIVE_UP_S = 60.0  # the key unanswered or the Archive unloaded this long: report what is missing


def _report(app, **extra) -> None:
    screen = app.screen
    tables = list(screen.query("DataTable"))
    print(
        json.dumps(
            {
                "screen": type(screen).__name__,
                "rows": tables[0].row_count if tables else None,
                "maxrss_kb": peak_rss_kb(),
                "modules": len(sys.modules),
                **extra,
            }
        ),
        flush=True,
    )


def _exit_on_ready() -> None:
    """Every App (here: the one the CLI makes) runs headless and exits on Ready."""
    from textual import events
    from textual.app import App

    run = App.run

    def headless_run(self, *args, **kwargs):
        kwargs.update(headless=True, size=SIZE)
        return run(self, *args, **kwargs)

    from textual.screen import Screen

    on_event = App.on_event
    refresh = Screen._compositor_refresh
    answered: dict[str, float] = {}

    def watch_refresh(screen) -> None:
        refresh(screen)
        if "key" not in answered:
            tables = list(screen.query("DataTable"))
            if tables and tables[0].cursor_row == 1:
                answered["key"] = time.monotonic()

    async def exit_on_ready(self, event):
        await on_event(self, event)
        if isinstance(event, events.Ready):
            ready = time.monotonic()
            key = events.Key("down", None)
            key.set_sender(self)
            self._driver.send_message(key)

            def report() -> None:
                # Once the key is answered and what the app queued on Ready is done
                # (nuit-tui's `started` is set when its Archive is loaded).
                started = getattr(self, "started", None)
                if "loaded" not in answered and (started is None or started.is_set()):
                    answered["loaded"] = time.monotonic()
                waiting = "key" not in answered or "loaded" not in answered
                if waiting and time.monotonic() - ready < GIVE_UP_S:
                    self.set_timer(0.001, report)
                    return
                # Never a hang: after GIVE_UP_S the parent gets None and says what was missing.
                _report(self, ready=ready, answered=answered.get("key"), loaded=answered.get("loaded"))
                self.exit()

            self.call_later(report)

    App.run = headless_run
    App.on_event = exit_on_ready
    Screen._compositor_refresh = watch_refresh


def floor() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header

    class Floor(App[None]):
        BINDINGS = [("q", "quit", "Avslutt"), ("n", "new", "Nytt møte")]

        def compose(self) -> ComposeResult:
            yield Header()
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            for name in ("Møte", "Utvalg", "Dato", "Tid", "Status", "Sted"):
                table.add_column(name)
            for n in range(FLOOR_ROWS):
                table.add_row(f"{n % 6 + 1}/2024", "NUIT", "torsdag 12. desember 2024", "kl. 09.00–15.00", "Planlagt", "Oslo")
            table.focus()

    _exit_on_ready()
    Floor().run()


def nuit(argv: list[str]) -> int:
    _exit_on_ready()
    from nuit_tui.cli import main

    return main(argv)


if __name__ == "__main__":
    if sys.argv[1] == "floor":
        floor()
    else:
        sys.exit(nuit(sys.argv[2:]))
