"""An agenda item's course in the minutes: what closes it."""

from __future__ import annotations

from .enums import ItemState, ItemType

# Items the minutes must record a decision for (a «vedtak»), not just handle.
DECISION_TYPES: frozenset[ItemType] = frozenset({ItemType.BESLUTNING, ItemType.GODKJENNING})


def needs_decision(item_type: ItemType | None) -> bool:
    """Whether the minutes need a written decision for an item of this type."""
    return item_type in DECISION_TYPES


def handled_without_decision(item_type: ItemType | None, proposed_decision: str) -> bool:
    """Whether «vedta forslaget» (F3) on an item simply marks it handled: it has no
    proposal to adopt (Eventuelt, an Orientering) and its type needs no decision."""
    return not proposed_decision.strip() and not needs_decision(item_type)


# Items no longer on this meeting's table: deferred to a later one, or withdrawn.
CLOSED_WITHOUT_DECISION: frozenset[ItemState] = frozenset({ItemState.DEFERRED, ItemState.WITHDRAWN})


def may_adopt_proposal(state: ItemState) -> bool:
    """Whether «vedta forslaget» (F3) may adopt an item's proposal: not once the item is
    deferred or withdrawn (its minutes then say so; an adopted proposal would read as
    decided). A decision the secretary writes herself stays hers to write."""
    return state not in CLOSED_WITHOUT_DECISION


# The title `n` in the agenda gives a new item until the secretary types one.
NEW_ITEM_TITLE = "Ny sak"


def is_blank_new_item(title: str, *texts: str) -> bool:
    """Whether a new item is still as `n` made it: no title of its own and no text.
    Left like that (Escape), it is discarded rather than taking a case number."""
    return title.strip() in ("", NEW_ITEM_TITLE) and not any(t.strip() for t in texts)
