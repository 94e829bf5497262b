"""The line over a meeting that is out on a laptop («Møtet er tatt ut til … av …
kl. …»), and choosing, field by field, between the laptop's and the archive's value
where a checkin found both changed: the same Ctrl+B/Ctrl+T question as two windows
editing one field (widgets/conflict.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.screen import Screen

from ...services.checkouts import PendingConflict
from ...services.concurrency import FieldConflict
from ..base import guard, nuit_app
from ..text import Static
from ..writes import submit_write
from .conflict_question import ConflictScreen


class CheckoutBanner(Static):
    """Hidden while the meeting is not out and no conflict waits."""

    DEFAULT_CSS = """
    CheckoutBanner { background: $warning 25%; color: $text; padding: 0 1; display: none; }
    """

    def show_lines(self, lines: list[str]) -> None:
        self.update("\n".join(lines))
        self.display = bool(lines)


def checkin_question(conflict: PendingConflict) -> ConflictScreen:
    return ConflictScreen(
        conflict.what,
        [FieldConflict(conflict.field, conflict.base, conflict.laptop, conflict.shared)],
        {conflict.field: conflict.label},
        question="er endret både på den bærbare og i arkivet siden møtet ble tatt ut.",
        names=("Bærbar", "Arkivet"),
        buttons=("Behold bærbar", "Ta arkivets"),
    )


def settle_checkin_conflicts(screen: Screen, meeting_id: int, done: Callable[[], None]) -> None:
    """Put each waiting conflict of the meeting to the user in turn; Escape stops."""
    archive = nuit_app(screen).archive
    conflicts = archive.checkouts.conflicts(meeting_id)
    if not conflicts:
        screen.notify("Ingen konflikter fra innsjekking venter")
        return

    def ask(index: int) -> None:
        if index >= len(conflicts):
            done()
            return
        conflict = conflicts[index]

        def chosen(keep_laptop: bool | None) -> None:
            if keep_laptop is None:
                done()
                return
            screen.run_worker(settle(conflict, keep_laptop, index), group="checkin-conflicts")

        screen.app.push_screen(checkin_question(conflict), chosen)

    async def settle(conflict: PendingConflict, keep_laptop: bool, index: int) -> None:
        with guard(screen):
            await asyncio.wrap_future(
                submit_write(screen.app, lambda: archive.checkouts.resolve(conflict.id, keep_laptop=keep_laptop))
            )
        ask(index + 1)

    ask(0)
