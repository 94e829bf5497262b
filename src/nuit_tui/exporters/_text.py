"""How the archive's free text is split into paragraphs and list items.

Texts are typed with a blank line between paragraphs and a line of its own per
list point: "- " for a bullet, "1. " for a numbered point (kept as written, so
the numbers read the same in every format).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TypeVar

from ..domain.text import clean_text

V = TypeVar("V")


def clean_view(view: V) -> V:
    """A document's view with every string under the archive's input rule (`clean_text`).

    The renderers' one seam against what an older archive may hold: a control character
    makes Word refuse the document (python-docx raises ValueError) and HTML and SVG not
    well-formed XML. Walks frozen dataclasses, tuples and lists; other values stay."""
    if isinstance(view, str):
        return clean_text(view)  # type: ignore[return-value]
    if dataclasses.is_dataclass(view) and not isinstance(view, type):
        changes = {f.name: clean_view(getattr(view, f.name)) for f in dataclasses.fields(view) if f.init}
        return dataclasses.replace(view, **changes)
    if isinstance(view, tuple) and not hasattr(view, "_fields"):
        return tuple(clean_view(value) for value in view)  # type: ignore[return-value]
    if isinstance(view, list):
        return [clean_view(value) for value in view]  # type: ignore[return-value]
    return view


@dataclass(frozen=True)
class Block:
    text: str
    bullet: bool = False


def blocks(text: str) -> list[Block]:
    result = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line[:2] in ("- ", "• ", "* "):
            result.append(Block(line[2:].strip(), bullet=True))
        else:
            result.append(Block(line))
    return result


def is_web_link(location: str) -> bool:
    """Only web addresses become links; a file path stays plain text."""
    return location.lower().startswith(("https://", "http://"))
