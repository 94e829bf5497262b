"""What every Markdown file of nuit-tui shares (GitHub flavour): escaping, free
text as paragraphs and lists, field lines and pipe tables."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..domain.text import clean_text
from ._text import blocks

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"})
# "&" only where it would start an entity ("&lt;" would show as "<"): a plain "&" stays readable.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What may not stand in a link destination as it is: its brackets, white space, a
# backslash (it would escape the closing ">"), and what is not printable.
_NOT_IN_LINK = re.compile(r"[<>\\\s\x00-\x1f\x7f]")


def escape(text: str) -> str:
    """Archive text shown literally, on one line: no emphasis, links, entities or raw
    HTML from what was typed, no control characters, and a line break (which could
    start a heading, a list or an HTML block) is a space. Every text of a file passes here."""
    text = clean_text(text)
    if "\n" in text:
        text = " ".join(line.strip() for line in text.split("\n") if line.strip())
    return _ENTITY.sub(lambda _: "\\&", text.translate(_SPECIAL))


def link_destination(url: str) -> str:
    """A web address as a link's destination, "<…>": what would end it or turn it
    into raw HTML percent-encoded, so the link is a link and nothing else."""
    return "<" + _NOT_IN_LINK.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode("utf-8")), clean_text(url)) + ">"


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
