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
from ..domain.timeplan import PlanEntry, TimePlan, time_plan
from ..store import ArchiveStore, errors, open_store


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


class Archive:
    """One open archive file and the operations on it."""

    def __init__(self, store: ArchiveStore):
        self.store = store

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Archive:
        return cls(open_store(Path(path), create=create))

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

    # --- meetings -----------------------------------------------------------------

    def meetings_page(
        self, body_id: int | None, *, year: int | None = None, limit: int = 50, offset: int = 0
    ) -> list[m.Meeting]:
        return self.store.meetings_page(body_id, year=year, limit=limit, offset=offset)

    def meeting_years(self, body_id: int | None) -> list[int]:
        return self.store.meeting_years(body_id)

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
    ) -> m.AgendaItem:
        """Add an entry to the agenda, by default just before "Eventuelt"."""
        item = item or m.AgendaItem(meeting_id=meeting_id, title="Ny sak", duration_minutes=30)
        with self.store.write():
            meeting = self.meeting(meeting_id)
            position = self._insertion_position(meeting_id, before_closing=before_closing)
            # The numbering rule gives the case number; one a caller set is kept
            # only when locked (an item deferred or moved from an earlier meeting).
            case = {} if item.number_locked else {"case_year": None, "case_seq": None}
            added = self.store.insert(item.model_copy(update={"meeting_id": meeting_id, "position": position, **case}))
            self._renumber(meeting.body_id, meeting.year)
        return self.item(added.id)

    def _insertion_position(self, meeting_id: int, *, before_closing: bool) -> int:
        """The position for a new entry: last, or just before a closing "Eventuelt",
        which then moves down one."""
        items = self.store.agenda(meeting_id)
        closing = items[-1] if items else None
        if before_closing and closing is not None and closing.title == "Eventuelt":
            self.store.update(closing.model_copy(update={"position": closing.position + 1}))
            return closing.position
        return len(items) + 1

    def update_item(self, item: m.AgendaItem) -> m.AgendaItem:
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
            items = self.store.agenda(item.meeting_id)
            index = next(i for i, other in enumerate(items) if other.id == item_id)
            target = index + delta
            if not 0 <= target < len(items):
                return
            items.insert(target, items.pop(index))
            for position, entry in enumerate(items, start=1):
                if entry.position != position:
                    self.store.update(entry.model_copy(update={"position": position}))
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
        for position, entry in enumerate(self.store.agenda(meeting_id), start=1):
            if entry.position != position:
                self.store.update(entry.model_copy(update={"position": position}))

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
        """Earlier items picked by a case reference ("NUIT 8/22") or words of the title."""
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
        return self.store.items_matching(query.split(), exclude_item_id=item_id, limit=limit)

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

    # --- minutes records ------------------------------------------------------------

    def add_attendance(self, attendance: m.Attendance) -> m.Attendance:
        if attendance.position == 0:
            count = self.store.count(m.Attendance, "meeting_id = ?", [attendance.meeting_id])
            attendance = attendance.model_copy(update={"position": count + 1})
        return self.store.insert(attendance)

    def attendance(self, meeting_id: int) -> list[m.Attendance]:
        return self.store.find(m.Attendance, "meeting_id = ?", [meeting_id], order_by="position, id")

    def add_remark(self, remark: m.Remark) -> m.Remark:
        if remark.position == 0:
            count = self.store.count(m.Remark, "item_id = ?", [remark.item_id])
            remark = remark.model_copy(update={"position": count + 1})
        return self.store.insert(remark)

    def remarks(self, item_id: int) -> list[m.Remark]:
        return self.store.find(m.Remark, "item_id = ?", [item_id], order_by="position, id")

    def add_follow_up(self, follow_up: m.FollowUp) -> m.FollowUp:
        return self.store.insert(follow_up)

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
