"""Meeting mode: the secretary types the minutes while people talk.

One item at a time, its proposal in view; remarks, narrative and decision are
saved as they are typed. Function keys do the frequent things so that they work
whichever field has focus.
"""

from __future__ import annotations

import datetime as dt
import time

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Header

from ...domain import labels
from ...domain import models as m
from ...domain.meeting_clock import item_elapsed, meeting_elapsed
from ...errors import StoreError
from .. import wall_clock
from ..base import nuit_app
from ..text import OptionList, Static, markup
from ..widgets.autosave import Autosave
from ..widgets.checkout_banner import CheckoutBanner
from ..widgets.completion import NameInput
from ..widgets.fields import Input
from ..widgets.footer import Footer
from ..widgets.text_field import TextArea
from . import meeting_mode_writes as writes
from .meeting_mode_item_state import ItemStateKeys
from .meeting_mode_remarks import RemarkKeys
from .meeting_mode_widgets import (
    MEETING_MODE_KEYS,
    DecisionDiff,
    ItemMinutes,
    MeetingAgenda,
    RemarksTable,
    clock_line,
    follow_ups_text,
    item_heading,
    load_at_end,
    load_keeping_cursor,
    locked_line,
    presence_text,
    resumed_text,
    show_line,
)


class MeetingModeScreen(RemarkKeys, ItemStateKeys):
    # What the agenda list's glyphs mean, listed by F1.
    LEGEND = labels.ITEM_MARKS_LEGEND

    BINDINGS = MEETING_MODE_KEYS
    CSS_PATH = "meeting_mode.tcss"
    # A laptop's 80×24: the agenda narrower and the fields lower (meeting_mode.tcss), so that
    # the item's title, «Forslag», «Referat», the remarks and «Vedtak» are all in view.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (28, "-tall")]

    def __init__(self, meeting_id: int, item_id: int | None = None):
        super().__init__()
        self.meeting_id = meeting_id
        self.start_item_id = item_id
        self.item: m.AgendaItem | None = None
        # The proposal shown, as last read: the diff compares with it, not with `item`, which
        # stays the version typed over while a save of this screen's fields is on its way.
        self.proposal = ""
        self.locked = False  # the minutes are approved and locked (set as an item is shown)
        self.remark: m.Remark | None = None
        # What was typed into a new remark whose row the writer has not made yet.
        self._typed_into_draft: dict[int, dict[str, str]] = {}
        self._loading = True
        self.item_autosave = Autosave(self, self.save_item)
        self.remark_autosave = Autosave(self, self.save_remark)
        # Another window may write the same item or remark: merge, or ask when both changed a field.
        self.item_versions, self.remark_versions = writes.versioned_forms(self)
        self.item_since = wall_clock.now()  # when the item shown was taken up

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="mm-status", classes="screen-title")
        yield CheckoutBanner(id="checkout-banner")
        with Horizontal():
            yield MeetingAgenda(id="mm-agenda")
            yield ItemMinutes(id="mm-main")
        yield Footer()

    def on_mount(self) -> None:
        self.meeting = self.archive.meetings.get(self.meeting_id)
        self.today = wall_clock.now().date() == self.meeting.date
        self.items_now = self.archive.agenda.items(self.meeting_id)  # the stamps the clock counts from
        # Minutes written up on another day: the clock counts from the first opening this session.
        nuit_app(self).meeting_clocks.setdefault(self.meeting_id, time.monotonic())
        self.query_one("#remark-speaker", NameInput).set_names(self.archive.minutes.speaker_names(self.meeting_id))
        self.query_one("#mm-remark-editor").display = False
        self._fill_agenda()
        self._show_checkout()
        # The item chosen; else, in a meeting under way (restarted after a crash), the item it is on.
        first, resumed = self.archive.minutes.where_to_open(self.meeting_id, self.start_item_id, wall_clock.now())
        if first is not None:
            self.show_item(first.stored_id)
        if first is not None and resumed is not None:  # its clock runs on from when the meeting took it up
            self.item_since = resumed.since
            self.notify(resumed_text(self.archive.agenda.case_label(first), first, resumed.since))
        self.set_interval(1, self._tick)
        self._tick()

    # --- the agenda and the current item ---------------------------------------------------

    def _fill_agenda(self) -> None:
        self.query_one(MeetingAgenda).fill(self.archive.agenda.for_meeting(self.meeting_id).rows)

    def _item_ids(self) -> list[int]:
        return [e.stored_id for e in self.archive.agenda.items(self.meeting_id) if not e.is_break]

    def show_item(self, item_id: int) -> None:
        self.flush()
        if self._must_choose():
            return
        editor = self.query_one("#mm-remark-editor")
        if editor.display:  # the remark written is the last item's (saved by flush): closed, not carried over
            self._drop_if_blank()
            editor.display = False
            self.remark = None
        self._loading = True
        previous = self.item
        item = self.archive.agenda.item(item_id)
        if self.today:
            self._take_up(item_id, previous.id if previous is not None else None)
        self.item = item
        if previous is None or previous.id != item.id:  # shown again (unlocked, say): its clock runs on
            self.item_since = wall_clock.now()
        self._show_heading(item)
        self._show_presence()
        for name in ("narrative", "decision"):
            load_at_end(self.query_one(f"#{name}", TextArea), getattr(item, name))
        self._show_lock()
        self._fill_remarks()
        self._show_diff()
        self._show_follow_ups()
        self.query_one(MeetingAgenda).highlight_item(item_id)
        self.query_one("#save-state", Static).update("")
        self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    def _show_heading(self, item: m.AgendaItem) -> None:
        """What the item screen edits and meeting mode only shows: title, type, presenters, proposal."""
        presenters = ", ".join(p.name for p in self.archive.agenda.item_people(item.stored_id, m.PersonRole.PRESENTER))
        self.query_one("#mm-title", Static).update(item_heading(self.archive.agenda.case_label(item), item, presenters))
        self.proposal = item.proposed_decision
        self.query_one("#mm-proposal", Static).update(item.proposed_decision or "(ingen forslag)")

    def _take_up(self, item_id: int, previous_id: int | None) -> None:
        """Stamp when items end and start, on the writer: moving on never waits on a lock."""
        writes.take_up(self, item_id, previous_id, wall_clock.now())

    def action_step(self, delta: int) -> None:
        ids = self._item_ids()
        if self.item is None or not ids:
            return
        index = ids.index(self.item.id) + delta if self.item.id in ids else 0
        if 0 <= index < len(ids):
            self.show_item(ids[index])
            self._focus_now("#narrative")

    @on(OptionList.OptionSelected, "#mm-agenda")
    def _agenda_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.show_item(int(event.option.id))
            self._focus_now("#narrative")

    def _tick(self) -> None:
        meeting = self.meeting
        if self.locked:
            # Minutes approved long since: a clock counting from this opening means nothing.
            show_line(self.query_one("#mm-status", Static), locked_line(meeting))
            return
        elapsed = meeting_elapsed(meeting, self.items_now, wall_clock.now())
        if elapsed is None:
            elapsed = time.monotonic() - nuit_app(self).meeting_clocks[self.meeting_id]
        text = clock_line(meeting, elapsed, self.item, item_elapsed(self.item_since, wall_clock.now()))
        show_line(self.query_one("#mm-status", Static), text)

    # --- saving -----------------------------------------------------------------------

    def _as_loaded(self, field: str | None, value: str) -> bool:
        """Whether a field holds what was loaded into it: its Changed, while loading, is
        the load's own. Keys typed in a burst right after F2 or F8 reach the field before
        the load has settled; their Changed counts (it used to be dropped, and the text
        with it when the next F2 came before any other key)."""
        if field in ("narrative", "decision"):
            return self.item is None or getattr(self.item, field) == value
        if field in ("remark-text", "remark-speaker"):
            if self.remark is None:
                return True
            return (self.remark.text if field == "remark-text" else self.remark.speaker) == value
        return True

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        if self._loading and self._as_loaded(event.text_area.id, event.text_area.text):
            return
        state = self.query_one("#save-state", Static)
        if state.content != "…":  # once, not per keystroke
            show_line(state, "…")
        if event.text_area.id == "remark-text":
            self.remark_autosave.changed()
        else:
            self.item_autosave.changed()
            if event.text_area.id == "decision":
                self._show_diff()

    @on(Input.Changed, "#remark-speaker")
    def _speaker_changed(self, event: Input.Changed) -> None:
        if not (self._loading and self._as_loaded("remark-speaker", event.value)):
            self.remark_autosave.changed()

    def on_descendant_blur(self) -> None:
        self.flush()

    def flush(self) -> None:
        self.item_autosave.flush()
        self.remark_autosave.flush()

    def save_item(self) -> None:
        # Not skipped while loading: the fields then hold what was loaded, which is not saved
        # again (compared below), or keys typed into it since, which are.
        if self.item is None:
            return
        values = {name: self.query_one(f"#{name}", TextArea).text for name in ("narrative", "decision")}
        if all(getattr(self.item, k) == v for k, v in values.items()):
            return
        try:
            queued = self.item_versions.save(values)  # «Lagret» when the writer confirms
        except StoreError as exc:  # not the guard: the field shows «Ikke lagret» and keeps the text
            self._not_saved(exc)
            return
        if not queued:
            self._waiting_for_choice()

    def save_remark(self) -> None:
        if self.remark is None:
            return
        speaker = self.query_one("#remark-speaker", Input).value.strip()
        text = self.query_one("#remark-text", TextArea).text
        if (speaker, text) == (self.remark.speaker, self.remark.text):
            return
        if self.remark.id is None:  # its row is still being made: saved as it lands
            self._typed_into_draft[id(self.remark)] = {"speaker": speaker, "text": text}
            return
        try:
            queued = self.remark_versions.save({"speaker": speaker, "text": text})  # «Lagret» when the writer confirms
        except StoreError as exc:  # not the guard: the field shows «Ikke lagret» and keeps the text
            self._not_saved(exc)
            return
        if not queued:
            self._waiting_for_choice()

    def _saved(self) -> None:
        show_line(self.query_one("#save-state", Static), f"Lagret kl. {dt.datetime.now():%H.%M.%S}")

    def _not_saved(self, exc: Exception) -> None:
        self.query_one("#save-state", Static).update(markup("[b]Ikke lagret:[/b] $error", error=exc))
        self.notify(str(exc), severity="error")

    # --- another window on the same archive ---------------------------------------------

    def _waiting_for_choice(self) -> None:
        self.query_one("#save-state", Static).update(
            markup("[b]Ikke lagret:[/b] endret i et annet vindu; velg hvilken versjon som skal gjelde")
        )

    def _saved_after_conflict(self, message: str | None) -> None:
        if self.remark is not None:
            self._update_remark_row(self.remark)
        self._saved()
        if message:
            self.notify(message)

    def _show_stored_text(self, name: str, value: str) -> None:
        load_keeping_cursor(self.query_one(f"#{name}", TextArea), value)
        if name == "decision":
            self._show_diff()

    def _show_stored_remark(self, name: str, value: str) -> None:
        if name == "speaker":
            self.query_one("#remark-speaker", Input).value = value
        else:
            load_keeping_cursor(self.query_one("#remark-text", TextArea), value)

    def _show_lock(self) -> None:
        """The banner and the fields as the minutes' lock is now (approved here or elsewhere)."""
        locked = self.locked = self.archive.lock.is_locked(self.meeting_id)
        banner = self.query_one("#mm-lock", Static)
        banner.update(markup("[b]Referatet er godkjent og låst.[/b] Ctrl+U låser opp (begrunnelsen registreres).") if locked else "")
        banner.display = locked  # no blank line over «Forslag» when open: a row that 80×24 needs
        for name in ("narrative", "decision"):
            self.query_one(f"#{name}", TextArea).read_only = locked

    def _show_checkout(self) -> None:
        self.query_one(CheckoutBanner).show_lines(self.archive.checkouts.banners(self.meeting_id))

    def reload_from_file(self) -> None:
        """Another window committed, or a screen of this app opened over this one (the item
        screen, from the palette) did: show what changed, keeping what is typed here."""
        if self._loading or self.item is None:
            return
        try:
            self._show_lock()  # approved, or unlocked, elsewhere
            self.item_versions.refresh()
            # Read afresh: `item` is not renewed while a save of the typed fields is on its way.
            self._show_heading(self.archive.agenda.item(self.item.stored_id))
            self._show_diff()
            if self.remark is not None:
                self.remark_versions.refresh()
            self._fill_agenda()
            self._show_checkout()
            selected = self.query_one(RemarksTable).selected_id()
            self._fill_remarks(select_id=int(selected) if selected else None)
            self._show_follow_ups()
            self._show_presence()
        except StoreError as exc:  # the item or remark was deleted there
            self._not_saved(exc)

    def action_close(self) -> None:
        """Escape: out of the remark being written first, then out of meeting mode."""
        self.flush()
        if self._must_choose():
            return
        self._drop_if_blank()  # F2 then Escape: no empty row left behind
        editor = self.query_one("#mm-remark-editor")
        if editor.display and self.focused is not None and editor in self.focused.ancestors_with_self:
            editor.display = False
            self.query_one(RemarksTable).focus()
            return
        # The item shown is the one under way (on the meeting's day): the agenda's cursor follows it.
        self.dismiss(self.item.id if self.item is not None and self.today else None)

    def _focus_now(self, selector: str) -> None:
        # At once, not after the queued events (widget.focus() waits for them): keys typed right after F2, F8 or Enter belong in the new field.
        self.set_focus(self.query_one(selector))

    def _must_choose(self) -> bool:
        """A clash with another window waits for a choice: put it now, before the fields change."""
        return self.item_versions.ask_now() or self.remark_versions.ask_now()

    # --- decisions, deferral, withdrawal, follow-up ------------------------------------------

    def _show_diff(self) -> None:
        self.query_one(DecisionDiff).show(self.proposal, self.query_one("#decision", TextArea).text)

    def action_adopt(self) -> None:
        if self.item is None:
            return
        self.flush()  # queued first: the adoption goes over the text typed until now
        item_id, minutes = self.item.stored_id, self.archive.minutes

        def adopted(item: m.AgendaItem) -> None:
            if self.item is None or self.item.id != item.id:
                self._fill_agenda()  # moved on meanwhile: the agenda shows the mark
                return
            self.item, label = item, self.archive.agenda.case_label(item) or item.title
            self._show_heading(item)  # the proposal adopted, should it have changed since it was shown
            if not item.decision.strip():  # nothing to adopt (Eventuelt): marked handled, the field stays
                self._fill_agenda()
                self.notify(f"{label}: behandlet")
                return
            self._loading = True
            area = self.query_one("#decision", TextArea)
            area.load_text(item.decision)
            area.move_cursor(area.document.end)  # ready for an amendment
            self.call_after_refresh(self._loaded)
            self._show_diff()
            self._fill_agenda()
            # Said of the proposal adopted (the stored one), not of the one shown when F3 was pressed.
            self.notify(f"{label}: vedtatt som foreslått" if item.proposed_decision.strip() else f"{label}: «{item.decision}»")

        self.write(lambda: minutes.adopt_proposal(item_id), adopted)

    def _show_follow_ups(self) -> None:
        follow_ups = self.archive.follow_ups.of_item(self.item.stored_id) if self.item else []
        self.query_one("#mm-followups", Static).update(follow_ups_text(follow_ups))

    def action_follow_up(self) -> None:
        if self.item is None:
            return
        if writes.said_locked(self):  # the minutes list the item's follow-ups: before a form opens in vain
            return
        from .follow_up_form import FollowUpFormScreen

        item = self.item

        def saved(follow_up: m.FollowUp | None) -> None:
            if follow_up is None:
                return

            def added(_) -> None:
                self._show_follow_ups()
                self.notify("Oppfølgingen er registrert")

            follow_ups = self.archive.follow_ups
            self.write(lambda: follow_ups.add(follow_up), added)

        self.app.push_screen(FollowUpFormScreen(item.stored_id, self.archive.minutes.speaker_names(self.meeting_id), self.meeting.date.year), saved)

    def action_attendance(self) -> None:
        from .attendance import AttendanceScreen

        self.flush()
        self.app.push_screen(AttendanceScreen(self.meeting_id, self.item.id if self.item else None))

    def on_screen_resume(self) -> None:
        # Back from the attendance grid or a form: refresh what they may have changed,
        # without reloading the fields being typed in. (ArchiveScreen's handler runs too,
        # Textual calling each class's: after a commit of this app's meanwhile, such as the
        # item screen's, it calls reload_from_file; a save landing later posts FileChanged.)
        if self.item is not None:
            self._show_presence()
            self._show_follow_ups()

    def _show_presence(self) -> None:
        """Who was there for this item: needed when a decision's legitimacy is questioned."""
        present = self.archive.attendance.present_at_item(self._item_id())
        members = self.archive.attendance.meeting_members(self.meeting_id)
        registered = bool(self.archive.attendance.rows(self.meeting_id))
        self.query_one("#mm-present", Static).update(presence_text(len(present), len(members), registered=registered))

    def action_unlock(self) -> None:
        """Unlock approved minutes with a reason, or lock them again."""
        writes.unlock_or_relock(self)
