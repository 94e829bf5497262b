"""Where in a file what a reader read stands, for the import screen to show the source
there: the lines the document was read from (a file may hold a notice, then the minutes
of the meeting before, then cover notes: `read_parts`), and each item's heading (where
its own text begins, not its row in the agenda table) or each cover note's first line.
Found as the readers find them, in the whole file's line numbers (1-based,
`page_text.Line.number`). Pure: text in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cover_note_reader import note_case
from .meeting_record import DocumentKind
from .minutes_reader import find_table
from .page_text import Line, prepare, source_lines
from .read_agenda import read_sections, read_table
from .read_common import read_header
from .read_parts import cover_note_parts, cover_notes_after, minutes_part, notice_part


@dataclass
class SourcePlaces:
    first: int = 1  # the document's first line in the file
    last: int = 0  # its last (cover notes after it are not it)
    items: dict[str, int] = field(default_factory=dict)  # case («6/23») → its heading's (a cover note's first) line


def source_places(text: str, kind: DocumentKind) -> SourcePlaces:
    """The lines of `text` read as `kind`, and each item's heading among them."""
    every = prepare(text, [])
    whole = SourcePlaces(1, len(source_lines(text)))
    if not every:
        return whole
    if kind == "cover_note":
        return _cover_note_places(every, whole)
    part = (minutes_part if kind == "minutes" else notice_part)(every)
    if part.refusal or part.start >= part.end:
        return whole
    lines = every[part.start : part.end]
    header = read_header(lines, [])
    rows, end = read_table(lines, find_table(lines, header.end_index) if kind == "minutes" else header.end_index)
    cases = [r.case for r in rows if r.case]
    sections = read_sections(lines, end, cases, {r.case: r.title for r in rows if r.case})
    places = SourcePlaces(lines[0].number, lines[-1].number, {s.case: s.number for s in sections})
    word = "referat" if kind == "minutes" else "innkalling"
    if sections and (found := cover_notes_after(sections[-1].lines, word, titled=kind == "notice")) is not None:
        places.last = sections[-1].lines[found[0]].number - 1
    return places


def _cover_note_places(every: list[Line], whole: SourcePlaces) -> SourcePlaces:
    """Each cover note at its first line (a file may hold several, after a notice and
    minutes: its case number stands in the notice's agenda first)."""
    parts, _ = cover_note_parts(every)
    if not parts:
        return whole
    notes = [(note_case(every[p.start : p.end]), every[p.start].number) for p in parts if p.start < p.end]
    return SourcePlaces(every[parts[0].start].number, whole.last, {case: number for case, number in reversed(notes) if case})


def find_line(lines: list[str], places: SourcePlaces, case: str | None, needles: list[str]) -> int | None:
    """The index in `lines` (the file's, `page_text.source_lines`) where a part stands: its
    item's heading, else the first line within the document holding its case number as a
    number of its own («6/23», never inside «16/23»), else one of `needles` (a title, a name)."""
    if case and case in places.items:
        return places.items[case] - 1
    within = range(max(0, places.first - 1), min(len(lines), places.last))
    patterns = [rf"(?<![\d/]){re.escape(case)}(?![\d/])"] if case else []
    patterns += [re.escape(needle) for needle in needles if needle]
    for pattern in patterns:
        found = re.compile(pattern)
        for index in within:
            if found.search(lines[index]):
                return index
    return None
