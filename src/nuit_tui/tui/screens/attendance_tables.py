"""The attendance screen's tables: the members grid (one key per mark), the secretariat
and the guests; and the members grid's status cell and column widths, which keep what
the secretary has just marked in sight on an 80-column terminal."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from ...domain import labels
from ...domain import models as m
from ...domain.norwegian import clock
from ..text import DataTable

Status = m.AttendanceStatus
STATUS_STYLE = {
    Status.PRESENT: "",
    Status.ABSENT_WITH_NOTICE: "yellow",
    Status.ABSENT_WITHOUT_NOTICE: "red",
}

# Room kept for the status cell: «Til stede · video · 09.15–11.30» is 31 characters.
STATUS_ROOM = 31
_PADDING = 2  # a DataTable cell's padding, one column each side
_SCROLLBAR = 2


def person_key(person_id: int) -> str:
    return f"p{person_id}"


def status_cell(row: m.Attendance | None) -> Text:
    """The status with what else is marked on the row: «Til stede · video · kom 09.15»,
    «… · gikk 11.30», «… · 09.15–11.30» with both."""
    if row is None:
        return Text("Ikke registrert", style="dim italic")
    text = Text(labels.ATTENDANCE_STATUS[row.status], style=STATUS_STYLE[row.status])
    marks = ["video"] if row.remote else []
    if row.arrived_at and row.left_at:
        marks.append(f"{clock(row.arrived_at)}–{clock(row.left_at)}")
    elif row.arrived_at:
        marks.append(f"kom {clock(row.arrived_at)}")
    elif row.left_at:
        marks.append(f"gikk {clock(row.left_at)}")
    for mark in marks:
        text.append(f" · {mark}")
    return text


def name_widths(width: int) -> tuple[int, int]:
    """The widths of «Navn» and «Organisasjon» in a grid `width` columns wide: 30 and 26
    where there is room; on a narrower terminal they give way (the name last) so that the
    status cell is whole (at 80 columns: 23 and 18)."""
    spare = width - _SCROLLBAR - (STATUS_ROOM + _PADDING) - 2 * _PADDING
    name = min(30, max(16, spare - 18))
    return name, min(26, max(12, spare - name))


class AttendanceTable(DataTable):
    """Rows keyed by person ("p12"): a person is on a meeting's list at most once."""

    def __init__(self, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    @property
    def selected_person_id(self) -> int | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value or ""
        return int(key[1:]) if key.startswith("p") and key[1:].isdigit() else None

    def keep_cursor(self, person_id: int | None, row: int) -> None:
        key = person_key(person_id) if person_id is not None else None
        if key is not None and key in self.rows:
            self.move_cursor(row=self.get_row_index(key), animate=False)
        elif self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1), animate=False)


class MembersGrid(AttendanceTable):
    BINDINGS = [
        Binding("t", "screen.status('present')", "Til stede, neste"),
        Binding("f", "screen.status('absent_with_notice')", "Forfall, neste"),
        Binding("i", "screen.status('absent_without_notice')", "Ikke til stede, neste"),
        Binding("v", "screen.toggle_video", "Video, neste"),
        Binding("a", "screen.arrived", "Kom kl."),
        Binding("l", "screen.left", "Gikk kl."),
        Binding("s", "screen.substitute", "Stedfortreder"),
        # One key per Binding: F1 lists a binding only as declared.
        Binding("delete", "screen.remove", "Fjern registreringen", show=False),
        Binding("d", "screen.remove", "Fjern registreringen", show=False),
    ]

    widths: tuple[int, int] | None = None  # «Navn» and «Organisasjon» as the columns are made

    def fit(self, width: int) -> None:
        """Columns for a terminal `width` wide, made again (rows and all) when the widths
        change; the caller fills the rows."""
        widths = name_widths(width)
        if widths == self.widths:
            return
        self.clear(columns=True)
        self.widths = widths
        self.add_column("Navn", key="name", width=widths[0])
        self.add_column("Organisasjon", key="organization", width=widths[1])
        self.add_column("Status", key="status")  # «Til stede · video · kom 09.15»
        self.add_column("Stedfortreder", key="substitute")

    def needs_fit(self, width: int) -> bool:
        return name_widths(width) != self.widths


class SecretariatTable(AttendanceTable):
    BINDINGS = [
        Binding("n", "screen.add_person('secretariat')", "Legg til i sekretariatet"),
        Binding("delete", "screen.remove", "Fjern"),
        Binding("d", "screen.remove", "Fjern", show=False),
    ]

    def on_mount(self) -> None:
        self.add_column("Navn", key="name")
        self.add_column("Organisasjon", key="organization")


class GuestsTable(AttendanceTable):
    BINDINGS = [
        Binding("n", "screen.add_person('guest')", "Ny gjest"),
        Binding("delete", "screen.remove", "Fjern"),
        Binding("d", "screen.remove", "Fjern", show=False),
    ]

    def on_mount(self) -> None:
        self.add_column("Navn", key="name")
        self.add_column("Organisasjon", key="organization")
        self.add_column("Presenterer", key="items")
