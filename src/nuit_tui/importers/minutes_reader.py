"""Read past minutes (referat) laid out as the seed's: the header, the attendance, the item
table, and per item the narrative, «Følgende innspill og spørsmål ble tatt med fra
møtet:» with one remark per bullet (who made it first), any text after the remarks, and
«Vedtak:» (a paragraph or numbered points). A file that holds more documents (a notice
before, cover notes after) is read from the minutes' own header to the next document
(`read_parts`). Pure: text in, `ReadDocument` out.
"""

from __future__ import annotations

import re

from .attendance_reader import read_attendance
from .meeting_record import ReadDocument, ReadItem, ReadMeeting, ReadRemark, Repair
from .page_text import Line, prepare
from .read_agenda import Section, read_sections, read_table
from .read_common import BULLET, CASE_AT_START, flat, match_label, paragraphs, read_header, render, split_remark
from .read_parts import cover_notes_after, minutes_part, repairs_within

_TABLE_START = re.compile(r"^sak\b.{0,12}\b(tema|agenda|saksliste)\b|^(saksliste|dagsorden)$", re.IGNORECASE)


def read_minutes(text: str, source: str = "", body: str | None = None) -> ReadDocument:
    repairs: list[Repair] = []
    every = prepare(text, repairs)
    part = minutes_part(every)  # a notice before the minutes, or cover notes after them, are not the minutes
    if part.refusal:
        return ReadDocument(kind="minutes", source=source, warnings=[part.refusal])
    lines = every[part.start : part.end]
    header = read_header(lines, repairs)
    table_start = find_table(lines, header.end_index)
    attendance = read_attendance(lines[header.end_index : table_start], repairs)
    rows, end = read_table(lines, table_start)
    sections = read_sections(lines, end, [r.case for r in rows if r.case], {r.case: r.title for r in rows if r.case})
    warnings = [*part.warnings, *header.warnings]
    last = lines[-1].number if lines else 0
    if sections and (found := cover_notes_after(sections[-1].lines, "referat")) is not None:
        cut, warning = found  # the last item ran on into what follows the minutes
        warnings.append(warning)
        last = sections[-1].lines[cut].number - 1
        del sections[-1].lines[cut:]
    repairs = repairs_within(repairs, lines[0].number if lines else 0, last)
    items = [_item(section, repairs) for section in sections]
    from .read_meeting import finish_meeting, merge_items

    meeting = finish_meeting(header, body, merge_items(rows, items, warnings), warnings)
    if meeting is None:
        return ReadDocument(kind="minutes", source=source, repairs=repairs, warnings=warnings)
    meeting = ReadMeeting(**{**meeting.model_dump(), "attendance": attendance})
    return ReadDocument(kind="minutes", source=source, meetings=[meeting], repairs=repairs, warnings=warnings)


def find_table(lines: list[Line], start: int) -> int:
    """Where the minutes' item table begins (its heading or its first row), after the attendance."""
    return next(
        (i for i in range(start, len(lines)) if _TABLE_START.match(flat(lines[i].text)) or CASE_AT_START.match(flat(lines[i].text))),
        len(lines),
    )


def _item(section: Section, repairs: list[Repair]) -> ReadItem:
    before: list[Line] = []
    after: list[Line] = []
    decision: list[Line] = []
    remarks: list[str] = []
    mode = "narrative"
    broken = False  # a paragraph break since the last remark
    for line in section.lines:
        text = flat(line.text)
        if (rest := match_label(line, "decision", repairs)) is not None:
            mode = "decision"
            if rest:
                decision.append(Line(rest, line.number))
            continue
        if match_label(line, "remarks", repairs) is not None:
            mode = "remarks"
            broken = False
            continue
        if mode == "remarks":
            if not text:
                broken = True
                continue
            if m := BULLET.match(text):
                remarks.append(m[1].strip())
                broken = False
                continue
            if remarks and not broken:
                remarks[-1] = f"{remarks[-1]} {text}"
                continue
            mode = "after"
        {"narrative": before, "after": after, "decision": decision}[mode].append(line)
    return ReadItem(
        case=section.case,
        title=section.title,
        type=section.type,
        narrative=render(paragraphs(before)),
        narrative_after=render(paragraphs(after)),
        remarks=[ReadRemark(speaker=speaker, text=said) for speaker, said in map(split_remark, remarks)],
        decision=render(paragraphs(decision)),
    )
