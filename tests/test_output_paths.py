"""Where exports and backups are written: never over a device, a FIFO or a folder, and a
default name never leaves the exports folder, whatever a body's short name holds."""

from __future__ import annotations

import os
import stat

import pytest

from nuit_tui import cli
from nuit_tui.documents.names import slug
from nuit_tui.services.calendar import export_ics
from nuit_tui.services.minutes import export_minutes
from nuit_tui.services.notice import export_notice


@pytest.mark.parametrize(
    ("short_name", "expected"),
    [
        ("NUIT", "NUIT"),
        ("NEHS", "NEHS"),
        ("E-helse styre", "E-helse-styre"),
        ("Råd ÆØÅ", "Råd-ÆØÅ"),
        ("../x", "x"),
        ("/tmp/x/P", "tmp-x-P"),
        (".skjult", "skjult"),
        ("..", "utvalg"),
        ("a\\b:c*?<>|\x1b[31m", "a-b-c-31m"),
        ("a\u200bb", "a-b"),
    ],
)
def test_a_body_short_name_becomes_a_safe_slug_and_ordinary_names_stay_as_they_are(short_name, expected):
    assert slug(short_name) == expected


@pytest.mark.parametrize("short_name", ["../x", "/tmp/x/P", "..", ".skjult"])
def test_default_export_names_stay_inside_the_exports_folder(demo, tmp_path, short_name):
    nuit = demo.members.body("NUIT")
    demo.members.update_body(nuit.id, short_name, nuit.name)
    meeting = demo.meetings.find(short_name, "2/2023")
    exports = tmp_path / "exports"
    written = [
        export_notice(demo, meeting.id, fmt="md", exports_dir=exports),
        export_minutes(demo, meeting.id, fmt="md", public=True, exports_dir=exports),
        export_ics(demo, body_id=nuit.id, year=2023, exports_dir=exports),
        demo.year_plan.export_wheel(2023, body_id=nuit.id, exports_dir=exports),
    ]
    for path in written:
        assert path.parent == exports and path.is_file() and not path.name.startswith("."), path
    assert sorted(p.name for p in exports.iterdir()) == sorted(p.name for p in written)


def test_ordinary_default_names_are_unchanged(demo, tmp_path):
    meeting = demo.meetings.find("NUIT", "2/2023")
    assert export_notice(demo, meeting.id, exports_dir=tmp_path).name == "NUIT-2023-2-innkalling.docx"
    assert export_minutes(demo, meeting.id, fmt="html", public=True, exports_dir=tmp_path).name == (
        "NUIT-2023-2-referat-offentlig.html")
    assert export_ics(demo, body_id=meeting.body_id, year=2023, exports_dir=tmp_path).name == "arshjul-NUIT-2023.ics"
    assert demo.year_plan.export_wheel(2023, body_id=meeting.body_id, exports_dir=tmp_path).name == "arshjul-NUIT-2023.svg"


def _device(tmp_path):
    """A character device like /dev/null, made in the test's folder when we may (root):
    should the refusal fail, only this copy is replaced, not the machine's /dev/null."""
    path = tmp_path / "null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        return "/dev/null"  # not root: the real one, which we cannot replace anyway
    return str(path)


TARGET_KINDS = {
    "device": (_device, stat.S_ISCHR, "en enhet"),
    "fifo": (lambda tmp: (os.mkfifo(tmp / "fifo"), str(tmp / "fifo"))[1], stat.S_ISFIFO, "en FIFO"),
    "folder": (lambda tmp: ((tmp / "mappe").mkdir(), str(tmp / "mappe"))[1], stat.S_ISDIR, "en mappe"),
}
COMMANDS = {
    "notice": ["export", "notice", "--body", "NUIT", "--meeting", "2/2023", "--format", "md"],
    "minutes": ["export", "minutes", "--body", "NUIT", "--meeting", "1/2023", "--format", "html", "--public"],
    "ics": ["export", "ics", "--year", "2023"],
    "wheel": ["export", "wheel", "--year", "2023"],
    "json": ["export", "json"],
    "backup": ["backup"],
}


@pytest.mark.parametrize("kind", list(TARGET_KINDS))
def test_an_out_that_is_a_device_fifo_or_folder_is_refused_in_one_line_and_left_alone(demo_path, tmp_path, capsys, kind):
    make, is_kind, words = TARGET_KINDS[kind]
    target = make(tmp_path)
    before = os.stat(target)
    for name, command in COMMANDS.items():
        if name == "backup" and kind == "folder":
            continue  # a backup's --out may name a folder to put the copy in (README)
        code = cli.main(["--db", str(demo_path), *command, "--out", target])
        err = capsys.readouterr().err.strip().splitlines()
        assert code == 2, (name, err)
        assert len(err) == 1 and words in err[0] and "ikke en vanlig fil" in err[0], (name, err)
        after = os.stat(target)
        assert is_kind(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev), name
    if kind == "folder":
        assert list((tmp_path / "mappe").iterdir()) == []
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left
