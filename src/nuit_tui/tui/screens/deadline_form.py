"""A deadline of the year plan, and a rule that derives deadlines from meetings."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Select

from ...domain import models as m
from ...domain.norwegian import ParseError, numeric_date, parse_date
from ...domain.validation import created, updated
from ...domain.year_plan import parse_offset
from ..text import literal_text
from ..widgets.checkbox import Checkbox
from ..widgets.fields import Input
from ..widgets.form import FormScreen, about, labelled


class DeadlineFormScreen(FormScreen[m.Deadline | None]):
    def __init__(self, deadline: m.Deadline | None, *, day: dt.date, body_id: int | None, categories: list[str]):
        super().__init__()
        self.deadline = deadline
        self.day = day
        self.body_id = body_id
        self.categories = categories
        self.form_title = "Endre frist" if deadline else "Ny frist"

    def fields(self) -> ComposeResult:
        d = self.deadline
        yield from labelled("Tittel", Input(d.title if d else "", id="title"))
        yield from labelled("Dato", Input(numeric_date(d.date if d else self.day), id="date"))
        yield from labelled("Beskrivelse", Input(d.description if d else "", id="description"))
        yield from labelled(
            "Kategori (rapportering, budsjett, styringsdialog, møte …)",
            Input(d.category if d else "", id="category", suggester=SuggestFromList(self.categories, case_sensitive=False)),
        )
        yield from labelled("Ansvarlig", Input(d.responsible if d else "", id="responsible"))
        yield from labelled("Påminnelse (dager før, valgfri)", Input(str(d.reminder_days) if d and d.reminder_days is not None else "", id="reminder"))
        yield Checkbox("Unntatt offentlighet", d.exempt if d else False, id="exempt")

    def submit(self) -> m.Deadline:
        title = self.value("#title")
        with about("#title"):
            if not title:
                raise ParseError("Skriv fristens tittel")
        with about("#date"):
            date = parse_date(self.value("#date"), (self.deadline.date if self.deadline else self.day).year)
        reminder = self.value("#reminder")
        with about("#reminder"):
            if reminder and not (reminder.isascii() and reminder.isdigit() and int(reminder) <= 365):
                raise ParseError("Påminnelsen må være et antall dager (0–365)")
        values = {
            "date": date,
            "title": title,
            "description": self.value("#description"),
            "category": self.value("#category").lower(),
            "responsible": self.value("#responsible"),
            "reminder_days": int(reminder) if reminder else None,
            "exempt": self.query_one("#exempt", Checkbox).value,
        }
        if self.deadline is None:
            return created(m.Deadline, body_id=self.body_id, **values)
        return updated(self.deadline, **values)


class RuleFormScreen(FormScreen[m.DeadlineRule | None]):
    """ "Sakspapirer ut 12 dager før hvert NUIT-møte" as a rule whose dates follow the meetings."""

    def __init__(self, rule: m.DeadlineRule | None, *, bodies: list[m.Body], body_id: int | None, categories: list[str]):
        super().__init__()
        self.rule = rule
        self.bodies = bodies
        self.body_id = body_id
        self.categories = categories
        self.form_title = "Endre regel for frister" if rule else "Ny regel: frist i forhold til møter eller frister"

    def fields(self) -> ComposeResult:
        r = self.rule
        offset = ""
        if r is not None:
            offset = f"{abs(r.offset_days)} dager {'før' if r.offset_days < 0 else 'etter'}"
        anchor_options: list[tuple[str | Text, str]] = [(literal_text(f"hvert {b.short_name}-møte"), f"meetings:{b.id}") for b in self.bodies]
        anchor_options.append(("hvert møte i alle utvalg", "meetings:"))
        anchor_options.append(("hver frist med tittel som inneholder …", "deadlines:"))
        anchor_value = f"meetings:{self.body_id}" if self.body_id else "meetings:"
        if r is not None:
            anchor_value = "deadlines:" if r.anchor is m.RuleAnchor.DEADLINES else f"meetings:{r.anchor_body_id or ''}"
        yield from labelled("Tittel", Input(r.title if r else "", id="title"))
        yield from labelled("Når (f.eks. «12 dager før», «to uker i forkant av», «3 dager etter»)", Input(offset, id="offset"))
        yield from labelled("I forhold til", Select(anchor_options, value=anchor_value, allow_blank=False, id="anchor"))
        yield from labelled("Tittelen inneholder (for frister, f.eks. «oppfølgingsmøte»)", Input(r.anchor_text if r else "", id="anchor_text"))
        yield from labelled(
            "Kategori", Input(r.category if r else "", id="category", suggester=SuggestFromList(self.categories, case_sensitive=False))
        )
        yield from labelled("Ansvarlig", Input(r.responsible if r else "", id="responsible"))
        yield Checkbox("Unntatt offentlighet", r.exempt if r else False, id="exempt")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def submit(self) -> m.DeadlineRule:
        title = self.value("#title")
        with about("#title"):
            if not title:
                raise ParseError("Skriv tittelen på fristene regelen gir")
        with about("#offset"):
            offset = parse_offset(self.value("#offset"))
        kind, _, body = str(self.query_one("#anchor", Select).value).partition(":")
        anchor_text = self.value("#anchor_text")
        with about("#anchor_text"):
            if kind == "deadlines" and not anchor_text:
                raise ParseError("Skriv hva tittelen på fristene det regnes fra inneholder")
        values = {
            "title": title,
            "offset_days": offset,
            "anchor": m.RuleAnchor(kind),
            "anchor_body_id": int(body) if body else None,
            "anchor_text": anchor_text if kind == "deadlines" else "",
            "category": self.value("#category").lower(),
            "responsible": self.value("#responsible"),
            "exempt": self.query_one("#exempt", Checkbox).value,
        }
        if self.rule is None:
            return created(m.DeadlineRule, body_id=self.body_id, **values)
        return updated(self.rule, **values)
