"""A break in the agenda: «Pause» or «Lunsj» and its length."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult

from ...domain import models as m
from ...domain.durations import parse_minutes
from ...domain.norwegian import ParseError
from ..widgets.fields import Input
from ..widgets.form import FormScreen, about, labelled


class BreakFormScreen(FormScreen[tuple[str, int, m.AgendaItem | None] | None]):
    """Dismisses with (title, minutes, the break being edited or None)."""

    def __init__(self, existing: m.AgendaItem | None, *, starts: Callable[[], int] | None = None):
        super().__init__()
        self.existing = existing
        self.starts = starts  # when the break starts in the plan (minutes after midnight): it ends by midnight
        self.form_title = "Endre pause" if existing else "Ny pause (legges under valgt rad)"

    def fields(self) -> ComposeResult:
        title = self.existing.title if self.existing else "Pause"
        minutes = str(self.existing.duration_minutes) if self.existing else "10"
        yield from labelled("Tittel (Pause, Lunsj …)", Input(title, id="title"))
        # Named as on the item screen, and as a refusal of it says («Varighet må være …»).
        yield from labelled("Varighet (min)", Input(minutes, id="minutes"))

    def submit(self):
        title = self.value("#title")
        with about("#title"):
            if not title:
                raise ParseError("Skriv en tittel, f.eks. Pause eller Lunsj")
        with about("#minutes"):
            stored = self.existing.duration_minutes if self.existing else None
            minutes = parse_minutes(self.value("#minutes"), starts=self.starts, stored=stored, what="pausen")
        return title, minutes, self.existing
