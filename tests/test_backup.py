"""Backups: on demand (safe while another process writes), daily at app start, before a
migration and before a restore; restore refuses what is not a whole archive; a
warning when the archive lies on a network share or in a synced folder."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
import sqlite_utils

from conftest import digest, run
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.services import backup as backups
from nuit_tui.store import errors, open_store
from nuit_tui.store.locations import cloud_folder, filesystem_type, is_network_type, location_warning, parse_mounts
from nuit_tui.store.schema import APPLICATION_ID, migration_names, migrations


def rows(path: Path, sql: str) -> list:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# --- nuit-tui backup ---------------------------------------------------------------------------


def test_backup_makes_a_verified_single_file_copy_in_backups(demo_path):
    made = backups.backup(demo_path, now=dt.datetime(2024, 3, 1, 9, 30))
    assert made == demo_path.parent / "backups" / "demo-20240301-093000.sqlite"
    assert rows(made, "PRAGMA integrity_check") == [("ok",)]
    assert rows(made, "PRAGMA journal_mode") == [("delete",)]  # one file, nothing beside it to forget
    assert rows(made, "SELECT count(*) FROM remarks") == rows(demo_path, "SELECT count(*) FROM remarks")
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]


def test_a_backup_taken_while_another_process_writes_is_whole(demo_path, tmp_path):
    # The writer is another connection that commits as fast as it can, as a typing secretary's app does.
    stop = threading.Event()
    written = []

    def write() -> None:
        store = open_store(demo_path)
        item_id = store.find(m.AgendaItem, limit=1)[0].id
        n = 0
        while not stop.is_set():
            n += 1
            store.insert(m.Remark(item_id=item_id, speaker="KS", text=f"innspill {n}"))
            written.append(n)
        store.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        copies = [backups.backup(demo_path, tmp_path / f"copy{i}.sqlite") for i in range(5)]
    finally:
        stop.set()
        writer.join()
    assert len(written) > 5
    counts = []
    for copy in copies:
        assert rows(copy, "PRAGMA integrity_check") == [("ok",)]
        texts = [r[0] for r in rows(copy, "SELECT text FROM remarks WHERE text LIKE 'innspill %' ORDER BY id")]
        # A snapshot: the remarks written up to some moment, none missing in between.
        assert texts == [f"innspill {n}" for n in range(1, len(texts) + 1)]
        counts.append(len(texts))
    assert counts == sorted(counts)


def test_backup_and_restore_through_the_cli(demo_path, tmp_path):
    made = run("backup", "--db", demo_path)
    assert made.returncode == 0, made.stderr
    copy = Path(made.stdout.strip().rsplit(": ", 1)[1])
    assert copy.parent == demo_path.parent / "backups" and copy.exists()
    archive = Archive.open(demo_path)
    archive.members.add_body("NY", "Et utvalg etter kopien")
    archive.close()
    refused = run("restore", copy, "--db", demo_path)
    assert refused.returncode == 2
    assert "--force" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert rows(demo_path, "SELECT count(*) FROM bodies WHERE short_name = 'NY'") == [(1,)]
    restored = run("restore", copy, "--db", demo_path, "--force")
    assert restored.returncode == 0, restored.stderr
    assert rows(demo_path, "SELECT count(*) FROM bodies WHERE short_name = 'NY'") == [(0,)]
    kept = next((demo_path.parent / "backups").glob("demo-before-restore-*.sqlite"))
    assert rows(kept, "SELECT count(*) FROM bodies WHERE short_name = 'NY'") == [(1,)]
    assert run("check", "--db", demo_path).returncode == 0


def test_backup_refuses_to_overwrite_or_to_copy_a_bad_file(demo_path, tmp_path):
    existing = tmp_path / "taken.sqlite"
    existing.write_bytes(b"keep me")
    with pytest.raises(errors.Conflict):
        backups.backup(demo_path, existing)
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(errors.MissingDirectory):
        backups.backup(demo_path, tmp_path / "nope" / "x.sqlite")
    text = tmp_path / "notes.txt"
    text.write_text("ikke en database")
    with pytest.raises(errors.NotADatabase):
        backups.backup(text)
    assert not (tmp_path / "backups").exists()


# --- nuit-tui restore -----------------------------------------------------------------------------


def bad_sources(tmp_path: Path, demo: Path) -> dict[str, Path]:
    text = tmp_path / "text.sqlite"
    text.write_text("Referat\n")
    half = tmp_path / "half.sqlite"
    half.write_bytes(demo.read_bytes()[: demo.stat().st_size // 2])
    other = tmp_path / "other.sqlite"
    sqlite_utils.Database(other)["customers"].insert({"name": "Kari"})
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    return {"text": text, "half": half, "other": other, "empty": empty}


def test_restore_refuses_a_file_that_is_not_a_whole_archive_and_changes_nothing(demo_path, tmp_path):
    sources = bad_sources(tmp_path, demo_path)
    before = digest(demo_path)
    for name, source in sources.items():
        with pytest.raises(errors.StoreError) as info:
            backups.restore(source, demo_path, force=True)
        assert str(source) in str(info.value), name
    assert digest(demo_path) == before
    assert not (demo_path.parent / "backups").exists()


def test_restore_into_a_new_file_and_over_a_broken_one(demo_path, tmp_path):
    copy = backups.backup(demo_path, tmp_path / "copy.sqlite")
    fresh = tmp_path / "new" / "nuit.sqlite"
    fresh.parent.mkdir()
    done = backups.restore(copy, fresh)
    assert done.replaced_copy is None
    assert rows(fresh, "PRAGMA journal_mode") == [("wal",)]
    assert rows(fresh, "SELECT count(*) FROM meetings") == rows(demo_path, "SELECT count(*) FROM meetings")

    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(demo_path.read_bytes()[:50_000])
    broken_bytes = broken.read_bytes()
    with pytest.raises(errors.Conflict):
        backups.restore(copy, broken)
    done = backups.restore(copy, broken, force=True)
    assert done.replaced_copy.read_bytes() == broken_bytes  # kept as it was, for whoever wants to look
    assert open_store(broken).integrity_problems() == []


def test_restore_while_the_app_has_the_file_open_is_seen_by_the_app(demo_path, tmp_path):
    copy = backups.backup(demo_path, tmp_path / "copy.sqlite")
    app = Archive.open(demo_path)  # the running app's connection
    app.members.add_body("NY", "Etter kopien")
    backups.restore(copy, demo_path, force=True)
    assert [b.short_name for b in app.members.bodies() if b.short_name == "NY"] == []
    assert app.store.integrity_problems() == []
    app.members.add_body("NY2", "Skrevet etter gjenopprettingen")
    app.close()
    assert rows(demo_path, "SELECT short_name FROM bodies WHERE short_name LIKE 'NY%'") == [("NY2",)]


# --- automatic backups ------------------------------------------------------------------------------


def test_the_daily_backup_is_taken_once_a_day_and_the_newest_n_are_kept(demo_path):
    start = dt.date(2024, 1, 1)
    for offset in range(10):
        day = start + dt.timedelta(days=offset)
        assert backups.daily_backup(demo_path, keep=7, today=day) is not None
        assert backups.daily_backup(demo_path, keep=7, today=day) is None  # the second start that day
    kept = [p.name for p in backups.daily_backups(demo_path)]
    assert kept == [f"demo-daily-2024-01-{d:02d}.sqlite" for d in range(10, 3, -1)]
    assert rows(demo_path.parent / "backups" / kept[0], "PRAGMA integrity_check") == [("ok",)]


def test_the_number_kept_is_configurable_and_zero_turns_them_off(demo_path, monkeypatch):
    monkeypatch.setenv(backups.KEEP_ENV, "2")
    assert backups.keep_count() == 2
    for day in (1, 2, 3):
        backups.daily_backup(demo_path, today=dt.date(2024, 1, day))
    assert [p.name for p in backups.daily_backups(demo_path)] == ["demo-daily-2024-01-03.sqlite", "demo-daily-2024-01-02.sqlite"]
    monkeypatch.setenv(backups.KEEP_ENV, "0")
    assert backups.daily_backup(demo_path, today=dt.date(2024, 1, 4)) is None
    monkeypatch.setenv(backups.KEEP_ENV, "sju")
    with pytest.raises(errors.StoreError) as info:
        backups.keep_count()
    assert backups.KEEP_ENV in str(info.value)


def test_a_backup_interrupted_by_a_crash_leaves_only_a_hidden_temporary_file_that_is_cleared(demo_path, monkeypatch):
    import os
    import time

    from nuit_tui.store import copies

    def crash(path):
        raise KeyboardInterrupt  # the process dies between writing and renaming

    monkeypatch.setattr(copies, "fsync_file", crash)
    with pytest.raises(KeyboardInterrupt):
        backups.daily_backup(demo_path, keep=7, today=dt.date(2024, 1, 1))
    folder = demo_path.parent / "backups"
    assert backups.daily_backups(demo_path) == [] and list(folder.iterdir()) == []  # cleaned up on the way out

    # A hard kill cannot clean up: a stale temporary file is cleared at the next start.
    stale = folder / ".demo-daily-2024-01-01.sqlite.abc12345.tmp"
    stale.write_bytes(b"half")
    old = time.time() - backups.STALE_TEMP_SECONDS - 1
    os.utime(stale, (old, old))
    monkeypatch.undo()
    backups.daily_backup(demo_path, keep=7, today=dt.date(2024, 1, 2))
    assert [p.name for p in folder.iterdir()] == ["demo-daily-2024-01-02.sqlite"]


def old_archive(path: Path) -> Path:
    """An archive as the first release made it: only the first migration."""
    old = sqlite_utils.Database(path)
    old.execute("PRAGMA journal_mode=WAL")
    migrations.apply(old, stop_before=migration_names()[1])
    old.execute(f"PRAGMA application_id={APPLICATION_ID}")
    old["bodies"].insert({"short_name": "NUIT", "name": "Prioriteringsutvalget"})
    old.close()
    return path


def test_opening_an_older_archive_from_the_cli_backs_it_up_before_migrating(tmp_path):
    path = old_archive(tmp_path / "old.sqlite")
    result = run("export", "json", "--db", path, "--out", tmp_path / "a.json")
    assert result.returncode == 0, result.stderr
    made = list(tmp_path.glob("old.before-migration-*.sqlite"))
    assert len(made) == 1
    assert rows(made[0], "SELECT name FROM _sqlite_migrations") == [(migration_names()[0],)]
    assert rows(path, "SELECT count(*) FROM _sqlite_migrations") == [(len(migration_names()),)]


async def test_the_app_takes_the_daily_backup_at_start(demo_path):
    from nuit_tui.tui.app import NuitApp

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
    archive.close()
    made = backups.daily_backups(demo_path)
    assert [p.name for p in made] == [f"demo-daily-{dt.date.today().isoformat()}.sqlite"]


# --- where the file lives ------------------------------------------------------------------------------

MOUNTS = r"""/dev/vda / ext4 rw,relatime 0 0
server:/export/home /home/kari/nett nfs4 rw,relatime 0 0
//filserver/felles /mnt/felles cifs rw 0 0
kari@host:/srv /home/kari/ssh fuse.sshfs rw 0 0
/dev/sdb1 /media/kari/USB\040disk fuseblk rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/home/kari/nett/nuit.sqlite", True),
        ("/mnt/felles/sekretariat/nuit.sqlite", True),
        ("/home/kari/ssh/nuit.sqlite", True),
        ("/media/kari/USB disk/nuit.sqlite", False),
        ("/home/kari/nettverk/nuit.sqlite", False),
        ("/home/kari/db/nuit.sqlite", False),
    ],
)
def test_a_network_share_is_told_by_its_file_system_type(path, network):
    mounts = parse_mounts(MOUNTS)
    assert is_network_type(filesystem_type(Path(path), mounts)) is network
    assert (location_warning(Path(path), mounts) is not None) is network


@pytest.mark.parametrize(
    ("path", "cloud"),
    [
        ("/home/kari/OneDrive - Helsedirektoratet/Sekretariat/nuit.sqlite", "OneDrive"),
        ("/Users/kari/Dropbox/nuit.sqlite", "Dropbox"),
        ("/Users/kari/Google Drive/Min disk/nuit.sqlite", "Google Drive"),
        ("/Users/kari/Library/Mobile Documents/com~apple~CloudDocs/nuit.sqlite", "Mobile Documents"),
        ("/home/kari/iCloud/nuit.sqlite", "iCloud"),
        ("/home/kari/db/nuit.sqlite", None),
        ("/home/kari/Dropboxes-old/nuit.sqlite", None),
    ],
)
def test_a_synced_cloud_folder_is_told_by_its_name(path, cloud):
    assert cloud_folder(Path(path)) == cloud
    warning = location_warning(Path(path), mounts=[])
    assert (warning is not None) is (cloud is not None)
    if warning:
        assert "skysynkronisert" in warning and "nuit-tui backup" in warning


def test_the_cli_warns_in_one_line_about_a_synced_folder(demo_template, tmp_path):
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    db = shutil.copy(demo_template, folder / "nuit.sqlite")
    result = run("export", "json", "--db", db, "--out", tmp_path / "a.json")
    assert result.returncode == 0
    warnings = [line for line in result.stderr.splitlines() if "Advarsel" in line]
    assert len(warnings) == 1 and "skysynkronisert mappe (Dropbox)" in warnings[0]


async def test_the_app_warns_about_a_synced_folder_with_a_toast(demo_template, tmp_path):
    from nuit_tui.tui.app import NuitApp

    folder = tmp_path / "OneDrive - Direktoratet"
    folder.mkdir()
    archive = Archive.open(shutil.copy(demo_template, folder / "nuit.sqlite"))
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        await app.workers.wait_for_complete()
    archive.close()
    assert any("skysynkronisert mappe (OneDrive)" in message for message in messages)
