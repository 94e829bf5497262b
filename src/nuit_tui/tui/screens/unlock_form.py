"""Unlocking approved minutes asks why; the reason is recorded."""

from __future__ import annotations

from textual.app import ComposeResult

from ...domain.norwegian import ParseError
from ..widgets.fields import Input
from ..widgets.form import FormScreen, about, labelled


class UnlockFormScreen(FormScreen[str | None]):
    TITLE = "Lås opp godkjent referat"

    def fields(self) -> ComposeResult:
        yield from labelled("Begrunnelse (registreres)", Input(id="reason"))

    def submit(self) -> str:
        reason = self.value("#reason")
        with about("#reason"):
            if not reason:
                raise ParseError("Skriv hvorfor referatet låses opp")
        return reason
