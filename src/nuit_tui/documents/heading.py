"""The head of a meeting document (notice and minutes alike): date and time as printed."""

from __future__ import annotations

import datetime as dt

from ..domain.norwegian import long_date


class MeetingHeading:
    """Properties shared by the notice and the minutes; the dataclasses supply the fields."""

    date: dt.date
    start: str  # "09.00"
    end: str  # "15.45"

    @property
    def date_text(self) -> str:
        """"25. mai 2023"."""
        return long_date(self.date)

    @property
    def time_text(self) -> str:
        """"Kl. 09.00–15.45"."""
        return f"Kl. {self.start}–{self.end}"
