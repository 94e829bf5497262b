"""What can go wrong with the archive file, each with one clear Norwegian message."""

from __future__ import annotations


class StoreError(Exception):
    """A problem the user can act on; `str(error)` is the message to show."""


class MissingDirectory(StoreError):
    pass


class NotADatabase(StoreError):
    pass


class NotNuitDatabase(StoreError):
    pass


class CorruptDatabase(StoreError):
    pass


class ReadOnlyDatabase(StoreError):
    pass


class NewerDatabase(StoreError):
    pass


class DatabaseBusy(StoreError):
    pass


class NotFound(StoreError):
    pass


class StaleWrite(StoreError):
    """Someone else changed the row since it was read; nothing was written."""


class Conflict(StoreError):
    """The write breaks a rule of the archive (a duplicate number, say)."""
