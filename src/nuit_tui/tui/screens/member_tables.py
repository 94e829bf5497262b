"""The tables of the members screen: memberships of the current body, people,
organisations and bodies, each with its own keys (new, edit, delete, order)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol, cast

from rich.text import Text
from textual.binding import Binding

from ...domain import labels
from ...domain import models as m
from ...domain.norwegian import long_date, numeric_date
from ..base import guard, nuit_app
from ..text import DataTable, Static
from ..widgets.confirm import ConfirmScreen
from ..widgets.fields import Input
from ..writes import write
from .member_forms import BodyForm, EndMembershipForm, MembershipForm, OrganizationForm, PersonForm, TemplateForm


class _ReloadsAll(Protocol):
    """The members screen these tables live on (not imported: it imports them)."""

    def reload_all(self) -> None: ...

PAGE_SIZE = 200  # people and organisations on screen at once; the search narrows further


class RegistryTable(DataTable):
    """A list whose rows are keyed by record id and that keeps its cursor across reloads."""

    def __init__(self, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    @property
    def selected_id(self) -> int | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return int(key.value) if key.value else None

    def fill(self) -> None:
        raise NotImplementedError

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else self.selected_id
        row = self.cursor_row
        self.clear()
        self.fill()
        if keep is not None and str(keep) in self.rows:
            self.move_cursor(row=self.get_row_index(str(keep)), animate=False)
        elif self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1), animate=False)

    def selected_or_say(self) -> int | None:
        record_id = self.selected_id
        if record_id is None:
            self.notify("Listen er tom", severity="warning")
        return record_id

    def after_change(self, select: int | None = None) -> None:
        """Names show up in other tabs too: reload them all."""
        cast(_ReloadsAll, self.screen).reload_all()
        if select is not None:
            self.reload(select)

    def delete_after_asking(self, question: str, delete: Callable[[], object], done: str, then: Callable[[], object] = lambda: None) -> None:
        """Ask, then delete on the writer and say what was deleted (or why not)."""

        def deleted(_: object) -> None:
            then()
            self.notify(done)
            self.after_change()

        def refused(exc: Exception) -> None:
            with guard(self, timeout=8):
                raise exc

        def answered(yes: bool | None) -> None:
            if yes:
                write(self, delete, deleted, failed=refused)

        self.app.push_screen(ConfirmScreen(question, yes="Slett", no="Avbryt"), answered)


class MembershipsTable(RegistryTable):
    """The current body's memberships, in the order the notice lists them."""

    BINDINGS = [
        Binding("n", "new", "Nytt medlemskap"),
        Binding("e", "edit", "Endre"),
        Binding("enter", "edit", "Endre markert medlemskap", show=False),
        Binding("a", "end", "Avslutt medlemskap"),
        Binding("d", "delete", "Slett"),
        Binding("delete", "delete", "Slett markert medlemskap", show=False),
        # Hidden from the crowded footer; F1 lists them.
        Binding("ctrl+up", "move(-1)", "Flytt opp (rekkefølgen i innkallingen)", show=False),
        Binding("ctrl+down", "move(1)", "Flytt ned (rekkefølgen i innkallingen)", show=False),
    ]

    def on_mount(self) -> None:
        self.add_column("Navn", key="name")
        self.add_column("Rolle", key="role", width=13)
        self.add_column("Representerer", key="organization")
        self.add_column("Stedfortreder for", key="substitute_for")
        self.add_column("Fra", key="from", width=10)
        self.add_column("Til", key="to", width=10)

    def fill(self) -> None:
        body_id = nuit_app(self).body_id
        if body_id is None:
            return
        archive = nuit_app(self).archive
        memberships = archive.members.memberships(body_id)
        people = archive.members.people_by_ids(
            [ms.person_id for ms in memberships] + [ms.substitute_for_person_id for ms in memberships]
        )
        orgs = archive.members.organizations_by_ids(ms.organization_id for ms in memberships)
        today = dt.date.today()
        for ms in memberships:
            # Ended memberships stay listed, dimmed: they are part of past meetings.
            style = "dim" if ms.valid_to is not None and ms.valid_to < today else ""
            cells = (
                people[ms.person_id].name if ms.person_id in people else "?",
                labels.MEMBERSHIP_ROLE[ms.role],
                orgs[ms.organization_id].name if ms.organization_id in orgs else "",
                people[ms.substitute_for_person_id].name if ms.substitute_for_person_id in people else "",
                numeric_date(ms.valid_from) if ms.valid_from else "",
                numeric_date(ms.valid_to) if ms.valid_to else "",
            )
            self.add_row(*(Text(cell, style=style) for cell in cells), key=str(ms.id))

    def _names(self, membership_id: int) -> tuple[m.Membership, str, m.Body]:
        archive = nuit_app(self).archive
        ms = archive.members.membership(membership_id)
        return ms, archive.members.person(ms.person_id).name, archive.members.body_by_id(ms.body_id)

    def action_new(self) -> None:
        body = nuit_app(self).loaded_body
        if body is None:
            self.notify("Velg et utvalg først (b)", severity="warning")
            return

        def saved(ms: m.Membership | None) -> None:
            if ms is not None:
                name = nuit_app(self).archive.members.person(ms.person_id).name
                self.notify(f"{name} er lagt til i {body.short_name} som {labels.MEMBERSHIP_ROLE[ms.role].lower()}")
                self.after_change(ms.id)

        self.app.push_screen(MembershipForm(body), saved)

    def action_edit(self) -> None:
        if (membership_id := self.selected_or_say()) is None:
            return
        ms, _, body = self._names(membership_id)

        def saved(ms: m.Membership | None) -> None:
            if ms is not None:
                self.notify("Medlemskapet er lagret")
                self.after_change(ms.id)

        self.app.push_screen(MembershipForm(body, ms), saved)

    def action_end(self) -> None:
        if (membership_id := self.selected_or_say()) is None:
            return
        ms, name, body = self._names(membership_id)

        def saved(ms: m.Membership | None) -> None:
            if ms is not None and ms.valid_to is not None:
                self.notify(f"{name} er med i {body.short_name} til og med {long_date(ms.valid_to)}")
                self.after_change(ms.id)

        self.app.push_screen(EndMembershipForm(ms, name, body.short_name), saved)

    def action_delete(self) -> None:
        if (membership_id := self.selected_or_say()) is None:
            return
        _, name, body = self._names(membership_id)
        self.delete_after_asking(
            f"Slette medlemskapet til {name} i {body.short_name}?\n\n"
            "Er medlemskapet bare over, avslutt det heller (a): da står personen "
            "fortsatt i medlemslisten til tidligere møter.",
            lambda: nuit_app(self).archive.members.delete_membership(membership_id),
            f"Slettet medlemskapet til {name} i {body.short_name}",
        )

    def action_move(self, delta: int) -> None:
        if (membership_id := self.selected_id) is not None:
            members = nuit_app(self).archive.members
            write(self, lambda: members.move_membership(membership_id, delta), lambda _: self.reload(membership_id))


class SearchInput(Input):
    """Filters the list below it; Enter goes to the list, Escape clears the search."""

    BINDINGS = [
        Binding("escape", "close", "Lukk søket"),
        Binding("down", "to_list", "Til listen", show=False),
    ]

    def __init__(self, table_id: str, **kwargs):
        super().__init__(placeholder="Søk: skriv deler av navnet", **kwargs)
        self.table_id = table_id

    @property
    def table(self) -> PagedTable:
        return self.screen.query_one(f"#{self.table_id}", PagedTable)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.table.query_text = self.value
        self.table.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_to_list()

    def action_to_list(self) -> None:
        self.table.focus()

    def action_close(self) -> None:
        self.value = ""  # Changed reloads the full list
        self.display = False
        self.table.focus()


class PagedTable(RegistryTable):
    """People or organisations: the first PAGE_SIZE that match the search."""

    noun_plural = ""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.query_text = ""

    @property
    def search(self) -> SearchInput:
        return self.screen.query_one(f"#{self.id}-search", SearchInput)

    def action_search(self) -> None:
        self.search.display = True
        self.search.focus()

    def show_count(self, shown: int, total: int) -> None:
        note = self.screen.query_one(f"#{self.id}-note", Static)
        if total == 0:
            note.update("Ingen treff." if self.query_text.strip() else f"Ingen {self.noun_plural} ennå. Trykk n for å legge til.")
        elif shown < total:
            note.update(f"Viser {shown} av {total} {self.noun_plural}. Trykk / for å søke.")
        else:
            note.update(f"{total} {self.noun_plural}" + (" som passer søket." if self.query_text.strip() else "."))


class PeopleTable(PagedTable):
    noun_plural = "personer"

    BINDINGS = [
        Binding("n", "new", "Ny person"),
        Binding("e", "edit", "Endre"),
        Binding("enter", "edit", "Endre markert person", show=False),
        Binding("d", "delete", "Slett"),
        Binding("delete", "delete", "Slett markert person", show=False),
        Binding("slash", "search", "Søk"),
    ]

    def on_mount(self) -> None:
        self.add_column("Navn", key="name")
        self.add_column("Organisasjon", key="organization")

    def fill(self) -> None:
        archive = nuit_app(self).archive
        people = archive.members.people(self.query_text, limit=PAGE_SIZE)
        orgs = archive.members.organizations_by_ids(p.organization_id for p in people)
        for person in people:
            org = orgs[person.organization_id].name if person.organization_id in orgs else ""
            self.add_row(person.name, org, key=str(person.id))
        total = len(people) if len(people) < PAGE_SIZE else archive.members.people_count(self.query_text)
        self.show_count(len(people), total)

    def action_new(self) -> None:
        def saved(person: m.Person | None) -> None:
            if person is not None:
                self.notify(f"Ny person: {person.name}")
                self.after_change(person.id)

        self.app.push_screen(PersonForm(), saved)

    def action_edit(self) -> None:
        if (person_id := self.selected_or_say()) is None:
            return

        def saved(person: m.Person | None) -> None:
            if person is not None:
                self.notify(f"Lagret: {person.name}")
                self.after_change(person.id)

        self.app.push_screen(PersonForm(nuit_app(self).archive.members.person(person_id)), saved)

    def action_delete(self) -> None:
        if (person_id := self.selected_or_say()) is None:
            return
        archive = nuit_app(self).archive
        with guard(self, timeout=8):
            person = archive.members.check_delete_person(person_id)
            count = len(archive.members.memberships_of_person(person_id))
            also = f"\n\nPersonens {count} medlemskap slettes også." if count else ""
            self.delete_after_asking(
                f"Slette {person.name}?{also}", lambda: archive.members.delete_person(person_id), f"Slettet {person.name}"
        )


class OrganizationsTable(PagedTable):
    noun_plural = "organisasjoner"

    BINDINGS = [
        Binding("n", "new", "Ny organisasjon"),
        Binding("e", "edit", "Endre"),
        Binding("enter", "edit", "Endre markert organisasjon", show=False),
        Binding("d", "delete", "Slett"),
        Binding("delete", "delete", "Slett markert organisasjon", show=False),
        Binding("slash", "search", "Søk"),
    ]

    def on_mount(self) -> None:
        self.add_column("Navn", key="name")
        self.add_column("Kortnavn", key="short_name")

    def fill(self) -> None:
        archive = nuit_app(self).archive
        orgs = archive.members.organizations(self.query_text, limit=PAGE_SIZE)
        for org in orgs:
            self.add_row(org.name, org.short_name or "", key=str(org.id))
        total = len(orgs) if len(orgs) < PAGE_SIZE else archive.members.organization_count(self.query_text)
        self.show_count(len(orgs), total)

    def action_new(self) -> None:
        def saved(org: m.Organization | None) -> None:
            if org is not None:
                self.notify(f"Ny organisasjon: {org.name}")
                self.after_change(org.id)

        self.app.push_screen(OrganizationForm(), saved)

    def action_edit(self) -> None:
        if (org_id := self.selected_or_say()) is None:
            return

        def saved(org: m.Organization | None) -> None:
            if org is not None:
                self.notify(f"Lagret: {org.name}")
                self.after_change(org.id)

        self.app.push_screen(OrganizationForm(nuit_app(self).archive.members.organization_by_id(org_id)), saved)

    def action_delete(self) -> None:
        if (org_id := self.selected_or_say()) is None:
            return
        archive = nuit_app(self).archive
        with guard(self, timeout=8):
            org = archive.members.check_delete_organization(org_id)
            self.delete_after_asking(
                f"Slette organisasjonen {org.name}?", lambda: archive.members.delete_organization(org_id), f"Slettet {org.name}"
            )


class BodiesTable(RegistryTable):
    BINDINGS = [
        Binding("n", "new", "Nytt utvalg"),
        Binding("e", "edit", "Endre"),
        Binding("enter", "edit", "Endre markert utvalg", show=False),
        Binding("d", "delete", "Slett"),
        Binding("delete", "delete", "Slett markert utvalg", show=False),
        Binding("w", "template", "Word-mal"),
    ]

    def on_mount(self) -> None:
        self.add_column("Kortnavn", key="short_name", width=10)
        self.add_column("Navn", key="name")
        self.add_column("Word-mal", key="template")

    def fill(self) -> None:
        from ...services.templates import template_names

        archive = nuit_app(self).archive
        names = template_names(archive)
        for body in archive.members.bodies():
            self.add_row(body.short_name, body.name, names.get(body.stored_id, "innebygd"), key=str(body.id))

    def action_template(self) -> None:
        """Give the selected body its Word template (letterhead) by the path of a .docx."""
        if (body_id := self.selected_or_say()) is None:
            return
        from ...services.templates import template_names

        archive = nuit_app(self).archive

        def saved(said: str | None) -> None:
            if said is not None:
                self.notify(said)
                self.after_change(body_id)

        body = archive.members.body_by_id(body_id)
        self.app.push_screen(TemplateForm(body, template_names(archive).get(body_id)), saved)

    def action_new(self) -> None:
        def saved(body: m.Body | None) -> None:
            if body is not None:
                self.notify(f"Nytt utvalg: {body.short_name} – {body.name}")
                if nuit_app(self).body is None:
                    nuit_app(self).body = body
                self.after_change(body.id)

        self.app.push_screen(BodyForm(), saved)

    def action_edit(self) -> None:
        if (body_id := self.selected_or_say()) is None:
            return

        def saved(body: m.Body | None) -> None:
            if body is not None:
                self.notify(f"Lagret: {body.short_name} – {body.name}")
                if nuit_app(self).body_id == body.id:
                    nuit_app(self).body = body  # the title bar and other screens show its name
                self.after_change(body.id)

        self.app.push_screen(BodyForm(nuit_app(self).archive.members.body_by_id(body_id)), saved)

    def action_delete(self) -> None:
        if (body_id := self.selected_or_say()) is None:
            return
        archive = nuit_app(self).archive

        def deleted() -> None:
            if nuit_app(self).body_id == body_id:
                remaining = archive.members.bodies()
                nuit_app(self).body = remaining[0] if remaining else None

        with guard(self, timeout=8):
            body = archive.members.check_delete_body(body_id)
            count = len(archive.members.memberships(body.stored_id))
            also = f"\n\nUtvalgets {count} medlemskap og frister slettes også." if count else ""
            self.delete_after_asking(
                f"Slette utvalget {body.short_name} – {body.name}?{also}",
                lambda: archive.members.delete_body(body_id),
                f"Slettet utvalget {body.short_name}",
                deleted,
            )
