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


class InvalidRow(StoreError):
    """A value the archive does not accept (too long, out of range); nothing was written."""


class NotARegularFile(StoreError):
    """A FIFO, a device or a socket where a database file should be: never opened."""


class ForeignSchema(StoreError):
    """The file holds a table, index, trigger or view that nuit-tui's migrations do not
    make, or one of ours changed: a planted trigger would run inside our transactions."""


class DiskFull(StoreError):
    pass


class DiskError(StoreError):
    """The operating system failed to read or write the file (not corruption)."""
