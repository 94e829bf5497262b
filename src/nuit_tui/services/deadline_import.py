"""Import the deadlines of a steering document's "Frist | Beskrivelse" table.

Re-importing is safe. A deadline is the same row again when it has the same source
and body and the same row text (its original first line without the date,
normalised, see `row_key`):
1. same text and same date: the same row (unchanged, or its later lines changed);
2. same text, date moved: paired in date order ("Oppfølgingsmøte" moved a week);
3. same date, text changed: paired when it is the only such row on both sides.
What is left in the document is added, unless the archive already holds that deadline
from another source (the same table imported under another name): same body, same
date and same title as `domain.year_plan.deadline_identity` compares them. Such a row
is reported as already there and not added again. Deadlines of the source no longer in the
document are reported, never deleted: a person may have worked on them.

A matched row whose date and original text are as stored is left alone, so edits
made in the app (a better title, a person responsible) survive a re-import.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..domain import models as m
from ..domain.norwegian import ParseError
from ..domain.year_plan import deadline_identity
from ..importers.deadline_table import ParsedDeadline, Rejected, parse_deadline_table, row_key
from ..store import errors
from ..store import year_plan as year_plan_queries

if TYPE_CHECKING:
    from .archive import Archive

Status = Literal["added", "updated", "unchanged", "already"]  # already: there from another source


@dataclass(frozen=True)
class ImportedRow:
    row: ParsedDeadline
    status: Status
    deadline_id: int | None  # None: would be added (dry run)


@dataclass(frozen=True)
class ImportReport:
    year: int
    source: str
    body_id: int | None
    rows: list[ImportedRow]
    rejected: list[Rejected]
    missing: list[m.Deadline] = field(default_factory=list)  # of the source, no longer in the document
    dry_run: bool = False

    def _count(self, status: Status) -> int:
        return sum(r.status == status for r in self.rows)

    @property
    def added(self) -> int:
        return self._count("added")

    @property
    def updated(self) -> int:
        return self._count("updated")

    @property
    def unchanged(self) -> int:
        return self._count("unchanged")

    @property
    def already(self) -> list[ImportedRow]:
        """The rows the archive held already from another source (not added)."""
        return [r for r in self.rows if r.status == "already"]


def find_body(archive: Archive, name: str | None) -> m.Body | None:
    """A body by its short name or its name (None: the deadlines are every body's)."""
    if name is None or not name.strip():
        return None
    wanted = name.strip().casefold()
    for body in archive.members.bodies():
        if wanted in (body.short_name.casefold(), body.name.casefold()):
            return body
    raise errors.NotFound(f"Fant ikke utvalget «{name.strip()}»")


def import_deadlines(
    archive: Archive,
    text: str,
    *,
    year: int | None = None,
    body: str | None = None,
    source: str | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Add or update the document's deadlines, all in one transaction (none when dry_run)."""
    parsed = parse_deadline_table(text, year=year, source=source)
    found_body = find_body(archive, body)
    body_id = found_body.id if found_body else None
    store = archive.store
    with contextlib.nullcontext() if dry_run else store.write():
        existing = year_plan_queries.imported_deadlines(store, parsed.source, body_id)
        pairs = _match(parsed.rows, existing)
        elsewhere = _other_sources(archive, parsed.source, body_id)
        outcomes: list[ImportedRow] = []
        for index, row in enumerate(parsed.rows):
            old = pairs.get(index)
            if old is None and (twin := elsewhere.get(deadline_identity(row.date, row.title))) is not None:
                outcomes.append(ImportedRow(row, "already", twin.id))
            elif old is None:
                deadline_id = None if dry_run else store.insert(_new_deadline(row, body_id)).id
                outcomes.append(ImportedRow(row, "added", deadline_id))
            elif old.date == row.date and old.original_text == row.original_text:
                outcomes.append(ImportedRow(row, "unchanged", old.id))
            else:
                if not dry_run:
                    store.update(old.model_copy(update=_fields(row)))
                outcomes.append(ImportedRow(row, "updated", old.id))
    paired = {d.id for d in pairs.values()}
    missing = [d for d in existing if d.id not in paired]
    return ImportReport(parsed.year, parsed.source, body_id, outcomes, parsed.rejected, missing, dry_run)


def _other_sources(archive: Archive, source: str, body_id: int | None) -> dict[tuple[dt.date, str], m.Deadline]:
    """The body's deadlines from any other source (or typed in), by `deadline_identity`."""
    others = year_plan_queries.deadlines_of_other_sources(archive.store, source, body_id)
    found: dict[tuple[dt.date, str], m.Deadline] = {}
    for deadline in others:
        found.setdefault(deadline_identity(deadline.date, deadline.title), deadline)
    return found


def _fields(row: ParsedDeadline) -> dict:
    return {
        "date": row.date,
        "title": row.title,
        "description": row.description,
        "category": row.category,
        "original_text": row.original_text,
    }


def _new_deadline(row: ParsedDeadline, body_id: int | None) -> m.Deadline:
    return m.Deadline(body_id=body_id, source=row.source, **_fields(row))


def _match(rows: list[ParsedDeadline], existing: list[m.Deadline]) -> dict[int, m.Deadline]:
    """Row index -> the stored deadline it is (see the module's docstring)."""
    row_keys = [row_key(row.original_text) for row in rows]
    old_keys = [row_key(d.original_text) for d in existing]
    pairs: dict[int, m.Deadline] = {}
    used: set[int] = set()

    def pair(i: int, j: int) -> None:
        pairs[i] = existing[j]
        used.add(j)

    # 1. Same text, same date.
    for i, row in enumerate(rows):
        for j, old in enumerate(existing):
            if j not in used and old_keys[j] == row_keys[i] and old.date == row.date:
                pair(i, j)
                break
    # 2. Same text, another date: the n-th such row in date order is the n-th stored one.
    new_by_key: dict[str, list[int]] = defaultdict(list)
    old_by_key: dict[str, list[int]] = defaultdict(list)
    for i in sorted((i for i in range(len(rows)) if i not in pairs), key=lambda i: (rows[i].date, i)):
        new_by_key[row_keys[i]].append(i)
    for j in (j for j in range(len(existing)) if j not in used):
        old_by_key[old_keys[j]].append(j)
    for key, new in new_by_key.items():
        for i, j in zip(new, old_by_key.get(key, []), strict=False):
            pair(i, j)
    # 3. Same date, reworded: only when it is the one row of that date left on both sides.
    new_by_date: dict[dt.date, list[int]] = defaultdict(list)
    old_by_date: dict[dt.date, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        if i not in pairs:
            new_by_date[rows[i].date].append(i)
    for j in range(len(existing)):
        if j not in used:
            old_by_date[existing[j].date].append(j)
    for date, new_rows in new_by_date.items():
        old_rows = old_by_date.get(date, [])
        if len(new_rows) == 1 and len(old_rows) == 1:
            pair(new_rows[0], old_rows[0])
    return pairs


# --- the document and the report, for the command line ------------------------------


class DocumentUnreadable(ParseError):
    """The file is missing or is not text."""


def read_document(path: Path) -> str:
    """The document's text: UTF-8, or Windows-1252 as older Norwegian text files are;
    within the size limit for text documents (`importers.bounded`)."""
    from ..importers.bounded import TEXT_MAX_BYTES, InputRefused, read_bounded

    try:
        data = read_bounded(path, TEXT_MAX_BYTES)
    except InputRefused as exc:
        raise DocumentUnreadable(str(exc)) from None
    if b"\x00" in data:
        raise DocumentUnreadable(f"{path} er ikke en tekstfil (lagre dokumentet som tekst først)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise DocumentUnreadable(f"{path} er ikke en tekstfil i UTF-8") from None


def deadline_summary(report: ImportReport) -> str:
    """A few Norwegian lines: the counts, then each rejected line and why."""
    lines = [
        f"{report.source} ({report.year}): {report.added} lagt til, {report.updated} oppdatert, "
        f"{report.unchanged} uendret, "
        + (f"{len(report.already)} fantes fra før, " if report.already else "")
        + f"{len(report.rejected)} avvist"
        + (" – prøvekjøring, ingenting er lagret" if report.dry_run else "")
    ]
    lines += [
        f"fantes fra før (ikke lagt til igjen): {r.row.date.isoformat()} {r.row.title}" for r in report.already
    ]
    lines += [f"avvist linje {r.line_number}: {r.reason}: «{r.text}»" for r in report.rejected]
    if report.missing:
        lines.append(
            f"{len(report.missing)} frist(er) fra denne kilden står ikke lenger i dokumentet (ikke slettet): "
            + "; ".join(f"{d.date.isoformat()} {d.title}" for d in report.missing)
        )
    return "\n".join(lines)


def deadline_report_json(report: ImportReport) -> str:
    """The rows as read (ISO dates), what became of each, and the rejected lines."""
    document = {
        "year": report.year,
        "source": report.source,
        "dry_run": report.dry_run,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "already": len(report.already),
        "rows": [
            {
                "date": r.row.date.isoformat(),
                "title": r.row.title,
                "description": r.row.description,
                "category": r.row.category,
                "source": r.row.source,
                "line": r.row.line_number,
                "repaired": r.row.repaired,
                "original_text": r.row.original_text,
                "status": r.status,
                "deadline_id": r.deadline_id,
            }
            for r in report.rows
        ],
        "rejected": [{"line": r.line_number, "text": r.text, "reason": r.reason} for r in report.rejected],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
