"""What every full screen over the archive shares: typed access to the app and the
archive, one guard that turns a refused write into a message, and a redraw when
another window wrote to the file (the file watch posts `FileChanged`)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, TypeVar

from textual import on
from textual.screen import Screen

from ..base import FileChanged, guard, nuit_app
from ..compositor import ChangedRegionCompositor
from ..writes import write

if TYPE_CHECKING:
    from ...services import Archive

T = TypeVar("T")


class ArchiveScreen(Screen):
    # The archive's own commit count when this screen was covered by another one.
    _commits_when_covered: int | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._compositor = ChangedRegionCompositor()  # a key redraws what it changed (tui/compositor.py)
        self._preset_breakpoints()

    def _preset_breakpoints(self) -> None:
        """The breakpoint classes (`HORIZONTAL_BREAKPOINTS`) for the terminal's size, set
        before the screen is styled: Textual sets them at the screen's first Resize, which
        styled the whole screen a second time (20 ms of opening meeting mode)."""
        horizontal, vertical = self.HORIZONTAL_BREAKPOINTS or [], self.VERTICAL_BREAKPOINTS or []
        if not (horizontal or vertical):
            return
        try:
            width, height = self.app.size
        except Exception:  # made outside a running app (a test): the Resize sets them
            return
        self.add_class(*self._get_breakpoint_classes(width, horizontal), *self._get_breakpoint_classes(height, vertical), update=False)

    @property
    def archive(self) -> Archive:
        return nuit_app(self).archive

    def guard(self, *, timeout: float | None = None) -> contextlib.AbstractContextManager[None]:
        """A refused write or read (busy file, a row changed or gone) is a message, not a crash."""
        return guard(self, timeout=timeout)

    def write(
        self,
        fn: Callable[[], T],
        then: Callable[[T], object] | None = None,
        *,
        failed: Callable[[Exception], object] | None = None,
    ) -> Future:
        """Change the archive without waiting: `fn` runs on the writer thread, in turn
        with every other write; `then(result)` runs here, on the loop, when it is in
        (a refusal is a notification, or goes to `failed`). See tui/writes.py."""
        return write(self, fn, then, failed=failed)

    def reload(self) -> None:
        """Redraw from the archive; a screen with something to show overrides this."""

    def meeting_in_focus(self) -> int | None:
        """The meeting the cursor is on, whose documents the palette offers
        (commands.MeetingDocumentCommands); None where there is none, or where the
        screen's own keys already are those actions (the agenda)."""
        return None

    def undone(self, deletion) -> None:
        """Ctrl+Z put a deleted row back; a screen may show it selected."""
        self.reload_from_file()

    def reload_from_file(self) -> None:
        """Redraw after another window wrote; screens with typed fields merge instead."""
        self.reload()

    def on_screen_suspend(self) -> None:
        self._commits_when_covered = self.archive.store.commits

    def on_screen_resume(self) -> None:
        """Back in view: redraw when a screen or form above changed the archive meanwhile
        (the file watch sees only other programs' writes)."""
        covered, self._commits_when_covered = self._commits_when_covered, None
        if covered is not None and covered != self.archive.store.commits:
            with self.guard():
                self.reload_from_file()

    @on(FileChanged)
    def _file_changed(self) -> None:
        with self.guard():
            self.reload_from_file()


def choose_body_hint(archive: Archive) -> str:
    """What to do when a body must be chosen: «b» picks one; with none in the archive yet
    (a new archive), «b» has none to pick, and the bodies' tab of the members screen makes one."""
    if archive.members.bodies():
        return "Velg et utvalg først (b)"
    return "Det finnes ingen utvalg ennå: legg til et under Medlemmer (m), fanen Utvalg (4)"
