"""When Python's garbage collector may make a full pass: while nobody is typing.

A full (generation 2) pass walks every container object the process holds and stops
the event loop while it does — 50 to 180 ms in a minute-taking session, landing on
whatever key is pressed then. The young generations are collected as usual (their
passes walk only what was made since and take a millisecond or two), but full passes
run only here: after IDLE_S without a key, over what is new since the last one
(everything older is frozen out of the collector's walk), and once the user has been
away AWAY_S, over everything, so that screens closed long ago are freed too. And when
a screen is closed (NuitApp.pop_screen, once it is removed), a pass over what is new
since the last one frees its widgets: a session that never pauses 2 s grew by ~30 MB a
minute otherwise. It lands on the Escape that closed the screen (7-45 ms, median 15 in
the benchmark's session), not on a typed key.
"""

from __future__ import annotations

import gc
import time

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

    def tick(self) -> None:
        """Called about once a second on the event loop."""
        idle = time.monotonic() - self.last_input
        if idle >= AWAY_S and not self._whole_since_input:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self._whole_since_input = self._collected_since_input = True
        elif idle >= IDLE_S and not self._collected_since_input:
            gc.collect()
            gc.freeze()
            self._collected_since_input = True

    def screen_closed(self) -> None:
        """A screen was closed: its widgets are cyclic garbage now. A pass over what is new
        since the last one frees them before they pile up in a session without pauses."""
        gc.collect()
        gc.freeze()
