"""Services: the API that the TUI and the CLI share."""

from .archive import STATUS_STEPS, Agenda, AgendaRow, Archive, EarlierHandling

__all__ = ["STATUS_STEPS", "Agenda", "AgendaRow", "Archive", "EarlierHandling"]
