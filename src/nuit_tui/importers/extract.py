"""The text of a past notice, minutes or cover note, from its file: the one place the
meeting-document readers touch files (the readers themselves take text).

- `.docx` (python-docx): paragraphs and tables in body order; a paragraph is a line
  followed by a blank line (a paragraph break), a table row is one line with its cells
  separated by tabs (a cell holding several lines gives one line per line, the first
  cells empty). List paragraphs get «- » in front, as a reader of the page sees a bullet.
- `.pdf` (pypdf): the text layer, page by page, with an empty line where a gap wider
  than the line spacing ends a paragraph (the text layer has no paragraph marks), and a
  running header that heads every page taken out. A PDF without a text layer (a scan)
  is refused: nuit-tui does no OCR.
- `.txt` and `.md`: UTF-8, or Windows-1252 as older Norwegian text files are; Markdown's
  marks (headings, bold, tables, escapes) are taken off so the text reads as the page.

Every file is read within the bounds of `bounded` (and a .docx is checked for how much
it unpacks to before it is opened).
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections import Counter
from itertools import pairwise
from pathlib import Path

from .bounded import DOCUMENT_MAX_BYTES, InputRefused, read_bounded, size_text

SUFFIXES = (".docx", ".pdf", ".txt", ".md")
# A .docx is a zip: what it unpacks to is bounded too (a small file may unpack to GiBs).
DOCX_MAX_UNPACKED = 256 * 1024 * 1024


def read_text(source: Path | str) -> str:
    """The document's text, by its suffix (.docx, .pdf, .txt, .md)."""
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputRefused(f"{path.name}: kan bare lese .docx, .pdf, .txt og .md (ikke «{path.suffix or 'uten endelse'}»)")
    data = bytes(read_bounded(path, DOCUMENT_MAX_BYTES))
    return text_of(data, path.name)


def text_of(data: bytes, name: str) -> str:
    """The text of a document's bytes; `name` (the file name) says its format."""
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        return docx_text(data, name)
    if suffix == ".pdf":
        return pdf_text(data, name)
    if suffix in (".txt", ".md", ""):
        text = plain_text(data, name)
        return markdown_text(text) if suffix == ".md" else text
    raise InputRefused(f"{name}: kan bare lese .docx, .pdf, .txt og .md")


def plain_text(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise InputRefused(f"{name} er ikke en tekstfil (lagre dokumentet som tekst, Word eller PDF først)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# --- Word ---------------------------------------------------------------------------------


def docx_text(data: bytes, name: str) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise InputRefused(f"{name} er ikke et Word-dokument (.docx)") from None
    if unpacked > DOCX_MAX_UNPACKED:
        raise InputRefused(f"{name} pakker seg ut til mer enn {size_text(DOCX_MAX_UNPACKED)}; ingenting ble importert")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a damaged file
        raise InputRefused(f"{name} kan ikke leses som Word-dokument: {exc}") from None
    # Style names by id, once: python-docx's paragraph.style looks the default style up
    # again for every paragraph (seconds for a long document).
    style_names = {style.style_id: style.name or "" for style in document.styles}
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            text = paragraph.text.replace("\t", " ").replace("\n", " ")
            style = style_names.get(element.style or "", "")
            if text.strip() and style.startswith("List") and "Number" not in style:
                text = "- " + text
            lines += [text, ""]
        elif tag == "tbl":
            lines += _table_lines(Table(element, document))
            lines.append("")
    return "\n".join(lines)


def _table_lines(table) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:  # a merged cell is listed once per column it spans
                continue
            previous = cell._tc
            cells.append(cell.text.replace("\t", " "))
        parts = [cell.split("\n") for cell in cells]
        depth = max((len(p) for p in parts), default=0)
        for i in range(depth):
            line = "\t".join(p[i] if i < len(p) else "" for p in parts)
            if line.strip():
                lines.append(line.rstrip("\t "))
    return lines


# --- PDF ----------------------------------------------------------------------------------


def pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [_page_lines(page) for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputRefused(f"{name} kan ikke leses som PDF: {exc}") from None
    if not any(line.strip() for page in pages for line in page):
        raise InputRefused(
            f"{name} har ikke noe tekstlag (en skannet PDF): kjør tekstgjenkjenning (OCR) på den først; nuit-tui gjør ikke OCR"
        )
    _drop_running_lines(pages)
    return "\n".join("\n".join(page) for page in pages)


def _drop_running_lines(pages: list[list[str]]) -> None:
    """A running header or footer out: a line that is the first (or the last) of every page,
    word for word («UTKAST»), on two pages or more. (One with the page's number in it is
    found by page_text, which knows «Side 2 av 4».)"""
    for end in (0, -1):
        edges = [[n for n, line in enumerate(page) if line.strip()] for page in pages]
        if len(pages) < 2 or not all(edges):
            return
        texts = {page[at[end]].strip() for page, at in zip(pages, edges, strict=True)}
        if len(texts) == 1 and len(texts.pop()) <= 120:
            for page, at in zip(pages, edges, strict=True):
                del page[at[end]]


class _LinePlaces:
    """Where each line of a page's extracted text sits: pypdf's visitor is told every
    piece of text it puts out, with the matrices that place it; a line's place is that of
    its first piece of text (its baseline's height on the page, and its font's height)."""

    def __init__(self) -> None:
        self.places: list[tuple[float, float] | None] = [None]

    def visit(self, text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        for n, piece in enumerate(text.split("\n")):
            if n:
                self.places.append(None)
            if piece.strip() and self.places[-1] is None:
                # The text matrix times the current transformation matrix: text space to the page.
                c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                self.places[-1] = (y, round(size * math.hypot(c, d), 1))


def _page_lines(page) -> list[str]:
    places = _LinePlaces()
    text = page.extract_text(visitor_text=places.visit) or ""
    lines = text.split("\n")
    gaps = _gaps(places.places) if len(places.places) == len(lines) else set()
    return _paragraph_breaks(lines, gaps)


def _gaps(places: list[tuple[float, float] | None]) -> set[int]:
    """The lines that follow a gap wider than the page's line spacing: a new paragraph
    (a paragraph's space after, a list's space after its last bullet). Only between lines
    of one font height, and not next to the page's first or last line (a header or a
    footer, with a page's margin before it)."""
    placed = [(n, *place) for n, place in enumerate(places) if place is not None]
    steps = [
        (before, n, size, round(y0 - y, 1)) for (before, y0, size0), (n, y, size) in pairwise(placed) if size == size0 and y < y0
    ]
    if len(steps) < 3:
        return set()
    line = {}  # font height -> its most common step down: the lines of a paragraph
    for height in {size for _, _, size, _ in steps}:
        line[height] = Counter(step for _, _, size, step in steps if size == height).most_common(1)[0][0]
    inner = {n for n, _, _ in placed[1:-1]}
    return {n for before, n, size, step in steps if before in inner and n in inner and 1.25 * line[size] < step < 4 * line[size]}


def _paragraph_breaks(lines: list[str], gaps: set[int]) -> list[str]:
    """A page's lines with an empty one where a paragraph ends: a PDF's text layer has no
    paragraph marks. A paragraph ends before a line that follows a gap wider than the
    line spacing (`_gaps`), and where a line ends a sentence well short of the page's full
    line width (a PDF laid out without space between paragraphs)."""
    widths = sorted(len(line.rstrip()) for line in lines if line.strip())
    full = widths[int(len(widths) * 0.9)] if len(widths) >= 5 else None
    out: list[str] = []
    for n, line in enumerate(lines):
        if n in gaps and out and out[-1]:
            out.append("")
        out.append(line)
        text = line.rstrip()
        if full is not None and text.endswith((".", "!", "?")) and len(text) < 0.8 * full:
            out.append("")
    return out


# --- Markdown -----------------------------------------------------------------------------

_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


def markdown_text(text: str) -> str:
    """Markdown as the page shows it: tables as tab-separated rows, marks off."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if _MD_RULE.match(line):
            continue
        if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
            line = "\t".join(cell.strip() for cell in cells).rstrip("\t")
        line = _MD_HEADING.sub("", line)
        line = _MD_EMPHASIS.sub(lambda m: m[2] if m[2] is not None else m[3], line)
        line = _MD_ESCAPE.sub(r"\1", line)
        lines.append(line)
    return "\n".join(lines)
