from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nuit_tui.services import Archive


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo archive, built once per test session."""
    from nuit_tui.demo.builder import ensure_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    ensure_demo(path)
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path) -> Path:
    """A private copy of the demo archive for one test."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def demo(demo_path):
    archive = Archive.open(demo_path)
    yield archive
    archive.close()


@pytest.fixture
def archive(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    yield archive
    archive.close()
