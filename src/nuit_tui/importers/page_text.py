"""A meeting document's text as lines a reader can walk: the page furniture out, lines
broken by the page put back together, and certain OCR damage repaired (each repair
listed). Pure: text in, lines out.

What a page adds that is not the document:
- «Side 3 av 4», «Referat NUIT møte 1/2023 – side 2», a bare page number, a link printed
  in the footer (the seed prints the body's web page there), and any other short line
  repeated on three pages or more that is not a part of the document's structure.
- Lines broken inside a word: «Direktoratet for e-» + «helse» is «e-helse» (a hyphen after
  one or two letters, or before a capital, is the word's own: «Midt-» + «Norge»);
  «helse-» + «og» keeps its space («helse- og omsorg»); «forvalt-» + «ningen» is one word.
  Text extracted from a PDF (as the seed) ends a line inside a word without a trailing
  space («helseberedskapsmeldin» + «gen»), at a word's end with one.
- A time broken over two lines: «kl. 13.» + «30».

Paragraph breaks: text extracted from a PDF marks a real one with a line holding only
spaces, and leaves empty lines where the layout had a gap inside a paragraph (after the
first line of a cell, around a page break): that kind of text is recognised by having
space-only lines, and its empty lines are dropped. Elsewhere an empty line is a break.
A break is an empty string in the lines returned.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .meeting_record import Repair
from .ocr_repair import clean_line, repair_meeting_text

_FURNITURE = [
    re.compile(r"^\s*(side|page)\s+\d+\s*(av|of|/)\s*\d+\s*$", re.IGNORECASE),
    re.compile(r"^.{0,60}[–-]\s*side\s+\d+(\s*(av|/)\s*\d+)?\s*$|^.{0,80}\bside\s+\d+\s+av\s+\d+\s*$", re.IGNORECASE),
    re.compile(r"^\s*(https?://|www\.)\S+\s*$", re.IGNORECASE),
    re.compile(r"^\s*-?\s*\d{1,3}\s*-?\s*$"),
    re.compile(r"^\s*\f\s*$"),
]
# A repeated line that is a part of the structure is kept however often it comes.
_STRUCTURE = re.compile(
    r"^(vedtak|forslag til vedtak|følgende innspill|vedlegg|pause|lunsj|slutt|sak\b|til\b|dato|type|fra\b|"
    r"saksnummer|saksbehandler|godkjenning|orientering|drøfting|anbefaling|beslutning|eventuelt|bakgrunn|hensikt|"
    r"[-•–*]|\d)",
    re.IGNORECASE,
)
_JOINING_WORDS = {"og", "eller", "samt", "til", "som", "at", "i"}


@dataclass(frozen=True)
class Line:
    text: str  # stripped; "" is a paragraph break
    number: int  # the first source line it comes from (1-based)
    after_furniture: bool = False  # page furniture (a page break) was taken out just before it


def source_lines(text: str) -> list[str]:
    """The text's lines as `Line.number` counts them (1-based): CR, CRLF and a page break end one."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")


def prepare(text: str, repairs: list[Repair] | None = None) -> list[Line]:
    """The document's lines, ready to read (see the module's docstring); repairs made are
    appended to `repairs`."""
    raw = source_lines(text)
    pdf_like = any(line and not line.strip() for line in raw)
    repeated = _repeated_furniture(raw)
    lines: list[tuple[str, int]] = []  # (text with its trailing space kept, number)
    broken: set[int] = set()  # lines right after page furniture
    pending = False
    for number, line in enumerate(raw, start=1):
        if not line.strip():
            if line or not pdf_like:
                lines.append(("", number))
            continue
        broken_time = _FURNITURE[3].match(line) and lines and _TIME_END.search(lines[-1][0].rstrip())
        if (any(p.match(line) for p in _FURNITURE) or line.strip() in repeated) and not broken_time:
            pending = True
            continue
        if pending:
            broken.add(number)
            pending = False
        lines.append((line, number))
    joined = _glue(lines, pdf_like)
    out: list[Line] = []
    for line, number in joined:
        if not line.strip():
            if out and out[-1].text:
                out.append(Line("", number))
            continue
        cleaned = _repair_line(line, number, repairs)
        if cleaned:
            out.append(Line(cleaned, number, number in broken))
    while out and not out[0].text:
        out.pop(0)
    while out and not out[-1].text:
        out.pop()
    return out


def _repeated_furniture(raw: list[str]) -> set[str]:
    """Short lines repeated on three pages or more, each time within three lines of a page
    number («Side 2 av 4»): a running header or footer."""
    near_page: Counter[str] = Counter()
    marks = [i for i, line in enumerate(raw) if _FURNITURE[0].match(line) or _FURNITURE[1].match(line)]
    for i in marks:
        for line in {raw[j].strip() for j in range(max(0, i - 3), min(len(raw), i + 4))}:
            near_page[line] += 1
    return {
        line for line, n in near_page.items()
        if n >= 3 and line and len(line) <= 120 and not _STRUCTURE.match(line) and "\t" not in line
    }


def _glue(lines: list[tuple[str, int]], pdf_like: bool) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for line, number in lines:
        if out and line.strip() and out[-1][0].strip():
            merged = _merge(out[-1][0], line, pdf_like)
            if merged is not None:
                out[-1] = (merged, out[-1][1])
                continue
        out.append((line, number))
    return out


_HYPHEN_END = re.compile(r"(\S*?)(\w)-$")
_WORD_END = re.compile(r"[a-zæøåäöü]$")
_TIME_END = re.compile(r"\b\d{1,2}[.:]$")
_TIME_START = re.compile(r"^\d{2}\b")


def _merge(previous: str, line: str, pdf_like: bool) -> str | None:
    """The two lines as one when the first was broken inside a word or a time, else None."""
    head = previous.rstrip()
    tail = line.strip()
    rest = line.lstrip()  # its trailing space says how it ends (see the module's docstring)
    if "\t" in previous or "\t" in line:
        return None
    if _TIME_END.search(head) and _TIME_START.match(tail):
        return head + rest
    m = _HYPHEN_END.search(head)
    if m and tail[:1].isalpha() and not previous.endswith(" "):
        word = m[1] + m[2]
        first = tail.split(" ", 1)[0]
        if first.lower() in _JOINING_WORDS:
            return f"{head} {rest}"
        if first[:1].isupper() or len(word) <= 2 or word.isupper() or any(c.isdigit() for c in word):
            return head + rest
        return head[:-1] + rest
    if pdf_like and _WORD_END.search(previous) and tail[:1].islower():
        return head + rest
    return None


def _repair_line(line: str, number: int, repairs: list[Repair] | None) -> str:
    cells = []
    for cell in line.split("\t"):
        cleaned, pipes = clean_line(cell)
        fixed, _changed = repair_meeting_text(cleaned)
        if repairs is not None:
            if pipes:
                repairs.append(Repair(original=cell.strip(), repaired=cleaned, where=f"linje {number}", reason="OCR: løs «|» fjernet"))
            if fixed != cleaned:
                repairs.append(Repair(original=cleaned, repaired=fixed, where=f"linje {number}", reason="OCR: kjent skade på ord"))
        cells.append(fixed)
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    text = "\t".join(cells)
    return text if text.strip() else ""
