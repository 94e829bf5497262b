"""The cover note's own rows: a section with its heading («Videre saksprosess»), and an
earlier decision the archive does not hold («Nasjonalt e-helseråd 3/23»)."""

from __future__ import annotations

from textual.app import ComposeResult

from ...domain import models as m
from ...domain.norwegian import ParseError, numeric_date, parse_date
from ...domain.validation import created, updated
from ..widgets.checkbox import Checkbox
from ..widgets.fields import Input
from ..widgets.form import FormScreen, about, labelled
from ..widgets.text_field import TextArea


class _Prose(TextArea):
    """Prose: no line numbers; Tab leaves the field."""

    DEFAULT_CSS = "_Prose { height: 8; }"

    def __init__(self, text: str, **kwargs):
        super().__init__(text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus", **kwargs)


class CoverSectionFormScreen(FormScreen[m.CoverSection | None]):
    def __init__(self, item_id: int, section: m.CoverSection | None):
        super().__init__()
        self.item_id = item_id
        self.section = section
        self.form_title = "Endre avsnitt i toppnotatet" if section else "Nytt avsnitt i toppnotatet"

    def fields(self) -> ComposeResult:
        s = self.section
        yield from labelled("Overskrift (f.eks. Videre saksprosess, Til drøfting, Drøftingsspørsmål)", Input(s.heading if s else "", id="heading"))
        yield from labelled("Tekst («- » foran en linje gir et kulepunkt; Ctrl+S lagrer)", _Prose(s.text if s else "", id="text"))

    def submit(self) -> m.CoverSection:
        heading = self.value("#heading")
        with about("#heading"):
            if not heading:
                raise ParseError("Skriv avsnittets overskrift")
        text = self.query_one("#text", TextArea).text.strip()
        if self.section is None:
            return created(m.CoverSection, item_id=self.item_id, heading=heading, text=text)
        return updated(self.section, heading=heading, text=text)


class ExternalDecisionFormScreen(FormScreen[m.ExternalDecision | None]):
    def __init__(self, item_id: int, decision: m.ExternalDecision | None, *, year: int):
        super().__init__()
        self.item_id = item_id
        self.decision = decision
        self.year = year  # the year a date typed without one is in
        self.form_title = "Endre tidligere vedtak" if decision else "Tidligere vedtak som ikke er i arkivet"

    def fields(self) -> ComposeResult:
        d = self.decision
        yield from labelled("Sak (f.eks. Nasjonalt e-helseråd 3/23)", Input(d.citation if d else "", id="citation"))
        date = numeric_date(d.decided_on) if d and d.decided_on else ""
        yield from labelled("Dato (valgfri, f.eks. 2.3.2023)", Input(date, id="decided_on"))
        yield from labelled("Tema", Input(d.topic if d else "", id="topic"))
        yield from labelled("Vedtaksformulering (Ctrl+S lagrer)", _Prose(d.decision if d else "", id="decision"))
        yield Checkbox("Vedtaket er unntatt offentlighet", d.exempt if d else False, id="exempt")

    def submit(self) -> m.ExternalDecision:
        citation = self.value("#citation")
        with about("#citation"):
            if not citation:
                raise ParseError("Skriv saken, f.eks. «Nasjonalt e-helseråd 3/23»")
        typed = self.value("#decided_on")
        with about("#decided_on"):
            decided_on = parse_date(typed, self.year) if typed else None
        values = {
            "citation": citation,
            "decided_on": decided_on,
            "topic": self.value("#topic"),
            "decision": self.query_one("#decision", TextArea).text.strip(),
            "exempt": self.query_one("#exempt", Checkbox).value,
        }
        if self.decision is None:
            return created(m.ExternalDecision, item_id=self.item_id, **values)
        return updated(self.decision, **values)
