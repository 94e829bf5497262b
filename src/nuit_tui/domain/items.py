"""An agenda item's course in the minutes: what closes it."""

from __future__ import annotations

from .enums import ItemState, ItemType

# Items whose decision F3 cannot do without: with no proposal to adopt, it is refused
# (the secretary writes the decision), not taken as «handled».
DECISION_TYPES: frozenset[ItemType] = frozenset({ItemType.BESLUTNING, ItemType.GODKJENNING})


def orientation_decision(body_short_name: str) -> str:
    """What the minutes check suggests for an orientation's missing decision (the seed's wording)."""
    return f"{body_short_name} tar saken til orientering"


def decision_missing(item_type: ItemType | None, state: ItemState, decision: str) -> bool:
    """Whether the minutes lack an item's «Vedtak:». A decision type lacks it while still
    planned too (F3 cannot handle it without one). An orientation handled lacks it as
    well: the directorate's minutes give one its line («NUIT tar sakene til orientering»),
    as its notices give it a proposal (notice_check); without, it printed a bare heading.
    So does a discussion or a recommendation handled: every item of the seed's minutes but
    Eventuelt has its «Vedtak:» («NUIT drøftet … og ba …», DOMAIN.md), as every item of its
    notices but Eventuelt has a proposal. Eventuelt (no type) needs none."""
    if decision.strip() or state in CLOSED_WITHOUT_DECISION:
        return False
    return item_type in DECISION_TYPES or (item_type is not None and state is ItemState.HANDLED)


def needs_decision(item_type: ItemType | None) -> bool:
    """Whether an item of this type is never handled without a written decision (F3)."""
    return item_type in DECISION_TYPES


def adopted_without_proposal(item_type: ItemType | None, body_short_name: str) -> str | None:
    """What «vedta forslaget» (F3) makes the decision of an item with no proposal: «""»
    (Eventuelt, an item without a type: marked handled, no decision needed), an
    orientation's formula («NUIT tar saken til orientering.», the seed's minutes, to be
    amended as said), or None: refused, the secretary writes it. A discussion's or a
    recommendation's decision says what was discussed («NUIT drøftet … og ba …»), which
    no formula knows; marked handled without one, the minutes check asked for it later."""
    if item_type is None:
        return ""
    if item_type is ItemType.ORIENTERING:
        return orientation_decision(body_short_name) + "."
    return None


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
