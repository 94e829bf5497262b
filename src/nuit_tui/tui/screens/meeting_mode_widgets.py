"""The parts of meeting mode's screen that only show things: the agenda list, the
remarks table, the decision's difference from the proposal, and the status lines."""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets.option_list import Option

from ...domain import labels
from ...domain import models as m
from ...domain.norwegian import clock, long_date, numeric_date, time_span
from ...domain.textdiff import word_diff
from ...services.agenda import AgendaRow
from ..text import DataTable, Label, OptionList, Static, literal, literal_text, markup
from ..widgets.completion import NameInput
from ..widgets.form import FormBody
from ..widgets.refused_typing import TakesNoText
from ..widgets.text_field import TextArea
from .item import PlainTextArea

# Meeting mode's keys (F1 lists them; the footer those that fit, in this order). A footer
# word shorter than the key's name has the name as its tooltip, which F1 and the palette show.
MEETING_MODE_KEYS: list[BindingType] = [
    Binding("escape", "close", "Tilbake"),
    # priority: TextArea has F6/F7 of its own; ours must win wherever focus is.
    # F7 and F9 are in F1's list; the footer keeps what is pressed every minute.
    Binding("f8", "step(1)", "Neste", tooltip="Neste sak", priority=True),
    Binding("f7", "step(-1)", "Forrige sak", priority=True, show=False),
    Binding("f2,ctrl+r", "new_remark", "Nytt innspill", priority=True),
    Binding("f3", "adopt", "Vedta", tooltip="Vedta forslaget", priority=True),
    Binding("f4", "follow_up", "Oppfølging", priority=True),
    Binding("f6", "defer", "Utsett", priority=True),
    Binding("f9", "withdraw", "Trekk saken", priority=True, show=False),
    Binding("f5", "attendance", "Oppmøte", priority=True),
    Binding("ctrl+u", "unlock", "Lås opp / lås referatet", show=False),
]

STATE_MARK = labels.ITEM_STATE_MARK


def show_line(widget: Static, text: str | Content) -> None:
    """Static.update lays out the whole screen (a few dozen ms here): a status line that
    takes as many lines as before (the clock each second, the save note) needs no layout."""
    width, old = widget.size.width, widget.content
    if not isinstance(old, (str, Content)) or width <= 0 or "\n" in str(old) + str(text):
        widget.update(text)
    else:
        widget.update(text, layout=-(-len(old) // width) != -(-len(text) // width))


def load_at_end(area: TextArea, text: str) -> None:
    """An item's or a remark's text, shown again: the cursor at its end, so that what is
    typed next adds to it (at the start it was glued onto the front of the first line)."""
    area.load_text(text)
    area.move_cursor(area.document.end)


def load_keeping_cursor(area: TextArea, text: str) -> None:
    """New text (another window's) without moving the cursor of the one typing."""
    cursor = area.cursor_location
    area.load_text(text)
    area.move_cursor(cursor)


def hms(seconds: float) -> str:
    seconds = int(max(0, seconds))
    return f"{seconds // 3600:d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def locked_line(meeting: m.Meeting) -> str:
    """"Møte 1/2022 · 17. februar 2022 · kl. 09.00–15.00": approved minutes run no clock."""
    return f"Møte {meeting.ref} · {long_date(meeting.date)} · {time_span(meeting.start_time, meeting.end_time)}"


def clock_line(meeting: m.Meeting, meeting_elapsed: float, item: m.AgendaItem | None, item_elapsed: float) -> str | Content:
    """"Møte 2/2023 · møtetid 1:02:03 (plan kl. 09.00–15.45) · sak 0:12:00 av 30 min"."""
    text = f"Møte {meeting.ref} · møtetid {hms(meeting_elapsed)} (plan {time_span(meeting.start_time, meeting.end_time)})"
    if item is not None:
        planned = item.duration_minutes * 60
        text += f" · sak {hms(item_elapsed)} av {item.duration_minutes} min"
        if planned and item_elapsed > planned:
            return markup("$text · [b]over tiden[/b]", text=text)
    return text


def resumed_text(case_label: str, item: m.AgendaItem, since: dt.datetime) -> str:
    """"Fortsetter møtet fra sak 14/23 (tatt opp kl. 10.12)": meeting mode opened again on
    the meeting's day (after a crash, or a restart) is back where the meeting is."""
    what = f"sak {case_label}" if case_label else f"«{item.title or '(uten tittel)'}»"
    return f"Fortsetter møtet fra {what} (tatt opp kl. {clock(since.time())})"


def follow_ups_text(follow_ups: list[m.FollowUp]) -> str:
    lines = [
        f"• {f.description}"
        + (f" – {f.responsible}" if f.responsible else "")
        + (f" (frist {numeric_date(f.due_date)})" if f.due_date else "")
        for f in follow_ups
    ]
    return "Oppfølging (F4):\n" + "\n".join(lines) if lines else ""


def item_heading(case_label: str, item: m.AgendaItem, presenters: str) -> Content:
    type_text = f" · {item.item_type.value}" if item.item_type else ""
    return (
        markup("[b]$case $title[/b]$type", case=case_label, title=item.title, type=type_text)
        + (markup("\nInnledere: $names", names=presenters) if presenters else "")
        + (markup("\n[b]Utsatt[/b]") if item.state is m.ItemState.DEFERRED else "")
        + (markup("\n[b]Trukket[/b]") if item.state is m.ItemState.WITHDRAWN else "")
    )


def presence_text(present: int, members: int, *, registered: bool) -> str:
    """Who was there for the item: needed when a decision's legitimacy is questioned."""
    if not registered:
        return "Oppmøtet er ikke registrert – F5: oppmøte"
    return f"Til stede under saken: {present} av {members} medlemmer (stedfortredere medregnet) – F5: oppmøte"


class ItemMinutes(FormBody):
    """The current item's column: heading, proposal, narrative, remarks, decision."""

    # The remarks list's keys, said by F1 wherever the focus is in the column (they were in
    # the label above the list alone, cut at 100 columns): the list's bindings are listed
    # only while it has the focus.
    HELP_KEYS = [
        ("Enter / Delete", "I innspillene: rediger / slett innspill"),
        ("Ctrl+↑ / Ctrl+↓", "I innspillene: flytt innspill opp / ned"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="mm-title")
        yield Static(id="mm-present")
        yield Static(id="mm-lock")
        yield Label("Forslag til vedtak")
        yield Static(id="mm-proposal")
        yield Label("Referat: hvem innledet, hva ble sagt (en linje «[innspill]» setter innspillene der)")
        yield PlainTextArea("", id="narrative")
        yield Label("Innspill (F2: nytt · Enter: rediger · Delete: slett · Ctrl+↑↓: flytt)")
        yield RemarksTable(id="mm-remarks", cursor_type="row")
        with RemarkEditor(id="mm-remark-editor"):
            yield NameInput(
                placeholder="Hvem (organisasjon eller person) – Tab/Enter fullfører",
                id="remark-speaker",
                enter_goes_to="#remark-text",
                select_on_focus=False,  # a saved remark's speaker: a key adds to it, never replaces it
            )
            yield PlainTextArea("", id="remark-text")
        yield Label("Vedtak (F3: vedta som foreslått)")
        yield PlainTextArea("", id="decision")
        yield DecisionDiff(id="mm-diff")
        yield Static(id="mm-followups")
        yield Static(id="save-state")


class RemarkEditor(Vertical):
    """The remark being written: saved as it is typed, finished by Escape (or F2, the next).

    Enter in its text is a new line, kept (a remark may run over several); so how to finish
    one is said on its border, in the footer and in F1, which named none of it."""

    # Escape is meeting mode's own (`close`), named for what it does here.
    BINDINGS = [Binding("escape", "screen.close", "Ferdig", tooltip="Ferdig med innspillet (lagret)")]
    # The fields' own Enter and Ctrl+U (Textual's, which F1 leaves out); the list's keys,
    # which act once Escape has put the focus back on it, are the column's (ItemMinutes).
    # Short: F1 shows some 36 characters of each at 80 columns.
    HELP_KEYS = [
        ("Enter", "Ny linje (i «Hvem»: fullfør navnet)"),
        ("Ctrl+U", "Slett til linjestart"),
        ("Ctrl+U etter Esc", "Lås opp / lås referatet"),
    ]

    def on_mount(self) -> None:
        self.border_title = "Esc: ferdig · F2: nytt innspill"


class MeetingAgenda(TakesNoText, OptionList):
    """The meeting's agenda down the side: items to pick (by id), breaks shown only."""

    # Text typed here, believed to be in «Referat», vanished: it is named instead.
    NO_TEXT_MESSAGE = "Dagsordenen har fokus, og der skrives ingen tekst: Tab går til «Referat»"
    NO_TEXT_WHERE = "i dagsordenen"

    # Enter is the list's own key: named, or it was «Select» to F1, the footer and the palette.
    BINDINGS = [Binding("enter", "select", "Gå til saken", show=False)]  # the footer keeps the F-keys

    def fill(self, rows: tuple[AgendaRow, ...]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        for row in rows:
            item = row.item
            if item.is_break:
                self.add_option(Option(f"   {clock(row.start)} {item.title}", disabled=True))
            else:
                marks = labels.item_marks(item.state, item.exempt)
                self.add_option(Option(f"{marks} {row.case_number:>6} {item.title}", id=str(item.id)))
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def highlight_item(self, item_id: int) -> None:
        self.highlighted = next((i for i in range(self.option_count) if self.get_option_at_index(i).id == str(item_id)), None)


class RemarksTable(TakesNoText, DataTable):
    """The item's remarks, one row each keyed by the remark's id."""

    # Escape out of a remark lands here: text typed on is named, not lost.
    NO_TEXT_MESSAGE = "Innspillene har fokus, og der skrives ingen tekst: Enter redigerer innspillet, F2 gir et nytt"
    NO_TEXT_WHERE = "i innspillslisten"

    BINDINGS = [
        Binding("delete", "screen.delete_remark", "Slett innspill"),
        Binding("ctrl+z", "app.undo_delete", "Angre siste sletting"),
        Binding("ctrl+up", "screen.move_remark(-1)", "Innspill opp"),
        Binding("ctrl+down", "screen.move_remark(1)", "Innspill ned"),
        Binding("enter", "screen.edit_remark", "Rediger innspill"),
    ]
    COLUMNS = ("Hvem", "Innspill", "Kl.")
    # «Hvem» is as wide as the longest name shown, within these: «Representant fra kommunal
    # sektor» was cut at a fixed 28 with the room beside it; a very long name is cut at 36.
    SPEAKER_WIDTH = (12, 36)
    CLOCK_WIDTH = 5
    # «Innspill» takes the room left beside the two (it grew with the longest remark, and
    # pushed «Kl.» out of view); beside a long name on a narrow terminal, at least this.
    TEXT_MIN_WIDTH = 12

    def on_mount(self) -> None:
        self._speaker_width = self.SPEAKER_WIDTH[0]  # as wide as the names want: `_fit_columns` may give less
        self._speaker = self.add_column("Hvem", width=self._speaker_width)
        self._text = self.add_column("Innspill", width=self.TEXT_MIN_WIDTH)
        self.add_column("Kl.", width=self.CLOCK_WIDTH)
        self._fit_columns()

    def on_resize(self) -> None:
        self._fit_columns()

    def watch_show_vertical_scrollbar(self) -> None:
        self._fit_columns()  # a twelfth remark: the scrollbar takes two columns of the text's

    def _fit_speakers(self, speakers: list[str], *, shrink: bool) -> None:
        low, high = self.SPEAKER_WIDTH
        width = max(low, min(high, max(map(cell_len, speakers), default=0)))
        if width > self._speaker_width or (shrink and width != self._speaker_width):
            self._speaker_width = width
        self._fit_columns()

    def _fit_columns(self) -> None:
        """«Innspill» as wide as the table leaves it beside «Hvem» and «Kl.», so that the
        time is always in view and nothing scrolls sideways; «Hvem» gives way to it on a
        narrow terminal. Not laid out yet: «Hvem» as the names want, «Innspill» at resize."""
        speaker, text = self.columns[self._speaker], self.columns[self._text]
        room = self.scrollable_content_region.width
        widths = (self._speaker_width, text.width)
        if room > 0:
            free = room - 3 * 2 * self.cell_padding - self.CLOCK_WIDTH
            fitted = min(self._speaker_width, max(self.SPEAKER_WIDTH[0], free - self.TEXT_MIN_WIDTH))
            widths = (fitted, max(1, free - fitted))
        if widths != (speaker.width, text.width):
            speaker.width, text.width = widths
            self._update_count += 1  # the cells were drawn at the old widths (and are cached so)
            self._require_update_dimensions = True
            self.refresh()

    @staticmethod
    def cells(remark: m.Remark) -> tuple[str, str, str]:
        # On one line, spaces as one: a text begun with Enter (Tab, then Enter, after the name) showed blank.
        return remark.speaker, " ".join(remark.text.split()), clock(remark.made_at) if remark.made_at else ""

    @classmethod
    def _shown(cls, remark: m.Remark) -> tuple[Text, Text, str]:
        """`cells` as drawn: a name or text cut at its column's edge ends in «…» (the whole
        text is in the editor, Enter)."""
        speaker, text, made_at = cls.cells(remark)
        return literal_text(speaker, overflow="ellipsis"), literal_text(text, overflow="ellipsis"), made_at

    def fill(self, remarks: list[m.Remark], select_id: int | None = None) -> None:
        self.clear()
        self._fit_speakers([remark.speaker for remark in remarks], shrink=True)
        for remark in remarks:
            self.add_row(*self._shown(remark), key=str(remark.id))
            if remark.id == select_id:
                self.move_cursor(row=self.row_count - 1)

    def update_remark(self, remark: m.Remark) -> bool:
        """Redraw one remark's row; False when it is not there (deleted meanwhile)."""
        try:
            self._fit_speakers([remark.speaker], shrink=False)
            for column, value in zip(self.COLUMNS, self._shown(remark), strict=True):
                column_key = next(c.key for c in self.columns.values() if str(c.label) == column)
                # The widths are `_fit_columns`'s: none grows with its text (update_width
                # would measure it for nothing: the columns are not auto-width).
                self.update_cell(str(remark.id), column_key, value)
        except Exception:
            return False
        return True

    def selected_id(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value


class DecisionDiff(Static):
    """How the decision differs from the proposal, word by word."""

    def show(self, proposal: str, decision: str) -> None:
        if not decision.strip() or not proposal.strip() or decision == proposal:
            self.update("Vedtatt som foreslått." if decision and decision == proposal else "")
            return
        changes = Content("Endret fra forslaget: ")
        for change in word_diff(proposal, decision):
            if change.kind == "removed":
                changes += markup("[strike red]$text[/]", text=change.text)
            elif change.kind == "added":
                changes += markup("[u green]$text[/]", text=change.text)
            else:
                changes += literal(change.text)
        self.update(changes)
