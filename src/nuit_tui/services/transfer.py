"""The whole archive as one JSON document, and back.

The document is validated by the same pydantic models as every other write,
so a hand-edited or damaged file is rejected whole and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from ..domain import models as m
from ..domain.text import clean_text
from ..store import TABLES, errors, templates
from .archive import Archive

FORMAT: Final = "nuit-tui-archive"
FORMAT_VERSION: Final = 1

# The archive's id goes into every calendar event's UID (and so into a line of the
# .ics file): a plain token, like the uuid nuit-tui makes, never text.
ARCHIVE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


class ArchiveDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["nuit-tui-archive"] = FORMAT
    format_version: Literal[1] = FORMAT_VERSION
    meta: dict[str, str] = {}
    bodies: list[m.Body] = []
    organizations: list[m.Organization] = []
    people: list[m.Person] = []
    memberships: list[m.Membership] = []
    meetings: list[m.Meeting] = []
    agenda_items: list[m.AgendaItem] = []
    item_people: list[m.ItemPerson] = []
    # Files as base64 with their SHA-256 and size, checked on import (README, «Files in JSON»).
    attachment_files: list[m.AttachmentFile] = []
    attachments: list[m.Attachment] = []
    item_links: list[m.ItemLink] = []
    cover_sections: list[m.CoverSection] = []
    external_decisions: list[m.ExternalDecision] = []
    attendance: list[m.Attendance] = []
    remarks: list[m.Remark] = []
    follow_ups: list[m.FollowUp] = []
    minutes_unlocks: list[m.MinutesUnlock] = []
    deadlines: list[m.Deadline] = []
    deadline_rules: list[m.DeadlineRule] = []
    # A body's Word template (base64), checked as one on import.
    body_templates: list[m.BodyTemplate] = []

    @field_validator("meta")
    @classmethod
    def _meta(cls, meta: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        meta = {clean_text(key): clean_text(value) for key, value in meta.items()}
        archive_id = meta.get("archive_id")
        stored = bool(info.context and info.context.get("stored"))
        if archive_id is not None and not stored and not ARCHIVE_ID.fullmatch(archive_id):
            raise ValueError("archive_id kan bare ha bokstavene A–Z, sifre, «.», «-» og «_» (høyst 100 tegn)")
        return meta


assert set(ArchiveDocument.model_fields) >= set(TABLES.values()), "every table is in the document"


class ImportRejected(errors.StoreError):
    """The JSON document cannot be imported; nothing was written."""


def export_document(archive: Archive) -> ArchiveDocument:
    # What the file holds is exported as it is (an id imported by an older version too).
    return ArchiveDocument.model_validate(
        {"meta": archive.store.meta(), **archive.store.dump(), "body_templates": templates.all_templates(archive.store)},
        context=m.STORED,
    )


def export_json(archive: Archive) -> str:
    return export_document(archive).model_dump_json(indent=2) + "\n"


def parse_document(text: str | bytes | bytearray) -> ArchiveDocument:
    from ..importers.bounded import InputRefused, check_json_depth

    try:
        check_json_depth(text)  # before parsing: a deep document is refused, not a RecursionError
        data = json.loads(text)
    except InputRefused as exc:
        raise ImportRejected(str(exc)) from None
    except RecursionError:
        raise ImportRejected("Dokumentet er for dypt nestet; ingenting ble importert") from None
    except UnicodeDecodeError:
        raise ImportRejected("Filen er ikke tekst i UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ImportRejected(f"Filen er ikke gyldig JSON (linje {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRejected("Filen er ikke en nuit-tui-eksport (mangler \"format\": \"nuit-tui-archive\")")
    if data.get("format_version") != FORMAT_VERSION:
        raise ImportRejected(f"Ukjent formatversjon {data.get('format_version')!r}; denne nuit-tui leser versjon {FORMAT_VERSION}")
    try:
        document = ArchiveDocument.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ImportRejected(f"Ugyldig innhold i {where}: {first['msg']} ({exc.error_count()} feil i alt)") from None
    except TypeError:  # a model's rule compared a time with a UTC offset to one without
        raise ImportRejected("Ugyldig innhold: et klokkeslett har tidssone; tidene i arkivet er lokale") from None
    _check_storable(document)
    _check_templates(document)
    return document


def _check_storable(document: ArchiveDocument) -> None:
    """What pydantic lets through but SQLite or the archive's rules cannot hold."""
    for table in TABLES.values():
        for index, record in enumerate(getattr(document, table)):
            for name, value in record:
                if isinstance(value, int) and not -(2**63) <= value < 2**63:
                    raise ImportRejected(f"Ugyldig innhold i {table}.{index}.{name}: tallet er for stort")
                if isinstance(value, dt.time) and value.tzinfo is not None:
                    raise ImportRejected(f"Ugyldig innhold i {table}.{index}.{name}: klokkeslettet har tidssone; tidene i arkivet er lokale")


def _check_templates(document: ArchiveDocument) -> None:
    """Each body's Word template must be one a document can be built on, as when it is set."""
    from ..exporters.word_template import TemplateRefused, checked_template

    bodies = {body.id for body in document.bodies}
    for index, template in enumerate(document.body_templates):
        where = f"body_templates.{index}"
        if template.body_id not in bodies:
            raise ImportRejected(f"Ugyldig innhold i {where}: utvalg {template.body_id} finnes ikke i filen")
        try:
            template.content = checked_template(template.content, template.file_name)
        except TemplateRefused as exc:
            raise ImportRejected(f"Ugyldig innhold i {where}: {exc}") from None


def import_json(archive: Archive, text: str | bytes | bytearray) -> dict[str, int]:
    """Load a document into an empty archive; returns how many rows of each kind."""
    return import_document(archive, parse_document(text))


def import_document(archive: Archive, document: ArchiveDocument) -> dict[str, int]:
    """Load a parsed document into an empty archive (one transaction: all or nothing)."""
    tables = {table: getattr(document, table) for table in TABLES.values()}
    archive.store.load(tables, document.meta, document.body_templates)
    return {table: len(rows) for table, rows in tables.items()} | {"body_templates": len(document.body_templates)}
