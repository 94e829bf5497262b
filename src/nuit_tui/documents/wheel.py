"""The årshjul (year wheel) as one view: the year's meetings and deadlines by date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..domain import models as m
from ..domain.year_plan import PlanEntry


@dataclass(frozen=True)
class WheelEntry:
    date: dt.date
    kind: str  # meeting | deadline | derived
    label: str


@dataclass(frozen=True)
class WheelDocument:
    title: str  # "Årshjul 2023 – NUIT"
    year: int
    entries: tuple[WheelEntry, ...]


def wheel_document(year: int, body: m.Body | None, entries: Iterable[PlanEntry]) -> WheelDocument:
    """The wheel of a year, of one body or (without) of all; `entries` already for its audience."""
    suffix = f" – {body.short_name}" if body is not None else ""
    return WheelDocument(f"Årshjul {year}{suffix}", year, tuple(WheelEntry(e.date, e.kind, e.title) for e in entries))
