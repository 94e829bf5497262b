"""The formats a notice, the minutes and a cover note are written in, and what a person
calls them. Light on purpose (nothing imported): the command line's help lists them as it
starts, and the registry, which imports every document type, would cost it a tenth of a
second."""

from __future__ import annotations

from collections.abc import Iterable

# Written by exporters/registry.py for a notice, the minutes and a cover note.
DOCUMENT_FORMATS = ("docx", "html", "md", "pdf")

# In the order a list of them is said: «Word, PDF, Markdown eller HTML».
NAMES = {"docx": "Word", "pdf": "PDF", "md": "Markdown", "html": "HTML", "svg": "SVG", "ics": "iCalendar", "eml": "e-post"}


def described(formats: Iterable[str]) -> str:
    """«Word, PDF, Markdown eller HTML» for the formats given."""
    order = list(NAMES)
    names = [NAMES.get(fmt, fmt) for fmt in sorted(formats, key=lambda f: order.index(f) if f in order else len(order))]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} eller {names[-1]}"
