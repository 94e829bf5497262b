"""A follow-up (oppfølging) from an item: what, who is responsible, by when; made with F4
in meeting mode, corrected with e in the register («Endre oppfølging»)."""

from __future__ import annotations

from typing import Any, cast

from textual.app import ComposeResult

from ...domain import models as m
from ...domain.norwegian import ParseError, numeric_date, parse_date
from ...services.concurrency import EditConflict
from ..base import nuit_app
from ..widgets.completion import NameInput
from ..widgets.conflict_question import ConflictScreen
from ..widgets.fields import Input
from ..widgets.form import FormScreen, OnWriter, about, labelled
from ..writes import write

LABELS = {"description": "Hva skal gjøres", "responsible": "Ansvarlig", "due_date": "Frist"}
FIELDS = {"description": "#description", "responsible": "#responsible", "due_date": "#due"}


def _shown(name: str, value: Any) -> str:
    return (numeric_date(value) if value else "") if name == "due_date" else str(value or "")


class FollowUpFormScreen(FormScreen[m.FollowUp | None]):
    """New (dismissed with the follow-up, for the caller to add), or, given `follow_up`,
    «Endre oppfølging»: saved through the writer here, only the fields changed, merged with
    another window's changes to other fields; a field both changed is put to the user
    (Behold min / Ta deres), as on the other records a person edits."""

    TITLE = "Ny oppfølging"

    def __init__(self, item_id: int | None, responsible_names: list[str], year: int | None = None, *, follow_up: m.FollowUp | None = None):
        super().__init__()
        self.year = year  # a deadline typed as "1.9" is in the meeting's year
        self.item_id = item_id
        self.responsible_names = responsible_names
        self.base = follow_up  # the version the form opened with (editing)
        if follow_up is not None:
            self.form_title = "Endre oppfølging"

    def _initial(self, name: str) -> str:
        return _shown(name, getattr(self.base, name)) if self.base is not None else ""

    def fields(self) -> ComposeResult:
        yield from labelled("Hva skal gjøres", Input(self._initial("description"), id="description"))
        yield from labelled(
            "Ansvarlig (organisasjon eller person)",
            # An organisation's short name («FHI») completes to its name, as in the
            # organisation field, rather than being asked about as a new responsible.
            NameInput(
                self.responsible_names,
                short_names=nuit_app(self).archive.members.short_names(),
                what="ansvarlig",
                value=self._initial("responsible"),
                id="responsible",
            ),
        )
        yield from labelled("Frist (valgfri, f.eks. 1.9.2023)", Input(self._initial("due_date"), id="due"))

    def _values(self) -> dict[str, Any]:
        """The fields as a follow-up's values; a refusal (inside `about`) names its field."""
        description = self.value("#description")
        with about("#description"):
            if not description:
                raise ParseError("Skriv hva som skal følges opp")
        due = self.value("#due")
        with about("#due"):
            due_date = parse_date(due, self.year) if due else None
        return {"description": description, "responsible": self.value("#responsible"), "due_date": due_date}

    def _changes(self) -> dict[str, Any]:
        assert self.base is not None
        return {name: value for name, value in self._values().items() if getattr(self.base, name) != value}

    def submit(self) -> m.FollowUp | OnWriter[m.FollowUp | None]:
        if self.base is None:
            return m.FollowUp(item_id=self.item_id, **self._values())
        base, follow_ups, changes = self.base, nuit_app(self).archive.follow_ups, self._changes()
        if not changes:
            return OnWriter(lambda: base)  # nothing changed: closed as if saved
        return OnWriter(lambda: follow_ups.update(base, changes))

    def _refused(self, exc: Exception) -> None:
        if not isinstance(exc, EditConflict):
            super()._refused(exc)
            return
        self._saving = False
        self.show_error(str(exc))
        theirs = cast(m.FollowUp, exc.theirs)

        def chosen(keep_mine: bool | None) -> None:
            if keep_mine:
                self._keep_mine()
            elif keep_mine is not None:
                self._take_theirs(theirs, {c.field for c in exc.conflicts})

        self.app.push_screen(ConflictScreen("Oppfølgingen", exc.conflicts, LABELS), chosen)

    def _keep_mine(self) -> None:
        """«Behold min»: the user's changes written over the other window's version."""
        try:
            changes = self._changes()
        except (ParseError, ValueError) as exc:
            self.refuse(exc)
            return
        base, follow_ups = self.base, nuit_app(self).archive.follow_ups
        assert base is not None
        self._saving = True
        self.show_error("Lagrer …")
        write(self, lambda: follow_ups.update(base, changes, keep_mine=True), self._written, failed=self._refused)

    def _take_theirs(self, theirs: m.FollowUp, fields: set[str]) -> None:
        """The other window's version in the clashing fields (and the untouched ones); the
        user's changes to other fields stay in the form, saved by Enter."""
        try:
            values = self._values()
        except (ParseError, ValueError):  # (cannot be: it was saved as it stands) only the clashing ones
            values = {}
        for name, selector in FIELDS.items():
            if name in fields or (name in values and values[name] == getattr(self.base, name)):
                field = self.query_one(selector, Input)
                field.value = _shown(name, getattr(theirs, name))
                field.cursor_position = len(field.value)  # typed on at its end
        self.base = theirs
        self.show_error("Den andre versjonen er satt inn; Enter lagrer det du ellers har endret")
