"""One agenda item in full: what the notice and the cover note say about it.

Every field is saved as it is typed (within half a second, and when the field
loses focus); there is no save step.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Select

from ...domain import labels
from ...domain import models as m
from ...domain.durations import parse_minutes
from ...domain.items import is_blank_new_item
from ...domain.meetings import item_form_note
from ...domain.norwegian import ParseError, clock, parse_time
from ...errors import StoreError
from ..base import key_id
from ..text import DataTable, Label, Static, markup
from ..widgets.autosave import Autosave
from ..widgets.checkbox import Checkbox
from ..widgets.confirm import ConfirmScreen
from ..widgets.conflict import VersionedForm
from ..widgets.fields import Input, SavedInput
from ..widgets.footer import Footer
from ..widgets.form import FormBody, TypeAhead
from ..widgets.people_field import PeopleField, PeopleInput
from ..widgets.text_field import TextArea
from ..writes import redraw_what_is_shown, write
from .cover_note_tables import CoverNoteTables, ExternalTable, SectionsTable
from .item_attachments import AttachmentsTable, ItemAttachments

TEXT_FIELDS = {
    "description": "Beskrivelse (i innkallingen)",
    "purpose": "Hensikt med saken",
    "background": "Bakgrunn",
    "proposed_decision": "Forslag til vedtak",
}
TYPE_OPTIONS = [(t.value, t.value) for t in m.ItemType]
# The screen's fields as its clash questions name them: the domain's labels, in the form's order.
FIELD_LABELS = {
    **{name: labels.FIELD_LABELS[name] for name in ("title", "item_type")},
    "duration_minutes": "Varighet (min)",
    "fixed_start": labels.FIELD_LABELS["fixed_start"],
    **TEXT_FIELDS,
    **{name: labels.FIELD_LABELS[name] for name in ("exempt", "exempt_basis", "title_exempt", "submitted_by", "earlier_intro", "earlier_none")},
}
# The people fields, as a question on leaving names them.
PEOPLE_LABELS = {"presenters": "Fra (innledere)", "case_officers": "Saksbehandlere"}
# The fields typed as text that may not read, in the form's order.
HELD_BACK_ORDER = ("duration_minutes", "fixed_start")
# «Ingen»/«N/A» where the cover note's table of earlier decisions would be empty.
EARLIER_NONE_OPTIONS = [(choice, choice) for choice in m.EARLIER_NONE_CHOICES]


class PlainTextArea(TextArea):
    """Prose, not code: no highlighting or line numbers; Tab leaves the field."""

    def __init__(self, text: str, **kwargs):
        super().__init__(text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus", **kwargs)


class EarlierTable(DataTable):
    BINDINGS = [
        Binding("n", "screen.link_earlier", "Koble tidligere behandling"),
        Binding("delete", "screen.unlink_earlier", "Fjern kobling"),
    ]


class ItemScreen(ItemAttachments, TypeAhead, CoverNoteTables):
    BINDINGS = [
        Binding("escape", "close", "Tilbake"),
        # Priority: acted on as they arrive, so that what is typed right after them goes
        # to the picker or form they open, not into the field that has focus here.
        Binding("ctrl+l", "link_earlier", "Koble tidligere behandling", priority=True),
        Binding("ctrl+o", "add_attachment", "Nytt vedlegg", priority=True),
    ]
    CSS_PATH = "item.tcss"

    def __init__(self, item_id: int, *, new: bool = False):
        super().__init__()
        self.item_id = item_id
        self.new = new
        self._loading = True
        # Fields that do not read (a duration or time typed wrong), each with why: held back, named.
        self._held_back: dict[str, str] = {}
        self._told: set[str] = set()  # the reasons notified, so that each is told once
        self._write_error: str | None = None  # the writer's last refusal, for the question on leaving
        self._people_written: dict[m.PersonRole, list[int]] = {}  # the people last saved, per role
        self.autosave = Autosave(self, self.save)
        # Another window may edit the same item: merge, or ask when both changed a field.
        self.versions = VersionedForm(
            self,
            "item",
            what="Saken",
            labels=FIELD_LABELS,
            read=self._form_values,
            show=self._show_field,
            load=lambda item_id: self.archive.agenda.item(item_id),
            write=lambda item: self.archive.agenda.update_item(item),
            saved=self._saved_elsewhere,
            failed=self._failed,
            settled=self._show_saved,
        )

    def compose(self) -> ComposeResult:
        archive = self.archive
        item = self.item = archive.agenda.item(self.item_id)
        yield Header()
        yield Static(id="item-heading", classes="screen-title")
        with FormBody(id="item-form"):
            yield Label("Tittel")
            yield SavedInput(item.title, id="title")
            with Horizontal(classes="row"):
                with Vertical(classes="cell"):
                    yield Label("Sakstype")
                    yield Select(TYPE_OPTIONS, value=item.item_type.value if item.item_type else Select.NULL, prompt="(ingen)", id="item_type")
                with Vertical(classes="cell"):
                    yield Label("Varighet (min)")
                    # A number and a time are typed over as Tab enters them (Input selects
                    # them), as a form's date is: «15» over «30» read «3015» and was refused.
                    yield Input(str(item.duration_minutes), id="duration")
                with Vertical(classes="cell"):
                    yield Label("Fast starttid (valgfri)")
                    yield Input(clock(item.fixed_start) if item.fixed_start else "", placeholder="f.eks. 13.00", id="fixed_start")
            yield Static(id="time-note")
            for name, label in TEXT_FIELDS.items():
                yield Label(label)
                yield PlainTextArea(getattr(item, name), id=name, classes="prose")
            yield Label("Fra (innledere) – skriv navn, Enter legger til, Backspace i tomt felt fjerner siste")
            yield PeopleField(archive.agenda.item_people(item.stored_id, m.PersonRole.PRESENTER), placeholder="Navn", id="presenters")
            yield Label("Saksbehandlere")
            yield PeopleField(archive.agenda.item_people(item.stored_id, m.PersonRole.CASE_OFFICER), placeholder="Navn", id="case_officers")
            yield Label("Fra i toppnotatet (tomt: innlederne over)")
            yield SavedInput(item.submitted_by, placeholder="f.eks. Terje Wistner, KS", id="submitted_by")
            yield Label("Offentlighet")
            yield Checkbox("Unntatt offentlighet", item.exempt, id="exempt")
            yield SavedInput(item.exempt_basis or "", placeholder="Hjemmel, f.eks. offl. § 14", id="exempt_basis")
            yield Checkbox("Også tittelen er unntatt", item.title_exempt, id="title_exempt")
            yield Label("Vedlegg (n: ny lenke, f: legg ved fil, Enter: endre, s: lagre filen ut, Delete: fjern)")
            yield AttachmentsTable(id="attachments", cursor_type="row")
            yield Label("Egne avsnitt i toppnotatet, etter Bakgrunn (n: nytt, Enter: endre, Delete: fjern, Ctrl+↑/↓: flytt)")
            yield SectionsTable(id="sections", cursor_type="row")
            yield Label("Vedtak fra tidligere behandlinger i rådsmodellen (n / Ctrl+L: koble, Delete: fjern)")
            yield EarlierTable(id="earlier", cursor_type="row")
            yield Label("Tidligere vedtak som ikke er i arkivet (n: nytt, Enter: endre, Delete: fjern)")
            yield ExternalTable(id="external", cursor_type="row")
            yield Label("Tekst over tabellen, eller i stedet for den (f.eks. «Saken har tidligere vært lagt frem for NUFA»)")
            yield PlainTextArea(item.earlier_intro, id="earlier_intro", classes="prose short")
            yield Label("Uten tidligere vedtak står det i toppnotatet")
            yield Select(EARLIER_NONE_OPTIONS, value=item.earlier_none or Select.NULL, prompt="(ingenting: avsnittet utelates)", id="earlier_none")
        # Outside the scrolling form, so that «Ikke lagret: …» is seen wherever you are.
        yield Static(id="save-state", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        attachments = self.query_one(AttachmentsTable)
        attachments.add_columns("Vedlegg", "Tittel", "Lenke eller fil", "Størrelse")
        earlier = self.query_one(EarlierTable)
        earlier.add_column("Sak", width=22)
        earlier.add_column("Tema", width=30)
        earlier.add_column("Vedtaksformulering")
        self._fill_attachments()
        self._fill_earlier()
        self.mount_cover_tables()
        self._update_heading()
        self._sync_exempt_fields()
        # As the tick changes, not when its Changed message is handled: a Tab typed right after
        # Space is handled before that message and skipped «Hjemmel», still disabled.
        self.watch(self.query_one("#exempt", Checkbox), "value", self._sync_exempt_fields, init=False)
        self.query_one("#title", Input).focus()
        if self.new:
            self.query_one("#title", Input).action_select_all()
        self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    # --- saving -----------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _field_changed(self, event) -> None:
        if self._loading or isinstance(event.control.parent, PeopleField):
            return
        if not self._held_back:  # else what is not saved stays in view until the save reads the form again
            self.query_one("#save-state", Static).update("…")
        self.autosave.changed()

    def on_descendant_blur(self) -> None:
        self.autosave.flush()

    def _read_form(self) -> tuple[dict[str, object], dict[str, str]]:
        """The fields' values, and for each field that does not read (a duration or a time
        typed wrong) why not; such a field is left out of the values, so it keeps its
        stored value while every other field is saved as typed."""
        text = {name: self.query_one(f"#{name}", TextArea).text for name in TEXT_FIELDS}
        item_type = self.query_one("#item_type", Select).value
        exempt = self.query_one("#exempt", Checkbox).value
        earlier_none = self.query_one("#earlier_none", Select).value
        values: dict[str, object] = {
            "title": self.query_one("#title", Input).value.strip(),
            # The Select holds the type's text; the model (and model_copy, which does not validate) wants the enum.
            "item_type": None if item_type is Select.NULL else m.ItemType(str(item_type)),
            "exempt": exempt,
            "exempt_basis": self.query_one("#exempt_basis", Input).value.strip() or None,
            "title_exempt": exempt and self.query_one("#title_exempt", Checkbox).value,
            **text,
            "submitted_by": self.query_one("#submitted_by", Input).value.strip(),
            "earlier_intro": self.query_one("#earlier_intro", TextArea).text,
            "earlier_none": "" if earlier_none is Select.NULL else str(earlier_none),
        }
        held_back: dict[str, str] = {}
        typed = self.query_one("#fixed_start", Input).value.strip()
        fixed_start = self.item.fixed_start
        try:
            values["fixed_start"] = fixed_start = parse_time(typed) if typed else None
        except ParseError as exc:
            held_back["fixed_start"] = f"{FIELD_LABELS['fixed_start']}: {exc}"
        # The item ends by midnight: its start as the plan has it with the fixed start typed.
        item_id, agenda = self.item.stored_id, self.archive.agenda
        minutes = self.item.duration_minutes  # what is saved: the typed length, else the stored one
        try:
            values["duration_minutes"] = minutes = parse_minutes(
                self.query_one("#duration", Input).value,
                stored=self.item.duration_minutes,
                starts=lambda: agenda.start_minute(item_id, fixed_start),
            )
        except ParseError as exc:
            held_back["duration_minutes"] = str(exc)
        if "fixed_start" in values:
            # A later fixed start: the length saved with it must still end by midnight.
            if refusal := agenda.fixed_start_refusal(item_id, fixed_start, minutes):
                held_back["fixed_start"] = refusal
                del values["fixed_start"]
        return values, {name: held_back[name] for name in HELD_BACK_ORDER if name in held_back}

    def _form_values(self) -> dict:
        """What is saved: the fields that read (see _read_form)."""
        return self._read_form()[0]

    def save(self) -> bool:
        """Write what differs from the stored item; True when all is stored. A field that
        does not read is held back (and named), never the others."""
        if self._loading:
            return True
        values, self._held_back = self._read_form()
        told = set(self._told)
        self._told = set(self._held_back.values())
        if new := [reason for reason in self._held_back.values() if reason not in told]:
            self.notify("\n".join(new), title="Ikke lagret", severity="error")
        state = self.query_one("#save-state", Static)
        try:
            queued = self.versions.save(values)  # the writer's answer comes back through _saved_elsewhere
        except (StoreError, ValueError) as exc:
            self._failed(exc)
            return False
        if not queued:
            state.update(markup("[b]Ikke lagret:[/b] saken er endret i et annet vindu; velg hvilken versjon som skal gjelde"))
            return False
        self._show_saved()
        return not self._held_back

    def _show_saved(self) -> None:
        """The status line as saves are done: «Alt er lagret» only when it is true; else each
        field held back, and the writer's refusal, with why."""
        if self.versions.asking:
            return  # the question about another window's version stands (save)
        reasons = list(self._held_back.values())
        if self.versions.unsaved and self._write_error:
            reasons.insert(0, self._write_error)
        state = self.query_one("#save-state", Static)
        if reasons:
            state.update(markup("[b]Ikke lagret:[/b] $reasons", reasons=" · ".join(reasons)))
        elif self.autosave.pending or self.versions.saving:
            state.update("…")
        else:
            state.update("Alt er lagret")

    def _failed(self, exc: Exception) -> None:
        """The writer refused (VersionedForm), or the save could not be made."""
        self._write_error = str(exc)
        reasons = [str(exc), *self._held_back.values()]
        self.query_one("#save-state", Static).update(markup("[b]Ikke lagret:[/b] $reasons", reasons=" · ".join(reasons)))

    def _show_field(self, name: str, value) -> None:
        """Put a stored value in its field (another window changed it)."""
        if name in TEXT_FIELDS or name == "earlier_intro":
            area = self.query_one(f"#{name}", TextArea)
            cursor = area.cursor_location
            area.load_text(value)
            area.move_cursor(cursor)
        elif name == "item_type":
            self.query_one("#item_type", Select).value = value.value if value else Select.NULL
        elif name == "earlier_none":
            self.query_one("#earlier_none", Select).value = value or Select.NULL
        elif name in ("exempt", "title_exempt"):
            self.query_one(f"#{name}", Checkbox).value = bool(value)
        elif name == "duration_minutes":
            self.query_one("#duration", Input).value = str(value)
        elif name == "fixed_start":
            self.query_one("#fixed_start", Input).value = clock(value) if value else ""
        else:  # title, exempt_basis, submitted_by
            self.query_one(f"#{name}", Input).value = value or ""

    def _saved_elsewhere(self, message: str | None) -> None:
        self._write_error = None
        self._show_saved()
        self._update_heading()
        if message:
            self.notify(message)

    def reload_from_file(self) -> None:
        """Another window committed: show its changes to this item (see VersionedForm)."""
        if not self._loading and self.versions.refresh():
            self._update_heading()
        if not self._loading:
            self.refill_cover_tables()

    def action_close(self) -> None:
        if not self._add_typed_names():
            self._close()

    def _add_typed_names(self) -> bool:
        """A name typed in «Fra (innledere)» or «Saksbehandlere» and not added (Enter adds
        it) was dropped on leaving without a word: it is added now, as Enter does (a new
        person asked about first), and then the screen closes; a beginning that fits several
        people is asked about. True while that is under way."""
        field = next((f for f in self.query(PeopleField) if f.typed()), None)
        if field is None:
            return False
        name, label, entry = field.typed(), PEOPLE_LABELS.get(field.id or "", "Navn"), field.query_one(PeopleInput)
        if several := field.several(name):

            def answered(leave: bool | None) -> None:
                if leave:
                    self._close()
                else:
                    entry.focus()

            fits = ", ".join(several[:5])
            question = f"«{name}» i {label} er ikke lagt til: flere treff ({fits}). Gå tilbake likevel?"
            self.app.push_screen(ConfirmScreen(question), answered)
            return True

        def added(yes: bool) -> None:
            if yes:
                self._save_people(field)  # now: the screen may close before the field's message comes
                self.action_close()  # (the other people field, then out)
            else:
                entry.focus()  # «Rett navnet»: the name is back in the field

        field.add_typed(added)
        return True

    def _close(self) -> None:
        self.autosave.flush()
        if self.versions.ask_now():  # a clash with another window: choose before leaving
            return
        # A save on its way lands after the screen has closed (the writer finishes it).
        if self.save() and not self.versions.unsaved:
            if self.new and self._form_is_blank():
                # `n` then Escape: no «Ny sak» left behind to take a case number. After
                # the saves queued before it; the agenda below redraws when it is in.
                item_id, agenda = self.item_id, self.archive.agenda
                write(self.app, lambda: agenda.discard_if_blank(item_id), lambda _: redraw_what_is_shown(self.app))
            self.app.pop_screen()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.app.pop_screen()

        self.app.push_screen(ConfirmScreen(self._unsaved_question()), answered)

    def _unsaved_question(self) -> str:
        """Asked on leaving with something not saved: what, and why (the dialog covers the
        status line that says so)."""
        if self._held_back:
            names = [FIELD_LABELS[name].removesuffix(" (min)") for name in self._held_back]
            named = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} og {names[-1]}"
            return f"{named} er ikke lagret: {'; '.join(self._held_back.values())}. Gå tilbake likevel?"
        if self._write_error:
            return f"Ikke lagret: {self._write_error}. Gå tilbake likevel?"
        return "Noe er ikke lagret. Gå tilbake likevel?"

    def _form_is_blank(self) -> bool:
        """Whether the form still shows the new item as made (so nothing is in flight)."""
        values = self._form_values()
        return is_blank_new_item(values["title"], *(values[name] for name in TEXT_FIELDS))

    def _sync_exempt_fields(self, _value: bool | None = None) -> None:
        """«Hjemmel» and «Også tittelen er unntatt» are for an exempt item only."""
        exempt = self.query_one("#exempt", Checkbox).value
        self.query_one("#exempt_basis", Input).disabled = not exempt
        self.query_one("#title_exempt", Checkbox).disabled = not exempt

    def _update_heading(self) -> None:
        agenda = self.archive.agenda.for_meeting(self.item.meeting_id)
        row = next(r for r in agenda.rows if r.item.id == self.item.id)
        meeting = agenda.meeting
        case = row.case_number or "(nr. ved lagring)"
        self.query_one("#item-heading", Static).update(f"Sak {case} · møte {meeting.ref} · {self.item.title}")
        note = f"Tidspunkt kl. {clock(row.start)}–{clock(row.end)}"
        if row.late:
            note += " · ⚠ sakslisten før rekker ikke frem til fast starttid"
        if agenda.plan.overrun_minutes:
            note += f" · ⚠ sakslisten går {agenda.plan.overrun_minutes} min over møteslutt kl. {clock(meeting.end_time)}"
        if state := item_form_note(meeting.status):
            note += f" · {state}"
        self.query_one("#time-note", Static).update(note)

    # --- presenters and case officers ------------------------------------------------------

    @on(PeopleField.Changed)
    def _people_changed(self, event: PeopleField.Changed) -> None:
        self._save_people(event.field)

    def _save_people(self, field: PeopleField) -> None:
        role = m.PersonRole.PRESENTER if field.id == "presenters" else m.PersonRole.CASE_OFFICER
        item_id, people = self.item.stored_id, [p.stored_id for p in field.people]
        if self._people_written.get(role) == people:
            return  # (saved on leaving, before the field's message came)
        self._people_written[role] = people
        self.query_one("#save-state", Static).update("…")
        self.write(lambda: self.archive.agenda.set_item_people(item_id, role, people), lambda _: self._show_saved())

    # --- earlier handlings ----------------------------------------------------------------

    def _fill_earlier(self) -> None:
        table = self.query_one(EarlierTable)
        table.clear()
        for row in self.archive.agenda.earlier_handling_rows(self.item.stored_id):
            table.add_row(row.citation, row.topic, row.decision, key=str(row.item.id), height=None)

    def action_link_earlier(self) -> None:
        from .link_picker import LinkPickerScreen

        def picked(earlier_id: int | None) -> None:
            if earlier_id is None:
                return

            def linked(_) -> None:
                self._fill_earlier()
                earlier = self.archive.agenda.item(earlier_id)
                self.notify(f"Koblet til {self.archive.agenda.case_label(earlier, with_body=True)}")

            item_id = self.item.stored_id
            self.write(lambda: self.archive.agenda.link_earlier(item_id, earlier_id), linked)

        self.app.push_screen(LinkPickerScreen(self.item.stored_id), picked)

    def action_unlink_earlier(self) -> None:
        table = self.query_one(EarlierTable)
        if not table.row_count:
            return
        earlier_id = key_id(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

        def unlinked(_) -> None:
            self._fill_earlier()
            self.notify("Koblingen er fjernet")

        item_id = self.item.stored_id
        self.write(lambda: self.archive.agenda.unlink_earlier(item_id, earlier_id), unlinked)
