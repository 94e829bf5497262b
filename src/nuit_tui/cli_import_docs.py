"""The command line's import of past meeting documents.

`nuit-tui import notice|minutes|cover-note FILE --body NUIT [--dry-run] [--json]` and
`nuit-tui import folder DIR --body NUIT [--dry-run] [--json]`; registered by cli.build_parser.
Exit codes: 0 imported (or nothing to do), 2 bad input (nothing changed), 3 imported
but the archive holds something different somewhere (the conflicts are reported and
left as the archive has them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cli_common import EXIT_OK, UsageError, db_path, open_archive, say

if TYPE_CHECKING:
    from .importers.meeting_record import DocumentKind, ReadDocument
    from .services import Archive
    from .services.import_plan import AttendancePlan, ImportPlan, ItemPlan

EXIT_CONFLICTS = 3


def _body(archive: Archive, short_name: str) -> None:
    from .store import errors

    try:
        archive.members.body(short_name)
    except errors.NotFound:
        raise UsageError(f"Finner ikke utvalget «{short_name}» i arkivet") from None


def _conflict(where: str, name: str, read: str, archive: str) -> str:
    """«  konflikt, sak 3/23 · Vedtak: dokumentet «…», arkivet «…»» (field and values in
    Norwegian; long values from where they part, `import_plan.conflict_excerpts`)."""
    from .domain.labels import field_label, value_label
    from .services.import_plan import conflict_excerpts

    read, archive = conflict_excerpts(value_label(name, read), value_label(name, archive))
    return f"  konflikt, {where} · {field_label(name)}: dokumentet «{read}», arkivet «{archive}»"


def _summary(plan: ImportPlan, *, dry_run: bool) -> list[str]:
    from .services.import_plan import CONFLICT, MERGE_LABELS

    lines = []
    source = plan.document.source or "dokumentet"
    for mp in plan.meetings:
        counts: dict[str, int] = {}
        parts: list[ItemPlan | AttendancePlan] = [*mp.items, *mp.attendance]
        for part in parts:
            counts[part.merge] = counts.get(part.merge, 0) + 1
        said = ", ".join(f"{n} {MERGE_LABELS[k]}" for k, n in counts.items())
        lines.append(f"{source}: {plan.body} møte {mp.read.number} ({MERGE_LABELS[mp.merge]}): {said or 'ingen deler'}")
        lines += [_conflict(f"møte {mp.read.number}", f.name, f.read, f.archive) for f in mp.fields if f.merge == CONFLICT]
        for item in mp.items:
            where = f"sak {item.read.case}" if item.read.case else f"«{item.read.title}»"
            lines += [_conflict(where, f.name, f.read, f.archive) for f in item.conflicts]
            for remark in item.remark_conflicts:
                said_by = f"Innspill fra {remark.read.speaker}" if remark.read.speaker else "Innspill"
                lines.append(f"  konflikt, {where} · {said_by}: dokumentet «{remark.read.text}», arkivet «{remark.archive}»")
        for row in mp.attendance:
            lines += [_conflict(f"oppmøte {row.read.name}", f.name, f.read, f.archive) for f in row.fields if f.merge == CONFLICT]
    for cn in plan.cover_notes:
        lines.append(f"{source}: toppnotat sak {cn.read.case} ({MERGE_LABELS[cn.merge]})")
        lines += [_conflict(f"toppnotat sak {cn.read.case}", f.name, f.read, f.archive) for f in cn.fields if f.merge == CONFLICT]
    lines += [f"  rettet: «{r.original}» → «{r.repaired}» ({r.where}; {r.reason})" for r in plan.document.repairs]
    lines += [f"  advarsel: {w}" for w in plan.warnings]
    lines.append("Tørrkjøring: ingenting er lagret" if dry_run else "")
    return [line for line in lines if line]


def _import_one(archive: Archive, document: ReadDocument, body: str, *, dry_run: bool) -> tuple[ImportPlan, int]:
    plan = archive.imports.plan(document, body)
    if dry_run:
        return plan, 0
    return plan, archive.imports.apply(plan).changed


def cmd_import_document(kind: DocumentKind) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from .services.import_files import read_document

        document = read_document(Path(args.file), kind)  # a bad file is refused before the archive is opened
        archive = open_archive(db_path(args), create=False)
        try:
            _body(archive, args.body)
            plan, changed = _import_one(archive, document, args.body, dry_run=args.dry_run)
        finally:
            archive.close()
        if args.json:
            say(json.dumps(plan.to_json(), ensure_ascii=False, indent=2))
        else:
            for line in _summary(plan, dry_run=args.dry_run):
                say(line)
            if not args.dry_run:
                say(f"Lagret {changed} endringer" if changed else "Ingen endringer: arkivet hadde alt dette")
        return EXIT_CONFLICTS if plan.conflicts else EXIT_OK

    return run


def _progress(done: int, total: int, name: str) -> None:
    """A plain progress bar on stderr, redrawn in place (only on a terminal)."""
    if not sys.stderr.isatty():
        return
    width = 30
    filled = width * done // max(total, 1)
    shown = name if len(name) <= 40 else name[:37] + "…"
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {shown:<40}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


_KIND_ORDER = {"notice": 0, "minutes": 1, "cover_note": 2}


def _order(document: ReadDocument) -> tuple[dt.date, int]:
    """Older meetings first, and a meeting's notice before its minutes and cover notes."""
    day = min((mt.date for mt in document.meetings), default=None) or min((cn.date for cn in document.cover_notes if cn.date), default=dt.date.max)
    return day, _KIND_ORDER.get(document.kind, 3)


def _without_name(name: str, why: str) -> str:
    """Why a file could not be read, without the file's name in front: the report names it
    («kunne ikke leses: x.docx: x.docx er ikke …» said it twice)."""
    for prefix in (f"{name}: ", f"{name} "):
        if why.startswith(prefix):
            return why[len(prefix) :]
    return why


def cmd_import_folder(args: argparse.Namespace) -> int:
    from .domain.norwegian import ParseError
    from .services.import_files import KIND_WORDS, FolderReport, folder_files, iter_read
    from .store import errors

    files = folder_files(Path(args.dir))
    if not files:
        raise UsageError(f"Ingen .docx, .pdf, .txt eller .json i {args.dir}")
    archive = open_archive(db_path(args), create=False)
    report = FolderReport()
    started = time.perf_counter()
    plans: list[dict[str, Any]] = []
    try:
        _body(archive, args.body)
        read: list[tuple[Path, ReadDocument]] = []
        for index, (path, document, why) in enumerate(iter_read(files), start=1):
            _progress(index, len(files) * 2, path.name)
            if document is None:
                report.failed.append((path.name, _without_name(path.name, why)))
            else:
                read.append((path, document))
        read.sort(key=lambda pair: _order(pair[1]))
        for index, (path, document) in enumerate(read, start=len(files) + 1):
            _progress(index if index < len(files) + len(read) else len(files) * 2, len(files) * 2, path.name)
            try:
                plan, changed = _import_one(archive, document, args.body, dry_run=args.dry_run)
            except (ParseError, errors.StoreError, ValueError) as exc:  # one bad file is listed, the others go on
                report.failed.append((path.name, " ".join(str(exc).split())))
                continue
            report.imported.append((path.name, KIND_WORDS[document.kind], changed, plan.conflicts))
            report.repairs += len(plan.document.repairs)
            report.warnings += [f"{path.name}: {w}" for w in plan.warnings]
            if args.json:
                plans.append({"file": path.name, "kind": document.kind, **plan.to_json()})
        if not read:
            _progress(len(files) * 2, len(files) * 2, "")
    finally:
        archive.close()
    seconds = time.perf_counter() - started
    if args.json:
        say(json.dumps({"documents": plans, "failed": [{"file": f, "error": e} for f, e in report.failed]}, ensure_ascii=False, indent=2))
    else:
        verb = "Lest (tørrkjøring)" if args.dry_run else "Importert"
        say(f"{verb}: {len(report.imported)} av {len(files)} filer på {seconds:.1f} s; {report.repairs} rettelser, {report.conflicts} konflikter")
        for name, kind, changed, conflicts in report.imported:
            say(f"  {name} ({kind}): {changed} endringer" + (f", {conflicts} konflikter" if conflicts else ""))
        for warning in report.warnings:
            say(f"  advarsel: {warning}")
        for name, why in report.failed:
            say(f"  kunne ikke leses: {name}: {why}")
    return EXIT_CONFLICTS if report.conflicts else EXIT_OK


def add_commands(command: Callable[..., argparse.ArgumentParser], export_kinds: Any, import_kinds: Any) -> None:
    del command, export_kinds  # the import subcommands hang under «import»
    kinds: tuple[tuple[str, DocumentKind, str], ...] = (
        ("notice", "notice", "en innkalling med saksliste og forslag til vedtak"),
        ("minutes", "minutes", "et referat med oppmøte, innspill og vedtak"),
        ("cover-note", "cover_note", "et toppnotat med tabellen over tidligere vedtak"),
    )
    for name, kind, what in kinds:
        sub = import_kinds.add_parser(name, help=f"{what} (.docx, .pdf med tekstlag, .txt)")
        sub.add_argument("file", help="dokumentet")
        _common(sub)
        sub.set_defaults(func=cmd_import_document(kind))
    folder = import_kinds.add_parser("folder", help="alle innkallinger, referat og toppnotater i en mappe (typen finnes per fil)")
    folder.add_argument("dir", help="mappen")
    _common(folder)
    folder.set_defaults(func=cmd_import_folder)


def _common(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
    sub.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
    sub.add_argument("--dry-run", action="store_true", help="vis hva som ville skjedd, lagre ingenting")
    sub.add_argument("--json", action="store_true", help="alt som ble lest, med flettestatus per del, som JSON")
