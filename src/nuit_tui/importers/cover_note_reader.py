"""Read a past cover note (toppnotat): the box (Til, Dato, Saksnummer, Type, Fra,
Saksbehandler), its sections, and the table «Vedtak fra tidligere behandlinger i
rådsmodellen» («N/A» or «Ingen …» give no rows). A file may hold several cover notes (the
seed's 2/2023 has eleven, after the notice and the minutes): each is read from its own
lines (`read_parts.cover_note_parts`). Pure: text in, `ReadDocument` out.

The box comes as «Til: Møte 2/23» lines, as table rows (label, tab, value), or — as the
seed's PDF text has it — a column of labels followed by a column of values.
"""

from __future__ import annotations

import re

from ..domain.norwegian import ParseError, parse_date
from .meeting_record import ReadCoverNote, ReadDocument, ReadEarlierDecision, ReadSection, Repair
from .page_text import Line, prepare
from .read_common import SENTENCE_END, flat, item_type, paragraphs, render
from .read_parts import cover_note_parts, repairs_within

_BOX = {"til": "to", "dato": "date", "saksnummer": "case", "type": "type", "fra": "from", "saksbehandler": "case_officer",
        "saksbehandlere": "case_officer"}
_BOX_INLINE = re.compile(r"^(til|dato|saksnummer|type|fra|saksbehandlere?)\s*(?::\s*|\t)(.+)$", re.IGNORECASE)
_KNOWN = {
    "forslag til vedtak": "proposed",
    "hensikt med saken": "purpose",
    "bakgrunn": "background",
    "vedtak fra tidligere behandlinger i rådsmodellen": "earlier",
}
_OTHER_HEADING = re.compile(r"^(til (drøfting|orientering|beslutning|anbefaling)|videre (saksprosess|prosess|arbeid)|vurdering|"
                            r"anbefaling|konklusjon|oppsummering|økonomiske konsekvenser)$", re.IGNORECASE)
_BODY = r"(?:NUIT|NUFA|NEHS|NEHR|Nasjonalt e-helseråd|Nasjonalt e-helsestyre|Fagutvalget|Prioriteringsutvalget)"
_ROW_START = re.compile(rf"^(?:({_BODY})\s+)?(\d{{1,3}}/\d{{2}})\b\s*(?:[-–]\s*({_BODY})\b)?\s*(.*)$")
_ROW_DATE = re.compile(r"^\((\d{1,2}\.\d{1,2}\.\d{2,4})\)\s*(.*)$")
_DECISION_START = re.compile(rf"^({_BODY}|[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ][a-zæøå]+, )")
_ONE_WORD = re.compile(r"^[A-ZÆØÅ][a-zæøå]+:?$")
_NONE = re.compile(r"^(n/?a|ingen\b.*|ikke relevant|-)$", re.IGNORECASE)


def read_cover_note(text: str, source: str = "", body: str | None = None) -> ReadDocument:
    """Every cover note in the text, each from its own lines (`read_parts.cover_note_parts`:
    a file may hold several, after a notice and minutes)."""
    repairs: list[Repair] = []
    lines = prepare(text, repairs)
    parts, warnings = cover_note_parts(lines)
    notes = [_read_note(lines[part.start : part.end], warnings) for part in parts]
    if parts and parts[0].start:  # the notice's and the minutes' repairs are not the cover notes'
        repairs = repairs_within(repairs, lines[parts[0].start].number, lines[-1].number)
    return ReadDocument(kind="cover_note", source=source, cover_notes=notes, repairs=repairs, warnings=warnings)


def _read_note(lines: list[Line], warnings: list[str]) -> ReadCoverNote:
    box, rest = _box(lines)
    title, title_open = "", False
    parts: dict[str, list[Line]] = {}
    current = "intro"
    for line in rest:
        text_ = flat(line.text).rstrip(" :")
        key = _KNOWN.get(text_.lower())
        if key or _OTHER_HEADING.match(text_):
            current = key or text_
            parts.setdefault(current, [])
            continue
        if current == "intro" and text_ and (not title or (title_open and text_[:1].islower())):
            title = f"{title} {text_}".strip()  # a title may run over two lines
            title_open = True
            continue
        title_open = False
        parts.setdefault(current, []).append(line)
    texts = {k: render(paragraphs(v)) for k, v in parts.items() if k not in ("earlier",)}
    date = None
    if box.get("date"):
        try:
            date = parse_date(box["date"])
        except ParseError:
            warnings.append(f"«{box['date']}» er ikke en dato")
    return ReadCoverNote(
        to=box.get("to", ""),
        date=date,
        case=re.sub(r"\s", "", box.get("case", "")),  # as note_case
        type=item_type(box.get("type", "")) if box.get("type") else None,
        from_=box.get("from", ""),
        case_officer=box.get("case_officer", ""),
        title=title,
        proposed_decision=texts.pop("proposed", ""),
        purpose=texts.pop("purpose", ""),
        background=texts.pop("background", ""),
        sections=[ReadSection(heading=h, text=t) for h, t in texts.items() if h != "intro" and t],
        earlier_decisions=_earlier(parts.get("earlier", []), warnings),
    )


def note_case(lines: list[Line]) -> str:
    """The case number in a cover note's box («15/23»), as `read_cover_note` reads it."""
    return re.sub(r"\s", "", _box(lines)[0].get("case", ""))


def _box(lines: list[Line]) -> tuple[dict[str, str], list[Line]]:
    box: dict[str, str] = {}
    rest: list[Line] = []
    index = 0
    while index < len(lines):
        text = flat(lines[index].text)
        cells = lines[index].text.split("\t")
        if (m := _BOX_INLINE.match(lines[index].text.strip())) and _BOX[m[1].lower()] not in box:
            box[_BOX[m[1].lower()]] = flat(m[2])
            index += 1
            continue
        if text.rstrip(":").lower() in _BOX and len(cells) == 1:
            labels: list[str] = []
            j = index
            while j < len(lines):
                label = flat(lines[j].text).rstrip(":").lower()
                if label in _BOX:
                    labels.append(_BOX[label])
                elif lines[j].text and _unknown_label(lines, j, labels):
                    labels.append("other")
                elif lines[j].text:
                    break
                j += 1
            values: list[str] = []
            while j < len(lines) and len(values) < len(labels):
                if lines[j].text:
                    values.append(flat(lines[j].text))
                j += 1
            if len(labels) >= 2 and len(values) == len(labels):
                for label, value in zip(labels, values, strict=True):
                    if label == "other" and item_type(value):
                        label = "type"  # the seed's 22/23 labels its type «Innretning»
                    box.setdefault(label, value)
                index = j
                continue
        rest.append(lines[index])
        index += 1
    return box, rest


def _unknown_label(lines: list[Line], index: int, labels: list[str]) -> bool:
    """A label of the box's column that is none of the known ones («Innretning» where the
    seed's 22/23 has «Type»): one word right under at least two known labels, and not a
    value (an item type)."""
    text = flat(lines[index].text)
    return len(labels) >= 2 and "other" not in labels and bool(lines[index - 1].text) and bool(_ONE_WORD.match(text)) and not item_type(text)


def _earlier(lines: list[Line], warnings: list[str]) -> list[ReadEarlierDecision]:
    texts = [line.text for line in lines if line.text.strip()]
    if not texts or _NONE.match(flat(texts[0])):
        return []
    rows: list[list[str]] = []
    for text in texts:
        flat_text = flat(text)
        if re.match(r"^sak\b.*\btema\b", flat_text, re.IGNORECASE):
            continue
        if _ROW_START.match(flat_text):
            rows.append([text])
        elif rows:
            rows[-1].append(text)
    out = []
    for row in rows:
        if "\t" in row[0]:
            cells = [c.strip() for c in row[0].split("\t")] + [""] * 3
            head, theme, decision = cells[0], cells[1], " ".join(filter(None, cells[2:] + [flat(r) for r in row[1:]]))
        else:
            head, theme, decision = flat(row[0]), "", ""
        m = _ROW_START.match(head)
        assert m is not None
        case = f"{m[1] or m[3] or ''} {m[2]}".strip()
        remainder = m[4]
        lines_after = [flat(r) for r in row[1:]] if "\t" not in row[0] else []
        date = None
        if remainder and (d := _ROW_DATE.match(remainder)):
            date, remainder = d[1], d[2]
        elif lines_after and (d := _ROW_DATE.match(lines_after[0])):
            date, remainder = d[1], (remainder + " " + d[2]).strip()
            lines_after = lines_after[1:]
        if "\t" not in row[0]:
            theme_parts = [remainder] if remainder else []
            decision_parts: list[str] = []
            for text in lines_after:
                previous = (theme_parts or [""])[-1]
                if not decision_parts and theme_parts and _DECISION_START.match(text) and not previous.endswith((":", "-", "–", " og")):
                    decision_parts.append(text)
                elif decision_parts:
                    decision_parts.append(text)
                else:
                    theme_parts.append(text)
            theme, decision = " ".join(theme_parts), " ".join(decision_parts)
        day = None
        if date:
            try:
                day = parse_date(date)
            except ParseError:
                warnings.append(f"«{date}» er ikke en dato")
        out.append(ReadEarlierDecision(case=case, theme=theme.strip(), decision=decision.strip().rstrip(), date=day))
    return out


__all__ = ["read_cover_note", "note_case", "SENTENCE_END"]
