"""The members registry: bodies, organisations, people and memberships.

What a person types in the members screen is checked here, and a refusal is an
errors.Conflict with a Norwegian message, raised before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..domain import models as m
from ..domain.norwegian import long_date
from ..domain.text import clean_text
from ..store import ArchiveStore, errors, registry


def checked_text(value: str | None, label: str, *, required: bool = True, max_length: int = 300) -> str:
    """Typed text with its spaces collapsed; a Conflict if it is missing or too long."""
    text = " ".join(clean_text(value or "").split())  # the models' input rule, checked first
    if required and not text:
        raise errors.Conflict(f"{label} må fylles ut")
    if len(text) > max_length:
        raise errors.Conflict(f"{label} kan ha høyst {max_length} tegn")
    return text


def _day(day: dt.date) -> str:
    return long_date(day)


# One field of a members form, checked as its write checks it: a form checks each field
# inside `about(field)` before it writes, so a refusal goes to the field it is about.


def checked_name(name: str | None) -> str:
    return checked_text(name, "Navn")


def checked_short_name(short_name: str | None, *, required: bool = True) -> str:
    return checked_text(short_name, "Kortnavn", required=required, max_length=30)


def checked_organization_name(name: str | None) -> str:
    """An organisation typed for a person or a membership; blank is none."""
    return checked_text(name, "Organisasjon", required=False)


def checked_email(email: str | None) -> str | None:
    email = checked_text(email, "E-post", required=False) or None
    if email is not None and ("@" not in email or " " in email):
        raise errors.Conflict(f"«{email}» er ikke en e-postadresse")
    return email


def check_membership_dates(valid_from: dt.date | None, valid_to: dt.date | None) -> None:
    if valid_from and valid_to and valid_to < valid_from:
        raise errors.Conflict(f"Til-datoen ({_day(valid_to)}) er før fra-datoen ({_day(valid_from)})")


def check_substitute(person: m.Person, substitute_for_person_id: int | None) -> None:
    if substitute_for_person_id == person.id:
        raise errors.Conflict(f"{person.name} kan ikke være stedfortreder for seg selv")


class Members:
    """Bodies, organisations, people and who is a member of what, when."""

    def __init__(self, store: ArchiveStore):
        self.store = store

    # --- bodies, organisations, people as the other services need them ---

    def bodies(self) -> list[m.Body]:
        return self.store.find(m.Body, order_by="position, short_name")

    def body(self, short_name: str) -> m.Body:
        return self.store.body_by_short_name(short_name)

    def body_by_id(self, body_id: int) -> m.Body:
        return self.store.get(m.Body, body_id)

    def add_body(self, short_name: str, name: str) -> m.Body:
        position = self.store.count(m.Body)
        return self.store.insert(m.Body(short_name=short_name, name=name, position=position))

    def organization(self, name: str) -> m.Organization:
        found = self.store.find_by(m.Organization, name=name)
        if found:
            return found[0]
        return self.store.insert(m.Organization(name=name))

    def organization_by_id(self, organization_id: int) -> m.Organization:
        return self.store.get(m.Organization, organization_id)

    def add_person(self, name: str, organization_id: int | None = None) -> m.Person:
        return self.store.insert(m.Person(name=name, organization_id=organization_id))

    def person(self, person_id: int) -> m.Person:
        return self.store.get(m.Person, person_id)

    def add_membership(self, membership: m.Membership) -> m.Membership:
        if membership.position == 0:
            membership = membership.model_copy(
                update={"position": self.store.count_by(m.Membership, body_id=membership.body_id) + 1}
            )
        return self.store.insert(membership)

    def members_on(self, body_id: int, day: dt.date) -> list[m.Membership]:
        """The body's memberships as they were on that day: a past meeting's list stays as it was."""
        return self.store.members_on(body_id, day)

    # --- bodies ---

    def check_body_short_name(self, short_name: str, body_id: int | None) -> None:
        """A Conflict if another body has the short name."""
        for other in registry.bodies_with_short_name(self.store, short_name):
            if other.id != body_id:
                raise errors.Conflict(f"Det finnes allerede et utvalg med kortnavnet «{other.short_name}»")

    def create_body(self, short_name: str, name: str) -> m.Body:
        """A new body from what was typed (add_body trusts its caller)."""
        short_name, name = checked_short_name(short_name), checked_name(name)
        with self.store.write():
            self.check_body_short_name(short_name, None)
            return self.add_body(short_name, name)

    def update_body(self, body_id: int, short_name: str, name: str) -> m.Body:
        short_name, name = checked_short_name(short_name), checked_name(name)
        with self.store.write():
            body = self.body_by_id(body_id)
            self.check_body_short_name(short_name, body_id)
            return self.store.update(body.model_copy(update={"short_name": short_name, "name": name}))

    def check_delete_body(self, body_id: int) -> m.Body:
        """The body, if it may be deleted; a body with meetings may not (their numbers and minutes)."""
        body = self.body_by_id(body_id)
        meetings = self.store.count_by(m.Meeting, body_id=body_id)
        if meetings:
            raise errors.Conflict(
                f"{body.short_name} kan ikke slettes: utvalget har {meetings} møte{'r' if meetings != 1 else ''} i arkivet"
            )
        return body

    def delete_body(self, body_id: int) -> m.Body:
        """Delete a body without meetings, with its memberships and deadlines."""
        with self.store.write():
            body = self.check_delete_body(body_id)
            try:
                self.store.delete(m.Body, body_id)
            except errors.Conflict:  # a RESTRICT key this check does not know of
                raise errors.Conflict(f"{body.short_name} er i bruk i arkivet og kan ikke slettes") from None
        return body

    # --- organisations ---

    def organizations(self, query: str = "", *, starts_with: bool = False, limit: int = 200, offset: int = 0) -> list[m.Organization]:
        """Organisations by name, filtered by words of name or short name."""
        return registry.named(self.store, m.Organization, query, starts_with=starts_with, limit=limit, offset=offset)

    def organization_count(self, query: str = "") -> int:
        return registry.count_named(self.store, m.Organization, query)

    def short_names(self) -> dict[str, str]:
        """Short name → name of every organisation that has one («FHI»: Folkehelseinstituttet),
        for a name field to complete from."""
        organizations = self.organizations(limit=max(1, self.organization_count()))
        return {o.short_name: o.name for o in organizations if o.short_name}

    def organization_named(self, name: str) -> m.Organization | None:
        """The organisation of exactly this name, in any letter case."""
        name = " ".join(name.split())
        if not name:
            return None
        found = registry.exactly_named(self.store, m.Organization, name, limit=1)
        return found[0] if found else None

    def organizations_by_ids(self, ids: Iterable[int | None]) -> dict[int, m.Organization]:
        return self.store.get_many(m.Organization, ids)

    def add_organization(self, name: str, short_name: str | None = None) -> m.Organization:
        name, short = checked_name(name), checked_short_name(short_name, required=False) or None
        with self.store.write():
            self.check_organization_name(name, None)
            return self.store.insert(m.Organization(name=name, short_name=short))

    def update_organization(self, organization_id: int, name: str, short_name: str | None = None) -> m.Organization:
        name, short = checked_name(name), checked_short_name(short_name, required=False) or None
        with self.store.write():
            organization = self.organization_by_id(organization_id)
            self.check_organization_name(name, organization_id)
            return self.store.update(organization.model_copy(update={"name": name, "short_name": short}))

    def check_organization_name(self, name: str, organization_id: int | None) -> None:
        """A Conflict if another organisation has the name."""
        other = self.organization_named(name)
        if other is not None and other.id != organization_id:
            raise errors.Conflict(f"Organisasjonen «{other.name}» finnes allerede")

    def organization_for(self, name: str | None) -> tuple[int | None, m.Organization | None]:
        """(id, newly created organisation or None) for a typed name; blank is no organisation."""
        name = checked_organization_name(name)
        if not name:
            return None, None
        existing = self.organization_named(name)
        if existing is not None:
            return existing.id, None
        created = self.store.insert(m.Organization(name=name))
        return created.id, created

    def check_delete_organization(self, organization_id: int) -> m.Organization:
        """The organisation, if nothing refers to it: deleting it would blank who
        represented what in past member lists and minutes."""
        organization = self.organization_by_id(organization_id)
        uses = [
            (self.store.count_by(m.Person, organization_id=organization_id), "person", "personer"),
            (self.store.count_by(m.Membership, organization_id=organization_id), "medlemskap", "medlemskap"),
            (self.store.count_by(m.Attendance, organization_id=organization_id), "deltakeroppføring", "deltakeroppføringer"),
            (self.store.count_by(m.Remark, organization_id=organization_id), "innspill", "innspill"),
            (self.store.count_by(m.FollowUp, responsible_organization_id=organization_id), "oppfølging", "oppfølginger"),
        ]
        used = [f"{n} {one if n == 1 else many}" for n, one, many in uses if n]
        if used:
            raise errors.Conflict(f"«{organization.name}» kan ikke slettes: den er brukt av {', '.join(used)}")
        return organization

    def delete_organization(self, organization_id: int) -> m.Organization:
        with self.store.write():
            organization = self.check_delete_organization(organization_id)
            self.store.delete(m.Organization, organization_id)
        return organization

    # --- people ---

    def people(self, query: str = "", *, starts_with: bool = False, limit: int = 200, offset: int = 0) -> list[m.Person]:
        """People by name, a page at a time, filtered by words of the name."""
        return registry.named(self.store, m.Person, query, starts_with=starts_with, limit=limit, offset=offset)

    def people_count(self, query: str = "") -> int:
        return registry.count_named(self.store, m.Person, query)

    def people_by_ids(self, ids: Iterable[int | None]) -> dict[int, m.Person]:
        return self.store.get_many(m.Person, ids)

    def person_label(self, person: m.Person) -> str:
        """"Maren Krogh (Apotekforeningen)": how a person is told from a namesake."""
        if person.organization_id is None:
            return person.name
        return f"{person.name} ({self.organization_by_id(person.organization_id).name})"

    def find_person(self, text: str) -> m.Person:
        """The one person a typed name (or "Name (Organisation)") means."""
        text = " ".join(text.split())
        if not text:
            raise errors.Conflict("Skriv navnet på en person")
        name, organization = text, None
        if text.endswith(")") and " (" in text:
            name, organization = text[:-1].split(" (", 1)
        found = registry.exactly_named(self.store, m.Person, name, limit=50)
        if organization is not None:
            wanted = self.organization_named(organization)
            found = [p for p in found if wanted is not None and p.organization_id == wanted.id]
        if not found:
            raise errors.NotFound(f"Fant ingen person som heter «{text}»; legg personen til i fanen Personer først")
        if len(found) > 1:
            raise errors.Conflict(
                f"Flere personer heter «{name}»; skriv navnet med organisasjon, f.eks. «{self.person_label(found[0])}»"
            )
        return found[0]

    def match_person(self, text: str) -> m.Person | None:
        """The one person a typed name means: the exact name, "Name (Organisation)",
        or the only name it begins; None if nobody; a Conflict if several."""
        text = " ".join(text.split())
        if not text:
            raise errors.Conflict("Skriv navnet på en person")
        try:
            return self.find_person(text)
        except errors.NotFound:
            pass
        matches = [p for p in self.people_named(text, limit=6) if p.name.lower().startswith(text.lower())]
        if len(matches) > 1:
            raise errors.Conflict("Flere treff: " + ", ".join(p.name for p in matches[:5]) + " – skriv mer av navnet")
        return matches[0] if matches else None

    def people_named(self, prefix: str, *, limit: int = 20) -> list[m.Person]:
        return self.store.people_named(prefix, limit=limit) if prefix.strip() else []

    def person_by_name(self, name: str, *, create: bool = False) -> m.Person | None:
        found = self.store.find_by(m.Person, name=name.strip(), limit=1)
        if found:
            return found[0]
        return self.add_person(name.strip()) if create else None

    def _person_fields(self, name: str, organization_name: str | None, email: str | None) -> dict:
        return {"name": checked_name(name), "email": checked_email(email), "organization": organization_name}

    def create_person(
        self, name: str, organization_name: str | None = None, email: str | None = None
    ) -> tuple[m.Person, m.Organization | None]:
        """A new person; an organisation name not in the archive is added (and returned)."""
        fields = self._person_fields(name, organization_name, email)
        with self.store.write():
            organization_id, created = self.organization_for(fields["organization"])
            person = self.store.insert(m.Person(name=fields["name"], organization_id=organization_id, email=fields["email"]))
        return person, created

    def update_person(
        self, person_id: int, name: str, organization_name: str | None = None, email: str | None = None
    ) -> tuple[m.Person, m.Organization | None]:
        fields = self._person_fields(name, organization_name, email)
        with self.store.write():
            person = self.person(person_id)
            organization_id, created = self.organization_for(fields["organization"])
            person = self.store.update(
                person.model_copy(update={"name": fields["name"], "organization_id": organization_id, "email": fields["email"]})
            )
        return person, created

    def memberships_of_person(self, person_id: int) -> list[m.Membership]:
        return self.store.find_by(m.Membership, person_id=person_id, order_by="body_id, position, id")

    def check_delete_person(self, person_id: int) -> m.Person:
        """The person, if they may be deleted: not one who is in any meeting's attendance."""
        person = self.person(person_id)
        meetings = self.store.count_by(m.Attendance, person_id=person_id)
        if meetings:
            raise errors.Conflict(
                f"{person.name} kan ikke slettes: personen står i deltakerlisten til {meetings} møte{'r' if meetings != 1 else ''}"
            )
        return person

    def delete_person(self, person_id: int) -> m.Person:
        """Delete a person with their memberships; refused if they attended a meeting."""
        with self.store.write():
            person = self.check_delete_person(person_id)
            try:
                self.store.delete(m.Person, person_id)
            except errors.Conflict:  # attendance is ON DELETE RESTRICT
                raise errors.Conflict(f"{person.name} er i bruk i arkivet og kan ikke slettes") from None
        return person

    # --- memberships ---

    def memberships(self, body_id: int, on: dt.date | None = None, *, limit: int = 500) -> list[m.Membership]:
        """The body's memberships in notice order; with `on`, only those valid that day."""
        if on is not None:
            return self.store.members_on(body_id, on)[:limit]
        return self.store.find_by(m.Membership, body_id=body_id, order_by="position, id", limit=limit)

    def membership(self, membership_id: int) -> m.Membership:
        return self.store.get(m.Membership, membership_id)

    def _checked_membership(self, draft: dict, organization_name: str | None, own_id: int | None) -> tuple[m.Membership, m.Organization | None]:
        """Validate a membership's fields (inside the caller's transaction) and resolve its organisation."""
        role = m.MembershipRole(draft["role"])
        person = self.person(draft["person_id"])
        valid_from, valid_to = draft.get("valid_from"), draft.get("valid_to")
        check_membership_dates(valid_from, valid_to)
        substitute_for = draft.get("substitute_for_person_id") if role is m.MembershipRole.SUBSTITUTE else None
        if substitute_for is not None:
            check_substitute(person, substitute_for)
            self.person(substitute_for)
        body = self.body_by_id(draft["body_id"])
        for other in self.store.find_by(m.Membership, body_id=body.id, person_id=person.id):
            if other.id == own_id:
                continue
            overlaps = (valid_to is None or other.valid_from is None or other.valid_from <= valid_to) and (
                valid_from is None or other.valid_to is None or valid_from <= other.valid_to
            )
            if overlaps:
                since = f" fra {_day(other.valid_from)}" if other.valid_from else ""
                raise errors.Conflict(
                    f"{person.name} har allerede et medlemskap i {body.short_name}{since} i samme periode; "
                    "avslutt det (a) eller endre det i stedet"
                )
        organization_id, created = self.organization_for(organization_name)
        membership = m.Membership(
            **{**draft, "role": role, "substitute_for_person_id": substitute_for, "organization_id": organization_id}
        )
        return membership, created

    def create_membership(
        self,
        body_id: int,
        person_id: int,
        *,
        role: m.MembershipRole = m.MembershipRole.MEMBER,
        organization_name: str | None = None,
        substitute_for_person_id: int | None = None,
        valid_from: dt.date | None = None,
        valid_to: dt.date | None = None,
    ) -> tuple[m.Membership, m.Organization | None]:
        """A new membership, last in the body's order; returns any organisation it created."""
        draft = {
            "body_id": body_id, "person_id": person_id, "role": role,
            "substitute_for_person_id": substitute_for_person_id, "valid_from": valid_from, "valid_to": valid_to,
        }
        with self.store.write():
            membership, created = self._checked_membership(draft, organization_name, None)
            last = self.store.find_by(m.Membership, body_id=body_id, order_by="position DESC", limit=1)
            position = (last[0].position if last else 0) + 1
            membership = self.store.insert(membership.model_copy(update={"position": position}))
        return membership, created

    def update_membership(
        self,
        membership_id: int,
        *,
        person_id: int,
        role: m.MembershipRole,
        organization_name: str | None = None,
        substitute_for_person_id: int | None = None,
        valid_from: dt.date | None = None,
        valid_to: dt.date | None = None,
    ) -> tuple[m.Membership, m.Organization | None]:
        with self.store.write():
            stored = self.membership(membership_id)
            draft = {
                "id": stored.id, "body_id": stored.body_id, "position": stored.position,
                "person_id": person_id, "role": role, "substitute_for_person_id": substitute_for_person_id,
                "valid_from": valid_from, "valid_to": valid_to,
            }
            membership, created = self._checked_membership(draft, organization_name, membership_id)
            membership = self.store.update(membership)
        return membership, created

    def end_membership(self, membership_id: int, day: dt.date) -> m.Membership:
        """End a membership on `day` (the last day it counts) instead of deleting it,
        so the member lists of earlier meetings stay as they were."""
        with self.store.write():
            membership = self.membership(membership_id)
            if membership.valid_from and day < membership.valid_from:
                raise errors.Conflict(
                    f"Sluttdatoen ({_day(day)}) er før medlemskapet begynte ({_day(membership.valid_from)})"
                )
            return self.store.update(membership.model_copy(update={"valid_to": day}))

    def delete_membership(self, membership_id: int) -> m.Membership:
        with self.store.write():
            membership = self.membership(membership_id)
            self.store.delete(m.Membership, membership_id)
        return membership

    def move_membership(self, membership_id: int, delta: int) -> None:
        """Move a membership up (-1) or down (+1) in the body's order, the notice's order."""
        with self.store.write():
            membership = self.membership(membership_id)
            rows = self.store.find_by(m.Membership, body_id=membership.body_id, order_by="position, id")
            self.store.move_in_order(rows, membership_id, delta)
