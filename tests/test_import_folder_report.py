"""`nuit-tui import folder`: a file that cannot be read is named once in the report
(«kunne ikke leses: x.docx: x.docx er ikke et Word-dokument» named it twice)."""

from __future__ import annotations

from conftest import run


def test_a_file_that_cannot_be_read_is_named_once(demo_path, tmp_path):
    folder = tmp_path / "arkiv"
    folder.mkdir()
    (folder / "skadet.docx").write_text("ikke Word", encoding="utf-8")
    (folder / "brev.txt").write_text("Hei,\n\nher er et brev.\n", encoding="utf-8")
    result = run("import", "folder", folder, "--body", "NUIT", "--db", demo_path, "--dry-run")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "kunne ikke leses" in line]
    assert len(lines) == 2, result.stdout
    for name in ("skadet.docx", "brev.txt"):
        [line] = [line for line in lines if name in line]
        assert line.count(name) == 1, line
    assert any(line.startswith("  kunne ikke leses: brev.txt: fant ikke ut om") for line in lines), lines
