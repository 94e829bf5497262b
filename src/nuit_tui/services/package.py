"""The meeting package (møtepakke): the notice, then per item (agenda order) its cover note
and its attachment files — as one PDF with bookmarks and «Side x av y» on every page, or
as a zip of separately named files for the web («Vedlegg 4A_Sak 17-23_<title>.pdf»).

The public package holds nothing exempt (`domain.openness`): an exempt item brings neither
cover note nor files, an exempt attachment is left out, and neither shows in a bookmark
or a file name. The e-mail draft calls `package_files` / `build_package`.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..documents import names
from ..domain import models as m
from ..domain.attachments import Labels
from ..domain.openness import item_content_public, may_publish
from ..exporters import registry
from ..exporters.package_pdf import Part, Section, package_pdf
from ..files import write_export
from .archive import Archive
from .attachment_labels import meeting_labels
from .notice import build_notice
from .templates import template_for

FORMATS = ("pdf", "zip")
CONVERT_SECONDS = 60  # LibreOffice on one attachment


@dataclass(frozen=True)
class PackageFile:
    """An attachment file of an item as it goes into the package."""

    item_id: int
    label: str  # «Vedlegg 4A»
    title: str
    file_name: str  # «Vedlegg 4A_Sak 17-23_Forslag til måleindikatorer.pdf»
    content: bytes
    exempt: bool = False


@dataclass(frozen=True)
class PackageItem:
    item: m.AgendaItem
    case_number: str
    cover_note: tuple[str, str, Any] | None  # bookmark, file name, Word document (python-docx's)
    files: tuple[PackageFile, ...]

    @property
    def bookmark(self) -> str:
        return f"{self.case_number} {self.item.title}".strip()


def file_stem(label: str, case_number: str, title: str) -> str:
    """«Vedlegg 4A_Sak 17-23_Forslag til måleindikatorer»: the seed's naming, in a name any
    file system takes (no «/», «\\», «:» or control characters; at most 120 characters)."""
    safe = "".join(c if c.isprintable() and c not in '/\\:*?"<>|' else " " for c in title)
    safe = " ".join(safe.split()).strip(" .")[:80].rstrip(" .")
    parts = [label.strip(), f"Sak {case_number.replace('/', '-')}" if case_number else "", safe]
    return "_".join(part for part in parts if part)[:120] or "Vedlegg"


def _cover_note(
    archive: Archive, item: m.AgendaItem, case_number: str, *, public: bool, template: bytes | None, labels: Labels
) -> tuple[str, str, Any] | None:
    """The item's cover note in Word (bookmark, file stem, document), None when it has none.
    Read through the cover notes' service (`archive.cover_notes`)."""
    notes = archive.cover_notes
    if not notes.in_package(item):
        return None
    doc = notes.build(item.stored_id, public=public)
    title = f"Toppnotat {doc.title}".strip()
    label = notes.label(item, labels)
    bookmark = f"{label}: {title}" if label else title
    return bookmark, file_stem(label or "Toppnotat", case_number, title if label else doc.title), registry.word(
        doc, template=template
    )


def stored_files(archive: Archive, meeting_id: int) -> list[PackageFile]:
    """The meeting's attachment files in agenda order, named as the seed's, read through the
    files' service where this archive keeps files (`archive.files`); links are not files."""
    files = archive.files
    found = []
    for row in archive.agenda.for_meeting(meeting_id).rows:
        if row.item.is_break:
            continue
        for attachment in archive.agenda.attachments(row.item.stored_id):
            if getattr(attachment, "file_id", None) is None:
                continue
            found.append(PackageFile(
                row.item.stored_id, attachment.label, attachment.title, files.seed_name(attachment),
                files.content(attachment), attachment.exempt,
            ))
    return found


def package_items(
    archive: Archive, meeting_id: int, *, public: bool, files: Sequence[PackageFile] | None = None
) -> list[PackageItem]:
    """The items in agenda order with what goes into the package for each, redacted for the public."""
    files = stored_files(archive, meeting_id) if files is None else files
    meeting = archive.meetings.get(meeting_id)
    template = template_for(archive, meeting.body_id)
    labels = meeting_labels(archive.store, meeting)  # once for the meeting, not once per item
    result = []
    for row in archive.agenda.for_meeting(meeting_id).rows:
        item = row.item
        if item.is_break or (public and not item_content_public(item)):
            continue
        own = tuple(f for f in files if f.item_id == item.stored_id and (not public or may_publish(f, item)))
        cover = _cover_note(archive, item, row.case_number, public=public, template=template, labels=labels)
        if cover is not None or own:
            result.append(PackageItem(item, row.case_number, cover, own))
    return result


def _converted(data: bytes, suffix: str) -> bytes | None:
    """A Word, Excel or PowerPoint file as PDF by LibreOffice, when it happens to be installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or not suffix:
        return None
    with tempfile.TemporaryDirectory(prefix="nuit-pakke-") as folder:
        source = Path(folder) / f"vedlegg{suffix}"
        source.write_bytes(data)
        try:
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{folder}/profil", "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
                check=True, capture_output=True, timeout=CONVERT_SECONDS,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        made = source.with_suffix(".pdf")
        return made.read_bytes() if made.exists() else None


def _part(file: PackageFile, *, convert: bool) -> Part:
    bookmark = f"{file.label}: {file.title}".strip(": ")
    suffix = Path(file.file_name).suffix.lower()
    if suffix == ".pdf":
        return Part(bookmark, pdf=file.content)
    converted = _converted(file.content, suffix) if convert else None
    if converted is not None:
        return Part(bookmark, pdf=converted)
    size = f"{max(1, len(file.content) // 1024)} kB"
    return Part(bookmark, placeholder=(
        f"Filen «{file.file_name}» ({size}) kan ikke vises i PDF-pakken.",
        "Den følger med som egen fil når pakken sendes eller publiseres som enkeltfiler.",
    ))


def build_package(
    archive: Archive, meeting_id: int, *, public: bool, files: Sequence[PackageFile] | None = None, convert: bool = True
) -> bytes:
    """The package as one PDF."""
    meeting = archive.meetings.get(meeting_id)
    template = template_for(archive, meeting.body_id)
    notice = registry.word(build_notice(archive, meeting_id, public=public), template=template)
    sections = []
    for entry in package_items(archive, meeting_id, public=public, files=files):
        parts = [Part(entry.cover_note[0], word=entry.cover_note[2])] if entry.cover_note else []
        parts += [_part(file, convert=convert) for file in entry.files]
        sections.append(Section(entry.bookmark, tuple(parts)))
    return package_pdf(notice, sections)


def package_files(
    archive: Archive, meeting_id: int, *, public: bool, files: Sequence[PackageFile] | None = None
) -> list[tuple[str, bytes]]:
    """The package as separately named files (notice, cover notes and attachments as PDF
    where they are ours or already PDF; other files as they are)."""
    meeting = archive.meetings.get(meeting_id)
    body = archive.members.body_by_id(meeting.body_id)
    template = template_for(archive, meeting.body_id)
    notice = build_notice(archive, meeting_id, public=public)
    number, year = meeting.ref.split("/")
    out = [(f"Innkalling_{names.slug(body.short_name)} møte {number}-{year}.pdf", registry.render(notice, "pdf", template=template))]
    for entry in package_items(archive, meeting_id, public=public, files=files):
        if entry.cover_note:
            from ..exporters.pdf import from_word

            out.append((f"{entry.cover_note[1]}.pdf", from_word(entry.cover_note[2])))
        out += [(file.file_name, file.content) for file in entry.files]
    seen: dict[str, int] = {}
    unique = []
    for name, data in out:  # two files of one name would overwrite each other in the zip
        count = seen[name] = seen.get(name, 0) + 1
        unique.append((name if count == 1 else f"{Path(name).stem} ({count}){Path(name).suffix}", data))
    return unique


def zipped(files: Sequence[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive_file:
        for name, data in files:
            archive_file.writestr(name, data)
    return buffer.getvalue()


class UnknownPackageFormat(ValueError):
    """Not pdf or zip; the message is Norwegian."""


def export_package(
    archive: Archive,
    meeting_id: int,
    *,
    fmt: str = "pdf",
    public: bool = False,
    out: Path | None = None,
    exports_dir: Path = Path("exports"),
    files: Sequence[PackageFile] | None = None,
) -> Path:
    """Write the package whole; returns the path written."""
    if fmt not in FORMATS:
        raise UnknownPackageFormat(f"Ukjent format «{fmt}» (velg {', '.join(FORMATS)})")
    meeting = archive.meetings.get(meeting_id)
    body = archive.members.body_by_id(meeting.body_id)
    if fmt == "pdf":
        data = build_package(archive, meeting_id, public=public, files=files)
    else:
        data = zipped(package_files(archive, meeting_id, public=public, files=files))
    name = names.file_name(body.short_name, meeting.ref, "pakke", public=public, fmt=fmt)
    return write_export(data, name, out=out, exports_dir=exports_dir)
