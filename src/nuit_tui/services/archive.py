"""The service API that the TUI and the CLI both call.

It applies the domain's rules (numbering, time plan, standard items) to what
the store holds. Screens and commands never see SQL; they see records and the
small view objects defined here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..domain import labels
from ..domain import models as m
from ..domain.case_numbers import CaseNumber, CaseSlot, MeetingNumbering, parse_case_ref, parse_meeting_ref, renumber_year
from ..domain.norwegian import ParseError, citation_date
from ..domain.standard_items import closing_items, opening_items
from ..domain.text import clean_text
from ..domain.timeplan import PlanEntry, TimePlan, time_plan
from ..store import ArchiveStore, errors, open_store
from ..store.search import glob_case
from .follow_ups import FollowUps
from .minute_taking import MinuteTaking
from .search import Search
from .start_queries import StartQueries
from .year_plan import YearPlan


@dataclass(frozen=True)
class AgendaRow:
    """One row of the agenda table: Sak | Agenda | Tidspunkt | Sakstype."""

    item: m.AgendaItem
    start: dt.time
    end: dt.time
    late: bool

    @property
    def case_number(self) -> str:
        if self.item.case_seq is None or self.item.case_year is None:
            return ""
        return str(CaseNumber(self.item.case_year, self.item.case_seq))


@dataclass(frozen=True)
class EarlierHandling:
    """A row of "Vedtak fra tidligere behandlinger i rådsmodellen"."""

    item: m.AgendaItem
    citation: str  # "NUIT 8/22 (17.2.22)"
    topic: str
    decision: str


OPENNESS_FIELDS = {"exempt", "exempt_basis", "title_exempt", "row_version", "updated_at"}

# Which status a meeting may move to from each status.
STATUS_STEPS: dict[m.MeetingStatus, set[m.MeetingStatus]] = {
    m.MeetingStatus.PLANNED: {m.MeetingStatus.NOTICE_SENT, m.MeetingStatus.CANCELLED},
    m.MeetingStatus.NOTICE_SENT: {m.MeetingStatus.HELD, m.MeetingStatus.CANCELLED},
    m.MeetingStatus.HELD: {m.MeetingStatus.MINUTES_APPROVED},
    m.MeetingStatus.MINUTES_APPROVED: set(),
    m.MeetingStatus.CANCELLED: set(),
}


@dataclass(frozen=True)
class Agenda:
    meeting: m.Meeting
    rows: tuple[AgendaRow, ...]
    plan: TimePlan


class Archive(StartQueries, MinuteTaking, YearPlan, FollowUps, Search):
    """One open archive file and the operations on it."""

    def __init__(self, store: ArchiveStore):
        self.store = store

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Archive:
        return cls(open_store(Path(path), create=create))

    def load(self) -> Archive:
        """Already loaded (as ArchiveFile.load gives it)."""
        return self

    @property
    def loaded(self) -> bool:
        return True

    def _start_conn(self):
        return self.store.conn

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    # --- bodies, organisations, people ----------------------------------------------

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
        found = self.store.find(m.Organization, "name = ?", [name])
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
                update={"position": self.store.count(m.Membership, "body_id = ?", [membership.body_id]) + 1}
            )
        return self.store.insert(membership)

    def members_on(self, body_id: int, day: dt.date) -> list[m.Membership]:
        """The body's memberships as they were on that day: a past meeting's list stays as it was."""
        return self.store.members_on(body_id, day)

    # --- members registry: bodies, organisations, people, memberships ---
    # What a person types in the members screen is checked here, and a refusal is
    # an errors.Conflict with a Norwegian message, raised before anything is written.

    @staticmethod
    def _text(value: str | None, label: str, *, required: bool = True, max_length: int = 300) -> str:
        text = " ".join(clean_text(value or "").split())  # the models' input rule, checked first
        if required and not text:
            raise errors.Conflict(f"{label} må fylles ut")
        if len(text) > max_length:
            raise errors.Conflict(f"{label} kan ha høyst {max_length} tegn")
        return text

    @staticmethod
    def _glob(text: str) -> str:
        """A GLOB pattern matching `text` in any letter case (LIKE folds only ASCII)."""
        return glob_case(text)

    def _name_filter(self, query: str, columns: tuple[str, ...], *, starts_with: bool = False) -> tuple[str, list[str]]:
        """WHERE clause: every word of `query` occurs in one of the columns (or, with
        `starts_with`, the first column starts with the whole query)."""
        query = " ".join(query.split())
        if not query:
            return "1", []
        if starts_with:
            return f"{columns[0]} GLOB ?", [self._glob(query) + "*"]
        clauses, params = [], []
        for word in query.split():
            pattern = f"*{self._glob(word)}*"
            clauses.append("(" + " OR ".join(f"coalesce({c}, '') GLOB ?" for c in columns) + ")")
            params += [pattern] * len(columns)
        return " AND ".join(clauses), params

    @staticmethod
    def _day(day: dt.date) -> str:
        from ..domain.norwegian import long_date

        return long_date(day)

    # bodies

    def _check_body_short_name(self, short_name: str, body_id: int | None) -> None:
        for other in self.store.find(m.Body, "short_name = ? COLLATE NOCASE", [short_name]):
            if other.id != body_id:
                raise errors.Conflict(f"Det finnes allerede et utvalg med kortnavnet «{other.short_name}»")

    def create_body(self, short_name: str, name: str) -> m.Body:
        """A new body from what was typed (add_body trusts its caller)."""
        short_name = self._text(short_name, "Kortnavn", max_length=30)
        name = self._text(name, "Navn")
        with self.store.write():
            self._check_body_short_name(short_name, None)
            return self.add_body(short_name, name)

    def update_body(self, body_id: int, short_name: str, name: str) -> m.Body:
        short_name = self._text(short_name, "Kortnavn", max_length=30)
        name = self._text(name, "Navn")
        with self.store.write():
            body = self.body_by_id(body_id)
            self._check_body_short_name(short_name, body_id)
            return self.store.update(body.model_copy(update={"short_name": short_name, "name": name}))

    def check_delete_body(self, body_id: int) -> m.Body:
        """The body, if it may be deleted; a body with meetings may not (their numbers and minutes)."""
        body = self.body_by_id(body_id)
        meetings = self.store.count(m.Meeting, "body_id = ?", [body_id])
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

    # organisations

    def organizations(self, query: str = "", *, starts_with: bool = False, limit: int = 200, offset: int = 0) -> list[m.Organization]:
        """Organisations by name, filtered by words of name or short name."""
        where, params = self._name_filter(query, ("name", "short_name"), starts_with=starts_with)
        return self.store.find(m.Organization, where, params, order_by="name COLLATE NOCASE, id", limit=limit, offset=offset)

    def organization_count(self, query: str = "") -> int:
        where, params = self._name_filter(query, ("name", "short_name"))
        return self.store.count(m.Organization, where, params)

    def organization_named(self, name: str) -> m.Organization | None:
        """The organisation of exactly this name, in any letter case."""
        name = " ".join(name.split())
        if not name:
            return None
        found = self.store.find(m.Organization, "name GLOB ?", [self._glob(name)], limit=1)
        return found[0] if found else None

    def organizations_by_ids(self, ids) -> dict[int, m.Organization]:
        ids = sorted({i for i in ids if i is not None})
        found: dict[int, m.Organization] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            found.update({o.id: o for o in self.store.find(m.Organization, f"id IN ({marks})", chunk)})
        return found

    def add_organization(self, name: str, short_name: str | None = None) -> m.Organization:
        name = self._text(name, "Navn")
        short = self._text(short_name, "Kortnavn", required=False, max_length=30) or None
        with self.store.write():
            if self.organization_named(name) is not None:
                raise errors.Conflict(f"Organisasjonen «{name}» finnes allerede")
            return self.store.insert(m.Organization(name=name, short_name=short))

    def update_organization(self, organization_id: int, name: str, short_name: str | None = None) -> m.Organization:
        name = self._text(name, "Navn")
        short = self._text(short_name, "Kortnavn", required=False, max_length=30) or None
        with self.store.write():
            organization = self.organization_by_id(organization_id)
            other = self.organization_named(name)
            if other is not None and other.id != organization_id:
                raise errors.Conflict(f"Organisasjonen «{other.name}» finnes allerede")
            return self.store.update(organization.model_copy(update={"name": name, "short_name": short}))

    def _organization_for(self, name: str | None) -> tuple[int | None, m.Organization | None]:
        """(id, newly created organisation or None) for a typed name; blank is no organisation."""
        name = self._text(name, "Organisasjon", required=False)
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
            (self.store.count(m.Person, "organization_id = ?", [organization_id]), "person", "personer"),
            (self.store.count(m.Membership, "organization_id = ?", [organization_id]), "medlemskap", "medlemskap"),
            (self.store.count(m.Attendance, "organization_id = ?", [organization_id]), "deltakeroppføring", "deltakeroppføringer"),
            (self.store.count(m.Remark, "organization_id = ?", [organization_id]), "innspill", "innspill"),
            (self.store.count(m.FollowUp, "responsible_organization_id = ?", [organization_id]), "oppfølging", "oppfølginger"),
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

    # people

    def people(self, query: str = "", *, starts_with: bool = False, limit: int = 200, offset: int = 0) -> list[m.Person]:
        """People by name, a page at a time, filtered by words of the name."""
        where, params = self._name_filter(query, ("name",), starts_with=starts_with)
        return self.store.find(m.Person, where, params, order_by="name COLLATE NOCASE, id", limit=limit, offset=offset)

    def people_count(self, query: str = "") -> int:
        where, params = self._name_filter(query, ("name",))
        return self.store.count(m.Person, where, params)

    def people_by_ids(self, ids) -> dict[int, m.Person]:
        ids = sorted({i for i in ids if i is not None})
        found: dict[int, m.Person] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            found.update({p.id: p for p in self.store.find(m.Person, f"id IN ({marks})", chunk)})
        return found

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
        found = self.store.find(m.Person, "name GLOB ?", [self._glob(name)], limit=50)
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

    def _person_fields(self, name: str, organization_name: str | None, email: str | None) -> dict:
        name = self._text(name, "Navn")
        email = self._text(email, "E-post", required=False) or None
        if email is not None and ("@" not in email or " " in email):
            raise errors.Conflict(f"«{email}» er ikke en e-postadresse")
        return {"name": name, "email": email, "organization": organization_name}

    def create_person(
        self, name: str, organization_name: str | None = None, email: str | None = None
    ) -> tuple[m.Person, m.Organization | None]:
        """A new person; an organisation name not in the archive is added (and returned)."""
        fields = self._person_fields(name, organization_name, email)
        with self.store.write():
            organization_id, created = self._organization_for(fields["organization"])
            person = self.store.insert(m.Person(name=fields["name"], organization_id=organization_id, email=fields["email"]))
        return person, created

    def update_person(
        self, person_id: int, name: str, organization_name: str | None = None, email: str | None = None
    ) -> tuple[m.Person, m.Organization | None]:
        fields = self._person_fields(name, organization_name, email)
        with self.store.write():
            person = self.person(person_id)
            organization_id, created = self._organization_for(fields["organization"])
            person = self.store.update(
                person.model_copy(update={"name": fields["name"], "organization_id": organization_id, "email": fields["email"]})
            )
        return person, created

    def memberships_of_person(self, person_id: int) -> list[m.Membership]:
        return self.store.find(m.Membership, "person_id = ?", [person_id], order_by="body_id, position, id")

    def check_delete_person(self, person_id: int) -> m.Person:
        """The person, if they may be deleted: not one who is in any meeting's attendance."""
        person = self.person(person_id)
        meetings = self.store.count(m.Attendance, "person_id = ?", [person_id])
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

    # memberships

    def memberships(self, body_id: int, on: dt.date | None = None, *, limit: int = 500) -> list[m.Membership]:
        """The body's memberships in notice order; with `on`, only those valid that day."""
        if on is not None:
            return self.store.members_on(body_id, on)[:limit]
        return self.store.find(m.Membership, "body_id = ?", [body_id], order_by="position, id", limit=limit)

    def membership(self, membership_id: int) -> m.Membership:
        return self.store.get(m.Membership, membership_id)

    def _checked_membership(self, draft: dict, organization_name: str | None, own_id: int | None) -> tuple[m.Membership, m.Organization | None]:
        """Validate a membership's fields (inside the caller's transaction) and resolve its organisation."""
        role = m.MembershipRole(draft["role"])
        person = self.person(draft["person_id"])
        valid_from, valid_to = draft.get("valid_from"), draft.get("valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            raise errors.Conflict(f"Til-datoen ({self._day(valid_to)}) er før fra-datoen ({self._day(valid_from)})")
        substitute_for = draft.get("substitute_for_person_id") if role is m.MembershipRole.SUBSTITUTE else None
        if substitute_for is not None:
            if substitute_for == person.id:
                raise errors.Conflict(f"{person.name} kan ikke være stedfortreder for seg selv")
            self.person(substitute_for)
        body = self.body_by_id(draft["body_id"])
        for other in self.store.find(m.Membership, "body_id = ? AND person_id = ?", [body.id, person.id]):
            if other.id == own_id:
                continue
            overlaps = (valid_to is None or other.valid_from is None or other.valid_from <= valid_to) and (
                valid_from is None or other.valid_to is None or valid_from <= other.valid_to
            )
            if overlaps:
                since = f" fra {self._day(other.valid_from)}" if other.valid_from else ""
                raise errors.Conflict(
                    f"{person.name} har allerede et medlemskap i {body.short_name}{since} i samme periode; "
                    "avslutt det (a) eller endre det i stedet"
                )
        organization_id, created = self._organization_for(organization_name)
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
            last = self.store.find(m.Membership, "body_id = ?", [body_id], order_by="position DESC", limit=1)
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
                    f"Sluttdatoen ({self._day(day)}) er før medlemskapet begynte ({self._day(membership.valid_from)})"
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
            rows = self.store.find(m.Membership, "body_id = ?", [membership.body_id], order_by="position, id")
            self.store.move_in_order(rows, membership_id, delta)

    # --- meetings -----------------------------------------------------------------

    def meetings_page(
        self, body_id: int | None, *, year: int | None = None, limit: int = 50, offset: int = 0
    ) -> list[m.Meeting]:
        return self.store.meetings_page(body_id, year=year, limit=limit, offset=offset)

    def meeting(self, meeting_id: int) -> m.Meeting:
        return self.store.get(m.Meeting, meeting_id)

    def find_meeting(self, body_short_name: str, ref: str) -> m.Meeting:
        year, number = parse_meeting_ref(ref)
        return self.store.meeting_by_number(self.body(body_short_name).id, year, number)

    def next_meeting_number(self, body_id: int, year: int) -> int:
        return self.store.max_meeting_number(body_id, year) + 1

    def create_meeting(
        self,
        body_id: int,
        date: dt.date,
        start: dt.time,
        end: dt.time,
        *,
        location: str | None = None,
        video_link: str | None = None,
        number: int | None = None,
        status: m.MeetingStatus = m.MeetingStatus.PLANNED,
        standard_items: bool = True,
    ) -> m.Meeting:
        """A new meeting with the next number of its year and, unless told not to,
        the standard opening and closing items."""
        body = self.body_by_id(body_id)
        with self.store.write():
            previous = self.store.previous_meeting(body_id, date)
            meeting = self.store.insert(
                m.Meeting(
                    body_id=body_id,
                    year=date.year,
                    number=number or self.next_meeting_number(body_id, date.year),
                    date=date,
                    start_time=start,
                    end_time=end,
                    location=location,
                    video_link=video_link,
                    status=status,
                )
            )
            if standard_items:
                drafts = [
                    *opening_items(body.short_name, previous.date if previous else None),
                    *closing_items(body.short_name),
                ]
                for position, draft in enumerate(drafts, start=1):
                    self.store.insert(
                        m.AgendaItem(
                            meeting_id=meeting.id,
                            position=position,
                            title=draft.title,
                            item_type=draft.item_type,
                            duration_minutes=draft.duration_minutes,
                            proposed_decision=draft.proposed_decision,
                        )
                    )
                self._renumber(body_id, date.year)
        return meeting

    def set_meeting_status(self, meeting_id: int, status: m.MeetingStatus) -> m.Meeting:
        """Move a meeting along its life; sending the notice locks its case numbers."""
        with self.store.write():
            meeting = self.meeting(meeting_id)
            if status not in STATUS_STEPS[meeting.status] and status is not meeting.status:
                raise errors.Conflict(
                    f"Et møte med status «{labels.MEETING_STATUS[meeting.status]}» kan ikke bli «{labels.MEETING_STATUS[status]}»"
                )
            meeting = self.store.update(meeting.model_copy(update={"status": status}))
            self._renumber(meeting.body_id, meeting.year)
        return meeting

    def update_meeting(self, meeting: m.Meeting) -> m.Meeting:
        """Save date, times and place; a date in another year is refused (numbers are per year)."""
        with self.store.write():
            stored = self.meeting(meeting.id)
            if meeting.date.year != stored.year:
                raise errors.Conflict("Et møte kan ikke flyttes til et annet år; opprett et nytt møte")
            return self.store.update(meeting)

    def copy_structure(self, template_meeting_id: int, meeting_id: int) -> int:
        """Give a new meeting the template's items (titles, types, durations) and
        breaks, between its own standard opening and closing items."""
        standard_prefixes = ("Godkjenning av innkalling", "Godkjenning av referat", "Eventuelt")
        copied = 0
        with self.store.write():
            for entry in self.store.agenda(template_meeting_id):
                if entry.kind is m.EntryKind.ITEM and entry.title.startswith(standard_prefixes):
                    continue
                self.add_item(
                    meeting_id,
                    m.AgendaItem(
                        meeting_id=meeting_id,
                        kind=entry.kind,
                        title=entry.title,
                        item_type=entry.item_type,
                        duration_minutes=entry.duration_minutes,
                    ),
                )
                copied += 1
        return copied

    # --- agenda -------------------------------------------------------------------

    def agenda_items(self, meeting_id: int) -> list[m.AgendaItem]:
        return self.store.agenda(meeting_id)

    def agenda(self, meeting_id: int) -> Agenda:
        meeting = self.meeting(meeting_id)
        items = self.store.agenda(meeting_id)
        plan = time_plan(
            meeting.start_time,
            meeting.end_time,
            [PlanEntry(item.id, item.duration_minutes, item.fixed_start) for item in items],
        )
        rows = tuple(
            AgendaRow(item, slot.start, slot.end, slot.late)
            for item, slot in zip(items, plan.slots, strict=True)
        )
        return Agenda(meeting, rows, plan)

    def item(self, item_id: int) -> m.AgendaItem:
        return self.store.get(m.AgendaItem, item_id)

    def find_item(self, ref: str, *, body_short_name: str | None = None) -> m.AgendaItem:
        """An item by its case number: "18/23" (with a body given) or "NUIT 8/22"."""
        case = parse_case_ref(ref)
        short = case.body or body_short_name
        if short is None:
            raise errors.NotFound(f"Skriv utvalget foran saksnummeret, f.eks. «NUIT {case.number}»")
        return self.store.item_by_case(self.body(short).id, case.number.year, case.number.seq)

    def case_label(self, item: m.AgendaItem, *, with_body: bool = False) -> str:
        if item.case_seq is None or item.case_year is None:
            return ""
        number = CaseNumber(item.case_year, item.case_seq)
        if not with_body:
            return str(number)
        meeting = self.meeting(item.meeting_id)
        return number.cite(self.body_by_id(meeting.body_id).short_name)

    def add_item(
        self,
        meeting_id: int,
        item: m.AgendaItem | None = None,
        *,
        before_closing: bool = True,
        after_item_id: int | None = None,
    ) -> m.AgendaItem:
        """Add an entry to the agenda: after a given entry, or else just before "Eventuelt"."""
        item = item or m.AgendaItem(meeting_id=meeting_id, title="Ny sak", duration_minutes=30)
        with self.store.write():
            meeting = self.meeting(meeting_id)
            position = self._insertion_position(meeting_id, before_closing=before_closing, after_item_id=after_item_id)
            # The numbering rule gives the case number; one a caller set is kept
            # only when locked (an item deferred or moved from an earlier meeting).
            case = {} if item.number_locked else {"case_year": None, "case_seq": None}
            added = self.store.insert(item.model_copy(update={"meeting_id": meeting_id, "position": position, **case}))
            self._renumber(meeting.body_id, meeting.year)
        return self.item(added.id)

    def _insertion_position(self, meeting_id: int, *, before_closing: bool, after_item_id: int | None = None) -> int:
        """The position for a new entry: after a given one, last, or just before a
        closing "Eventuelt"; the entries below move down one."""
        items = self.store.agenda(meeting_id)
        anchor = next((i for i, entry in enumerate(items) if entry.id == after_item_id), None)
        if anchor is not None:
            position = items[anchor].position + 1
            for entry in items[anchor + 1 :]:
                self.store.update(entry.model_copy(update={"position": entry.position + 1}))
            return position
        closing = items[-1] if items else None
        if before_closing and closing is not None and closing.title == "Eventuelt":
            self.store.update(closing.model_copy(update={"position": closing.position + 1}))
            return closing.position
        return len(items) + 1

    def update_item(self, item: m.AgendaItem) -> m.AgendaItem:
        """Save an item. Locked minutes refuse every change but to the item's
        openness: exempting an old item is access control, not a change of minutes."""
        with self.store.write():
            if self.minutes_locked(item.meeting_id):
                stored = self.item(item.id)
                changed = {k for k in m.AgendaItem.model_fields if getattr(stored, k) != getattr(item, k)}
                if not changed <= OPENNESS_FIELDS:
                    self.ensure_editable(item.meeting_id)
            return self.store.update(item)

    def delete_item(self, item_id: int) -> None:
        with self.store.write():
            item = self.item(item_id)
            meeting = self.meeting(item.meeting_id)
            self.store.delete(m.AgendaItem, item_id)
            self._compact_positions(meeting.id)
            self._renumber(meeting.body_id, meeting.year)

    def move_item(self, item_id: int, delta: int) -> None:
        """Move an entry up (-1) or down (+1); numbers follow until the notice is sent."""
        with self.store.write():
            item = self.item(item_id)
            if not self.store.move_in_order(self.store.agenda(item.meeting_id), item_id, delta):
                return
            meeting = self.meeting(item.meeting_id)
            self._renumber(meeting.body_id, meeting.year)

    def set_duration(self, item_id: int, minutes: int) -> m.AgendaItem:
        item = self.item(item_id)
        return self.store.update(item.model_copy(update={"duration_minutes": max(0, min(minutes, 24 * 60))}))

    def move_item_to_meeting(self, item_id: int, meeting_id: int) -> m.AgendaItem:
        """Move an entry to another meeting of the same body (from a cancelled one, say).

        A published number goes with the item; an unpublished one is given anew.
        """
        with self.store.write():
            item = self.item(item_id)
            source = self.meeting(item.meeting_id)
            target = self.meeting(meeting_id)
            if target.body_id != source.body_id:
                raise errors.Conflict("En sak kan bare flyttes til et møte i samme utvalg")
            if target.id == source.id:
                return item
            if target.status in (m.MeetingStatus.HELD, m.MeetingStatus.MINUTES_APPROVED, m.MeetingStatus.CANCELLED):
                raise errors.Conflict(f"Møte {target.ref} er {labels.MEETING_STATUS[target.status].lower()}; velg et kommende møte")
            # Updated in place, not re-inserted: remarks, links and attachments point to its id.
            case = {} if item.number_locked else {"case_seq": None, "case_year": None}
            position = self._insertion_position(target.id, before_closing=True)
            self.store.update(item.model_copy(update={"meeting_id": target.id, "position": position, **case}))
            self._compact_positions(source.id)
            self._renumber(source.body_id, source.year)
            if target.year != source.year:
                self._renumber(target.body_id, target.year)
        return self.item(item_id)

    def _compact_positions(self, meeting_id: int) -> None:
        self.store.write_positions(self.store.agenda(meeting_id))

    def _renumber(self, body_id: int, year: int) -> None:
        """Apply the numbering rule to the body's year (inside the caller's transaction).

        Items of a meeting whose notice is out are locked to their numbers.
        """
        numbering = []
        items_by_id: dict[int, m.AgendaItem] = {}
        frozen_ids: set[int] = set()
        for meeting in self.store.meetings_of_year(body_id, year):
            entry = MeetingNumbering(frozen=meeting.status.numbers_frozen)
            for item in self.store.agenda(meeting.id):
                if item.kind is not m.EntryKind.ITEM:
                    continue
                if item.number_locked and item.case_year != year:
                    continue  # deferred from last year: its number is last year's
                items_by_id[item.id] = item
                if entry.frozen:
                    frozen_ids.add(item.id)
                entry.items.append(CaseSlot(item.id, item.case_seq, item.number_locked))
            numbering.append(entry)
        for item_id, seq in renumber_year(numbering).items():
            item = items_by_id[item_id]
            locked = item.number_locked or item_id in frozen_ids
            if (item.case_seq, item.case_year, item.number_locked) != (seq, year, locked):
                self.store.update(item.model_copy(update={"case_seq": seq, "case_year": year, "number_locked": locked}))

    # --- people on items, attachments, earlier handlings ---------------------------------

    def set_item_people(self, item_id: int, role: m.PersonRole, person_ids: list[int]) -> None:
        with self.store.write():
            for link in self.store.find(m.ItemPerson, "item_id = ? AND role = ?", [item_id, role.value]):
                self.store.delete(m.ItemPerson, link.id)
            for position, person_id in enumerate(person_ids, start=1):
                self.store.insert(m.ItemPerson(item_id=item_id, person_id=person_id, role=role, position=position))

    def people_named(self, prefix: str, *, limit: int = 20) -> list[m.Person]:
        return self.store.people_named(prefix, limit=limit) if prefix.strip() else []

    def person_by_name(self, name: str, *, create: bool = False) -> m.Person | None:
        found = self.store.find(m.Person, "name = ?", [name.strip()], limit=1)
        if found:
            return found[0]
        return self.add_person(name.strip()) if create else None

    def item_people(self, item_id: int, role: m.PersonRole) -> list[m.Person]:
        return self.store.people_of_item(item_id, role)

    def add_attachment(self, attachment: m.Attachment) -> m.Attachment:
        if attachment.position == 0:
            count = self.store.count(m.Attachment, "item_id = ?", [attachment.item_id])
            attachment = attachment.model_copy(update={"position": count + 1})
        return self.store.insert(attachment)

    def update_attachment(self, attachment: m.Attachment) -> m.Attachment:
        return self.store.update(attachment)

    def delete_attachment(self, attachment_id: int) -> None:
        self.store.delete(m.Attachment, attachment_id)

    def attachments(self, item_id: int) -> list[m.Attachment]:
        return self.store.find(m.Attachment, "item_id = ?", [item_id], order_by="position, id")

    def link_earlier(self, item_id: int, earlier_item_id: int) -> m.ItemLink:
        count = self.store.count(m.ItemLink, "item_id = ?", [item_id])
        return self.store.insert(m.ItemLink(item_id=item_id, earlier_item_id=earlier_item_id, position=count + 1))

    def unlink_earlier(self, item_id: int, earlier_item_id: int) -> None:
        with self.store.write():
            for link in self.store.find(m.ItemLink, "item_id = ? AND earlier_item_id = ?", [item_id, earlier_item_id]):
                self.store.delete(m.ItemLink, link.id)

    def candidates_for_linking(self, query: str, *, item_id: int | None = None, limit: int = 20) -> list[m.AgendaItem]:
        """Earlier items picked by a case reference ("NUIT 8/22") or by search (words of any of its text)."""
        query = query.strip()
        if not query:
            return []
        try:
            case = parse_case_ref(query)
        except ParseError:
            case = None
        if case is not None and case.body is not None:
            try:
                found = self.store.item_by_case(self.body(case.body).id, case.number.year, case.number.seq)
            except errors.NotFound:
                return []
            return [found] if found.id != item_id else []
        return self.search_items(query, exclude_item_id=item_id, limit=limit)

    def earlier_handling_rows(self, item_id: int) -> list[EarlierHandling]:
        """The cover note's table Sak | Tema | Vedtaksformulering, built from the archive."""
        rows = []
        for earlier in self.earlier_handlings(item_id):
            meeting = self.meeting(earlier.meeting_id)
            citation = f"{self.case_label(earlier, with_body=True)} ({citation_date(meeting.date)})"
            rows.append(EarlierHandling(earlier, citation, earlier.title, earlier.decision or earlier.proposed_decision))
        return rows

    def earlier_handlings(self, item_id: int) -> list[m.AgendaItem]:
        links = self.store.find(m.ItemLink, "item_id = ?", [item_id], order_by="position, id")
        return [self.item(link.earlier_item_id) for link in links]

    # --- attendance ---
    # Who came, and when. A member's row is created on the first key pressed for
    # them, not up front: "not registered" must stay distinct from "present",
    # since presence decides whether a decision was lawfully made.

    ATTENDANCE_ROLE_WORDS = {
        m.AttendanceRole.MEMBER: "medlem",
        m.AttendanceRole.SUBSTITUTE: "stedfortreder",
        m.AttendanceRole.SECRETARIAT: "sekretariatet",
        m.AttendanceRole.GUEST: "gjest",
        m.AttendanceRole.OBSERVER: "observatør",
    }

    def _attendance_meeting(self, meeting_id: int) -> m.Meeting:
        """The meeting, if its attendance may change: it is part of the minutes, which lock when approved."""
        self.ensure_editable(meeting_id)
        return self.meeting(meeting_id)

    def meeting_members(self, meeting_id: int) -> list[m.Membership]:
        """The body's members (not substitutes or staff) on the meeting's date, in notice order."""
        meeting = self.meeting(meeting_id)
        return [ms for ms in self.members_on(meeting.body_id, meeting.date) if ms.role is m.MembershipRole.MEMBER]

    def _member_on(self, meeting: m.Meeting, person_id: int) -> m.Membership | None:
        return next(
            (ms for ms in self.members_on(meeting.body_id, meeting.date)
             if ms.person_id == person_id and ms.role is m.MembershipRole.MEMBER),
            None,
        )

    def attendance_of(self, meeting_id: int, person_id: int) -> m.Attendance | None:
        found = self.store.find(m.Attendance, "meeting_id = ? AND person_id = ?", [meeting_id, person_id], limit=1)
        return found[0] if found else None

    def _attendance_row(self, meeting: m.Meeting, person_id: int) -> m.Attendance:
        """The person's row, or an unsaved one (id None) for a member not registered yet."""
        row = self.attendance_of(meeting.id, person_id)
        if row is not None:
            return row
        membership = self._member_on(meeting, person_id)
        person = self.person(person_id)
        if membership is None:
            body = self.body_by_id(meeting.body_id)
            raise errors.Conflict(f"{person.name} er verken medlem av {body.short_name} på møtedagen eller i deltakerlisten")
        return m.Attendance(
            meeting_id=meeting.id,
            person_id=person_id,
            role=m.AttendanceRole.MEMBER,
            organization_id=membership.organization_id or person.organization_id,
            position=membership.position,  # the minutes list members in notice order
        )

    def _save_attendance(self, row: m.Attendance) -> m.Attendance:
        return self.store.insert(row) if row.id is None else self.store.update(row)

    def _next_attendance_position(self, meeting_id: int) -> int:
        return max((a.position for a in self.attendance(meeting_id)), default=0) + 1

    def ensure_attendance(self, meeting_id: int) -> list[m.Attendance]:
        """The meeting's attendance, with the secretariat filled in from the body's
        secretariat memberships while none is listed. Members are not filled in
        (see above). Approved or cancelled meetings are only read."""
        meeting = self.meeting(meeting_id)
        if meeting.status in (m.MeetingStatus.MINUTES_APPROVED, m.MeetingStatus.CANCELLED):
            return self.attendance(meeting_id)
        with self.store.write():
            rows = self.attendance(meeting_id)
            if not any(a.role is m.AttendanceRole.SECRETARIAT for a in rows):
                listed = {a.person_id for a in rows}
                position = self._next_attendance_position(meeting_id)
                for ms in self.members_on(meeting.body_id, meeting.date):
                    if ms.role is not m.MembershipRole.SECRETARIAT or ms.person_id in listed:
                        continue
                    organization_id = ms.organization_id or self.person(ms.person_id).organization_id
                    self.store.insert(
                        m.Attendance(
                            meeting_id=meeting_id,
                            person_id=ms.person_id,
                            role=m.AttendanceRole.SECRETARIAT,
                            organization_id=organization_id,
                            position=position,
                        )
                    )
                    listed.add(ms.person_id)
                    position += 1
        return self.attendance(meeting_id)

    def set_attendance_status(self, meeting_id: int, person_id: int, status: m.AttendanceStatus) -> m.Attendance:
        status = m.AttendanceStatus(status)
        with self.store.write():
            row = self._attendance_row(self._attendance_meeting(meeting_id), person_id)
            update: dict = {"status": status}
            if status is not m.AttendanceStatus.PRESENT:
                # Absent means not there at all: a time span or video would contradict it.
                update.update(remote=False, arrived_at=None, left_at=None)
            return self._save_attendance(row.model_copy(update=update))

    def set_remote(self, meeting_id: int, person_id: int, remote: bool) -> m.Attendance:
        """On video or in the room; joining by video means being there."""
        with self.store.write():
            row = self._attendance_row(self._attendance_meeting(meeting_id), person_id)
            update: dict = {"remote": remote}
            if remote:
                update["status"] = m.AttendanceStatus.PRESENT
            return self._save_attendance(row.model_copy(update=update))

    def set_arrived(self, meeting_id: int, person_id: int, time: dt.time | None) -> m.Attendance:
        """Arrived late at `time` (None: from the start); an arrival makes the person present."""
        return self._set_span(meeting_id, person_id, arrived_at=time)

    def set_left(self, meeting_id: int, person_id: int, time: dt.time | None) -> m.Attendance:
        """Left early at `time` (None: stayed to the end); a departure makes the person present."""
        return self._set_span(meeting_id, person_id, left_at=time)

    def _set_span(self, meeting_id: int, person_id: int, **change: dt.time | None) -> m.Attendance:
        with self.store.write():
            row = self._attendance_row(self._attendance_meeting(meeting_id), person_id)
            arrived = change.get("arrived_at", row.arrived_at)
            left = change.get("left_at", row.left_at)
            if arrived is not None and left is not None and left <= arrived:
                name = self.person(person_id).name
                raise errors.Conflict(
                    f"{name} kom kl. {arrived:%H.%M} og kan ikke ha gått kl. {left:%H.%M}; «Gikk kl.» må være etter «Kom kl.»"
                )
            update: dict = dict(change)
            if any(value is not None for value in change.values()):
                update["status"] = m.AttendanceStatus.PRESENT
            return self._save_attendance(row.model_copy(update=update))

    def add_substitute(self, meeting_id: int, member_person_id: int, substitute_person_id: int) -> m.Attendance:
        """The substitute attends for the member, for the member's organisation; the
        member is marked absent with notice unless already marked absent."""
        with self.store.write():
            meeting = self._attendance_meeting(meeting_id)
            body = self.body_by_id(meeting.body_id)
            member = self.person(member_person_id)
            substitute = self.person(substitute_person_id)
            if self._member_on(meeting, member.id) is None:
                raise errors.Conflict(
                    f"{member.name} er ikke medlem av {body.short_name} på møtedagen; en stedfortreder møter for et medlem"
                )
            if substitute.id == member.id:
                raise errors.Conflict(f"{member.name} kan ikke være stedfortreder for seg selv")
            listed = self.attendance_of(meeting.id, substitute.id)
            if listed is not None:
                raise errors.Conflict(
                    f"{substitute.name} står allerede i deltakerlisten ({self.ATTENDANCE_ROLE_WORDS[listed.role]})"
                )
            if self._member_on(meeting, substitute.id) is not None:
                raise errors.Conflict(f"{substitute.name} er selv medlem av {body.short_name} og kan ikke møte som stedfortreder")
            for other in self.store.find(
                m.Attendance, "meeting_id = ? AND substitute_for_person_id = ?", [meeting.id, member.id], limit=1
            ):
                raise errors.Conflict(
                    f"{member.name} har allerede {self.person(other.person_id).name} som stedfortreder; fjern den først"
                )
            row = self._attendance_row(meeting, member.id)
            if row.status is m.AttendanceStatus.PRESENT:
                row = row.model_copy(
                    update={"status": m.AttendanceStatus.ABSENT_WITH_NOTICE, "remote": False, "arrived_at": None, "left_at": None}
                )
            row = self._save_attendance(row)
            return self.store.insert(
                m.Attendance(
                    meeting_id=meeting.id,
                    person_id=substitute.id,
                    role=m.AttendanceRole.SUBSTITUTE,
                    status=m.AttendanceStatus.PRESENT,
                    organization_id=row.organization_id,
                    substitute_for_person_id=member.id,
                    position=row.position,
                )
            )

    def add_attendee(self, meeting_id: int, person_id: int, role: m.AttendanceRole) -> m.Attendance:
        """Secretariat staff, a guest (a presenter, say) or an observer."""
        role = m.AttendanceRole(role)
        if role in (m.AttendanceRole.MEMBER, m.AttendanceRole.SUBSTITUTE):
            raise errors.Conflict("Medlemmer registreres i medlemslisten, stedfortredere med «Stedfortreder»")
        with self.store.write():
            meeting = self._attendance_meeting(meeting_id)
            person = self.person(person_id)
            listed = self.attendance_of(meeting.id, person.id)
            if listed is not None:
                raise errors.Conflict(f"{person.name} står allerede i deltakerlisten ({self.ATTENDANCE_ROLE_WORDS[listed.role]})")
            if self._member_on(meeting, person.id) is not None:
                body = self.body_by_id(meeting.body_id)
                raise errors.Conflict(f"{person.name} er medlem av {body.short_name}; registrer oppmøtet i medlemslisten")
            return self.store.insert(
                m.Attendance(
                    meeting_id=meeting.id,
                    person_id=person.id,
                    role=role,
                    organization_id=person.organization_id,
                    position=self._next_attendance_position(meeting.id),
                )
            )

    def remove_attendance(self, attendance_id: int) -> m.Attendance:
        """Take a row off the list (a member's row: back to not registered)."""
        with self.store.write():
            row = self.store.get(m.Attendance, attendance_id)
            self._attendance_meeting(row.meeting_id)
            self.store.delete(m.Attendance, attendance_id)
        return row

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

    def attendee_for_name(self, text: str, *, organization_id: int | None = None) -> tuple[m.Person, bool]:
        """The person a typed name means, or a new person by that name (True when new).
        A new person gets the organisation in "Name (Organisation)", else `organization_id`."""
        with self.store.write():
            person = self.match_person(text)
            if person is not None:
                return person, False
            name = " ".join(text.split())
            if name.endswith(")") and " (" in name:
                name, organization = name[:-1].split(" (", 1)
                organization_id, _ = self._organization_for(organization)
            name = self._text(name, "Navn")
            return self.store.insert(m.Person(name=name, organization_id=organization_id)), True

    def item_span(self, item_id: int) -> tuple[dt.time, dt.time]:
        """When the item was handled: its recorded times, else its planned slot."""
        item = self.item(item_id)
        row = next(r for r in self.agenda(item.meeting_id).rows if r.item.id == item_id)
        start = item.started_at or row.start
        if item.ended_at is not None:
            end = item.ended_at
        elif item.started_at is not None:  # under way: its planned length from when it began
            minutes = min(item.started_at.hour * 60 + item.started_at.minute + item.duration_minutes, 24 * 60 - 1)
            end = dt.time(minutes // 60, minutes % 60)
        else:
            end = row.end
        return start, end

    def present_at_item(self, item_id: int) -> list[tuple[m.Person, m.Attendance]]:
        """The members and substitutes there for the whole of the item, in list order."""
        from ..domain.attendance import present_at_item

        item = self.item(item_id)
        start, end = self.item_span(item_id)
        present = present_at_item(self.attendance(item.meeting_id), start, end)
        people = self.people_by_ids(a.person_id for a in present)
        return [(people[a.person_id], a) for a in present]

    # --- minutes records ------------------------------------------------------------

    def add_attendance(self, attendance: m.Attendance) -> m.Attendance:
        if attendance.position == 0:
            count = self.store.count(m.Attendance, "meeting_id = ?", [attendance.meeting_id])
            attendance = attendance.model_copy(update={"position": count + 1})
        return self.store.insert(attendance)

    def attendance(self, meeting_id: int) -> list[m.Attendance]:
        return self.store.find(m.Attendance, "meeting_id = ?", [meeting_id], order_by="position, id")

    def add_deadline(self, deadline: m.Deadline) -> m.Deadline:
        return self.store.insert(deadline)

    # --- overview -----------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {table: self.store.count(model) for model, table in _TABLES_FOR_COUNT.items()}

    def case_numbers_by_meeting(self, body_id: int, year: int) -> dict[str, list[str]]:
        result: dict[str, list[str]] = defaultdict(list)
        for meeting in self.store.meetings_of_year(body_id, year):
            for item in self.store.agenda(meeting.id):
                if item.case_seq is not None:
                    result[meeting.ref].append(self.case_label(item))
        return dict(result)


_TABLES_FOR_COUNT = {
    m.Body: "bodies",
    m.Meeting: "meetings",
    m.AgendaItem: "agenda_items",
    m.Attendance: "attendance",
    m.Remark: "remarks",
    m.Deadline: "deadlines",
}
