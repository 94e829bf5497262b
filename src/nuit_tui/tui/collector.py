"""When Python's garbage collector may make a full pass: while nobody is typing.

A full (generation 2) pass walks every container object the process holds and stops
the event loop while it does — 50 to 180 ms in a minute-taking session, landing on
whatever key is pressed then. The young generations are collected as usual (their
passes walk only what was made since and take a millisecond or two), but full passes
run only here, none while the app starts (one landed on its first paint): after IDLE_S without a key, and when a screen is closed (NuitApp.pop_screen,
once it is removed, so that its widgets are freed in a session that never pauses; the
pass lands on the Escape that closed it, not on a typed key), and once the user has been
away AWAY_S, over everything.

A pass walks only what is new since the last freeze: what is alive after it is frozen
out of the collector's walk, but only when the start screen is alone on the stack (what
is alive then lives long) and, after a screen closed, once that screen is gone. What is
frozen is never freed by a pass, even once it is garbage: a meeting-mode screen frozen
while open, or a closed one that Textual's removal still held when the pass ran, stayed
in memory for good (a 10-minute session without a pause grew 30 MB a minute so). Only
the pass of AWAY_S unfreezes everything.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

IDLE_S = 2.0  # a pause in typing: a short pass over what is new
AWAY_S = 60.0  # nobody at the keyboard: a whole pass
# Generation 2 is collected automatically only after this many generation-1 passes:
# never, in practice (a session makes a few thousand).
NO_AUTOMATIC_FULL_PASS = 10**9


class CollectWhenIdle:
    """Owns the collector's full passes for the app's lifetime (see the module's doc)."""

    def __init__(self) -> None:
        self.last_input = time.monotonic()
        self._collected_since_input = False
        self._whole_since_input = False
        self._thresholds = gc.get_threshold()

    def starting(self) -> None:
        """The app is starting (Textual's Load): no full pass until `start`. One landed on
        the first paint, walking all that the imports had made while the screen waited
        (30–40 ms at scale 1 of the benchmark)."""
        young, middle, _full = self._thresholds
        gc.set_threshold(young, middle, NO_AUTOMATIC_FULL_PASS)

    def start(self) -> None:
        # What start-up made (modules, styles, models) lives as long as the app.
        gc.freeze()
        young, middle, _full = self._thresholds
        gc.set_threshold(young, middle, NO_AUTOMATIC_FULL_PASS)

    def stop(self) -> None:
        gc.set_threshold(*self._thresholds)
        gc.unfreeze()

    def input(self) -> None:
        """A key or a click: the user is here."""
        self.last_input = time.monotonic()
        self._collected_since_input = self._whole_since_input = False

    def tick(self, *, at_rest: bool) -> None:
        """Called about once a second on the event loop; `at_rest`: only the start
        screen is open (what is alive then lives long)."""
        idle = time.monotonic() - self.last_input
        if idle >= AWAY_S and not self._whole_since_input:
            gc.unfreeze()
            gc.collect()
            if at_rest:
                gc.freeze()
            self._whole_since_input = self._collected_since_input = True
        elif idle >= IDLE_S and not self._collected_since_input:
            gc.collect()
            if at_rest:
                gc.freeze()
            self._collected_since_input = True

    def screen_closed(self, *, may_freeze: Callable[[], bool]) -> None:
        """A screen was closed: its widgets are cyclic garbage now. A pass over what is new
        since the last freeze frees them before they pile up in a session without pauses.
        What is alive after it is frozen only if `may_freeze()`: the app is at rest and the
        closed screen is gone."""
        gc.collect()
        if may_freeze():
            gc.freeze()
