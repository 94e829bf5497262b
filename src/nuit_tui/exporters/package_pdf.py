"""The meeting package as one PDF: the notice, then per item its cover note and attachment
files in agenda order, with bookmarks per item and per attachment and «Side x av y» on
every page of the whole package.

Our own documents (notice, cover notes, placeholder pages) are laid out in one fpdf2
document (`pdf.Pages`), their footers numbering the package's pages as they go: the page
counts of the PDF files merged in between are known before. The files' pages are then
merged in with pypdf and stamped with the same «Side x av y» where our footer has it.
Pure: documents and bytes in, bytes out (a file that is not a readable PDF gets a placeholder page).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from . import pdf as layout
from ._pdf_faces import FAMILY, FacesOnFirstUse


@dataclass(frozen=True)
class Part:
    """One attachment of an item: a document of ours (Word), a PDF file, or a file shown as
    a placeholder page (its lines say what it is and where it is found)."""

    bookmark: str  # «Vedlegg 4A: Forslag til måleindikatorer»
    word: Any = None  # a Word document of ours (python-docx's)
    pdf: bytes | None = None
    placeholder: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    bookmark: str  # «17/23 Forslag til måleindikatorer …»
    parts: tuple[Part, ...]


@dataclass
class _Placed:
    """Where a part's pages are: our own pages (first, last) in the fpdf2 document, or a reader's."""

    bookmark: str
    own: tuple[int, int] | None = None
    reader: PdfReader | None = None


def _readable(data: bytes) -> PdfReader | None:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        return reader if len(reader.pages) else None
    except (PyPdfError, ValueError, KeyError, OSError, TypeError):
        return None


def _placeholder(pages: layout.Pages, bookmark: str, lines: Sequence[str]) -> tuple[int, int]:
    """A page standing for a file the package cannot show."""
    pages.add_page()
    first = pages.page
    pages.set_font(FAMILY, "B", 13)
    pages.multi_cell(0, 7, bookmark, align="L", new_x="LMARGIN", new_y="NEXT")
    pages.ln(3)
    pages.set_font(FAMILY, "", 11)
    for line in lines:
        pages.multi_cell(0, 5.5, line, align="L", new_x="LMARGIN", new_y="NEXT")
        pages.ln(1.5)
    return first, pages.page


def package_pdf(notice: Any, sections: Sequence[Section]) -> bytes:
    """The whole package. The notice (a python-docx document) gives the PDF its properties,
    its letterhead and the footer every page of ours carries."""
    pages = layout.Pages()
    layout.describe(pages, notice)
    placed: list[_Placed] = [_Placed("Innkalling", own=layout.add_document(pages, notice))]
    notice_page = pages.current
    tree: list[tuple[str, list[_Placed]]] = []
    for section in sections:
        children = []
        for part in section.parts:
            reader = _readable(part.pdf) if part.pdf is not None else None
            if reader is not None:
                children.append(_Placed(part.bookmark, reader=reader))
                pages.page_offset += len(reader.pages)
            elif part.word is not None:
                children.append(_Placed(part.bookmark, own=layout.add_document(pages, part.word)))
            else:
                pages.current = notice_page
                lines = part.placeholder or ("Filen kan ikke vises i PDF-pakken.",)
                children.append(_Placed(part.bookmark, own=_placeholder(pages, part.bookmark, lines)))
        if children:
            tree.append((section.bookmark, children))
    pages.extra_pages = pages.page_offset
    own = PdfReader(io.BytesIO(bytes(pages.output())))
    return _merged(own, placed[0], tree, total=len(own.pages) + pages.extra_pages, notice_page=notice_page)


def _merged(own: PdfReader, notice: _Placed, tree: list[tuple[str, list[_Placed]]], *, total: int, notice_page: layout.Page) -> bytes:
    writer = PdfWriter()
    stamps: list[tuple[int, float, float]] = []  # page index in the package, its width and height (pt)

    def add(part: _Placed) -> int:
        start = len(writer.pages)
        if part.own is not None:
            for index in range(part.own[0] - 1, part.own[1]):
                writer.add_page(own.pages[index])
        elif part.reader is not None:
            for page in part.reader.pages:
                added = writer.add_page(page)
                if added.rotation % 360:  # the stamp goes where the reader sees the bottom
                    added.transfer_rotation_to_content()  # (it parses the page: not for upright ones)
                box = added.mediabox
                stamps.append((len(writer.pages) - 1, float(box.width), float(box.height)))
        return start

    writer.add_outline_item(title=notice.bookmark, page_number=add(notice))
    for bookmark, children in tree:
        starts = [add(child) for child in children]
        parent = writer.add_outline_item(title=bookmark, page_number=starts[0])
        for child, start in zip(children, starts, strict=True):
            writer.add_outline_item(title=child.bookmark, page_number=start, parent=parent)
    if stamps:
        overlay = PdfReader(io.BytesIO(_stamps(stamps, total, notice_page)))
        for (index, _, _), stamp in zip(stamps, overlay.pages, strict=True):
            writer.pages[index].merge_page(stamp)
    writer.metadata = None
    meta: dict = dict(own.metadata or {})
    writer.add_metadata({key: meta[key] for key in ("/Title", "/Subject", "/Author") if key in meta} | {"/Producer": "", "/Creator": ""})
    writer.page_mode = "/UseOutlines"  # the bookmarks open beside the first page
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stamps(stamps: Sequence[tuple[int, float, float]], total: int, notice_page: layout.Page) -> bytes:
    """One page per merged page, of its size, with «Side x av y» where our footers have it,
    on a white ground so that the file's own page number under it does not show through."""
    stamp = FacesOnFirstUse(unit="pt")
    stamp.set_auto_page_break(False)
    right = notice_page.right / layout.PT_MM
    bottom = notice_page.footer_distance / layout.PT_MM
    for index, width, height in stamps:
        stamp.add_page(format=(width, height))
        stamp.set_font(FAMILY, "", 9)
        text = f"Side {index + 1} av {total}"
        text_width = stamp.get_string_width(text)
        x, y = width - right - text_width, height - bottom - 11
        stamp.set_fill_color(255, 255, 255)
        stamp.rect(x - 4, y - 1, text_width + 8, 13, style="F")
        stamp.set_xy(x, y)
        stamp.cell(text_width, 11, text)
    return bytes(stamp.output())
