"""A part of meeting mode: the keys that change an item's state (F6 defer, F9 withdraw),
each a confirmed choice and one write through the writer."""

from __future__ import annotations

from ...domain import models as m
from ..widgets.confirm import ConfirmScreen
from .base import ArchiveScreen


class ItemStateKeys(ArchiveScreen):
    """What MeetingModeScreen does on F6 and F9 (it is one of these)."""

    meeting_id: int
    meeting: m.Meeting
    item: m.AgendaItem | None

    def _fill_agenda(self) -> None:
        raise NotImplementedError

    def show_item(self, item_id: int) -> None:
        raise NotImplementedError

    def action_defer(self) -> None:
        if self.item is None:
            return
        from .meeting_picker import NEXT_UNPLANNED, MeetingPickerScreen

        item = self.item

        def picked(meeting_id: int | None) -> None:
            if meeting_id is None:
                return
            minutes = self.archive.minutes

            def deferred(copy: m.AgendaItem | None) -> None:
                if copy is None:
                    self.notify(f"{self.archive.agenda.case_label(item)} er utsatt til neste møte; den settes opp når møtet opprettes")
                else:
                    target = self.archive.meetings.get(copy.meeting_id)
                    self.notify(f"{self.archive.agenda.case_label(item)} er utsatt til møte {target.ref}")
                self._fill_agenda()
                self._show_again(item.stored_id)

            if meeting_id == NEXT_UNPLANNED:
                self.write(lambda: (minutes.defer_to_next_meeting(item.stored_id), None)[1], deferred)
            else:
                self.write(lambda: minutes.defer_item(item.stored_id, meeting_id), deferred)

        self.app.push_screen(
            MeetingPickerScreen(
                self.meeting, exclude_meeting_id=self.meeting_id, later_only=True, title="Utsett til møte", offer_unplanned=True
            ),
            picked,
        )

    def action_withdraw(self) -> None:
        if self.item is None:
            return
        item = self.item

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return

            def withdrawn(_) -> None:
                self._fill_agenda()
                self._show_again(item.stored_id)
                self.notify(f"{self.archive.agenda.case_label(item)} er trukket")

            minutes = self.archive.minutes
            self.write(lambda: minutes.withdraw_item(item.stored_id), withdrawn)

        self.app.push_screen(ConfirmScreen(f"Trekke sak {self.archive.agenda.case_label(item)} {item.title}?"), confirmed)

    def _show_again(self, item_id: int) -> None:
        """Redraw an item a write has changed, if it is still the one shown."""
        if self.item is not None and self.item.id == item_id:
            self.show_item(item_id)

