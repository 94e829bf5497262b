"""An attachment of an item: «Vedlegg 4A», its title, a path or URL."""

from __future__ import annotations

from textual.app import ComposeResult

from ...domain import models as m
from ...domain.norwegian import ParseError
from ..widgets.checkbox import Checkbox
from ..widgets.fields import Input
from ..widgets.form import FormScreen, labelled


class AttachmentFormScreen(FormScreen[m.Attachment | None]):
    def __init__(self, item_id: int, attachment: m.Attachment | None, *, suggested_label: str = "Vedlegg 1"):
        super().__init__()
        self.item_id = item_id
        self.attachment = attachment
        self.suggested_label = suggested_label
        self.form_title = "Endre vedlegg" if attachment else "Nytt vedlegg"

    def fields(self) -> ComposeResult:
        a = self.attachment
        yield from labelled("Tittel", Input(a.title if a else "", id="title"))
        yield from labelled("Merking (f.eks. Vedlegg 4A)", Input(a.label if a else self.suggested_label, id="label"))
        yield from labelled("Fil eller lenke", Input(a.location or "" if a else "", id="location"))
        yield Checkbox("Unntatt offentlighet", a.exempt if a else False, id="exempt")

    def submit(self) -> m.Attachment:
        if not self.value("#title"):
            raise ParseError("Skriv vedleggets tittel")
        values = {
            "label": self.value("#label"),
            "title": self.value("#title"),
            "location": self.value("#location") or None,
            "exempt": self.query_one("#exempt", Checkbox).value,
        }
        if self.attachment is None:
            return m.Attachment(item_id=self.item_id, **values)
        return self.attachment.model_copy(update=values)
