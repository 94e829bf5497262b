"""A follow-up in approved minutes: the minutes' words, and the tracking that goes on after.

The minutes list each item's follow-ups as «what (ansvarlig: who, frist when)»
(`documents/minutes.py`, `follow_up_text`). Once the minutes are approved those words are
the minutes': a follow-up is added, deleted or has them changed only while the minutes are
unlocked (with a recorded reason), as every other part of them. Closing a follow-up, and
reopening it, is the secretariat's tracking, often a year after the approval: it is no
change of the minutes, which never show it, and their lock never stops it.
"""

from __future__ import annotations

from collections.abc import Iterable

# What approved minutes say of a follow-up: which item, what, who (typed, or the person or
# organisation named) and by when. A new or deleted follow-up changes all of them.
MINUTES_WORDS = frozenset(
    {"item_id", "description", "responsible", "responsible_organization_id", "responsible_person_id", "due_date"}
)
# Tracking it until it is done: never locked.
TRACKING = frozenset({"status", "closed_on", "closing_note"})


def locked_minutes_refusal(meeting_ref: str, changed: Iterable[str] = MINUTES_WORDS) -> str | None:
    """Why the `changed` fields of a follow-up from meeting `meeting_ref`, whose minutes are
    approved and locked, may not change; None when they may (its tracking only)."""
    if MINUTES_WORDS.isdisjoint(changed):
        return None
    return (
        f"Referatet fra møte {meeting_ref} er godkjent og låst, med oppfølgingene slik de står i det;"
        " lås det opp først (med begrunnelse). Lukke og gjenåpne går likevel"
    )
