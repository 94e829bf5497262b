"""Services: the API that the TUI and the CLI share."""

from .archive import Agenda, AgendaRow, Archive

__all__ = ["Agenda", "AgendaRow", "Archive"]
