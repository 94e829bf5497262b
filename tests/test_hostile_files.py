"""Hostile and awkward files: each is refused (or opened read-only) with its own
message, by `check`, by opening (the CLI and the app's start) and by `restore`, and
the file's bytes stay as they were, with no -wal or -shm beside it.

- not a regular file (FIFO, device, folder) as --db: refused at once, exit 2;
- a schema object nuit-tui did not make, or one of ours changed (a planted trigger
  would run inside our own transactions): refused, naming the object;
- a read-only file, folder or mount, and a full disk: a sound archive is read
  (the CLI's read commands work, the app says so) and never called corrupt;
- temporary files of every kind are hidden and cleaned when stale.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nuit_tui import cli, files
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.services import backup as backups
from nuit_tui.services.start import ArchiveFile
from nuit_tui.store import connection, copies, errors, open_store
from nuit_tui.store.schema import migration_names
from nuit_tui.store.schema_check import MIGRATION_LOG, normalise

SEED = Path("/work/shared/seeds/tildelingsbrev-ehelse-2023.txt")
DEADLINES = "Frist | Beskrivelse\n15. februar | Innspill til revidert budsjett\n1. mars | Rapport for 2022\n"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) if p.is_file() else "other" for p in sorted(folder.iterdir())}


def run_main(args) -> tuple[int, str, str]:
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([str(a) for a in args])
    out.seek(0)
    return code, out.read(), err.getvalue()


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def no_sidecars(path: Path) -> bool:
    return not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal"))


# --- not a regular file -------------------------------------------------------------------


def test_a_fifo_as_db_is_refused_at_once_by_every_command_and_by_the_app(tmp_path, monkeypatch):
    fifo = tmp_path / "nuit.sqlite"
    os.mkfifo(fifo)
    monkeypatch.chdir(tmp_path)
    for command in (["check"], ["export", "json"], ["search", "budsjett"], [], ["backup"]):
        code, _, err = run_main([*command, "--db", fifo])  # reading the FIFO would wait forever
        assert code == 2, command
        assert "FIFO" in one_line(err)
    monkeypatch.setenv("NUIT_DB", str(fifo))
    code, _, err = run_main(["followups"])
    assert code == 2 and "FIFO" in one_line(err)
    with pytest.raises(errors.NotARegularFile):
        open_store(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nuit.sqlite"]


def test_a_device_as_db_is_refused_and_nothing_is_written_beside_it():
    code, _, err = run_main(["export", "json", "--db", "/dev/null"])
    assert code == 2
    assert "tegnenhet" in one_line(err)
    with pytest.raises(errors.NotARegularFile):
        ArchiveFile("/dev/null")  # the app's start
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
    assert no_sidecars(Path("/dev/null"))


def test_a_folder_as_db_is_refused_by_name(tmp_path):
    code, _, err = run_main(["check", "--db", tmp_path])
    assert code == 2 and "er en mappe" in one_line(err)


def test_restore_refuses_a_fifo_as_source_or_target(demo_path, tmp_path):
    fifo = tmp_path / "kopi.sqlite"
    os.mkfifo(fifo)
    with pytest.raises(errors.NotARegularFile):
        backups.restore(fifo, demo_path, force=True)
    with pytest.raises(errors.NotARegularFile):
        backups.restore(demo_path, fifo, force=True)
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # not replaced by a file


# --- the schema is ours -------------------------------------------------------------------


def planted(sql: str):
    def make(path: Path) -> None:
        conn = sqlite3.connect(path)
        conn.executescript(sql)
        conn.close()

    return make


# What each case plants in a sound archive, and the object the message must name.
FOREIGN = {
    # The two of the report: «exempt» undone, remarks deleted during an ordinary import.
    "trigger undoing exempt": (
        "CREATE TRIGGER keep_public AFTER UPDATE OF exempt ON agenda_items"
        " BEGIN UPDATE agenda_items SET exempt = 0 WHERE id = new.id; END;",
        "triggeren «keep_public» er ikke laget av nuit-tui",
    ),
    "trigger deleting remarks": (
        "CREATE TRIGGER wipe AFTER INSERT ON deadlines BEGIN DELETE FROM remarks; END;",
        "triggeren «wipe» er ikke laget av nuit-tui",
    ),
    "view": ("CREATE VIEW agenda AS SELECT * FROM agenda_items;", "visningen «agenda» er ikke laget av nuit-tui"),
    "index": ("CREATE INDEX people_email ON people(email);", "indeksen «people_email» er ikke laget av nuit-tui"),
    "table": ("CREATE TABLE notes (text TEXT);", "tabellen «notes» er ikke laget av nuit-tui"),
    "changed trigger": (
        "DROP TRIGGER search_item_delete; CREATE TRIGGER search_item_delete AFTER DELETE ON agenda_items"
        " BEGIN DELETE FROM search_index WHERE rowid = old.id; DELETE FROM remarks; END;",
        "triggeren «search_item_delete» er endret",
    ),
    "changed table": (
        "ALTER TABLE agenda_items ADD COLUMN note TEXT DEFAULT 'x';",
        "tabellen «agenda_items» er endret",
    ),
    "dropped index": ("DROP INDEX remarks_item;", "indeksen «remarks_item» mangler"),
}


@pytest.mark.parametrize("case", FOREIGN)
def test_a_file_with_a_schema_object_nuit_tui_did_not_make_is_refused_untouched(demo_path, tmp_path, case, monkeypatch):
    sql, words = FOREIGN[case]
    planted(sql)(demo_path)
    before = snapshot(tmp_path)
    monkeypatch.chdir(tmp_path)
    for command in (["check"], ["export", "json"], [], ["backup"], ["import", "deadlines", SEED]):
        code, _, err = run_main([*command, "--db", demo_path])
        assert code == 2, (command, err)
        line = one_line(err)
        assert words in line, line
        assert "sikkerhetskopi" not in line  # not corrupt: a restore is not the answer
    with pytest.raises(errors.ForeignSchema):
        ArchiveFile(demo_path)  # the app's start
    assert snapshot(tmp_path) == before  # bytes as they were, no -wal/-shm, no backup
    assert no_sidecars(demo_path)


def test_restore_refuses_a_backup_carrying_a_foreign_trigger_and_keeps_the_archive(demo_path, tmp_path):
    evil = backups.backup(demo_path, tmp_path / "evil.sqlite")
    planted(FOREIGN["trigger deleting remarks"][0])(evil)
    evil_bytes, before = digest(evil), digest(demo_path)
    code, _, err = run_main(["restore", evil, "--db", demo_path, "--force"])
    assert code == 2
    assert "«wipe»" in one_line(err)
    assert digest(demo_path) == before and digest(evil) == evil_bytes
    assert not (tmp_path / "backups").exists()  # nothing was even saved: nothing was replaced
    # And so the import that the planted trigger would have emptied the remarks in runs clean.
    archive = Archive.open(demo_path)
    remarks = archive.store.conn.execute("SELECT count(*) FROM remarks").fetchone()[0]
    archive.close()
    code, _, err = run_main(["import", "deadlines", SEED, "--db", demo_path])
    assert code == 0, err
    conn = sqlite3.connect(demo_path)
    assert conn.execute("SELECT count(*) FROM remarks").fetchone()[0] == remarks > 0
    conn.close()


def test_a_sound_backup_restores_over_a_tampered_archive(demo_path, tmp_path):
    good = backups.backup(demo_path, tmp_path / "good.sqlite")
    planted(FOREIGN["trigger undoing exempt"][0])(demo_path)
    done = backups.restore(good, demo_path, force=True)
    kept = sqlite3.connect(done.replaced_copy)  # what was replaced is kept, for whoever wants to look
    assert kept.execute("SELECT count(*) FROM sqlite_master WHERE name = 'keep_public'").fetchone() == (1,)
    kept.close()
    code, _, err = run_main(["check", "--db", demo_path])
    assert code == 0, err


def test_a_file_holding_only_a_view_is_not_taken_for_an_empty_one(tmp_path):
    path = tmp_path / "nuit.sqlite"
    planted("CREATE VIEW v AS SELECT 1;")(path)
    before = digest(path)
    code, _, err = run_main(["export", "json", "--db", path])
    assert code == 2
    assert "ikke en nuit-tui-database" in one_line(err)
    assert digest(path) == before and no_sidecars(path)


def test_sqlites_own_statistics_and_an_older_archive_pass_the_check(demo_path, tmp_path):
    conn = sqlite3.connect(demo_path)
    conn.execute("ANALYZE")  # sqlite_stat1 (and stat4 where compiled in)
    conn.close()
    code, out, err = run_main(["check", "--db", demo_path])
    assert code == 0, err
    old = tmp_path / "old.sqlite"
    from test_backup import old_archive

    old_archive(old)  # only the first migration: checked against what that one makes
    assert connection.inspect_file(old).pending == migration_names()[1:]


def test_the_migration_log_is_the_table_sqlite_utils_makes():
    import sqlite_utils

    from nuit_tui.store.schema import migrations

    db = sqlite_utils.Database(memory=True)
    migrations.ensure_migrations_table(db)
    made = {(t, n): normalise(s) for t, n, s in db.execute("SELECT type, name, sql FROM sqlite_master")}
    assert made == {key: normalise(sql) for key, sql in MIGRATION_LOG.items()}


def test_the_readers_do_not_trust_the_files_schema(demo_path):
    conn = connection._readonly_connection(demo_path)
    try:
        assert conn.execute("PRAGMA trusted_schema").fetchone() == (0,)
    finally:
        conn.close()


# --- honest diagnosis ---------------------------------------------------------------------


def sqlite_error(code: int, text: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize(
    ("code", "text", "kind"),
    [
        (5, "database is locked", errors.DatabaseBusy),
        (13, "database or disk is full", errors.DiskFull),
        (11, "database disk image is malformed", errors.CorruptDatabase),
        (26, "file is not a database", errors.CorruptDatabase),
        (10 | (19 << 8), "disk I/O error", errors.DiskError),
    ],
)
def test_each_sqlite_failure_has_its_own_message_and_only_corrupt_suggests_a_backup(tmp_path, code, text, kind):
    error = connection.classify(tmp_path / "nuit.sqlite", sqlite_error(code, text))
    assert type(error) is kind
    assert ("sikkerhetskopi" in str(error)) is (kind is errors.CorruptDatabase)


def test_an_io_error_on_a_full_disk_is_a_full_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(connection, "_disk_full", lambda path: True)
    error = connection.classify(tmp_path / "nuit.sqlite", sqlite_error(10 | (19 << 8), "disk I/O error"))
    assert isinstance(error, errors.DiskFull) and "full" in str(error) and "sikkerhetskopi" not in str(error)


@pytest.fixture
def read_only_file(demo_path, monkeypatch):
    """The demo archive as a user sees a 0444 file (root ignores permissions: the check
    is asked as the OS would answer a user)."""
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: False if mode == os.W_OK and Path(p) == demo_path else real_access(p, mode, **kw)
    )
    return demo_path


def test_a_read_only_archive_is_read_by_the_clis_read_commands_and_left_untouched(read_only_file, tmp_path, monkeypatch):
    path = read_only_file
    before = digest(path)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_main(["check", "--db", path])
    assert code == 0 and "skrivebeskyttet" in out, err
    code, out, _ = run_main(["export", "json", "--db", path])
    assert code == 0 and json.loads(out)["meetings"]
    code, out, _ = run_main(["search", "budsjett", "--db", path])
    assert code == 0
    code, _, _ = run_main(["followups", "--db", path])
    assert code == 0
    code, _, err = run_main(["export", "ics", "--db", path, "--out", tmp_path / "a.ics"])
    assert code == 0, err
    code, _, err = run_main(["export", "minutes", "--body", "NUIT", "--meeting", "1/2023", "--format", "md", "--db", path, "--out", tmp_path / "r.md"])
    assert code == 0, err
    assert (tmp_path / "a.ics").exists() and (tmp_path / "r.md").exists()
    (tmp_path / "frister.txt").write_text(DEADLINES, encoding="utf-8")
    code, _, err = run_main(["import", "deadlines", tmp_path / "frister.txt", "--year", "2023", "--db", path])
    assert code == 2
    assert "skrivebeskyttet" in one_line(err) and "sikkerhetskopi" not in err
    assert digest(path) == before
    assert no_sidecars(path)  # no 0444 -wal/-shm left to make every later write fail


def test_a_read_only_archive_opens_read_only_and_refuses_edits_with_a_message(read_only_file):
    archive = Archive.open(read_only_file)
    try:
        assert archive.store.read_only == "filen er skrivebeskyttet"
        assert archive.members.bodies()
        with pytest.raises(errors.ReadOnlyDatabase) as info:
            archive.members.add_body("NY", "Nytt utvalg")
        assert "skrivebeskyttet" in str(info.value) and "ikke lagret" in str(info.value)
    finally:
        archive.close()
    assert no_sidecars(read_only_file)


def test_a_read_only_archive_that_needs_an_upgrade_is_refused_untouched(tmp_path, monkeypatch):
    from test_backup import old_archive

    path = old_archive(tmp_path / "old.sqlite")
    before = digest(path)
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: mode != os.W_OK)
    with pytest.raises(errors.ReadOnlyDatabase) as info:
        open_store(path)
    assert "oppgraderes" in str(info.value)
    assert digest(path) == before and no_sidecars(path)
    assert not list(tmp_path.glob("*before-migration*"))


async def test_the_app_says_the_archive_is_read_only_and_refuses_an_edit(read_only_file):
    from nuit_tui.tui.app import NuitApp

    before = digest(read_only_file)
    archive = ArchiveFile(read_only_file)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.started.wait()
        await app.workers.wait_for_complete()
        assert "SKRIVEBESKYTTET" in app.sub_title
        await pilot.press("enter")  # the newest meeting's agenda
        await pilot.pause()
        await pilot.press("plus")  # five minutes longer: a write
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    archive.close()
    assert any("åpnet skrivebeskyttet" in m and "kan lese" in m for m in messages), messages
    assert any("endringen ble ikke lagret" in m for m in messages), messages
    assert digest(read_only_file) == before and no_sidecars(read_only_file)
    assert not (read_only_file.parent / "backups").exists()  # no daily backup of a file that cannot change


def test_a_write_that_meets_a_full_disk_is_a_message_not_a_crash(demo_path, monkeypatch):
    archive = Archive.open(demo_path)
    try:
        monkeypatch.setattr(connection, "_disk_full", lambda path: True)
        real_execute = archive.store.conn.execute

        class FullConnection:
            """The connection as a full disk makes it: COMMIT fails."""

            def __getattr__(self, name):
                return getattr(archive.store.db.conn, name)

            def execute(self, sql, *args):
                if sql == "COMMIT":
                    raise sqlite_error(13, "database or disk is full")
                return real_execute(sql, *args)

        monkeypatch.setattr(archive.store, "conn", FullConnection())
        with pytest.raises(errors.DiskFull) as info:
            archive.members.add_body("NY", "Nytt utvalg")
        assert "Disken er full" in str(info.value) and "ikke lagret" in str(info.value)
    finally:
        monkeypatch.undo()
        archive.close()
    store = open_store(demo_path)
    assert store.count(m.Body, "short_name = 'NY'") == 0  # rolled back whole
    store.close()


# Real mounts: a read-only bind mount and a full tmpfs, in a private mount namespace
# (they vanish with the process). Needs root with CAP_SYS_ADMIN and unshare(1).

DRIVER = r"""
import contextlib, io, json, subprocess, sys
from nuit_tui import cli
setup, commands, after = json.loads(sys.argv[1])
for step in setup:
    subprocess.run(step, shell=True, check=True)
results = []
for command in commands:
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(command)
    out.flush()
    results.append([code, out.buffer.getvalue().decode()[:1000], err.getvalue()])
for step in after:
    done = subprocess.run(step, shell=True, capture_output=True, text=True)
    results.append([done.returncode, done.stdout, done.stderr])
print(json.dumps(results))
"""


def in_private_mounts(
    setup: list[str], commands: list[list[str]], cwd: Path, after: tuple[str, ...] = ()
) -> list[tuple[int, str, str]]:
    if shutil.which("unshare") is None:
        pytest.skip("unshare(1) is not installed")
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {cwd}"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        pytest.skip(f"cannot make a private mount here (needs CAP_SYS_ADMIN): {probe.stderr.strip()[:100]}")
    result = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", sys.executable, "-c", DRIVER, json.dumps([setup, commands, list(after)])],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [tuple(row) for row in json.loads(result.stdout)]


def test_an_archive_on_a_read_only_mount_is_read_and_never_called_corrupt(demo_path, tmp_path):
    source = demo_path.parent
    mount = tmp_path.parent / f"{tmp_path.name}-ro"
    mount.mkdir()
    (tmp_path / "frister.txt").write_text(DEADLINES, encoding="utf-8")
    before = snapshot(source)
    db = str(mount / demo_path.name)
    check, export, search, imported = in_private_mounts(
        [f"mount --bind -o ro {source} {mount}"],
        [
            ["check", "--db", db],
            ["export", "json", "--db", db],
            ["search", "budsjett", "--db", db],
            ["import", "deadlines", str(mount / "frister.txt"), "--year", "2023", "--db", db],
        ],
        cwd=tmp_path.parent,
    )
    assert check[0] == 0 and "montert skrivebeskyttet" in check[1], check
    assert export[0] == 0 and export[1].startswith("{"), export
    assert search[0] == 0, search
    assert imported[0] == 2 and "skrivebeskyttet" in imported[2] and "sikkerhetskopi" not in imported[2], imported
    assert snapshot(source) == before  # no -wal, -shm or backup made


def test_an_archive_on_a_full_disk_is_read_and_a_write_says_the_disk_is_full(demo_path, tmp_path):
    mount = tmp_path / "full"
    mount.mkdir()
    (tmp_path / "frister.txt").write_text(DEADLINES, encoding="utf-8")
    db = mount / "nuit.sqlite"
    size_kb = demo_path.stat().st_size // 1024 + 256
    check, export, imported, unchanged, listing = in_private_mounts(
        [
            f"mount -t tmpfs -o size={size_kb}k tmpfs {mount}",
            f"cp {demo_path} {db}",
            f"cat /dev/zero > {mount}/filler 2>/dev/null || true",
            f"sha256sum {db} > {tmp_path}/before.txt",
        ],
        [
            ["check", "--db", str(db)],
            ["export", "json", "--db", str(db)],
            ["import", "deadlines", str(tmp_path / "frister.txt"), "--year", "2023", "--db", str(db)],
        ],
        cwd=tmp_path,
        after=(f"sha256sum -c {tmp_path}/before.txt", f"ls -a {mount}"),
    )
    assert check[0] == 0, check
    assert export[0] == 0 and export[1].startswith("{"), export
    assert imported[0] == 1 and "Disken er full" in imported[2], imported
    assert "sikkerhetskopi" not in check[2] + export[2] + imported[2]
    assert unchanged[0] == 0, unchanged  # the archive's bytes as they were
    assert listing[1].split() == [".", "..", "filler", "nuit.sqlite"]  # no -wal, -shm or temporary file


# --- temporary files: hidden, recognised, cleaned ------------------------------------------


def stale(path: Path) -> Path:
    path.write_bytes(b"half a copy")
    old = time.time() - copies.STALE_SECONDS - 1
    os.utime(path, (old, old))
    return path


def test_a_kill_during_the_migration_backup_leaves_only_hidden_files_cleaned_at_the_next_start(tmp_path, monkeypatch):
    from test_backup import old_archive

    path = old_archive(tmp_path / "nuit.sqlite")

    def killed(file):
        raise KeyboardInterrupt  # the process dies between writing the copy and renaming it

    monkeypatch.setattr(copies, "fsync_file", killed)
    with pytest.raises(KeyboardInterrupt):
        open_store(path)
    monkeypatch.undo()
    visible = [p.name for p in tmp_path.iterdir() if not p.name.startswith(".") and not p.name.startswith("nuit.sqlite")]
    assert visible == []  # no «nuit.before-migration-….sqlite.tmp» in sight
    # A hard kill cannot clean up: what it leaves is hidden and recognised at the next start.
    left = [
        stale(tmp_path / ".nuit.before-migration-20240101-120000.sqlite.abcd1234.tmp"),
        stale(tmp_path / ".nuit.before-migration-20240101-120000.sqlite.abcd1234.tmp-journal"),
    ]
    young = tmp_path / ".nuit.before-migration-20240101-120500.sqlite.efgh5678.tmp"
    young.write_bytes(b"another process copying now")
    unrelated = stale(tmp_path / ".notes.txt.abcd1234.tmp")
    # What versions before the hidden names left in sight (269 MB in the report).
    left += [
        stale(tmp_path / "nuit.before-migration-20231231-235959.sqlite.tmp"),
        stale(tmp_path / "nuit.before-migration-20231231-235959.sqlite.tmp-journal"),
    ]
    open_store(path).close()
    assert not any(p.exists() for p in left)
    assert young.exists() and unrelated.exists()
    assert len(list(tmp_path.glob("nuit.before-migration-*.sqlite"))) == 1


@pytest.mark.parametrize("kind", ["export", "daily backup", "backup --out", "migration backup"])
def test_a_stale_temporary_file_of_each_kind_is_removed_at_the_next_write_or_start(demo_path, tmp_path, kind):
    if kind == "export":
        folder = tmp_path / "exports"
        folder.mkdir()
        leftover = stale(folder / ".referat.md.x1y2z3w4.tmp")
        files.write_export(b"# Referat\n", "referat.md", out=None, exports_dir=folder)
    elif kind == "daily backup":
        folder = demo_path.parent / "backups"
        folder.mkdir()
        leftover = stale(folder / ".demo-daily-2024-01-01.sqlite.x1y2z3w4.tmp-journal")
        backups.daily_backup(demo_path, keep=7, today=dt.date(2024, 1, 2))
    elif kind == "backup --out":
        folder = tmp_path / "usb"
        folder.mkdir()
        leftover = stale(folder / ".kopi.sqlite.x1y2z3w4.tmp")
        backups.backup(demo_path, folder / "kopi.sqlite")
    else:
        leftover = stale(tmp_path / ".demo.before-migration-20240101-120000.sqlite.x1y2z3w4.tmp")
        Archive.open(demo_path).close()  # the next start, with nothing to migrate
    assert leftover.name.startswith(".") and copies.temp_target(leftover.name)
    assert not leftover.exists()


# --- one class per case ----------------------------------------------------------------------


def _newer(path: Path, demo: Path) -> Path:
    shutil.copy(demo, path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('nuit_tui', '9999_future', 'x')")
    conn.commit()
    conn.close()
    return path


def _other_program(path: Path, demo: Path) -> Path:
    planted("CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('Kari');")(path)
    return path


def _corrupt(path: Path, demo: Path) -> Path:
    data = bytearray(demo.read_bytes())
    for offset in range(3 * 4096, min(len(data), 12 * 4096)):
        data[offset] = (data[offset] * 7 + 13) % 256
    path.write_bytes(bytes(data))
    return path


def _foreign(path: Path, demo: Path) -> Path:
    shutil.copy(demo, path)
    planted(FOREIGN["view"][0])(path)
    return path


CASES = {
    "fifo": (lambda path, demo: os.mkfifo(path) or path, errors.NotARegularFile),
    "folder": (lambda path, demo: path.mkdir() or path, errors.NotADatabase),
    "text": (lambda path, demo: path.write_text("Referat\n") and path, errors.NotADatabase),
    "other program": (_other_program, errors.NotNuitDatabase),
    "newer": (_newer, errors.NewerDatabase),
    "corrupt": (_corrupt, errors.CorruptDatabase),
    "foreign view": (_foreign, errors.ForeignSchema),
}


@pytest.mark.parametrize("case", CASES)
def test_each_bad_file_is_refused_with_its_own_class_by_check_open_and_restore(demo_template, tmp_path, case):
    make, kind = CASES[case]
    path = make(tmp_path / "nuit.sqlite", demo_template)
    before = snapshot(tmp_path)
    with pytest.raises(kind) as info:
        connection.check_file(path, ["meetings"])
    assert ("sikkerhetskopi" in str(info.value)) is (kind is errors.CorruptDatabase)
    with pytest.raises(kind):
        ArchiveFile(path)
    target = tmp_path.parent / f"{tmp_path.name}-target.sqlite"
    with pytest.raises(kind):
        backups.restore(path, target)
    assert not target.exists()
    assert snapshot(tmp_path) == before


# --- the kept expected schema (store/schema_check.py) --------------------------------------------


def _applied(path: Path) -> tuple[str, ...]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return tuple(row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid"))


def test_a_start_takes_the_expected_schema_kept_by_an_earlier_one_and_never_replays(demo_path, tmp_path, monkeypatch):
    from nuit_tui.store import schema_check

    monkeypatch.setenv("NUIT_CACHE_DIR", str(tmp_path / "cache"))
    schema_check._expected.cache_clear()
    ArchiveFile(demo_path).close()  # the first start replays and keeps what it made
    assert [p.name.startswith("schema-") for p in (tmp_path / "cache").iterdir()] == [True]
    schema_check._expected.cache_clear()  # a new process, as far as the check knows

    def no_replay(applied):
        raise AssertionError("replayed although a kept schema was there")

    monkeypatch.setattr(schema_check, "_migrated", no_replay)
    ArchiveFile(demo_path).close()
    schema_check._expected.cache_clear()


@pytest.mark.parametrize("kept", ["not json", '{"objects": [], "checkout_triggers": {}}', "damaged"])
def test_a_wrong_or_damaged_kept_schema_never_refuses_a_sound_file_and_is_made_again(demo_path, tmp_path, monkeypatch, kept):
    from nuit_tui.store import schema_check

    monkeypatch.setenv("NUIT_CACHE_DIR", str(tmp_path / "cache"))
    schema_check._expected.cache_clear()
    ArchiveFile(demo_path).close()
    (path,) = (tmp_path / "cache").iterdir()
    good = path.read_text(encoding="utf-8")
    if kept == "damaged":  # one of our tables said to be made otherwise
        kept = good.replace("CREATE TABLE meetings", "CREATE TABLE meetings_renamed")
        assert kept != good
    path.write_text(kept, encoding="utf-8")
    schema_check._expected.cache_clear()
    ArchiveFile(demo_path).close()  # opens: the kept copy's word is checked against a replay
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(good)
    schema_check._expected.cache_clear()


def test_a_kept_schema_of_another_key_under_the_same_name_is_not_taken(demo_path, tmp_path, monkeypatch):
    """The file's name is a CRC of its key: the key inside it decides."""
    from nuit_tui.store import schema_check

    monkeypatch.setenv("NUIT_CACHE_DIR", str(tmp_path / "cache"))
    schema_check._expected.cache_clear()
    ArchiveFile(demo_path).close()
    (path,) = (tmp_path / "cache").iterdir()
    good = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**good, "key": "another nuit-tui's", "objects": []}), encoding="utf-8")
    replays = []
    migrated = schema_check._migrated
    monkeypatch.setattr(schema_check, "_migrated", lambda applied: replays.append(applied) or migrated(applied))
    schema_check._expected.cache_clear()
    ArchiveFile(demo_path).close()
    assert len(replays) == 1  # replayed at once, not compared with the other key's schema
    assert json.loads(path.read_text(encoding="utf-8")) == good  # and kept anew under its key
    schema_check._expected.cache_clear()


def test_a_foreign_trigger_is_refused_with_a_kept_schema_too(demo_path, tmp_path, monkeypatch):
    from nuit_tui.store import schema_check

    monkeypatch.setenv("NUIT_CACHE_DIR", str(tmp_path / "cache"))
    schema_check._expected.cache_clear()
    ArchiveFile(demo_path).close()
    schema_check._expected.cache_clear()
    with contextlib.closing(sqlite3.connect(demo_path)) as conn:
        conn.execute("CREATE TRIGGER wipe AFTER INSERT ON remarks BEGIN DELETE FROM remarks; END")
        conn.commit()
    with pytest.raises(errors.ForeignSchema, match="triggeren «wipe» er ikke laget av nuit-tui"):
        ArchiveFile(demo_path)
    schema_check._expected.cache_clear()


def test_an_unwritable_cache_folder_costs_only_the_replay(demo_path, tmp_path, monkeypatch):
    from nuit_tui.store import schema_check

    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("NUIT_CACHE_DIR", str(blocked / "cache"))
    schema_check._expected.cache_clear()
    ArchiveFile(demo_path).close()
    schema_check._expected.cache_clear()
    assert blocked.read_text(encoding="utf-8") == ""


def test_kept_schemas_of_earlier_versions_are_pruned_to_the_last_used(demo_path, tmp_path, monkeypatch):
    """Every upgrade keeps a new expected schema; the oldest unused ones are removed, the
    one in use is kept, and nothing else in the folder is touched."""
    from nuit_tui.store import schema_check

    cache = tmp_path / "cache"
    monkeypatch.setenv("NUIT_CACHE_DIR", str(cache))
    schema_check._expected.cache_clear()
    ArchiveFile(demo_path).close()
    (in_use,) = cache.iterdir()
    old = []
    for n in range(schema_check.KEPT_SCHEMAS + 3):  # schemas kept by earlier versions, a day apart
        path = cache / f"schema-earlier-{n:02d}.json"
        path.write_text("{}", encoding="utf-8")
        os.utime(path, ns=(10**18 + n * 86_400 * 10**9,) * 2)
        old.append(path)
    os.utime(in_use, ns=(10**18,) * 2)  # older than all of them, until it is used again
    (cache / "notes.txt").write_text("not ours to remove", encoding="utf-8")
    schema_check._expected.cache_clear()
    ArchiveFile(demo_path).close()  # uses the kept one: it is the newest now
    monkeypatch.setattr(schema_check, "CACHE_FORMAT", schema_check.CACHE_FORMAT + 1)  # a new version: a new one is kept, the folder pruned
    schema_check._expected.cache_clear()
    ArchiveFile(demo_path).close()
    schema_check._expected.cache_clear()
    left = {p.name for p in cache.iterdir()}
    assert len([name for name in left if name.startswith("schema-")]) == schema_check.KEPT_SCHEMAS
    assert in_use.name in left and "notes.txt" in left
    assert {p.name for p in old[-(schema_check.KEPT_SCHEMAS - 2):]} <= left  # the newest earlier ones
    assert not {p.name for p in old[: len(old) - (schema_check.KEPT_SCHEMAS - 2)]} & left
