"""A part of meeting mode: the remarks of the item shown (F2 new, Enter edit, Delete,
Ctrl+↑/↓ move), each a write through the writer; the editor's fields are the screen's."""

from __future__ import annotations

from typing import cast

from ...domain import models as m
from .. import wall_clock
from ..base import nuit_app
from ..widgets.confirm import ConfirmScreen
from ..widgets.fields import Input
from ..widgets.text_field import TextArea
from . import meeting_mode_writes as writes
from .base import ArchiveScreen
from .meeting_mode_widgets import RemarksTable, load_at_end


class RemarkKeys(ArchiveScreen):
    """What MeetingModeScreen does with the remarks (it is one of these)."""

    meeting: m.Meeting
    item: m.AgendaItem | None
    remark: m.Remark | None
    _loading: bool

    def flush(self) -> None:
        raise NotImplementedError

    def _must_choose(self) -> bool:
        raise NotImplementedError

    def _loaded(self) -> None:
        raise NotImplementedError

    def _focus_now(self, selector: str) -> None:
        raise NotImplementedError

    def _view(self) -> writes.MeetingModeView:
        return cast("writes.MeetingModeView", self)  # this part of a MeetingModeScreen, which is one

    def _item_id(self) -> int:
        """The shown item's id: the remarks and presence panes are drawn only while one is shown."""
        if self.item is None:
            raise LookupError("no item is shown")
        return self.item.stored_id

    def _fill_remarks(self, select_id: int | None = None) -> None:
        self.query_one(RemarksTable).fill(self.archive.minutes.remarks(self._item_id()), select_id)

    def _update_remark_row(self, remark: m.Remark) -> None:
        if not self.query_one(RemarksTable).update_remark(remark):  # deleted meanwhile: redraw
            self._fill_remarks(select_id=remark.id)

    def _selected_remark(self) -> m.Remark | None:
        key = self.query_one(RemarksTable).selected_id()
        if key is None:
            return None
        return next((r for r in self.archive.minutes.remarks(self._item_id()) if str(r.id) == key), None)

    def _edit(self, remark: m.Remark) -> None:
        self.flush()
        if self._must_choose():
            return
        self._drop_if_blank()
        self._loading = True
        self.remark = remark
        editor = self.query_one("#mm-remark-editor")
        editor.display = True
        self.query_one("#remark-speaker", Input).value = remark.speaker
        load_at_end(self.query_one("#remark-text", TextArea), remark.text)
        self.call_after_refresh(self._loaded)

    def _drop_if_blank(self) -> None:
        """The editor leaves a remark with neither speaker nor text (F2, then Escape, F2, F8
        or leaving): no empty row is left in its list, as `n` then Escape leaves no item.
        Called after `flush`, so that the writer deletes only after the saves queued."""
        remark = self.remark
        if remark is None or not self.query_one("#mm-remark-editor").display:
            return
        if self.query_one("#remark-speaker", Input).value.strip() or self.query_one("#remark-text", TextArea).text.strip():
            return
        self.remark = None  # a row still being made is dropped as it lands (writes.create_remark)
        if remark.id is not None:
            writes.discard_if_blank(self._view(), remark.stored_id)

    def action_new_remark(self) -> None:
        self.flush()
        if self.item is None or self._must_choose():
            return
        if writes.said_locked(self._view()):  # before an editor opens whose text could never be saved
            return
        now = wall_clock.now()  # when it was said; none when the minutes are written up afterwards
        made_at = now.time().replace(second=0, microsecond=0) if now.date() == self.meeting.date else None
        # The editor opens at once; the row is made by the writer (never waiting here on
        # another program's lock). What is typed before it exists is saved as it lands.
        draft = m.Remark(item_id=self.item.id, made_at=made_at)
        self._edit(draft)
        self._focus_now("#remark-speaker")
        self._create_remark(draft)

    def _create_remark(self, draft: m.Remark) -> None:
        writes.create_remark(self._view(), draft)

    def action_edit_remark(self) -> None:
        remark = self._selected_remark()
        if remark is not None:
            self._edit(remark)
            self._focus_now("#remark-text")

    def action_delete_remark(self) -> None:
        remark = self._selected_remark()
        if remark is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            what = f"innspillet fra {remark.speaker or 'ukjent'}"
            remember, undo = nuit_app(self).remember_deletion, self.archive.undo

            def deleted(_) -> None:
                if self.remark is not None and self.remark.id == remark.id:
                    self.remark = None
                    self.query_one("#mm-remark-editor").display = False
                self._fill_remarks()
                self.notify(f"Innspillet fra {remark.speaker or 'ukjent'} er slettet")

            self.write(lambda: remember(undo.delete_remark(remark.stored_id, what)), deleted)

        self.app.push_screen(ConfirmScreen(f"Slette innspillet fra {remark.speaker or 'ukjent'}?"), confirmed)

    def action_move_remark(self, delta: int) -> None:
        remark = self._selected_remark()
        if remark is not None:
            minutes = self.archive.minutes
            self.write(lambda: minutes.move_remark(remark.stored_id, delta), lambda _: self._fill_remarks(select_id=remark.id))

