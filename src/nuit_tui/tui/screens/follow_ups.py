"""The follow-up register (oppfølging) across meetings and bodies, and the open
follow-ups a meeting in preparation should hear about."""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Header

from ...domain import models as m
from ...domain.meetings import is_preparing
from ...domain.norwegian import ParseError, numeric_date, parse_date
from ...services.follow_ups import FollowUpRow, carry_title, closing_line
from ..base import nuit_app
from ..text import DataTable, Static, markup
from ..widgets.confirm import ConfirmScreen
from ..widgets.fields import Input
from ..widgets.footer import Footer
from ..widgets.form import FormScreen, labelled
from ..widgets.refused_typing import refuse_typing
from ..writes import write
from .base import ArchiveScreen

# The status filter cycles through these (None: all).
STATUS_CYCLE: list[str | None] = ["open", "overdue", "done", None]
STATUS_FILTER_LABELS = {"open": "åpne", "overdue": "forfalte", "done": "utførte", None: "alle"}
# Why e and l open no form on an empty list, and what helps.
EMPTY_LIST = "listen er tom med dette filteret (s, b og a endrer det)"




def status_cell(row: FollowUpRow) -> Text:
    style = {"overdue": "bold red", "done": "green"}.get(row.status, "")
    return Text(row.status_label, style=style)


def follow_up_note(archive, meeting: m.Meeting) -> str:
    """The agenda's line on open follow-ups from the body's earlier meetings ("" when none)."""
    if not is_preparing(meeting.status):
        return ""
    rows = [r for r in archive.follow_ups.for_meeting(meeting.id) if r.follow_up.status is m.FollowUpStatus.OPEN]
    if not rows:
        return ""
    word = "åpen oppfølging" if len(rows) == 1 else "åpne oppfølginger"
    carried = sum(1 for r in rows if r.carried)
    on_agenda = f", {carried} av dem på sakslisten" if carried else ""
    return f"Oppfølging fra tidligere møter: {len(rows)} {word}{on_agenda} (u: vis dem, sett dem på sakslisten)"


# --- forms ---------------------------------------------------------------------------


class CloseFollowUpForm(FormScreen[tuple[dt.date, str] | None]):
    TITLE = "Lukk oppfølging"
    AUTO_FOCUS = "#note"  # the date is today's unless changed

    def __init__(self, row: FollowUpRow, today: dt.date):
        super().__init__()
        self.row = row
        self.today = today

    def fields(self) -> ComposeResult:
        yield Static(self.row.follow_up.description)
        yield from labelled("Utført dato", Input(numeric_date(self.today), id="closed_on"))
        yield from labelled("Merknad (hva ble gjort, valgfri)", Input(id="note"))

    def submit(self) -> tuple[dt.date, str]:
        text = self.value("#closed_on")
        if not text:
            raise ParseError("Skriv datoen oppfølgingen ble utført")
        return parse_date(text), self.value("#note")


class ResponsibleFilterForm(FormScreen[str | None]):
    TITLE = "Filtrer på ansvarlig"

    def __init__(self, current: str):
        super().__init__()
        self.current = current

    def fields(self) -> ComposeResult:
        yield from labelled("Ansvarlig (organisasjon eller person; tomt viser alle)", Input(self.current, id="responsible"))

    def submit(self) -> str:
        return self.value("#responsible")


# --- the register ---------------------------------------------------------------------


class FollowUpsTable(DataTable):
    # Enter on a row is the table's own key: named here, or it was «Select» to F1, footer and palette.
    BINDINGS = [Binding("enter", "select_cursor", "Åpne saken")]


class FollowUpsScreen(ArchiveScreen):
    """All follow-ups: open, overdue and done, filtered by body, responsible and status."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tilbake"),
        Binding("s", "next_status", "Status"),
        Binding("b", "next_body", "Utvalg"),
        # Hidden from the footer so «Slett» still fits at 100 columns with «Endre»: the filter
        # line names it («ansvarlig: alle (a)»), and F1 and the palette list it.
        Binding("a", "responsible", "Ansvarlig", show=False),
        # Each opens a form to type in; with no follow-up to open it on, the keys typed
        # after it are no keys (refuse_typing). Named in full in F1 and the palette.
        Binding("e", "edit_follow_up", "Endre", tooltip="Endre oppfølgingen"),
        Binding("l", "close_follow_up", "Lukk", tooltip="Lukk oppfølgingen (utført, med merknad)"),
        # Hidden from the footer so F1 still fits at 100 columns; F1 lists it, and «Lukk»
        # on a done follow-up says «g gjenåpner den».
        Binding("g", "reopen", "Gjenåpne", show=False),
        Binding("delete", "delete_follow_up", "Slett"),
        Binding("r", "refresh", "Oppdater", show=False),
    ]

    def __init__(self, *, today: dt.date | None = None):
        super().__init__()
        self.fixed_today = today  # tests pass a day; else the clock's, at each reload
        self.status: str | None = "open"
        self.body: m.Body | None = None
        self.responsible = ""
        self.rows: list[FollowUpRow] = []

    @property
    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Oppfølging", id="follow-ups-heading", classes="screen-title")
        yield Static(id="follow-ups-filters")
        yield FollowUpsTable(id="follow-ups", cursor_type="row", zebra_stripes=True)
        yield Static("Ingen oppfølginger med dette filteret.", id="follow-ups-empty", classes="empty-note")
        yield Footer()

    def on_mount(self) -> None:
        self.body = nuit_app(self).loaded_body
        table = self.query_one(DataTable)
        self.action_refresh()
        table.focus()

    def _columns(self, table: DataTable) -> bool:
        """The columns for the rows now listed, and whether «Utført» is one: only where done
        ones are listed or an open one was closed before (its earlier closings), «Ansvarlig» as wide as the longest name
        (12 to 24), and «Oppfølging» the rest of the screen's width (at least 20): at 100
        columns the description was cut at 24 and «Direktoratet for e-helse» at 20, with
        «Utført» empty."""
        done = self.status in ("done", None) or any(r.follow_up.closing_note for r in self.rows)
        who = max(12, min(24, max((cell_len(r.responsible) for r in self.rows), default=0)))
        others = [("Status", "status", 8), ("Frist", "due", 10), ("Ansvarlig", "who", who), ("Fra sak", "case", 12),
                  ("Møte", "meeting", 7), *([("Utført", "done", 22)] if done else [])]
        # Each column has a cell's padding on each side; the vertical scrollbar takes 2.
        what = max(20, self.app.size.width - 2 - sum(width + 2 for _, _, width in others) - 2)
        wanted = [*others[:2], ("Oppfølging", "what", what), *others[2:]]
        if [(str(c.label), c.key.value, c.width) for c in table.ordered_columns] != wanted:
            table.clear(columns=True)
            for label, key, width in wanted:
                table.add_column(label, key=key, width=width)
        return done

    def on_screen_resume(self) -> None:
        self.action_refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.is_mounted:
            self.action_refresh()  # «Oppfølging» takes the screen's new width

    def reload_from_file(self) -> None:
        """Another window committed: the register again, same filters, same follow-up selected."""
        self._refresh_body()
        self.action_refresh()

    def _refresh_body(self) -> None:
        """The body filter as stored now (renamed elsewhere); kept as it was if deleted."""
        if self.body is not None:
            self.body = next((b for b in self.archive.members.bodies() if b.id == self.body.id), self.body)

    def action_refresh(self, select_id: int | None = None) -> None:
        table = self.query_one(DataTable)
        keep = select_id if select_id is not None else self.selected_id
        place = table.cursor_row  # if the follow-up has left the list: the row at its place
        self.rows = self.archive.follow_ups.register(
            today=self.today,
            body_id=self.body.id if self.body else None,
            responsible=self.responsible or None,
            status=self.status,
        )
        table.clear()
        with_done = self._columns(table)
        cursor = max(0, min(place, len(self.rows) - 1))
        for index, row in enumerate(self.rows):
            f = row.follow_up
            done = closing_line(f)  # an open one's earlier closings, kept when it was reopened
            table.add_row(
                status_cell(row),
                numeric_date(f.due_date),
                f.description,
                row.responsible,
                row.case or row.body,
                row.meeting_ref,  # of the body in «Fra sak»
                *([done] if with_done else []),
                key=str(f.id),
            )
            if f.id == keep:
                cursor = index
        if self.rows:
            table.move_cursor(row=cursor)
        self.query_one("#follow-ups-empty").display = not self.rows
        body = self.body.short_name if self.body else "alle utvalg"
        who = f"«{self.responsible}»" if self.responsible else "alle"
        overdue = sum(1 for r in self.rows if r.overdue)
        counts = f"{len(self.rows)} vist" + (f", {overdue} forfalt" if overdue and self.status != "overdue" else "")
        self.query_one("#follow-ups-filters", Static).update(
            f"Status: {STATUS_FILTER_LABELS[self.status]} (s) · {body} (b) · ansvarlig: {who} (a)"
            f" · {counts} · i dag {numeric_date(self.today)}"
        )

    @property
    def selected_id(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key else None

    def _selected_row(self) -> FollowUpRow | None:
        selected = self.selected_id
        return next((r for r in self.rows if r.id == selected), None)

    # --- filters ------------------------------------------------------------------------

    def action_next_status(self) -> None:
        self.status = STATUS_CYCLE[(STATUS_CYCLE.index(self.status) + 1) % len(STATUS_CYCLE)]
        self.action_refresh()

    def action_next_body(self) -> None:
        bodies: list[m.Body | None] = [None, *self.archive.members.bodies()]
        ids = [b.id if b else None for b in bodies]
        current = self.body.id if self.body else None
        self.body = bodies[(ids.index(current) + 1) % len(bodies)] if current in ids else None
        self.action_refresh()

    def action_responsible(self) -> None:
        def chosen(text: str | None) -> None:
            if text is not None:
                self.responsible = text
                self.action_refresh()

        self.app.push_screen(ResponsibleFilterForm(self.responsible), chosen)

    # --- correcting, closing and reopening ------------------------------------------------

    def action_edit_follow_up(self) -> None:
        """«Endre oppfølging»: the form it was made with, filled in; saved by the form itself
        (the writer, merged with another window's changes), the row redrawn and kept selected."""
        row = self._selected_row()
        if row is None:
            refuse_typing(self.app, f"Ingen oppfølging å endre: {EMPTY_LIST}")
            return
        if self._locked(row, typing=True):
            return
        from .follow_up_form import FollowUpFormScreen

        def saved(follow_up: m.FollowUp | None) -> None:
            if follow_up is not None and follow_up is not row.follow_up:  # (the same: nothing changed)
                self.notify(f"Endret: {follow_up.description}")
                self.action_refresh(select_id=row.id)

        speakers = self.archive.minutes.speaker_names(row.meeting_id) if row.meeting_id else []
        names = sorted({*speakers, *(r.responsible for r in self.rows if r.responsible)})
        year = row.meeting_date.year if row.meeting_date else None
        form = FollowUpFormScreen(row.item_id, names, year, follow_up=row.follow_up)
        self.app.push_screen(form, saved)

    def _locked(self, row: FollowUpRow, *, typing: bool = False) -> bool:
        """Said at once, before a form or a question whose answer could not be saved: the
        follow-up's words are those of approved, locked minutes (closing it is not refused).
        With `typing` (a key that opens a form), the keys typed on for it are no keys."""
        with self.guard():
            refusal = self.archive.follow_ups.locked_refusal(row.item_id)
            if refusal and typing:
                refuse_typing(self.app, refusal)
            elif refusal:
                self.notify(refusal, severity="warning")
            return bool(refusal)
        return True  # (a refused read: told by the guard)

    def action_close_follow_up(self) -> None:
        row = self._selected_row()
        if row is None:
            refuse_typing(self.app, f"Ingen oppfølging å lukke: {EMPTY_LIST}")
            return
        if row.status == "done":
            refuse_typing(self.app, "Oppfølgingen er allerede utført; g gjenåpner den")
            return

        def closed(result: tuple[dt.date, str] | None) -> None:
            if result is None:
                return
            day, note = result

            def done(_) -> None:
                self.notify(f"Utført {numeric_date(day)}: {row.follow_up.description}")
                self.action_refresh(select_id=row.id)

            self.write(lambda: self.archive.follow_ups.close(row.id, on=day, note=note), done)

        self.app.push_screen(CloseFollowUpForm(row, self.today), closed)

    def action_reopen(self) -> None:
        row = self._selected_row()
        if row is None:
            return

        def done(_) -> None:
            self.notify(f"Gjenåpnet: {row.follow_up.description}")
            self.action_refresh(select_id=row.id)

        self.write(lambda: self.archive.follow_ups.reopen(row.id), done)

    # --- deleting and undoing -------------------------------------------------------------

    def action_delete_follow_up(self) -> None:
        row = self._selected_row()
        if row is None or self._locked(row):
            return
        label = f"oppfølgingen «{row.follow_up.description}»"

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            table = self.query_one(DataTable)
            place = table.cursor_row
            remember, undo = nuit_app(self).remember_deletion, self.archive.undo

            def deleted(_) -> None:
                self.notify(f"Slettet {label} (Ctrl+Z angrer)")
                # The follow-up that took its place keeps the cursor (the last one at the end).
                self.action_refresh()
                if table.row_count:
                    table.move_cursor(row=min(place, table.row_count - 1))

            self.write(lambda: remember(undo.delete_follow_up(row.id, label)), deleted)

        self.app.push_screen(ConfirmScreen(f"Slette {label}?"), confirmed)

    def undone(self, deletion) -> None:
        """Ctrl+Z put a follow-up back: select it if the filter shows it."""
        self.action_refresh(select_id=deletion.record_id if deletion.model is m.FollowUp else None)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_item()

    def action_open_item(self) -> None:
        row = self._selected_row()
        if row is None or row.item_id is None:
            return
        from .item import ItemScreen

        self.app.push_screen(ItemScreen(row.item_id))


# --- on a meeting's agenda --------------------------------------------------------------


class MeetingFollowUpsScreen(ModalScreen[int | None]):
    """«Oppfølging fra tidligere møter» for one meeting; a key puts one on the agenda.

    Dismisses with the id of the last item added (None if none)."""

    BINDINGS = [
        Binding("a,enter", "carry", "Sett på sakslisten"),
        Binding("escape", "done", "Lukk"),
    ]
    DEFAULT_CSS = """
    MeetingFollowUpsScreen { align: center middle; }
    MeetingFollowUpsScreen > Vertical { width: 120; max-width: 98%; height: auto; max-height: 85%; border: thick $primary; background: $panel; padding: 0 1; }
    MeetingFollowUpsScreen #carry-heading { dock: top; }
    MeetingFollowUpsScreen .hint { color: $text-muted; dock: bottom; }
    MeetingFollowUpsScreen DataTable { max-height: 100%; }
    """
    # The heading and the key line are docked: they stay in view however many follow-ups,
    # and the table (as tall as its rows, at most what is left between them) scrolls itself
    # by its cursor. Stacked, a table of 20 rows at 80×24 pushed the key line off the frame.

    def __init__(self, meeting_id: int):
        super().__init__()
        self.meeting_id = meeting_id
        self.rows: list[FollowUpRow] = []
        self.added: int | None = None

    @property
    def archive(self):
        return nuit_app(self).archive

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="carry-heading")
            yield DataTable(id="carry-table", cursor_type="row")
            yield Static("a/Enter: sett på sakslisten som orienteringssak · Escape: lukk", classes="hint")

    def on_mount(self) -> None:
        meeting = self.archive.meetings.get(self.meeting_id)
        body = self.archive.members.body_by_id(meeting.body_id)
        self.query_one("#carry-heading", Static).update(
            markup("[b]Oppfølging fra tidligere møter[/b] – $body møte $ref", body=body.short_name, ref=meeting.ref)
        )
        table = self.query_one(DataTable)
        table.add_column("Sak", key="case", width=20)
        table.add_column("Oppfølging", key="what", width=48)
        table.add_column("Ansvarlig", key="who", width=18)
        table.add_column("Frist", key="due", width=10)
        table.add_column("Sakslisten", key="carried", width=10)
        self._fill()
        table.focus()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        self.rows = self.archive.follow_ups.for_meeting(self.meeting_id)
        for row in self.rows:
            f = row.follow_up
            due = Text(numeric_date(f.due_date), style="bold red" if row.overdue else "")
            carried = Text("✓ står der", style="green") if row.carried else Text("")
            table.add_row(row.citation, f.description, row.responsible, due, carried, key=str(f.id))
        if not self.rows:
            table.add_row("", "Ingen åpne oppfølginger fra tidligere møter", "", "", "", key="none")
        self._fit_height()
        table.move_cursor(row=min(keep, table.row_count - 1))
        self.call_after_refresh(self._fit_height)  # the scrollbar is known once laid out

    def _fit_height(self) -> None:
        """As many rows as there are (up to 20), and a row for the scrollbar when the
        columns are wider than the frame (at 80 columns): it hid the only row, «Ingen åpne
        oppfølginger fra tidligere møter»."""
        table = self.query_one(DataTable)
        table.styles.height = min(table.row_count + 1, 20) + (1 if table.show_horizontal_scrollbar else 0)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_height)

    def action_carry(self) -> None:
        table = self.query_one(DataTable)
        if not self.rows:
            return
        row = self.rows[table.cursor_row]

        def carried(item: m.AgendaItem) -> None:
            self.added = item.id
            self.notify(f"«{carry_title(row.follow_up)}» er satt på sakslisten ({self.archive.agenda.case_label(item)})")
            self._fill()

        meeting_id, follow_ups = self.meeting_id, self.archive.follow_ups
        write(self, lambda: follow_ups.carry(meeting_id, row.id), carried)

    def action_done(self) -> None:
        self.dismiss(self.added)
