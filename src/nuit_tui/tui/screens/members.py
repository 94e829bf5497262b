"""The members registry: memberships of the current body, people, organisations, bodies.

Every change is written at once through the Archive. A membership is ended (a)
rather than deleted, so that the member list of a past meeting stays as it was.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, TabbedContent, TabPane

from ..base import nuit_app
from ..text import Static
from ..textual_fixes import stop_watching
from ..widgets.footer import Footer
from .base import ArchiveScreen
from .member_tables import BodiesTable, MembershipsTable, OrganizationsTable, PeopleTable, RegistryTable, SearchInput

TABS = ("memberships", "people", "organizations", "bodies")


class MembersScreen(ArchiveScreen):
    """Who sits in which body, for whom, from when to when."""

    CSS_PATH = "members.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tilbake"),
        Binding("b", "next_body", "Bytt utvalg"),
        Binding("1", "show_tab('memberships')", "Fane Medlemskap", show=False),
        Binding("2", "show_tab('people')", "Fane Personer", show=False),
        Binding("3", "show_tab('organizations')", "Fane Organisasjoner", show=False),
        Binding("4", "show_tab('bodies')", "Fane Utvalg", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="members-heading", classes="screen-title")
        with TabbedContent(initial="memberships"):
            with TabPane("Medlemskap", id="memberships"):
                yield MembershipsTable(id="memberships-table")
                yield Static(id="memberships-note", classes="empty-note")
            with TabPane("Personer", id="people"):
                yield SearchInput("people-table", id="people-table-search")
                yield PeopleTable(id="people-table")
                yield Static(id="people-table-note", classes="list-note")
            with TabPane("Organisasjoner", id="organizations"):
                yield SearchInput("organizations-table", id="organizations-table-search")
                yield OrganizationsTable(id="organizations-table")
                yield Static(id="organizations-table-note", classes="list-note")
            with TabPane("Utvalg", id="bodies"):
                yield BodiesTable(id="bodies-table")
        yield Footer()

    def on_mount(self) -> None:
        for search in self.query(SearchInput):
            search.display = False
        self.watch(self.app, "body", self._body_changed, init=False)
        self.reload_all()
        self.query_one(MembershipsTable).focus()

    def on_unmount(self) -> None:
        stop_watching(self, self.app, "body")  # else the app's list keeps this screen alive

    def _body_changed(self) -> None:
        self.reload_all()

    def reload_from_file(self) -> None:
        """Another window committed: every tab again, each keeping its row and its search."""
        body = nuit_app(self).body
        fresh = next((b for b in self.archive.members.bodies() if b.id == body.id), body) if body else None
        if fresh != body:
            nuit_app(self).body = fresh  # renamed there: the title bar shows it too, and _body_changed reloads
        else:
            self.reload_all()

    def reload_all(self) -> None:
        for table in self.query(RegistryTable):
            table.reload()
        body = nuit_app(self).body
        heading = self.query_one("#members-heading", Static)
        note = self.query_one("#memberships-note", Static)
        memberships = self.query_one(MembershipsTable)
        if body is None:
            heading.update("Medlemmer · velg et utvalg med b   (1–4 bytter fane)")
            note.update("Velg et utvalg med b for å se medlemmene.")
        else:
            heading.update(f"Medlemmer · {body.short_name} – {body.name}   (1–4 bytter fane)")
            note.update(f"Ingen medlemskap i {body.short_name} ennå. Trykk n for å legge til.")
        note.display = memberships.row_count == 0

    def action_next_body(self) -> None:
        bodies = self.archive.members.bodies()
        if not bodies:
            self.notify("Det finnes ingen utvalg ennå; legg til et i fanen Utvalg (4)", severity="warning")
            return
        current = nuit_app(self).body
        index = next((i for i, b in enumerate(bodies) if current is not None and b.id == current.id), -1)
        nuit_app(self).body = bodies[(index + 1) % len(bodies)]
        self.action_show_tab("memberships")

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(f"#{tab}-table", RegistryTable).focus()

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id
        if pane in TABS:
            self.query_one(f"#{pane}-table", RegistryTable).focus()
