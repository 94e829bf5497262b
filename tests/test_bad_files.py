"""Bad files: each gives one clear message, through the store, the CLI and the app's
start, and the file is never modified. Exports are whole or absent, even when the
disk fills up or the process is killed in the middle."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import digest
from nuit_tui import cli, files
from nuit_tui.domain import models as m
from nuit_tui.store import connection, errors, open_store


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
    assert "Traceback" not in err and "database is locked" not in err
    return lines[0]


# --- the bad files, each made the way it happens ----------------------------------------


def text_file(folder: Path, demo: Path) -> Path:
    path = folder / "notes.sqlite"
    path.write_text("Referat fra møtet\n", encoding="utf-8")
    return path


def other_program(folder: Path, demo: Path) -> Path:
    path = folder / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.execute("INSERT INTO customers VALUES ('Kari')")
    conn.commit()
    conn.close()
    return path


def corrupt(folder: Path, demo: Path) -> Path:
    path = folder / "corrupt.sqlite"
    data = bytearray(demo.read_bytes())
    for offset in range(3 * 4096, min(len(data), 12 * 4096)):
        data[offset] = (data[offset] * 7 + 13) % 256
    path.write_bytes(bytes(data))
    return path


def truncated(folder: Path, demo: Path) -> Path:
    """A copy that stopped half-way (a full USB stick, a sync that broke off)."""
    path = folder / "half.sqlite"
    data = demo.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def newer(folder: Path, demo: Path) -> Path:
    path = folder / "newer.sqlite"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('nuit_tui', '9999_future', 'x')")
    conn.commit()
    conn.close()
    return path


def missing_folder(folder: Path, demo: Path) -> Path:
    return folder / "finnes-ikke" / "nuit.sqlite"


def a_folder(folder: Path, demo: Path) -> Path:
    path = folder / "db"
    path.mkdir()
    return path


BAD_FILES = {
    "text": (text_file, "ikke en nuit-tui-database"),
    "other program": (other_program, "ikke en nuit-tui-database"),
    "corrupt": (corrupt, "gjenopprett fra en sikkerhetskopi"),
    "truncated": (truncated, "sikkerhetskopi"),
    "newer": (newer, "nyere versjon"),
    "missing folder": (missing_folder, "finnes ikke"),
    "folder": (a_folder, "er en mappe"),
}


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) if p.is_file() else "dir" for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("kind", BAD_FILES)
@pytest.mark.parametrize(
    "command",
    [["check"], ["export", "json"], ["backup"], ["export", "minutes", "--body", "NUIT", "--meeting", "1/2023"], ["import", "json", "archive.json"]],
    ids=["check", "export-json", "backup", "export-minutes", "import-json"],
)
def test_every_command_refuses_a_bad_file_in_one_line_and_leaves_it_alone(tmp_path, demo_template, kind, command, monkeypatch):
    make, words = BAD_FILES[kind]
    path = make(tmp_path, demo_template)
    (tmp_path / "archive.json").write_text("{}", encoding="utf-8")
    before = snapshot(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_main([*command, "--db", path])
    assert code == 2, err
    line = one_line(err)
    assert words in line or (command[0] == "import" and "nuit-tui-eksport" in line), line
    assert snapshot(tmp_path) == before  # no -wal, -shm, backup or export beside it


@pytest.mark.parametrize("kind", ["text", "corrupt", "newer", "missing folder"])
def test_the_app_refuses_a_bad_file_at_start_in_one_line(tmp_path, demo_template, kind):
    make, words = BAD_FILES[kind]
    path = make(tmp_path, demo_template)
    before = snapshot(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "NUIT_DEBUG"}
    result = subprocess.run(
        [sys.executable, "-m", "nuit_tui", "--db", str(path)], capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 2
    assert words in one_line(result.stderr)
    assert snapshot(tmp_path) == before


def test_a_read_only_archive_is_read_by_the_cli_and_a_write_refused_untouched(tmp_path, demo_path, monkeypatch):
    before = digest(demo_path)
    real_access = os.access
    # Root ignores permissions; ask the check as the OS would answer a user for a 0444 file.
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK and Path(p) == demo_path else real_access(p, mode, **kw))
    code, out, _ = run_main(["export", "json", "--db", demo_path])
    assert code == 0 and out.startswith("{")
    (tmp_path / "frister.txt").write_text("Frist | Beskrivelse\n15. februar | Innspill til budsjett\n", encoding="utf-8")
    code, _, err = run_main(["import", "deadlines", tmp_path / "frister.txt", "--year", "2023", "--db", demo_path])
    assert code == 2
    assert "skrivebeskyttet" in one_line(err)
    assert digest(demo_path) == before
    assert not Path(f"{demo_path}-wal").exists()


# --- a file another program has locked ---------------------------------------------------


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)


def test_a_single_file_archive_locked_by_another_program_is_refused_untouched(tmp_path, demo_path, short_busy_timeout):
    # A backup copy (journal_mode=DELETE) opened in a database tool that holds an exclusive lock.
    from nuit_tui.services.backup import backup

    copy = backup(demo_path, tmp_path / "copy.sqlite")
    before = digest(copy)
    holder = sqlite3.connect(copy, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(errors.DatabaseBusy) as info:
            open_store(copy)
        assert "låst av et annet program" in str(info.value)
        code, _, err = run_main(["export", "json", "--db", copy])
        assert code == 1
        assert "låst av et annet program" in one_line(err)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert digest(copy) == before


def test_an_archive_whose_write_lock_is_held_elsewhere_reads_and_refuses_writes_clearly(demo_path, short_busy_timeout):
    store = open_store(demo_path)
    holder = sqlite3.connect(demo_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # in WAL mode readers go on; writers wait
    try:
        assert store.count(m.Meeting) > 0
        with pytest.raises(errors.DatabaseBusy) as info:
            store.insert(m.Body(short_name="NY", name="Nytt utvalg"))
        assert "opptatt" in str(info.value) and "locked" not in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.count(m.Body, "short_name = 'NY'") == 0
    store.insert(m.Body(short_name="NY", name="Nytt utvalg"))  # free again: the write goes through
    store.close()


def test_a_write_waits_for_a_short_lock_instead_of_failing(demo_path):
    import threading

    store = open_store(demo_path)
    holder = sqlite3.connect(demo_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another window saving, for 0.4 s
    threading.Timer(0.4, lambda: holder.execute("ROLLBACK")).start()
    started = time.monotonic()
    store.insert(m.Body(short_name="NY", name="Nytt utvalg"))
    assert time.monotonic() - started >= 0.3
    holder.close()
    store.close()


# --- exports: whole or absent ------------------------------------------------------------


def full_disk(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_full_disk_at_fsync_leaves_no_export_and_no_temporary_file(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        files.write_export(b"x" * 100_000, "referat.docx", out=None, exports_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_fails_half_way_keeps_the_old_export(tmp_path, monkeypatch):
    target = tmp_path / "referat.md"
    target.write_bytes(b"the old minutes\n")
    real_fdopen = os.fdopen

    class HalfWriter:
        """A handle whose disk fills after the first half."""

        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(OSError):
        files.write_atomic(target, b"the new minutes, much longer than the old\n" * 1000)
    assert target.read_bytes() == b"the old minutes\n"
    assert leftovers(tmp_path) == []


def test_the_cli_says_the_disk_is_full_and_writes_nothing(tmp_path, demo_path, monkeypatch):
    monkeypatch.setattr(os, "fsync", full_disk)
    out = tmp_path / "out"
    out.mkdir()
    for command in (
        ["export", "json", "--out", out / "a.json"],
        ["export", "minutes", "--body", "NUIT", "--meeting", "1/2023", "--format", "md", "--out", out / "r.md"],
        ["backup", "--out", out / "b.sqlite"],
    ):
        code, _, err = run_main([*command, "--db", demo_path])
        assert code == 1, err
        line = one_line(err)
        assert "Disken er full" in line or "ingenting ble skrevet" in line, line
        assert list(out.iterdir()) == [], command


@pytest.mark.skipif(sys.platform != "linux", reason="SIGKILL")
def test_a_kill_during_an_export_leaves_no_half_file_and_the_leftover_is_cleared(tmp_path):
    target = tmp_path / "referat.md"
    target.write_bytes(b"old\n")
    code = (
        "import os, sys, time\n"
        "from nuit_tui import files\n"
        "os.fsync = lambda fd: (print('writing', flush=True), time.sleep(60))\n"
        f"files.write_atomic(__import__('pathlib').Path({str(target)!r}), b'new' * 100000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"  # the temporary file is written, not yet renamed
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert target.read_bytes() == b"old\n"
    stale = leftovers(tmp_path)
    assert len(stale) == 1  # hidden (".referat.md.….tmp") and never the export itself
    old = time.time() - files.LEFTOVER_SECONDS - 1
    os.utime(tmp_path / stale[0], (old, old))
    files.write_atomic(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert leftovers(tmp_path) == []


def test_an_export_is_readable_by_colleagues_like_any_new_file(tmp_path):
    import os

    from nuit_tui.files import write_atomic

    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "innkalling.md", b"# Innkalling\n")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
