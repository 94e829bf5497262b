"""Attendance at one meeting: the body's members with single keys (present,
absent with or without notice, video, arrived and left at, substitute), and
the secretariat and guests below. Every key is written at once; there is no
save step. What is written here is what the minutes say and what decides who
was present at each item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header

from ...domain import labels
from ...domain import models as m
from ...domain.attendance import VOTING_ROLES, count_attendance, present_with_substitute, present_with_substitute_text
from ...domain.norwegian import long_date
from ...errors import StoreError
from ..base import nuit_app
from ..text import Static
from ..widgets.confirm import ConfirmScreen
from ..widgets.footer import Footer
from ..widgets.form import OnWriter
from .attendance_forms import PersonNameForm, PresenceByItemScreen, TimeForm
from .attendance_tables import AttendanceTable, GuestsTable, MembersGrid, SecretariatTable, person_key, status_cell
from .base import ArchiveScreen

Status = m.AttendanceStatus
T = TypeVar("T")


def _now() -> dt.time:
    now = dt.datetime.now()
    return dt.time(now.hour, now.minute)



class AttendanceScreen(ArchiveScreen):
    """Who attends meeting `meeting_id`, and when."""

    CSS_PATH = "attendance.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tilbake"),
        Binding("g", "add_presenters", "Sakenes presentatører inn som gjester", show=False),
        Binding("p", "by_item", "Til stede per sak", show=False),
    ]

    def __init__(self, meeting_id: int, item_id: int | None = None):
        super().__init__()
        self.meeting_id = meeting_id
        self.item_id = item_id  # the item meeting mode is at, if opened from there
        self._warned: set[tuple[int, int]] | None = None  # (member, substitute) both present, as last drawn

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="attendance-heading", classes="screen-title")
        yield Static(id="attendance-summary")
        yield Static(id="attendance-warnings")
        yield MembersGrid(id="members")
        with Horizontal(id="others"):
            with Vertical():
                yield Static("Sekretariatet  (n legg til · Delete fjern)", classes="table-title")
                yield SecretariatTable(id="secretariat")
            with Vertical():
                yield Static("Gjester  (g sakenes presentatører · n ny · Delete fjern)", classes="table-title")
                yield GuestsTable(id="guests")
        yield Footer()

    def on_mount(self) -> None:
        # Drawn at once from what is stored; the rows `ensure` makes are shown when it is in.
        meeting_id = self.meeting_id
        self.write(lambda: self.archive.attendance.ensure(meeting_id), lambda _: self.reload())
        self.reload()
        self.grid.focus()

    def on_resize(self) -> None:
        # Narrower or wider: the name and organisation columns give way to the status, or take room back.
        if self.grid.needs_fit(self.app.size.width):
            self.reload()

    @property
    def grid(self) -> MembersGrid:
        return self.query_one(MembersGrid)

    # --- drawing ---------------------------------------------------------------------

    def reload(self) -> None:
        """Redraw all three lists; a meeting has a few dozen attendees, so all of them."""
        archive = self.archive
        meeting = archive.meetings.get(self.meeting_id)
        body = archive.members.body_by_id(meeting.body_id)
        members = archive.attendance.meeting_members(self.meeting_id)
        rows = archive.attendance.rows(self.meeting_id)
        people = archive.members.people_by_ids(
            [ms.person_id for ms in members] + [a.person_id for a in rows] + [a.substitute_for_person_id for a in rows]
        )
        orgs = archive.members.organizations_by_ids(
            [ms.organization_id for ms in members] + [a.organization_id for a in rows]
            + [p.organization_id for p in people.values()]
        )
        self.people, self.rows_by_person = people, {a.person_id: a for a in rows}

        def org_name(organization_id: int | None, person_id: int) -> str:
            organization_id = organization_id or people[person_id].organization_id
            return orgs[organization_id].name if organization_id in orgs else ""

        # The service's rule, not the status: approved minutes with an open unlock may change.
        locked = " · referatet er godkjent og låst" if archive.lock.is_locked(self.meeting_id) else ""
        self.query_one("#attendance-heading", Static).update(
            f"Oppmøte · {body.short_name} møte {meeting.ref} · {long_date(meeting.date)}{locked}"
        )
        self._fill_members(members, rows, people, org_name)
        self._fill_others(rows, people, org_name)
        self._summarize(members, rows)
        self._warn(rows, lambda a: f"{people[a.person_id].name} ({org})" if (org := org_name(a.organization_id, a.person_id)) else people[a.person_id].name)

    def _fill_members(self, members, rows, people, org_name) -> None:
        grid = self.grid
        keep, at = grid.selected_person_id, grid.cursor_row
        grid.fit(self.app.size.width)
        grid.clear()
        substitutes = {a.substitute_for_person_id: a for a in rows if a.role is m.AttendanceRole.SUBSTITUTE}
        shown: set[int] = set()

        def add(person_id: int, name: str, row: m.Attendance | None, organization_id: int | None, substitute: str) -> None:
            grid.add_row(
                name,
                org_name(organization_id, person_id),
                status_cell(row),
                substitute,
                key=person_key(person_id),
            )
            shown.add(person_id)

        for ms in members:
            row = self.rows_by_person.get(ms.person_id)
            sub = substitutes.get(ms.person_id)
            sub_name = people[sub.person_id].name if sub else ""
            add(ms.person_id, people[ms.person_id].name, row, row.organization_id if row else ms.organization_id, sub_name)
            if sub is not None:
                # The substitute sits under the member: their own time and video are keyed there.
                add(sub.person_id, f"  ↳ {people[sub.person_id].name}", sub, sub.organization_id,
                    f"for {people[ms.person_id].name}")
        # Members or substitutes no longer on the body's list that day still attended: show them.
        for a in rows:
            if a.role in VOTING_ROLES and a.person_id not in shown:
                note = f"for {people[a.substitute_for_person_id].name}" if a.substitute_for_person_id in people else ""
                add(a.person_id, people[a.person_id].name, a, a.organization_id, note)
        grid.keep_cursor(keep, at)

    def _fill_others(self, rows, people, org_name) -> None:
        presenting = self._presenters()
        for table, roles in (
            (self.query_one(SecretariatTable), (m.AttendanceRole.SECRETARIAT,)),
            (self.query_one(GuestsTable), (m.AttendanceRole.GUEST, m.AttendanceRole.OBSERVER)),
        ):
            keep, at = table.selected_person_id, table.cursor_row
            table.clear()
            for a in rows:
                if a.role not in roles:
                    continue
                name = people[a.person_id].name
                if a.role is m.AttendanceRole.OBSERVER:
                    name += " (observatør)"
                cells = [name, org_name(a.organization_id, a.person_id)]
                if isinstance(table, GuestsTable):
                    cells.append(", ".join(presenting.get(a.person_id, [])))
                table.add_row(*cells, key=person_key(a.person_id))
            table.keep_cursor(keep, at)

    def _summarize(self, members, rows) -> None:
        count = count_attendance([ms.person_id for ms in members], rows)
        parts = [
            f"Til stede {count.present}" + (f" (video {count.remote})" if count.remote else ""),
            f"forfall {count.absent_with_notice}",
            f"ikke til stede {count.absent_without_notice}",
            f"stedfortredere {count.substitutes}",
        ]
        if count.unregistered:
            parts.append(f"ikke registrert {count.unregistered} av {count.members}")
        self.query_one("#attendance-summary", Static).update(" · ".join(parts))

    def _warn(self, rows: list[m.Attendance], labelled: Callable[[m.Attendance], str]) -> None:
        """A member and their substitute both present: a line that stays, and a toast when
        a key (here or in another window) has just made it so. A warning, not a refusal."""
        pairs = present_with_substitute(rows)
        texts = {
            (a.person_id, b.person_id): present_with_substitute_text(labelled(a), self.people[b.person_id].name, a, b)
            for a, b in pairs
        }
        line = self.query_one("#attendance-warnings", Static)
        line.update("\n".join(f"⚠ {t}" for t in texts.values()))
        line.display = bool(texts)
        for key in texts.keys() - (self._warned if self._warned is not None else texts.keys()):
            self.notify(texts[key], severity="warning", timeout=8)
        self._warned = set(texts)

    def _presenters(self) -> dict[int, list[str]]:
        """Case numbers each person presents at this meeting."""
        found: dict[int, list[str]] = {}
        for row in self.archive.agenda.for_meeting(self.meeting_id).rows:
            if row.item.is_break:
                continue
            for person in self.archive.agenda.item_people(row.item.stored_id, m.PersonRole.PRESENTER):
                found.setdefault(person.stored_id, []).append(row.case_number or row.item.title)
        return found

    # --- helpers -----------------------------------------------------------------------

    def _write(self, change: Callable[[], T], then: Callable[[T], object] | None = None) -> None:
        """A change on the writer; a refusal is a toast that stays a little longer."""
        self.write(change, then, failed=lambda exc: self._refused(exc))

    def _refused(self, exc: Exception) -> None:
        with self.guard(timeout=8):
            raise exc

    def _selected_member(self) -> int | None:
        person_id = self.grid.selected_person_id
        if person_id is None:
            self.notify("Ingen medlemmer på møtedagen", severity="warning")
        return person_id

    def _person_name(self, person_id: int) -> str:
        return self.people[person_id].name if person_id in self.people else self.archive.members.person(person_id).name

    # --- member keys ----------------------------------------------------------------------

    def action_status(self, status: str) -> None:
        if (person_id := self._selected_member()) is None:
            return
        meeting_id = self.meeting_id
        self._write(lambda: self.archive.attendance.set_status(meeting_id, person_id, Status(status)), lambda _: self.reload())
        # A roll call goes down the list: the next person is ready for the next key, at
        # once (the row is redrawn when the write is in).
        self.grid.action_cursor_down()

    def action_toggle_video(self) -> None:
        if (person_id := self._selected_member()) is None:
            return
        row = self.rows_by_person.get(person_id)
        remote = not (row is not None and row.remote)
        meeting_id = self.meeting_id
        self._write(lambda: self.archive.attendance.set_remote(meeting_id, person_id, remote), lambda _: self.reload())
        self.grid.action_cursor_down()  # as the footer says: «Video, neste»

    def _ask_time(self, what: str, field: str) -> None:
        if (person_id := self._selected_member()) is None:
            return
        row = self.rows_by_person.get(person_id)
        current = getattr(row, field) if row is not None else None

        meeting_id, attendance = self.meeting_id, self.archive.attendance

        def save(time: dt.time | None) -> m.Attendance:
            set_time = attendance.set_arrived if field == "arrived_at" else attendance.set_left
            return set_time(meeting_id, person_id, time)

        def saved(result: object) -> None:
            if result is not None:
                self.reload()

        title = f"{self._person_name(person_id)} {what}"
        self.app.push_screen(TimeForm(title, current or self._default_time(), lambda time: OnWriter(lambda: save(time))), saved)

    def _default_time(self) -> dt.time:
        """Now while the meeting runs; otherwise (minutes typed up afterwards) the start of
        the item at hand, or of the meeting: the clock now says nothing about then."""
        meeting = self.archive.meetings.get(self.meeting_id)
        now = _now()
        if meeting.date == dt.date.today() and meeting.start_time <= now <= meeting.end_time:
            return now
        if self.item_id is not None:
            try:
                return self.archive.agenda.item_span(self.item_id)[0]
            except StoreError:  # the item is gone
                pass
        return meeting.start_time

    def action_arrived(self) -> None:
        self._ask_time("kom kl.", "arrived_at")

    def action_left(self) -> None:
        self._ask_time("gikk kl.", "left_at")

    def action_substitute(self) -> None:
        if (person_id := self._selected_member()) is None:
            return
        row = self.rows_by_person.get(person_id)
        if row is not None and row.role is m.AttendanceRole.SUBSTITUTE:
            self.notify("Velg medlemmet som stedfortrederen skal møte for", severity="warning")
            return
        member_name = self._person_name(person_id)
        membership = next((ms for ms in self.archive.attendance.meeting_members(self.meeting_id) if ms.person_id == person_id), None)
        organization_id = membership.organization_id if membership else None
        suggested = self.archive.attendance.suggested_substitute(self.meeting_id, person_id)
        proposed = self._person_name(suggested) if suggested is not None else ""

        meeting_id, attendance = self.meeting_id, self.archive.attendance

        def save(text: str) -> tuple[m.Person, bool]:
            substitute, created = attendance.attendee_for_name(text, organization_id=organization_id)
            attendance.add_substitute(meeting_id, person_id, substitute.stored_id)
            return substitute, created

        def saved(result: tuple[m.Person, bool] | None) -> None:
            if result is None:
                return
            substitute, created = result
            self.reload()
            status = labels.ATTENDANCE_STATUS[self.rows_by_person[person_id].status].lower()
            self.notify(f"{substitute.name} møter som stedfortreder for {member_name} ({status})")
            if created:
                self.notify(f"Ny person registrert: {substitute.name}")

        self.app.push_screen(
            PersonNameForm(
                f"Stedfortreder for {member_name}", "Stedfortreder (navn)", lambda text: OnWriter(lambda: save(text)), initial=proposed
            ),
            saved,
        )

    # --- secretariat and guests -----------------------------------------------------------

    def action_add_person(self, role: str) -> None:
        role = m.AttendanceRole(role)
        title = "Legg til i sekretariatet" if role is m.AttendanceRole.SECRETARIAT else "Ny gjest"

        meeting_id, attendance = self.meeting_id, self.archive.attendance

        def save(text: str) -> tuple[m.Person, bool]:
            person, created = attendance.attendee_for_name(text)
            attendance.add_attendee(meeting_id, person.stored_id, role)
            return person, created

        def saved(result: tuple[m.Person, bool] | None) -> None:
            if result is None:
                return
            person, created = result
            self.reload()
            table = self.query_one(SecretariatTable if role is m.AttendanceRole.SECRETARIAT else GuestsTable)
            table.keep_cursor(person.id, 0)
            self.notify(f"{person.name} er lagt til" + (" (ny person)" if created else ""))

        self.app.push_screen(PersonNameForm(title, "Navn", lambda text: OnWriter(lambda: save(text))), saved)

    def action_add_presenters(self) -> None:
        """The meeting's presenters as guests, except those already listed or members."""
        meeting = self.archive.meetings.get(self.meeting_id)
        members = {ms.person_id for ms in self.archive.members.members_on(meeting.body_id, meeting.date) if ms.role is m.MembershipRole.MEMBER}
        new = [p for p in self._presenters() if p not in self.rows_by_person and p not in members]
        if not new:
            self.notify("Alle som presenterer saker står allerede på listen")
            return
        meeting_id, attendance = self.meeting_id, self.archive.attendance

        def add() -> None:
            for person_id in new:
                attendance.add_attendee(meeting_id, person_id, m.AttendanceRole.GUEST)

        def added(_) -> None:
            self.reload()
            self.notify(f"Gjester lagt til: {', '.join(self._person_name(p) for p in new)}")

        self._write(add, added)

    def action_remove(self) -> None:
        table = self.focused if isinstance(self.focused, AttendanceTable) else self.grid
        person_id = table.selected_person_id
        if person_id is None:
            return
        row = self.rows_by_person.get(person_id)
        if row is None:
            self.notify("Ikke registrert; ingenting å fjerne", severity="warning")
            return
        name = self._person_name(person_id)
        if row.role is m.AttendanceRole.MEMBER:
            question, done = f"Fjerne registreringen av {name}? Medlemmet står da som ikke registrert.", f"{name}: ikke registrert"
        elif row.role is m.AttendanceRole.SUBSTITUTE:
            member = self._person_name(row.substitute_for_person_id) if row.substitute_for_person_id else ""
            question = f"Fjerne {name} som stedfortreder" + (f" for {member}?" if member else "?")
            done = f"{name} er fjernet som stedfortreder"
        else:
            question, done = f"Fjerne {name} fra deltakerlisten?", f"{name} er fjernet fra deltakerlisten"

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            remember, undo = nuit_app(self).remember_deletion, self.archive.undo

            def removed(_) -> None:
                self.reload()
                self.notify(done)

            self._write(lambda: remember(undo.remove_attendance(row.stored_id, f"registreringen av {name}")), removed)

        self.app.push_screen(ConfirmScreen(question, yes="Fjern", no="Avbryt"), answered)

    def action_by_item(self) -> None:
        self.app.push_screen(PresenceByItemScreen(self.meeting_id))
