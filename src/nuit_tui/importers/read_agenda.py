"""The agenda table of a notice («Sak | Agenda | Tidspunkt | Sakstype», with breaks and
the end) or the item table of minutes («Sak | Tema | Sakstype»), and the document's
items one by one after it. Pure: lines in.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from .page_text import Line
from .read_common import (
    BREAKS,
    BULLET,
    CASE_AT_START,
    LABEL_ATTACHMENT,
    LABEL_DECISION,
    LABEL_PROPOSED,
    LABEL_REMARKS,
    OPEN_ENDINGS,
    TIME,
    case_key,
    flat,
    item_type,
    split_type,
)

_TABLE_HEADER = re.compile(r"^sak\b.{0,12}\b(agenda|tema|dagsorden|saksliste)\b", re.IGNORECASE)
_BREAK_ROW = re.compile(rf"^({'|'.join(BREAKS)})\b\s*(.*)$", re.IGNORECASE)
_TYPE_LINE = re.compile(r"^\s*sakstype\s*:\s*(\S+)", re.IGNORECASE)


@dataclass
class Row:
    kind: str  # "item" or "break"
    case: str | None
    title: str
    time: dt.time | None = None
    type: str | None = None
    text: str = ""  # the row as the document has it, cells flattened


@dataclass
class Section:
    case: str
    title: str
    type: str | None
    lines: list[Line] = field(default_factory=list)  # the body, after the heading
    number: int = 0  # the heading's line


def _is_label(text: str) -> bool:
    return bool(
        LABEL_DECISION.match(text) or LABEL_PROPOSED.match(text) or LABEL_REMARKS.match(text) or LABEL_ATTACHMENT.match(text)
    )


def read_table(lines: list[Line], start: int) -> tuple[list[Row], int]:
    """The rows of the first agenda or item table at or after `start`, and the index of
    the first line after it; ([], start) when there is none."""
    index = start
    while index < len(lines) and not _TABLE_HEADER.match(flat(lines[index].text)):
        if CASE_AT_START.match(flat(lines[index].text)):
            break
        index += 1
    if index >= len(lines):
        return [], start
    if _TABLE_HEADER.match(flat(lines[index].text)):
        index += 1
    rows: list[list[str]] = []
    kinds: list[str] = []
    seen: set[str] = set()
    continuation = 0
    while index < len(lines):
        text = flat(lines[index].text)
        if not text:
            index += 1
            continue
        case = CASE_AT_START.match(text)
        brk = _BREAK_ROW.match(text)
        if case:
            if case_key(case[1]) in seen:
                break
            seen.add(case_key(case[1]))
            rows.append([text])
            kinds.append("item")
            continuation = 0
        elif brk and (not brk[2] or TIME.search(brk[2])) and len(text.split()) <= 4:
            rows.append([text])
            kinds.append("break")
            index += 1
            if brk[1].lower() == "slutt":
                break
            continue
        elif _TABLE_HEADER.match(text) and rows and _next_is_new_row(lines, index + 1, seen):
            index += 1  # the header repeated on the next page: the table goes on
            continue
        elif _TABLE_HEADER.match(text) or _is_label(text) or not rows or continuation >= 4:
            break
        else:
            rows[-1].append(text)
            continuation += 1
        index += 1
    return [_row(kind, " ".join(parts)) for kind, parts in zip(kinds, rows, strict=True)], index


def _next_is_new_row(lines: list[Line], index: int, seen: set[str]) -> bool:
    while index < len(lines) and not lines[index].text:
        index += 1
    m = CASE_AT_START.match(flat(lines[index].text)) if index < len(lines) else None
    return m is not None and case_key(m[1]) not in seen


def _row(kind: str, text: str) -> Row:
    if kind == "break":
        m = _BREAK_ROW.match(text)
        assert m is not None
        times = TIME.findall(m[2])
        return Row("break", None, m[1].capitalize(), _time(times[0]) if times else None, text=text)
    m = CASE_AT_START.match(text)
    assert m is not None
    rest = m[2]
    times = list(TIME.finditer(rest))
    start: dt.time | None = None
    if times:
        last = times[-1]
        after = rest[last.end():].strip()
        if not after or item_type(after.split()[0]) or len(after.split()) <= 1:
            start = _time((last[1], last[2]))
            rest = (rest[: last.start()] + " " + after).strip()
    title, type_ = split_type(rest)
    return Row("item", case_key(m[1]), title.strip(), start, type_, text)


def _time(parts: tuple[str, str]) -> dt.time | None:
    hour, minute = int(parts[0]), int(parts[1])
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


def read_sections(lines: list[Line], start: int, cases: list[str], titles: dict[str, str] | None = None) -> list[Section]:
    """The items after the table: each from the line starting with its case number to the
    next one. With `cases` (the table's), only those numbers start an item; with `titles`
    (the table's), a heading that runs on into the body (OCR joined two lines) is cut
    after the table's title."""
    wanted = set(cases)
    titles = titles or {}
    sections: list[Section] = []
    index = start
    while index < len(lines):
        text = flat(lines[index].text)
        m = CASE_AT_START.match(text)
        key = case_key(m[1]) if m else ""
        if m and (not wanted or key in wanted) and key not in {s.case for s in sections}:
            title, type_, used = _heading(m[2], lines, index + 1)
            title, spill = _cut(title, titles.get(key, ""))
            sections.append(Section(key, title, type_, number=lines[index].number))
            if spill:
                sections[-1].lines.append(Line(spill, lines[index].number))
            index = used
            continue
        if sections:
            sections[-1].lines.append(lines[index])
        index += 1
    for section in sections:
        _take_type_line(section)
    return sections


def _cut(title: str, table_title: str) -> tuple[str, str]:
    """(title, what ran on after it): «Godkjenning av innkalling og dagsorden Det kom ingen
    innspill …» is the table's title and the body's first sentence."""
    size = len(table_title)
    if not table_title or len(title) <= size + 1 or table_title.rsplit(" ", 1)[-1].lower() in OPEN_ENDINGS:
        return title, ""
    head, rest = title[:size], title[size:].strip()
    if rest[:1].isupper() and difflib.SequenceMatcher(None, head.lower(), table_title.lower()).ratio() >= 0.85:
        return head.strip(), rest
    return title, ""


def _heading(first: str, lines: list[Line], index: int) -> tuple[str, str | None, int]:
    """The item's title (over up to three lines) and its type, and the index of the body."""
    title, type_ = split_type(first)
    taken = 0
    while type_ is None and index < len(lines) and taken < 3:
        text = flat(lines[index].text)
        if not text or _is_label(text) or BULLET.match(text) or CASE_AT_START.match(text):
            break
        if len(text.split()) == 1 and (found := item_type(text)) and text[:1].isupper():
            return title, found, index + 1
        last = title.rsplit(" ", 1)[-1].lower() if title else ""
        if text[:1].islower() or last in OPEN_ENDINGS or title.endswith((",", "–", "-")):
            title, type_ = split_type(f"{title} {text}")
            taken += 1
            index += 1
            continue
        break
    return title.strip(), type_, index


def _take_type_line(section: Section) -> None:
    """«Sakstype: Drøfting» under the heading (as the project's own exports write it)."""
    for i, line in enumerate(section.lines[:4]):
        if m := _TYPE_LINE.match(line.text):
            section.type = section.type or item_type(m[1])
            del section.lines[i]
            return
