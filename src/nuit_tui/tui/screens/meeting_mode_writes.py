"""Meeting mode's writes: the versioned saves of typed text, the lock, and the writes
that land later.

They are handed to the writer thread (`tui/writes.py`), so moving on to an item or
opening a remark never waits on another program's lock; what they return is applied to
the screen when it comes back, if the screen still shows what the write was for.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any, Protocol

from ... import errors
from ...domain import models as m
from ...domain.norwegian import ParseError
from ...errors import StoreError
from ...services.concurrency import remark_of, save_item_text
from ..widgets.conflict import LeftBehind, VersionedForm
from ..widgets.fields import Input
from ..widgets.text_field import TextArea
from ..writes import submit_write


class MeetingModeView(Protocol):
    """What these writes read and call on the meeting-mode screen."""

    meeting_id: int
    locked: bool
    item: m.AgendaItem | None
    remark: m.Remark | None
    items_now: list[m.AgendaItem]
    _typed_into_draft: dict[int, dict[str, str]]
    remark_versions: VersionedForm

    @property
    def app(self) -> Any: ...
    @property
    def archive(self) -> Any: ...
    @property
    def is_mounted(self) -> bool: ...
    @property
    def is_attached(self) -> bool: ...
    def notify(self, message: str, *, severity: Any = ...) -> None: ...
    def set_timer(self, delay: float, callback: Any) -> Any: ...
    def save_remark(self) -> None: ...
    def _show_presence(self) -> None: ...
    def _not_saved(self, exc: Exception) -> None: ...
    def _fill_remarks(self, select_id: int | None = None) -> None: ...
    def _create_remark(self, draft: m.Remark) -> None: ...
    def flush(self) -> None: ...
    def show_item(self, item_id: int) -> None: ...
    def write(self, fn: Any, then: Any = None, *, failed: Any = None) -> Any: ...


def take_up(screen: MeetingModeView, item_id: int, previous_id: int | None, at: dt.datetime) -> None:
    """Stamp when the item left ends and this one starts (the service's rule: on the
    meeting's day only)."""
    archive = screen.archive

    def mark() -> m.AgendaItem:
        item: m.AgendaItem = archive.minutes.take_up_item(item_id, previous_id=previous_id, now=at)
        return item

    async def landed() -> None:
        try:
            marked = await asyncio.wrap_future(submit_write(screen.app, mark))
        except StoreError as exc:  # not the guard: a warning that names what was not stamped
            screen.notify(f"Tidspunktet for saken ble ikke registrert: {exc}", severity="warning")
            return
        item = screen.item
        # Only over the version it was stamped on; a text save since merges by itself.
        if item is not None and item.id == marked.id and item.row_version + 1 == marked.row_version:
            screen.item = marked
        # Presence and the clock go by the times just stamped, not the planned ones.
        screen.items_now = archive.agenda.items(screen.meeting_id)
        if screen.item is not None and screen.is_mounted:
            screen._show_presence()

    asyncio.get_running_loop().create_task(landed())


def create_remark(screen: MeetingModeView, draft: m.Remark) -> None:
    """Make the remark's row; the editor is open meanwhile, and what is typed into it
    before the row exists is saved as it lands."""
    archive = screen.archive

    async def created() -> None:
        try:
            remark = await asyncio.wrap_future(submit_write(screen.app, lambda: archive.minutes.add_remark(draft)))
        except StoreError as exc:
            if screen.remark is draft and screen.is_attached:
                # Kept in the editor; the row is made once the file is free (another
                # refusal, such as minutes locked meanwhile, is told, not tried again).
                screen._not_saved(exc)
                if not isinstance(exc, errors.DatabaseBusy):
                    return
                screen.set_timer(1.0, lambda: screen._create_remark(draft) if screen.remark is draft else None)
                return
            # Moved on first: the remark, with what was typed into it, is made all the same.
            meanwhile = screen._typed_into_draft.pop(id(draft), {})
            create_left_behind(screen.app, archive, draft.model_copy(update=meanwhile), exc)
            return
        typed = screen._typed_into_draft.pop(id(draft), None)
        if screen.remark is not draft or not screen.is_attached:
            # Moved on before it landed: what was typed into it goes in now; nothing, and the row goes.
            if typed and (typed["speaker"].strip() or typed["text"].strip()):
                write_typed(screen, remark.model_copy(update=typed))
            else:
                discard_if_blank(screen, remark.stored_id)
            return
        screen.remark = remark
        screen._fill_remarks(select_id=remark.id)
        screen.save_remark()  # what was typed meanwhile

    asyncio.get_running_loop().create_task(created())


def discard_if_blank(screen: MeetingModeView, remark_id: int) -> None:
    """Delete a remark left with neither speaker nor text; the list drops its row. The
    service looks again on the writer, after the saves queued before: one typed into
    meanwhile stays."""
    minutes = screen.archive.minutes

    def dropped(gone: bool) -> None:
        if gone and screen.item is not None:
            screen._fill_remarks()

    screen.write(lambda: minutes.discard_if_blank(remark_id), dropped)


def create_left_behind(app: Any, archive: Any, remark: m.Remark, error: StoreError) -> None:
    """A new remark whose row was refused after the user moved on: tried again while the
    file is busy, else told with its text; on the app, as the screen may be gone."""
    if not isinstance(error, errors.DatabaseBusy):
        app.notify(f"Innspillet ble ikke lagret: {error}. Det du skrev: {remark.speaker}: {remark.text}", severity="error", timeout=60)
        return

    async def again() -> None:
        try:
            await asyncio.wrap_future(submit_write(app, lambda: archive.minutes.add_remark(remark)))
        except StoreError as exc:
            create_left_behind(app, archive, remark, exc)

    app.set_timer(1.0, again)


def write_typed(screen: MeetingModeView, remark: m.Remark) -> None:
    """Save what was typed into a new remark the screen has moved away from before its
    row was made (see create_remark): retried, or asked about, on the app (LeftBehind)."""
    stored = screen.archive.minutes.remarks(remark.item_id)
    base = next((r for r in stored if r.id == remark.id), None)
    if base is None:
        return  # deleted meanwhile
    LeftBehind(screen.remark_versions, base, {"speaker": remark.speaker, "text": remark.text}).save()


def versioned_forms(screen: Any) -> tuple[VersionedForm, VersionedForm]:
    """The item's text and the open remark, each saved against the row version the screen
    read: another window's change to another field is merged, one to the same field asked.
    (`screen` is the meeting-mode screen; typed loosely, as importing it here would make a cycle.)"""
    item_versions = VersionedForm(
        screen,
        "item",
        what="Saken",
        labels={"narrative": "Referat", "decision": "Vedtak"},
        read=lambda: {name: screen.query_one(f"#{name}", TextArea).text for name in ("narrative", "decision")},
        show=screen._show_stored_text,
        load=lambda item_id: screen.archive.agenda.item(item_id),
        write=lambda item: save_item_text(screen.archive, item),
        saved=screen._saved_after_conflict,
        failed=screen._not_saved,
    )
    remark_versions = VersionedForm(
        screen,
        "remark",
        what="Innspillet",
        labels={"speaker": "Hvem", "text": "Innspill"},
        read=lambda: {
            "speaker": screen.query_one("#remark-speaker", Input).value.strip(),
            "text": screen.query_one("#remark-text", TextArea).text,
        },
        show=screen._show_stored_remark,
        load=lambda remark_id: remark_of(screen.archive, remark_id),
        write=lambda remark: screen.archive.minutes.update_remark(remark),
        saved=screen._saved_after_conflict,
        failed=screen._not_saved,
    )
    return item_versions, remark_versions


def said_locked(screen: MeetingModeView) -> bool:
    """Whether the minutes are locked (read as the item is shown, on Ctrl+U and on another
    window's commit), said when they are: a key that would record something is refused at
    once, before an editor or a form opens whose text could never be saved."""
    if screen.locked:
        screen.notify("Referatet er godkjent og låst; Ctrl+U låser opp (begrunnelsen registreres)", severity="warning")
    return screen.locked


def unlock_or_relock(screen: MeetingModeView) -> None:
    """Unlock approved minutes with a reason (recorded), or lock them again."""
    archive, meeting_id = screen.archive, screen.meeting_id
    if not archive.lock.is_locked(meeting_id):
        if archive.meetings.get(meeting_id).status is m.MeetingStatus.MINUTES_APPROVED:
            screen.flush()  # queued first: what is typed is in before the lock

            def relocked(_: object) -> None:
                screen.notify("Referatet er låst igjen")
                if screen.item is not None:
                    screen.show_item(screen.item.stored_id)

            screen.write(lambda: archive.lock.relock(meeting_id), relocked)
        else:
            screen.notify("Referatet er ikke godkjent, og derfor ikke låst")
        return
    from .unlock_form import UnlockFormScreen

    def given(reason: str | None) -> None:
        if reason is None:
            return

        def unlocked(_: object) -> None:
            screen.notify("Referatet er låst opp; opplåsingen er registrert")
            if screen.item is not None:
                screen.show_item(screen.item.stored_id)

        def refused(exc: Exception) -> None:
            if not isinstance(exc, StoreError | ParseError):
                raise exc
            screen.notify(str(exc), severity="error")

        screen.write(lambda: archive.lock.unlock(meeting_id, reason), unlocked, failed=refused)

    screen.app.push_screen(UnlockFormScreen(), given)
