"""Bad input everywhere (property tests): every parser and validator, the JSON
import and the command line's arguments never crash; a refusal is a ParseError or
StoreError with a Norwegian message (one line and exit 2 in the CLI), and a
refused input changes nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nuit_tui import cli
from nuit_tui.domain.case_numbers import CaseNumber, parse_case_ref, parse_meeting_ref
from nuit_tui.domain.durations import parse_minutes
from nuit_tui.domain.norwegian import FIRST_DAY, LAST_DAY, ParseError, clock, long_date, numeric_date, parse_date, parse_time
from nuit_tui.services import Archive
from nuit_tui.services.transfer import export_json, import_json, parse_document
from nuit_tui.store import errors

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Text as a person might type it: digits, separators, Norwegian letters, and anything else.
typed = st.one_of(
    st.text(),
    st.text(alphabet="0123456789./-: kl", max_size=14),
    st.text(alphabet="0123456789 /NUITnuitæøåÆØÅ", max_size=14),
    st.from_regex(r"\A\d{1,5}[./:-]\d{1,5}([./-]\d{1,5})?\Z"),
)


def norwegian(exc: Exception) -> str:
    message = str(exc)
    assert message.strip(), "a refusal must say something"
    assert "Traceback" not in message
    return message


# --- dates, times, case and meeting numbers, minutes --------------------------------------


@FAST
@given(typed)
@example("31.2.2023")
@example("0000-01-01")
@example("29. feb 2023")
@example("١٢.٣.٢٠٢٣")
def test_any_date_text_is_a_date_or_a_clear_refusal(text):
    try:
        day = parse_date(text)
    except ParseError as exc:
        assert "dato" in norwegian(exc) or "kalenderen" in str(exc)
    else:
        assert isinstance(day, dt.date)


@FAST
@given(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
def test_dates_as_written_read_back(day):
    assert parse_date(numeric_date(day)) == day
    assert parse_date(long_date(day)) == day
    assert parse_date(day.isoformat()) == day


@FAST
@given(typed)
@example("24.00")
@example("kl. 9:60")
def test_any_time_text_is_a_time_or_a_clear_refusal(text):
    try:
        time = parse_time(text)
    except ParseError as exc:
        assert "klokkeslett" in norwegian(exc)
    else:
        assert isinstance(time, dt.time)


@FAST
@given(st.times())
def test_times_as_written_read_back(time):
    assert parse_time(clock(time)) == time.replace(second=0, microsecond=0)


@FAST
@given(typed)
@example("0/23")
@example("NUIT 8/22")
def test_any_case_number_text_is_a_case_or_a_clear_refusal(text):
    try:
        ref = parse_case_ref(text)
    except ParseError as exc:
        assert "saksnummer" in norwegian(exc)
    else:
        assert ref.number.seq >= 1


@FAST
@given(st.integers(1, 9999), st.integers(2000, 2099), st.sampled_from([None, "NUIT", "nehs"]))
def test_case_numbers_as_written_read_back(seq, year, body):
    number = CaseNumber(year, seq)
    text = number.cite(body) if body else str(number)
    ref = parse_case_ref(text)
    assert ref.number == number
    assert ref.body == (body.upper() if body else None)


@FAST
@given(typed)
@example("0/2023")
@example("2/23")
def test_any_meeting_number_text_is_a_meeting_or_a_clear_refusal(text):
    try:
        year, number = parse_meeting_ref(text)
    except ParseError as exc:
        assert "møtenummer" in norwegian(exc)
    else:
        assert number >= 1 and 1900 <= year <= 2200


@FAST
@given(typed, st.one_of(st.none(), st.integers(0, 26 * 60)))
@example("²", None)
@example("9" * 5000, None)
@example("30 min", None)
@example("1000", 11 * 60 + 15)
@example("302561", 11 * 60 + 15)
@example("0", 24 * 60 + 1)
@example("1", 24 * 60 + 1)
def test_any_duration_text_is_minutes_or_a_clear_refusal(text, start):
    """Not a number is told as such; a number too large says how long the entry may be: a
    day, or (with its start) until midnight."""
    starts = None if start is None else (lambda: start)
    try:
        minutes = parse_minutes(text, starts=starts)
    except ParseError as exc:
        message = norwegian(exc)
        assert "minutter" in message
        if text.strip().removesuffix("min").strip().isdecimal() and text.isascii():
            assert "kan være høyst" in message and "antall minutter" not in message
    else:
        assert 0 <= minutes <= 24 * 60
        if start is not None:
            # Ends by midnight; an entry the entries before it pushed past midnight may
            # last nothing more (longest_duration: 0), and 0 is taken.
            assert start + minutes <= 24 * 60 or minutes == 0


# --- the deadline table importer -------------------------------------------------------------

deadline_lines = st.lists(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(["Frist | Beskrivelse", "Frist Beskrivelse", "Tildelingsbrev for 2023", "| |", "12", ""]),
        st.from_regex(r"\A(Innen )?\d{1,2}\. ?(januar|februar|mars|mai|juni|desember|jan|feb)? ?\|? ?[A-Za-zæøå ]{0,40}\Z"),
    ),
    max_size=25,
)


@FAST
@given(deadline_lines, st.one_of(st.none(), st.integers(1800, 2200)))
def test_any_deadline_document_is_rows_or_a_clear_refusal(lines, year):
    from nuit_tui.importers.deadline_table import parse_deadline_table

    text = "\n".join(lines)
    try:
        result = parse_deadline_table(text, year=year)
    except ParseError as exc:
        norwegian(exc)
    else:
        for row in result.rows:
            assert isinstance(row.date, dt.date)
        for rejected in result.rejected:
            assert str(rejected.reason).strip()


# --- the members registry's validators ---------------------------------------------------


@pytest.fixture(scope="module")
def empty_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite"
    Archive.open(path).close()
    return path


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory) -> Path:
    """An archive with one body, one meeting, two items and a remark: small enough to import often."""
    path = tmp_path_factory.mktemp("small") / "small.sqlite"
    archive = Archive.open(path)
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, dt.date(2023, 2, 16), dt.time(9), dt.time(15), location="Oslo")
    item = archive.agenda.items(meeting.id)[0]
    from nuit_tui.domain import models as m

    archive.minutes.add_remark(m.Remark(item_id=item.id, speaker="KS", text="Enig"))
    archive.close()
    return path


@contextlib.contextmanager
def copy_of(template: Path):
    folder = Path(tempfile.mkdtemp(prefix="nuit-prop-"))
    try:
        path = folder / "a.sqlite"
        shutil.copy(template, path)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def state(archive: Archive) -> str:
    return export_json(archive)


@SLOW
@given(
    st.sampled_from(["body", "organization", "person"]),
    st.text(max_size=400),
    st.one_of(st.none(), st.text(max_size=40)),
)
@example("body", "", None)
@example("body", "NUIT", "Duplikat")
@example("person", " ", "x")
def test_the_registrys_validators_refuse_clearly_and_change_nothing(small_archive, kind, first, second):
    with copy_of(small_archive) as path:
        archive = Archive.open(path)
        try:
            before = state(archive)
            try:
                if kind == "body":
                    archive.members.create_body(first, second or "")
                elif kind == "organization":
                    archive.members.add_organization(first, second)
                else:
                    archive.members.create_person(first, second, None)
            except (errors.StoreError, ParseError) as exc:
                norwegian(exc)
                assert state(archive) == before
        finally:
            archive.close()


@SLOW
@given(typed, typed)
def test_looking_up_meetings_and_cases_by_typed_text_refuses_clearly(small_archive, body, ref):
    archive = Archive.open(small_archive)
    try:
        for lookup in (lambda: archive.meetings.find(body, ref), lambda: archive.agenda.find_item(ref, body_short_name=body)):
            try:
                lookup()
            except (errors.StoreError, ParseError) as exc:
                norwegian(exc)
    finally:
        archive.close()


# --- the JSON import ----------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def damaged_documents(draw, document: dict) -> str:
    """A real export with one thing wrong (or several)."""
    doc = json.loads(json.dumps(document))
    for _ in range(draw(st.integers(1, 3))):
        tables = [name for name, rows in doc.items() if isinstance(rows, list) and rows]
        choice = draw(st.sampled_from(["field", "drop", "extra", "top", "row"]))
        if choice == "top":
            doc[draw(st.sampled_from(["format", "format_version", "meta", "bodies"]))] = draw(json_values)
            continue
        table = draw(st.sampled_from(tables)) if tables else None
        if table is None:
            continue
        row = draw(st.sampled_from(doc[table]))
        if choice == "row":
            doc[table].append(draw(json_values))
        elif not isinstance(row, dict) or not row:
            continue
        elif choice == "field":
            key = draw(st.sampled_from(sorted(row)))
            row[key] = draw(st.one_of(json_values, st.integers(min_value=2**63), st.integers(max_value=-(2**63))))
        elif choice == "drop":
            row.pop(draw(st.sampled_from(sorted(row))))
        else:
            row[draw(st.text(min_size=1, max_size=8))] = draw(json_values)
    text = json.dumps(doc, ensure_ascii=False)
    if draw(st.booleans()) and draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]
    return text


@pytest.fixture(scope="module")
def small_document(small_archive) -> dict:
    archive = Archive.open(small_archive)
    try:
        return json.loads(export_json(archive))
    finally:
        archive.close()


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    for name in (path, Path(f"{path}-wal")):
        if name.exists():
            digest.update(name.read_bytes())
    return digest.hexdigest()


@settings(max_examples=int(os.environ.get("NUIT_FUZZ", 60)), deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_damaged_json_document_is_refused_whole_and_changes_nothing(data, small_document, empty_template):
    text = data.draw(damaged_documents(small_document))
    with copy_of(empty_template) as path:
        archive = Archive.open(path)
        try:
            before = state(archive)
            try:
                counts = import_json(archive, text)
            except errors.StoreError as exc:
                norwegian(exc)
                assert state(archive) == before, "a refused import wrote something"
            else:
                assert sum(counts.values()) >= 0
                assert not archive.store.integrity_problems()
        finally:
            archive.close()


@FAST
@given(st.text(max_size=200) | json_values.map(json.dumps))
def test_any_text_as_a_json_document_is_refused_clearly(text):
    try:
        parse_document(text)
    except errors.StoreError as exc:
        norwegian(exc)


# --- the command line -------------------------------------------------------------------------


def _commands(parser) -> list[tuple[list[str], object]]:
    """Every runnable command path with its parser: (["export", "json"], parser)."""
    import argparse

    found = []

    def walk(prefix, p):
        subs = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found.append((prefix, p))
            return
        for name, sub in subs[0].choices.items():
            walk([*prefix, name], sub)

    walk([], parser)
    # Not fuzzed: the TUI (needs a terminal), the demo builder (writes a whole archive) and
    # serve (serves until stopped; its refusals are tested in test_serve.py).
    return [(path, p) for path, p in found if path and path[0] not in ("demo", "serve")]


COMMANDS = _commands(cli.build_parser())
safe_word = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/\\\x00"), min_size=1, max_size=12
).filter(lambda s: s not in (".", "..") and not s.startswith("-"))
plausible = st.sampled_from(
    ["NUIT", "nuit", "NEHS", "2/2023", "1/2023", "0/2023", "2023", "23", "md", "html", "docx", "ics", "x", "18/23", "-1", "99999999999999999999"]
)


@st.composite
def argv(draw) -> list[str]:
    import argparse

    path, parser = draw(st.sampled_from(COMMANDS))
    args = list(path)
    options = [a for a in parser._actions if a.option_strings and a.dest not in ("help",)]
    positionals = [a for a in parser._actions if not a.option_strings]
    value = st.one_of(plausible, safe_word, st.sampled_from(["archive.json", "backup.sqlite", "a.sqlite", "bad.txt", "missing.sqlite", "out"]))
    for _ in positionals:
        if draw(st.integers(0, 9)):
            args.append(draw(value))
    for option in draw(st.lists(st.sampled_from(options), max_size=4)) if options else []:
        args.append(option.option_strings[-1])
        if not isinstance(option, (argparse._StoreTrueAction, argparse._StoreFalseAction)) and draw(st.integers(0, 9)):
            args.append(draw(value))
    if draw(st.integers(0, 5)) == 0:
        args.insert(draw(st.integers(0, len(args))), draw(safe_word))
    return args


@contextlib.contextmanager
def cli_sandbox(demo_template: Path):
    """A folder with an archive (a.sqlite, also NUIT_DB), a JSON export, a backup and a text file."""
    folder = Path(tempfile.mkdtemp(prefix="nuit-cli-"))
    old_cwd, old_env = os.getcwd(), dict(os.environ)
    try:
        shutil.copy(demo_template, folder / "a.sqlite")
        (folder / "bad.txt").write_text("ikke en database\n", encoding="utf-8")
        os.chdir(folder)
        os.environ["NUIT_DB"] = str(folder / "a.sqlite")
        os.environ.pop("NUIT_DEBUG", None)
        yield folder
    finally:
        os.chdir(old_cwd)
        os.environ.clear()
        os.environ.update(old_env)
        shutil.rmtree(folder, ignore_errors=True)


def run_main(args: list[str]) -> tuple[int, str]:
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stderr = io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = cli.main(args)
        except SystemExit as exc:  # --help, --version
            code = exc.code or 0
    return code, stderr.getvalue()


@pytest.fixture(scope="module")
def cli_files(demo_template, tmp_path_factory) -> Path:
    """A folder with an export and a backup of the demo, made once, copied into each sandbox."""
    folder = tmp_path_factory.mktemp("cli-files")
    archive = Archive.open(shutil.copy(demo_template, folder / "d.sqlite"))
    try:
        (folder / "archive.json").write_text(export_json(archive), encoding="utf-8")
    finally:
        archive.close()
    from nuit_tui.services.backup import backup

    backup(folder / "d.sqlite", folder / "backup.sqlite")
    (folder / "d.sqlite").unlink()
    return folder


_ROWS_OF: dict[str, str] = {}  # a database's bytes, its WAL's too (sha256) -> its rows' digest


def content(path: Path) -> str:
    """A file's bytes, or a database's rows: opening a single-file backup turns on WAL
    (two header bytes), which is not a change of what it holds. Files of the same bytes
    hold the same rows: each example's sandbox starts from the same copies, so their rows
    are read once (reading them was most of this file's time)."""
    data = path.read_bytes()
    if data[:16] != b"SQLite format 3\x00":
        return hashlib.sha256(data).hexdigest()
    wal = path.with_name(path.name + "-wal")  # rows not yet checkpointed are rows too
    same_bytes = hashlib.sha256(data + (wal.read_bytes() if wal.exists() else b"")).hexdigest()
    if same_bytes not in _ROWS_OF:
        _ROWS_OF[same_bytes] = _rows_digest(path)
    return _ROWS_OF[same_bytes]


def _rows_digest(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for table in tables:
            digest.update(repr(sorted(map(repr, conn.execute(f'SELECT * FROM "{table}"')))).encode())
        digest.update(repr(conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()).encode())
        return digest.hexdigest()
    except sqlite3.DatabaseError:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    finally:
        conn.close()


def folder_state(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): content(p) if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
        if not p.name.endswith(("-wal", "-shm", "-journal"))
    }


@settings(max_examples=int(os.environ.get("NUIT_FUZZ", 50)), deadline=None, suppress_health_check=list(HealthCheck))
@given(args=argv())
@example(args=["check", "--db", "bad.txt"])
@example(args=["export", "notice", "--body", "NUIT", "--meeting", "x"])
@example(args=["restore", "bad.txt", "--force"])
@example(args=["import", "json", "bad.txt", "--db", "new.sqlite"])
def test_any_command_line_gives_one_clear_line_and_a_refusal_changes_nothing(args, demo_template, cli_files):
    with cli_sandbox(demo_template) as folder:
        for source in cli_files.iterdir():
            shutil.copy(source, folder / source.name)
        before = folder_state(folder)
        code, err = run_main(args)
        assert code in (0, 1, 2), (args, code, err)
        lines = [line for line in err.splitlines() if line.strip() and not line.startswith("advarsel:")]
        assert "Traceback" not in err and "uventet feil" not in err, (args, err)
        if code != 0:
            assert len(lines) == 1, (args, err)
            assert lines[0].startswith("nuit-tui: "), (args, err)
            assert code == 2 or "opptatt" in err or "låst" in err, (args, code, err)
            assert folder_state(folder) == before, (args, err)


def test_a_refused_command_line_argument_names_the_problem_in_one_line(tmp_path, demo_template, cli_files):
    with cli_sandbox(demo_template):
        code, err = run_main(["export", "minutes", "--body", "NUIT", "--meeting", "2023/2"])
    assert code == 2
    assert err.strip() == "nuit-tui: «2023/2» er ikke et møtenummer (skriv f.eks. 2/2023)"
    with cli_sandbox(demo_template):
        code, err = run_main(["check", "--db", "line\nbreak"])
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_argument_text_reaches_messages_on_one_line():
    from nuit_tui.cli_backup import one_line

    assert one_line("«a\nb\r\nc»  x") == "«a b c» x"
