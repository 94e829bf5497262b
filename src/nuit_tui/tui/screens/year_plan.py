"""The year plan (årshjul): twelve months at a glance with the meetings and
deadlines, and the selected month's entries to open, add, edit and delete. In a small
terminal the calendar shows the selected month's quarter (or tertial) and the list
keeps its rows (see `widgets/year_calendar.py`)."""

from __future__ import annotations

import calendar
import datetime as dt

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header

from ...domain import models as m
from ...domain.norwegian import MONTHS, count, day_month, long_date
from ...errors import StoreError
from ..base import nuit_app
from ..text import DataTable, Static
from ..widgets.confirm import ConfirmScreen
from ..widgets.footer import Footer
from ..widgets.year_calendar import YearCalendar
from .base import ArchiveScreen

KIND_LABEL = {"meeting": "Møte", "deadline": "Frist", "derived": "Avledet"}
# The list keeps this many rows however short the terminal: the calendar shows fewer
# rows of months instead (at 80×24 the months did not fit, and the list was not seen).
LIST_ROWS = 6
# Besides the calendar and the list's rows: the two headings, the list's column names,
# and its horizontal scrollbar (a deadline's title is often wider than the terminal).
AROUND_CALENDAR = 4


class EntriesTable(DataTable):
    BINDINGS = [
        Binding("enter", "screen.open_entry", "Åpne"),
        Binding("delete", "screen.delete_entry", "Slett"),
    ]


class YearPlanScreen(ArchiveScreen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tilbake"),
        Binding("n", "new_deadline", "Ny frist"),
        Binding("g", "new_rule", "Ny regel"),
        Binding("b", "next_body", "Bytt utvalg", show=False),
        Binding("c", "next_category", "Kategori", show=False),
        Binding("tab", "app.focus_next", "Kalender/liste", show=False),
        Binding("w", "export_wheel", "Årshjul (SVG)"),
        Binding("k", "export_ics", "Kalender (.ics)"),
    ]

    def __init__(self, day: dt.date | None = None):
        super().__init__()
        self.start_day = day
        self.category: str | None = None
        self.body_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="plan-heading", classes="screen-title")
        yield YearCalendar(self.start_day or dt.date.today(), leave=AROUND_CALENDAR + LIST_ROWS, id="calendar")
        yield Static(id="month-heading", classes="screen-title")
        yield EntriesTable(id="entries", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.body_id = nuit_app(self).body_id
        if self.start_day is None:
            # Open where the plan has content: this year, or the newest meeting's year.
            year = dt.date.today().year
            if not self.archive.year_plan.entries(year, body_id=self.body_id, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31)):
                newest = self.archive.year_plan.default_year(self.body_id)
                if newest != year:
                    self.query_one(YearCalendar).set_reactive(YearCalendar.selected, dt.date(newest, 1, 1))
        table = self.query_one(EntriesTable)
        # The month and year are in the heading above: «13. januar» leaves the title room at 80 columns.
        table.add_column("Dato", width=13)
        table.add_column("Type", width=8)
        table.add_column("Utvalg", width=7)
        table.add_column("Tittel")
        table.add_column("Kategori", width=14)
        self.reload(year_changed=True)
        self.query_one(YearCalendar).focus()
        for problem in self.archive.year_plan.rules_to_put_right(body_id=self.body_id):
            self.notify(problem, severity="warning", timeout=15)

    def on_screen_resume(self) -> None:
        # Back from a form or a question: the same entry, or the row at its place.
        self.reload_from_file()

    def reload_from_file(self) -> None:
        """Another window committed: the year and month again, same day, filters and entry."""
        entry, row = self._selected_entry(), self.query_one(EntriesTable).cursor_row
        if self.body_id is not None and all(b.id != self.body_id for b in self.archive.members.bodies()):
            self.body_id = None  # the body was deleted there: all bodies
        self.reload(year_changed=True)
        self._select_again(entry, row)

    def _select_again(self, entry, row: int) -> None:
        """The same entry (kind, record, date) if still listed, else the row at the same place."""
        table = self.query_one(EntriesTable)
        if not table.row_count:
            return
        if entry is not None:
            same = [i for i, e in enumerate(self.entries) if (e.kind, e.ref_id) == (entry.kind, entry.ref_id)]
            row = next((i for i in same if self.entries[i].date == entry.date), same[0] if same else row)
        table.move_cursor(row=min(row, table.row_count - 1))

    @property
    def selected(self) -> dt.date:
        return self.query_one(YearCalendar).selected

    def reload(self, *, year_changed: bool = True) -> None:
        day = self.selected
        body = self.archive.members.body_by_id(self.body_id).short_name if self.body_id else "alle utvalg"
        self.query_one("#plan-heading", Static).update(
            f"Årshjul {day.year} · {body} · kategori: {self.category or 'alle'}"
        )
        if year_changed:
            # One row per marked day, not per entry: the year opens as fast with 10 000 deadlines.
            entries_days = self.archive.year_plan.deadline_days(day.year, body_id=self.body_id, category=self.category)
            meetings = {
                e.date
                for e in self.archive.year_plan.entries(day.year, body_id=self.body_id, category="møte")
                if e.kind == "meeting"
            } if self.category in (None, "møte") else set()
            derived = {
                e.date for e in self.archive.year_plan.entries(day.year, body_id=self.body_id, category=self.category) if e.kind == "derived"
            } if self.archive.year_plan.rules(body_id=self.body_id) else set()
            self.query_one(YearCalendar).set_marks(meetings, set(entries_days) | derived)
        self._fill_month(day)

    def _fill_month(self, day: dt.date) -> None:
        first = day.replace(day=1)
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        entries = self.archive.year_plan.entries(day.year, body_id=self.body_id, category=self.category, start=first, end=last)
        self.entries = entries
        self.query_one("#month-heading", Static).update(
            f"{MONTHS[day.month - 1].capitalize()} {day.year}: {count(len(entries), 'oppføring', 'oppføringer')} · valgt dag {long_date(day)}"
        )
        table = self.query_one(EntriesTable)
        table.clear()
        names = {b.id: b.short_name for b in self.archive.members.bodies()}
        cursor = 0
        for index, entry in enumerate(entries):
            title = entry.title + ("  [unntatt]" if entry.exempt else "")
            table.add_row(
                day_month(entry.date), KIND_LABEL[entry.kind], names.get(entry.body_id, "alle"), title, entry.category,
                key=f"{entry.kind}:{entry.ref_id}:{index}",
            )
            if entry.date <= day:
                cursor = index
        if entries:
            table.move_cursor(row=cursor)

    @on(YearCalendar.Moved)
    def _moved(self, event: YearCalendar.Moved) -> None:
        self.reload(year_changed=event.year_changed)

    def _selected_entry(self):
        table = self.query_one(EntriesTable)
        if not table.row_count:
            return None
        return self.entries[table.cursor_row]

    def meeting_in_focus(self) -> int | None:
        entry = self._selected_entry()
        return entry.ref_id if entry is not None and entry.kind == "meeting" else None

    # --- actions ------------------------------------------------------------------------

    def action_new_deadline(self) -> None:
        from .deadline_form import DeadlineFormScreen

        def added(deadline: m.Deadline) -> None:
            self.notify(f"Fristen «{deadline.title}» {long_date(deadline.date)} er lagt inn")
            self.query_one(YearCalendar).selected = deadline.date
            self.reload(year_changed=True)

        def saved(deadline: m.Deadline | None) -> None:
            if deadline is not None:
                year_plan = self.archive.year_plan
                self.write(lambda: year_plan.add_deadline(deadline), added)

        self.app.push_screen(
            DeadlineFormScreen(None, day=self.selected, body_id=self.body_id, categories=self.archive.year_plan.deadline_categories()), saved
        )

    def action_new_rule(self) -> None:
        self._edit_rule(None)

    def _edit_rule(self, rule: m.DeadlineRule | None) -> None:
        from .deadline_form import RuleFormScreen

        def saved(result: m.DeadlineRule | None) -> None:
            if result is None:
                return

            def stored(rule: m.DeadlineRule) -> None:
                self.notify(f"Regelen «{rule.title}» er lagret; datoene følger møtene")
                self.reload(year_changed=True)

            year_plan = self.archive.year_plan
            self.write(lambda: year_plan.update_rule(result) if result.id else year_plan.add_rule(result), stored)

        self.app.push_screen(
            RuleFormScreen(rule, bodies=self.archive.members.bodies(), body_id=self.body_id, categories=self.archive.year_plan.deadline_categories()),
            saved,
        )

    def action_open_entry(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        if entry.kind == "meeting":
            from .agenda import AgendaScreen

            self.app.push_screen(AgendaScreen(entry.ref_id))
        elif entry.kind == "derived":
            self._edit_rule(self.archive.year_plan.rule(entry.ref_id))
        else:
            from .deadline_form import DeadlineFormScreen

            def saved(deadline: m.Deadline | None) -> None:
                if deadline is not None:

                    def stored(_: object) -> None:
                        self.notify("Fristen er lagret")
                        self.reload(year_changed=True)

                    year_plan = self.archive.year_plan
                    self.write(lambda: year_plan.update_deadline(deadline), stored)

            self.app.push_screen(
                DeadlineFormScreen(
                    self.archive.year_plan.deadline(entry.ref_id), day=entry.date, body_id=self.body_id, categories=self.archive.year_plan.deadline_categories()
                ),
                saved,
            )

    def action_delete_entry(self) -> None:
        entry = self._selected_entry()
        if entry is None or entry.kind == "meeting":
            if entry is not None:
                self.notify("Møter slettes ikke her; åpne møtet (Enter) for å avlyse det", severity="warning")
            return
        what = "regelen" if entry.kind == "derived" else "fristen"

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            table = self.query_one(EntriesTable)
            row = table.cursor_row
            undo, remember = self.archive.undo, nuit_app(self).remember_deletion
            label = f"{what} «{entry.title}»"

            def delete() -> None:
                remember((undo.delete_rule if entry.kind == "derived" else undo.delete_deadline)(entry.ref_id, label))

            def deleted(_: None) -> None:
                self.notify(f"Slettet {label} (Ctrl+Z angrer)")
                self.reload(year_changed=True)
                # The entry that took its place keeps the cursor (the last one at the end).
                if table.row_count:
                    table.move_cursor(row=min(row, table.row_count - 1))

            self.write(delete, deleted)

        extra = " (alle datoene den gir)" if entry.kind == "derived" else ""
        self.app.push_screen(ConfirmScreen(f"Slette {what} «{entry.title}»{extra}?"), confirmed)

    def undone(self, deletion) -> None:
        """Ctrl+Z put a deadline or rule back: select it if this month lists it."""
        table = self.query_one(EntriesTable)
        row = table.cursor_row
        kind = "derived" if deletion.model is m.DeadlineRule else "deadline" if deletion.model is m.Deadline else None
        self.reload(year_changed=True)
        same = [i for i, e in enumerate(self.entries) if (e.kind, e.ref_id) == (kind, deletion.record_id)]
        if table.row_count:
            table.move_cursor(row=same[0] if same else min(row, table.row_count - 1))

    def action_next_body(self) -> None:
        ids: list[int | None] = [b.id for b in self.archive.members.bodies()] + [None]
        self.body_id = ids[(ids.index(self.body_id) + 1) % len(ids)] if self.body_id in ids else None
        self.reload(year_changed=True)

    def action_next_category(self) -> None:
        options: list[str | None] = [None, *self.archive.year_plan.deadline_categories()]
        self.category = options[(options.index(self.category) + 1) % len(options)] if self.category in options else None
        self.reload(year_changed=True)

    def action_export_wheel(self) -> None:
        from .export_form import ExportFormScreen

        def chosen(choice) -> None:
            if choice is not None:
                self._export_wheel(choice[1])

        # As for the calendar: public (no exempt deadline) or internal (each marked «Unntatt offentlighet»).
        self.app.push_screen(ExportFormScreen("Årshjul", formats=[("SVG for A4 eller lysbilde (.svg)", "svg")]), chosen)

    @work(thread=True, exclusive=True, group="export")
    def _export_wheel(self, public: bool) -> None:
        try:
            path = self.archive.year_plan.export_wheel(self.selected.year, body_id=self.body_id, public=public)
        except (StoreError, OSError) as exc:
            self.app.call_from_thread(self.notify, f"Eksporten feilet: {exc}", severity="error")
            return
        version = "Det offentlige årshjulet, uten unntatte frister," if public else "Årshjulet"
        self.app.call_from_thread(self.notify, f"{version} er skrevet til {path}")

    def action_export_ics(self) -> None:
        from .export_form import ExportFormScreen

        def chosen(choice) -> None:
            if choice is not None:
                self._export_ics(choice[1])

        self.app.push_screen(ExportFormScreen("Kalender", formats=[("iCalendar for Outlook (.ics)", "ics")]), chosen)

    @work(thread=True, exclusive=True, group="export")
    def _export_ics(self, public: bool) -> None:
        from ...services.calendar import export_ics

        try:
            # In this worker's thread the archive reads on a read-only connection of its
            # own, in one snapshot that holds no lock; only the record of what was
            # exported is a (short) write, through the app's writer.
            path = export_ics(self.archive, body_id=self.body_id, year=self.selected.year, public=public)
        except (StoreError, OSError, ValueError) as exc:
            self.app.call_from_thread(self.notify, f"Eksporten feilet: {exc}", severity="error")
            return
        # How to bring it into Outlook, in the words of Outlook's Norwegian menus (a secretary has no README).
        self.app.call_from_thread(
            self.notify,
            f"Kalenderen er skrevet til {path}. I Outlook: lag en egen kalender for årshjulet, så Fil › Åpne og"
            " eksporter › Importer/eksporter › «Importer en iCalendar-fil», og velg «Importer».",
            timeout=15,
        )
