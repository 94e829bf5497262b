"""A year at a glance: twelve small month calendars with meetings and deadlines
marked, moved through by keys (day, week, month)."""

from __future__ import annotations

import calendar
import datetime as dt

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ...domain.norwegian import MONTHS

MONTH_WIDTH = 20  # seven days of two characters and a space, less the last space
COLUMNS = 4
WEEKDAYS = "ma ti on to fr lø sø"

STYLE_MEETING = "bold white on #1f4e79"
STYLE_DEADLINE = "bold #e0a030 underline"
STYLE_BOTH = "bold #e0a030 on #1f4e79"
STYLE_TODAY = "reverse"
STYLE_SELECTED = "bold black on #7fc8f8"


class YearCalendar(Widget, can_focus=True):
    BINDINGS = [
        Binding("left", "move(-1)", "Dag før", show=False),
        Binding("right", "move(1)", "Dag etter", show=False),
        Binding("up", "move(-7)", "Uke før", show=False),
        Binding("down", "move(7)", "Uke etter", show=False),
        Binding("pageup", "month(-1)", "Måned før"),
        Binding("pagedown", "month(1)", "Måned etter"),
        Binding("t", "today", "I dag"),
    ]
    DEFAULT_CSS = """
    YearCalendar { height: auto; padding: 0 1; }
    YearCalendar:focus { background: $boost; }
    """

    selected: reactive[dt.date] = reactive(dt.date.today)

    class Moved(Message):
        def __init__(self, day: dt.date, year_changed: bool):
            super().__init__()
            self.day = day
            self.year_changed = year_changed

    def __init__(self, day: dt.date, **kwargs):
        super().__init__(**kwargs)
        self.set_reactive(YearCalendar.selected, day)
        self.meeting_days: set[dt.date] = set()
        self.deadline_days: set[dt.date] = set()
        self.today = dt.date.today()

    def set_marks(self, meeting_days: set[dt.date], deadline_days: set[dt.date]) -> None:
        self.meeting_days, self.deadline_days = meeting_days, deadline_days
        self.refresh()

    def watch_selected(self, old: dt.date, new: dt.date) -> None:
        self.post_message(self.Moved(new, old.year != new.year))

    def action_move(self, days: int) -> None:
        self.selected += dt.timedelta(days=days)

    def action_month(self, months: int) -> None:
        index = self.selected.year * 12 + self.selected.month - 1 + months
        year, month = divmod(index, 12)
        day = min(self.selected.day, calendar.monthrange(year, month + 1)[1])
        self.selected = dt.date(year, month + 1, day)

    def action_today(self) -> None:
        self.selected = self.today

    def _month_lines(self, year: int, month: int) -> list[Text]:
        lines = [Text(MONTHS[month - 1].capitalize().center(MONTH_WIDTH), style="bold"), Text(WEEKDAYS, style="dim")]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
            line = Text()
            for index, day in enumerate(week):
                cell = f"{day.day:2d}" if day.month == month else "  "
                style = ""
                if day.month == month:
                    meeting, deadline = day in self.meeting_days, day in self.deadline_days
                    style = STYLE_BOTH if meeting and deadline else STYLE_MEETING if meeting else STYLE_DEADLINE if deadline else ""
                    if day == self.today:
                        style = f"{style} {STYLE_TODAY}".strip()
                    if day == self.selected:
                        style = STYLE_SELECTED
                line.append(cell, style=style)
                if index < 6:
                    line.append(" ")
            lines.append(line)
        while len(lines) < 8:
            lines.append(Text(" " * MONTH_WIDTH))
        return lines

    def render(self) -> Text:
        year = self.selected.year
        out = Text(no_wrap=True)
        for row in range(12 // COLUMNS):
            months = [self._month_lines(year, row * COLUMNS + col + 1) for col in range(COLUMNS)]
            for line_index in range(8):
                for col, lines in enumerate(months):
                    out.append_text(lines[line_index])
                    out.append(" " * (MONTH_WIDTH - len(lines[line_index]) + (3 if col < COLUMNS - 1 else 0)))
                out.append("\n")
        legend = Text("  ")
        legend.append(" møte ", style=STYLE_MEETING)
        legend.append("  ")
        legend.append("frist", style=STYLE_DEADLINE)
        legend.append("  ")
        legend.append("i dag", style=STYLE_TODAY)
        out.append_text(legend)
        return out

    def get_content_height(self, container, viewport, width: int) -> int:
        return (12 // COLUMNS) * 8 + 1
