"""Agendas: the items and breaks of a meeting, their order, times and case numbers,
and what hangs on an item (its people, attachments and earlier handlings)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain import labels
from ..domain import models as m
from ..domain.case_numbers import CaseNumber, parse_case_ref
from ..domain.durations import duration_refusal, entry_name, start_refusal
from ..domain.items import NEW_ITEM_TITLE, is_blank_new_item
from ..domain.meetings import is_preparing
from ..domain.norwegian import ParseError, citation_date, kl
from ..domain.timeplan import MINUTES_PER_DAY, PlanEntry, TimePlan, time_plan
from ..store import ArchiveStore, errors
from ..store.attachment_files import forget_unused_file
from .attachment_labels import label_new_attachment, meeting_labels, move_labels
from .meetings import Meetings
from .members import Members
from .minutes_lock import MinutesLock
from .numbering import renumber
from .search import Search


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


@dataclass(frozen=True)
class Agenda:
    meeting: m.Meeting
    rows: tuple[AgendaRow, ...]
    plan: TimePlan


# How long n's new item is, until the secretary types another length.
NEW_ITEM_MINUTES = 30

# What may change on an item of locked minutes: its openness is access control,
# not a change of the minutes.
OPENNESS_FIELDS = {"exempt", "exempt_basis", "title_exempt", "row_version", "updated_at"}


class AgendaService:
    """The agenda of each meeting and the items on it."""

    def __init__(self, store: ArchiveStore, members: Members, meetings: Meetings, lock: MinutesLock, search: Search):
        self.store = store
        self.members = members
        self.meetings = meetings
        self.lock = lock
        self.search = search

    def items(self, meeting_id: int) -> list[m.AgendaItem]:
        return self.store.agenda(meeting_id)

    def for_meeting(self, meeting_id: int) -> Agenda:
        meeting = self.meetings.get(meeting_id)
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

    def start_minute(self, item_id: int, fixed_start: dt.time | None) -> int:
        """When the item starts in its meeting's time plan, in minutes after midnight (past
        24 × 60 when the entries before it run past midnight), were its fixed start
        `fixed_start` (as typed in the item screen, perhaps not saved yet)."""
        item = self.item(item_id)
        entries = [
            PlanEntry(entry.id, entry.duration_minutes, fixed_start if entry.id == item_id else entry.fixed_start)
            for entry in self.store.agenda(item.meeting_id)
        ]
        return self._start_in_plan(item.meeting_id, entries, item_id)

    def new_entry_start(self, meeting_id: int, after_item_id: int | None = None, *, before_closing: bool = True) -> int:
        """When an entry added now would start (`add_item`'s place: after `after_item_id`, else
        before «Eventuelt»), in minutes after midnight, as `start_minute` counts."""
        items = self.store.agenda(meeting_id)
        entries = [PlanEntry(entry.id, entry.duration_minutes, entry.fixed_start) for entry in items]
        entries.insert(_insertion_index(items, after_item_id, before_closing=before_closing), PlanEntry(_NEW, 0))
        return self._start_in_plan(meeting_id, entries, _NEW)

    def new_item_refusal(self, meeting_id: int) -> str | None:
        """Why `n` makes no new item on this agenda (it would run past midnight), in the words
        `add_item` refuses it with; None when it may. Asked before its form opens."""
        return self._new_entry_refusal(meeting_id, None, None, before_closing=True)

    def _new_entry_refusal(
        self, meeting_id: int, entry: m.AgendaItem | None, after_item_id: int | None, *, before_closing: bool
    ) -> str | None:
        """Why `entry` (None: n's new item) may not be added there: from where it would start,
        it would run past midnight."""
        minutes = NEW_ITEM_MINUTES if entry is None else entry.duration_minutes
        start = self.new_entry_start(meeting_id, after_item_id, before_closing=before_closing)
        refusal = duration_refusal(minutes, start, what=entry_name(entry is not None and entry.is_break))
        if refusal is None or entry is not None:
            return refusal
        # n has no duration typed: say the length it would have been given.
        return f"Ingen ny sak: den får {minutes} minutter. {refusal}"

    def fixed_start_refusal(self, item_id: int, fixed_start: dt.time | None, minutes: int) -> str | None:
        """Why the item, lasting `minutes`, may not have `fixed_start` (as typed in the item
        screen, perhaps not saved yet): starting later than it does now, it would run past
        midnight. None when it may, or when it starts no later (the stored length stands when
        the entries before it grew, as `parse_minutes` has it)."""
        item = self.item(item_id)
        if fixed_start == item.fixed_start:
            return None
        start = self.start_minute(item_id, fixed_start)
        if start <= self.start_minute(item_id, item.fixed_start):
            return None
        return start_refusal(minutes, start, what=entry_name(item.is_break))

    def _start_in_plan(self, meeting_id: int, entries: list[PlanEntry], key: object) -> int:
        """The start, in minutes after midnight, of the entry `key` in the meeting's time plan of `entries`."""
        meeting = self.meetings.get(meeting_id)
        return time_plan(meeting.start_time, meeting.end_time, entries).slot(key).start_minute

    def add_break(self, meeting_id: int, title: str, minutes: int, *, after_item_id: int | None = None) -> m.AgendaItem:
        """A break after `after_item_id`; one that would run past midnight is refused (Conflict,
        by `add_item`), in the words the break form uses (`parse_minutes`)."""
        entry = m.AgendaItem(meeting_id=meeting_id, kind=m.EntryKind.BREAK, title=title, duration_minutes=minutes)
        return self.add_item(meeting_id, entry, after_item_id=after_item_id)

    def find_item(self, ref: str, *, body_short_name: str | None = None) -> m.AgendaItem:
        """An item by its case number: "18/23" (with a body given) or "NUIT 8/22"."""
        case = parse_case_ref(ref)
        short = case.body or body_short_name
        if short is None:
            raise errors.NotFound(f"Skriv utvalget foran saksnummeret, f.eks. «NUIT {case.number}»")
        return self.store.item_by_case(self.members.body(short).stored_id, case.number.year, case.number.seq)

    def case_label(self, item: m.AgendaItem, *, with_body: bool = False) -> str:
        if item.case_seq is None or item.case_year is None:
            return ""
        number = CaseNumber(item.case_year, item.case_seq)
        if not with_body:
            return str(number)
        meeting = self.meetings.get(item.meeting_id)
        return number.cite(self.members.body_by_id(meeting.body_id).short_name)

    def item_span(self, item_id: int) -> tuple[dt.time, dt.time]:
        """When the item was handled: its recorded times, else its planned slot."""
        item = self.item(item_id)
        row = next(r for r in self.for_meeting(item.meeting_id).rows if r.item.id == item_id)
        start = item.started_at or row.start
        if item.ended_at is not None:
            end = item.ended_at
        elif item.started_at is not None:  # under way: its planned length from when it began
            minutes = min(item.started_at.hour * 60 + item.started_at.minute + item.duration_minutes, 24 * 60 - 1)
            end = dt.time(minutes // 60, minutes % 60)
        else:
            end = row.end
        return start, end

    def add_item(
        self,
        meeting_id: int,
        item: m.AgendaItem | None = None,
        *,
        before_closing: bool = True,
        after_item_id: int | None = None,
        by_midnight: bool = True,
    ) -> m.AgendaItem:
        """Add an entry to the agenda: after a given entry, or else just before "Eventuelt";
        without one, n's new item. One that would run past midnight from where it lands is
        refused (Conflict), nothing added, as the forms and + refuse it. `by_midnight=False`
        for copies whose lengths are given: a deferred item (its meeting is made whatever its
        plan), a template's entries (checked as a whole by `copy_structure`)."""
        with self.store.write():
            if by_midnight and (refusal := self._new_entry_refusal(meeting_id, item, after_item_id, before_closing=before_closing)):
                raise errors.Conflict(refusal)
            item = item or m.AgendaItem(meeting_id=meeting_id, title=NEW_ITEM_TITLE, duration_minutes=NEW_ITEM_MINUTES)
            meeting = self.meetings.get(meeting_id)
            position = self._insertion_position(meeting_id, before_closing=before_closing, after_item_id=after_item_id)
            # The numbering rule gives the case number; one a caller set is kept
            # only when locked (an item deferred or moved from an earlier meeting).
            case = {} if item.number_locked else {"case_year": None, "case_seq": None}
            added = self.store.insert(item.model_copy(update={"meeting_id": meeting_id, "position": position, **case}))
            renumber(self.store, meeting.body_id, meeting.year)
        return self.item(added.stored_id)

    def _insertion_position(self, meeting_id: int, *, before_closing: bool, after_item_id: int | None = None) -> int:
        """The position for a new entry: after a given one, last, or just before a
        closing "Eventuelt"; the entries below move down one."""
        items = self.store.agenda(meeting_id)
        index = _insertion_index(items, after_item_id, before_closing=before_closing)
        if index == len(items):
            return items[-1].position + 1 if items else 1
        position = items[index].position
        for entry in items[index:]:
            self.store.update(entry.model_copy(update={"position": entry.position + 1}))
        return position

    def update_item(self, item: m.AgendaItem) -> m.AgendaItem:
        """Save an item. Locked minutes refuse every change but to the item's
        openness: exempting an old item is access control, not a change of minutes.
        An entry made longer past midnight, or moved to a later fixed start that its length
        runs past midnight from, is refused, as the item and break forms refuse it (a stored
        length stands when the entries before it grew, and a shorter one is always taken)."""
        with self.store.write():
            if item.duration_minutes > self.item(item.stored_id).duration_minutes:
                start = self.start_minute(item.stored_id, item.fixed_start)
                refusal = duration_refusal(item.duration_minutes, start, what=entry_name(item.is_break))
            else:
                refusal = self.fixed_start_refusal(item.stored_id, item.fixed_start, item.duration_minutes)
            if refusal:
                raise errors.Conflict(refusal)
            if self.lock.is_locked(item.meeting_id):
                stored = self.item(item.stored_id)
                changed = {k for k in m.AgendaItem.model_fields if getattr(stored, k) != getattr(item, k)}
                if not changed <= OPENNESS_FIELDS:
                    self.lock.ensure_editable(item.meeting_id)
            return self.store.update(item)

    def delete_item(self, item_id: int) -> None:
        with self.store.write():
            item = self.item(item_id)
            meeting = self.meetings.get(item.meeting_id)
            self.store.delete(m.AgendaItem, item_id)
            self._compact_positions(meeting.stored_id)
            renumber(self.store, meeting.body_id, meeting.year)

    def discard_if_blank(self, item_id: int) -> bool:
        """Delete a new item left as `n` made it (Escape at once), so that it takes no
        case number; True when it was discarded."""
        with self.store.write():
            item = self.item(item_id)
            texts = (item.description, item.purpose, item.background, item.proposed_decision, item.decision, item.narrative,
                     item.submitted_by, item.earlier_intro, item.earlier_none)
            if item.is_break or not is_blank_new_item(item.title, *texts):
                return False
            if self.attachments(item_id) or any(self.item_people(item_id, role) for role in m.PersonRole):
                return False
            # Rows of its cover note (or a link) were made for it: it is not a mistaken `n`.
            if any(self.store.count_by(model, item_id=item_id) for model in (m.CoverSection, m.ExternalDecision, m.ItemLink)):
                return False
            self.delete_item(item_id)
        return True

    def move_item(self, item_id: int, delta: int) -> None:
        """Move an entry up (-1) or down (+1); numbers follow until the notice is sent."""
        with self.store.write():
            item = self.item(item_id)
            if not self.store.move_in_order(self.store.agenda(item.meeting_id), item_id, delta):
                return
            meeting = self.meetings.get(item.meeting_id)
            renumber(self.store, meeting.body_id, meeting.year)

    def set_duration(self, item_id: int, minutes: int) -> m.AgendaItem:
        """A new duration (+/− on the agenda). A longer one that would run past midnight is
        refused (Conflict), as the item screen refuses it; a shorter one is always taken,
        also where the entries before have pushed the item past midnight."""
        with self.store.write():
            item = self.item(item_id)
            minutes = max(0, minutes)
            if minutes > item.duration_minutes:
                start = self.start_minute(item_id, item.fixed_start)
                if refusal := duration_refusal(minutes, start, what=entry_name(item.is_break)):
                    raise errors.Conflict(refusal)
            return self.store.update(item.model_copy(update={"duration_minutes": minutes}))

    def check_movable_to_meeting(self, item_id: int) -> m.AgendaItem:
        """The item, or Conflict when it may not go to another meeting: a break belongs to
        its own meeting's day plan (the TUI asks before offering a meeting to pick)."""
        item = self.item(item_id)
        if item.is_break:
            raise errors.Conflict("En pause kan ikke flyttes til et annet møte")
        return item

    def move_item_to_meeting(self, item_id: int, meeting_id: int) -> m.AgendaItem:
        """Move an item to another meeting of the same body (from a cancelled one, say).

        A published number goes with the item; an unpublished one is given anew.
        """
        with self.store.write():
            item = self.check_movable_to_meeting(item_id)
            source = self.meetings.get(item.meeting_id)
            target = self.meetings.get(meeting_id)
            if target.body_id != source.body_id:
                raise errors.Conflict("En sak kan bare flyttes til et møte i samme utvalg")
            if target.id == source.id:
                return item
            if not is_preparing(target.status):
                raise errors.Conflict(f"Møte {target.ref} er {labels.MEETING_STATUS[target.status].lower()}; velg et kommende møte")
            # Updated in place, not re-inserted: remarks, links and attachments point to its id.
            case = {} if item.number_locked else {"case_seq": None, "case_year": None}
            position = self._insertion_position(target.stored_id, before_closing=True)
            self.store.update(item.model_copy(update={"meeting_id": target.id, "position": position, **case}))
            move_labels(self.store, item, target)  # numbered by the new meeting, not the old notice
            self._compact_positions(source.stored_id)
            renumber(self.store, source.body_id, source.year)
            if target.year != source.year:
                renumber(self.store, target.body_id, target.year)
        return self.item(item_id)

    def create_meeting_from(
        self,
        template_meeting_id: int,
        date: dt.date,
        start: dt.time,
        end: dt.time,
        *,
        location: str | None = None,
        video_link: str | None = None,
    ) -> tuple[m.Meeting, int]:
        """A new meeting of the template's body, with its standard items and the
        template's other items and breaks (one transaction); and how many were copied."""
        with self.store.write():
            template = self.meetings.get(template_meeting_id)
            meeting = self.meetings.create(template.body_id, date, start, end, location=location, video_link=video_link)
            return meeting, self.copy_structure(template.stored_id, meeting.stored_id)

    def copy_structure(self, template_meeting_id: int, meeting_id: int) -> int:
        """Give a new meeting the template's items (titles, types, durations) and
        breaks, between its own standard opening and closing items. Copied entries that
        would run the agenda past midnight (a late start) are refused (Conflict), and
        nothing is copied: the durations are the template's, not to be cut short silently."""
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
                    by_midnight=False,  # the whole plan is checked below, in k's words
                )
                copied += 1
            plan = self.for_meeting(meeting_id).plan
            if copied and plan.finish_minute > MINUTES_PER_DAY:  # ending at midnight stands, as for an entry
                template = self.meetings.get(template_meeting_id)
                meeting = self.meetings.get(meeting_id)
                raise errors.Conflict(
                    f"Sakene fra møte {template.ref} går over midnatt: dagsordenen fra {kl(meeting.start_time)}"
                    f" ville slutte {kl(plan.finish)} neste dag; velg et tidligere starttidspunkt"
                )
        return copied

    def _compact_positions(self, meeting_id: int) -> None:
        self.store.write_positions(self.store.agenda(meeting_id))

    # --- people on items, attachments, earlier handlings ---

    def set_item_people(self, item_id: int, role: m.PersonRole, person_ids: list[int]) -> None:
        with self.store.write():
            for link in self.store.find_by(m.ItemPerson, item_id=item_id, role=role):
                self.store.delete(m.ItemPerson, link.stored_id)
            for position, person_id in enumerate(person_ids, start=1):
                self.store.insert(m.ItemPerson(item_id=item_id, person_id=person_id, role=role, position=position))

    def item_people(self, item_id: int, role: m.PersonRole) -> list[m.Person]:
        return self.store.people_of_item(item_id, role)

    def add_attachment(self, attachment: m.Attachment) -> m.Attachment:
        """Add a link or file to an item; without a label it is numbered by the rule
        (`services.attachment_labels`), and after the notice its label is stored at once."""
        with self.store.write():
            if attachment.position == 0:
                count = self.store.count_by(m.Attachment, item_id=attachment.item_id)
                attachment = attachment.model_copy(update={"position": count + 1})
            added = self.store.insert(attachment)
            meeting = self.meetings.get(self.item(attachment.item_id).meeting_id)
            return label_new_attachment(self.store, meeting, added)

    def update_attachment(self, attachment: m.Attachment) -> m.Attachment:
        return self.store.update(attachment)

    def delete_attachment(self, attachment_id: int) -> None:
        with self.store.write():
            attachment = self.store.get(m.Attachment, attachment_id)
            self.store.delete(m.Attachment, attachment_id)
            forget_unused_file(self.store, attachment.file_id)

    def attachments(self, item_id: int) -> list[m.Attachment]:
        """The item's attachments in order, each with its label by the numbering rule."""
        stored = self.store.find_by(m.Attachment, item_id=item_id, order_by="position, id")
        if not stored:
            return stored
        labels = meeting_labels(self.store, self.meetings.get(self.item(item_id).meeting_id)).attachments
        return [a.model_copy(update={"label": labels.get(a.stored_id, a.label)}) for a in stored]

    def link_earlier(self, item_id: int, earlier_item_id: int) -> m.ItemLink:
        count = self.store.count_by(m.ItemLink, item_id=item_id)
        return self.store.insert(m.ItemLink(item_id=item_id, earlier_item_id=earlier_item_id, position=count + 1))

    def unlink_earlier(self, item_id: int, earlier_item_id: int) -> None:
        with self.store.write():
            for link in self.store.find_by(m.ItemLink, item_id=item_id, earlier_item_id=earlier_item_id):
                self.store.delete(m.ItemLink, link.stored_id)

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
                found = self.store.item_by_case(self.members.body(case.body).stored_id, case.number.year, case.number.seq)
            except errors.NotFound:
                return []
            return [found] if found.id != item_id else []
        return self.search.items(query, exclude_item_id=item_id, limit=limit)

    def earlier_handling_rows(self, item_id: int) -> list[EarlierHandling]:
        """The cover note's table Sak | Tema | Vedtaksformulering, built from the archive."""
        rows = []
        for earlier in self.earlier_handlings(item_id):
            meeting = self.meetings.get(earlier.meeting_id)
            citation = f"{self.case_label(earlier, with_body=True)} ({citation_date(meeting.date)})"
            rows.append(EarlierHandling(earlier, citation, earlier.title, earlier.decision or earlier.proposed_decision))
        return rows

    def earlier_handlings(self, item_id: int) -> list[m.AgendaItem]:
        links = self.store.find_by(m.ItemLink, item_id=item_id, order_by="position, id")
        return [self.item(link.earlier_item_id) for link in links]


_NEW = object()  # the key of an entry not made yet, in a time plan


def _insertion_index(items: list[m.AgendaItem], after_item_id: int | None, *, before_closing: bool) -> int:
    """Where among `items` a new entry goes: after `after_item_id`, else just before a
    closing «Eventuelt» (`before_closing`), else last."""
    anchor = next((i for i, entry in enumerate(items) if entry.id == after_item_id), None)
    if anchor is not None:
        return anchor + 1
    if before_closing and items and items[-1].title == "Eventuelt":
        return len(items) - 1
    return len(items)
