"""The items every agenda opens and closes with, and their formulaic decisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .models import ItemType
from .norwegian import long_date


@dataclass(frozen=True)
class ItemDraft:
    title: str
    item_type: ItemType | None
    duration_minutes: int
    proposed_decision: str = ""
    description: str = ""


# Both "Godkjenning av referat fra …" and the seed's "… av referatet fra …".
MINUTES_APPROVAL_PREFIX = "Godkjenning av referat"


def minutes_approval_title(body: str, previous_meeting: dt.date) -> str:
    return f"Godkjenning av referat fra {body} {long_date(previous_meeting)}"


def minutes_approval_proposal(body: str, previous_meeting: dt.date) -> str:
    return f"{body} godkjenner referatet fra {body} {long_date(previous_meeting)}."


def follow_previous_meeting(
    title: str, proposal: str, body: str, previous_meeting: dt.date | None
) -> tuple[str, str] | None:
    """The standard «Godkjenning av referat fra <body> <date>» item made to name the
    meeting that now comes before (its date moved, a meeting was added or cancelled):
    the new title and proposal, or None when nothing is to change. Only the standard
    wording follows; a title or proposal the secretary wrote is left as it is."""
    lead = f"Godkjenning av referat fra {body} "
    if previous_meeting is None or not title.startswith(lead):
        return None
    new_title = minutes_approval_title(body, previous_meeting)
    if title == new_title:
        return None
    old_proposal = f"{body} godkjenner referatet fra {body} {title.removeprefix(lead)}."
    new_proposal = minutes_approval_proposal(body, previous_meeting) if proposal.strip() in ("", old_proposal) else proposal
    return new_title, new_proposal


def is_opening_title(title: str) -> bool:
    """Whether an item is one of the standard opening items (by its title)."""
    return title.startswith(("Godkjenning av innkalling", MINUTES_APPROVAL_PREFIX))


def opening_items(body: str, previous_meeting: dt.date | None) -> list[ItemDraft]:
    """ "Godkjenning av innkalling og dagsorden" and, when there was a meeting
    before, "Godkjenning av referat fra <body> <its date>"."""
    drafts = [
        ItemDraft(
            "Godkjenning av innkalling og dagsorden",
            ItemType.GODKJENNING,
            5,
            f"{body} godkjenner innkalling og dagsorden.",
        )
    ]
    if previous_meeting is not None:
        drafts.append(
            ItemDraft(
                minutes_approval_title(body, previous_meeting),
                ItemType.GODKJENNING,
                10,
                minutes_approval_proposal(body, previous_meeting),
            )
        )
    return drafts


CLOSING_TITLE = "Eventuelt"


def closing_items(body: str) -> list[ItemDraft]:
    """ "Eventuelt" ends every agenda; it has no proposal to decide on."""
    return [ItemDraft(CLOSING_TITLE, None, 5)]


def is_closing_item(title: str) -> bool:
    """Whether an item is the agenda's «Eventuelt» (no type, no proposal: none is expected)."""
    return title.strip().casefold() == CLOSING_TITLE.casefold()


def standard_items(body: str, previous_meeting: dt.date | None) -> list[ItemDraft]:
    return [*opening_items(body, previous_meeting), *closing_items(body)]
