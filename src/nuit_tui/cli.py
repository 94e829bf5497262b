"""The command line: thin calls into the same services the TUI uses.

Errors are one line on stderr: exit 2 for bad usage or bad input, 1 for other
failures, never a traceback (set NUIT_DEBUG=1 to see one).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .cli_app import app_only, cmd_app, cmd_demo
from .cli_common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, db_path, format_for_out, open_archive, say, year_arg
from .domain.text import clean_text

if TYPE_CHECKING:  # `nuit-tui` alone opens the app without argparse (`app_only`): 3 ms of the first paint
    import argparse

# The formats of a notice and the minutes on the command line, the default first.
_DOCUMENT_FORMATS = ["docx", "pdf", "md", "html"]

# Options that name files: taken as given (a file's name is the file's, not our text).
_PATH_OPTIONS = frozenset({"db", "out", "file", "dir"})


def _clean_options(args: argparse.Namespace) -> argparse.Namespace:
    """The archive's input rule (`clean_text`) on every text option, once, before any
    command reads them: --source is stored, the others are compared with stored text."""
    for name, value in vars(args).items():
        if isinstance(value, str) and name not in _PATH_OPTIONS:
            setattr(args, name, clean_text(value))
    return args


def _refuse_non_regular_db(args: argparse.Namespace) -> None:
    """A FIFO, a device or a folder as --db (or NUIT_DB) is refused before anything opens
    it: reading a FIFO would wait forever."""
    named = getattr(args, "db", None) or os.environ.get("NUIT_DB")
    if named:
        from .store.connection import refuse_non_regular

        refuse_non_regular(Path(named))


# --- commands ------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from .store import TABLES, check_file
    from .store.row_check import invalid_rows

    path = db_path(args)
    result = check_file(path, list(TABLES.values()))
    if not result.sound:
        say(f"{path}: {result.problems[0]}" + (f" (+{len(result.problems) - 1} til)" if len(result.problems) > 1 else ""), err=True)
        return EXIT_FAILURE
    if result.report.pending or not result.report.applied:
        invalid: list[str] = []  # an older schema: its rows are read after the upgrade
    else:
        invalid = invalid_rows(path)
    if invalid:
        say(f"{path}: filen er hel, men {len(invalid)} rad(er) har verdier arkivet ikke godtar; rett dem i appen:", err=True)
        for line in invalid:
            say(f"  {line}", err=True)
        return EXIT_FAILURE
    schema = result.report.applied[-1] if result.report.applied else "ingen"
    pending = f", {len(result.report.pending)} oppgradering(er) venter" if result.report.pending else ""
    summary = ", ".join(f"{table} {count}" for table, count in result.counts.items() if count)
    read_only = f"; skrivebeskyttet: {result.report.read_only}" if result.report.read_only else ""
    say(f"OK: {path} (skjema {schema}{pending}; {summary or 'tom'}{read_only})")
    return EXIT_OK


def cmd_export_json(args: argparse.Namespace) -> int:
    from .services.transfer import export_json

    format_for_out(None, args.out, "json")  # x.docx is refused before the archive is read
    archive = open_archive(db_path(args), create=False)
    try:
        text = export_json(archive)
    finally:
        archive.close()
    _emit(text.encode("utf-8"), args.out)
    return EXIT_OK


def _export_meeting_document(args: argparse.Namespace, export, after=None) -> int:
    """Write a meeting's notice or minutes; `after(archive, meeting)` may add lines for
    stderr («advarsel: …», «merk: …»)."""
    from .exporters import glyphs
    from .exporters.registry import UnknownFormat

    fmt = format_for_out(args.format, args.out, "docx", _DOCUMENT_FORMATS)  # refused before the file is opened
    archive = open_archive(db_path(args), create=False)
    warnings: list[str] = []
    try:
        meeting = archive.meetings.find(args.body, args.meeting)
        try:
            with glyphs.collecting() as missing:
                path = export(archive, meeting.id, fmt=fmt, public=args.public, out=Path(args.out) if args.out else None)
        except (UnknownFormat, FileNotFoundError) as exc:
            raise UsageError(str(exc).strip("'\"")) from None
        if after is not None:
            warnings += after(archive, meeting)
        if missing:
            warnings.append(f"advarsel: {glyphs.warning(missing)}")
    finally:
        archive.close()
    for warning in warnings:
        say(warning, err=True)
    say(path)
    return EXIT_OK


def cmd_export_notice(args: argparse.Namespace) -> int:
    from .services.notice import export_notice

    return _export_meeting_document(args, export_notice)


def cmd_export_minutes(args: argparse.Namespace) -> int:
    from .services.minutes import check_minutes, export_minutes

    # Minutes with gaps are still written: the secretariat decides, warned; what is only
    # worth a second look (a member absent without notice) is a note, as check-minutes says.
    return _export_meeting_document(
        args, export_minutes, after=lambda archive, meeting: [
            f"{'advarsel' if p.blocking else 'merk'}: {p.message}" for p in check_minutes(archive, meeting.id)
        ]
    )


def cmd_export_wheel(args: argparse.Namespace) -> int:
    year = year_arg(args.year)  # bad input is refused before the file is opened
    format_for_out(None, args.out, "svg")  # w.png is not an SVG's name
    archive = open_archive(db_path(args), create=False)
    try:
        body_id = archive.members.body(args.body).id if args.body else None
        year = year or archive.year_plan.default_year(body_id)
        try:
            path = archive.year_plan.export_wheel(year, body_id=body_id, public=args.public, out=Path(args.out) if args.out else None)
        except FileNotFoundError as exc:
            raise UsageError(str(exc).strip("'\"")) from None
    finally:
        archive.close()
    say(path)
    return EXIT_OK


def _check_meeting(args: argparse.Namespace, check, ok: str) -> int:
    """A check before a meeting's document goes out: each problem a line (through `say`:
    stored titles are printed as text), a note («Merk: …», a problem whose `blocking` is
    false) too; exit 1 if anything blocks, else the OK line (after the notes)."""
    archive = open_archive(db_path(args), create=False)
    try:
        meeting = archive.meetings.find(args.body, args.meeting)
        body = archive.members.body_by_id(meeting.body_id)
        problems = check(archive, meeting.stored_id)
    finally:
        archive.close()
    for problem in problems:
        say(problem.message if problem.blocking else f"Merk: {problem.message}")
    if any(problem.blocking for problem in problems):
        return EXIT_FAILURE
    say(ok.format(body=body.short_name, ref=meeting.ref))
    return EXIT_OK


def cmd_check_minutes(args: argparse.Namespace) -> int:
    from .services.minutes import check_minutes

    return _check_meeting(args, check_minutes, "OK: referatet fra {body} {ref} har ingen mangler")


def cmd_check_notice(args: argparse.Namespace) -> int:
    from .services.notice import check_notice

    return _check_meeting(args, check_notice, "OK: innkallingen til {body} {ref} kan sendes")


def cmd_import_json(args: argparse.Namespace) -> int:
    from .importers.bounded import JSON_MAX_BYTES, read_bounded
    from .services.transfer import import_document, parse_document

    # Within the limits of size and depth (README); refused before a database is made for it.
    document = parse_document(read_bounded(Path(args.file), JSON_MAX_BYTES))
    db = db_path(args)
    new = not db.exists()
    archive = open_archive(db)
    try:
        counts = import_document(archive, document)
    except BaseException:
        archive.close()
        if new:  # a refused import leaves no file behind, only what was there before
            _remove_archive_file(db)
        raise
    archive.close()
    say(f"Importert til {db}: " + ", ".join(f"{t} {n}" for t, n in counts.items() if n))
    return EXIT_OK


def _remove_archive_file(db: Path) -> None:
    import contextlib

    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
        with contextlib.suppress(OSError):
            path.unlink()


def cmd_export_ics(args: argparse.Namespace) -> int:
    from .documents.calendar import check_alarm_minutes, check_year
    from .services.calendar import export_ics
    from .store.year_plan import deadlines_out_of_range

    def whole(text: str | None, what: str) -> int | None:
        if text is None:
            return None
        if not (text.strip().isascii() and text.strip().isdigit()):  # «²» is a digit int() refuses
            raise UsageError(f"«{text}» er ikke {what}")
        return int(text)

    year = year_arg(args.year)
    alarm_minutes = whole(args.alarm_minutes, "et antall minutter")
    check_year(year)  # bad input is refused before the file is opened
    check_alarm_minutes(alarm_minutes)
    format_for_out(None, args.out, "ics")  # a.docx is not a calendar's name
    archive = open_archive(db_path(args), create=False)
    try:
        body_id = archive.members.body(args.body).id if args.body else None
        try:
            path = export_ics(
                archive,
                body_id=body_id,
                year=year,
                public=args.public,
                alarm_minutes=alarm_minutes,
                out=Path(args.out) if args.out else None,
            )
        except FileNotFoundError as exc:
            raise UsageError(str(exc).strip("'\"")) from None
        # A year given is 1900–2200, so only a calendar of every year could have held them.
        skipped = deadlines_out_of_range(archive.store, body_id=body_id) if year is None else []
    finally:
        archive.close()
    for deadline in skipped:
        say(f"advarsel: fristen «{deadline.title}» ({deadline.date.isoformat()}) er ikke med: datoen er utenfor 1900–2200", err=True)
    say(path)
    return EXIT_OK


def cmd_import_deadlines(args: argparse.Namespace) -> int:
    from .importers.deadline_table import parse_deadline_table
    from .services.deadline_import import deadline_report_json, deadline_summary, import_deadlines, read_document

    year = year_arg(args.year)
    text = read_document(Path(args.file))
    parse_deadline_table(text, year=year, source=args.source)  # a bad document is refused before the archive is opened
    archive = open_archive(db_path(args), create=False)
    try:
        report = import_deadlines(archive, text, year=year, body=args.body, source=args.source, dry_run=args.dry_run)
    finally:
        archive.close()
    say(deadline_report_json(report) if args.json else deadline_summary(report))
    return EXIT_OK


def _emit(data: bytes, out: str | None) -> None:
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from .files import write_atomic

    try:
        write_atomic(Path(out), data)
    except FileNotFoundError as exc:
        raise UsageError(str(exc).strip("'\"")) from None
    say(f"Skrev {out}", err=True)


# --- parser --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from .cli_parser import NorwegianParser
    from .cli_registers import cmd_followups, cmd_search
    from .exporters.formats import DOCUMENT_FORMATS, described

    parser = NorwegianParser(
        prog="nuit-tui",
        description="Møter, sakslister, referat og årshjul for et sekretariat – i terminalen.",
    )
    parser.add_argument("--version", action="version", version=f"nuit-tui {__version__}", help="vis versjonsnummeret og avslutt")
    parser.add_argument("--db", help="databasefil (standard: db/nuit.sqlite, eller NUIT_DB)")
    parser.add_argument("--new", action="store_true", help="lag et nytt, tomt arkiv om --db ikke finnes (ellers avvist)")
    parser.set_defaults(func=cmd_app)
    commands = parser.add_subparsers(dest="command", parser_class=NorwegianParser)

    def command(name: str, func: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
        sub.set_defaults(func=func)
        return sub

    demo = command("demo", cmd_demo, "bygg demoarkivet (NUITs møter 1/2023 og 2/2023) og åpne det")
    demo.add_argument("--no-tui", action="store_true", help="bare bygg, ikke åpne appen")
    demo.add_argument("--fresh", action="store_true", help="bygg på nytt selv om demoarkivet finnes")

    command("check", cmd_check, "sjekk databasefilens integritet og skjema (endrer ingenting)")

    def meeting_document(kinds, name: str, what: str, file_kind: str, func) -> None:
        sub = kinds.add_parser(name, help=f"{what} ({described(DOCUMENT_FORMATS)})")
        sub.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
        sub.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
        sub.add_argument("--meeting", required=True, help="møtenummeret, f.eks. 2/2023")
        sub.add_argument("--format", choices=_DOCUMENT_FORMATS, help="standard: endelsen til --out, ellers docx")
        sub.add_argument("--public", action="store_true", help="offentlig versjon, uten unntatt innhold")
        sub.add_argument("--out", help=f"fil (standard: exports/<utvalg>-<år>-<nr>-{file_kind}.<format>)")
        sub.set_defaults(func=func)

    export = commands.add_parser("export", help="eksporter")
    export_kinds = export.add_subparsers(dest="kind", metavar="HVA", parser_class=NorwegianParser, required=True)
    export_json = export_kinds.add_parser("json", help="hele arkivet som ett JSON-dokument")
    export_json.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
    export_json.add_argument("--out", help="fil (standard: skriv til stdout)")
    export_json.set_defaults(func=cmd_export_json)
    meeting_document(export_kinds, "notice", "innkallingen til et møte", "innkalling", cmd_export_notice)

    export_wheel = export_kinds.add_parser("wheel", help="årshjulet som SVG (A4 eller lysbilde)")
    export_wheel.add_argument("--body", help="utvalg (standard: alle)")
    export_wheel.add_argument("--year", help="år (standard: året for siste møte)")
    export_wheel.add_argument("--public", action="store_true", help="uten unntatte frister")
    export_wheel.add_argument("--out", help="fil (standard: exports/arshjul-<utvalg>-<år>.svg)")
    export_wheel.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
    export_wheel.set_defaults(func=cmd_export_wheel)

    meeting_document(export_kinds, "minutes", "referatet fra et møte", "referat", cmd_export_minutes)

    export_ics = export_kinds.add_parser("ics", help="årshjulet (møter og frister) som kalenderfil for Outlook")
    export_ics.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
    export_ics.add_argument("--body", help="utvalget, f.eks. NUIT (standard: alle)")
    export_ics.add_argument("--year", help="år, f.eks. 2023 (standard: alle)")
    export_ics.add_argument("--public", action="store_true", help="offentlig versjon, uten unntatte saker og frister")
    export_ics.add_argument("--alarm-minutes", metavar="N", help="påminnelse N minutter før hvert møte")
    export_ics.add_argument("--out", help="fil (standard: exports/arshjul-<utvalg|alle>-<år|alle>.ics)")
    export_ics.set_defaults(func=cmd_export_ics)

    check_minutes = command("check-minutes", cmd_check_minutes, "sjekk at referatet fra et møte er komplett")
    check_minutes.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
    check_minutes.add_argument("--meeting", required=True, help="møtenummeret, f.eks. 1/2023")

    check_notice = command("check-notice", cmd_check_notice, "sjekk innkallingen til et møte før den sendes")
    check_notice.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
    check_notice.add_argument("--meeting", required=True, help="møtenummeret, f.eks. 2/2023")

    search = command("search", cmd_search, "søk i hele arkivet: saker, vedtak, innspill og oppfølging")
    search.add_argument("query", help='ord å søke etter; "flere ord" i anførselstegn søker etter uttrykket')
    search.add_argument("--body", help="bare dette utvalget, f.eks. NUIT")
    search.add_argument("--year", help="bare møter dette året, f.eks. 2023")
    search.add_argument("--limit", type=int, default=50, help="høyst så mange treff (standard: 50)")
    search.add_argument("--json", action="store_true", help="treffene som JSON")

    followups = command("followups", cmd_followups, "oppfølgingsregisteret: åpne, forfalte og utførte oppfølginger")
    followups.add_argument("--body", help="bare dette utvalget, f.eks. NUIT")
    followups.add_argument("--status", choices=["open", "overdue", "done"], help="åpne, forfalte eller utførte (standard: alle)")
    followups.add_argument("--responsible", help="ansvarlig (organisasjon eller person) inneholder dette")
    followups.add_argument("--today", help="regn forfalt ut fra denne datoen i stedet for dagens, f.eks. 1.9.2023")
    followups.add_argument("--limit", type=int, default=500, help="høyst så mange (standard: 500)")
    followups.add_argument("--json", action="store_true", help="som JSON")

    from .cli_backup import add_commands as add_backup_commands

    add_backup_commands(command)
    from .cli_share import add_commands as add_share_commands

    add_share_commands(command)

    import_ = commands.add_parser("import", help="importer")
    import_kinds = import_.add_subparsers(dest="kind", metavar="HVA", parser_class=NorwegianParser, required=True)
    import_json = import_kinds.add_parser("json", help="last et JSON-dokument inn i en tom database")
    import_json.add_argument("file", help="JSON-filen fra «nuit-tui export json»")
    import_json.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
    import_json.set_defaults(func=cmd_import_json)
    import_deadlines = import_kinds.add_parser("deadlines", help="frister fra tabellen «Frist | Beskrivelse» i et tildelingsbrev eller oppdragsdokument")
    import_deadlines.add_argument("file", help="dokumentet som tekst (UTF-8)")
    import_deadlines.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
    import_deadlines.add_argument("--year", help="året fristene gjelder (standard: året i dokumentets tittel)")
    import_deadlines.add_argument("--body", help="utvalget fristene gjelder, f.eks. NUIT (standard: alle)")
    import_deadlines.add_argument("--source", help="kilden som lagres (standard: dokumentets tittel)")
    import_deadlines.add_argument("--dry-run", action="store_true", help="vis hva som ville skjedd, lagre ingenting")
    import_deadlines.add_argument("--json", action="store_true", help="skriv de leste radene som JSON")
    import_deadlines.set_defaults(func=cmd_import_deadlines)
    # The commands of later subjects, each in its own module (cli_<subject>.add_commands).
    from . import cli_attach, cli_cover, cli_import_docs, cli_mail, cli_package, cli_serve, cli_template

    for module in (cli_attach, cli_mail, cli_cover, cli_serve, cli_import_docs):
        module.add_commands(command, export_kinds, import_kinds)
    cli_template.add_commands(command)
    cli_package.add_commands(export_kinds)
    return parser


def _exit_code(exc: BaseException) -> int | None:
    from .domain.norwegian import ParseError
    from .files import NotARegularFile
    from .services.transfer import ImportRejected
    from .store import errors

    bad_input = (
        UsageError,
        NotARegularFile,
        ParseError,
        ImportRejected,
        errors.MissingDirectory,
        errors.NotADatabase,
        errors.NotARegularFile,
        errors.ForeignSchema,
        errors.NotNuitDatabase,
        errors.CorruptDatabase,
        errors.NewerDatabase,
        errors.ReadOnlyDatabase,
        errors.NotFound,
        errors.Conflict,
    )
    if isinstance(exc, bad_input):
        return EXIT_USAGE
    if isinstance(exc, errors.StoreError):
        return EXIT_FAILURE
    return None


@functools.cache
def _parser() -> argparse.ArgumentParser:
    """Built once a process: parsing does not change it, and a caller that runs several
    commands in one process (the tests, a script) need not build it each time."""
    return build_parser()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        argv = sys.argv[1:] if argv is None else list(argv)
        # --db may stand before or after the command (subcommands SUPPRESS their default).
        args = app_only(argv) or _clean_options(_parser().parse_args(argv))
        _refuse_non_regular_db(args)
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("NUIT_DEBUG"):
            raise
        code = _exit_code(exc)
        message = str(exc) if code is not None else f"uventet feil: {type(exc).__name__}: {exc}"
        if code is None and isinstance(exc, OSError):  # a full disk, a refused write: said plainly
            from .cli_backup import os_error_message

            message, code = os_error_message(exc), EXIT_FAILURE
        from .cli_backup import one_line

        message = one_line(message)
        say(f"nuit-tui: {message}", err=True)
        return code if code is not None else EXIT_FAILURE
