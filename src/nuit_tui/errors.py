"""The errors the TUI and the CLI show, in one place above the layers.

Each `StoreError` carries one clear Norwegian message (`str(error)`); `DatabaseError`
is SQLite's own, for the few places (a worker, the file watch) that must never let
one end the app. Screens import errors from here, not from `store` or `sqlite3`.
"""

from __future__ import annotations

from sqlite3 import Error as DatabaseError

from .store.errors import (
    Conflict,
    CorruptDatabase,
    DatabaseBusy,
    DiskError,
    DiskFull,
    ForeignSchema,
    InvalidRow,
    MissingDirectory,
    NewerDatabase,
    NotADatabase,
    NotARegularFile,
    NotFound,
    NotNuitDatabase,
    ReadOnlyDatabase,
    StaleWrite,
    StoreError,
)

__all__ = [
    "Conflict",
    "CorruptDatabase",
    "DatabaseBusy",
    "DatabaseError",
    "DiskError",
    "DiskFull",
    "ForeignSchema",
    "InvalidRow",
    "MissingDirectory",
    "NewerDatabase",
    "NotADatabase",
    "NotARegularFile",
    "NotFound",
    "NotNuitDatabase",
    "ReadOnlyDatabase",
    "StaleWrite",
    "StoreError",
]
