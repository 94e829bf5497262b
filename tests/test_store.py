"""The store: durability settings, refusing bad files untouched, migrations, versions."""

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from conftest import digest
from nuit_tui.domain import models as m
from nuit_tui.store import errors, open_store
from nuit_tui.store.schema import APPLICATION_ID, migration_names, migrations


def test_every_connection_is_durable(tmp_path):
    store = open_store(tmp_path / "a.sqlite")
    pragma = lambda name: store.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") >= 1000
    assert pragma("application_id") == APPLICATION_ID
    assert store.meta()["archive_id"]
    store.close()


def test_a_committed_edit_is_visible_to_another_connection_at_once(tmp_path):
    store = open_store(tmp_path / "a.sqlite")
    store.insert(m.Body(short_name="NUIT", name="Prioriteringsutvalget"))
    other = sqlite3.connect(tmp_path / "a.sqlite")
    assert other.execute("SELECT short_name FROM bodies").fetchall() == [("NUIT",)]
    other.close()
    store.close()


def test_a_failed_write_changes_nothing(tmp_path):
    store = open_store(tmp_path / "a.sqlite")
    body = store.insert(m.Body(short_name="NUIT", name="Prioriteringsutvalget"))
    with pytest.raises(RuntimeError), store.write():
        store.insert(m.Body(short_name="NEHS", name="Nasjonalt e-helsestyre"))
        raise RuntimeError("power cut in the middle")
    assert [b.short_name for b in store.find(m.Body)] == ["NUIT"]
    with pytest.raises(errors.Conflict):
        store.insert(m.Body(short_name="nuit", name="Duplikat"))
    assert store.get(m.Body, body.id) == body
    store.close()


def test_a_stale_write_is_refused_and_the_newer_value_stays(tmp_path):
    store = open_store(tmp_path / "a.sqlite")
    body = store.insert(m.Body(short_name="NUIT", name="N"))
    meeting = store.insert(
        m.Meeting(body_id=body.id, year=2023, number=1, date=dt.date(2023, 2, 16), start_time=dt.time(9), end_time=dt.time(16))
    )
    mine = store.update(meeting.model_copy(update={"location": "Teams"}))
    with pytest.raises(errors.StaleWrite):
        store.update(meeting.model_copy(update={"location": "Rom 4117"}))
    assert store.get(m.Meeting, meeting.id).location == "Teams"
    assert mine.row_version == 2
    store.close()


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"# README\nnot a database\n", errors.NotADatabase),
        (b"SQLite format 3\x00" + b"\xff" * 2000, errors.CorruptDatabase),
    ],
)
def test_a_file_that_is_not_an_archive_is_refused_and_untouched(tmp_path, content, error):
    path = tmp_path / "x.sqlite"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(error) as info:
        open_store(path)
    assert str(path) in str(info.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.sqlite"]


def test_another_programs_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    other = sqlite_utils.Database(path)
    other["customers"].insert({"name": "Kari"})
    other.close()
    before = digest(path)
    with pytest.raises(errors.NotNuitDatabase):
        open_store(path)
    assert digest(path) == before


def test_a_corrupt_archive_is_refused_and_untouched(tmp_path, demo_template):
    path = tmp_path / "corrupt.sqlite"
    data = bytearray(demo_template.read_bytes())
    page = 4096
    # Scribble over the middle pages: table b-trees are damaged, the header is not.
    for offset in range(3 * page, min(len(data), 12 * page)):
        data[offset] = (data[offset] * 7 + 13) % 256
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(errors.CorruptDatabase):
        open_store(path)
    assert digest(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_archive_opens_read_only_untouched(tmp_path):
    path = tmp_path / "ro.sqlite"
    open_store(path).close()
    path.chmod(0o444)
    before = digest(path)
    store = open_store(path)
    assert store.read_only == "filen er skrivebeskyttet"
    with pytest.raises(errors.ReadOnlyDatabase):
        store.set_meta("x", "y")
    store.close()
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()


def test_a_read_only_folder_opens_the_archive_read_only(tmp_path, monkeypatch):
    path = tmp_path / "ro.sqlite"
    open_store(path).close()
    before = digest(path)
    # Running as root ignores permissions, so ask the check the way the OS would answer a user.
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK else real_access(p, mode, **kw))
    store = open_store(path)
    assert "skrivebeskyttet" in store.read_only
    with pytest.raises(errors.ReadOnlyDatabase) as info:
        store.set_meta("x", "y")
    assert "skrivebeskyttet" in str(info.value)
    store.close()
    with pytest.raises(errors.ReadOnlyDatabase):  # a new archive cannot be made there
        open_store(tmp_path / "new.sqlite")
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ro.sqlite"]


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(errors.MissingDirectory) as info:
        open_store(tmp_path / "nope" / "a.sqlite")
    assert "nope" in str(info.value)


def test_an_archive_from_a_newer_nuit_tui_is_refused_untouched(tmp_path):
    path = tmp_path / "new.sqlite"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('nuit_tui', '9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(errors.NewerDatabase):
        open_store(path)
    assert digest(path) == before


def test_an_archive_made_with_an_older_schema_is_migrated_after_a_verified_backup(tmp_path):
    path = tmp_path / "old.sqlite"
    # An archive as the first release made it: only the first migration.
    old = sqlite_utils.Database(path)
    old.execute("PRAGMA journal_mode=WAL")
    migrations.apply(old, stop_before=migration_names()[1])
    old.execute(f"PRAGMA application_id={APPLICATION_ID}")
    old["bodies"].insert({"short_name": "NUIT", "name": "Prioriteringsutvalget"})
    old["meetings"].insert(
        {"body_id": 1, "year": 2023, "number": 1, "date": "2023-02-16", "start_time": "09:00:00", "end_time": "16:00:00"}
    )
    old.close()
    assert "attendance" not in sqlite_utils.Database(path).table_names()

    store = open_store(path)
    assert store.report.applied == migration_names()[:1]
    assert {"attendance", "remarks", "follow_ups", "deadlines"} <= set(store.db.table_names())
    assert store.get(m.Meeting, 1).ref == "1/2023"
    assert [a["name"] for a in store.db["_sqlite_migrations"].rows_where(select="name", order_by="rowid")] == migration_names()
    store.close()

    backups = list(tmp_path.glob("old.before-migration-*.sqlite"))
    assert len(backups) == 1
    backup = sqlite3.connect(backups[0])
    assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert backup.execute("SELECT count(*) FROM meetings").fetchone() == (1,)
    assert "attendance" not in {r[0] for r in backup.execute("SELECT name FROM sqlite_master")}
    backup.close()

    # Opening again applies nothing and makes no new backup.
    open_store(path).close()
    assert len(list(tmp_path.glob("old.before-migration-*.sqlite"))) == 1
