"""A year at a glance: twelve small month calendars with meetings and deadlines
marked, moved through by keys (day, week, month).

The months stand in rows of four, or of three, two or one where the terminal is too
narrow for four (at 80 columns: three, a quarter a row). Where it is too short for every
row and the lines its screen leaves to the widgets around it (`leave`: the year plan's
list keeps six rows), only the rows that fit are shown, the selected month's first (or
the year's last rows); with no room for one row, one line with the selected week."""

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
MONTH_LINES = 8  # the name, the weekdays, six weeks
GAP = 3  # between two months side by side
COLUMNS = (4, 3, 2, 1)  # months side by side, the most that fit
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

    def __init__(self, day: dt.date, *, leave: int = 0, **kwargs):
        super().__init__(**kwargs)
        self.set_reactive(YearCalendar.selected, day)
        self.leave = leave  # lines of its container kept for the widgets around it
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
                if day.month == month:
                    line.append(f"{day.day:2d}", style=self._day_style(day))
                else:
                    line.append("  ")
                if index < 6:
                    line.append(" ")
            lines.append(line)
        while len(lines) < MONTH_LINES:
            lines.append(Text(" " * MONTH_WIDTH))
        return lines

    def _day_style(self, day: dt.date) -> str:
        if day == self.selected:
            return STYLE_SELECTED
        meeting, deadline = day in self.meeting_days, day in self.deadline_days
        style = STYLE_BOTH if meeting and deadline else STYLE_MEETING if meeting else STYLE_DEADLINE if deadline else ""
        return f"{style} {STYLE_TODAY}".strip() if day == self.today else style

    def render(self) -> Text:
        columns = columns_for(self.size.width)
        rows, legend = rows_for(columns, self.size.height)
        if not rows:
            return self._week_line()
        year = self.selected.year
        # The selected month's row first, unless the year ends before the rows shown do.
        first = min((self.selected.month - 1) // columns, 12 // columns - rows)
        out = Text(no_wrap=True)
        for row in range(first, first + rows):
            months = [self._month_lines(year, row * columns + col + 1) for col in range(columns)]
            for line_index in range(MONTH_LINES):
                for col, lines in enumerate(months):
                    out.append_text(lines[line_index])
                    out.append(" " * (MONTH_WIDTH - len(lines[line_index]) + (GAP if col < columns - 1 else 0)))
                out.append("\n")
        if not legend:
            out.rstrip()
            return out
        legend_line = Text("  ")
        legend_line.append(" møte ", style=STYLE_MEETING)
        legend_line.append("  ")
        legend_line.append("frist", style=STYLE_DEADLINE)
        legend_line.append("  ")
        legend_line.append("i dag", style=STYLE_TODAY)
        out.append_text(legend_line)
        return out

    def _week_line(self) -> Text:
        """No room for a row of months: the selected week, marked as the months are."""
        monday = self.selected - dt.timedelta(days=self.selected.weekday())
        line = Text(f"{MONTHS[self.selected.month - 1].capitalize()}, uke {self.selected.isocalendar().week}: ", no_wrap=True)
        for index, name in enumerate(WEEKDAYS.split()):
            day = monday + dt.timedelta(days=index)
            line.append(f"  {name} ", style="dim")
            line.append(f"{day.day:2d}", style=self._day_style(day))
        return line

    def get_content_height(self, container, viewport, width: int) -> int:
        rows, legend = rows_for(columns_for(width), container.height - self.leave)
        return rows * MONTH_LINES + legend if rows else 1


def columns_for(width: int) -> int:
    """How many months fit side by side in `width` cells (four at most, one at least)."""
    return next((n for n in COLUMNS if n * MONTH_WIDTH + (n - 1) * GAP <= width), 1)


def rows_for(columns: int, lines: int) -> tuple[int, bool]:
    """How many rows of months fit in `lines`, and whether the legend fits below them."""
    rows = min(12 // columns, max(lines, 0) // MONTH_LINES)
    return rows, rows > 0 and lines > rows * MONTH_LINES
