"""The text of a past notice, minutes or cover note, from its file: the one place the
meeting-document readers touch files (the readers themselves take text).

- `.docx` (python-docx): paragraphs and tables in body order; a paragraph is a line
  followed by a blank line (a paragraph break), a table row is one line with its cells
  separated by tabs (a cell holding several lines gives one line per line, the first
  cells empty). List paragraphs get «- » in front, as a reader of the page sees a bullet.
- `.pdf` (pypdf): the text layer, page by page. A PDF without one (a scan) is refused:
  nuit-tui does no OCR.
- `.txt` and `.md`: UTF-8, or Windows-1252 as older Norwegian text files are; Markdown's
  marks (headings, bold, tables, escapes) are taken off so the text reads as the page.

Every file is read within the bounds of `bounded` (and a .docx is checked for how much
it unpacks to before it is opened).
"""

from __future__ import annotations

import io
import re
import zipfile
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
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputRefused(f"{name} kan ikke leses som PDF: {exc}") from None
    if not any(page.strip() for page in pages):
        raise InputRefused(
            f"{name} har ikke noe tekstlag (en skannet PDF): kjør tekstgjenkjenning (OCR) på den først; nuit-tui gjør ikke OCR"
        )
    return "\n".join(_paragraph_breaks(page) for page in pages)


def _paragraph_breaks(page: str) -> str:
    """A page's text with an empty line after each line that ends a paragraph: a PDF's text
    layer has no paragraph marks, but a paragraph's last line ends a sentence well short of
    the page's full line width."""
    lines = page.split("\n")
    widths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(widths) < 5:
        return page
    full = widths[int(len(widths) * 0.9)]
    out: list[str] = []
    for line in lines:
        out.append(line)
        text = line.rstrip()
        if text.endswith((".", "!", "?")) and len(text) < 0.8 * full:
            out.append("")
    return "\n".join(out)


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
