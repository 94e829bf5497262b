"""Two windows on one archive: noticing the other's changes, and conflicting edits.

A screen keeps the record it showed (its base) and saves only the fields the
user changed. When the row's version moved on meanwhile, the other writer's
row is read: fields only one side changed are merged, and a field both changed
differently is an EditConflict, which the screen puts to the user (keep mine
or take theirs). Nothing is overwritten silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..domain import models as m
from ..store import errors

R = TypeVar("R", bound=m.Versioned)

ATTEMPTS = 3


def data_version(archive) -> int:
    """Changes when another program commits (not this one's writes): a cheap poll."""
    return archive.store.data_version()


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any
    mine: Any
    theirs: Any


class EditConflict(errors.StaleWrite):
    """Someone else changed a field the user changed too; nothing was written."""

    def __init__(self, theirs: m.Versioned, conflicts: list[FieldConflict]):
        self.theirs = theirs
        self.conflicts = conflicts
        names = ", ".join(c.field for c in conflicts)
        super().__init__(f"Endret et annet sted mens du skrev ({names}); velg hvilken versjon som skal gjelde")


def changes_from(base: m.Record, values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if getattr(base, name) != value}


def conflicts_between(base: R, theirs: R, changes: dict[str, Any]) -> list[FieldConflict]:
    return [
        FieldConflict(name, getattr(base, name), mine, getattr(theirs, name))
        for name, mine in changes.items()
        if getattr(theirs, name) != getattr(base, name) and getattr(theirs, name) != mine
    ]


def save_merged(base: R, changes: dict[str, Any], *, load: Callable[[], R], save: Callable[[R], R]) -> R:
    """Save `changes` made on top of `base`, merging with anyone else's changes to other fields."""
    record = base.model_copy(update=changes)
    for _ in range(ATTEMPTS):
        try:
            return save(record)
        except EditConflict:
            raise
        except errors.StaleWrite:
            theirs = load()
            found = conflicts_between(base, theirs, changes)
            if found:
                raise EditConflict(theirs, found) from None
            record = theirs.model_copy(update=changes)
    raise errors.DatabaseBusy("Raden endres hele tiden et annet sted; prøv igjen")


def overwrite(changes: dict[str, Any], *, load: Callable[[], R], save: Callable[[R], R]) -> R:
    """«Behold min»: read the row afresh and write the user's fields over it, deliberately."""
    for _ in range(ATTEMPTS):
        try:
            return save(load().model_copy(update=changes))
        except EditConflict:
            raise
        except errors.StaleWrite:
            continue
    raise errors.DatabaseBusy("Raden endres hele tiden et annet sted; prøv igjen")


def save_item_text(archive, item: m.AgendaItem) -> m.AgendaItem:
    """Meeting mode's narrative and decision, written only over the version the user saw.

    The decision goes through set_decision (its rules: the item becomes handled,
    approving minutes locks them); the narrative through update_item.
    """
    with archive.store.write():
        stored = archive.agenda.item(item.id)
        if stored.row_version != item.row_version:
            raise errors.StaleWrite("Saken er endret et annet sted")
        result = stored
        if item.decision != stored.decision:
            result = archive.minutes.set_decision(item.id, item.decision)
        if item.narrative != result.narrative:
            result = archive.agenda.update_item(result.model_copy(update={"narrative": item.narrative}))
        return result


def remark_of(archive, remark_id: int) -> m.Remark:
    return archive.store.get(m.Remark, remark_id)
