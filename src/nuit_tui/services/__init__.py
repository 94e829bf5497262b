"""Services: the API that the TUI and the CLI share.

Names load on first use (PEP 562), so that `services.start` can open the file
and paint the start screen before the full Archive and its models are imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .archive import STATUS_STEPS, Agenda, AgendaRow, Archive, EarlierHandling

__all__ = ["STATUS_STEPS", "Agenda", "AgendaRow", "Archive", "EarlierHandling"]


def __getattr__(name: str):
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(".archive", __name__), name)
