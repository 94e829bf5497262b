"""The agenda editor: the meeting's agenda as the notice prints it
(Sak | Agenda | Tidspunkt | Sakstype), edited by keys alone."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header

from ...domain import labels
from ...domain import models as m
from ...domain.meetings import sent_notice_note, sent_notice_refusal
from ...domain.norwegian import clock, long_date, time_span
from ...errors import StoreError
from .. import wall_clock
from ..base import nuit_app
from ..text import DataTable, Static
from ..widgets.checkout_banner import CheckoutBanner, settle_checkin_conflicts
from ..widgets.confirm import ConfirmScreen
from ..widgets.footer import Footer
from ..widgets.form import Opening
from ..widgets.refused_typing import refuse_typing
from . import meeting_documents
from .base import ArchiveScreen

DURATION_STEP = 5


class AgendaTable(DataTable):
    BINDINGS = [
        Binding("enter", "select_cursor", "Åpne", tooltip="Åpne sak"),
        Binding("ctrl+z", "app.undo_delete", "Angre siste sletting", show=False),
    ]

    def __init__(self, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def on_mount(self) -> None:
        # The title takes what the fixed columns leave.
        title_width = max(20, self.app.size.width - (2 + 7 + 9 + 4 + 12) - 2 * 6 - 4)
        self.add_column("Sak", key="case", width=7)
        self.add_column("Agenda", key="title", width=title_width)
        self.add_column("Tidspunkt", key="start", width=9)
        self.add_column("Min", key="minutes", width=4)
        self.add_column("Sakstype", key="type", width=12)
        # Last, so that the columns before keep their places: state and exempt (labels.item_marks).
        self.add_column("", key="marks", width=2)

    @property
    def selected_item_id(self) -> int | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(key) if key and key.isdigit() else None


class AgendaScreen(ArchiveScreen):
    """One meeting: its agenda, its status and its notice."""

    # What the marks column's glyphs mean, listed by F1.
    LEGEND = labels.ITEM_MARKS_LEGEND

    # The footer shows the keys that fit, in this order (F1 lists them all); a footer word
    # shorter than the key's name has the name as its tooltip, which F1 and the palette show.
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tilbake"),
        Binding("n", "add_item", "Ny sak"),
        Binding("p", "add_break", "Pause"),
        Binding("e", "edit_item", "Rediger", show=False),
        Binding("delete,d", "delete_item", "Slett"),
        Binding("ctrl+up", "move(-1)", "Flytt opp", show=False),
        Binding("ctrl+down", "move(1)", "Flytt ned", show=False),
        Binding("plus", f"duration({DURATION_STEP})", f"+{DURATION_STEP} min", show=False),
        Binding("minus", f"duration(-{DURATION_STEP})", f"−{DURATION_STEP} min", show=False),
        Binding("m", "meeting_mode", "Møtemodus"),
        Binding("i", "export_notice", "Innkalling"),
        Binding("r", "export_minutes", "Referat"),
        Binding("s", "send_notice", "Send", tooltip="Send innkalling"),
        Binding("b", "mail_draft", "E-post", tooltip="E-postutkast"),
        # After the other documents: at 80 and 100 columns the footer has no room for it
        # (F1 and the palette list it); a wide terminal shows it.
        Binding("a", "export_package", "Møtepakke"),
        Binding("h", "mark_held", "Avholdt", show=False),
        Binding("x", "cancel_meeting", "Avlys", show=False),
        Binding("f", "move_to_meeting", "Flytt til møte", show=False),
        Binding("t", "edit_meeting", "Tid og sted", show=False),
        Binding("o", "attendance", "Oppmøte"),
        Binding("u", "follow_ups", "Oppfølging"),
        Binding("k", "checkin_conflicts", "Konflikter fra innsjekking", show=False),
    ]

    # The heading wraps: a place such as «Direktoratet for e-helse, Verkstedveien 1, Oslo.
    # Møterom 4117» was cut after «Verkstedveien 1,» at 100 columns, the status with it.
    CSS = """
    AgendaScreen #meeting-heading { height: auto; }
    """

    def __init__(self, meeting_id: int):
        super().__init__()
        self.meeting_id = meeting_id
        self._fresh = True  # on_mount loads the agenda: the first resume need not load it again

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="meeting-heading", classes="screen-title")
        yield CheckoutBanner(id="checkout-banner")
        yield AgendaTable(id="agenda")
        yield Static(id="plan-note")
        yield Static(id="follow-up-note")
        yield Footer()

    def on_mount(self) -> None:
        self.reload(select_item_id=self._under_way())
        self.query_one(AgendaTable).focus()

    def on_screen_resume(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self.reload()

    def _under_way(self) -> int | None:
        """In a meeting under way (opened again after a crash), the item it is on: the
        cursor goes there, so that «m» goes on from it."""
        position = self.archive.minutes.under_way(self.meeting_id, wall_clock.now())
        return position.item_id if position else None

    @property
    def table(self) -> AgendaTable:
        return self.query_one(AgendaTable)

    def reload(self, select_item_id: int | None = None, select_row: int | None = None) -> None:
        """Redraw from the archive; an agenda is a few dozen rows, so all of it. The cursor
        stays on its item, or (the item gone) on the row where it was."""
        table = self.table
        keep = select_item_id if select_item_id is not None else table.selected_item_id
        row_before = select_row if select_row is not None else table.cursor_row
        agenda = self.archive.agenda.for_meeting(self.meeting_id)
        meeting = agenda.meeting
        self.meeting = meeting
        body = self.archive.members.body_by_id(meeting.body_id)
        place = meeting.location or meeting.video_link or "sted ikke satt"
        self.query_one("#meeting-heading", Static).update(
            f"{body.short_name} møte {meeting.ref} · {long_date(meeting.date)} · "
            f"{time_span(meeting.start_time, meeting.end_time)} · {place} · {labels.MEETING_STATUS[meeting.status]}"
        )
        self.query_one(CheckoutBanner).show_lines(self.archive.checkouts.banners(self.meeting_id))
        table.clear()
        cursor_row = max(0, min(row_before, len(agenda.rows) - 1))
        if select_row is None:
            found = [i for i, r in enumerate(agenda.rows) if r.item.id == keep]
            cursor_row = found[0] if found else cursor_row
        for row in agenda.rows:
            item = row.item
            title = item.title or "(uten tittel)"
            table.add_row(
                row.case_number,
                Text(title),  # a title is text, never markup
                clock(row.start) + ("!" if row.late else ""),
                str(item.duration_minutes),
                item.item_type.value if item.item_type else "",
                "" if item.is_break else labels.item_marks(item.state, item.exempt),
                key=str(item.id),
            )
        table.add_row("", "Slutt", clock(agenda.plan.finish), "", "", "", key="end")
        table.move_cursor(row=cursor_row)
        note = self.query_one("#plan-note", Static)
        if agenda.plan.overrun_minutes:
            note.update(
                f"⚠ Sakslisten går {agenda.plan.overrun_minutes} min over møteslutt kl. {clock(meeting.end_time)}"
            )
            note.set_class(True, "warning")
        else:
            note.update(f"Slutt kl. {clock(agenda.plan.finish)} · møtet er satt til kl. {clock(meeting.end_time)}")
            note.set_class(False, "warning")
        from .follow_ups import follow_up_note

        self.query_one("#follow-up-note", Static).update(follow_up_note(self.archive, meeting))

    # --- items ---------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_item()

    def _no_entry(self, doing: str) -> None:
        """A key for the selected entry with none selected (an empty agenda, or the cursor on
        «Slutt») says why; what is typed on after it is no keys (as in the follow-up register)."""
        why = "dagsordenen er tom (n legger til en sak, p en pause)" if self.table.row_count <= 1 else "«Slutt» er valgt (↑ velger en sak)"
        refuse_typing(self.app, f"Ingen sak å {doing}: {why}")

    def action_edit_item(self) -> None:
        item_id = self.table.selected_item_id
        if item_id is None:
            self._no_entry("redigere")
            return
        item = self.archive.agenda.item(item_id)
        if item.is_break:
            from .break_form import BreakFormScreen

            starts = partial(self.archive.agenda.start_minute, item_id, item.fixed_start)
            self.app.push_screen(BreakFormScreen(item, starts=starts), self._break_saved)
            return
        from .item import ItemScreen

        self.app.push_screen(ItemScreen(item_id))

    def action_meeting_mode(self) -> None:
        """Take the minutes, starting at the selected item (on the meeting's day, before it
        has begun, «Starte møtet nå?» first)."""
        from .meeting_mode_start import open_meeting_mode

        open_meeting_mode(self, self.meeting_id, self.table.selected_item_id, closed=self._back_from_meeting_mode)

    def _back_from_meeting_mode(self, item_id: int | None) -> None:
        """Meeting mode closed on the item under way: the cursor goes there, so that «m»
        goes on from it. Told by meeting mode, not read from the file: its last move may
        still be on the writer, and a resume (the «Starte møtet nå?» question's) comes late."""
        if item_id is not None:
            self.reload(select_item_id=item_id)

    def action_add_item(self) -> None:
        from .item import ItemScreen

        if refusal := self.archive.agenda.new_item_refusal(self.meeting_id):
            # No item, no form: the title typed on after n is no keys (the writer refuses it too).
            refuse_typing(self.app, refusal)
            return
        # The item is made by the writer; keys typed meanwhile wait in a stand-in and
        # go to the item's title when its screen opens.
        opening = Opening()
        self.app.push_screen(opening)

        def added(item: m.AgendaItem) -> None:
            self.reload(select_item_id=item.id)
            opening.hand_on(ItemScreen(item.stored_id, new=True))

        def refused(exc: Exception) -> None:
            opening.give_up()
            with self.guard():
                raise exc

        meeting_id = self.meeting_id
        self.write(lambda: self.archive.agenda.add_item(meeting_id), added, failed=refused)

    def action_add_break(self) -> None:
        """A break after the selected row (lunch when it lands around noon)."""
        from .break_form import BreakFormScreen

        # Where it will start (below the selected row): a break too ends by midnight.
        starts = partial(self.archive.agenda.new_entry_start, self.meeting_id, self.table.selected_item_id)
        self.app.push_screen(BreakFormScreen(None, starts=starts), self._break_saved)

    def _break_saved(self, result) -> None:
        if result is None:
            return
        title, minutes, existing = result
        agenda = self.archive.agenda
        if existing is not None:
            changed = existing.model_copy(update={"title": title, "duration_minutes": minutes})
            self.write(lambda: agenda.update_item(changed), lambda _: self.reload())
            return

        def added(entry: m.AgendaItem) -> None:
            self.reload(select_item_id=entry.id)
            self.notify(f"{title} ({minutes} min) er lagt inn")

        meeting_id, after = self.meeting_id, self.table.selected_item_id
        self.write(lambda: agenda.add_break(meeting_id, title, minutes, after_item_id=after), added)

    def action_delete_item(self) -> None:
        item_id = self.table.selected_item_id
        if item_id is None:
            self._no_entry("slette")
            return
        item = self.archive.agenda.item(item_id)
        label = item.title if item.is_break else f"{self.archive.agenda.case_label(item)} {item.title}".strip()

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            row = self.table.cursor_row
            app = nuit_app(self)

            def deleted(_) -> None:
                # The row that took its place keeps the cursor (the last item at the end).
                self.reload(select_row=row)
                self.notify(f"Slettet: {label} (Ctrl+Z angrer)")

            # Remembered in turn with the writes, so that a Ctrl+Z queued after it finds it.
            self.write(lambda: app.remember_deletion(self.archive.undo.delete_item(item_id, f"«{label}»")), deleted)

        note = "" if item.is_break else sent_notice_note(self.meeting.status)
        self.app.push_screen(ConfirmScreen(f"Slette «{label}» fra sakslisten? {note}".strip()), confirmed)

    def action_move(self, delta: int) -> None:
        item_id = self.table.selected_item_id
        if item_id is None:
            self._no_entry("flytte ned" if delta > 0 else "flytte opp")
            return
        self.write(lambda: self.archive.agenda.move_item(item_id, delta), lambda _: self.reload(select_item_id=item_id))

    def action_duration(self, delta: int) -> None:
        item_id = self.table.selected_item_id
        if item_id is None:
            self._no_entry("forlenge" if delta > 0 else "forkorte")
        else:
            agenda = self.archive.agenda
            # Read on the writer: presses queued behind a held lock each add to the one before.
            self.write(
                lambda: agenda.set_duration(item_id, agenda.item(item_id).duration_minutes + delta),
                lambda _: self.reload(select_item_id=item_id),
            )

    def action_move_to_meeting(self) -> None:
        item_id = self.table.selected_item_id
        if item_id is None:
            self._no_entry("flytte til et annet møte")
            return
        try:  # refused (a break) before a meeting is picked in vain
            self.archive.agenda.check_movable_to_meeting(item_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        from .meeting_picker import MeetingPickerScreen

        def picked(meeting_id: int | None) -> None:
            if meeting_id is None:
                return
            target = self.archive.meetings.get(meeting_id)

            def moved(_) -> None:
                self.notify(f"Saken er flyttet til møte {target.ref}")
                self.reload()

            def move(yes: bool | None = True) -> None:
                if yes:
                    self.write(lambda: self.archive.agenda.move_item_to_meeting(item_id, meeting_id), moved)

            note = sent_notice_note(self.meeting.status)
            if note:  # the members have it on this agenda: asked, and told what to do
                self.app.push_screen(ConfirmScreen(f"Flytte saken til møte {target.ref}? {note}"), move)
            else:
                move()

        self.app.push_screen(MeetingPickerScreen(self.meeting, exclude_meeting_id=self.meeting_id), picked)

    # --- meeting status and details ----------------------------------------------------

    def _change_status(self, status: m.MeetingStatus, question: str, done: str) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes:
                self._set_status(status, done)

        self.app.push_screen(ConfirmScreen(question), confirmed)

    def _set_status(self, status: m.MeetingStatus, done: str) -> None:
        def changed(_) -> None:
            self.reload()
            self.notify(done)

        meeting_id = self.meeting_id
        self.write(lambda: self.archive.meetings.set_status(meeting_id, status), changed)

    def action_send_notice(self) -> None:
        """Check the notice first (`domain.notice_check`): with findings, show them and
        ask to send anyway or go back; without, the usual confirmation."""
        from ...services.notice import check_notice

        if said := sent_notice_refusal(self.meeting):  # asked and then refused, or sent again unawares
            self.notify(said, severity="warning")
            return
        question = f"Merke innkallingen til møte {self.meeting.ref} som sendt? Saksnumrene låses."
        done = "Innkallingen er merket som sendt; saksnumrene er låst"
        problems = check_notice(self.archive, self.meeting_id)
        if not problems:
            self._change_status(m.MeetingStatus.NOTICE_SENT, question, done)
            return

        def answered(send: bool | None) -> None:
            if send:
                self._set_status(m.MeetingStatus.NOTICE_SENT, done)

        found = "\n".join(f"• {p.message}" for p in problems)  # shown as written (ConfirmScreen)
        self.app.push_screen(
            ConfirmScreen(
                f"Sjekk av innkallingen til møte {self.meeting.ref} fant:\n{found}\n\n"
                "Sende likevel? Saksnumrene låses.",
                yes="Send likevel",
                no="Tilbake",
            ),
            answered,
        )

    def action_mark_held(self) -> None:
        self._change_status(m.MeetingStatus.HELD, f"Merke møte {self.meeting.ref} som avholdt?", "Møtet er merket som avholdt")

    def action_cancel_meeting(self) -> None:
        self._change_status(
            m.MeetingStatus.CANCELLED,
            f"Avlyse møte {self.meeting.ref}? Møtet og sakene beholdes; saksnumre som ikke er sendt ut, gis tilbake. Sakene kan flyttes til et annet møte (f).",
            "Møtet er avlyst",
        )

    def action_edit_meeting(self) -> None:
        from .meeting_form import MeetingFormScreen, same_day_asker

        def saved(details) -> None:
            if details is None:
                return
            meeting = self.archive.meetings.get(self.meeting_id)
            update = {
                "date": details.date,
                "start_time": details.start,
                "end_time": details.end,
                "location": details.location,
                "video_link": details.video_link,
            }

            def updated(_) -> None:
                self.reload()
                self.notify("Tid og sted er lagret")

            changed = meeting.model_copy(update=update)
            self.write(lambda: self.archive.meetings.update(changed), updated)

        # Onto a day the body meets already: asked in the form, before the meeting moves.
        ask = same_day_asker(self, self.meeting.body_id, moving=self.meeting_id)
        self.app.push_screen(MeetingFormScreen(f"Møte {self.meeting.ref}: tid og sted", self.meeting, ask=ask), saved)

    def action_follow_ups(self) -> None:
        """Open follow-ups from the body's earlier meetings; one key puts one on the agenda."""
        from .follow_ups import MeetingFollowUpsScreen

        self.app.push_screen(MeetingFollowUpsScreen(self.meeting_id), lambda added: self.reload(select_item_id=added))

    def action_attendance(self) -> None:
        from .attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.meeting_id))

    # The meeting's documents: the same dialogs and workers as the palette's
    # «Innkalling: NUIT 2/2023 (…)» on the meeting list (meeting_documents.py).

    def action_export_notice(self) -> None:
        meeting_documents.export_notice(self, self.meeting_id)

    def action_export_minutes(self) -> None:
        meeting_documents.export_minutes(self, self.meeting_id)

    def action_mail_draft(self) -> None:
        meeting_documents.mail_draft(self, self.meeting_id)

    def action_export_package(self) -> None:
        meeting_documents.export_package(self, self.meeting_id)

    def undone(self, deletion) -> None:
        """Ctrl+Z put a deleted entry back: show it where it stood."""
        self.reload(select_item_id=deletion.record_id if deletion.model is m.AgendaItem else None)

    def action_checkin_conflicts(self) -> None:
        """K: choose, field by field, where a checkin found both sides changed."""
        settle_checkin_conflicts(self, self.meeting_id, self.reload)
