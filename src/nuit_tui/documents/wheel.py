"""The årshjul (year wheel) as one view: the year's meetings and deadlines by date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..domain import models as m
from ..domain.openness import EXEMPT, document_marking, internal_summary, may_publish
from ..domain.year_plan import PlanEntry


@dataclass(frozen=True)
class WheelEntry:
    date: dt.date
    kind: str  # meeting | deadline | derived
    label: str  # an exempt entry's starts with «[Unntatt offentlighet] »
    exempt: bool = False


@dataclass(frozen=True)
class WheelDocument:
    title: str  # "Årshjul 2023 – NUIT"
    year: int
    entries: tuple[WheelEntry, ...]
    marking: str = ""  # «Offentlig versjon», «Unntatt offentlighet» or ""


def wheel_document(year: int, body: m.Body | None, entries: Iterable[PlanEntry], *, public: bool = False) -> WheelDocument:
    """The wheel of a year, of one body or (without) of all. The public wheel shows no
    exempt entry (`openness.may_publish`); the internal one shows them marked, as the
    internal calendar does, so that a slide made from it says they are exempt."""
    suffix = f" – {body.short_name}" if body is not None else ""
    shown = [e for e in entries if not public or may_publish(e)]
    wheel_entries = tuple(WheelEntry(e.date, e.kind, internal_summary(e.title, exempt=e.exempt), e.exempt) for e in shown)
    marking = document_marking(public=public, markers=[EXEMPT if e.exempt else "" for e in wheel_entries])
    return WheelDocument(f"Årshjul {year}{suffix}", year, wheel_entries, marking)
