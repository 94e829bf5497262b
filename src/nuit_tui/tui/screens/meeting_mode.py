"""Meeting mode: the secretary types the minutes while people talk.

One item at a time, its proposal in view; remarks, narrative and decision are
saved as they are typed. Function keys do the frequent things so that they work
whichever field has focus.
"""

from __future__ import annotations

import datetime as dt
import time

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ...domain import labels
from ...domain import models as m
from ...domain.norwegian import ParseError, clock
from ...domain.textdiff import word_diff
from ...services.concurrency import remark_of, save_item_text
from ...store.errors import StoreError
from ..widgets.autosave import Autosave
from ..widgets.completion import NameInput
from ..widgets.confirm import ConfirmScreen
from ..widgets.conflict import VersionedForm
from ..widgets.form import FormBody
from .item import PlainTextArea

STATE_MARK = labels.ITEM_STATE_MARK


def _show_line(widget: Static, text: str) -> None:
    """Static.update lays out the whole screen (a few dozen ms here): a status line that
    takes as many lines as before (the clock each second, the save note) needs no layout."""
    width, old = widget.size.width, widget.content
    if not isinstance(old, str) or width <= 0 or "\n" in old + text:
        widget.update(text)
    else:
        widget.update(text, layout=-(-len(old) // width) != -(-len(text) // width))


def _hms(seconds: float) -> str:
    seconds = int(max(0, seconds))
    return f"{seconds // 3600:d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class RemarksTable(DataTable):
    BINDINGS = [
        Binding("delete", "screen.delete_remark", "Slett innspill"),
        Binding("ctrl+up", "screen.move_remark(-1)", "Innspill opp"),
        Binding("ctrl+down", "screen.move_remark(1)", "Innspill ned"),
        Binding("enter", "screen.edit_remark", "Rediger innspill"),
    ]


class MeetingModeScreen(Screen):
    # What the agenda list's glyphs mean, listed by F1.
    LEGEND = labels.ITEM_MARKS_LEGEND

    BINDINGS = [
        Binding("escape", "close", "Tilbake"),
        # priority: TextArea has F6/F7 of its own; ours must win wherever focus is.
        # F7 and F9 are in F1's list; the footer keeps what is pressed every minute.
        Binding("f8", "step(1)", "Neste sak", priority=True),
        Binding("f7", "step(-1)", "Forrige sak", priority=True, show=False),
        Binding("f2,ctrl+r", "new_remark", "Nytt innspill", priority=True),
        Binding("f3", "adopt", "Vedta forslaget", priority=True),
        Binding("f4", "follow_up", "Oppfølging", priority=True),
        Binding("f6", "defer", "Utsett", priority=True),
        Binding("f9", "withdraw", "Trekk saken", priority=True, show=False),
        Binding("f5", "attendance", "Oppmøte", priority=True),
        Binding("ctrl+u", "unlock", "Lås opp / lås referatet", show=False),
    ]
    CSS_PATH = "meeting_mode.tcss"

    def __init__(self, meeting_id: int, item_id: int | None = None):
        super().__init__()
        self.meeting_id = meeting_id
        self.start_item_id = item_id
        self.item: m.AgendaItem | None = None
        self.remark: m.Remark | None = None
        self._loading = True
        self.item_autosave = Autosave(self, self.save_item)
        self.remark_autosave = Autosave(self, self.save_remark)
        # Another window may write the same item or remark: merge, or ask when both changed a field.
        self.item_versions = VersionedForm(
            self,
            "item",
            what="Saken",
            labels={"narrative": "Referat", "decision": "Vedtak"},
            read=lambda: {name: self.query_one(f"#{name}", TextArea).text for name in ("narrative", "decision")},
            show=self._show_stored_text,
            load=lambda: self.archive.item(self.item.id),
            write=lambda item: save_item_text(self.archive, item),
            saved=self._saved_after_conflict,
            failed=self._not_saved,
        )
        self.remark_versions = VersionedForm(
            self,
            "remark",
            what="Innspillet",
            labels={"speaker": "Hvem", "text": "Innspill"},
            read=lambda: {
                "speaker": self.query_one("#remark-speaker", Input).value.strip(),
                "text": self.query_one("#remark-text", TextArea).text,
            },
            show=self._show_stored_remark,
            load=lambda: remark_of(self.archive, self.remark.id),
            write=lambda remark: self.archive.update_remark(remark),
            saved=self._saved_after_conflict,
            failed=self._not_saved,
        )
        self.opened = time.monotonic()
        self.item_since = time.monotonic()

    @property
    def archive(self):
        return self.app.archive

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="mm-status", classes="screen-title")
        with Horizontal():
            yield OptionList(id="mm-agenda")
            with FormBody(id="mm-main"):
                yield Static(id="mm-title")
                yield Static(id="mm-present")
                yield Static(id="mm-lock")
                yield Label("Forslag til vedtak")
                yield Static(id="mm-proposal")
                yield Label("Referat: hvem innledet, hva ble sagt (en linje «[innspill]» setter innspillene der)")
                yield PlainTextArea("", id="narrative")
                yield Label("Innspill (F2: nytt · Enter: rediger · Delete: slett · Ctrl+↑↓: flytt)")
                yield RemarksTable(id="mm-remarks", cursor_type="row")
                with Vertical(id="mm-remark-editor"):
                    yield NameInput(
                        placeholder="Hvem (organisasjon eller person) – Tab/Enter fullfører",
                        id="remark-speaker",
                        enter_goes_to="#remark-text",
                    )
                    yield PlainTextArea("", id="remark-text")
                yield Label("Vedtak (F3: vedta som foreslått)")
                yield PlainTextArea("", id="decision")
                yield Static(id="mm-diff")
                yield Static(id="mm-followups")
                yield Static(id="save-state")
        yield Footer()

    def on_mount(self) -> None:
        self.meeting = self.archive.meeting(self.meeting_id)
        self.today = dt.date.today() == self.meeting.date
        self.query_one("#remark-speaker", NameInput).set_names(self.archive.speaker_names(self.meeting_id))
        table = self.query_one(RemarksTable)
        table.add_column("Hvem", width=28)
        table.add_column("Innspill")
        table.add_column("Kl.", width=5)
        self.query_one("#mm-remark-editor").display = False
        self._fill_agenda()
        items = [e for e in self.archive.agenda_items(self.meeting_id) if not e.is_break]
        first = next((i for i in items if i.id == self.start_item_id), items[0] if items else None)
        if first is not None:
            self.show_item(first.id)
        self.set_interval(1, self._tick)
        self._tick()

    # --- the agenda and the current item ---------------------------------------------------

    def _fill_agenda(self) -> None:
        agenda = self.query_one("#mm-agenda", OptionList)
        highlighted = agenda.highlighted
        agenda.clear_options()
        for row in self.archive.agenda(self.meeting_id).rows:
            item = row.item
            if item.is_break:
                agenda.add_option(Option(f"   {clock(row.start)} {item.title}", disabled=True))
            else:
                marks = labels.item_marks(item.state, item.exempt)
                agenda.add_option(Option(Text(f"{marks} {row.case_number:>6} {item.title}"), id=str(item.id)))
        if highlighted is not None and highlighted < agenda.option_count:
            agenda.highlighted = highlighted

    def _item_ids(self) -> list[int]:
        return [e.id for e in self.archive.agenda_items(self.meeting_id) if not e.is_break]

    def show_item(self, item_id: int) -> None:
        self.flush()
        if self._must_choose():
            return
        self._loading = True
        previous = self.item
        now = dt.datetime.now().time().replace(second=0, microsecond=0)
        if self.today and previous is not None and previous.id != item_id:
            self.archive.mark_item_times(previous.id, ended=now)
        item = self.archive.item(item_id)
        if self.today:
            item = self.archive.mark_item_times(item_id, started=now)
        self.item = item
        self.item_since = time.monotonic()
        locked = self.archive.minutes_locked(self.meeting_id)
        type_text = f" · {item.item_type.value}" if item.item_type else ""
        presenters = ", ".join(p.name for p in self.archive.item_people(item.id, m.PersonRole.PRESENTER))
        self.query_one("#mm-title", Static).update(
            f"[b]{escape(self.archive.case_label(item))} {escape(item.title)}[/b]{type_text}"
            + (f"\nInnledere: {escape(presenters)}" if presenters else "")
            + ("\n[b]Utsatt[/b]" if item.state is m.ItemState.DEFERRED else "")
            + ("\n[b]Trukket[/b]" if item.state is m.ItemState.WITHDRAWN else "")
        )
        self._show_presence()
        self.query_one("#mm-lock", Static).update(
            "[b]Referatet er godkjent og låst.[/b] Ctrl+U låser opp (begrunnelsen registreres)." if locked else ""
        )
        self.query_one("#mm-proposal", Static).update(escape(item.proposed_decision) or "(ingen forslag)")
        for name in ("narrative", "decision"):
            area = self.query_one(f"#{name}", TextArea)
            area.load_text(getattr(item, name))
            area.read_only = locked
        self._fill_remarks()
        self._show_diff()
        self._show_follow_ups()
        agenda = self.query_one("#mm-agenda", OptionList)
        agenda.highlighted = next((i for i in range(agenda.option_count) if agenda.get_option_at_index(i).id == str(item_id)), None)
        self.query_one("#save-state", Static).update("")
        self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

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
        now = dt.datetime.now()
        if self.today:
            started = dt.datetime.combine(meeting.date, meeting.start_time)
            meeting_elapsed = (now - started).total_seconds()
        else:
            meeting_elapsed = time.monotonic() - self.opened
        text = f"Møte {meeting.ref} · møtetid {_hms(meeting_elapsed)} (plan kl. {clock(meeting.start_time)}–{clock(meeting.end_time)})"
        if self.item is not None:
            item_elapsed = time.monotonic() - self.item_since
            planned = self.item.duration_minutes * 60
            over = " · [b]over tiden[/b]" if planned and item_elapsed > planned else ""
            text += f" · sak {_hms(item_elapsed)} av {self.item.duration_minutes} min{over}"
        _show_line(self.query_one("#mm-status", Static), text)

    # --- saving -----------------------------------------------------------------------

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        if self._loading:
            return
        state = self.query_one("#save-state", Static)
        if state.content != "…":  # once, not per keystroke
            _show_line(state, "…")
        if event.text_area.id == "remark-text":
            self.remark_autosave.changed()
        else:
            self.item_autosave.changed()
            if event.text_area.id == "decision":
                self._show_diff()

    @on(Input.Changed, "#remark-speaker")
    def _speaker_changed(self) -> None:
        if not self._loading:
            self.remark_autosave.changed()

    def on_descendant_blur(self) -> None:
        self.flush()

    def flush(self) -> None:
        self.item_autosave.flush()
        self.remark_autosave.flush()

    def save_item(self) -> None:
        if self.item is None or self._loading:
            return
        values = {name: self.query_one(f"#{name}", TextArea).text for name in ("narrative", "decision")}
        if all(getattr(self.item, k) == v for k, v in values.items()):
            return
        try:
            stored = self.item_versions.save(values)
        except StoreError as exc:
            self._not_saved(exc)
            return
        if stored:
            self._saved()
        else:
            self._waiting_for_choice()

    def save_remark(self) -> None:
        if self.remark is None or self._loading:
            return
        speaker = self.query_one("#remark-speaker", Input).value.strip()
        text = self.query_one("#remark-text", TextArea).text
        if (speaker, text) == (self.remark.speaker, self.remark.text):
            return
        try:
            stored = self.remark_versions.save({"speaker": speaker, "text": text})
        except StoreError as exc:
            self._not_saved(exc)
            return
        if not stored:
            self._waiting_for_choice()
            return
        self._update_remark_row(self.remark)
        self._saved()

    def _saved(self) -> None:
        _show_line(self.query_one("#save-state", Static), f"Lagret kl. {dt.datetime.now():%H.%M.%S}")

    def _not_saved(self, exc: Exception) -> None:
        self.query_one("#save-state", Static).update(f"[b]Ikke lagret:[/b] {escape(str(exc))}")
        self.notify(str(exc), severity="error")

    # --- another window on the same archive ---------------------------------------------

    def _waiting_for_choice(self) -> None:
        self.query_one("#save-state", Static).update(
            "[b]Ikke lagret:[/b] endret i et annet vindu; velg hvilken versjon som skal gjelde"
        )

    def _saved_after_conflict(self, message: str | None) -> None:
        if self.remark is not None:
            self._update_remark_row(self.remark)
        self._saved()
        if message:
            self.notify(message)

    def _load_keeping_cursor(self, area: TextArea, text: str) -> None:
        cursor = area.cursor_location
        area.load_text(text)
        area.move_cursor(cursor)

    def _show_stored_text(self, name: str, value: str) -> None:
        self._load_keeping_cursor(self.query_one(f"#{name}", TextArea), value)
        if name == "decision":
            self._show_diff()

    def _show_stored_remark(self, name: str, value: str) -> None:
        if name == "speaker":
            self.query_one("#remark-speaker", Input).value = value
        else:
            self._load_keeping_cursor(self.query_one("#remark-text", TextArea), value)

    def reload_from_file(self) -> None:
        """Another window committed: show what it changed, keeping what is typed here."""
        if self._loading or self.item is None:
            return
        try:
            self.item_versions.refresh()
            if self.remark is not None:
                self.remark_versions.refresh()
            self._fill_agenda()
            table = self.query_one(RemarksTable)
            selected = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
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
        editor = self.query_one("#mm-remark-editor")
        if editor.display and self.focused is not None and editor in self.focused.ancestors_with_self:
            editor.display = False
            self.query_one(RemarksTable).focus()
            return
        self.app.pop_screen()

    def _focus_now(self, selector: str) -> None:
        # At once, not after the queued events (widget.focus() waits for them): keys
        # typed right after F2, F8 or Enter belong in the new field, not the old one.
        self.set_focus(self.query_one(selector))

    def _must_choose(self) -> bool:
        """A clash with another window waits for a choice: put it now, before the fields change."""
        return self.item_versions.ask_now() or self.remark_versions.ask_now()

    # --- remarks ----------------------------------------------------------------------

    def _fill_remarks(self, select_id: int | None = None) -> None:
        table = self.query_one(RemarksTable)
        table.clear()
        for remark in self.archive.remarks(self.item.id):
            table.add_row(*self._remark_cells(remark), key=str(remark.id))
            if remark.id == select_id:
                table.move_cursor(row=table.row_count - 1)

    def _remark_cells(self, remark: m.Remark) -> tuple[str, str, str]:
        return remark.speaker, remark.text.replace("\n", " "), clock(remark.made_at) if remark.made_at else ""

    def _update_remark_row(self, remark: m.Remark) -> None:
        table = self.query_one(RemarksTable)
        try:
            for column, value in zip(("Hvem", "Innspill", "Kl."), self._remark_cells(remark), strict=True):
                column_key = next(c.key for c in table.columns.values() if str(c.label) == column)
                # The column grows with the text (else it stays as wide as its first content).
                table.update_cell(str(remark.id), column_key, value, update_width=True)
        except Exception:  # the row is gone (deleted meanwhile): redraw instead
            self._fill_remarks(select_id=remark.id)

    def _selected_remark(self) -> m.Remark | None:
        table = self.query_one(RemarksTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((r for r in self.archive.remarks(self.item.id) if str(r.id) == key), None)

    def _edit(self, remark: m.Remark) -> None:
        self.flush()
        if self._must_choose():
            return
        self._loading = True
        self.remark = remark
        editor = self.query_one("#mm-remark-editor")
        editor.display = True
        self.query_one("#remark-speaker", Input).value = remark.speaker
        self.query_one("#remark-text", TextArea).load_text(remark.text)
        self.call_after_refresh(self._loaded)

    def action_new_remark(self) -> None:
        self.flush()
        if self.item is None or self._must_choose():
            return
        made_at = dt.datetime.now().time().replace(second=0, microsecond=0)
        try:
            # The row exists from the first key, so nothing typed into it can be lost.
            remark = self.archive.add_remark(m.Remark(item_id=self.item.id, made_at=made_at))
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self._fill_remarks(select_id=remark.id)
        self._edit(remark)
        self._focus_now("#remark-speaker")

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
            try:
                self.archive.delete_remark(remark.id)
            except StoreError as exc:
                self.notify(str(exc), severity="error")
                return
            if self.remark is not None and self.remark.id == remark.id:
                self.remark = None
                self.query_one("#mm-remark-editor").display = False
            self._fill_remarks()
            self.notify(f"Innspillet fra {remark.speaker or 'ukjent'} er slettet")

        self.app.push_screen(ConfirmScreen(f"Slette innspillet fra {remark.speaker or 'ukjent'}?"), confirmed)

    def action_move_remark(self, delta: int) -> None:
        remark = self._selected_remark()
        if remark is not None:
            try:
                self.archive.move_remark(remark.id, delta)
            except StoreError as exc:
                self.notify(str(exc), severity="error")
                return
            self._fill_remarks(select_id=remark.id)

    # --- decisions, deferral, withdrawal, follow-up ------------------------------------------

    def _show_diff(self) -> None:
        decision = self.query_one("#decision", TextArea).text
        proposal = self.item.proposed_decision if self.item else ""
        diff = self.query_one("#mm-diff", Static)
        if not decision.strip() or not proposal.strip() or decision == proposal:
            diff.update("Vedtatt som foreslått." if decision and decision == proposal else "")
            return
        parts = []
        for change in word_diff(proposal, decision):
            text = escape(change.text)
            if change.kind == "removed":
                parts.append(f"[strike red]{text}[/]")
            elif change.kind == "added":
                parts.append(f"[u green]{text}[/]")
            else:
                parts.append(text)
        diff.update("Endret fra forslaget: " + "".join(parts))

    def action_adopt(self) -> None:
        if self.item is None:
            return
        self.flush()
        try:
            self.item = self.archive.adopt_proposal(self.item.id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self._loading = True
        area = self.query_one("#decision", TextArea)
        area.load_text(self.item.decision)
        area.move_cursor(area.document.end)  # ready for an amendment
        self.call_after_refresh(self._loaded)
        self._show_diff()
        self._fill_agenda()
        self.notify(f"{self.archive.case_label(self.item)}: vedtatt som foreslått")

    def action_defer(self) -> None:
        if self.item is None:
            return
        from .meeting_picker import MeetingPickerScreen

        item = self.item

        def picked(meeting_id: int | None) -> None:
            if meeting_id is None:
                return
            try:
                copy = self.archive.defer_item(item.id, meeting_id)
            except StoreError as exc:
                self.notify(str(exc), severity="error")
                return
            target = self.archive.meeting(copy.meeting_id)
            self.notify(f"{self.archive.case_label(item)} er utsatt til møte {target.ref}")
            self._fill_agenda()
            self.show_item(item.id)

        self.app.push_screen(MeetingPickerScreen(self.meeting, exclude_meeting_id=self.meeting_id, later_only=True), picked)

    def action_withdraw(self) -> None:
        if self.item is None:
            return
        item = self.item

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    self.archive.withdraw_item(item.id)
                except StoreError as exc:
                    self.notify(str(exc), severity="error")
                    return
                self._fill_agenda()
                self.show_item(item.id)
                self.notify(f"{self.archive.case_label(item)} er trukket")

        self.app.push_screen(ConfirmScreen(f"Trekke sak {self.archive.case_label(item)} {item.title}?"), confirmed)

    def _show_follow_ups(self) -> None:
        follow_ups = self.archive.follow_ups_of_item(self.item.id) if self.item else []
        lines = [
            f"• {escape(f.description)}"
            + (f" – {escape(f.responsible)}" if f.responsible else "")
            + (f" (frist {f.due_date:%d.%m.%Y})" if f.due_date else "")
            for f in follow_ups
        ]
        self.query_one("#mm-followups", Static).update("Oppfølging (F4):\n" + "\n".join(lines) if lines else "")

    def action_follow_up(self) -> None:
        if self.item is None:
            return
        from .follow_up_form import FollowUpFormScreen

        item = self.item

        def saved(follow_up: m.FollowUp | None) -> None:
            if follow_up is not None:
                self.archive.add_follow_up(follow_up)
                self._show_follow_ups()
                self.notify("Oppfølgingen er registrert")

        self.app.push_screen(FollowUpFormScreen(item.id, self.archive.speaker_names(self.meeting_id), self.meeting.date.year), saved)

    def action_attendance(self) -> None:
        from .attendance import AttendanceScreen

        self.flush()
        self.app.push_screen(AttendanceScreen(self.meeting_id, self.item.id if self.item else None))

    def on_screen_resume(self) -> None:
        # Back from the attendance grid or a form: refresh what they may have changed,
        # without reloading the fields being typed in.
        if self.item is not None:
            self._show_presence()
            self._show_follow_ups()

    def _show_presence(self) -> None:
        """Who was there for this item: needed when a decision's legitimacy is questioned."""
        present = self.archive.present_at_item(self.item.id)
        members = [
            ms for ms in self.archive.members_on(self.meeting.body_id, self.meeting.date) if ms.role is m.MembershipRole.MEMBER
        ]
        self.query_one("#mm-present", Static).update(
            f"Til stede under saken: {len(present)} av {len(members)} medlemmer (stedfortredere medregnet) – F5: oppmøte"
            if self.archive.attendance(self.meeting_id)
            else "Oppmøtet er ikke registrert – F5: oppmøte"
        )

    def action_unlock(self) -> None:
        """Unlock approved minutes with a reason, or lock them again."""
        if not self.archive.minutes_locked(self.meeting_id):
            if self.archive.meeting(self.meeting_id).status is m.MeetingStatus.MINUTES_APPROVED:
                self.flush()
                self.archive.relock_minutes(self.meeting_id)
                self.notify("Referatet er låst igjen")
                if self.item is not None:
                    self.show_item(self.item.id)
            else:
                self.notify("Referatet er ikke godkjent, og derfor ikke låst")
            return
        from .unlock_form import UnlockFormScreen

        def given(reason: str | None) -> None:
            if reason is None:
                return
            try:
                self.archive.unlock_minutes(self.meeting_id, reason)
            except (StoreError, ParseError) as exc:
                self.notify(str(exc), severity="error")
                return
            self.notify("Referatet er låst opp; opplåsingen er registrert")
            if self.item is not None:
                self.show_item(self.item.id)

        self.app.push_screen(UnlockFormScreen(), given)
