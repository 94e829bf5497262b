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
                f"{body} godkjenner referatet fra {body} {long_date(previous_meeting)}.",
            )
        )
    return drafts


def closing_items(body: str) -> list[ItemDraft]:
    """ "Eventuelt" ends every agenda; it has no proposal to decide on."""
    return [ItemDraft("Eventuelt", None, 5)]


def standard_items(body: str, previous_meeting: dt.date | None) -> list[ItemDraft]:
    return [*opening_items(body, previous_meeting), *closing_items(body)]
