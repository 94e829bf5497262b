"""Attachment files: kept inside the archive, attached to an item, saved out, and a
meeting's files in agenda order for a package or an e-mail.

A file is read within a stated limit (`FILE_MAX_BYTES`, through `importers.bounded`)
and stored once per content (SHA-256) in the archive, so that backups, restore and the
JSON export carry it. Exempt files never reach a public package (`domain.openness`).
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path, PurePath

from ..documents import names
from ..domain import models as m
from ..domain.openness import may_publish
from ..domain.text import clean_text
from ..files import write_export
from ..importers.bounded import InputRefused, MiB, read_bounded
from ..store import ArchiveStore, errors
from ..store.attachment_files import file_content, file_facts, put_file
from .agenda import AgendaService
from .meetings import Meetings

# A file larger than this is refused: the archive is one SQLite file that is backed up
# daily and shared, and an attachment of a council's package is rarely above 20 MB.
FILE_MAX_BYTES = 100 * MiB
DEFAULT_MEDIA_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class PackageFile:
    """A file of the meeting's package, named as the seed names them."""

    label: str  # "Vedlegg 4A"
    file_name: str  # "Vedlegg 4A_Sak 17-23_Notat.pdf"
    content: bytes
    media_type: str
    exempt: bool  # the attachment or its item: only ever True in an internal package


def media_type_of(file_name: str) -> str:
    return mimetypes.guess_type(file_name, strict=False)[0] or DEFAULT_MEDIA_TYPE


def title_from_file_name(file_name: str) -> str:
    """«Notat_Oppdrag om indikatorer TB 2023.pdf» → «Notat_Oppdrag om indikatorer TB 2023»."""
    stem = PurePath(file_name).stem if names.extension(file_name) else file_name
    return " ".join(clean_text(stem).split()) or "Vedlegg"


class AttachmentFiles:
    """Files attached to items, kept in the archive."""

    def __init__(self, store: ArchiveStore, meetings: Meetings, agenda: AgendaService):
        self.store = store
        self.meetings = meetings
        self.agenda = agenda

    def read(self, path: Path) -> bytes:
        """The file's bytes, within the limit; one Norwegian line when refused."""
        path = Path(path)
        if not path.name:
            raise InputRefused(f"«{path}» er ikke en fil")
        try:
            data = read_bounded(path, FILE_MAX_BYTES)
        except InputRefused as exc:
            raise InputRefused(str(exc).replace("ingenting ble importert", "ingenting ble lagt ved")) from None
        if not data:
            raise InputRefused(f"{path} er tom; ingenting ble lagt ved")
        return bytes(data)

    def attach_file(self, item_id: int, path: Path, *, title: str | None = None, exempt: bool = False) -> m.Attachment:
        """Read a file and attach it to the item (one transaction); the title defaults
        to the file's name without its extension."""
        path = Path(path)
        self.agenda.item(item_id)  # a missing item is refused before the file is read
        return self.attach_bytes(item_id, self.read(path), path.name, title=title, exempt=exempt)

    def attach_bytes(
        self, item_id: int, content: bytes, file_name: str, *, title: str | None = None, exempt: bool = False
    ) -> m.Attachment:
        file_name = " ".join(clean_text(file_name).split()) or "vedlegg"  # made safe when written out
        if len(content) > FILE_MAX_BYTES:
            raise InputRefused(f"{file_name} er større enn grensen på 100 MiB; ingenting ble lagt ved")
        title = " ".join(clean_text(title or "").split()) or title_from_file_name(file_name)
        with self.store.write():
            file_id = put_file(self.store, content)
            attachment = m.Attachment(
                item_id=item_id, title=title, exempt=exempt, file_id=file_id, file_name=file_name, media_type=media_type_of(file_name)
            )
            return self.agenda.add_attachment(attachment)

    def content(self, attachment: m.Attachment) -> bytes:
        if attachment.file_id is None:
            raise errors.NotFound(f"{attachment.label or 'Vedlegget'} er en lenke, ikke en fil i arkivet")
        return file_content(self.store, attachment.file_id)

    def sizes(self, attachments: list[m.Attachment]) -> dict[int, int]:
        """attachment id -> the size of its file, for the files among them."""
        facts = file_facts(self.store, [a.file_id for a in attachments])
        return {a.stored_id: facts[a.file_id][0] for a in attachments if a.file_id in facts}

    def seed_name(self, attachment: m.Attachment) -> str:
        """The file name the package gives it: «Vedlegg 4A_Sak 17-23_<tittel>.pdf»."""
        item = self.agenda.item(attachment.item_id)
        return names.attachment_file_name(
            attachment.label, self.agenda.case_label(item), attachment.title, names.extension(attachment.file_name or "")
        )

    def save_out(self, attachment_id: int, *, out: Path | None = None, exports_dir: Path = Path("exports")) -> Path:
        """Write an attachment's file out, under its seed name in `exports_dir` unless `out`."""
        attachment = self.labelled(attachment_id)
        return write_export(self.content(attachment), self.seed_name(attachment), out=out, exports_dir=exports_dir)

    def labelled(self, attachment_id: int) -> m.Attachment:
        stored = self.store.get(m.Attachment, attachment_id)
        return next(a for a in self.agenda.attachments(stored.item_id) if a.id == attachment_id)

    def meeting_files(self, meeting_id: int, *, public: bool) -> list[PackageFile]:
        """The meeting's attached files in agenda order, labelled and named as the seed;
        with `public`, nothing exempt (the attachment or its item, `domain.openness`)."""
        files = []
        for row in self.agenda.for_meeting(meeting_id).rows:
            item = row.item
            if item.is_break:
                continue
            for attachment in self.agenda.attachments(item.stored_id):
                if attachment.file_id is None or (public and not may_publish(attachment, item)):
                    continue
                name = names.attachment_file_name(
                    attachment.label, row.case_number, attachment.title, names.extension(attachment.file_name or "")
                )
                files.append(
                    PackageFile(
                        attachment.label,
                        name,
                        self.content(attachment),
                        attachment.media_type or DEFAULT_MEDIA_TYPE,
                        not may_publish(attachment, item),
                    )
                )
        return files

    def export_meeting_files(self, meeting_id: int, folder: Path, *, public: bool) -> list[Path]:
        """Write the meeting's files into `folder` (made when missing), each whole."""
        folder = Path(folder)
        files = self.meeting_files(meeting_id, public=public)
        written = []
        for package_file in files:
            written.append(write_export(package_file.content, package_file.file_name, out=None, exports_dir=folder))
        return written

    def default_folder(self, meeting_id: int, *, public: bool, exports_dir: Path = Path("exports")) -> Path:
        meeting = self.meetings.get(meeting_id)
        body = self.meetings.members.body_by_id(meeting.body_id)
        name = names.file_name(body.short_name, meeting.ref, "vedlegg", public=public, fmt="x").removesuffix(".x")
        return Path(exports_dir) / name
