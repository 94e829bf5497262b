"""Minute-taking: remarks, decisions, deferrals and withdrawals, and when each
item was taken up. Every change here is a change of the minutes, so each asks
the minutes lock first."""

from __future__ import annotations

import datetime as dt

from ..domain import labels, meeting_clock
from ..domain import models as m
from ..domain.items import adopted_without_proposal, may_adopt_proposal
from ..domain.meetings import comes_after, is_preparing
from ..domain.minutes_text import says_nothing
from ..domain.standard_items import MINUTES_APPROVAL_PREFIX, is_opening_title
from ..store import ArchiveStore, errors, registry
from .agenda import AgendaService
from .meetings import Meetings
from .members import Members
from .minutes_lock import MinutesLock


class MinuteTaking:
    """What is recorded while a meeting is held."""

    def __init__(self, store: ArchiveStore, members: Members, meetings: Meetings, agenda: AgendaService, lock: MinutesLock):
        self.store = store
        self.members = members
        self.meetings = meetings
        self.agenda = agenda
        self.lock = lock

    # --- remarks ---

    def _item_meeting_id(self, item_id: int) -> int:
        return self.agenda.item(item_id).meeting_id

    def add_remark(self, remark: m.Remark) -> m.Remark:
        with self.store.write():
            self.lock.ensure_editable(self._item_meeting_id(remark.item_id))
            if remark.position == 0:
                count = self.store.count_by(m.Remark, item_id=remark.item_id)
                remark = remark.model_copy(update={"position": count + 1})
            return self.store.insert(remark)

    def remarks(self, item_id: int) -> list[m.Remark]:
        return self.store.find_by(m.Remark, item_id=item_id, order_by="position, id")

    def update_remark(self, remark: m.Remark) -> m.Remark:
        """Save a remark; a speaker typed as an organisation's or a person's name is tied to it."""
        with self.store.write():
            self.lock.ensure_editable(self._item_meeting_id(remark.item_id))
            speaker = remark.speaker.strip()
            org = registry.organization_called(self.store, speaker)
            person = self.store.find_by(m.Person, name=speaker, limit=1)
            remark = remark.model_copy(
                update={"organization_id": org.id if org else None, "person_id": person[0].id if person else None}
            )
            return self.store.update(remark)

    def delete_remark(self, remark_id: int) -> None:
        with self.store.write():
            remark = self.store.get(m.Remark, remark_id)
            self.lock.ensure_editable(self._item_meeting_id(remark.item_id))
            self.store.delete(m.Remark, remark_id)

    def discard_if_blank(self, remark_id: int) -> bool:
        """Delete a remark left as F2 made it, with neither speaker nor text (Escape at
        once), as `n` then Escape leaves no item; True when it was discarded. One of locked
        minutes is left: it prints nothing, and the lock is not to be argued with over it."""
        with self.store.write():
            found = self.store.find_by(m.Remark, id=remark_id, limit=1)  # deleted meanwhile: nothing to do
            if not found or not _blank(found[0]) or self.lock.is_locked(self._item_meeting_id(found[0].item_id)):
                return False
            self.store.delete(m.Remark, remark_id)
        return True

    def move_remark(self, remark_id: int, delta: int) -> None:
        with self.store.write():
            remark = self.store.get(m.Remark, remark_id)
            self.lock.ensure_editable(self._item_meeting_id(remark.item_id))
            self.store.move_in_order(self.remarks(remark.item_id), remark_id, delta)

    def speaker_names(self, meeting_id: int) -> list[str]:
        """Who may speak: the body's organisations and members on the day, for completion."""
        meeting = self.meetings.get(meeting_id)
        names: dict[str, None] = {}
        for membership in self.members.members_on(meeting.body_id, meeting.date):
            if membership.organization_id:
                names[self.members.organization_by_id(membership.organization_id).name] = None
        for membership in self.members.members_on(meeting.body_id, meeting.date):
            names[self.members.person(membership.person_id).name] = None
        return list(names)

    # --- decisions and the item's course ---

    def set_decision(self, item_id: int, text: str) -> m.AgendaItem:
        """Record the adopted decision (the proposal stays as it was).

        A decision on "Godkjenning av referat fra …" approves the minutes it
        names: those of the body's previous meeting, which are then locked.
        """
        with self.store.write():
            item = self.agenda.item(item_id)
            self.lock.ensure_editable(item.meeting_id)
            state = m.ItemState.HANDLED if text.strip() and item.state is m.ItemState.PLANNED else item.state
            item = self.store.update(item.model_copy(update={"decision": text, "state": state}))
            if text.strip() and item.title.startswith(MINUTES_APPROVAL_PREFIX):
                self._approve_previous_minutes(item)
        return item

    def adopt_proposal(self, item_id: int) -> m.AgendaItem:
        """Adopt the proposal as the decision. Without one: Eventuelt is marked handled, an
        orientation takes the formula, any other type is refused (adopted_without_proposal)."""
        item = self.agenda.item(item_id)
        if not may_adopt_proposal(item.state):
            case = self.agenda.case_label(item) or item.title
            raise errors.Conflict(
                f"{case} er {labels.ITEM_STATE[item.state].lower()}: forslaget kan ikke vedtas på dette møtet"
                " (skriv i feltet «Vedtak» om det ble fattet et vedtak)"
            )
        if item.proposed_decision.strip():
            return self.set_decision(item_id, item.proposed_decision)
        body = self.members.body_by_id(self.meetings.get(item.meeting_id).body_id)
        decision = adopted_without_proposal(item.item_type, body.short_name)
        if decision is None:
            raise errors.Conflict("Saken har ikke noe forslag til vedtak: skriv vedtaket i feltet «Vedtak»")
        if decision:
            # Not over a decision written already: F3 then leaves it as it is.
            return item if item.decision.strip() else self.set_decision(item_id, decision)
        return item if item.state is not m.ItemState.PLANNED else self.set_item_state(item_id, m.ItemState.HANDLED)

    def _approve_previous_minutes(self, item: m.AgendaItem) -> None:
        meeting = self.meetings.get(item.meeting_id)
        previous = self.store.previous_meeting(meeting.body_id, meeting.date, meeting.number)
        if previous is not None and previous.status is m.MeetingStatus.HELD:
            self.store.update(previous.model_copy(update={"status": m.MeetingStatus.MINUTES_APPROVED}))

    def set_item_state(self, item_id: int, state: m.ItemState) -> m.AgendaItem:
        with self.store.write():
            item = self.agenda.item(item_id)
            self.lock.ensure_editable(item.meeting_id)
            return self.store.update(item.model_copy(update={"state": state}))

    def defer_item(self, item_id: int, meeting_id: int) -> m.AgendaItem:
        """Defer (utsett) an item to a later meeting: it keeps its case number and
        reappears on that agenda; this meeting's minutes say it was deferred."""
        with self.store.write():
            item = self.agenda.item(item_id)
            source = self.meetings.get(item.meeting_id)
            target = self.meetings.get(meeting_id)
            self.lock.ensure_editable(source.stored_id)
            if item.is_break or item.case_seq is None:
                raise errors.Conflict("Bare saker med saksnummer kan utsettes")
            if target.body_id != source.body_id or not comes_after(target, source):
                raise errors.Conflict("Velg et senere møte i samme utvalg")
            if not is_preparing(target.status):
                raise errors.Conflict(f"Møte {target.ref} er {labels.MEETING_STATUS[target.status].lower()}")
            self.store.update(item.model_copy(update={"state": m.ItemState.DEFERRED, "number_locked": True}))
            added = self._copy_deferred(item, target.stored_id)
        return self.agenda.item(added.stored_id)

    def _copy_deferred(self, item: m.AgendaItem, meeting_id: int, *, after_item_id: int | None = None) -> m.AgendaItem:
        """The deferred item on the later agenda: same case number, people, attachments
        and earlier handlings; nothing recorded yet (inside the caller's transaction)."""
        copy = item.model_copy(
            update={
                "id": None,
                "meeting_id": meeting_id,
                "state": m.ItemState.PLANNED,
                "decision": "",
                "narrative": "",
                "number_locked": True,
                "deferred_from_id": item.id,
                "started_at": None,
                "ended_at": None,
                "row_version": 1,
                "updated_at": None,
            }
        )
        # Its length is the one it was planned with: a deferral is never refused for the later plan.
        added = self.agenda.add_item(meeting_id, copy, after_item_id=after_item_id, by_midnight=False)
        for role in m.PersonRole:
            self.agenda.set_item_people(added.stored_id, role, [p.stored_id for p in self.agenda.item_people(item.stored_id, role)])
        for attachment in self.agenda.attachments(item.stored_id):
            self.agenda.add_attachment(attachment.model_copy(update={"id": None, "item_id": added.id, "label": "", "position": 0}))
        for earlier in self.agenda.earlier_handlings(item.stored_id):
            self.agenda.link_earlier(added.stored_id, earlier.stored_id)
        return added

    def defer_to_next_meeting(self, item_id: int) -> m.AgendaItem:
        """Defer an item to the body's next meeting, not yet planned: it waits (deferred,
        on no later agenda) and enters that meeting when it is created."""
        with self.store.write():
            item = self.agenda.item(item_id)
            self.lock.ensure_editable(item.meeting_id)
            if item.is_break or item.case_seq is None:
                raise errors.Conflict("Bare saker med saksnummer kan utsettes")
            return self.store.update(item.model_copy(update={"state": m.ItemState.DEFERRED, "number_locked": True}))

    def take_in_waiting(self, meeting: m.Meeting) -> list[m.AgendaItem]:
        """A new meeting takes the items deferred to «the next meeting»: first in line
        after the standard opening items, oldest first (inside the caller's transaction)."""
        added: list[m.AgendaItem] = []
        waiting = self.store.waiting_deferrals(meeting.body_id, meeting.date, meeting.number)
        if not waiting:
            return added
        opening = [i for i in self.store.agenda(meeting.stored_id) if is_opening_title(i.title)]
        after = opening[-1].id if opening else None
        for item in waiting:
            copy = self._copy_deferred(item, meeting.stored_id, after_item_id=after)
            added.append(copy)
            after = copy.id
        return added

    def withdraw_item(self, item_id: int) -> m.AgendaItem:
        return self.set_item_state(item_id, m.ItemState.WITHDRAWN)

    def mark_item_times(self, item_id: int, *, started: dt.time | None = None, ended: dt.time | None = None) -> m.AgendaItem:
        """Record when the meeting took the item up and left it (first start, last end)."""
        with self.store.write():
            item = self.agenda.item(item_id)
            update = {}
            if started is not None and item.started_at is None:
                update["started_at"] = started
            if ended is not None:
                update["ended_at"] = ended
            return self.store.update(item.model_copy(update=update)) if update else item

    def take_up_item(self, item_id: int, *, previous_id: int | None = None, now: dt.datetime | None = None) -> m.AgendaItem:
        """Meeting mode moves on to an item. On the meeting's day that is the meeting
        taking it up: the item left ends now and this one starts now (its first start
        is kept), and the meeting's position is this item since now. Opened again
        (after a restart, with no item left on screen) the item left is the position's;
        the item under way taken up again keeps its time. Minutes written up on another
        day stamp nothing."""
        now = now or dt.datetime.now()
        with self.store.write():
            item = self.agenda.item(item_id)
            meeting = self.meetings.get(item.meeting_id)
            if now.date() != meeting.date:
                return item
            position = meeting_clock.under_way(meeting, self.store.meeting_position(meeting.stored_id), now)
            if previous_id is None and position is not None and position.item_id is not None:
                if self.agenda.item(position.item_id).meeting_id == meeting.id:  # not moved to another meeting since
                    previous_id = position.item_id
            clock = now.time().replace(second=0, microsecond=0)
            if previous_id is not None and previous_id != item_id:
                self.mark_item_times(previous_id, ended=clock)
            if position is None or position.item_id != item_id:
                self.store.save_meeting_position(meeting.stored_id, item_id, now)
            return self.mark_item_times(item_id, started=clock)

    def under_way(self, meeting_id: int, now: dt.datetime | None = None) -> meeting_clock.Position | None:
        """The item a meeting held today was on when meeting mode last took one up, and
        since when; None on another day, or when that item is no longer on its agenda."""
        with self.store.read():
            position = self._position(meeting_id, now)
            if position is None:
                return None
            on_agenda = {i.id for i in self.store.agenda(meeting_id) if not i.is_break}
        return position if position.item_id in on_agenda else None

    def _position(self, meeting_id: int, now: dt.datetime | None) -> meeting_clock.Position | None:
        """The meeting's position if it is under way today, on the agenda or not."""
        return meeting_clock.under_way(self.meetings.get(meeting_id), self.store.meeting_position(meeting_id), now or dt.datetime.now())

    def where_to_open(
        self, meeting_id: int, chosen_id: int | None, now: dt.datetime | None = None
    ) -> tuple[m.AgendaItem | None, meeting_clock.Position | None]:
        """The item meeting mode opens at: the one chosen (a break is not), else the one
        the meeting is on (under way today), else the first (None: no items); with the
        position when it opens at the item under way, whose clock then runs on from it."""
        items = {i.id: i for i in self.agenda.items(meeting_id) if not i.is_break}
        position = self._position(meeting_id, now)  # its item checked against `items`, read once
        if position is not None and position.item_id not in items:
            position = None
        item = items.get(chosen_id) or (items.get(position.item_id) if position else None) or next(iter(items.values()), None)
        return item, position if item is not None and position is not None and item.id == position.item_id else None


def _blank(remark: m.Remark) -> bool:
    """No speaker, no one tied to it, no text: a remark as F2 made it."""
    tied = remark.organization_id is not None or remark.person_id is not None
    return not remark.speaker.strip() and not tied and says_nothing(remark.text)
