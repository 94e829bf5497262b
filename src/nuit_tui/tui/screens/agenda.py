"""One meeting's agenda as the notice prints it: Sak | Agenda | Tidspunkt | Sakstype."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ...domain import labels
from ...domain.norwegian import clock, long_date, time_span


class AgendaScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Tilbake")]

    def __init__(self, meeting_id: int):
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="meeting-heading", classes="screen-title")
        yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
        yield Static(id="plan-note", classes="empty-note")
        yield Footer()

    def on_mount(self) -> None:
        archive = self.app.archive
        agenda = archive.agenda(self.meeting_id)
        meeting = agenda.meeting
        body = archive.body_by_id(meeting.body_id)
        self.query_one("#meeting-heading", Static).update(
            f"{body.short_name} møte {meeting.ref} · {long_date(meeting.date)} · "
            f"{time_span(meeting.start_time, meeting.end_time)} · {labels.MEETING_STATUS[meeting.status]}"
        )
        table = self.query_one("#agenda", DataTable)
        table.add_column("Sak", width=7)
        table.add_column("Agenda")
        table.add_column("Tidspunkt", width=9)
        table.add_column("Sakstype", width=12)
        for row in agenda.rows:
            item = row.item
            table.add_row(
                row.case_number,
                item.title,
                clock(row.start),
                item.item_type.value if item.item_type else "",
                key=str(item.id),
            )
        table.add_row("", "Slutt", clock(agenda.plan.finish), "")
        note = self.query_one("#plan-note", Static)
        if agenda.plan.overrun_minutes:
            note.update(f"Saklisten går {agenda.plan.overrun_minutes} min over møteslutt kl. {clock(meeting.end_time)}.")
            note.add_class("warning")
        else:
            note.display = False
        table.focus()
