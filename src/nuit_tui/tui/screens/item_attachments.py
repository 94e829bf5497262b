"""The item screen's attachments: links and files, numbered by the rule («Vedlegg 4A»).

`f` picks a file (FilePickerScreen) and keeps it in the archive; `s` writes the selected
file out to exports/ under the seed's name. Reading and writing files happen off the
event loop (a worker reads, the writer stores).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import work
from textual.binding import Binding

from ...domain import models as m
from ...domain.norwegian import ParseError
from ...errors import StoreError
from ..text import DataTable
from ..widgets.confirm import ConfirmScreen
from ..writes import submit_write
from .base import ArchiveScreen


class AttachmentsTable(DataTable):
    BINDINGS = [
        Binding("n", "screen.add_attachment", "Ny lenke"),
        Binding("f", "screen.attach_file", "Legg ved fil"),
        Binding("enter", "screen.edit_attachment", "Endre vedlegg"),
        Binding("s", "screen.save_attachment_file", "Lagre filen ut"),
        Binding("delete", "screen.delete_attachment", "Fjern vedlegg"),
    ]


def size_text(size: int) -> str:
    """«812 kB», «3,4 MB»: a file's size as the table shows it."""
    if size < 1000:
        return f"{size} B"
    if size < 1000**2:
        return f"{size / 1000:.0f} kB"
    return f"{size / 1000**2:.1f} MB".replace(".", ",")


class ItemAttachments(ArchiveScreen):
    """A part of ItemScreen: the attachments table and its keys."""

    item: m.AgendaItem

    def _fill_attachments(self, select_id: int | None = None) -> None:
        table = self.query_one(AttachmentsTable)
        table.clear()
        attachments = self.archive.agenda.attachments(self.item.stored_id)
        sizes = self.archive.files.sizes(attachments)
        for attachment in attachments:
            title = attachment.title + ("  [unntatt]" if attachment.exempt else "")
            where = attachment.file_name if attachment.file_id is not None else attachment.location
            size = size_text(sizes[attachment.stored_id]) if attachment.stored_id in sizes else ""
            table.add_row(attachment.label, title, where or "", size, key=str(attachment.id))
            if attachment.id == select_id:
                table.move_cursor(row=table.row_count - 1)

    def _selected_attachment(self) -> m.Attachment | None:
        table = self.query_one(AttachmentsTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((a for a in self.archive.agenda.attachments(self.item.stored_id) if str(a.stored_id) == key), None)

    def action_add_attachment(self) -> None:
        from .attachment_form import AttachmentFormScreen

        self.app.push_screen(AttachmentFormScreen(self.item.stored_id, None), self._attachment_saved)

    def action_edit_attachment(self) -> None:
        attachment = self._selected_attachment()
        if attachment is not None:
            from .attachment_form import AttachmentFormScreen

            self.app.push_screen(AttachmentFormScreen(self.item.stored_id, attachment), self._attachment_saved)

    def _attachment_saved(self, attachment: m.Attachment | None) -> None:
        if attachment is None:
            return
        agenda, given = self.archive.agenda, attachment

        def saved(attachment: m.Attachment) -> None:
            self._fill_attachments(select_id=attachment.id)
            self.query_one(AttachmentsTable).focus()

        self.write(lambda: agenda.add_attachment(given) if given.id is None else agenda.update_attachment(given), saved)

    def action_delete_attachment(self) -> None:
        attachment = self._selected_attachment()
        if attachment is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return

            def removed(_) -> None:
                self._fill_attachments()
                self.notify(f"Fjernet {attachment.label}")

            self.write(lambda: self.archive.agenda.delete_attachment(attachment.stored_id), removed)

        self.app.push_screen(ConfirmScreen(f"Fjerne «{attachment.label}: {attachment.title}»?"), confirmed)

    # --- files ------------------------------------------------------------------------------

    def action_attach_file(self) -> None:
        from .file_picker import FilePickerScreen

        def picked(path: Path | None) -> None:
            if path is not None:
                self._attach_file(path)

        self.app.push_screen(FilePickerScreen("Legg ved fil"), picked)

    @work(exclusive=True, group="attach-file")
    async def _attach_file(self, path: Path) -> None:
        archive = self.archive
        item_id = self.item.stored_id
        try:
            content = await asyncio.to_thread(archive.files.read, path)
            added = await asyncio.wrap_future(
                submit_write(self.app, lambda: archive.files.attach_bytes(item_id, content, path.name))
            )
        except (ParseError, StoreError, OSError) as exc:
            self.notify(str(exc), title="Ikke lagt ved", severity="error")
            return
        self._fill_attachments(select_id=added.id)
        self.query_one(AttachmentsTable).focus()
        self.notify(f"{added.label} «{added.title}» er lagt ved")

    def action_save_attachment_file(self) -> None:
        attachment = self._selected_attachment()
        if attachment is None:
            return
        if attachment.file_id is None:
            self.notify(f"{attachment.label} er en lenke, ikke en fil i arkivet", severity="warning")
            return
        self._save_file(attachment.stored_id)

    @work(thread=True, exclusive=True, group="save-file")
    def _save_file(self, attachment_id: int) -> None:
        try:
            path = self.archive.files.save_out(attachment_id)
        except (StoreError, ValueError, OSError) as exc:
            self.app.call_from_thread(self.notify, f"Filen ble ikke lagret: {exc}", severity="error")
            return
        self.app.call_from_thread(self.notify, f"Filen er lagret: {path}")
