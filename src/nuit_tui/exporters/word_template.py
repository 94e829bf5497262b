"""A body's Word template checked before it is kept: a real .docx (or .dotx) that Word
documents can be built on, within a bounded size. Pure: bytes in, bytes or a refusal out."""

from __future__ import annotations

import io
import zipfile

from ..domain.norwegian import ParseError

MAX_BYTES = 10 * 1024**2  # a letterhead template with a logo is some 50 kB–2 MB
MAX_UNPACKED = 50 * 1024**2  # what its parts may unpack to (a zip bomb is refused)
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class TemplateRefused(ParseError):
    """Not a Word template nuit-tui can build on; the message is Norwegian, nothing was kept."""


def checked_template(data: bytes, name: str = "filen") -> bytes:
    """The template as kept: a .dotx is kept as the .docx it is the template of. Refused
    (TemplateRefused) when it is too large, not a Word file, or a document cannot be built on it."""
    if len(data) > MAX_BYTES:
        raise TemplateRefused(f"{name} er større enn grensen på {MAX_BYTES // 1024**2} MiB for en Word-mal")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise TemplateRefused(f"{name} er ikke et Word-dokument (.docx)")
            if sum(info.file_size for info in package.infolist()) > MAX_UNPACKED:
                raise TemplateRefused(f"{name} pakker seg ut til mer enn {MAX_UNPACKED // 1024**2} MiB")
            types = package.read("[Content_Types].xml")
            if _TEMPLATE_TYPE in types:
                data = _as_document(package, types)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        raise TemplateRefused(f"{name} er ikke et Word-dokument (.docx)") from None
    from . import _docx

    try:
        with _docx.template(data):
            _docx.to_bytes(_docx.new_document("Prøve"))
    except Exception:  # noqa: BLE001 - whatever python-docx trips on, the file is not one we can use
        raise TemplateRefused(f"{name} kan ikke brukes som Word-mal (python-docx kan ikke lese den)") from None
    return data


def _as_document(package: zipfile.ZipFile, types: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in package.infolist():
            content = package.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = types.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
            copy.writestr(info, content)
    return out.getvalue()
