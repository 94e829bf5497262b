"""The command line as a user runs it: subprocesses, exit codes, one-line errors."""

import argparse
import hashlib
import json
import os
from pathlib import Path

import pytest

from conftest import one_line_error, run
from nuit_tui import cli, cli_app

README = Path(__file__).resolve().parents[1] / "README.md"


def test_demo_check_and_export_json(tmp_path):
    db = tmp_path / "x.sqlite"
    built = run("demo", "--no-tui", "--db", db)
    assert built.returncode == 0, built.stderr
    checked = run("check", "--db", db)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("OK:")
    exported = run("export", "json", "--db", db)
    assert exported.returncode == 0, exported.stderr
    document = json.loads(exported.stdout)
    nuit = next(b for b in document["bodies"] if b["short_name"] == "NUIT")
    meetings_2023 = {mt["id"] for mt in document["meetings"] if mt["body_id"] == nuit["id"] and mt["year"] == 2023}
    cases = sorted(
        (i["case_seq"], i["case_year"])
        for i in document["agenda_items"]
        if i["meeting_id"] in meetings_2023 and i["kind"] == "item"
    )
    assert cases == [(n, 2023) for n in range(1, 27)]
    assert any(a["role"] == "substitute" and a["substitute_for_person_id"] for a in document["attendance"])
    # Building again keeps the demo as it is.
    again = run("demo", "--no-tui", "--db", db)
    assert again.returncode == 0 and "allerede" in again.stdout


def test_check_on_a_text_file_fails_with_one_line_and_leaves_it_unchanged(tmp_path):
    before = hashlib.sha256(README.read_bytes()).hexdigest()
    result = run("check", "--db", README)
    assert result.returncode != 0
    assert "ikke en nuit-tui-database" in one_line_error(result)
    assert hashlib.sha256(README.read_bytes()).hexdigest() == before
    assert not Path(f"{README}-wal").exists() and not Path(f"{README}-shm").exists()


def test_export_to_a_file_and_import_into_a_new_database(tmp_path):
    db = tmp_path / "x.sqlite"
    assert run("demo", "--no-tui", "--db", db).returncode == 0
    out = tmp_path / "archive.json"
    assert run("export", "json", "--db", db, "--out", out).returncode == 0
    copy = tmp_path / "copy.sqlite"
    imported = run("import", "json", out, "--db", copy)
    assert imported.returncode == 0, imported.stderr
    assert run("export", "json", "--db", copy).stdout == out.read_text(encoding="utf-8")
    # Not into a database that has content.
    refused = run("import", "json", out, "--db", db)
    assert refused.returncode == 2
    assert "ikke tom" in one_line_error(refused)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["frobnicate"], "ukjent kommando «frobnicate»"),
        (["export"], "mangler"),
        (["import", "json", "/nonexistent/archive.json"], "finnes ikke"),
        (["check", "--db", "/nonexistent/folder/x.sqlite"], "finnes ikke"),
        (["export", "json", "--db", "{tmp}/missing.sqlite"], "finnes ikke"),
        # «²» is a digit to str.isdigit() and a ValueError to int(): a year is ASCII digits.
        (["export", "ics", "--year", "²", "--db", "{tmp}/missing.sqlite"], "ikke et årstall"),
        (["search", "x", "--year", "²", "--db", "{tmp}/missing.sqlite"], "ikke et årstall"),
        (["mail", "--body", "NUIT", "--meeting", "1/2023", "--db", "{tmp}/missing.sqlite"], "mangler HVA"),
    ],
)
def test_bad_usage_gives_one_line_and_exit_2(tmp_path, args, message):
    result = run(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.returncode == 2
    assert message in one_line_error(result)
    assert not (tmp_path / "missing.sqlite").exists()


def test_a_bad_json_file_is_refused_and_creates_no_database(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nuit-tui-archive", "format_version": 1, "bodies": [{"short_name": 3}]}')
    result = run("import", "json", bad, "--db", tmp_path / "new.sqlite")
    assert result.returncode == 2
    assert "bodies.0" in one_line_error(result)
    assert not (tmp_path / "new.sqlite").exists()


def test_the_db_option_may_stand_before_the_command_and_nuit_db_is_honoured(tmp_path):
    db = tmp_path / "x.sqlite"
    assert run("--db", db, "demo", "--no-tui").returncode == 0
    assert run("--db", db, "check").returncode == 0
    import os

    env = {**os.environ, "NUIT_DB": str(db)}
    assert run("check", env=env).stdout.startswith(f"OK: {db}")


def test_demo_refuses_to_overwrite_an_archive_that_is_not_a_demo(tmp_path):
    db = tmp_path / "real.sqlite"
    from nuit_tui.services import Archive

    archive = Archive.open(db)
    archive.members.add_body("NUIT", "Prioriteringsutvalget")
    archive.close()
    result = run("demo", "--no-tui", "--fresh", "--db", db)
    assert result.returncode == 2
    assert "ikke et demoarkiv" in one_line_error(result)


def test_the_app_alone_opens_without_building_the_parser(monkeypatch, tmp_path):
    """`nuit-tui` and `nuit-tui --db FILE` open the app without building the whole command
    line's parser (every command's module: some 30 ms of the first paint), with the very
    arguments the parser would have given; anything else goes through the parser."""
    for argv in ([], ["--db", "x.sqlite"], ["--db=x.sqlite"], ["--new"], ["--db", "x.sqlite", "--new"], ["--new", "--db=x.sqlite"]):
        assert vars(cli_app.app_only(argv)) == vars(cli._clean_options(cli._parser().parse_args(argv)))
    for argv in (["--db"], ["--db", ""], ["--db="], ["--db", "-x"], ["demo"], ["--db", "a", "check"], ["--d", "x"], ["--help"], ["--new", "--new"]):
        assert cli_app.app_only(argv) is None, argv

    opened = []
    monkeypatch.setattr(cli, "_parser", lambda: pytest.fail("the parser was built"))
    monkeypatch.setattr(cli_app, "run_tui", lambda path: opened.append(path) or 0)
    assert cli.main(["--db", str(tmp_path / "a.sqlite"), "--new"]) == 0
    assert opened == [tmp_path / "a.sqlite"]
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert cli.main(["--db", str(fifo)]) == 2 and len(opened) == 1  # refused as before, not opened


def test_a_named_archive_that_does_not_exist_is_refused_unless_new(monkeypatch, tmp_path, capsys):
    """`nuit-tui --db nuut.sqlite` (a typo) opened a new, empty archive without a word, and
    the meeting was typed into it while the real archive waited. A named file that does not
    exist is one line and exit 2, nothing made, unless --new; the default file (no --db, no
    NUIT_DB) is still made on the first start."""
    opened = []
    monkeypatch.setattr(cli_app, "run_tui", lambda path: opened.append(path) or 0)
    typo = tmp_path / "nuut.sqlite"
    for argv, env in ((["--db", str(typo)], None), ([f"--db={typo}"], None), ([], str(typo))):
        if env:
            monkeypatch.setenv("NUIT_DB", env)
        assert cli.main(argv) == 2
        err = capsys.readouterr().err
        assert err == f"nuit-tui: {typo} finnes ikke; rett stien, eller gi --new for å lage et nytt, tomt arkiv der\n"
        assert not typo.exists() and opened == []
    assert cli.main(["--new"]) == 0 and opened == [typo]  # NUIT_DB, made on purpose
    monkeypatch.delenv("NUIT_DB")
    typo.touch()
    assert cli.main(["--db", str(typo)]) == 0 and opened == [typo, typo]  # an archive that exists opens
    monkeypatch.chdir(tmp_path)
    assert cli.main([]) == 0 and opened[-1] == cli_app.db_path(argparse.Namespace(db=None))
    assert (tmp_path / "db").is_dir()  # the default's folder made for the first start


def test_the_format_of_an_export_follows_the_ending_of_out_and_a_contradiction_is_refused(demo_path, tmp_path):
    """`--out referat.md` wrote a Word file named .md (and the folder import then refused it as
    not text); `--format docx --out n.pdf` wrote Word into .pdf. The ending now names the
    format when --format is not given; a --format it contradicts is one line, exit 2, no file."""
    import zipfile

    md = tmp_path / "referat.md"
    written = run("export", "minutes", "--body", "NUIT", "--meeting", "1/2023", "--out", md, "--db", demo_path)
    assert written.returncode == 0, written.stderr
    assert md.read_text(encoding="utf-8").lstrip().startswith("#")
    package = tmp_path / "pakke.zip"
    assert run("export", "package", "--body", "NUIT", "--meeting", "2/2023", "--out", package, "--db", demo_path).returncode == 0
    assert zipfile.is_zipfile(package)
    docx = tmp_path / "innkalling.docx"  # no --format, a Word ending: Word, as before
    assert run("export", "notice", "--body", "NUIT", "--meeting", "2/2023", "--out", docx, "--db", demo_path).returncode == 0
    assert zipfile.is_zipfile(docx)
    for args, out in (
        (["export", "notice", "--body", "NUIT", "--meeting", "2/2023", "--format", "docx"], tmp_path / "n.pdf"),
        (["export", "cover-note", "--body", "NUIT", "--item", "17/23", "--format", "md"], tmp_path / "t.docx"),
        (["export", "package", "--body", "NUIT", "--meeting", "2/2023", "--format", "zip"], tmp_path / "p.pdf"),
    ):
        refused = run(*args, "--out", out, "--db", demo_path)
        assert refused.returncode == 2
        assert f"--out {out.name} er" in one_line_error(refused)
        assert not out.exists()


@pytest.mark.parametrize("args", [[], ["export", "minutes"], ["mail"], ["template"], ["import", "json"]])
def test_help_speaks_norwegian(args):
    """argparse's own words (usage, positional arguments, options, show this help …) were
    English in every --help."""
    result = run(*args, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("bruk: nuit-tui")
    for english in ("usage:", "positional arguments", "options:", "show this help", "show program"):
        assert english not in result.stdout, english
    assert "vis denne hjelpen og avslutt" in result.stdout


def test_checkin_of_a_file_that_is_not_a_copy_says_so_in_norwegian(demo_path, tmp_path):
    """It said «… kan ikke leses som en uttatt kopi (file is not a database)»."""
    text = tmp_path / "referat.txt"
    text.write_text("Møtereferat\n" * 300, encoding="utf-8")
    result = run("checkin", text, "--db", demo_path)
    assert result.returncode == 2
    assert one_line_error(result).endswith("referat.txt er ikke en uttatt kopi (ikke en SQLite-fil)")
    result = run("checkin", demo_path, "--db", demo_path)  # an archive, not a copy taken out
    assert result.returncode == 2 and "den har ikke merket fra uttaket" in one_line_error(result)


@pytest.mark.parametrize(("kind", "noun"), [("notice", "en innkalling"), ("minutes", "et referat"), ("cover-note", "et toppnotat")])
def test_importing_a_file_that_is_not_of_its_kind_is_refused(demo_path, tmp_path, kind, noun):
    """Random text imported as a notice gave exit 0 and a warning that quoted «Møte 1/2023»
    as if it had been found."""
    text = tmp_path / "tilfeldig.txt"
    text.write_text("Dette er bare et notat om noe helt annet.\n" * 40, encoding="utf-8")
    before = demo_path.read_bytes()
    result = run("import", kind, text, "--body", "NUIT", "--db", demo_path)
    assert result.returncode == 2
    assert one_line_error(result).startswith(f"nuit-tui: tilfeldig.txt ser ikke ut som {noun}")
    assert demo_path.read_bytes() == before


@pytest.mark.parametrize(
    "args, out, right",
    [
        (["export", "ics"], "a.docx", ".ics"),
        (["export", "json"], "j.docx", ".json"),
        (["export", "wheel"], "w.png", ".svg"),
        (["export", "notice", "--body", "NUIT", "--meeting", "2/2023"], "n.ics", ".docx"),
        (["export", "minutes", "--body", "NUIT", "--meeting", "1/2023"], "m.svg", ".docx"),
        (["export", "cover-note", "--body", "NUIT", "--item", "17/23"], "t.json", ".docx"),
        (["export", "package", "--body", "NUIT", "--meeting", "2/2023"], "p.docx", ".pdf"),
        (["mail", "notice", "--body", "NUIT", "--meeting", "2/2023"], "m.docx", ".eml"),
    ],
)
def test_an_out_whose_ending_names_another_format_is_refused_and_nothing_is_written(demo_path, tmp_path, args, out, right):
    """`export ics --out a.docx` wrote an iCalendar file named .docx (json: JSON as .docx,
    wheel: an SVG as .png; notice and minutes: Word as .ics). An ending naming a format the
    command does not write is one line, exit 2, no file; the right ending, or none, works."""
    before = sorted(tmp_path.iterdir())
    refused = run(*args, "--out", tmp_path / out, "--db", demo_path)
    assert refused.returncode == 2
    line = one_line_error(refused)
    assert f"--out {out} er " in line and right in line, line
    assert sorted(tmp_path.iterdir()) == before
    if args[1] not in ("ics", "json", "wheel"):
        return  # the others write their own endings, and none, in their own tests (a package or a mail takes seconds)
    for name in (f"ok{right}", "ok"):
        written = run(*args, "--out", tmp_path / name, "--db", demo_path)
        assert written.returncode == 0, written.stderr
        assert (tmp_path / name).stat().st_size > 0


def test_export_help_lists_the_formats_the_exporters_write():
    """cover-note said «Word, Markdown eller HTML», though --format pdf writes one."""
    from nuit_tui.documents.cover_note import CoverNoteDocument
    from nuit_tui.documents.minutes import MinutesDocument
    from nuit_tui.documents.notice import NoticeDocument
    from nuit_tui.exporters.registry import formats

    names = {"docx": "Word", "pdf": "PDF", "md": "Markdown", "html": "HTML"}

    result = run("export", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for kind, document in (("cover-note", CoverNoteDocument), ("notice", NoticeDocument), ("minutes", MinutesDocument)):
        said = text.split(f" {kind} ", 1)[1].split("(", 1)[1].split(")", 1)[0]
        assert sorted(said.replace(" eller ", ", ").split(", ")) == sorted(names[f] for f in formats(document)), (kind, said)
    assert "toppnotatet til en sak (Word, PDF, Markdown eller HTML)" in text
