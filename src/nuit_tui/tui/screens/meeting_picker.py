"""Pick another meeting of the same body (to move an item to)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets.option_list import Option

from ...domain import labels
from ...domain import models as m
from ...domain.meetings import comes_after, is_preparing
from ...domain.norwegian import long_date
from ..base import key_id, nuit_app
from ..text import OptionList, Static, markup

# The answer «the next meeting, not yet planned» (no meeting has id 0).
NEXT_UNPLANNED = 0


class MeetingPickerScreen(ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "dismiss_none", "Avbryt")]
    DEFAULT_CSS = """
    MeetingPickerScreen { align: center middle; }
    MeetingPickerScreen > Vertical { width: 70; height: auto; max-height: 80%; border: thick $primary; background: $panel; padding: 0 1; }
    MeetingPickerScreen OptionList { height: auto; max-height: 20; }
    """

    def __init__(
        self,
        meeting: m.Meeting,
        *,
        exclude_meeting_id: int | None = None,
        later_only: bool = False,
        title: str = "Flytt til møte",
        offer_unplanned: bool = False,
    ):
        super().__init__()
        self.meeting = meeting
        self.exclude_meeting_id = exclude_meeting_id
        self.later_only = later_only
        self.heading = title
        # Deferral may go to «the next meeting» before it exists: answered with NEXT_UNPLANNED.
        self.offer_unplanned = offer_unplanned

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(markup("[b]$title[/b] (Enter velger, Escape avbryter)", title=self.heading))
            yield OptionList(id="meetings")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        # Kommende møter i samme utvalg: the newest pages hold them.
        for meeting in nuit_app(self).archive.meetings.page(self.meeting.body_id, limit=40):
            if meeting.id == self.exclude_meeting_id or not is_preparing(meeting.status):
                continue
            if self.later_only and not comes_after(meeting, self.meeting):
                continue
            options.add_option(
                Option(f"{meeting.ref}  {long_date(meeting.date)}  ({labels.MEETING_STATUS[meeting.status]})", id=str(meeting.id))
            )
        if self.offer_unplanned:
            options.add_option(Option("Neste møte (ikke planlagt ennå)", id=str(NEXT_UNPLANNED)))
        if not options.option_count:
            options.add_option(Option("Ingen kommende møter – opprett et nytt møte først", disabled=True))
        else:
            options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(key_id(event.option.id))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
