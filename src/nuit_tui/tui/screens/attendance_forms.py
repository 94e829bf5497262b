"""The attendance screen's forms: a time (arrived, left), a person's name with
suggestions, and who was present at each item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen

from ...domain import models as m
from ...domain.attendance import VOTING_ROLES, present_during
from ...domain.norwegian import clock, parse_time
from ...errors import StoreError
from ..base import nuit_app
from ..text import DataTable, Static, markup
from ..widgets.fields import Input
from ..widgets.form import FormScreen, OnWriter, about, labelled
from ..widgets.people_field import PersonSuggester

Status = m.AttendanceStatus


def time_text(value: dt.time | None) -> str:
    return clock(value) if value else ""


class TimeForm(FormScreen[object]):
    """A time of day, prefilled; empty clears it. Saved on Enter through `save`, which
    gives the write to run (`OnWriter`): a refusal is shown here, with the time as typed."""

    DEFAULT_CSS = "TimeForm > FormBody { width: 60; }"

    def __init__(self, title: str, initial: dt.time | None, save: Callable[[dt.time | None], OnWriter[object]]):
        super().__init__()
        self.form_title = title
        self.initial = initial
        self.write_back = save

    def fields(self) -> ComposeResult:
        yield from labelled("Klokkeslett (TT.MM; tomt felt fjerner tiden)", Input(time_text(self.initial), id="time"))

    def submit(self) -> OnWriter[object]:
        text = self.value("#time")
        with about("#time"):
            time = parse_time(text) if text else None
        return self.write_back(time)


class PersonNameInput(Input):
    """A name with the archive's people as completions: Tab takes the one shown and goes on
    (Enter takes it and saves: PersonNameForm.submit)."""

    BINDINGS = [Binding("tab", "take_shown_and_go", "Fullfør og gå videre", show=False)]

    def action_take_shown_and_go(self) -> None:
        self.take_shown_completion()
        self.screen.focus_next()


class PersonNameForm(FormScreen[object]):
    """A name typed with suggestions from the archive; the line below says whom it
    means, or that a new person will be registered. Saved on Enter through `save`, which
    gives the write to run (`OnWriter`)."""

    def __init__(self, title: str, label: str, save: Callable[[str], OnWriter[object]], *, initial: str = ""):
        super().__init__()
        self.form_title = title
        self.field_label, self.write_back, self.initial = label, save, initial

    def fields(self) -> ComposeResult:
        yield from labelled(self.field_label, PersonNameInput(self.initial, id="name", suggester=PersonSuggester(nuit_app(self).archive)))
        yield Static("", id="name-match", classes="form-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self._describe(self.initial)

    @on(Input.Changed, "#name")
    def _changed(self, event: Input.Changed) -> None:
        self._describe(event.value)

    def _describe(self, text: str) -> None:
        hint = self.query_one("#name-match", Static)
        if not text.strip():
            hint.update("Skriv navnet; Tab/Enter tar forslaget som vises")
            return
        try:
            person = nuit_app(self).archive.members.match_person(text)
        except StoreError as exc:  # not the guard: said in the hint under the field, as typed
            hint.update(str(exc))
            return
        hint.update(f"Finnes: {nuit_app(self).archive.members.person_label(person)}" if person else f"Ny person blir registrert: {' '.join(text.split())}")

    def submit(self) -> OnWriter[object]:
        # The completion shown is what is meant: «Ma» showing «Maren Krogh» registered a
        # new person «Ma» (the hint under the field said so, but read the typed letters).
        self.query_one("#name", PersonNameInput).take_shown_completion()
        return self.write_back(self.value("#name"))


class PresenceByItemScreen(ModalScreen[None]):
    """Who was there for each item: what a questioned decision is checked against."""

    BINDINGS = [Binding("escape,p,q", "dismiss", "Lukk")]
    DEFAULT_CSS = """
    PresenceByItemScreen { align: center middle; }
    PresenceByItemScreen > Vertical { width: 90%; height: 85%; border: round $primary; background: $panel; padding: 0 1; }
    PresenceByItemScreen DataTable { height: 1fr; }
    PresenceByItemScreen .form-hint { color: $text-muted; }
    """

    def __init__(self, meeting_id: int):
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(markup("[b]Til stede per sak[/b]  (Escape lukker)"))
            yield DataTable(id="by-item", cursor_type="row", zebra_stripes=True)
            yield Static(
                "Tid er sakens registrerte start og slutt, ellers planlagt tid. Medlemmer og stedfortredere "
                "telles; den som kom etter start eller gikk før slutt, var ikke til stede for hele saken.",
                classes="form-hint",
            )

    def on_mount(self) -> None:
        archive = nuit_app(self).archive
        table = self.query_one(DataTable)
        table.add_column("Sak", width=6)
        table.add_column("Tittel", width=34)
        table.add_column("Tid", width=11)
        table.add_column("Til stede", width=9)
        table.add_column("Ikke til stede hele saken")
        rows = archive.attendance.rows(self.meeting_id)
        names = archive.members.people_by_ids(a.person_id for a in rows)
        present_at_all = [a for a in rows if a.role in VOTING_ROLES and a.status is Status.PRESENT]
        members = len(archive.attendance.meeting_members(self.meeting_id))
        for row in archive.agenda.for_meeting(self.meeting_id).rows:
            if row.item.is_break:
                continue
            start, end = archive.agenda.item_span(row.item.stored_id)
            there = len(archive.attendance.present_at_item(row.item.stored_id))
            partly = [names[a.person_id].name for a in present_at_all if not present_during(a, start, end)]
            table.add_row(
                row.case_number,
                row.item.title,
                f"{clock(start)}–{clock(end)}",
                f"{there} av {members}",
                ", ".join(partly),
                key=str(row.item.id),
            )
        table.focus()

