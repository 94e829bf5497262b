"""A meeting's life: which status may follow which, and what each status allows."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from . import labels
from .enums import MeetingStatus

if TYPE_CHECKING:
    from .models import Meeting

# Which status a meeting may move to from each status.
STATUS_STEPS: dict[MeetingStatus, frozenset[MeetingStatus]] = {
    MeetingStatus.PLANNED: frozenset({MeetingStatus.NOTICE_SENT, MeetingStatus.CANCELLED}),
    MeetingStatus.NOTICE_SENT: frozenset({MeetingStatus.HELD, MeetingStatus.CANCELLED}),
    MeetingStatus.HELD: frozenset({MeetingStatus.MINUTES_APPROVED}),
    MeetingStatus.MINUTES_APPROVED: frozenset(),
    MeetingStatus.CANCELLED: frozenset(),
}

# Still being prepared: items may be added, moved in or deferred to it.
PREPARING: frozenset[MeetingStatus] = frozenset({MeetingStatus.PLANNED, MeetingStatus.NOTICE_SENT})


def can_move(current: MeetingStatus, status: MeetingStatus) -> bool:
    """Whether a meeting with status `current` may be given `status` (staying is allowed)."""
    return status is current or status in STATUS_STEPS[current]


def is_preparing(status: MeetingStatus) -> bool:
    return status in PREPARING


def item_form_note(status: MeetingStatus) -> str:
    """What the item screen says of its meeting's state: the notice has gone out (a changed
    proposal does not reach those who have it), or the meeting is held (its decisions and
    remarks are kept in meeting mode, not on this screen). "" while the agenda is made."""
    if status is MeetingStatus.NOTICE_SENT:
        return "innkallingen er sendt: det som endres her, står ikke i den som er sendt ut"
    if status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED):
        return "møtet er holdt: vedtak og innspill føres i møtemodus (m i sakslisten)"
    return ""


def sent_notice_note(status: MeetingStatus) -> str:
    """Said when an item is taken off an agenda whose notice has gone out (deleted, moved to
    another meeting): the members have it on the agenda they were sent. "" otherwise."""
    if status is MeetingStatus.NOTICE_SENT:
        return "Innkallingen er sendt med saken på sakslisten: gi medlemmene beskjed om endringen."
    return ""


def sent_notice_refusal(meeting: Meeting) -> str:
    """Why the notice of `meeting` is not to be marked as sent (`s`), or "": it is already
    (the question offered it again, saying nothing), or the meeting is past that."""
    if meeting.status is MeetingStatus.NOTICE_SENT:
        return f"Innkallingen til møte {meeting.ref} er allerede merket som sendt"
    if not can_move(meeting.status, MeetingStatus.NOTICE_SENT):
        return f"Møte {meeting.ref} har status «{labels.MEETING_STATUS[meeting.status]}»: innkallingen kan ikke merkes som sendt"
    return ""


def move_refusal(year: int, date: dt.date) -> str | None:
    """Why a meeting of `year` may not be moved to `date`, or None when it may: its number
    and its items' case numbers are numbers within its year."""
    if date.year != year:
        return "Et møte kan ikke flyttes til et annet år; opprett et nytt møte"
    return None


def deletion_refusal(status: MeetingStatus, *, recorded: bool) -> str | None:
    """Why a meeting may not be deleted, or None when it may: only a meeting created by
    mistake, whose notice never went out and where nothing has been recorded
    (attendance, remarks, decisions, follow-ups). Anything else is cancelled instead."""
    if status is not MeetingStatus.PLANNED:
        return "Bare et planlagt møte uten sendt innkalling kan slettes; avlys det i stedet"
    if recorded:
        return "Møtet har registrert oppmøte, innspill, vedtak eller oppfølging; avlys det i stedet"
    return None


def deferred_back_note(cases: list[str]) -> str:
    """What deleting a meeting does to the items deferred to it, said before it is done:
    «Sakene 19/23 og 20/23 er utsatt til dette møtet; de venter igjen på neste møte.»"""
    if not cases:
        return ""
    named = cases[0] if len(cases) == 1 else ", ".join(cases[:-1]) + " og " + cases[-1]
    subject = f"Sak {named} er" if len(cases) == 1 else f"Sakene {named} er"
    return f"{subject} utsatt til dette møtet; {'den' if len(cases) == 1 else 'de'} venter igjen på neste møte."


def comes_after(meeting: Meeting, other: Meeting) -> bool:
    """Whether `meeting` comes after `other` in their body's order: by date, then number
    (a second meeting that day follows the first)."""
    return (meeting.date, meeting.number) > (other.date, other.number)


def meeting_numbers(meetings: list[tuple[int, int, bool]]) -> dict[int, int]:
    """Meeting numbers of a body's year: `meetings` as (key, number, frozen) in date
    order. A frozen meeting (notice out, held, cancelled) keeps its number; the others
    are numbered in date order, after the meetings before them, skipping kept numbers."""
    taken = {number for _, number, frozen in meetings if frozen}
    result: dict[int, int] = {}
    counter = 0
    for key, number, frozen in meetings:
        if frozen:
            result[key] = number
            counter = max(counter, number)
            continue
        counter += 1
        while counter in taken:
            counter += 1
        result[key] = counter
    return result

