"""Import a past notice, minutes or cover note: the source beside what was understood.

The file is read in a worker; then each part (item, attendance line, cover note) is
listed with its merge status (ny, lik, fyller inn, konflikt), to accept (g), correct (r)
or skip (s). Nothing is written until Ctrl+S, which writes every part not skipped in one
transaction through the writer; a conflict is shown, never written.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header

from ...domain.norwegian import ParseError
from ...errors import StoreError
from ..base import nuit_app
from ..text import DataTable, Label, Static, literal
from ..widgets.footer import Footer
from ..widgets.path_input import PathInput
from ..writes import submit_write
from .base import ArchiveScreen, choose_body_hint

if TYPE_CHECKING:
    from ...services.import_files import Source
    from ...services.import_plan import ImportPlan

KINDS = [("notice", "innkalling"), ("minutes", "referat"), ("cover_note", "toppnotat")]
CHOICE_LABELS = {None: "–", "accept": "✓ godtatt", "skip": "hoppes over"}
NARROW = 120  # columns under which the parts' pane is the wider


def kind_from_name(name: str) -> str:
    """A first guess from the file name (F2 changes it)."""
    lowered = name.casefold()
    if "referat" in lowered or "protokoll" in lowered:
        return "minutes"
    if "toppnotat" in lowered or "vedlegg" in lowered:
        return "cover_note"
    return "notice"


class ImportScreen(ArchiveScreen):
    """Choose a file, see what was read and how it merges, then accept, correct or skip."""

    BINDINGS = [
        Binding("escape", "back", "Tilbake"),
        Binding("f2", "next_kind", "Bytt dokumenttype"),
        Binding("g", "accept", "Godta"),
        Binding("s", "skip", "Hopp over"),
        Binding("r", "correct", "Rett"),
        Binding("ctrl+s", "apply", "Lagre i arkivet"),
        Binding("ctrl+o", "choose_file", "Velg fil", show=False),
    ]
    DEFAULT_CSS = """
    ImportScreen #import-file { height: 3; padding: 0 1; }
    ImportScreen #import-file Label { padding: 1 1 0 0; }
    ImportScreen #import-path { width: 1fr; }
    ImportScreen #import-kind { width: 24; padding: 1 1 0 1; }
    ImportScreen #import-status { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    ImportScreen #import-source { width: 1fr; border: round $primary-darken-2; }
    ImportScreen #import-right { width: 1fr; }
    ImportScreen #import-parts { height: 1fr; }
    ImportScreen #import-detail-scroll { height: 1fr; border: round $primary-darken-2; }
    """

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.start_path = path
        self.kind = kind_from_name(path)
        # Until F2 chooses, the kind is a guess: the reader finds it in the document's text.
        self.kind_chosen = False
        self.path_read = False  # Enter has read the path (F2 then reads it again as its kind)
        self.plan: ImportPlan | None = None
        self.choices: dict[str, str | None] = {}
        self.source: Source | None = None
        self.source_rows: tuple[int, list[int]] = (0, [])  # (width, the row each source line begins on)

    def compose(self) -> ComposeResult:
        yield Header()
        body = nuit_app(self).body
        yield Static(f"Importer dokument til {body.short_name if body else '(velg utvalg)'}", id="heading", classes="screen-title")
        with Horizontal(id="import-file"):
            yield Label("Fil:")
            yield PathInput(
                self.start_path,
                id="import-path",
                placeholder="sti til .docx, .pdf eller .txt (Tab fullfører)",
                suffixes=(".docx", ".pdf", ".txt", ".md", ".json"),
            )
            yield Static(self._kind_text(), id="import-kind")
        yield Static("Skriv filens sti og trykk Enter. Ingenting lagres før Ctrl+S.", id="import-status")
        with Horizontal():
            with VerticalScroll(id="import-source"):
                yield Static("", id="source-text")
            with Vertical(id="import-right"):
                yield DataTable(id="import-parts", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="import-detail-scroll"):
                    yield Static("", id="import-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#import-parts", DataTable)
        table.add_column("Del", key="part", width=14)
        table.add_column("Innhold", key="what", width=20)
        table.add_column("Fletting", key="merge", width=10)
        table.add_column("Valg", key="choice", width=11)
        self.query_one("#import-path", PathInput).focus()
        self.on_resize()

    def on_resize(self) -> None:
        # Narrow: the parts take more of the screen than the source, and «Innhold» gives way.
        narrow = self.app.size.width < NARROW
        self.query_one("#import-source").styles.width = "2fr" if narrow else "1fr"
        self.query_one("#import-right").styles.width = "3fr" if narrow else "1fr"
        self.call_after_refresh(self._fit_columns)

    def _fit_columns(self) -> None:
        """«Innhold» (a title, whole in the detail below) takes the room the part, its merge
        status and the choice leave, so that «Fletting» and «Valg» are on the screen."""
        table = self.query_one("#import-parts", DataTable)
        labels = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        part = max(7, min(14, max(map(len, labels), default=0)))
        room = table.scrollable_content_region.width - 2 * table.cell_padding * len(table.columns)
        what = max(6, room - part - sum(c.width for c in table.columns.values() if c.key.value in ("merge", "choice")))
        columns = {key.value: column for key, column in table.columns.items()}
        if (columns["part"].width, columns["what"].width) != (part, what):
            columns["part"].width, columns["what"].width = part, what
            table._require_update_dimensions = True
            table._clear_caches()  # every row drawn again at the new widths, not only the cursor's
            table.refresh()

    def _kind_text(self) -> str:
        return f"Type: {dict(KINDS)[self.kind]} (F2)"

    # --- choosing and reading the file ------------------------------------------------

    def action_choose_file(self) -> None:
        self.query_one("#import-path", PathInput).focus()

    def action_next_kind(self) -> None:
        keys = [k for k, _ in KINDS]
        self.kind = keys[(keys.index(self.kind) + 1) % len(keys)]
        self.kind_chosen = True
        self.query_one("#import-kind", Static).update(self._kind_text())
        if self.path_read:  # a file is read: read it again as the kind now shown
            self._read_path()

    @on(PathInput.Completed)
    def _completed(self, event: PathInput.Completed) -> None:
        status = self.query_one("#import-status", Static)
        if not event.matches:
            status.update("Ingen filer passer")
        elif len(event.matches) > 1:
            shown = ", ".join(Path(p).name for p in event.matches[:8])
            status.update(f"{len(event.matches)} passer: {shown}{' …' if len(event.matches) > 8 else ''}")
        else:
            self.kind = kind_from_name(event.matches[0])
            self.query_one("#import-kind", Static).update(self._kind_text())
            status.update("Enter leser filen")

    @on(PathInput.Submitted, "#import-path")
    def _submitted(self, event: PathInput.Submitted) -> None:
        event.stop()
        self._read_path()

    def _read_path(self) -> None:
        body = nuit_app(self).body
        if body is None:
            hint = choose_body_hint(self.archive)
            self.notify(hint.replace("(b)", "(b i møteoversikten)"), severity="warning")
            return
        path = self.query_one("#import-path", PathInput).value.strip()
        if not path:
            return
        self._forget()
        self.path_read = True
        self.query_one("#import-status", Static).update(f"Leser {Path(path).name} …")
        self._read(Path(path).expanduser(), self.kind if self.kind_chosen else None, body.short_name)

    def _forget(self) -> None:
        """What was read before is gone from the screen, and Ctrl+S no longer writes it."""
        self.plan = None
        self.choices = {}
        self.query_one("#import-parts", DataTable).clear()
        self.query_one("#import-detail", Static).update("")

    @work(thread=True, exclusive=True, group="import")
    def _read(self, path: Path, kind: str | None, body: str, document=None, keep: dict[str, str | None] | None = None) -> None:
        from ...services.import_files import read_document, read_source

        try:
            if document is None:
                document = read_document(path, kind)  # type: ignore[arg-type]
            plan = self.archive.imports.plan(document, body)
            source = read_source(path, document.kind)
        except (ParseError, StoreError, OSError, ValueError) as exc:
            self.app.call_from_thread(self._failed, " ".join(str(exc).split()))
            return
        self.app.call_from_thread(self._show, plan, source, keep)

    def _failed(self, message: str) -> None:
        self._forget()
        self.query_one("#import-status", Static).update(f"Kunne ikke leses: {message}")
        self.notify(message, severity="error")

    def _show(self, plan, source: Source, keep: dict[str, str | None] | None = None) -> None:
        self.plan = plan
        self.kind = plan.document.kind  # what the reader found, when F2 did not say
        self.query_one("#import-kind", Static).update(self._kind_text())
        self.source = source
        self.source_rows = (0, [])
        text = "\n".join(source.lines)
        self.query_one("#source-text", Static).update(text if text.strip() else "(ingen kildetekst)")
        self.choices = dict(keep or {})
        table = self.query_one("#import-parts", DataTable)
        row = table.cursor_row if keep is not None else 0
        table.clear()
        for key, part, what, merge in self._rows(plan):
            table.add_row(part, what, merge, CHOICE_LABELS[self.choices.get(key)], key=key)
        counts = f"{len(plan.document.repairs)} rettelser, {len(plan.warnings)} advarsler, {plan.conflicts} konflikter"
        self.query_one("#import-status", Static).update(
            f"{plan.document.source or 'Dokumentet'}: {table.row_count} deler · {counts} · g godta · s hopp over · r rett · Ctrl+S lagrer"
        )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
            table.focus()
            self.call_after_refresh(self._fit_columns)
            self.call_after_refresh(self._detail)  # the source laid out: its rows are known

    def _rows(self, plan):
        from ...services.import_plan import MERGE_LABELS

        for mi, mp in enumerate(plan.meetings):
            yield f"m:{mi}", f"Møte {mp.read.number}", mp.read.date.strftime("%d.%m.%Y"), MERGE_LABELS[mp.merge]
            for ii, ip in enumerate(mp.items):
                label = f"Sak {ip.read.case}" if ip.read.kind == "item" else "Pause"
                yield f"i:{mi}:{ii}", label, ip.read.title, MERGE_LABELS[ip.merge]
            for ai, ap in enumerate(mp.attendance):
                yield f"a:{mi}:{ai}", "Oppmøte", ap.read.name, MERGE_LABELS[ap.merge]
        for ci, cp in enumerate(plan.cover_notes):
            yield f"c:{ci}", f"Toppnotat {cp.read.case}", cp.read.title, MERGE_LABELS[cp.merge]

    # --- the highlighted part -----------------------------------------------------------

    def _key(self) -> str | None:
        table = self.query_one("#import-parts", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    @property
    def shown_plan(self) -> ImportPlan:
        if self.plan is None:
            raise LookupError("no file read yet")
        return self.plan

    def _part(self, key: str):
        kind, *index = key.split(":")
        numbers = [int(n) for n in index]
        plan = self.shown_plan
        if kind == "m":
            return plan.meetings[numbers[0]]
        if kind == "i":
            return plan.meetings[numbers[0]].items[numbers[1]]
        if kind == "a":
            return plan.meetings[numbers[0]].attendance[numbers[1]]
        return plan.cover_notes[numbers[0]]

    @on(DataTable.RowHighlighted, "#import-parts")
    def _highlighted(self) -> None:
        self._detail()

    def _detail(self) -> None:
        from .import_detail import describe, source_line

        key = self._key()
        if key is None or self.plan is None:
            return
        part = self._part(key)
        self.query_one("#import-detail", Static).update(describe(part, self.plan if key.startswith("m:") else None))
        if self.source is None:
            return
        line = source_line(part, self.source.lines, self.source.places)
        if line is not None:
            self.query_one("#import-source", VerticalScroll).scroll_to(y=max(0, self._source_row(line) - 2), animate=False, immediate=True)

    def _source_row(self, line: int) -> int:
        """The row of the source pane a source line begins on: long lines wrap there. Counted
        only as far as the line asked for, and kept: each move down wraps only the lines it
        passes (the whole file, on the event loop, took 0.4 s at the first highlight)."""
        text = self.query_one("#source-text", Static)
        if self.source is None or text.size.width <= 0 or not self.source.lines:
            return line
        pane_width = text.size.width
        width, rows = self.source_rows
        if width != pane_width:
            rows = []
            self.source_rows = (pane_width, rows)
        lines = self.source.lines
        target = min(line, len(lines) - 1)
        while len(rows) <= target:
            above = lines[len(rows) - 1] if rows else ""
            rows.append(rows[-1] + self._rows_of(above, text, pane_width) if rows else 0)
        return rows[target]

    @staticmethod
    def _rows_of(source_line: str, text: Static, width: int) -> int:
        """Rows a source line takes in the pane: one when it is narrower, else as wrapped."""
        if cell_len(source_line) <= width:
            return 1
        return max(1, literal(source_line).get_height(text.styles, width))  # type: ignore[arg-type]  # as Widget does

    # --- accept, skip, correct, write ----------------------------------------------------

    def _choose(self, choice: str) -> None:
        key = self._key()
        if key is None or key.startswith("m:"):
            return
        self.choices[key] = choice
        self._part(key).skip = choice == "skip"
        table = self.query_one("#import-parts", DataTable)
        table.update_cell(key, "choice", CHOICE_LABELS[choice])
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_accept(self) -> None:
        self._choose("accept")

    def action_skip(self) -> None:
        self._choose("skip")

    def action_correct(self) -> None:
        key = self._key()
        if key is None or not key.startswith("i:"):
            self.notify("Velg en sak for å rette den", severity="warning")
            return
        from .import_detail import CorrectItemScreen

        mi, ii = (int(n) for n in key.split(":")[1:])
        read = self.shown_plan.document.meetings[mi].items[ii]

        def corrected(update: dict | None) -> None:
            if not update:
                return
            document = self.shown_plan.document.model_copy(deep=True)
            document.meetings[mi].items[ii] = read.model_copy(update=update)
            body = nuit_app(self).body
            if body is not None:
                self._read(Path(self.query_one("#import-path", PathInput).value).expanduser(), self.kind, body.short_name, document, dict(self.choices))

        self.app.push_screen(CorrectItemScreen(read), corrected)

    async def action_apply(self) -> None:
        if self.plan is None:
            self.notify("Les en fil først", severity="warning")
            return
        plan = self.plan
        for key, choice in self.choices.items():
            self._part(key).skip = choice == "skip"
        with self.guard():
            result = await asyncio.wrap_future(submit_write(self.app, lambda: self.archive.imports.apply(plan)))
            left = f"; {result.conflicts} konflikter står som i arkivet" if result.conflicts else ""
            self.notify(f"Importert: {result.changed} endringer{left}" if result.changed else f"Ingen endringer{left}")
            body = nuit_app(self).body
            if body is not None:
                self._read(Path(self.query_one("#import-path", PathInput).value).expanduser(), self.kind, body.short_name, plan.document, dict(self.choices))

    def action_back(self) -> None:
        self.app.pop_screen()
