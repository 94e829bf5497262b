"""The follow-up register: what decisions handed out, tracked until done across
meetings and bodies, and carried to the body's next meeting.

"Today" is always a parameter (the clock's date when not given), so that what
is overdue can be checked on any day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..domain import models as m
from ..domain.case_numbers import CaseNumber
from ..domain.follow_ups import MINUTES_WORDS, locked_minutes_refusal
from ..domain.meetings import is_preparing
from ..domain.norwegian import citation_date, numeric_date
from ..store import ArchiveStore, errors, registry
from ..store import follow_ups as register_sql
from .agenda import AgendaService
from .concurrency import overwrite, save_merged
from .meetings import Meetings
from .members import Members
from .minutes_lock import MinutesLock

STATUSES = register_sql.STATUSES  # open, overdue, done
STATUS_LABELS = {"open": "Åpen", "overdue": "Forfalt", "done": "Utført"}
CARRY_PREFIX = "Oppfølging: "
CARRY_MINUTES = 10
_FOLLOW_UP_FIELDS = set(m.FollowUp.model_fields)
EDITABLE = ("description", "responsible", "due_date")  # what «Endre» corrects
# A closing kept when the follow-up was reopened: «Lukket 03.12.2026: Møte holdt (gjenåpnet)».
_EARLIER_CLOSING = re.compile(r"Lukket( \d{2}\.\d{2}\.\d{4})?(: .*)? \(gjenåpnet\)")


def is_overdue(follow_up: m.FollowUp, today: dt.date) -> bool:
    """Open with a deadline that has passed: due yesterday is overdue, due today is not."""
    return follow_up.status is m.FollowUpStatus.OPEN and follow_up.due_date is not None and follow_up.due_date < today


def carry_title(follow_up: m.FollowUp) -> str:
    """"Oppfølging: <what>", the agenda title of a follow-up reported to a meeting."""
    what = (follow_up.description.strip().splitlines() or [""])[0].strip().rstrip(".")
    return f"{CARRY_PREFIX}{what}"


def closing_history(closing_note: str) -> tuple[str, list[str]]:
    """The note of the latest closing, and the earlier closings kept below it when the
    follow-up was reopened («Lukket 03.12.2026: Møte holdt (gjenåpnet)»), newest first.
    They share the `closing_note` column: reopening loses nothing, and no column is added."""
    lines = closing_note.strip().splitlines()
    cut = len(lines)
    while cut and _EARLIER_CLOSING.fullmatch(lines[cut - 1].strip()):
        cut -= 1
    return "\n".join(lines[:cut]).strip(), [line.strip() for line in lines[cut:]]


def closing_line(follow_up: m.FollowUp) -> str:
    """On one line: «05.12.2026: Sendt · Lukket 03.12.2026: Møte holdt (gjenåpnet)» for a
    done follow-up; an open one's earlier closings only ("" when never closed)."""
    current, earlier = closing_history(follow_up.closing_note)
    parts = [" ".join(current.split())] if current else []
    if follow_up.status is m.FollowUpStatus.DONE:
        parts = [numeric_date(follow_up.closed_on) + (f": {parts[0]}" if parts else "")]
    return " · ".join(parts + earlier)


@dataclass(frozen=True)
class FollowUpRow:
    """A follow-up with where it came from, as the register shows it."""

    follow_up: m.FollowUp
    body: str  # "" when its item is gone
    meeting_id: int | None
    meeting_ref: str  # "1/2023"
    meeting_date: dt.date | None
    item_title: str
    case: str  # "NUIT 8/23"
    item_exempt: bool
    overdue: bool
    carried: bool = False  # on the agenda of the meeting it was listed for

    @property
    def id(self) -> int:
        return self.follow_up.stored_id

    @property
    def item_id(self) -> int | None:
        return self.follow_up.item_id

    @property
    def status(self) -> str:
        if self.follow_up.status is m.FollowUpStatus.DONE:
            return "done"
        return "overdue" if self.overdue else "open"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def responsible(self) -> str:
        return self.follow_up.responsible.strip()

    @property
    def citation(self) -> str:
        """"NUIT 8/23 (16.2.23)", as the item is cited."""
        if not self.case:
            return self.body
        return f"{self.case} ({citation_date(self.meeting_date)})" if self.meeting_date else self.case

    def as_json(self) -> dict[str, Any]:
        f = self.follow_up
        note, earlier = closing_history(f.closing_note)
        return {
            "id": f.id,
            "status": self.status,
            "overdue": self.overdue,
            "description": f.description,
            "responsible": f.responsible,
            "due_date": f.due_date.isoformat() if f.due_date else None,
            "closed_on": f.closed_on.isoformat() if f.closed_on else None,
            "closing_note": note,
            "earlier_closings": earlier,  # kept when it was reopened, newest first
            "body": self.body or None,
            "meeting": self.meeting_ref or None,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "case": self.case or None,
            "item_id": f.item_id,
            "item_title": self.item_title or None,
        }


def _row(data: dict[str, Any], today: dt.date) -> FollowUpRow:
    follow_up = m.FollowUp.stored({k: v for k, v in data.items() if k in _FOLLOW_UP_FIELDS})
    case = ""
    if data["case_seq"] is not None and data["case_year"] is not None:
        case = CaseNumber(data["case_year"], data["case_seq"]).cite(data["body"])
    meeting_date = dt.date.fromisoformat(data["meeting_date"]) if data["meeting_date"] else None
    return FollowUpRow(
        follow_up=follow_up,
        body=data["body"] or "",
        meeting_id=data["meeting_id"],
        meeting_ref=f"{data['meeting_number']}/{data['meeting_year']}" if data["meeting_number"] else "",
        meeting_date=meeting_date,
        item_title=data["item_title"] or "",
        case=case,
        item_exempt=bool(data["item_exempt"]),
        overdue=is_overdue(follow_up, today),
    )


class FollowUps:
    """The follow-up register of every body."""

    def __init__(self, store: ArchiveStore, members: Members, meetings: Meetings, agenda: AgendaService, lock: MinutesLock):
        self.store = store
        self.members = members
        self.meetings = meetings
        self.agenda = agenda
        self.lock = lock

    def get(self, follow_up_id: int) -> m.FollowUp:
        return self.store.get(m.FollowUp, follow_up_id)

    def locked_refusal(self, item_id: int | None, changed: Iterable[str] = MINUTES_WORDS) -> str | None:
        """Why the `changed` fields of a follow-up of this item may not change: its minutes
        are approved and locked (`domain/follow_ups.py`); None when they may."""
        if item_id is None:  # its item is gone: no minutes hold it
            return None
        meeting_id = self.agenda.item(item_id).meeting_id
        if not self.lock.is_locked(meeting_id):
            return None
        return locked_minutes_refusal(self.meetings.get(meeting_id).ref, changed)

    def ensure_editable(self, item_id: int | None, changed: Iterable[str] = MINUTES_WORDS) -> None:
        if refusal := self.locked_refusal(item_id, changed):
            raise errors.Conflict(refusal)

    def add(self, follow_up: m.FollowUp) -> m.FollowUp:
        """A new follow-up of an item; not in minutes approved and locked (they list it).
        A responsible typed is tied to the organisation or person it names (`_tied`)."""
        with self.store.write():
            self.ensure_editable(follow_up.item_id)
            return self.store.insert(self._tied(follow_up) if follow_up.responsible.strip() else follow_up)

    def _tied(self, follow_up: m.FollowUp) -> m.FollowUp:
        """The follow-up tied to the organisation whose name or short name its responsible
        is, and to the person of that name, as a remark's speaker is: a name completed in the
        form was stored as text only. A text that names neither ties to none."""
        name = " ".join(follow_up.responsible.split())
        organization = registry.organization_called(self.store, name) if name else None
        person = self.members.person_by_name(name) if name else None
        return follow_up.model_copy(
            update={
                "responsible_organization_id": organization.id if organization else None,
                "responsible_person_id": person.id if person else None,
            }
        )

    def of_item(self, item_id: int) -> list[m.FollowUp]:
        return self.store.find_by(m.FollowUp, item_id=item_id)

    def register(
        self,
        *,
        today: dt.date | None = None,
        body_id: int | None = None,
        responsible: str | None = None,
        status: str | None = None,
        limit: int = 500,
        offset: int = 0,
    ) -> list[FollowUpRow]:
        """Follow-ups of every body (or one), filtered by status and responsible: the
        open ones first, earliest deadline on top, then the done ones, latest first."""
        today = today or dt.date.today()
        if status is not None and status not in STATUSES:
            raise errors.Conflict(f"Ukjent status «{status}»; bruk {', '.join(STATUSES)}")
        rows = register_sql.register(
            self.store, today=today, body_id=body_id, responsible=responsible, status=status, limit=limit, offset=offset
        )
        return [_row(row, today) for row in rows]

    def update(self, base: m.FollowUp, changes: dict[str, Any], *, keep_mine: bool = False) -> m.FollowUp:
        """Correct what, who and by when (open or done: a closing and its note stay); not
        while the minutes it came from are approved and locked (these are their words).

        Only `changes` (fields in EDITABLE, changed against `base`, the version the form
        opened with) are written; another window's changes to other fields are merged, and
        one to a field changed here too is an `EditConflict` (services/concurrency.py).
        `keep_mine` («Behold min») writes them over a fresh read instead."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValueError(f"Kan ikke endre {', '.join(sorted(unknown))} på en oppfølging")
        if "description" in changes and not str(changes["description"]).strip():
            raise errors.Conflict("Skriv hva som skal følges opp")
        follow_up_id = base.stored_id

        def load() -> m.FollowUp:
            return self.get(follow_up_id)

        def save(follow_up: m.FollowUp) -> m.FollowUp:
            # A responsible corrected moves the ties with it; else they stay as they are.
            return self.store.update(self._tied(follow_up) if "responsible" in changes else follow_up)

        with self.store.write():
            self.ensure_editable(load().item_id, changes)
            if keep_mine:
                return overwrite(changes, load=load, save=save)
            return save_merged(base, changes, load=load, save=save)

    def close(self, follow_up_id: int, *, on: dt.date, note: str = "") -> m.FollowUp:
        """Mark as done on a date, with a note on how (both kept when the minutes are locked:
        tracking a follow-up is not a change of the minutes it came from)."""
        with self.store.write():
            follow_up = self.get(follow_up_id)
            if follow_up.status is m.FollowUpStatus.DONE:
                raise errors.Conflict(f"Oppfølgingen er allerede utført ({follow_up.closed_on:%d.%m.%Y})")
            # The earlier closings (kept when it was reopened) stay below the new note.
            kept = "\n".join(part for part in (note.strip(), follow_up.closing_note.strip()) if part)
            return self.store.update(
                follow_up.model_copy(update={"status": m.FollowUpStatus.DONE, "closed_on": on, "closing_note": kept})
            )

    def reopen(self, follow_up_id: int) -> m.FollowUp:
        """Back to open (it was not done after all). The closing is kept as history, newest
        first: «Lukket 03.12.2026: Møte holdt (gjenåpnet)» above the earlier ones."""
        with self.store.write():
            follow_up = self.get(follow_up_id)
            if follow_up.status is m.FollowUpStatus.OPEN:
                raise errors.Conflict("Oppfølgingen er allerede åpen")
            note, earlier = closing_history(follow_up.closing_note)
            when = f" {numeric_date(follow_up.closed_on)}" if follow_up.closed_on else ""
            closing = f"Lukket{when}" + (f": {' '.join(note.split())}" if note else "") + " (gjenåpnet)"
            return self.store.update(
                follow_up.model_copy(
                    update={"status": m.FollowUpStatus.OPEN, "closed_on": None, "closing_note": "\n".join([closing, *earlier])}
                )
            )

    def for_meeting(self, meeting_id: int) -> list[FollowUpRow]:
        """Follow-ups from the body's earlier meetings (by date, then number: the morning
        meeting's are the afternoon's) that were still open on this meeting's date;
        `carried` tells those already on its agenda."""
        meeting = self.meetings.get(meeting_id)
        titles = {item.title for item in self.store.agenda(meeting_id)}
        rows = []
        for data in register_sql.pending_for_meeting(self.store, meeting.body_id, meeting.date, meeting.number):
            row = _row(data, meeting.date)
            rows.append(dataclasses.replace(row, carried=carry_title(row.follow_up) in titles))
        return rows

    def open_count(self, meeting_id: int) -> int:
        meeting = self.meetings.get(meeting_id)
        return register_sql.count_open_for_meeting(self.store, meeting.body_id, meeting.date, meeting.number)

    def carry(self, meeting_id: int, follow_up_id: int) -> m.AgendaItem:
        """Put a follow-up on the meeting's agenda as an Orientering item, citing the
        decision it came from as an earlier handling."""
        with self.store.write():
            meeting = self.meetings.get(meeting_id)
            if not is_preparing(meeting.status):
                raise errors.Conflict(f"Møte {meeting.ref} er ikke under forberedelse; saker legges til kommende møter")
            row = next((r for r in self.for_meeting(meeting_id) if r.id == follow_up_id), None)
            if row is None:
                raise errors.Conflict("Oppfølgingen hører ikke til et tidligere møte i dette utvalget, eller er utført")
            if row.carried:
                raise errors.Conflict(f"«{carry_title(row.follow_up)}» står allerede på sakslisten")
            body = self.members.body_by_id(meeting.body_id)
            follow_up = row.follow_up
            lines = [f"Oppfølging av {row.citation}: {follow_up.description.strip()}"]
            if follow_up.responsible.strip():
                lines.append(f"Ansvarlig: {follow_up.responsible.strip()}")
            if follow_up.due_date:
                lines.append(f"Frist: {follow_up.due_date.day}.{follow_up.due_date.month}.{follow_up.due_date.year}")
            if follow_up.item_id is None:  # its item is gone: the same refusal as a lookup of a missing row
                raise errors.NotFound("Finnes ikke (agenda_items None)")
            source = self.agenda.item(follow_up.item_id)
            item = self.agenda.add_item(
                meeting_id,
                m.AgendaItem(
                    meeting_id=meeting_id,
                    title=carry_title(follow_up),
                    item_type=m.ItemType.ORIENTERING,
                    duration_minutes=CARRY_MINUTES,
                    description="\n".join(lines),
                    proposed_decision=f"{body.short_name} tar orienteringen til etterretning.",
                    # An exempt source stays exempt where it is reported, title too:
                    # the title is the follow-up's own words.
                    exempt=source.exempt,
                    exempt_basis=source.exempt_basis,
                    title_exempt=source.exempt,
                ),
            )
            self.agenda.link_earlier(item.stored_id, source.stored_id)
        return self.agenda.item(item.stored_id)
