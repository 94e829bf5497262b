"""Which part of a file is the document a reader reads, when the file holds more than one.

The secretariat sends the notice of the next meeting together with the minutes of the
last one, and often the cover notes after them, as one file: the seed holds the notice
of NUIT 2/2023, then, from its own header («Referat fra møte i NUIT», «Møte 1/2023»), the
minutes of 1/2023, then 2/2023's cover notes. A meeting document begins at its header
(its title, and the meeting's number within a few lines under it); a cover note begins
with its title, and is known by its box («Saksnummer», «Saksbehandler») or its heading
«Hensikt med saken». What lies outside the part read is never read into it (the last
item would take it all): it is named in a warning, by its lines. The minutes and the notice
are each read from their own header (`minutes_part`, `notice_part`), each cover note from
its title (`cover_note_parts`). Pure: lines in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .meeting_record import Repair
from .page_text import Line
from .read_common import BULLET, CASE_AT_START, MEETING_NUMBER, MEETING_TITLE, SENTENCE_END, flat

_LOOK_AHEAD = 4  # the lines under a title its meeting number may stand on
_HEADER_BLOCK = 40  # the lines of a header block where «Til stede» says it is the minutes'
_ATTENDANCE = re.compile(r"^(til\s+stede|tilstede|ikke\s+til\s+stede)\b", re.IGNORECASE)  # not «Forfall meldes til …»
_COVER_MARK = re.compile(r"^(hensikt\s+med\s+saken\s*:?|(saksnummer|saksbehandlere?)\s*(:.*|\t.*)?)$", re.IGNORECASE)
_MARK_KIND = re.compile(r"(hensikt|saksnummer|saksbehandler)", re.IGNORECASE)  # «Saksbehandlere» is «Saksbehandler»
_BOX_LINE = re.compile(r"^(til|dato|type|fra|saksnummer|saksbehandlere?)\s*(:.*|\t.*)?$", re.IGNORECASE)
_PROPOSAL_HEADING = re.compile(r"^forslag\s+til\s+vedtak\s*:?$", re.IGNORECASE)
_PROPOSAL_REACH = 15  # how far above its box or «Hensikt med saken» a cover note's proposal stands


@dataclass(frozen=True)
class MeetingHeader:
    index: int  # the title's line, in the lines given
    title: str  # «Møte i NUIT», «Referat fra møte i NUIT»
    number: str  # «2/2023»
    minutes: bool  # «Referat …» in the title, or «Til stede» in the header block

    def describe(self) -> str:
        return f"{'referatet fra' if self.minutes else 'innkallingen til'} møte {self.number}"


@dataclass
class Part:
    """The lines `start:end` are the document; `refusal` when no part of the file is."""

    start: int = 0
    end: int = 0
    warnings: list[str] = field(default_factory=list)
    refusal: str = ""


def meeting_headers(lines: list[Line]) -> list[MeetingHeader]:
    """Each meeting document's header in the lines, in order."""
    found: list[MeetingHeader] = []
    for index, line in enumerate(lines):
        title = flat(line.text)
        if not MEETING_TITLE.match(title):
            continue
        below = [flat(x.text) for x in lines[index + 1 : index + 1 + 2 * _LOOK_AHEAD] if x.text][:_LOOK_AHEAD]
        number = next((m for text in below if (m := MEETING_NUMBER.match(text))), None)
        if number is not None:
            found.append(MeetingHeader(index, title, f"{int(number[1])}/{number[2]}", title.lower().startswith("referat")))
    out: list[MeetingHeader] = []
    for i, header in enumerate(found):
        stop = min(found[i + 1].index if i + 1 < len(found) else len(lines), header.index + _HEADER_BLOCK)
        block: list[str] = []
        for line in lines[header.index + 1 : stop]:
            if CASE_AT_START.match(flat(line.text)):
                break  # the agenda: the header block is over
            block.append(flat(line.text))
        minutes = header.minutes or any(_ATTENDANCE.match(text) for text in block)
        out.append(MeetingHeader(header.index, header.title, header.number, minutes))
    return out


def minutes_part(lines: list[Line]) -> Part:
    """The minutes' lines: from the minutes' own header when the file begins with a notice,
    to the next meeting document's header. A file with one header (or none) is read whole,
    as ever; one of several meetings' documents none of which is minutes is refused."""
    return _part(lines, minutes=True)


def notice_part(lines: list[Line]) -> Part:
    """The notice's lines: from the notice's own header (the file's start when it begins
    with it) to the next meeting document's header, as `minutes_part` for the minutes. A
    file with one header (or none) is read whole, as ever; one of several meetings'
    documents none of which is a notice is refused."""
    return _part(lines, minutes=False)


def _part(lines: list[Line], minutes: bool) -> Part:
    headers = meeting_headers(lines)
    if not headers:
        return Part(0, len(lines))
    own = next((h for h in headers if h.minutes == minutes), None)
    kind = "referat" if minutes else "innkalling"
    if own is None:
        if len(headers) == 1:
            return Part(0, len(lines))
        first = headers[0]
        wanted = "noe referat i den («Referat fra møte i …»)" if minutes else "noen innkalling i den («Møte i …»)"
        return Part(refusal=(
            f"filen begynner som {'en innkalling' if minutes else 'et referat'} "
            f"(linje {lines[first.index].number}: «{first.title}», møte {first.number}), og fant ikke {wanted}"
        ))
    start = 0 if own is headers[0] else own.index
    after = next((h for h in headers if h.index > own.index), None)
    end = after.index if after is not None else len(lines)
    part = Part(start, end)
    if start:
        part.warnings.append(left_out(lines[:start], headers[0].describe(), kind))
    if after is not None:
        part.warnings.append(left_out(lines[end:], after.describe(), kind))
    return part


def left_out(lines: list[Line], what: str, kind: str) -> str:
    """«linje 1–388 er ikke lest som referat: der står innkallingen til møte 2/2023»."""
    numbers = [line.number for line in lines] or [0]
    return f"linje {numbers[0]}–{numbers[-1]} er ikke lest som {kind}: der står {what}"


def cover_note_start(lines: list[Line]) -> int | None:
    """Where in an item's lines a cover note begins (the last item's lines run on to the end
    of the file): at its title, above its box and the «Forslag til vedtak» that the seed's
    text puts before «Hensikt med saken». None when no cover note is there."""
    mark = next((i for i, line in enumerate(lines) if _COVER_MARK.match(line.text.strip())), None)
    return None if mark is None else _begin(lines, mark, 0)


def _begin(lines: list[Line], mark: int, floor: int) -> int:
    """Where the cover note whose first mark is `mark` begins, not above `floor`."""
    begin = mark
    proposals = [i for i in range(max(floor, mark - _PROPOSAL_REACH), mark) if _PROPOSAL_HEADING.match(flat(lines[i].text))]
    if proposals:
        begin = proposals[-1]
    while (above := _above(lines, begin, floor)) is not None and _BOX_LINE.match(lines[above].text.strip()):
        begin = above
    above = _above(lines, begin, floor)
    if above is not None and _is_title(flat(lines[above].text)):
        begin = above
    elif above is not None and above > floor and _title_goes_on(flat(lines[above].text)) and _is_title(flat(lines[above - 1].text)):
        begin = above - 1  # a title over two lines («… fra innspill til den kommende» / «helseberedskapsmeldingen»)
    return begin


def _title_goes_on(text: str) -> bool:
    """A title's second line: a few words in small letters, no sentence ended."""
    return bool(text) and text[:1].islower() and not text.endswith(SENTENCE_END) and len(text.split()) <= 6


def cover_note_parts(lines: list[Line]) -> tuple[list[Part], list[str]]:
    """Each cover note's lines in a file of one or more (the seed's cover notes of 2/2023
    follow each other, each from its title), and the warnings naming what was left out.

    A cover note has each of its marks once («Hensikt med saken», «Saksnummer»,
    «Saksbehandler», in whatever order its layout prints them): a mark it already has is the
    next cover note's, which begins above it as `cover_note_start` finds. In a file that
    also holds a notice or minutes, only what follows the last meeting document's header is
    read, from the first cover note under a title of its own (a notice may print its items'
    own «Fra:» and «Hensikt med saken»); the lines before are named in a warning. Without a
    meeting document a file with no marks is read whole as one cover note, as ever, and the
    lines above the first cover note (a letterhead) are the first cover note's."""
    headers = meeting_headers(lines)
    floor = headers[-1].index + 1 if headers else 0
    starts: list[int] = []
    seen: set[str] = set()
    for index in range(floor, len(lines)):
        if not _COVER_MARK.match(lines[index].text.strip()):
            continue
        kind = m[1].casefold() if (m := _MARK_KIND.match(lines[index].text.strip())) else ""
        if not starts or kind in seen:
            begin = _begin(lines, index, floor)
            if not starts and headers and not _under_title(lines, begin):
                continue  # still the meeting document's own
            starts.append(begin)
            seen = set()
        seen.add(kind)
        floor = index + 1
    if not headers:
        return [Part(0 if i == 0 else s, e) for i, (s, e) in enumerate(zip(starts or [0], [*starts[1:], len(lines)], strict=True))], []
    documents = " og ".join(h.describe() for h in headers)
    if not starts:
        return [], [f"fant ikke noe toppnotat etter {documents} (et toppnotat har «Saksnummer» eller «Hensikt med saken»)"]
    parts = [Part(s, e) for s, e in zip(starts, [*starts[1:], len(lines)], strict=True)]
    return parts, [left_out(lines[: starts[0]], documents, "toppnotat")]


def cover_notes_after(lines: list[Line], kind: str, titled: bool = False) -> tuple[int, str] | None:
    """Where the cover notes after a document begin in its last item's lines, and the
    warning that names what is left out («linje 881–3249 er ikke lest som referat: der står
    et toppnotat («…») og det som følger»). With `titled`, only a cover note under a title of
    its own counts: a notice may print its item's own cover note («Fra:», «Hensikt med
    saken») under the item, and that is the item's."""
    cut = cover_note_start(lines)
    if cut is None or (titled and not _under_title(lines, cut)):
        return None
    tail = lines[cut:]
    return cut, left_out(tail, f"et toppnotat («{flat(tail[0].text)}») og det som følger", kind)


def _under_title(lines: list[Line], begin: int) -> bool:
    """`cover_note_start` went up to a title: not a box line («Fra:», «Saksbehandler:»),
    «Forslag til vedtak» or «Hensikt med saken»."""
    text = lines[begin].text.strip()
    return _is_title(flat(text)) and not (_BOX_LINE.match(text) or _COVER_MARK.match(text) or _PROPOSAL_HEADING.match(flat(text)))


def _above(lines: list[Line], index: int, floor: int = 0) -> int | None:
    """The nearest line with text above `index`, not above `floor`."""
    return next((i for i in range(index - 1, floor - 1, -1) if lines[i].text), None)


def _is_title(text: str) -> bool:
    return bool(text) and text[:1].isupper() and not text.endswith(SENTENCE_END) and len(text.split()) <= 14 and not BULLET.match(text)


def repairs_within(repairs: list[Repair], first: int, last: int) -> list[Repair]:
    """The repairs made on the lines `first` to `last` (a repair names its line: «linje 12»)."""
    return [r for r in repairs if not (m := re.fullmatch(r"linje (\d+)", r.where)) or first <= int(m[1]) <= last]
