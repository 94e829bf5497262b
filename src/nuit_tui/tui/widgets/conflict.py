"""A record edited in a form while another window may change it too.

`VersionedForm` keeps the version the user started from, saves only what the
user changed (merged with other windows' changes to other fields), shows other
windows' changes in untouched fields, and when both changed the same field asks
with `ConflictScreen` (`conflict_question.py`): keep mine (written over a fresh read)
or take theirs.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Callable
from typing import Any

from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen

from ... import errors
from ...domain.norwegian import ParseError
from ...errors import StoreError
from ...services.concurrency import EditConflict, changes_from, conflicts_between, overwrite, save_merged
from ..writes import redraw_what_is_shown, submit_write
from .conflict_question import ConflictScreen, shown_value

QUIET_SECONDS = 1.0  # no typing for this long before the question is put
RETRY_SECONDS = 1.0  # the file stayed locked past the busy timeout: try again after this
BUSY_MESSAGE = (
    "Filen er låst av et annet program (f.eks. en eksport). Teksten din er beholdt her"
    " og lagres så snart filen er ledig."
)


class VersionedForm:
    """The versioned record behind a screen's fields.

    read() gives the fields' current values (may raise ParseError); show(name, value)
    puts a stored value in its widget; load(id) reads the stored record; the record
    itself lives in the screen's attribute `attr`, so the screen's own code keeps using it.

    Saving never waits on the event loop (store/writer.py): `save` queues the write on
    the app's writer and returns; `saved(message)` or `failed(exc)` is called when the
    writer has answered. One save at a time is on its way; keys typed meanwhile are
    saved right after it, and `settled()` is called when none is left on its way. When another program holds the file's lock past the busy
    timeout, the text stays in the fields and is saved again a little later.
    """

    def __init__(
        self,
        screen: Screen,
        attr: str,
        *,
        what: str,
        labels: dict[str, str],
        read: Callable[[], dict[str, Any]],
        show: Callable[[str, Any], None],
        load: Callable[[int], Any],
        write: Callable[[Any], Any],
        saved: Callable[[str | None], None],
        failed: Callable[[Exception], None],
        settled: Callable[[], None] | None = None,
    ):
        self.screen = screen
        self.attr = attr
        self.what = what
        self.labels = labels
        self.read, self.show, self.write = read, show, write
        self._load = load
        self.saved, self.failed, self.settled = saved, failed, settled
        self.asking = False
        self.unsaved = False  # the last save failed: what is typed is not in the file
        self._on_its_way: asyncio.Task | None = None
        self._again = False
        # The record and values of a save asked for while one was on its way: if the user
        # moves on (another remark, another item) before it goes, it is still written.
        self._pending: tuple[Any, dict[str, Any]] | None = None
        self._left: LeftBehind | None = None
        self._retry: Any = None

    @property
    def base(self):
        return getattr(self.screen, self.attr)

    @base.setter
    def base(self, record) -> None:
        setattr(self.screen, self.attr, record)

    def load(self) -> Any:
        return self._load(self.base.id)

    @property
    def saving(self) -> bool:
        """A save is on its way to the writer (its answer comes through saved/failed)."""
        return self._on_its_way is not None

    def save(self, values: dict[str, Any] | None = None, *, message: str | None = None) -> bool:
        """Queue the user's changes for the writer; False while a conflict waits for the
        user's choice. What the writer answers comes back through saved/failed."""
        if self.asking or self.base is None:
            return not self.asking
        if self.base.id is None:
            return True  # the row is still being made: its landing saves what is typed
        values = self.read() if values is None else values
        if self._on_its_way is not None:
            self._again = True  # saved as soon as the one on its way is in
            self._pending = (self.base, values)
            return True
        changes = changes_from(self.base, values)
        if not changes:
            return True
        base, load = self.base, self._load
        job = functools.partial(save_merged, base, changes, load=lambda: load(base.id), save=self.write)
        self._on_its_way = asyncio.get_running_loop().create_task(self._land(job, base, values, message))
        return True

    async def _land(self, job: Callable[[], Any], base: Any, values: dict[str, Any], message: str | None) -> None:
        stored = None
        try:
            stored = await self._answered(job, base, values, message)
        except NoMatches:
            pass  # the screen was closing as the answer came: the write is in, nothing to show it on
        finally:
            self._on_its_way = None
            pending, self._pending = self._pending, None
            left, self._left = self._left, None
            if pending is not None and not (self.screen.is_attached and self._same(pending[0])):
                # The user moved on (or closed the screen) with keys typed after the save
                # that was on its way: they are written all the same, over what that save left.
                self._again = False
                if left is not None and left.base.id == pending[0].id:
                    left.values = pending[1]  # that save was refused: its retry or question takes the newer text
                else:
                    written = stored if stored is not None and stored.id == pending[0].id else pending[0]
                    LeftBehind(self, written, pending[1]).save()
            elif self._again and self.screen.is_attached:
                self._again = False
                self._save_quietly()
            # `saved` ran with this save still on its way: a status that waits for the last
            # one (the item form's «Alt er lagret») is told here, after the one sent on too.
            if not self.saving and self.settled is not None and self.screen.is_attached:
                self.settled()

    async def _answered(self, job: Callable[[], Any], base: Any, values: dict[str, Any], message: str | None) -> Any:
        """The writer's answer to one save, shown on the screen; the stored record, or None."""
        app = self.screen.app
        try:
            stored = await asyncio.wrap_future(submit_write(app, job))
            redraw_what_is_shown(app, unless=self.screen)  # closed or closing meanwhile: the screen below shows it
            if not self.screen.is_attached:
                return stored
        except (StoreError, ValueError) as exc:
            if not (self.screen.is_attached and self._same(base)):
                # Refused after the user moved on or closed the screen: told, retried, or
                # asked about on the app, never dropped (see LeftBehind). Told with the
                # newest text: keys typed after this save was queued wait in `_pending`.
                pending = self._pending
                newest = pending[1] if pending is not None and pending[0].id == base.id else values
                self._left = LeftBehind(self, base, newest)
                self._left.refused(exc)
                return None
            self._refused(exc)
            return None
        self.unsaved = False
        if self._same(base):
            self.base = stored
            # Keys typed since this save was queued stay: only fields unchanged since show the stored value.
            now = self._values_or_none() or {}
            self._show_stored({name: value for name, value in values.items() if now.get(name) == value})
        self.saved(message)
        return stored

    def _refused(self, exc: Exception) -> None:
        """A refusal of a save of what is on screen now."""
        if isinstance(exc, EditConflict):
            self._ask(exc)
            return
        self.unsaved = True
        if isinstance(exc, errors.DatabaseBusy):
            self.failed(errors.DatabaseBusy(BUSY_MESSAGE))
            self._try_again_later()
        else:
            self.failed(exc)

    def _same(self, base: Any) -> bool:
        return self.base is not None and self.base.id == base.id

    def _save_quietly(self) -> None:
        try:
            self.save()
        except ParseError:
            pass  # mid-way through a field: the screen's own save says so
        except StoreError as exc:
            self.failed(exc)

    def _try_again_later(self) -> None:
        if self._retry is None:

            def again() -> None:
                self._retry = None
                self._save_quietly()

            self._retry = self.screen.set_timer(RETRY_SECONDS, again)

    async def settle(self) -> bool:
        """Wait (without blocking the loop) until the saves on their way are in; True if
        all is stored and no question is pending."""
        while self._on_its_way is not None:
            await asyncio.shield(self._on_its_way)
        return not self.asking and not self.unsaved

    def refresh(self) -> bool:
        """Another window committed: save what is pending, else show its version. True if fields changed."""
        if self.asking or self.base is None or self.base.id is None:
            return False
        try:
            values = self.read()
        except ParseError:
            return False  # the user is mid-way through a field; the save will tell
        if changes_from(self.base, values) or self._on_its_way is not None:
            try:
                self.save(values)
            except StoreError as exc:
                self.failed(exc)
            return True
        fresh = self.load()
        if fresh.row_version == self.base.row_version:
            return False
        self.base = fresh
        self._show_stored(values)
        return True

    def _show_stored(self, values: dict[str, Any]) -> None:
        """Fields the user did not change but another window did: show the stored value."""
        for name, value in values.items():
            stored = getattr(self.base, name)
            if value != stored:
                self.show(name, stored)

    # --- asking -------------------------------------------------------------------------
    # The question waits until the user stops typing (QUIET_SECONDS): a dialog that
    # popped up mid-word would swallow the next keys. Until then nothing is saved,
    # and the screen says why.

    def _ask(self, conflict: EditConflict) -> None:
        self.asking = True
        self.dialog_open = False
        self._typed = self._values_or_none()
        self._quiet_since = time.monotonic()
        self.screen.notify(f"{self.what} er endret i et annet vindu; du blir spurt når du tar en pause", severity="warning")
        self._timer = self.screen.set_interval(0.25, self._when_quiet)

    def _values_or_none(self) -> dict[str, Any] | None:
        try:
            return self.read()
        except ParseError:
            return None

    def _when_quiet(self) -> None:
        values = self._values_or_none()
        now = time.monotonic()
        if values != self._typed:
            self._typed, self._quiet_since = values, now
            return
        if now - self._quiet_since >= QUIET_SECONDS and self.screen.is_current:
            self.ask_now()

    def ask_now(self) -> bool:
        """Put the question now (leaving the screen or the item); False if none is pending."""
        if not self.asking:
            return False
        if self.dialog_open:
            return True
        self._timer.stop()
        try:
            values = self.read()
            changes = changes_from(self.base, values)
            theirs = self.load()
            conflicts = conflicts_between(self.base, theirs, changes)
        except (StoreError, ParseError) as exc:
            self.asking = False
            self.failed(exc)
            return True
        if not conflicts:  # the clash went away meanwhile (the same text, or undone): merge
            self.asking = False
            try:
                self.save(values)
            except StoreError as exc:
                self.failed(exc)
            return True
        self.dialog_open = True
        fields = {c.field for c in conflicts}

        def chosen(keep_mine: bool | None) -> None:
            self.asking = self.dialog_open = False
            try:
                self._resolve(bool(keep_mine), fields)
            except (StoreError, ParseError) as exc:
                self.failed(exc)

        self.screen.app.push_screen(ConflictScreen(self.what, conflicts, self.labels), chosen)
        return True

    def _resolve(self, keep_mine: bool, fields: set[str]) -> None:
        values = self.read()
        if keep_mine:
            base, load = self.base, self._load
            job = functools.partial(overwrite, changes_from(base, values), load=lambda: load(base.id), save=self.write)
            self._on_its_way = asyncio.get_running_loop().create_task(self._land(job, base, values, "Din versjon er lagret"))
            return
        fresh = self.load()
        for name, value in list(values.items()):
            untouched = value == getattr(self.base, name)
            if name in fields or untouched:
                values[name] = getattr(fresh, name)
                if value != values[name]:
                    self.show(name, values[name])
        self.base = fresh
        # The user's changes to other fields still count: merged as usual.
        if not changes_from(fresh, values):
            self.saved("Den andre versjonen er beholdt")
        else:
            self.save(values, message="Den andre versjonen er beholdt")


class LeftBehind:
    """Changes to a record the user has left (another remark or item, or the screen
    closed) whose save is still to be done, or was refused after they moved on.

    Nothing is dropped: a busy file is tried again each RETRY_SECONDS until the save is
    in (said once, and again when it is in); a clash with another window is put to the
    user with the same question as on the screen, when they next pause in their typing;
    any other refusal is told on the app with the text, so it can be typed again.
    """

    def __init__(self, form: VersionedForm, base: Any, values: dict[str, Any]):
        self.app = form.screen.app
        self.what, self.labels = form.what, form.labels
        self._load, self._write = form._load, form.write
        self.base, self.values = base, values
        self._told_busy = False

    def save(self) -> None:
        changes = changes_from(self.base, self.values)
        if changes:
            base, load = self.base, self._load
            self._submit(functools.partial(save_merged, base, changes, load=lambda: load(base.id), save=self._write))

    def _submit(self, job: Callable[[], Any]) -> None:
        def answered(landed: asyncio.Future) -> None:
            error = landed.exception()
            if error is None:
                redraw_what_is_shown(self.app)
                if self._told_busy:
                    self.app.notify(f"{self.what} du skrev i sted, er lagret nå")
            elif isinstance(error, StoreError | ValueError):
                self.refused(error)
            else:
                self.app.notify(f"{self.what} ble ikke lagret: {error}", severity="error", timeout=30)

        asyncio.wrap_future(submit_write(self.app, job)).add_done_callback(answered)

    def refused(self, exc: Exception) -> None:
        if isinstance(exc, EditConflict):
            self._ask_when_quiet(exc)
        elif isinstance(exc, errors.DatabaseBusy):
            if not self._told_busy:
                self._told_busy = True
                self.app.notify(f"{self.what} du skrev i sted, venter på at filen blir ledig; den lagres da", severity="warning")
            self.app.set_timer(RETRY_SECONDS, self.save)
        else:
            typed = "; ".join(shown_value(v) for k, v in self.values.items() if v != getattr(self.base, k, None))
            self.app.notify(f"{self.what} ble ikke lagret: {exc}. Det du skrev: {typed}", severity="error", timeout=60)

    # --- the question, at the first pause in the typing ----------------------------------

    def _ask_when_quiet(self, conflict: EditConflict) -> None:
        self.conflict = conflict
        self._seen = self._typing()
        self._quiet_since = time.monotonic()
        self.app.notify(f"{self.what} du skrev i sted, er endret i et annet vindu; du blir spurt når du tar en pause", severity="warning")
        self._timer = self.app.set_interval(0.25, self._when_quiet)

    def _typing(self) -> tuple[int, Any]:
        """What the focused field holds: it changes while the user types."""
        focused = self.app.focused
        return id(focused), getattr(focused, "text", getattr(focused, "value", None))

    def _when_quiet(self) -> None:
        seen, now = self._typing(), time.monotonic()
        if seen != self._seen:
            self._seen, self._quiet_since = seen, now
            return
        if now - self._quiet_since < QUIET_SECONDS or isinstance(self.app.screen, ModalScreen):
            return
        self._timer.stop()
        changes = changes_from(self.base, self.values)
        try:
            theirs = self._load(self.base.id)
        except StoreError as exc:
            self.refused(exc)
            return
        conflicts = conflicts_between(self.base, theirs, changes)
        if not conflicts:  # the clash went away meanwhile: merge as usual
            self.save()
            return

        def chosen(keep_mine: bool | None) -> None:
            if keep_mine:
                load, record_id = self._load, self.base.id
                self._submit(functools.partial(overwrite, changes, load=lambda: load(record_id), save=self._write))
            else:
                self.app.notify("Den andre versjonen er beholdt")

        self.app.push_screen(ConflictScreen(self.what, conflicts, self.labels), chosen)
