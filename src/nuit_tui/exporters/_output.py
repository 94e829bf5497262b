"""What every export shares before the bytes are written: the format switch and
the file's name. Pure, like the renderers; writing is `files.write_export`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from ._text import clean_view

FORMATS = ("docx", "html", "md")

D = TypeVar("D")


class UnknownFormat(ValueError):
    """An export format nuit-tui does not write; the message is Norwegian."""


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UnknownFormat(f"Ukjent format «{fmt}» (velg {', '.join(FORMATS)})")


def render_as(renderers: Mapping[str, Callable[[D], bytes]], doc: D, fmt: str) -> bytes:
    """The document in `fmt`; its text cleaned first, whatever the archive holds."""
    check_format(fmt)
    return renderers[fmt](clean_view(doc))


def file_name(body_short_name: str, meeting_ref: str, kind: str, *, public: bool, fmt: str) -> str:
    """"NUIT-2023-2-innkalling.docx", with "-offentlig" for the public version."""
    number, year = meeting_ref.split("/")
    suffix = "-offentlig" if public else ""
    return f"{body_short_name}-{year}-{number}-{kind}{suffix}.{fmt}"
