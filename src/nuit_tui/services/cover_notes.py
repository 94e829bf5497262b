"""Cover notes (toppnotater): an item's own sections and the earlier decisions typed in,
and the cover note read from the archive, built and exported.

What a cover note shows, and its public redaction, is `documents.cover_note`; the
item's own cover-note fields («Fra», the words above the earlier-decisions table,
«Ingen»/«N/A») are saved with the item (`AgendaService.update_item`).
"""

from __future__ import annotations

from pathlib import Path

from ..documents import cover_note as view
from ..documents.cover_note import CoverNoteDocument
from ..domain import models as m
from ..domain.attachments import Labels
from ..domain.cover_note import attached_as_file, made_from_record
from ..exporters import registry
from ..files import write_export
from ..store import ArchiveStore, errors
from . import attachment_labels
from .agenda import AgendaService
from .meetings import Meetings
from .members import Members
from .minutes_lock import MinutesLock


class CoverNotes:
    """The parts of a cover note that are rows of their own, and what the notice needs to know."""

    def __init__(self, store: ArchiveStore, members: Members, meetings: Meetings, agenda: AgendaService, lock: MinutesLock):
        self.store = store
        self.members = members
        self.meetings = meetings
        self.agenda = agenda
        self.lock = lock

    def _editable(self, item_id: int) -> None:
        """The cover note is part of the item: locked minutes lock it too."""
        self.lock.ensure_editable(self.agenda.item(item_id).meeting_id)

    # --- sections -----------------------------------------------------------------------

    def sections(self, item_id: int) -> list[m.CoverSection]:
        return self.store.find_by(m.CoverSection, item_id=item_id, order_by="position, id")

    def section(self, section_id: int) -> m.CoverSection:
        return self.store.get(m.CoverSection, section_id)

    def add_section(self, section: m.CoverSection) -> m.CoverSection:
        """Add a section after the item's others."""
        with self.store.write():
            self._editable(section.item_id)
            count = self.store.count_by(m.CoverSection, item_id=section.item_id)
            return self.store.insert(section.model_copy(update={"position": count + 1}))

    def update_section(self, section: m.CoverSection) -> m.CoverSection:
        with self.store.write():
            self._editable(section.item_id)
            return self.store.update(section)

    def delete_section(self, section_id: int) -> None:
        with self.store.write():
            section = self.section(section_id)
            self._editable(section.item_id)
            self.store.delete(m.CoverSection, section_id)
            self.store.write_positions(self.sections(section.item_id))

    def move_section(self, section_id: int, delta: int) -> None:
        """Move a section up (-1) or down (+1) among the item's."""
        with self.store.write():
            section = self.section(section_id)
            self._editable(section.item_id)
            self.store.move_in_order(self.sections(section.item_id), section_id, delta)

    # --- earlier decisions the archive does not hold ------------------------------------

    def external_decisions(self, item_id: int) -> list[m.ExternalDecision]:
        return self.store.find_by(m.ExternalDecision, item_id=item_id, order_by="position, id")

    def add_external(self, decision: m.ExternalDecision) -> m.ExternalDecision:
        with self.store.write():
            self._editable(decision.item_id)
            count = self.store.count_by(m.ExternalDecision, item_id=decision.item_id)
            return self.store.insert(decision.model_copy(update={"position": count + 1}))

    def update_external(self, decision: m.ExternalDecision) -> m.ExternalDecision:
        with self.store.write():
            self._editable(decision.item_id)
            return self.store.update(decision)

    def delete_external(self, decision_id: int) -> None:
        with self.store.write():
            decision = self.store.get(m.ExternalDecision, decision_id)
            self._editable(decision.item_id)
            self.store.delete(m.ExternalDecision, decision_id)

    # --- the document -------------------------------------------------------------------

    def earlier_rows(self, item_id: int, *, public: bool) -> list[view.EarlierDecision]:
        """«Vedtak fra tidligere behandlinger i rådsmodellen»: the archive's linked
        handlings in their order, then the decisions typed in, in theirs."""
        rows = [
            view.earlier_from_archive(
                self.agenda.case_label(e, with_body=True), self.meetings.get(e.meeting_id), e, public=public
            )
            for e in self.agenda.earlier_handlings(item_id)
        ]
        rows += [view.earlier_external(d, public=public) for d in self.external_decisions(item_id)]
        return rows

    def has_cover_note(self, item: m.AgendaItem) -> bool:
        attachments = self.store.find_by(m.Attachment, item_id=item.stored_id)
        return attachment_labels.has_cover_note(self.store, item, attachments)

    def label(self, item: m.AgendaItem, labels: Labels | None = None) -> str:
        """The cover note's «Vedlegg N»: by the numbering rule (`labels`, the meeting's,
        when the caller has them already), or the label that rule gives the «Toppnotat …»
        row that lists it (`attachment_labels.cover_label`); "" when it has none."""
        if labels is None:
            labels = attachment_labels.meeting_labels(self.store, self.meetings.get(item.meeting_id))
        return attachment_labels.cover_label(self.store, item, labels)

    def in_package(self, item: m.AgendaItem) -> bool:
        """Whether the package carries the cover note made from the item's record: the
        record holds one, and no «Toppnotat …» attachment brings it as a file or link of
        its own (a row with a title alone only lists it, as an imported notice does)."""
        attachments = self.store.find_by(m.Attachment, item_id=item.stored_id)
        if attached_as_file(a.title for a in attachments if a.file_id is not None or a.location):
            return False
        item_id = item.stored_id
        sections = self.store.count_by(m.CoverSection, item_id=item_id)
        earlier = self.store.count_by(m.ItemLink, item_id=item_id) + self.store.count_by(m.ExternalDecision, item_id=item_id)
        return made_from_record(item, sections=sections, earlier=earlier)

    def build(self, item_id: int, *, public: bool) -> CoverNoteDocument:
        """The cover note of an item; with `public` the exempt content is already gone."""
        item = self.agenda.item(item_id)
        if item.is_break:
            raise errors.NotFound("En pause har ikke toppnotat")
        meeting = self.meetings.get(item.meeting_id)
        return view.cover_note_document(
            self.members.body_by_id(meeting.body_id),
            meeting,
            self.agenda.case_label(item),
            item,
            presenters=self.agenda.item_people(item_id, m.PersonRole.PRESENTER),
            case_officers=self.agenda.item_people(item_id, m.PersonRole.CASE_OFFICER),
            sections=self.sections(item_id),
            earlier=self.earlier_rows(item_id, public=public),
            public=public,
        )

    def export(
        self,
        item_id: int,
        *,
        fmt: str = "docx",
        public: bool = False,
        out: Path | None = None,
        exports_dir: Path = Path("exports"),
    ) -> Path:
        """Render the cover note and write it whole; returns the path written."""
        registry.check_format(CoverNoteDocument, fmt)  # before any work, and before a folder is made for nothing
        doc = self.build(item_id, public=public)
        return write_export(registry.render(doc, fmt), view.file_name(doc, fmt), out=out, exports_dir=exports_dir)
