"""Read the "Frist | Beskrivelse" table of a steering document into dated rows.

Tildelingsbrev and oppdragsdokument end with a table of the year's deadlines and
follow-up meetings (see DOMAIN.md, "The year plan"). The text usually comes from a
PDF or from OCR, so this reader expects damage: æ/ø/å lost, stray "|", page numbers,
blank lines doubled, a leading space. It reads through that, repairs words only
where the repair is certain (a small dictionary) and keeps every row's original
text. A row it cannot read is reported with a Norwegian reason, never guessed.

Pure: text in, rows out; no I/O.

Choices:
- description: the row's whole text, lines joined, repaired; title: its first
  sentence, cut at a word boundary to at most 80 characters (with "…").
- "Innen 1. februar" gives 1 February; "Innen" is dropped (a deadline is always
  "by" its date) and stays in the original text.
- A line without a date under a row is a continuation of it, unless it starts a new
  entry (a capitalised word after a line that ends a phrase): then it is a second
  row with the same date, as a table cell holding two lines.
- The table ends at the first line without a date after a gap wider than the gap
  between its rows; a page number or a repeated header does not end it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..domain.norwegian import FIRST_DAY, LAST_DAY, MONTHS, ParseError, in_range
from ..domain.text import clean_text
from .ocr_repair import clean_line, repair

TITLE_LENGTH = 80


class TableNotFound(ParseError):
    """The document has no "Frist | Beskrivelse" table."""


class YearNotFound(ParseError):
    """The document's title gives no year, and none was given."""


@dataclass(frozen=True)
class ParsedDeadline:
    date: dt.date
    title: str
    description: str
    source: str
    line_number: int  # first line of the row's text (1-based)
    original_text: str  # the row's lines as in the document
    repaired: bool  # the description differs from the original by more than spacing
    category: str = ""
    date_text: str = ""  # the date as written, e.g. "Innen 1. februar"
    date_line_number: int = 0  # the line holding the date (another row's, for a second line under a date)


@dataclass(frozen=True)
class Rejected:
    line_number: int
    text: str
    reason: str  # Norwegian, for the user


@dataclass(frozen=True)
class ParseResult:
    year: int
    source: str
    title: str  # the document's title line, if found
    rows: list[ParsedDeadline]
    rejected: list[Rejected]


# --- letters and OCR repair ---------------------------------------------------------

_MONTH_NUMBER: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_NUMBER.update({name[:3]: i + 1 for i, name in enumerate(MONTHS)})
_MONTH_NUMBER.update({"febr": 2, "sept": 9})
_FULL_MONTHS = "|".join(MONTHS)

# --- the date cell ----------------------------------------------------------------

# "Innen"/"Senest" only capitalised: lower case it is a sentence going on from above.
_LEAD = r"(?P<lead>(?-i:Innen|Senest)\s+)?"
_DATE_CELL = re.compile(
    rf"^{_LEAD}"
    r"(?:(?P<day>\d{1,2})\s*\.?\s*(?P<month>[a-zæøå]+)\.?"
    r"|(?P<nday>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<nyear>(?:19|20)\d\d)?)"  # "15.11." or "15.11.2023"
    r"(?:\s+(?P<year>(?:19|20)\d\d)(?=\s|$))?"
    r"(?=$|[\s,;:)–—-])",
    re.IGNORECASE,
)
# Looks like a date but is not one we can read: reported, not read as text.
_DATE_LIKE = re.compile(
    rf"^(?:(?-i:Innen|Senest)\s+)?(?:\d{{1,2}}\s*\.\s*[a-zæøå]|\S{{1,3}}\s*\.\s*(?:{_FULL_MONTHS})\b)"
    r"|^(?-i:Innen|Senest)\s+\S",
    re.IGNORECASE,
)
# A deadline cell that names no day.
_NO_DAY = re.compile(r"^(L[øoe]pende|Fortl[øoe]pende|Snarest|Ved behov|Årlig|Kvartalsvis|Månedlig|Tertialvis|Halvårlig|Uke \d{1,2})\b")


class _BadDate(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DateCell:
    date: dt.date
    text: str  # as written, e.g. "15.november" or "Innen 1. februar"
    rest: str  # what follows the date on the line


def read_date_cell(line: str, year: int) -> DateCell | None:
    """The date at the start of a cleaned table line, None when it starts with none.

    Raises ParseError (Norwegian reason) for a date it cannot read or that does not
    exist: such a row is reported, never guessed.
    """
    try:
        return _read_date_cell(line, year)
    except _BadDate as exc:
        raise ParseError(exc.reason) from None


def _read_date_cell(line: str, year: int) -> DateCell | None:
    if m := _DATE_CELL.match(line):
        if m["month"]:
            month = _MONTH_NUMBER.get(m["month"].lower())
            if month is None:
                if "." not in m[0][: m.start("month")]:
                    return None  # "2 ganger i året": a number in a sentence, not a date
                raise _BadDate(f"ukjent måned «{m['month']}»")
            day = int(m["day"])
        else:
            day, month = int(m["nday"]), int(m["nmonth"])
            if not 1 <= month <= 12:
                raise _BadDate(f"«{m[0].strip()}» er ikke en dato")
        written_year = m["year"] or m["nyear"]
        the_year = int(written_year) if written_year else year
        try:
            date = dt.date(the_year, month, day)
        except ValueError:
            raise _BadDate(f"datoen {day}. {MONTHS[month - 1]} {the_year} finnes ikke") from None
        if not in_range(date):
            raise _BadDate(f"datoen {day}. {MONTHS[month - 1]} {the_year} er utenfor {FIRST_DAY.year}–{LAST_DAY.year}")
        rest = line[m.end():].lstrip(" ,;:–—-")
        return DateCell(date, m[0].strip(), rest)
    if _DATE_LIKE.match(line):
        raise _BadDate(f"kan ikke lese datoen i «{_head(line)}»")
    if m := _NO_DAY.match(line):
        raise _BadDate(f"«{m[1]}» er ikke en dato")
    return None


def _head(line: str, words: int = 3) -> str:
    return " ".join(line.split()[:words])


# --- lines of the table -------------------------------------------------------------

_HEADER = re.compile(r"^fr[il1]st\s*:?\s*beskr\w*\s*:?$", re.IGNORECASE)
_HEADER_FRIST = re.compile(r"^fr[il1]st\s*:?$", re.IGNORECASE)
_HEADER_DESCRIPTION = re.compile(r"^beskr\w*\s*:?$", re.IGNORECASE)
_PAGE_DEBRIS = re.compile(r"^(?:(?:side|s\.)\s*)?\d{1,3}(?:\s*(?:av|/)\s*\d{1,3})?$|^[-–]\s*\d{1,3}\s*[-–]$", re.IGNORECASE)
_TITLE_YEAR = re.compile(r"\bfor\s+(?:år(?:et)?\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)

# A line ending in one of these goes on on the next line, whatever that starts with
# ("per" + "1. april" is not a new row; "og" + "70" is not a page number).
_CONNECTORS = frozenset("og eller samt til for av i på pa med om per pr fra etter innen før under over mot ved den jf".split())
# Ending in one of these, the phrase is not over: a capitalised line next is a name
# going on ("til" + "Direktoratet for e-helse"), not a second entry under the date.
_PHRASE_GOES_ON = _CONNECTORS | frozenset(
    "hos mellom gjennom uten som at å det de en et ei sin sitt sine hvor der når herunder inklusiv inkludert blant "
    "både ikke skal vil kan må bør er ble blir har hvilke hvilken denne dette disse ny nye nytt alle hver hvert neste".split()
)


def _ends_open(text: str, words: frozenset[str] = _CONNECTORS) -> bool:
    """The text stops mid-phrase: a hyphen, a comma, a preposition..."""
    text = text.rstrip()
    if not text:
        return False
    if text[-1] in "-,(:/&–—":
        return True
    last = re.search(r"(\w+)\W*$", text[-60:])
    return last is not None and text[-1].isalpha() and last[1].lower() in words


def _starts_entry(text: str) -> bool:
    """A capitalised word that is not an abbreviation ("SF", "RHF" go on a name)."""
    first = text.split()[0]
    letters = re.sub(r"\W", "", first)
    return first[:1].isupper() and not (len(letters) > 1 and letters.isupper())


def _is_header(clean: str) -> bool:
    return bool(_HEADER.match(clean))


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if not text:
            text = part
        elif re.search(r"\w-$", text) and part[:1].islower():
            text += part  # "omsorgs-" + "departementet": a word broken at its hyphen
        else:
            text += " " + part
    return text


# --- title, category, identity ------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "jf kap ev evt nr pkt prop st meld mill mrd bl ca kl inkl iht mv osv pr dvs eks f a m fig tab vedl ref".split()
)


def make_title(description: str, limit: int = TITLE_LENGTH) -> str:
    """The description's first sentence, cut at a word boundary to `limit` characters."""
    first = description
    for m in re.finditer(r"[.!?](?=\s+[A-ZÆØÅ])", description):
        word = re.search(r"(\w+)$", description[max(0, m.start() - 40) : m.start()])
        if word and (word[1].lower() in _ABBREVIATIONS or word[1].isdigit()):
            continue  # "jf. Prop. 1 S", "kap. 744", "1. Mars" is not a sentence end
        first = description[: m.start()]
        break
    first = first.strip().rstrip(".;:, ")
    if not any(c.isalnum() for c in first):
        first = description.strip()
    if len(first) <= limit:
        return first
    cut = first[: limit + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > limit // 2 else first[:limit]
    return cut.rstrip(" ,;:(–—") + "…"


_MEETING = re.compile(r"\b(\w{0,30}?)møte(?:t|r|ne|ene)?\b")
_STEERING_MEETINGS = ("etatsstyrings", "foretaks", "oppfølgings", "tertialoppfølgings", "styrings", "dialog", "tertial")


def guess_category(description: str) -> str:
    """rapportering, budsjett, styringsdialog or møte where a word makes it certain; else ""."""
    text = description.casefold()
    if m := _MEETING.search(text):
        return "styringsdialog" if m[1] in _STEERING_MEETINGS else "møte"
    found = [(text.find(word), category) for word, category in (("rapport", "rapportering"), ("budsjett", "budsjett"))]
    found = [(at, category) for at, category in found if at >= 0]
    return min(found)[1] if found else ""  # both: the word that comes first says what the row is


def row_key(original_text: str) -> str:
    """A row's text without its date, normalised: what it is, whatever the OCR did.

    Re-import identity uses it with the source and the date (services/deadline_import.py).
    """
    lines = [clean_line(line)[0] for line in original_text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    first = lines[0]
    if (m := _DATE_CELL.match(first)) and (m["nmonth"] or m["month"].lower() in _MONTH_NUMBER):
        first = first[m.end():]
    if not first.strip(" ,;:–—-") and len(lines) > 1:
        first = lines[1]  # the date stood alone on its line
    text = repair(first)[0].casefold()
    return " ".join(re.findall(r"\w+", text))


# --- the reader ---------------------------------------------------------------------


@dataclass
class _Row:
    date: dt.date | None
    date_text: str
    date_line: int
    first_line: int
    reason: str = ""  # set: a rejected row
    parts: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    pipes: bool = False

    def add(self, line_number: int, raw: str, text: str, pipes: bool) -> None:
        if not self.raw:
            self.first_line = line_number
        self.raw.append(raw.rstrip())
        if text:
            self.parts.append(text)
        self.pipes = self.pipes or pipes

    def open_ended(self) -> bool:
        return bool(self.parts) and _ends_open(self.parts[-1])


class _Reader:
    def __init__(self, lines: list[str], year: int, source: str):
        self.lines = lines
        self.year = year
        self.source = source
        self.rows: list[ParsedDeadline] = []
        self.rejected: list[Rejected] = []

    def cell(self, clean: str) -> DateCell | None:
        try:
            return _read_date_cell(clean, self.year)
        except _BadDate:
            return None

    def typical_gap(self, start: int) -> int:
        """Blank lines between rows (1 when every line is followed by an empty one)."""
        gaps: list[int] = []
        gap = 0
        for raw in self.lines[start : start + 200]:
            clean = clean_line(raw)[0]
            if not clean:
                gap += 1
                continue
            if self.cell(clean):
                gaps.append(gap)
                if len(gaps) == 3:
                    break
            gap = 0
        return min(gaps) if gaps else 1

    def read(self, start: int) -> int:
        """Read the rows from line index `start` to the table's end; the index after it."""
        end_gap = self.typical_gap(start) + 1
        gap, page_break = 0, False
        current: _Row | None = None
        i = start
        while i < len(self.lines):
            raw = self.lines[i]
            number = i + 1
            clean, pipes = clean_line(raw)
            i += 1
            if not clean:
                gap += 1
                continue
            joins = current is not None and current.open_ended()
            if not joins and (_is_header(clean) or _PAGE_DEBRIS.match(clean)):
                page_break = True  # a page break inside the table, not its end
                continue
            wide_gap = gap >= end_gap and not page_break
            gap, page_break = 0, False
            try:
                cell = None if joins else _read_date_cell(clean, self.year)
            except _BadDate as exc:
                if wide_gap:
                    i -= 1
                    break
                self.close(current)
                current = _Row(None, _head(clean), number, number, reason=exc.reason)
                current.add(number, raw, clean, pipes)
                continue
            if cell is not None:
                self.close(current)
                current = _Row(cell.date, cell.text, number, number)
                current.add(number, raw, cell.rest, pipes)
                continue
            if wide_gap:
                i -= 1
                break
            if current is None:
                current = _Row(None, "", number, number, reason="raden har ingen dato")
            elif current.reason == "" and current.parts and not _ends_open(current.parts[-1], _PHRASE_GOES_ON) and _starts_entry(clean):
                # A second line under the same date: its own deadline.
                self.close(current)
                current = _Row(current.date, current.date_text, current.date_line, number)
            current.add(number, raw, clean, pipes)
        self.close(current)
        return i

    def close(self, row: _Row | None) -> None:
        if row is None:
            return
        text = _join(row.parts)
        original = "\n".join(row.raw)
        reason = row.reason or ("" if any(c.isalnum() for c in text) else "raden mangler beskrivelse")
        if reason:
            self.rejected.append(Rejected(row.first_line, " ".join(clean_line(r)[0] for r in row.raw), reason))
            return
        assert row.date is not None
        description, repaired = repair(text)
        self.rows.append(
            ParsedDeadline(
                date=row.date,
                title=make_title(description),
                description=description,
                source=self.source,
                line_number=row.first_line,
                original_text=original,
                repaired=repaired or row.pipes,
                category=guess_category(description),
                date_text=row.date_text,
                date_line_number=row.date_line,
            )
        )


def _title_and_year(lines: list[str]) -> tuple[str, int | None]:
    """The title line ("Tildelingsbrev til ... for 2023") among the first lines, and its year."""
    first: list[str] = []
    for raw in lines:
        clean = clean_line(raw)[0]
        if clean:
            first.append(repair(clean)[0])
            if len(first) == 5:
                break
    for line in first:
        if m := _TITLE_YEAR.search(line):
            return line, int(m[1])
    return (first[0] if first else ""), None


def _header_end(lines: list[str], i: int) -> int | None:
    """Index after the header when line i starts one ("Frist | Beskrivelse", or split in two lines)."""
    clean = clean_line(lines[i])[0]
    if _is_header(clean):
        return i + 1
    if _HEADER_FRIST.match(clean):
        for j in range(i + 1, min(i + 4, len(lines))):
            following = clean_line(lines[j])[0]
            if following:
                return j + 1 if _HEADER_DESCRIPTION.match(following) else None
    return None


def parse_deadline_table(text: str, *, year: int | None = None, source: str | None = None) -> ParseResult:
    """The deadlines of every "Frist | Beskrivelse" table in a document.

    The year is the title's ("... for 2023") unless given. Raises TableNotFound,
    YearNotFound or ParseError (bad year), each with a Norwegian message.
    """
    # The archive's input rule first: controls pasted from a PDF are never stored, and
    # a re-import with --source finds the rows it stored before.
    text, source = clean_text(text), clean_text(source) if source is not None else None
    lines = text.split("\n")
    title, title_year = _title_and_year(lines)
    if year is None:
        if title_year is None:
            raise YearNotFound("Fant ikke årstallet i dokumentets tittel («... for 2023»); oppgi det med --year")
        year = title_year
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise ParseError(f"{year} er ikke et gyldig årstall ({FIRST_DAY.year}–{LAST_DAY.year})")
    reader = _Reader(lines, year, (source or title).strip())
    found = False
    i = 0
    while i < len(lines):
        start = _header_end(lines, i)
        if start is None:
            i += 1
            continue
        found = True
        i = reader.read(start)
    if not found:
        raise TableNotFound("Fant ingen tabell «Frist | Beskrivelse» i dokumentet")
    return ParseResult(year, reader.source, title, reader.rows, reader.rejected)
