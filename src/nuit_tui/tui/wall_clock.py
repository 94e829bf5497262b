"""The wall clock the meeting-day screens read (meeting mode, and the agenda's cursor on
the item under way): one place, so that a test can stand a meeting day in."""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    return dt.datetime.now()
