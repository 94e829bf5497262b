"""The store: the only package that speaks SQL."""

from . import errors
from .archive_store import TABLES, ArchiveStore, open_store
from .connection import CheckResult, FileReport, check_file, inspect_file

__all__ = ["TABLES", "ArchiveStore", "CheckResult", "FileReport", "check_file", "errors", "inspect_file", "open_store"]
