"""Forms of the members registry: body, organisation, person, membership, end of membership.

Each form saves through the Archive as its Enter/Ctrl+S is pressed and dismisses
with the saved record; a refusal stays in the form as a Norwegian message. Each field is
checked (as its write checks it) before anything is written, inside `about(field)`: a
refusal about one field puts the cursor there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import Suggester
from textual.widgets import Select

from ...domain import labels
from ...domain import models as m
from ...domain.norwegian import long_date, numeric_date, parse_date
from ...services.members import (
    check_membership_dates,
    check_substitute,
    checked_email,
    checked_name,
    checked_organization_name,
    checked_short_name,
)
from ..base import nuit_app
from ..text import Label, Static
from ..widgets.completion import NameInput
from ..widgets.fields import Input
from ..widgets.form import FormScreen, OnWriter, about, labelled

R = TypeVar("R")

MATCHES_SHOWN = 5


class LookupSuggester(Suggester):
    """Completes what is typed from the archive (a prefix query per keystroke, not a
    list loaded up front: there may be thousands of people)."""

    def __init__(self, lookup: Callable[[str], str | None]):
        super().__init__(use_cache=False, case_sensitive=False)
        self.lookup = lookup

    async def get_suggestion(self, value: str) -> str | None:
        return self.lookup(value) if value.strip() else None


def person_suggester(archive) -> LookupSuggester:
    return LookupSuggester(lambda text: next((p.name for p in archive.members.people(text, starts_with=True, limit=1)), None))


class OrganizationInput(NameInput):
    """The organisation a person belongs to, or a member represents: completes from the
    archive's organisations, by name or short name («FHI»: Folkehelseinstituttet; Tab and
    Enter take it, as other name fields do); a name that matches none is made only after
    «Ny organisasjon» («Helse Nord» for «Helse Nord RHF», or a typo, must not become a
    second organisation), and «Rett navnet» gives it back to be put right."""

    KEEPS_NAME_TO_PUT_RIGHT = True

    def __init__(self, archive, value: str):
        members = archive.members
        organizations = members.organizations(limit=max(1, members.organization_count()))
        super().__init__(
            [o.name for o in organizations],
            short_names={o.short_name: o.name for o in organizations if o.short_name},
            what="organisasjon",
            among="organisasjonene",
            value=value,
            id="organization",
        )

    def settled(self, then: Callable[[], object]) -> bool:
        """Whether what is typed may be saved as it is: nothing, or an organisation's name
        (a new one included, once said yes to). Otherwise it is taken as Tab takes it
        (completed, or asked about) and `then` runs once it is."""
        typed = " ".join(self.value.split()).casefold()
        if not typed or any(name.casefold() == typed for name in self.names):
            return True
        self.take(then)
        return False


def typed_date(text: str, what: str) -> dt.date | None:
    """An optional date field: blank is no date."""
    text = text.strip()
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise type(exc)(f"{what}: {exc}") from None




class BodyForm(FormScreen[m.Body | None]):
    def __init__(self, body: m.Body | None = None):
        super().__init__()
        self.body = body
        self.form_title = f"Endre utvalget {body.short_name}" if body else "Nytt utvalg"

    def fields(self) -> ComposeResult:
        body = self.body
        yield from labelled("Kortnavn (f.eks. NUIT)", Input(body.short_name if body else "", id="short-name"))
        yield from labelled("Navn", Input(body.name if body else "", id="name"))

    def submit(self) -> OnWriter[m.Body | None]:
        archive = nuit_app(self).archive
        short_name, name, body = self.value("#short-name"), self.value("#name"), self.body
        with about("#short-name"):
            archive.members.check_body_short_name(checked_short_name(short_name), body.stored_id if body else None)
        with about("#name"):
            checked_name(name)
        if body is None:
            return OnWriter(lambda: archive.members.create_body(short_name, name))
        return OnWriter(lambda: archive.members.update_body(body.stored_id, short_name, name))


class TemplateForm(FormScreen[str | None]):
    """The body's Word template: the path of a .docx to keep in the archive; empty goes back
    to the built-in template. Returns what was done, for the notice below the table."""

    def __init__(self, body: m.Body, current: str | None):
        super().__init__()
        self.body = body
        self.current = current
        self.form_title = f"Word-mal for {body.short_name}" + (f" (nå: {current})" if current else " (nå: innebygd)")

    def fields(self) -> ComposeResult:
        yield from labelled("Sti til .docx med brevhode, logo og stiler (tom: innebygd mal)", Input("", id="path"))

    def submit(self) -> OnWriter[str | None]:
        from pathlib import Path

        from ...services.templates import remove_template, set_template

        archive, path, body = nuit_app(self).archive, self.value("#path").strip(), self.body
        if not path:
            def removed() -> str:
                done = remove_template(archive, body.stored_id)
                return f"{body.short_name} bruker nå den innebygde malen" if done else "Ingen endring"

            return OnWriter(removed)
        # Read, checked and kept on the writer: a template of some MB never holds the screen.
        return OnWriter(lambda: f"Word-malen for {body.short_name} er nå {set_template(archive, body.stored_id, Path(path).expanduser())}")


class OrganizationForm(FormScreen[m.Organization | None]):
    def __init__(self, organization: m.Organization | None = None):
        super().__init__()
        self.organization = organization
        self.form_title = f"Endre {organization.name}" if organization else "Ny organisasjon"

    def fields(self) -> ComposeResult:
        org = self.organization
        yield from labelled("Navn", Input(org.name if org else "", id="name"))
        yield from labelled("Kortnavn (valgfritt)", Input((org.short_name or "") if org else "", id="short-name"))

    def submit(self) -> OnWriter[m.Organization | None]:
        archive = nuit_app(self).archive
        name, short_name, org = self.value("#name"), self.value("#short-name"), self.organization
        with about("#name"):
            archive.members.check_organization_name(checked_name(name), org.stored_id if org else None)
        with about("#short-name"):
            checked_short_name(short_name, required=False)
        if org is None:
            return OnWriter(lambda: archive.members.add_organization(name, short_name))
        return OnWriter(lambda: archive.members.update_organization(org.stored_id, name, short_name))


def announce_new_organization(form: FormScreen, answer: tuple[R, m.Organization | None]) -> R:
    """The record a form saved; a new organisation it made on the way is told."""
    record, created = answer
    if created is not None:
        form.app.notify(f"Ny organisasjon lagt til: {created.name}")
    return record


class PersonForm(FormScreen[m.Person | None]):
    def __init__(self, person: m.Person | None = None):
        super().__init__()
        self.person = person
        self.form_title = f"Endre {person.name}" if person else "Ny person"

    def fields(self) -> ComposeResult:
        archive, person = nuit_app(self).archive, self.person
        org = archive.members.organization_by_id(person.organization_id).name if person and person.organization_id else ""
        yield from labelled("Navn", Input(person.name if person else "", id="name"))
        yield from labelled(
            "Organisasjon (Tab/Enter fullfører; et nytt navn spørres om først)", OrganizationInput(archive, org)
        )
        yield from labelled("E-post (valgfritt)", Input((person.email or "") if person else "", id="email"))

    def action_save(self) -> None:
        if self.query_one(OrganizationInput).settled(self.action_save):  # a new organisation is asked about first
            super().action_save()

    def submit(self) -> OnWriter[m.Person | None]:
        archive, person = nuit_app(self).archive, self.person
        args = (self.value("#name"), self.value("#organization"), self.value("#email"))
        with about("#name"):
            checked_name(args[0])
        with about("#organization"):
            checked_organization_name(args[1])
        with about("#email"):
            checked_email(args[2])
        if person is None:
            return OnWriter(lambda: archive.members.create_person(*args), lambda answer: announce_new_organization(self, answer))
        return OnWriter(
            lambda: archive.members.update_person(person.stored_id, *args), lambda answer: announce_new_organization(self, answer)
        )


class MembershipForm(FormScreen[m.Membership | None]):
    """Person and substitute are typed names, completed from the archive (→ takes
    the completion); the line under each shows who matches."""

    CSS_PATH = "members.tcss"

    def __init__(self, body: m.Body, membership: m.Membership | None = None):
        super().__init__()
        self.body = body
        self.membership = membership
        self.form_title = f"Endre medlemskap i {body.short_name}" if membership else f"Nytt medlemskap i {body.short_name}"

    def fields(self) -> ComposeResult:
        archive, ms = nuit_app(self).archive, self.membership
        person = archive.members.person(ms.person_id).name if ms else ""
        org = archive.members.organization_by_id(ms.organization_id).name if ms and ms.organization_id else ""
        substitute_for = archive.members.person(ms.substitute_for_person_id).name if ms and ms.substitute_for_person_id else ""
        role = ms.role if ms else m.MembershipRole.MEMBER
        # A new membership starts today unless told otherwise: without a start it
        # would show up in the member lists of past meetings.
        valid_from = numeric_date(ms.valid_from) if ms else numeric_date(dt.date.today())
        yield from labelled("Person (skriv navnet)", Input(person, id="person", suggester=person_suggester(archive)))
        yield Static("", id="person-matches", classes="matches")
        roles = [(text, value) for value, text in labels.MEMBERSHIP_ROLE.items()]
        with Horizontal(classes="field-pair"):
            with Vertical(classes="role-field"):
                yield Label("Rolle")
                yield Select(roles, value=role, allow_blank=False, id="role")
            with Vertical():
                yield Label("Representerer (Tab/Enter fullfører)")
                yield OrganizationInput(archive, org)
        with Vertical(id="substitute-box"):
            yield Label("Stedfortreder for")
            yield Input(substitute_for, id="substitute-for", suggester=person_suggester(archive))
            yield Static("", id="substitute-matches", classes="matches")
        with Horizontal(classes="field-pair"):
            with Vertical():
                yield Label("Fra (f.eks. 1.3.2023)")
                yield Input(valid_from, id="valid-from")
            with Vertical():
                yield Label("Til (tom = fortsatt medlem)")
                yield Input(numeric_date(ms.valid_to) if ms else "", id="valid-to")

    def on_mount(self) -> None:
        super().on_mount()
        self._show_substitute_box()

    def action_save(self) -> None:
        if self.query_one(OrganizationInput).settled(self.action_save):  # a new organisation is asked about first
            super().action_save()

    @on(Select.Changed, "#role")
    def _show_substitute_box(self) -> None:
        self.query_one("#substitute-box").display = self.query_one("#role", Select).value == m.MembershipRole.SUBSTITUTE

    @on(Input.Changed, "#person")
    def _person_changed(self, event: Input.Changed) -> None:
        exact = self._show_matches(event.value, "#person-matches")
        # The organisation the person belongs to is the usual one they represent.
        org_input = self.query_one("#organization", Input)
        if exact is not None and exact.organization_id and not org_input.value.strip():
            org_input.value = nuit_app(self).archive.members.organization_by_id(exact.organization_id).name

    @on(Input.Changed, "#substitute-for")
    def _substitute_changed(self, event: Input.Changed) -> None:
        self._show_matches(event.value, "#substitute-matches")

    def _show_matches(self, text: str, target: str) -> m.Person | None:
        """List who matches what is typed; return the person if the name is exact and unique."""
        archive = nuit_app(self).archive
        line = self.query_one(target, Static)
        if not text.strip():
            line.update("")
            return None
        found = archive.members.people(text, limit=MATCHES_SHOWN + 1)
        if not found:
            line.update("Ingen treff – legg personen til i fanen Personer først")
            return None
        orgs = archive.members.organizations_by_ids(p.organization_id for p in found)
        shown = [
            f"{p.name} ({orgs[p.organization_id].name})" if p.organization_id in orgs else p.name
            for p in found[:MATCHES_SHOWN]
        ]
        more = " …" if len(found) > MATCHES_SHOWN else ""
        line.update("Treff: " + "; ".join(shown) + more)
        exact = [p for p in found if p.name.casefold() == " ".join(text.split()).casefold()]
        return exact[0] if len(exact) == 1 else None

    def submit(self) -> OnWriter[m.Membership | None]:
        archive = nuit_app(self).archive
        # Read and check everything typed before anything is written.
        with about("#person"):
            person = archive.members.find_person(self.value("#person"))
        chosen = self.query_one("#role", Select).value
        with about("#role"):
            if not isinstance(chosen, str):
                raise ValueError("Velg en rolle")
        role = m.MembershipRole(chosen)
        with about("#organization"):
            checked_organization_name(self.value("#organization"))
        substitute_for = None
        if role is m.MembershipRole.SUBSTITUTE and self.value("#substitute-for"):
            with about("#substitute-for"):
                substitute_for = archive.members.find_person(self.value("#substitute-for")).id
                check_substitute(person, substitute_for)
        with about("#valid-from"):
            valid_from = typed_date(self.value("#valid-from"), "Fra")
        with about("#valid-to"):
            valid_to = typed_date(self.value("#valid-to"), "Til")
            check_membership_dates(valid_from, valid_to)
        fields: dict[str, Any] = dict(
            person_id=person.id,
            role=role,
            organization_name=self.value("#organization"),
            substitute_for_person_id=substitute_for,
            valid_from=valid_from,
            valid_to=valid_to,
        )
        body_id, membership = self.body.stored_id, self.membership
        if membership is None:
            return OnWriter(
                lambda: archive.members.create_membership(body_id, **fields), lambda answer: announce_new_organization(self, answer)
            )
        return OnWriter(
            lambda: archive.members.update_membership(membership.stored_id, **fields),
            lambda answer: announce_new_organization(self, answer),
        )


class EndMembershipForm(FormScreen[m.Membership | None]):
    """Ends a membership without deleting it: earlier meetings keep their member list."""

    def __init__(self, membership: m.Membership, person_name: str, body_short_name: str):
        super().__init__()
        self.membership = membership
        self.form_title = f"Avslutt medlemskapet til {person_name} i {body_short_name}"

    def fields(self) -> ComposeResult:
        day = self.membership.valid_to or dt.date.today()
        yield from labelled("Siste dag som medlem (f.eks. 31.12.2023)", Input(numeric_date(day), id="valid-to"))
        since = f"Medlem fra {long_date(self.membership.valid_from)}. " if self.membership.valid_from else ""
        yield Static(since + "Møter til og med denne dagen beholder personen i medlemslisten.", classes="form-hint")

    def submit(self) -> OnWriter[m.Membership | None]:
        with about("#valid-to"):
            day = typed_date(self.value("#valid-to"), "Til")
            if day is None:
                raise ValueError("Skriv datoen medlemskapet slutter")
        members, membership_id = nuit_app(self).archive.members, self.membership.stored_id
        return OnWriter(lambda: members.end_membership(membership_id, day))
