"""Characters a PDF could not show: Liberation Sans has no glyph for them (an emoji in a
title), so fpdf2 leaves them out. The PDF layout reports them here; a caller that wants to
tell the user (the CLI's «advarsel: …») collects them around the export."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# A context variable, not a global: exports on other threads (the TUI's) do not mix in.
_collected: ContextVar[list[str] | None] = ContextVar("missing_glyphs", default=None)


@contextmanager
def collecting() -> Iterator[list[str]]:
    """The characters PDFs made inside the block could not show, each once, in order met."""
    found: list[str] = []
    token = _collected.set(found)
    try:
        yield found
    finally:
        _collected.reset(token)


def report(characters: Iterable[str]) -> None:
    found = _collected.get()
    if found is None:
        return
    for character in characters:  # the same emoji in bold and regular is named once
        if character not in found:
            found.append(character)


def warning(characters: list[str]) -> str:
    return f"PDF-en viser ikke disse tegnene (skriften mangler dem): {' '.join(characters)}"
