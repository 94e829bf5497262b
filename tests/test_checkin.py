"""A meeting taken out to laptops and brought back: real SQLite files, the checkin in
its own (apsw) process through `nuit-tui checkin`, results asserted on the shared
archive."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from nuit_tui.cli import main
from nuit_tui.domain import models as m
from nuit_tui.services import Archive

MEETING = 11  # NUIT 2/2023 in the demo: notice sent, case numbers frozen
X, Y, Z = 27, 28, 29  # three of its items


def rows(path: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def content(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows: equal dicts, nothing changed (the file's bytes move with WAL)."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {name: conn.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall() for name in names}
    finally:
        conn.close()


def edit(path: Path, fn) -> None:
    archive = Archive.open(path)
    try:
        fn(archive)
    finally:
        archive.close()


def set_fields(archive: Archive, item_id: int, **fields) -> None:
    item = archive.agenda.item(item_id)
    archive.agenda.update_item(item.model_copy(update=fields))


def laptop_a(archive: Archive) -> None:
    set_fields(archive, X, decision="Vedtak skrevet på A")
    set_fields(archive, Y, narrative="Referat skrevet på A")
    new = archive.agenda.add_item(MEETING, m.AgendaItem(meeting_id=MEETING, title="Ny sak fra rommet", duration_minutes=10))
    archive.minutes.add_remark(m.Remark(item_id=new.stored_id, speaker="KS", text="Innspill om kvitteringsflyt"))
    archive.follow_ups.add(m.FollowUp(item_id=new.stored_id, description="Sende notat om kvitteringsflyt"))
    archive.minutes.add_remark(m.Remark(item_id=X, speaker="FHI", text="Innspill fra A"))


def laptop_b(archive: Archive) -> None:
    set_fields(archive, Z, decision="Vedtak skrevet på B")
    set_fields(archive, Y, purpose="Hensikt skrevet på B")
    set_fields(archive, X, decision="Vedtak skrevet på B")


def shared_meanwhile(archive: Archive) -> None:
    """A colleague at the shared archive adds an item too: its id, position and case
    number are the ones laptop A's new item holds."""
    archive.agenda.add_item(MEETING, m.AgendaItem(meeting_id=MEETING, title="Sak lagt til i arkivet", duration_minutes=5))


def checkout(shared: Path, out: Path) -> None:
    assert main(["checkout", "--db", str(shared), "--body", "NUIT", "--meeting", "2/2023", "--out", str(out)]) == 0


def checkin(laptop: Path, shared: Path, *extra: str) -> int:
    return main(["checkin", str(laptop), "--db", str(shared), *extra])


@pytest.fixture
def two_out(demo_path, tmp_path):
    shared, a, b = demo_path, tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    checkout(shared, a)
    checkout(shared, b)
    edit(a, laptop_a)
    edit(b, laptop_b)
    edit(shared, shared_meanwhile)
    return shared, a, b


def field(path: Path, item_id: int, name: str):
    return rows(path, f"SELECT {name} FROM agenda_items WHERE id = ?", [item_id])[0][0]


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_two_checkouts_merge_in_either_order_and_the_same_field_is_kept_as_a_conflict(two_out, order, capsys):
    shared, a, b = two_out
    first, second = (a, b) if order == "ab" else (b, a)
    assert checkin(first, shared) == 0
    assert checkin(second, shared) == 3  # the same field, changed on both: pending

    # Different items and different fields of one item: all merged.
    assert field(shared, Z, "decision") == "Vedtak skrevet på B"
    assert field(shared, Y, "narrative") == "Referat skrevet på A"
    assert field(shared, Y, "purpose") == "Hensikt skrevet på B"
    # The same field: the first checkin's value stays, the second is kept as a conflict.
    winner, loser = ("A", "B") if order == "ab" else ("B", "A")
    assert field(shared, X, "decision") == f"Vedtak skrevet på {winner}"
    conflicts = rows(
        shared,
        "SELECT table_name, row_id, field, base_value, shared_value, laptop_value FROM checkin_conflicts"
        " WHERE resolved_at IS NULL",
    )
    assert conflicts == [("agenda_items", X, "decision", "", f"Vedtak skrevet på {winner}", f"Vedtak skrevet på {loser}")]
    out = capsys.readouterr().out
    assert f"på bærbar «Vedtak skrevet på {loser}»" in out

    # The first checkout is back, the second still out while its conflict waits.
    back = dict(rows(shared, "SELECT file, checked_in_at IS NOT NULL FROM checkouts"))
    assert back == {str(first.resolve()): 1, str(second.resolve()): 0}

    # Laptop A's new item: a new id, its remark and follow-up pointing at it.
    new = rows(shared, "SELECT id, position, case_seq FROM agenda_items WHERE title = 'Ny sak fra rommet'")
    assert len(new) == 1
    new_id = new[0][0]
    assert rows(shared, "SELECT text FROM remarks WHERE item_id = ?", [new_id]) == [("Innspill om kvitteringsflyt",)]
    assert rows(shared, "SELECT description FROM follow_ups WHERE item_id = ?", [new_id]) == [("Sende notat om kvitteringsflyt",)]
    assert rows(shared, "SELECT count(*) FROM remarks WHERE text = 'Innspill fra A' AND item_id = ?", [X]) == [(1,)]
    # Positions and case numbers stay one per item; row versions were bumped, not copied.
    agenda = rows(shared, "SELECT position, case_seq, title FROM agenda_items WHERE meeting_id = ? ORDER BY position", [MEETING])
    positions = [p for p, _, _ in agenda]
    assert positions == list(range(1, len(agenda) + 1))
    seqs = [s for _, s, _ in agenda if s is not None]
    assert len(seqs) == len(set(seqs))
    assert agenda[-1][2] == "Eventuelt"
    assert rows(shared, "SELECT row_version > 1 FROM agenda_items WHERE id = ?", [Y]) == [(1,)]
    # The search index follows: the new remark is found through the search service.
    edit(shared, lambda archive: _assert_found(archive, "kvitteringsflyt", new_id))
    assert rows(shared, "PRAGMA foreign_key_check") == []

    # A second checkin of the same file changes nothing.
    before = content(shared)
    assert checkin(second, shared) == 3
    assert checkin(first, shared) == 0
    assert content(shared) == before


def _assert_found(archive: Archive, text: str, item_id: int) -> None:
    assert item_id in [hit.item_id for hit in archive.search.hits(text)]


def test_dry_run_lists_every_conflict_and_changes_nothing(two_out, capsys):
    shared, a, b = two_out
    edit(shared, lambda archive: set_fields(archive, X, decision="Vedtak skrevet i arkivet"))
    edit(shared, lambda archive: set_fields(archive, Y, narrative="Referat skrevet i arkivet"))
    before = content(shared)
    assert checkin(a, shared, "--dry-run") == 3
    assert content(shared) == before
    out = capsys.readouterr().out
    assert "· Vedtak:" in out and "· Referat:" in out and "Prøvekjøring" in out


def case_of(path: Path, item_id: int) -> str:
    seq, year = rows(path, "SELECT case_seq, case_year FROM agenda_items WHERE id = ?", [item_id])[0]
    return f"{seq}/{year % 100:02d}"


async def test_checkin_conflicts_name_the_case_number_and_the_field_in_norwegian(two_out, capsys):
    """«Sak 15/23 · Vedtak: …», not the row's id and the column's English name: in the
    checkin's report, the archive's list of waiting conflicts and the app's question."""
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.widgets.conflict_question import ConflictScreen

    shared, a, b = two_out
    x, y = case_of(shared, X), case_of(shared, Y)
    assert (x, y) == ("15/23", "16/23")
    edit(shared, lambda archive: set_fields(archive, X, decision="Vedtak skrevet i arkivet"))
    edit(shared, lambda archive: set_fields(archive, Y, narrative="Referat skrevet i arkivet"))
    capsys.readouterr()
    assert checkin(a, shared) == 3
    out = capsys.readouterr().out
    assert f"Sak {x} · Vedtak: ved uttak (tomt) · i arkivet «Vedtak skrevet i arkivet»" in out
    assert f"Sak {y} · Referat: ved uttak" in out
    assert "decision" not in out and "narrative" not in out and f"sak {X}" not in out.lower()

    archive = Archive.open(shared)
    try:
        waiting = archive.checkouts.conflicts(MEETING)
        assert [(c.what, c.label) for c in waiting] == [(f"Sak {x}", "Vedtak"), (f"Sak {y}", "Referat")]
        app = NuitApp(archive)
        async with app.run_test(size=(120, 40)) as pilot:
            app.push_screen(AgendaScreen(MEETING))
            await pilot.pause()
            await pilot.press("k")
            await pilot.pause()
            assert isinstance(app.screen, ConflictScreen)
            question = " ".join(str(w.render()) for w in app.screen.query("Static"))
            assert f"Sak {x} er endret både på den bærbare og i arkivet" in question
            assert "Vedtak" in question and "decision" not in question and f"Sak {X} " not in question
    finally:
        archive.close()


def test_a_refused_remark_and_a_deleted_item_are_named_by_speaker_and_case_number(two_out, capsys):
    shared, a, b = two_out
    z = case_of(shared, Z)
    edit(b, lambda archive: archive.minutes.add_remark(m.Remark(item_id=Z, speaker="KS", text="Innspill til slettet sak")))
    edit(shared, lambda archive: archive.agenda.delete_item(Z))
    capsys.readouterr()
    assert checkin(b, shared) == 3
    out = capsys.readouterr().out
    assert "Innspill fra KS i en sak som ikke lenger finnes: kan ikke tas inn i arkivet" in out
    # The item itself (its decision changed on laptop B) is named from the laptop's row.
    assert f"Sak {z}: endret på bærbar, slettet i arkivet" in out
    assert f"sak {Z}" not in out.lower()


def test_prefer_laptop_settles_conflicts_and_brings_the_meeting_back(two_out):
    shared, a, b = two_out
    edit(shared, lambda archive: set_fields(archive, X, decision="Vedtak skrevet i arkivet"))
    assert checkin(a, shared, "--prefer", "laptop") == 0
    assert field(shared, X, "decision") == "Vedtak skrevet på A"
    assert rows(shared, "SELECT resolution FROM checkin_conflicts") == [("laptop",)]
    assert rows(shared, "SELECT checked_in_at IS NOT NULL FROM checkouts WHERE file = ?", [str(a.resolve())]) == [(1,)]


async def test_conflicts_are_chosen_field_by_field_in_the_app_with_ctrl_b_and_ctrl_t(two_out):
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.widgets.checkout_banner import CheckoutBanner
    from nuit_tui.tui.widgets.conflict_question import ConflictScreen

    shared, a, b = two_out
    edit(shared, lambda archive: set_fields(archive, X, decision="Vedtak skrevet i arkivet"))
    edit(shared, lambda archive: set_fields(archive, Y, narrative="Referat skrevet i arkivet"))
    assert checkin(a, shared) == 3
    archive = Archive.open(shared)
    app = NuitApp(archive)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            app.push_screen(AgendaScreen(MEETING))
            await pilot.pause()
            banner = str(app.screen.query_one(CheckoutBanner).render())
            assert "Møtet er tatt ut til" in banner
            assert "2 konflikter fra innsjekking venter: trykk k i dagsordenen" in banner
            await pilot.press("k")
            await pilot.pause()
            assert isinstance(app.screen, ConflictScreen)
            await pilot.press("ctrl+b")  # the laptop's decision
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, ConflictScreen)
            await pilot.press("ctrl+t")  # the archive's narrative
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, AgendaScreen)
            assert "konflikt" not in str(app.screen.query_one(CheckoutBanner).render())
    finally:
        archive.close()
    assert field(shared, X, "decision") == "Vedtak skrevet på A"
    assert field(shared, Y, "narrative") == "Referat skrevet i arkivet"
    assert rows(shared, "SELECT field, resolution FROM checkin_conflicts ORDER BY id") == [
        ("decision", "laptop"), ("narrative", "shared"),
    ]
    # Laptop A is back; laptop B is still out.
    assert rows(shared, "SELECT file FROM checkouts WHERE checked_in_at IS NULL") == [(str(b.resolve()),)]
    # The choices stand at the next checkin of the same file.
    assert checkin(a, shared) == 0
    assert field(shared, Y, "narrative") == "Referat skrevet i arkivet"


def test_a_checkin_killed_midway_leaves_the_shared_archive_as_it_was(two_out, monkeypatch, capsys):
    shared, a, b = two_out
    before = content(shared)
    monkeypatch.setenv("NUIT_CHECKIN_FAIL", "kill")  # SIGKILL with every row applied, not committed
    assert checkin(a, shared) == 1
    assert "som før" in capsys.readouterr().err
    assert content(shared) == before
    monkeypatch.delenv("NUIT_CHECKIN_FAIL")
    assert checkin(a, shared) == 0  # and it can be checked in after all
    assert field(shared, X, "decision") == "Vedtak skrevet på A"


def test_checkout_marks_the_meeting_and_refuses_a_file_that_exists(demo_path, tmp_path, capsys):
    out = tmp_path / "laptop.sqlite"
    checkout(demo_path, out)
    archive = Archive.open(demo_path)
    try:
        (banner,) = archive.checkouts.banners(MEETING)
        assert banner.startswith("Møtet er tatt ut til ") and " av " in banner and " kl. " in banner
    finally:
        archive.close()
    laptop = Archive.open(out)
    try:  # the copy is a whole archive, search included
        assert "uttatt kopi" in laptop.checkouts.banners(MEETING)[0]
        assert laptop.search.hits("målbilde")
    finally:
        laptop.close()
    capsys.readouterr()
    assert main(["checkout", "--db", str(demo_path), "--body", "NUIT", "--meeting", "2/2023", "--out", str(out)]) == 2
    assert "finnes allerede" in capsys.readouterr().err


def test_checkin_of_a_file_that_was_not_taken_out_is_refused(demo_path, demo_template, capsys):
    assert checkin(demo_template, demo_path) == 2
    assert "ikke en uttatt kopi" in capsys.readouterr().err


def test_two_meetings_out_at_once_are_both_brought_back(demo_path, tmp_path):
    shared, first, second = demo_path, tmp_path / "m1.sqlite", tmp_path / "m2.sqlite"
    assert main(["checkout", "--db", str(shared), "--body", "NUIT", "--meeting", "1/2023", "--out", str(first)]) == 0
    checkout(shared, second)
    earlier = rows(shared, "SELECT min(id) FROM agenda_items WHERE meeting_id = 10")[0][0]
    edit(first, lambda archive: set_fields(archive, earlier, narrative="Skrevet i møte 1"))
    edit(second, lambda archive: set_fields(archive, X, narrative="Skrevet i møte 2"))
    assert checkin(second, shared) == 0
    assert checkin(first, shared) == 0
    assert field(shared, earlier, "narrative") == "Skrevet i møte 1"
    assert field(shared, X, "narrative") == "Skrevet i møte 2"
    assert rows(shared, "SELECT count(*) FROM checkouts WHERE checked_in_at IS NULL") == [(0,)]


def test_a_laptop_copy_with_a_changed_logging_trigger_is_refused(demo_path, tmp_path):
    from nuit_tui.errors import ForeignSchema

    out = tmp_path / "laptop.sqlite"
    checkout(demo_path, out)
    conn = sqlite3.connect(out)
    conn.execute("DROP TRIGGER checkout_log_remarks_delete")
    conn.execute(
        "CREATE TRIGGER checkout_log_remarks_delete AFTER DELETE ON remarks BEGIN DELETE FROM agenda_items; END"
    )
    conn.commit()
    conn.close()
    with pytest.raises(ForeignSchema, match="checkout_log_remarks_delete"):
        Archive.open(out, create=False)


def test_rows_of_an_item_deleted_in_the_archive_wait_as_conflicts_and_the_rest_goes_in(two_out, capsys):
    shared, a, b = two_out
    gone_there, gone_here = Z, 31
    edit(b, lambda archive: archive.minutes.add_remark(m.Remark(item_id=Z, speaker="KS", text="Innspill til slettet sak")))
    edit(b, lambda archive: archive.agenda.delete_item(gone_here))
    edit(shared, lambda archive: archive.agenda.delete_item(gone_there))
    edit(shared, lambda archive: archive.minutes.add_remark(m.Remark(item_id=gone_here, speaker="FHI", text="Nytt i arkivet")))
    assert checkin(b, shared) == 3
    assert field(shared, Y, "purpose") == "Hensikt skrevet på B"
    assert field(shared, X, "decision") == "Vedtak skrevet på B"
    pending = rows(shared, "SELECT table_name, field FROM checkin_conflicts WHERE resolved_at IS NULL ORDER BY id")
    assert pending == [("remarks", "#refused"), ("agenda_items", "#deleted_on_shared"), ("agenda_items", "#deleted_on_laptop")]
    # The item deleted on the laptop stays while the archive has a remark on it added since.
    assert rows(shared, "SELECT text FROM remarks WHERE item_id = ?", [gone_here]) == [("Nytt i arkivet",)]
    assert "kan ikke tas inn i arkivet" in capsys.readouterr().out
    assert rows(shared, "SELECT count(*) FROM agenda_items WHERE id = ?", [Z]) == [(0,)]
    assert checkin(b, shared, "--prefer", "shared") == 0
    assert rows(shared, "SELECT count(*) FROM agenda_items WHERE id = ?", [Z]) == [(0,)]
    assert rows(shared, "SELECT checked_in_at IS NOT NULL FROM checkouts WHERE file = ?", [str(b.resolve())]) == [(1,)]


def test_a_copy_whose_tables_differ_from_the_archive_is_refused_and_nothing_changes(demo_path, tmp_path, capsys):
    out = tmp_path / "laptop.sqlite"
    checkout(demo_path, out)
    conn = sqlite3.connect(out)
    conn.execute("ALTER TABLE remarks ADD COLUMN mood TEXT")
    conn.commit()
    conn.close()
    before = content(demo_path)
    capsys.readouterr()
    assert checkin(out, demo_path) == 2
    assert "ikke samme oppbygning" in capsys.readouterr().err
    assert content(demo_path) == before


def test_a_meeting_out_twice_is_said_so_and_a_checkin_says_where_it_is_still_out(demo_path, tmp_path, capsys):
    """Two laptops may take out one meeting (allowed), but the second checkout says so; checking
    one copy in says where the meeting is still out, and a dry run says what would be true."""
    shared, first, second = demo_path, tmp_path / "lap.sqlite", tmp_path / "lap2.sqlite"
    checkout(shared, first)
    assert "allerede" not in capsys.readouterr().err
    checkout(shared, second)
    assert f"merk: NUIT 2/2023 er allerede tatt ut til {first.resolve()}" in capsys.readouterr().err

    assert checkin(first, shared, "--dry-run") == 0
    out = capsys.readouterr().out
    assert f"NUIT 2/2023 ville fortsatt være tatt ut til {second.resolve()}" in out
    assert "ikke lenger" not in out and "er fortsatt" not in out

    assert checkin(first, shared) == 0
    out = capsys.readouterr().out
    assert f"NUIT 2/2023 er fortsatt tatt ut til {second.resolve()}" in out and "ikke lenger" not in out
    assert rows(shared, "SELECT file FROM checkouts WHERE checked_in_at IS NULL") == [(str(second.resolve()),)]

    assert checkin(second, shared, "--dry-run") == 0
    assert "NUIT 2/2023 ville ikke lenger være tatt ut" in capsys.readouterr().out
    assert checkin(second, shared) == 0
    assert "NUIT 2/2023 er ikke lenger tatt ut" in capsys.readouterr().out


def test_a_copy_is_checked_in_only_into_the_archive_it_was_taken_from(demo_path, tmp_path, capsys):
    """A second laptop's copy holds the first checkout's mark too (it is a copy of the archive
    made after it): checking the first copy into it is refused, and neither file changes."""
    shared, first, second = demo_path, tmp_path / "lap.sqlite", tmp_path / "lap2.sqlite"
    checkout(shared, first)
    checkout(shared, second)
    edit(first, lambda archive: set_fields(archive, X, decision="Vedtak skrevet på A"))
    before = content(second), content(first)
    capsys.readouterr()
    assert checkin(first, second) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "er selv en uttatt kopi" in err[0] and "ingenting er endret" in err[0].lower(), err
    assert (content(second), content(first)) == before
    assert rows(second, "SELECT count(*) FROM checkouts WHERE checked_in_at IS NULL") == [(1,)]
    # Into the archive it came from, it goes.
    assert checkin(first, shared) == 0
    assert field(shared, X, "decision") == "Vedtak skrevet på A"


def test_a_meeting_is_not_taken_out_of_a_laptop_copy(demo_path, tmp_path, capsys):
    """A copy is no archive to take meetings out of (its own checkout's triggers are in it):
    one line, exit 2, no second copy made (it said «uventet feil: OperationalError …», exit 1)."""
    shared, first, nested = demo_path, tmp_path / "lap.sqlite", tmp_path / "lap-av-lap.sqlite"
    checkout(shared, first)
    before = content(first)
    capsys.readouterr()
    assert main(["checkout", "--db", str(first), "--body", "NUIT", "--meeting", "2/2023", "--out", str(nested)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "er en uttatt kopi" in err[0] and "uventet" not in err[0], err
    assert not nested.exists()
    assert content(first) == before


def test_one_conflict_is_said_in_the_singular_and_the_key_as_the_agenda_has_it(demo_path, tmp_path, capsys):
    """It said «1 konflikt(er) … venter: trykk K i dagsordenen»; the agenda's key is k."""
    from nuit_tui.tui.screens.agenda import AgendaScreen

    shared, laptop = demo_path, tmp_path / "lap.sqlite"
    checkout(shared, laptop)
    edit(laptop, lambda archive: set_fields(archive, X, decision="Vedtak skrevet på bærbar"))
    edit(shared, lambda archive: set_fields(archive, X, decision="Vedtak skrevet i arkivet"))
    capsys.readouterr()
    assert checkin(laptop, shared) == 3
    out = capsys.readouterr().out
    assert "1 konflikt venter: velg felt for felt i appen (k i dagsordenen" in out and "(er)" not in out
    archive = Archive.open(shared)
    try:
        banner = archive.checkouts.banners(MEETING)[-1]
    finally:
        archive.close()
    assert banner.startswith("1 konflikt fra innsjekking venter: trykk k i dagsordenen"), banner
    keys = {b.key: b.action for b in AgendaScreen.BINDINGS}
    assert keys["k"] == "checkin_conflicts" and "K" not in keys


@pytest.fixture
def oslo_time():
    """This machine's clock in Norway's zone (a POSIX rule: no tz database needed)."""
    import os
    import time

    before = os.environ.get("TZ")
    os.environ["TZ"] = "CET-1CEST,M3.5.0,M10.5.0/3"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_checkout_says_when_as_the_agenda_does_in_local_time(demo_path, tmp_path, capsys, oslo_time):
    """The checkout printed «(2026-12-04T02:17:05+00:00)»; the agenda says «kl. 03.17 4. desember 2026»
    (and a mark stamped in UTC elsewhere is shown in this machine's time)."""
    import re

    from nuit_tui.services.checkouts import CheckoutMark

    mark = CheckoutMark("t", "kari@pc", "pc", "2026-12-04T02:17:05+00:00", "/tmp/lap.sqlite")
    assert " av kari@pc kl. 03.17 4. desember 2026." in mark.banner
    capsys.readouterr()
    checkout(demo_path, tmp_path / "lap.sqlite")
    first = capsys.readouterr().out.splitlines()[0]
    archive = Archive.open(demo_path)
    try:
        (mark,) = archive.checkouts.marks(MEETING)
    finally:
        archive.close()
    said = re.search(r" av \S+ (kl\. \d\d\.\d\d \d{1,2}\. [a-zø]+ \d{4})$", first)
    assert said, first
    assert said.group(1) in mark.banner
