"""Saving while typing: at most half a second after the first unsaved keystroke.

A throttle, not a debounce: someone who types without pausing still has their
text on disk every half second, so a crash loses less than a second of typing.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

SAVE_DELAY = 0.5


class Autosave:
    def __init__(self, owner: Widget, save: Callable[[], object], delay: float | None = None):
        self.owner = owner
        self.save = save
        self.delay = SAVE_DELAY if delay is None else delay  # read now: the tests shorten it
        self._timer: Timer | None = None

    def changed(self) -> None:
        """A keystroke: schedule a save unless one is already due."""
        if self._timer is None:
            self._timer = self.owner.set_timer(self.delay, self._fire)

    def _fire(self) -> None:
        self._timer = None
        self.save()

    def flush(self) -> None:
        """Save now (leaving a field or the screen)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.save()

    @property
    def pending(self) -> bool:
        return self._timer is not None
