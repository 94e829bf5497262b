"""The list of meetings, newest first, across all years, a page at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header

from ...domain import labels
from ...domain.enums import MeetingStatus
from ...domain.norwegian import long_date, time_span
from ..base import nuit_app
from ..text import DataTable, Static
from ..textual_fixes import stop_watching
from ..widgets.footer import Footer
from .base import ArchiveScreen, choose_body_hint

if TYPE_CHECKING:
    from ...domain import models as m

PAGE_SIZE = 100


class MeetingsTable(DataTable):
    """Meetings of one body (or all) that fetches the next page as the cursor nears the end."""

    BINDINGS = [Binding("enter", "select_cursor", "Åpne", tooltip="Åpne møte")]

    def __init__(self, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.loaded = 0
        self.exhausted = False
        self.body_names: dict[int, str] = {}
        self.year: int | None = None  # None: all years

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
        # The start screen: plain rows, so it paints before the models are loaded.
        self.body_names = {b.id: b.short_name for b in nuit_app(self).start.rows.body_rows()}
        self.load_page()

    def load_page(self) -> None:
        if self.exhausted:
            return
        body = nuit_app(self).body
        meetings = nuit_app(self).start.rows.meeting_rows(
            body.id if body else None, year=self.year, limit=PAGE_SIZE, offset=self.loaded
        )
        # Count first: adding rows moves the cursor, whose watcher asks for more.
        self.loaded += len(meetings)
        self.exhausted = len(meetings) < PAGE_SIZE
        for meeting in meetings:
            self.add_row(
                meeting.ref,
                self.body_names.get(meeting.body_id, "?"),
                long_date(meeting.date),
                time_span(meeting.start_time, meeting.end_time),
                labels.MEETING_STATUS[MeetingStatus(meeting.status)],
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


class MeetingsScreen(ArchiveScreen):
    """Start screen: the current body's meetings."""

    # The footer shows the keys that fit, in this order (F1 lists them all): the most
    # used first, a meeting made by mistake deleted last. A footer word shorter than the
    # key's name has the name as its tooltip, which F1 and the palette show.
    BINDINGS = [
        Binding("n", "new_meeting", "Ny", tooltip="Nytt møte"),
        Binding("k", "copy_meeting", "Kopier som mal", show=False),
        Binding("b", "next_body", "Utvalg", tooltip="Bytt utvalg"),
        Binding("y", "next_year", "År", tooltip="Bytt år"),
        Binding("slash", "search", "Søk"),
        Binding("a", "year_plan", "Årshjul"),
        Binding("u", "follow_ups", "Oppfølging"),
        Binding("m", "members", "Medlemmer"),
        Binding("delete,d", "delete_meeting", "Slett", tooltip="Slett møte"),
        Binding("i", "import_document", "Importer dokument …", show=False),
        Binding("r", "refresh", "Oppdater", show=False),
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

    def on_unmount(self) -> None:
        stop_watching(self, self.app, "body")  # else the app's list keeps this screen alive

    def _body_changed(self) -> None:
        self.action_refresh()

    def reload_from_file(self) -> None:
        table = self.query_one(MeetingsTable)
        row = table.cursor_row
        self.action_refresh()
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def action_refresh(self) -> None:
        table = self.query_one(MeetingsTable)
        table.reload()
        body = nuit_app(self).body
        heading = f"Møter i {body.short_name} – {body.name}" if body else "Møter i alle utvalg"
        year = f" · {table.year}" if table.year else " · alle år"
        self.query_one("#heading", Static).update(heading + year)
        self.query_one("#empty").display = table.row_count == 0
        table.focus()

    def action_year_plan(self) -> None:
        from .year_plan import YearPlanScreen

        self.app.push_screen(YearPlanScreen())

    def action_next_year(self) -> None:
        """All years → the newest → … → the oldest → all years."""
        table = self.query_one(MeetingsTable)
        body = nuit_app(self).body
        years: list[int | None] = [None, *nuit_app(self).start.rows.meeting_years(body.id if body else None)]
        table.year = years[(years.index(table.year) + 1) % len(years)] if table.year in years else None
        self.action_refresh()

    def action_new_meeting(self) -> None:
        body, body_id = nuit_app(self).body, nuit_app(self).body_id
        if body is None or body_id is None:
            self.notify(choose_body_hint(self.archive), severity="warning")
            return
        from .meeting_form import MeetingFormScreen, same_day_asker

        def created(details) -> None:
            if details is None:
                return

            def made(meeting: m.Meeting) -> None:
                self.notify(f"Møte {meeting.ref} i {body.short_name} er opprettet med standardsakene")
                self.action_refresh()
                self._open(meeting.stored_id)

            meetings = self.archive.meetings
            self.write(
                lambda: meetings.create(
                    body_id, details.date, details.start, details.end, location=details.location, video_link=details.video_link
                ),
                made,
            )

        self.app.push_screen(MeetingFormScreen(f"Nytt møte i {body.short_name}", ask=same_day_asker(self, body_id)), created)

    def action_copy_meeting(self) -> None:
        """A new meeting with the selected one's items (titles, types, durations) as template."""
        template_id = self.query_one(MeetingsTable).selected_meeting_id
        if template_id is None:
            return
        archive = self.archive
        template = archive.meetings.get(template_id)
        body = archive.members.body_by_id(template.body_id)
        from ..widgets.form import OnWriter
        from .meeting_form import MeetingDetails, MeetingFormScreen, same_day_asker

        def save(details: MeetingDetails) -> OnWriter[object]:
            # In the form: a refusal (the template's items past midnight) leaves it open as typed.
            return OnWriter(
                lambda: archive.agenda.create_meeting_from(
                    template.stored_id, details.date, details.start, details.end, location=details.location, video_link=details.video_link
                )
            )

        def made(result: tuple[m.Meeting, int] | None) -> None:
            if result is None:
                return
            meeting, copied = result
            self.notify(f"Møte {meeting.ref} er opprettet med {copied} punkter fra {template.ref}")
            self.action_refresh()
            self._open(meeting.stored_id)

        title, note = f"Nytt møte i {body.short_name} etter mal", f"{body.short_name} {template.ref}"
        ask = same_day_asker(self, template.body_id)
        self.app.push_screen(MeetingFormScreen(title, template, template_note=note, ask=ask, save=save), made)

    def action_delete_meeting(self) -> None:
        """Delete a meeting created by mistake (no notice sent, nothing recorded), after a yes."""
        meeting_id = self.query_one(MeetingsTable).selected_meeting_id
        if meeting_id is None:
            return
        meetings = self.archive.meetings
        refusal = meetings.deletion_refusal(meeting_id)
        if refusal:
            self.notify(refusal, severity="warning")
            return
        meeting = meetings.get(meeting_id)
        body = self.archive.members.body_by_id(meeting.body_id)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return

            def deleted(_: None) -> None:
                self.notify(f"Møte {meeting.ref} i {body.short_name} er slettet")
                self.action_refresh()

            self.write(lambda: meetings.delete(meeting_id), deleted)

        from ..widgets.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen(
                f"Slette møte {meeting.ref} i {body.short_name} ({long_date(meeting.date)}) med sakslisten?"
                + (f" {note}" if (note := meetings.deletion_note(meeting_id)) else "")
            ),
            confirmed,
        )

    def action_follow_ups(self) -> None:
        from .follow_ups import FollowUpsScreen

        self.app.push_screen(FollowUpsScreen())

    def action_search(self) -> None:
        from .search import SearchScreen

        self.app.push_screen(SearchScreen())

    def action_import_document(self) -> None:
        from .import_document import ImportScreen

        self.app.push_screen(ImportScreen())

    def action_members(self) -> None:
        from .members import MembersScreen

        self.app.push_screen(MembersScreen())

    def action_next_body(self) -> None:
        registered = self.archive.members.bodies()
        if not registered:
            self.notify(choose_body_hint(self.archive), severity="warning")
            return
        bodies = [*registered, None]
        current = nuit_app(self).body
        index = next((i for i, b in enumerate(bodies) if (b and b.id) == (current and current.id)), -1)
        nuit_app(self).body = bodies[(index + 1) % len(bodies)]

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_meeting()

    def meeting_in_focus(self) -> int | None:
        return self.query_one(MeetingsTable).selected_meeting_id

    def action_open_meeting(self) -> None:
        meeting_id = self.query_one(MeetingsTable).selected_meeting_id
        if meeting_id is not None:
            self._open(meeting_id)

    def _open(self, meeting_id: int) -> None:
        from .agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(meeting_id))
