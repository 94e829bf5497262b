"""Services: the API that the TUI and the CLI share.

Names load on first use (PEP 562), so that `services.start` can open the file
and paint the start screen before the full Archive and its models are imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .agenda import Agenda, AgendaRow, EarlierHandling
    from .archive import Archive

_HOME = {"Agenda": "agenda", "AgendaRow": "agenda", "EarlierHandling": "agenda", "Archive": "archive"}

__all__ = ["Agenda", "AgendaRow", "Archive", "EarlierHandling"]


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
