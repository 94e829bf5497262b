"""Taking a meeting out to a laptop, the mark that says so, and the conflicts a
checkin left to choose between.

The checkout is made here (a verified copy of the whole archive, which keeps its
own base from then on: store/checkout_log.py); the checkin runs in its own process through apsw
(nuit_tui.checkin_worker, store/checkin.py) and is started by the CLI.
"""

from __future__ import annotations

import datetime as dt
import getpass
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import labels
from ..domain.norwegian import count, kl, long_date
from ..store import ArchiveStore
from ..store import checkouts as q
from ..store.copies import remove_with_sidecars, verified_copy
from ..store.errors import Conflict
from ..store.row_names import capitalized
from .meetings import Meetings

# What a field is called on screen (domain/labels.py), and the checkin's own kinds of conflict.
FIELD_LABELS = {
    **labels.FIELD_LABELS,
    q.DELETED_ON_SHARED: "Slettet i arkivet, endret på bærbar",
    q.DELETED_ON_LAPTOP: "Slettet på bærbar, endret i arkivet",
    q.REFUSED: "Kan ikke tas inn i arkivet",
}


@dataclass(frozen=True)
class CheckoutMark:
    token: str
    taken_by: str
    host: str
    taken_at: str
    file: str

    @property
    def banner(self) -> str:
        """«Møtet er tatt ut til … av … kl. …»."""
        where = f"{self.host} ({Path(self.file).name})" if self.host else Path(self.file).name
        return (
            f"Møtet er tatt ut til {where} av {self.taken_by} {taken_when(self.taken_at)}."
            " Endringer her flettes inn når det sjekkes inn."
        )


def taken_when(taken_at: str) -> str:
    """«kl. 02.17 4. desember 2026» in this machine's time: the stamp keeps the offset of the
    machine that took the meeting out, which may be another's, or UTC."""
    when = dt.datetime.fromisoformat(taken_at).astimezone()
    return f"{kl(when.time())} {long_date(when.date())}"


@dataclass(frozen=True)
class PendingConflict:
    id: int
    table: str
    row_id: int
    field: str
    base: Any
    shared: Any
    laptop: Any
    name: str = ""  # the row as a message names it: «sak 22/23», «innspill fra KS i sak 22/23»

    @property
    def what(self) -> str:
        """«Sak 22/23» where the question starts with it."""
        return capitalized(self.name)

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)


@dataclass(frozen=True)
class CheckedOut:
    meeting: str
    copy: Path
    taken_by: str
    taken_at: str
    already_out: tuple[str, ...] = ()  # copies of the meeting taken out before and not yet checked in

    @property
    def when(self) -> str:
        """«kl. 02.17 4. desember 2026», as the agenda's banner says it."""
        return taken_when(self.taken_at)


class Checkouts:
    def __init__(self, store: ArchiveStore, meetings: Meetings):
        self.store = store
        self.meetings = meetings

    def check_out(self, body: str, meeting_ref: str, out: Path) -> CheckedOut:
        """Record on this archive that the meeting is out, and write the laptop's copy
        (the whole archive, verified) with the base image inside it."""
        if q.copy_of(self.store) is not None:  # its own checkout's triggers are in it: no archive to take from
            raise Conflict("Dette er en uttatt kopi; ta møtet ut fra det felles arkivet (ingenting er tatt ut)")
        meeting = self.meetings.find(body, meeting_ref)
        out = Path(out)
        if out.exists():
            raise Conflict(f"{out} finnes allerede; velg et annet filnavn (ingenting er tatt ut)")
        token = str(uuid.uuid4())
        # Allowed (two laptops may take out one meeting; their changes merge at checkin), but said.
        already = tuple(row["file"] for row in q.open_checkouts(self.store, meeting.stored_id))
        user, host = getpass.getuser(), socket.gethostname()
        taken_at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        # The copy first, the mark on this archive last: a checkout stopped half-way
        # leaves no meeting marked as out with no copy anywhere.
        verified_copy(self.store.conn, out)
        try:
            q.prepare_copy(out, token, meeting.stored_id, taken_at)
            q.record_checkout(self.store, token, meeting.stored_id, user, host, str(out.resolve()), taken_at)
        except BaseException:
            remove_with_sidecars(out)
            raise
        return CheckedOut(f"{body.upper()} {meeting.ref}", out, f"{user}@{host}", taken_at, already)

    def marks(self, meeting_id: int) -> list[CheckoutMark]:
        """Who has this meeting out now (more than one laptop may)."""
        return [CheckoutMark(**row) for row in q.open_checkouts(self.store, meeting_id)]

    def banners(self, meeting_id: int) -> list[str]:
        """The lines a screen shows over this meeting: out on a laptop, or this file
        being the laptop's copy, and conflicts waiting for a choice."""
        lines = [mark.banner for mark in self.marks(meeting_id)]
        if q.copy_of(self.store) == meeting_id:
            lines = ["Dette er en uttatt kopi av møtet. Ta den med tilbake med «nuit-tui checkin»."]
        waiting = len(self.conflicts(meeting_id))
        if waiting:
            lines.append(
                f"{count(waiting, 'konflikt', 'konflikter')} fra innsjekking venter:"
                " trykk k i dagsordenen for å velge felt for felt."
            )
        return lines

    def conflicts(self, meeting_id: int) -> list[PendingConflict]:
        return [
            PendingConflict(
                row["id"], row["table_name"], row["row_id"], row["field"],
                row["base_value"], row["shared_value"], row["laptop_value"], row["what"],
            )
            for row in q.pending_conflicts(self.store, meeting_id)
        ]

    def resolve(self, conflict_id: int, *, keep_laptop: bool) -> None:
        q.resolve_conflict(self.store, conflict_id, "laptop" if keep_laptop else "shared")
