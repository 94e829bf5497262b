"""The store: the only package that speaks SQL.

Names load on first use (PEP 562): the start screen opens the file through
`connection` and lists meetings through `meeting_rows` without loading the
pydantic records that `archive_store` needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import errors
    from .archive_store import TABLES, ArchiveStore, open_store
    from .connection import CheckResult, FileReport, check_file, inspect_file

_HOME = {
    "errors": None,
    "TABLES": "archive_store",
    "ArchiveStore": "archive_store",
    "open_store": "archive_store",
    "CheckResult": "connection",
    "FileReport": "connection",
    "check_file": "connection",
    "inspect_file": "connection",
}

__all__ = ["TABLES", "ArchiveStore", "CheckResult", "FileReport", "check_file", "errors", "inspect_file", "open_store"]


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f".{_HOME[name] or name}", __name__)
    return module if _HOME[name] is None else getattr(module, name)
