"""nuit-tui: meetings, agendas, minutes and the year plan of a council secretariat."""

__version__ = "0.1.0"
