"""Read a past notice (innkalling) laid out as the seed's: the header, the members, the
agenda table with times, breaks and the end, and each item with its description,
attachments and «Forslag til vedtak». A file that holds more documents (the minutes of the
last meeting, cover notes) is read from the notice's own header to the next document
(`read_parts`). Pure: text in, `ReadDocument` out.
"""

from __future__ import annotations

import re

from .attendance_reader import read_members
from .meeting_record import ReadAttachment, ReadCoverNote, ReadDocument, ReadItem, ReadMeeting, ReadSection, Repair
from .page_text import Line, prepare
from .read_agenda import Row, Section, read_sections, read_table
from .read_common import (
    LABEL_ATTACHMENT,
    SENTENCE_END,
    flat,
    match_label,
    paragraphs,
    read_header,
    render,
)
from .read_meeting import finish_meeting, merge_items
from .read_parts import cover_notes_after, notice_part, repairs_within

# Headings of a cover note printed under the item (the project's own notice does).
COVER_HEADINGS = re.compile(
    r"^(hensikt med saken|bakgrunn|til drøfting|til orientering|til beslutning|til anbefaling|videre saksprosess|"
    r"videre prosess|vurdering|vedtak fra tidligere behandlinger i rådsmodellen)\s*:?$",
    re.IGNORECASE,
)
_FROM = re.compile(r"^(fra|saksbehandlere?)\s*:\s*(.*)$", re.IGNORECASE)


def read_notice(text: str, source: str = "", body: str | None = None) -> ReadDocument:
    repairs: list[Repair] = []
    every = prepare(text, repairs)
    part = notice_part(every)  # the minutes of the last meeting, or cover notes, after the notice are not the notice
    if part.refusal:
        return ReadDocument(kind="notice", source=source, warnings=[part.refusal])
    lines = every[part.start : part.end]
    header = read_header(lines, repairs)
    rows, end = read_table(lines, header.end_index)
    members = read_members(lines[header.end_index : end if rows else len(lines)])
    sections = read_sections(lines, end, [r.case for r in rows if r.case], {r.case: r.title for r in rows if r.case})
    warnings = [*part.warnings, *header.warnings]
    last = lines[-1].number if lines else 0
    if sections and (found := cover_notes_after(sections[-1].lines, "innkalling", titled=True)) is not None:
        cut, warning = found  # the last item ran on into the cover notes after the notice
        warnings.append(warning)
        last = sections[-1].lines[cut].number - 1
        del sections[-1].lines[cut:]
    repairs = repairs_within(repairs, lines[0].number if lines else 0, last)
    items: list[ReadItem] = []
    covers: list[ReadCoverNote] = []
    for section in sections:
        item, cover = _item(section, repairs)
        items.append(item)
        if cover is not None:
            covers.append(cover)
    meeting = finish_meeting(header, body, merge_items(rows, items, warnings), warnings)
    if meeting is None:
        return ReadDocument(kind="notice", source=source, repairs=repairs, warnings=warnings)
    meeting = ReadMeeting(**{**meeting.model_dump(), "members": members})
    return ReadDocument(kind="notice", source=source, meetings=[meeting], cover_notes=covers, repairs=repairs, warnings=warnings)


def _item(section: Section, repairs: list[Repair]) -> tuple[ReadItem, ReadCoverNote | None]:
    description: list[Line] = []
    proposed: list[Line] = []
    attachments: list[tuple[str, list[str]]] = []
    cover: dict[str, list[Line]] = {}
    people: dict[str, str] = {}
    mode = "description"
    last_text = ""
    for line in section.lines:
        text = flat(line.text)
        if not text:
            if mode == "attachment":
                mode = "description"
            _add(description, proposed, cover, mode, line)
            continue
        if (m := _FROM.match(text)) and mode == "description" and not any(d.text for d in description):
            people[m[1].lower()[:4]] = m[2].strip()
            continue
        if m := LABEL_ATTACHMENT.match(text):
            attachments.append((re.sub(r"\s", "", m[1]).upper(), [m[2].strip()] if m[2].strip() else []))
            mode = "attachment"
            continue
        if (rest := match_label(line, "proposed", repairs)) is not None:
            mode = "proposed"
            if rest:
                proposed.append(Line(rest, line.number))
            continue
        if COVER_HEADINGS.match(text) and mode in ("proposed", "cover"):
            mode = "cover"
            cover[text.rstrip(" :")] = []
            continue
        if (
            mode == "attachment" and line.after_furniture and text[:1].islower() and last_text
            and not last_text.endswith(SENTENCE_END) and not last_text.startswith(("-", "•"))
        ):
            mode = "description"  # after a page break the description goes on beside the attachment column
        elif mode == "description" and text[:1].islower() and last_text.endswith(".") and attachments:
            attachments[-1][1].append(text)  # the attachment column goes on after a page break
            continue
        if mode == "attachment":
            attachments[-1][1].append(text)
            continue
        _add(description, proposed, cover, mode, line)
        if mode == "description":
            last_text = text
    item = ReadItem(
        case=section.case,
        title=section.title,
        type=section.type,
        description=render(paragraphs(description)),
        attachments=[ReadAttachment(label=label, title=" ".join(parts).strip()) for label, parts in attachments],
        proposed_decision=render(paragraphs(proposed)),
    )
    if not cover and not people:
        return item, None
    texts = {heading: render(paragraphs(body)) for heading, body in cover.items()}
    note = ReadCoverNote(
        case=section.case,
        type=section.type,
        title=section.title,
        from_=people.get("fra", ""),
        case_officer=people.get("saks", ""),
        proposed_decision=item.proposed_decision,
        purpose=texts.pop("Hensikt med saken", ""),
        background=texts.pop("Bakgrunn", ""),
        sections=[ReadSection(heading=h, text=t) for h, t in texts.items()],
    )
    return item, note


def _add(description: list[Line], proposed: list[Line], cover: dict[str, list[Line]], mode: str, line: Line) -> None:
    if mode == "proposed":
        proposed.append(line)
    elif mode == "cover" and cover:
        cover[list(cover)[-1]].append(line)
    elif mode == "description":
        description.append(line)


__all__ = ["read_notice", "Row"]
