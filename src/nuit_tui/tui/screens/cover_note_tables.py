"""The item screen's tables of the cover note's own rows: its sections after Bakgrunn,
and the earlier decisions the archive does not hold.

Every change is handed to the archive's writer (`tui/writes.py`), as the screen's typed
fields are: the screen never waits on the file, and shows the rows again when the
write is in.
"""

from __future__ import annotations

from textual import work
from textual.binding import Binding

from ...domain import models as m
from ...domain.norwegian import citation_date
from ...errors import StoreError
from ..base import key_id
from ..text import DataTable
from ..widgets.confirm import ConfirmScreen
from .base import ArchiveScreen


class SectionsTable(DataTable):
    BINDINGS = [
        Binding("n", "screen.add_section", "Nytt avsnitt"),
        Binding("enter", "screen.edit_section", "Endre avsnitt"),
        Binding("delete", "screen.delete_section", "Fjern avsnitt"),
        Binding("ctrl+up", "screen.move_section(-1)", "Flytt opp"),
        Binding("ctrl+down", "screen.move_section(1)", "Flytt ned"),
    ]


class ExternalTable(DataTable):
    BINDINGS = [
        Binding("n", "screen.add_external", "Nytt tidligere vedtak"),
        Binding("enter", "screen.edit_external", "Endre"),
        Binding("delete", "screen.delete_external", "Fjern"),
    ]


def _preview(text: str, width: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


class CoverNoteTables(ArchiveScreen):
    """The item screen's part for the cover note's rows (ItemScreen is one of these)."""

    BINDINGS = [Binding("f9", "export_cover_note", "Eksporter toppnotat")]

    item: m.AgendaItem

    # --- export ---------------------------------------------------------------------------

    def action_export_cover_note(self) -> None:
        from .export_form import ExportFormScreen

        autosave = getattr(self, "autosave", None)
        if autosave is not None:
            autosave.flush()  # what is typed goes to the writer before the format is even chosen

        def chosen(choice: tuple[str, bool] | None) -> None:
            if choice is not None:
                self._export_cover_note(*choice)

        self.app.push_screen(ExportFormScreen("Toppnotatet"), chosen)

    @work(thread=True, exclusive=True, group="export")
    def _export_cover_note(self, fmt: str, public: bool) -> None:
        """Written from a worker (its own read connection): typing goes on meanwhile."""
        try:
            path = self.archive.cover_notes.export(self.item.stored_id, fmt=fmt, public=public)
        except (StoreError, ValueError, OSError) as exc:
            self.app.call_from_thread(self.notify, f"Eksporten feilet: {exc}", severity="error")
            return
        self.app.call_from_thread(self.notify, f"Toppnotatet er skrevet til {path}")

    def mount_cover_tables(self) -> None:
        sections = self.query_one(SectionsTable)
        sections.add_column("Overskrift", width=30)
        sections.add_column("Tekst")
        external = self.query_one(ExternalTable)
        external.add_column("Sak", width=28)
        external.add_column("Tema", width=30)
        external.add_column("Vedtaksformulering")
        self._fill_sections()
        self._fill_external()

    def refill_cover_tables(self) -> None:
        """Show the rows as stored (another window may have changed them), the cursor kept."""
        self._fill_sections(select_id=self._selected_id(self.query_one(SectionsTable)))
        self._fill_external(select_id=self._selected_id(self.query_one(ExternalTable)))

    @staticmethod
    def _selected_id(table: DataTable) -> int | None:
        if not table.row_count:
            return None
        return key_id(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @staticmethod
    def _select(table: DataTable, record_id: int | None) -> None:
        if record_id is None:
            return
        for index, row_key in enumerate(table.rows):
            if row_key.value == str(record_id):
                table.move_cursor(row=index)
                return

    # --- sections -------------------------------------------------------------------------

    def _fill_sections(self, select_id: int | None = None) -> None:
        table = self.query_one(SectionsTable)
        table.clear()
        for section in self.archive.cover_notes.sections(self.item.stored_id):
            table.add_row(section.heading, _preview(section.text), key=str(section.id))
        self._select(table, select_id)

    def action_add_section(self) -> None:
        from .cover_note_forms import CoverSectionFormScreen

        self.app.push_screen(CoverSectionFormScreen(self.item.stored_id, None), self._section_saved)

    def action_edit_section(self) -> None:
        section_id = self._selected_id(self.query_one(SectionsTable))
        if section_id is not None:
            from .cover_note_forms import CoverSectionFormScreen

            section = self.archive.cover_notes.section(section_id)
            self.app.push_screen(CoverSectionFormScreen(self.item.stored_id, section), self._section_saved)

    def _section_saved(self, section: m.CoverSection | None) -> None:
        if section is None:
            return
        notes = self.archive.cover_notes

        def shown(stored: m.CoverSection) -> None:
            self._fill_sections(select_id=stored.id)
            self.query_one(SectionsTable).focus()
            self.notify(f"Lagret avsnittet «{stored.heading}»")

        if section.id is None:
            self.write(lambda: notes.add_section(section), shown)
        else:
            self.write(lambda: notes.update_section(section), shown)

    def action_delete_section(self) -> None:
        section_id = self._selected_id(self.query_one(SectionsTable))
        if section_id is None:
            return
        section = self.archive.cover_notes.section(section_id)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.write(lambda: self.archive.cover_notes.delete_section(section_id), lambda _: self._fill_sections())

        self.app.push_screen(ConfirmScreen(f"Fjerne avsnittet «{section.heading}» fra toppnotatet?"), confirmed)

    def action_move_section(self, delta: int) -> None:
        section_id = self._selected_id(self.query_one(SectionsTable))
        if section_id is not None:
            self.write(lambda: self.archive.cover_notes.move_section(section_id, delta), lambda _: self._fill_sections(section_id))

    # --- earlier decisions the archive does not hold ----------------------------------------

    def _fill_external(self, select_id: int | None = None) -> None:
        table = self.query_one(ExternalTable)
        table.clear()
        for decision in self.archive.cover_notes.external_decisions(self.item.stored_id):
            citation = decision.citation + (f" ({citation_date(decision.decided_on)})" if decision.decided_on else "")
            wording = _preview(decision.decision) + ("  [unntatt]" if decision.exempt else "")
            table.add_row(citation, decision.topic, wording, key=str(decision.id))
        self._select(table, select_id)

    def _meeting_year(self) -> int:
        return int(self.archive.meetings.get(self.item.meeting_id).year)

    def action_add_external(self) -> None:
        from .cover_note_forms import ExternalDecisionFormScreen

        form = ExternalDecisionFormScreen(self.item.stored_id, None, year=self._meeting_year())
        self.app.push_screen(form, self._external_saved)

    def action_edit_external(self) -> None:
        decision_id = self._selected_id(self.query_one(ExternalTable))
        if decision_id is None:
            return
        from .cover_note_forms import ExternalDecisionFormScreen

        decision = next(d for d in self.archive.cover_notes.external_decisions(self.item.stored_id) if d.id == decision_id)
        self.app.push_screen(ExternalDecisionFormScreen(self.item.stored_id, decision, year=self._meeting_year()), self._external_saved)

    def _external_saved(self, decision: m.ExternalDecision | None) -> None:
        if decision is None:
            return
        notes = self.archive.cover_notes

        def shown(stored: m.ExternalDecision) -> None:
            self._fill_external(select_id=stored.id)
            self.query_one(ExternalTable).focus()
            self.notify(f"Lagret {stored.citation}")

        if decision.id is None:
            self.write(lambda: notes.add_external(decision), shown)
        else:
            self.write(lambda: notes.update_external(decision), shown)

    def action_delete_external(self) -> None:
        decision_id = self._selected_id(self.query_one(ExternalTable))
        if decision_id is None:
            return
        decision = next(d for d in self.archive.cover_notes.external_decisions(self.item.stored_id) if d.id == decision_id)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.write(lambda: self.archive.cover_notes.delete_external(decision_id), lambda _: self._fill_external())

        self.app.push_screen(ConfirmScreen(f"Fjerne «{decision.citation}» fra toppnotatet?"), confirmed)
