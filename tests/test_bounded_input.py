"""Imports read within stated limits: too large or too deep is refused in one line with
exit 2, read no further than the limit, and a refused import makes no file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nuit_tui import cli
from nuit_tui.importers import bounded
from nuit_tui.importers.bounded import InputRefused, json_depth, read_bounded, size_text

README = Path(__file__).resolve().parents[1] / "README.md"


def run(capsys, *args) -> tuple[int, list[str]]:
    code = cli.main([str(a) for a in args])
    return code, capsys.readouterr().err.strip().splitlines()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "sqlite" in p.name)


def test_a_deeply_nested_document_is_refused_before_a_database_is_made(tmp_path, capsys):
    deep = tmp_path / "dyp.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    code, err = run(capsys, "import", "json", deep, "--db", tmp_path / "ny.sqlite")
    assert code == 2 and len(err) == 1 and "nestet 100000 nivåer" in err[0] and "grensen er 64" in err[0], err
    assert leftovers(tmp_path) == []


def test_an_over_limit_stream_is_refused_after_reading_no_more_than_the_limit(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(bounded, "JSON_MAX_BYTES", 64 * 1024)
    code, err = run(capsys, "import", "json", "/dev/zero", "--db", tmp_path / "ny.sqlite")
    assert code == 2 and len(err) == 1 and "større enn grensen på 64 kB" in err[0], err
    assert leftovers(tmp_path) == []
    # A pipe holding more than the limit: exactly limit + 1 bytes are taken from it.
    r, w = os.pipe()
    try:
        os.write(w, b"x" * 5000)
        os.close(w)
        with pytest.raises(InputRefused):
            read_bounded(Path(f"/proc/self/fd/{r}"), 1000)
        assert len(os.read(r, 10_000)) == 5000 - 1001
    finally:
        os.close(r)


def test_a_regular_file_over_the_limit_is_refused_by_its_size(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(bounded, "TEXT_MAX_BYTES", 1000)
    document = tmp_path / "tildelingsbrev.txt"
    document.write_text("Tildelingsbrev 2023\n" + "Frist | Beskrivelse\n" * 100)
    code, err = run(capsys, "import", "deadlines", document, "--db", tmp_path / "arkiv.sqlite")
    assert code == 2 and len(err) == 1 and "større enn grensen på 1000 byte" in err[0], err
    opened = []
    monkeypatch.setattr(bounded.os, "fstat", lambda fd: (opened.append(fd), os.stat(document))[1])
    with pytest.raises(InputRefused):
        read_bounded(document, 1000)
    assert opened  # decided by fstat; the read loop is never reached for a regular file


def test_a_refused_import_into_a_new_path_leaves_no_file(tmp_path, capsys):
    # Valid JSON, valid records, but a meeting of a body that is not there: refused by the store.
    document = {
        "format": "nuit-tui-archive", "format_version": 1,
        "meetings": [{"id": 1, "body_id": 99, "year": 2023, "number": 1, "date": "2023-01-01",
                      "start_time": "09:00", "end_time": "10:00"}],
    }
    source = tmp_path / "feil.json"
    source.write_text(json.dumps(document))
    code, err = run(capsys, "import", "json", source, "--db", tmp_path / "ny.sqlite")
    assert code == 2 and len(err) == 1, err
    assert leftovers(tmp_path) == []


def test_a_sound_import_still_works_and_the_limits_are_stated_in_the_readme(demo_path, tmp_path, capsys):
    exported = tmp_path / "arkiv.json"
    assert run(capsys, "--db", demo_path, "export", "json", "--out", exported)[0] == 0
    assert run(capsys, "import", "json", exported, "--db", tmp_path / "kopi.sqlite")[0] == 0
    readme = README.read_text(encoding="utf-8")
    for stated in (size_text(bounded.JSON_MAX_BYTES), f"{bounded.JSON_MAX_DEPTH} levels", size_text(bounded.TEXT_MAX_BYTES)):
        assert stated in readme, stated


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab\n', max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(alphabet='[]{}"\\k', max_size=4), inner, max_size=3),
    max_leaves=30,
)


def _depth(value) -> int:
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


@settings(max_examples=40, deadline=None)
@given(json_values)
def test_the_depth_is_counted_as_the_parser_nests_whatever_the_strings_hold(value):
    text = json.dumps(value)
    assert json_depth(text) == json_depth(text.encode()) == _depth(value)
