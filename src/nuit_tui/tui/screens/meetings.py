"""The list of meetings, newest first, across all years, a page at a time."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ...domain import labels
from ...domain import models as m
from ...domain.norwegian import long_date, time_span

PAGE_SIZE = 100


class MeetingsTable(DataTable):
    """Meetings of one body (or all) that fetches the next page as the cursor nears the end."""

    BINDINGS = [Binding("enter", "select_cursor", "Åpne møte")]

    def __init__(self, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.loaded = 0
        self.exhausted = False
        self.body_names: dict[int, str] = {}

    def on_mount(self) -> None:
        self.add_column("Møte", key="ref", width=8)
        self.add_column("Utvalg", key="body", width=7)
        self.add_column("Dato", key="date", width=18)
        self.add_column("Tid", key="time", width=16)
        self.add_column("Status", key="status", width=16)
        self.add_column("Sted", key="location")

    def reload(self) -> None:
        self.exhausted = True  # clear() moves the cursor; its watcher must not load yet
        self.clear()
        self.loaded = 0
        self.exhausted = False
        self.body_names = {b.id: b.short_name for b in self.app.archive.bodies()}
        self.load_page()

    def load_page(self) -> None:
        if self.exhausted:
            return
        body = self.app.body
        meetings = self.app.archive.meetings_page(body.id if body else None, limit=PAGE_SIZE, offset=self.loaded)
        # Count first: adding rows moves the cursor, whose watcher asks for more.
        self.loaded += len(meetings)
        self.exhausted = len(meetings) < PAGE_SIZE
        for meeting in meetings:
            self.add_row(
                meeting.ref,
                self.body_names.get(meeting.body_id, "?"),
                long_date(meeting.date),
                time_span(meeting.start_time, meeting.end_time),
                labels.MEETING_STATUS[meeting.status],
                meeting.location or meeting.video_link or "",
                key=str(meeting.id),
            )

    def watch_cursor_coordinate(self, old, new) -> None:
        super().watch_cursor_coordinate(old, new)
        if not self.exhausted and new.row >= self.loaded - 10:
            self.load_page()

    @property
    def selected_meeting_id(self) -> int | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return int(key.value) if key.value else None


class MeetingsScreen(Screen):
    """Start screen: the current body's meetings."""

    BINDINGS = [
        Binding("b", "next_body", "Bytt utvalg"),
        Binding("r", "refresh", "Oppdater"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="heading", classes="screen-title")
        yield MeetingsTable(id="meetings")
        yield Static("Ingen møter ennå.", id="empty", classes="empty-note")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "body", self._body_changed, init=False)
        self.action_refresh()

    def _body_changed(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        table = self.query_one(MeetingsTable)
        table.reload()
        body = self.app.body
        self.query_one("#heading", Static).update(
            f"Møter i {body.short_name} – {body.name}" if body else "Møter i alle utvalg"
        )
        self.query_one("#empty").display = table.row_count == 0
        table.focus()

    def action_next_body(self) -> None:
        bodies: list[m.Body | None] = [*self.app.archive.bodies(), None]
        current = self.app.body
        index = next((i for i, b in enumerate(bodies) if (b and b.id) == (current and current.id)), -1)
        self.app.body = bodies[(index + 1) % len(bodies)]

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_meeting()

    def action_open_meeting(self) -> None:
        meeting_id = self.query_one(MeetingsTable).selected_meeting_id
        if meeting_id is not None:
            from .agenda import AgendaScreen

            self.app.push_screen(AgendaScreen(meeting_id))
