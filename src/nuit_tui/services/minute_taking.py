"""Minute-taking: remarks, decisions, deferrals, follow-ups, item times, and the
lock on approved minutes. Part of the Archive service (mixed into it)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..domain import labels
from ..domain import models as m
from ..domain.standard_items import MINUTES_APPROVAL_PREFIX
from ..store import errors

if TYPE_CHECKING:
    from ..store import ArchiveStore


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class MinuteTaking:
    store: ArchiveStore

    # --- the lock on approved minutes ----------------------------------------------------

    def minutes_locked(self, meeting_id: int) -> bool:
        """Approved minutes are locked unless an unlock is open."""
        meeting = self.meeting(meeting_id)
        if meeting.status is not m.MeetingStatus.MINUTES_APPROVED:
            return False
        return not self.store.find(m.MinutesUnlock, "meeting_id = ? AND relocked_at IS NULL", [meeting_id], limit=1)

    def ensure_editable(self, meeting_id: int) -> None:
        if self.minutes_locked(meeting_id):
            meeting = self.meeting(meeting_id)
            raise errors.Conflict(
                f"Referatet fra møte {meeting.ref} er godkjent og låst; lås det opp først (med begrunnelse)"
            )

    def unlock_minutes(self, meeting_id: int, reason: str) -> m.MinutesUnlock:
        if not reason.strip():
            raise errors.Conflict("Skriv hvorfor referatet låses opp; det blir registrert")
        if not self.minutes_locked(meeting_id):
            raise errors.Conflict("Referatet er ikke låst")
        return self.store.insert(m.MinutesUnlock(meeting_id=meeting_id, unlocked_at=_now(), reason=reason.strip()))

    def relock_minutes(self, meeting_id: int) -> None:
        with self.store.write():
            for unlock in self.store.find(m.MinutesUnlock, "meeting_id = ? AND relocked_at IS NULL", [meeting_id]):
                self.store.update(unlock.model_copy(update={"relocked_at": _now()}))

    def unlocks(self, meeting_id: int) -> list[m.MinutesUnlock]:
        return self.store.find(m.MinutesUnlock, "meeting_id = ?", [meeting_id], order_by="id")

    # --- remarks ------------------------------------------------------------------------

    def _item_meeting_id(self, item_id: int) -> int:
        return self.item(item_id).meeting_id

    def add_remark(self, remark: m.Remark) -> m.Remark:
        with self.store.write():
            self.ensure_editable(self._item_meeting_id(remark.item_id))
            if remark.position == 0:
                count = self.store.count(m.Remark, "item_id = ?", [remark.item_id])
                remark = remark.model_copy(update={"position": count + 1})
            return self.store.insert(remark)

    def remarks(self, item_id: int) -> list[m.Remark]:
        return self.store.find(m.Remark, "item_id = ?", [item_id], order_by="position, id")

    def update_remark(self, remark: m.Remark) -> m.Remark:
        """Save a remark; a speaker typed as an organisation's or a person's name is tied to it."""
        with self.store.write():
            self.ensure_editable(self._item_meeting_id(remark.item_id))
            speaker = remark.speaker.strip()
            org = self.store.find(m.Organization, "name = ? OR short_name = ?", [speaker, speaker], limit=1)
            person = self.store.find(m.Person, "name = ?", [speaker], limit=1)
            remark = remark.model_copy(
                update={"organization_id": org[0].id if org else None, "person_id": person[0].id if person else None}
            )
            return self.store.update(remark)

    def delete_remark(self, remark_id: int) -> None:
        with self.store.write():
            remark = self.store.get(m.Remark, remark_id)
            self.ensure_editable(self._item_meeting_id(remark.item_id))
            self.store.delete(m.Remark, remark_id)

    def move_remark(self, remark_id: int, delta: int) -> None:
        with self.store.write():
            remark = self.store.get(m.Remark, remark_id)
            self.ensure_editable(self._item_meeting_id(remark.item_id))
            self.store.move_in_order(self.remarks(remark.item_id), remark_id, delta)

    def speaker_names(self, meeting_id: int) -> list[str]:
        """Who may speak: the body's organisations and members on the day, for completion."""
        meeting = self.meeting(meeting_id)
        names: dict[str, None] = {}
        for membership in self.members_on(meeting.body_id, meeting.date):
            if membership.organization_id:
                names[self.organization_by_id(membership.organization_id).name] = None
        for membership in self.members_on(meeting.body_id, meeting.date):
            names[self.person(membership.person_id).name] = None
        return list(names)

    # --- decisions and the item's course ------------------------------------------------------

    def set_decision(self, item_id: int, text: str) -> m.AgendaItem:
        """Record the adopted decision (the proposal stays as it was).

        A decision on "Godkjenning av referat fra …" approves the minutes it
        names: those of the body's previous meeting, which are then locked.
        """
        with self.store.write():
            item = self.item(item_id)
            self.ensure_editable(item.meeting_id)
            state = m.ItemState.HANDLED if text.strip() and item.state is m.ItemState.PLANNED else item.state
            item = self.store.update(item.model_copy(update={"decision": text, "state": state}))
            if text.strip() and item.title.startswith(MINUTES_APPROVAL_PREFIX):
                self._approve_previous_minutes(item)
        return item

    def adopt_proposal(self, item_id: int) -> m.AgendaItem:
        item = self.item(item_id)
        if not item.proposed_decision.strip():
            raise errors.Conflict("Saken har ikke noe forslag til vedtak")
        return self.set_decision(item_id, item.proposed_decision)

    def _approve_previous_minutes(self, item: m.AgendaItem) -> None:
        meeting = self.meeting(item.meeting_id)
        previous = self.store.previous_meeting(meeting.body_id, meeting.date)
        if previous is not None and previous.status is m.MeetingStatus.HELD:
            self.store.update(previous.model_copy(update={"status": m.MeetingStatus.MINUTES_APPROVED}))

    def set_item_state(self, item_id: int, state: m.ItemState) -> m.AgendaItem:
        with self.store.write():
            item = self.item(item_id)
            self.ensure_editable(item.meeting_id)
            return self.store.update(item.model_copy(update={"state": state}))

    def defer_item(self, item_id: int, meeting_id: int) -> m.AgendaItem:
        """Defer (utsett) an item to a later meeting: it keeps its case number and
        reappears on that agenda; this meeting's minutes say it was deferred."""
        with self.store.write():
            item = self.item(item_id)
            source = self.meeting(item.meeting_id)
            target = self.meeting(meeting_id)
            self.ensure_editable(source.id)
            if item.is_break or item.case_seq is None:
                raise errors.Conflict("Bare saker med saksnummer kan utsettes")
            if target.body_id != source.body_id or target.date <= source.date:
                raise errors.Conflict("Velg et senere møte i samme utvalg")
            if target.status not in (m.MeetingStatus.PLANNED, m.MeetingStatus.NOTICE_SENT):
                raise errors.Conflict(f"Møte {target.ref} er {labels.MEETING_STATUS[target.status].lower()}")
            self.store.update(item.model_copy(update={"state": m.ItemState.DEFERRED, "number_locked": True}))
            copy = item.model_copy(
                update={
                    "id": None,
                    "meeting_id": target.id,
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
            added = self.add_item(target.id, copy)
            for role in m.PersonRole:
                self.set_item_people(added.id, role, [p.id for p in self.item_people(item.id, role)])
            for attachment in self.attachments(item.id):
                self.add_attachment(attachment.model_copy(update={"id": None, "item_id": added.id}))
            for earlier in self.earlier_handlings(item.id):
                self.link_earlier(added.id, earlier.id)
        return self.item(added.id)

    def withdraw_item(self, item_id: int) -> m.AgendaItem:
        return self.set_item_state(item_id, m.ItemState.WITHDRAWN)

    def mark_item_times(self, item_id: int, *, started: dt.time | None = None, ended: dt.time | None = None) -> m.AgendaItem:
        """Record when the meeting took the item up and left it (first start, last end)."""
        with self.store.write():
            item = self.item(item_id)
            update = {}
            if started is not None and item.started_at is None:
                update["started_at"] = started
            if ended is not None:
                update["ended_at"] = ended
            return self.store.update(item.model_copy(update=update)) if update else item

    # --- follow-ups ---------------------------------------------------------------------

    def add_follow_up(self, follow_up: m.FollowUp) -> m.FollowUp:
        return self.store.insert(follow_up)

    def follow_ups_of_item(self, item_id: int) -> list[m.FollowUp]:
        return self.store.find(m.FollowUp, "item_id = ?", [item_id], order_by="id")
