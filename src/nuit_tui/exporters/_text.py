"""How the archive's free text is split into paragraphs and list items.

Texts are typed with a blank line between paragraphs and a line of its own per
list point: "- " for a bullet, "1. " for a numbered point (kept as written, so
the numbers read the same in every format).
"""

from __future__ import annotations

from dataclasses import dataclass


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
