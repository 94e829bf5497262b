"""Case numbers applied to the store: the domain's numbering rule over a body's year."""

from __future__ import annotations

from collections.abc import Hashable

from ..domain import models as m
from ..domain.case_numbers import CaseSlot, MeetingNumbering, renumber_year
from ..store import ArchiveStore


def renumber(store: ArchiveStore, body_id: int, year: int) -> None:
    """Apply the numbering rule to the body's year (inside the caller's transaction).

    Items of a meeting whose notice is out are locked to their numbers; the
    provisional numbers of a cancelled meeting are given up.
    """
    numbering = []
    items_by_id: dict[Hashable, m.AgendaItem] = {}
    frozen_ids: set[Hashable] = set()
    for meeting in store.meetings_of_year(body_id, year):
        cancelled = meeting.status is m.MeetingStatus.CANCELLED
        entry = MeetingNumbering(frozen=meeting.status.numbers_frozen and not cancelled, cancelled=cancelled)
        for item in store.agenda(meeting.stored_id):
            if item.kind is not m.EntryKind.ITEM:
                continue
            if item.number_locked and item.case_year != year:
                continue  # deferred from last year: its number is last year's
            items_by_id[item.stored_id] = item
            if entry.frozen:
                frozen_ids.add(item.stored_id)
            entry.items.append(CaseSlot(item.id, item.case_seq, item.number_locked))
        numbering.append(entry)
    numbers = renumber_year(numbering)
    for item_id, item in items_by_id.items():
        if item_id not in numbers and item.case_seq is not None:
            store.update(item.model_copy(update={"case_seq": None, "case_year": None}))
    for item_id, seq in numbers.items():
        item = items_by_id[item_id]
        locked = item.number_locked or item_id in frozen_ids
        if (item.case_seq, item.case_year, item.number_locked) != (seq, year, locked):
            store.update(item.model_copy(update={"case_seq": seq, "case_year": year, "number_locked": locked}))
