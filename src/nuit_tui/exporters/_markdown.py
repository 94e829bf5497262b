"""What every Markdown file of nuit-tui shares (GitHub flavour): escaping, free
text as paragraphs and lists, field lines and pipe tables."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ._text import blocks

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def escape(text: str) -> str:
    """Archive text shown literally: no emphasis, links or raw HTML from what was typed."""
    return _SPECIAL.sub(r"\\\1", text)


def escape_line(text: str) -> str:
    """`escape`, and also what a line may not start with: "#", "+", "-" or "=" would
    start a heading, a list or a rule, and "15." an ordered list (numbered points
    are kept as written, as in Word)."""
    text = re.sub(r"^([#+=-])", r"\\\1", escape(text))
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)


def cell(text: str) -> str:
    return escape(" ".join(text.split()))


def text(value: str) -> list[str]:
    """Paragraphs separated by blank lines; bullets of one list kept together."""
    lines: list[str] = []
    previous_bullet = False
    for block in blocks(value):
        if lines and not (block.bullet and previous_bullet):
            lines.append("")
        lines.append(f"- {escape(block.text)}" if block.bullet else escape_line(block.text))
        previous_bullet = block.bullet
    return lines


def fields(entries: Sequence[tuple[str, str]]) -> list[str]:
    """"**Møte:** 2/2023" lines of one paragraph, joined by hard line breaks."""
    lines = [f"**{label}:** {value}  " for label, value in entries]
    if lines:
        lines[-1] = lines[-1].removesuffix("  ")
    return lines


def table(labels: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A pipe table; cells are escaped and kept on one line."""
    return [
        "| " + " | ".join(labels) + " |",
        "|" + "---|" * len(labels),
        *("| " + " | ".join(cell(value) for value in cells) + " |" for cells in rows),
    ]
