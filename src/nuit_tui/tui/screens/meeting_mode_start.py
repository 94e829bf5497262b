"""Opening meeting mode, and with it, on the meeting's day, starting the meeting.

On the meeting's day meeting mode stamps the item it opens on as started, and the
meeting clock runs from that stamp (`domain/meeting_clock.py`). Before anything is
stamped that is the meeting starting, so it is asked first: `m` pressed by mistake
(it is «Medlemmer» in the meetings list) must not start a meeting at 07.45. The
question's «Avbryt» has the focus; Enter or Escape leaves everything as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events

from ...domain.meeting_clock import starts_on_opening
from ...domain.norwegian import kl
from .. import wall_clock
from ..widgets.confirm import ConfirmScreen
from .base import ArchiveScreen


def open_meeting_mode(
    screen: ArchiveScreen, meeting_id: int, item_id: int | None, closed: Callable[[int | None], None] | None = None
) -> None:
    """Meeting mode on `item_id` (else the first item); «Starte møtet nå?» first when opening it starts the meeting.
    `closed` is given the item under way when meeting mode is left (None on another day)."""
    from .meeting_mode import MeetingModeScreen

    def go() -> None:
        screen.app.push_screen(MeetingModeScreen(meeting_id, item_id), closed)

    at = wall_clock.now()
    meeting = screen.archive.meetings.get(meeting_id)
    items = screen.archive.agenda.items(meeting_id)
    shown = [i for i in items if not i.is_break]
    first = next((i for i in shown if i.id == item_id), shown[0] if shown else None)
    if first is None or not starts_on_opening(meeting, items, at):
        go()
        return
    label = screen.archive.agenda.case_label(first)
    what = f"sak {label} {first.title}" if label else f"«{first.title}»"
    question = (
        f"Starte møtet nå?\n\nMøtemodus registrerer da at møte {meeting.ref} begynte {kl(at.time())} "
        f"(planlagt {kl(meeting.start_time)}) med {what}, og møteklokken går fra da.\n\n"
        "Avbryt: tilbake til dagsorden, ingenting registreres."
    )

    def answered(yes: bool | None) -> None:
        if yes:
            go()
        else:
            screen.notify("Møtet er ikke startet")

    # Keys typed before the question is on screen (after a mistaken `m`) are no answer: dropped.
    typed_before: list[events.Key] = []
    screen.app.push_screen(ConfirmScreen(question, yes="Start møtet", no="Avbryt", typed_before_shown=typed_before), answered)
