"""Meetings: their numbers per body and year, their status and their time and place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..domain import labels
from ..domain import models as m
from ..domain.case_numbers import CaseNumber, parse_meeting_ref
from ..domain.durations import meeting_start_refusal
from ..domain.meetings import can_move, deferred_back_note, deletion_refusal, meeting_numbers, move_refusal
from ..domain.norwegian import kl, long_date
from ..domain.standard_items import MINUTES_APPROVAL_PREFIX, closing_items, follow_previous_meeting, opening_items
from ..domain.timeplan import PlanEntry
from ..store import ArchiveStore, errors
from .attachment_labels import freeze_labels
from .members import Members
from .numbering import renumber


class Meetings:
    """The meetings of every body."""

    def __init__(self, store: ArchiveStore, members: Members):
        self.store = store
        self.members = members
        # Run inside create's transaction with the new meeting: what a new meeting takes
        # in from the services above this one (items deferred to «the next meeting»).
        self.created_hooks: list[Callable[[m.Meeting], object]] = []

    def page(
        self, body_id: int | None, *, year: int | None = None, limit: int = 50, offset: int = 0
    ) -> list[m.Meeting]:
        return self.store.meetings_page(body_id, year=year, limit=limit, offset=offset)

    def get(self, meeting_id: int) -> m.Meeting:
        return self.store.get(m.Meeting, meeting_id)

    def find(self, body_short_name: str, ref: str) -> m.Meeting:
        year, number = parse_meeting_ref(ref)
        return self.store.meeting_by_number(self.members.body(body_short_name).stored_id, year, number)

    def next_number(self, body_id: int, year: int) -> int:
        return self.store.max_meeting_number(body_id, year) + 1

    def create(
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
        body = self.members.body_by_id(body_id)
        with self.store.write():
            meeting = self.store.insert(
                m.Meeting(
                    body_id=body_id,
                    year=date.year,
                    number=number or self.next_number(body_id, date.year),
                    date=date,
                    start_time=start,
                    end_time=end,
                    location=location,
                    video_link=video_link,
                    status=status,
                )
            )
            if standard_items:
                # Before it in the body's order: another meeting that day with a lower number too.
                previous = self.store.previous_meeting(body_id, date, meeting.number)
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
                renumber(self.store, body_id, date.year)
            if number is None:
                self._follow_dates(body_id, date.year)
                meeting = self.get(meeting.stored_id)
            for hook in self.created_hooks:
                hook(meeting)
        return meeting

    def _follow_dates(self, body_id: int, year: int) -> None:
        """Until its notice is out, a meeting follows the calendar: its number is its place
        in the year's date order, and its «Godkjenning av referat fra …» names the meeting
        that now comes before it (inside the caller's transaction)."""
        meetings = self.store.meetings_of_year(body_id, year)
        numbers = meeting_numbers([(mt.stored_id, mt.number, mt.status.numbers_frozen) for mt in meetings])
        moving = [mt for mt in meetings if numbers[mt.stored_id] != mt.number]
        # Through numbers no meeting has, so that UNIQUE (body, year, number) holds at each step.
        parked = [self.store.update(mt.model_copy(update={"number": -mt.stored_id}), transient=True) for mt in moving]
        for mt in parked:
            self.store.update(mt.model_copy(update={"number": numbers[mt.stored_id]}))
        body = self.members.body_by_id(body_id).short_name
        for mt in self.store.meetings_of(body_id, order_by="date"):
            if mt.status is not m.MeetingStatus.PLANNED:
                continue
            previous = self.store.previous_meeting(body_id, mt.date, mt.number)
            for item in self.store.agenda(mt.stored_id):
                if item.is_break or not item.title.startswith(MINUTES_APPROVAL_PREFIX):
                    continue
                followed = follow_previous_meeting(item.title, item.proposed_decision, body, previous.date if previous else None)
                if followed:
                    title, proposal = followed
                    self.store.update(item.model_copy(update={"title": title, "proposed_decision": proposal}))

    def _on_date(self, body_id: int, date: dt.date, *, but: int | None = None) -> list[m.Meeting]:
        """The body's meetings on `date` (not cancelled), in its order; `but`: one left out."""
        return [
            mt
            for mt in self.store.meetings_of(body_id, year=date.year, order_by="number")
            if mt.id != but and mt.date == date and mt.status is not m.MeetingStatus.CANCELLED
        ]

    def same_day_question(self, body_id: int, date: dt.date, *, moving: int | None = None) -> str | None:
        """What to ask before a new meeting is made on a date the body already meets (a
        typing slip, most often; None when it does not): «Det finnes allerede et møte i NUIT
        25. mai 2023 kl. 09.00. Lage et til samme dag?». `moving`: the meeting given that
        date instead, left out of the others; one kept on its own date is not asked about."""
        if moving is not None and self.get(moving).date == date:
            return None
        others = self._on_date(body_id, date, but=moving)
        if not others:
            return None
        what = "et møte" if len(others) == 1 else "møter"
        times = " og ".join(kl(mt.start_time) for mt in sorted(others, key=lambda mt: mt.start_time))
        body = self.members.body_by_id(body_id).short_name
        ask = "Flytte møtet til samme dag?" if moving is not None else "Lage et til samme dag?"
        return f"Det finnes allerede {what} i {body} {long_date(date)} {times}. {ask}"

    def set_status(self, meeting_id: int, status: m.MeetingStatus) -> m.Meeting:
        """Move a meeting along its life; sending the notice locks its case numbers."""
        with self.store.write():
            meeting = self.get(meeting_id)
            if not can_move(meeting.status, status):
                raise errors.Conflict(
                    f"Et møte med status «{labels.MEETING_STATUS[meeting.status]}» kan ikke bli «{labels.MEETING_STATUS[status]}»"
                )
            was = meeting.status
            meeting = self.store.update(meeting.model_copy(update={"status": status}))
            if status.numbers_frozen and not was.numbers_frozen:
                freeze_labels(self.store, meeting)  # «Vedlegg 4A» as the notice shows it, for good
            if status is m.MeetingStatus.CANCELLED:
                self._follow_dates(meeting.body_id, meeting.year)  # the next meeting's approval item
            renumber(self.store, meeting.body_id, meeting.year)
        return meeting

    def update(self, meeting: m.Meeting) -> m.Meeting:
        """Save date, times and place; a date in another year is refused (numbers are per
        year), and so is a start from which the agenda would run past midnight."""
        with self.store.write():
            stored = self.get(meeting.stored_id)
            if refusal := move_refusal(stored.year, meeting.date) or self.start_refusal(stored.stored_id, meeting.start_time):
                raise errors.Conflict(refusal)
            saved = self.store.update(meeting)
            if saved.date != stored.date:
                self._follow_dates(saved.body_id, saved.year)
                renumber(self.store, saved.body_id, saved.year)
                saved = self.get(saved.stored_id)
            return saved

    def start_refusal(self, meeting_id: int, start: dt.time) -> str | None:
        """Why the meeting may not start at `start`: its agenda would run past midnight
        (`meeting_start_refusal`, naming the latest start); None when it may. The form (t)
        asks before it closes; `update` refuses it too."""
        entries = [PlanEntry(e.id, e.duration_minutes, e.fixed_start) for e in self.store.agenda(meeting_id)]
        return meeting_start_refusal(entries, start, self.get(meeting_id).start_time)

    def has_records(self, meeting_id: int) -> bool:
        """Whether anything was recorded at the meeting: attendance, or on any item a
        remark, a decision, a narrative, a course (handled, deferred…) or a follow-up."""
        if self.store.count_by(m.Attendance, meeting_id=meeting_id):
            return True
        for item in self.store.agenda(meeting_id):
            if item.state is not m.ItemState.PLANNED or item.decision.strip() or item.narrative.strip():
                return True
            if self.store.count_by(m.Remark, item_id=item.id) or self.store.count_by(m.FollowUp, item_id=item.id):
                return True
        return False

    def deletion_refusal(self, meeting_id: int) -> str | None:
        """Why the meeting may not be deleted (Norwegian), or None."""
        meeting = self.get(meeting_id)
        return deletion_refusal(meeting.status, recorded=self.has_records(meeting_id))

    def deletion_note(self, meeting_id: int) -> str:
        """What else a deletion changes, for the question before it ("" when nothing): the
        items deferred to the meeting go back to waiting for the next one."""
        cases = [
            str(CaseNumber(item.case_year, item.case_seq)) if item.case_seq and item.case_year else item.title
            for item in self.store.agenda(meeting_id)
            if item.deferred_from_id is not None
        ]
        return deferred_back_note(cases)

    def delete(self, meeting_id: int) -> None:
        """Delete a meeting created by mistake, with its agenda; its provisional case
        numbers go back to the year. An item deferred to it waits again for the next meeting."""
        with self.store.write():
            meeting = self.get(meeting_id)
            refusal = deletion_refusal(meeting.status, recorded=self.has_records(meeting_id))
            if refusal:
                raise errors.Conflict(refusal)
            self.store.delete(m.Meeting, meeting_id)
            self._follow_dates(meeting.body_id, meeting.year)
            renumber(self.store, meeting.body_id, meeting.year)
