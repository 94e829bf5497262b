"""The one place that renders a document in a format: `render(document, fmt) -> bytes`.

The CLI, the TUI and the services ask here; which renderer module writes which
(document, format) is decided nowhere else. A renderer is imported on first use,
so that python-docx loads only for a Word file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..documents.calendar import CalendarDocument, CalendarEvent
from ..documents.cover_note import CoverNoteDocument
from ..documents.mail import MailDocument
from ..documents.minutes import MinutesDocument
from ..documents.notice import NoticeDocument
from ..documents.wheel import WheelDocument
from ._text import clean_view
from .formats import DOCUMENT_FORMATS

# The formats a notice, the minutes and a cover note are written in (the CLI's help names them from there).
FORMATS = DOCUMENT_FORMATS
# Formats laid out on pages: built on a body's Word template, «Side x av y» on each page.
PAGED = frozenset({"docx", "pdf"})


class UnknownFormat(ValueError):
    """An export format nuit-tui does not write for that document; the message is Norwegian."""


def as_pdf(build: Callable[[Any], Any]) -> Callable[[Any], bytes]:
    """The PDF of a document is its Word document laid out again (`pdf.from_word`): the same
    headings, tables, header and footer by construction."""

    def render(document: Any) -> bytes:
        from . import pdf

        return pdf.from_word(build(document))

    return render


def _notice(fmt: str) -> Callable[[NoticeDocument], bytes]:
    from . import notice_docx, notice_html, notice_markdown

    return {
        "docx": notice_docx.render, "html": notice_html.render, "md": notice_markdown.render,
        "pdf": as_pdf(notice_docx.build),
    }[fmt]


def _minutes(fmt: str) -> Callable[[MinutesDocument], bytes]:
    from . import minutes_docx, minutes_html, minutes_markdown

    return {
        "docx": minutes_docx.render, "html": minutes_html.render, "md": minutes_markdown.render,
        "pdf": as_pdf(minutes_docx.build),
    }[fmt]


def _cover_note(fmt: str) -> Callable[[CoverNoteDocument], bytes]:
    from . import cover_note_docx, cover_note_html, cover_note_markdown

    return {
        "docx": cover_note_docx.render, "html": cover_note_html.render, "md": cover_note_markdown.render,
        "pdf": as_pdf(cover_note_docx.build),
    }[fmt]


def _wheel(fmt: str) -> Callable[[WheelDocument], bytes]:
    from . import wheel_svg

    return wheel_svg.render


def _calendar(fmt: str) -> Callable[[CalendarDocument], Iterator[bytes]]:
    from . import ics

    return ics.render_chunks


def _mail(fmt: str) -> Callable[[MailDocument], bytes]:
    from . import eml

    return eml.render


# Per document type: its formats and where its renderer is found.
_KINDS: dict[type, tuple[tuple[str, ...], Callable[[str], Callable[[Any], Any]]]] = {
    NoticeDocument: (FORMATS, _notice),
    MinutesDocument: (FORMATS, _minutes),
    CoverNoteDocument: (FORMATS, _cover_note),
    WheelDocument: (("svg",), _wheel),
    CalendarDocument: (("ics",), _calendar),
    MailDocument: (("eml",), _mail),
}


def formats(document_type: type) -> tuple[str, ...]:
    """The formats a document of that type is written in."""
    return _KINDS[document_type][0]


def check_format(document_type: type, fmt: str) -> None:
    """Refuse a format before any work is done for it (UnknownFormat)."""
    known = formats(document_type)
    if fmt not in known:
        raise UnknownFormat(f"Ukjent format «{fmt}» (velg {', '.join(known)})")


def render_chunks(document: object, fmt: str, *, template: bytes | None = None) -> Iterator[bytes]:
    """The file as chunks of bytes, made as they are written (the calendar streams).
    `template`: the body's Word template (.docx) that Word and PDF files are built on."""
    check_format(type(document), fmt)  # now, not when the first chunk is asked for
    # Every string of the document under the archive's input rule first, whatever an
    # older archive holds: a control character makes Word refuse the file and XML invalid.
    view = clean_view(document)
    renderer = _KINDS[type(document)][1](fmt)
    if fmt in PAGED:
        from . import _docx

        with _docx.template(template):
            made = renderer(view)
    else:
        made = renderer(view)
    return iter((made,)) if isinstance(made, bytes) else iter(made)


def render(document: object, fmt: str, *, template: bytes | None = None) -> bytes:
    """The whole file in memory."""
    return b"".join(render_chunks(document, fmt, template=template))


def word(document: NoticeDocument | MinutesDocument | CoverNoteDocument, *, template: bytes | None = None) -> Any:
    """The Word document (python-docx's) of a notice, the minutes or a cover note, unwritten:
    what a PDF of several documents lays out (`package_pdf`), without writing each to bytes
    and reading it back."""
    from . import _docx, cover_note_docx, minutes_docx, notice_docx

    builders: dict[type, Callable[[Any], Any]] = {
        NoticeDocument: notice_docx.build, MinutesDocument: minutes_docx.build, CoverNoteDocument: cover_note_docx.build,
    }
    check_format(type(document), "docx")
    with _docx.template(template):
        return builders[type(document)](clean_view(document))



def calendar_event_hash(event: CalendarEvent) -> str:
    """A digest of the lines an event is written as in the .ics file (not its DTSTAMP nor
    SEQUENCE): its version moves when, and only when, this does."""
    from . import ics

    return ics.content_hash(event)
