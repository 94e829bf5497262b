"""An attachment of an item: its title, a link (or, for a file kept in the archive, its
name), and whether it is exempt. Its label («Vedlegg 4A») follows the numbering rule."""

from __future__ import annotations

from textual.app import ComposeResult

from ...domain import models as m
from ...domain.norwegian import ParseError
from ...domain.validation import created, updated
from ..text import Static
from ..widgets.checkbox import Checkbox
from ..widgets.fields import Input
from ..widgets.form import FormScreen, about, labelled


class AttachmentFormScreen(FormScreen[m.Attachment | None]):
    def __init__(self, item_id: int, attachment: m.Attachment | None):
        super().__init__()
        self.item_id = item_id
        self.attachment = attachment
        self.form_title = f"Endre {attachment.label or 'vedlegg'}" if attachment else "Nytt vedlegg (nummereres etter sakslisten)"

    def fields(self) -> ComposeResult:
        a = self.attachment
        yield from labelled("Tittel", Input(a.title if a else "", id="title"))
        if a is not None and a.file_id is not None:
            yield from labelled("Fil i arkivet", Static(a.file_name or "", id="file-name"))
        else:
            yield from labelled("Lenke (eller bruk «f» i vedleggstabellen for å legge ved en fil)", Input(a.location or "" if a else "", id="location"))
        yield Checkbox("Unntatt offentlighet", a.exempt if a else False, id="exempt")

    def submit(self) -> m.Attachment:
        title = self.value("#title")
        with about("#title"):
            if not title:
                raise ParseError("Skriv vedleggets tittel")
        exempt = self.query_one("#exempt", Checkbox).value
        if self.attachment is None:
            return created(m.Attachment, item_id=self.item_id, title=title, exempt=exempt, location=self.value("#location") or None)
        values: dict[str, object] = {"title": title, "exempt": exempt}
        if self.attachment.file_id is None:
            values["location"] = self.value("#location") or None
        return updated(self.attachment, **values)
