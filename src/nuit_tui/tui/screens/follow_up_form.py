"""A follow-up (oppfølging) from an item: what, who is responsible, by when."""

from __future__ import annotations

from textual.app import ComposeResult

from ...domain import models as m
from ...domain.norwegian import ParseError, parse_date
from ..widgets.completion import NameInput
from ..widgets.fields import Input
from ..widgets.form import FormScreen, about, labelled


class FollowUpFormScreen(FormScreen[m.FollowUp | None]):
    TITLE = "Ny oppfølging"

    def __init__(self, item_id: int, responsible_names: list[str], year: int | None = None):
        super().__init__()
        self.year = year  # a deadline typed as "1.9" is in the meeting's year
        self.item_id = item_id
        self.responsible_names = responsible_names

    def fields(self) -> ComposeResult:
        yield from labelled("Hva skal gjøres", Input(id="description"))
        yield from labelled(
            "Ansvarlig (organisasjon eller person)",
            NameInput(self.responsible_names, what="ansvarlig", id="responsible"),
        )
        yield from labelled("Frist (valgfri, f.eks. 1.9.2023)", Input(id="due"))

    def submit(self) -> m.FollowUp:
        description = self.value("#description")
        with about("#description"):
            if not description:
                raise ParseError("Skriv hva som skal følges opp")
        due = self.value("#due")
        with about("#due"):
            due_date = parse_date(due, self.year) if due else None
        return m.FollowUp(item_id=self.item_id, description=description, responsible=self.value("#responsible"), due_date=due_date)
