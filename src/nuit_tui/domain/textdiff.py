"""Words added and removed between the proposed and the adopted decision."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

_TOKENS = re.compile(r"\s+|\S+\s*")  # a word with the space after it


@dataclass(frozen=True)
class Change:
    kind: Literal["same", "added", "removed"]
    text: str


def word_diff(before: str, after: str) -> list[Change]:
    """The change from `before` to `after` word by word (spaces kept, so the
    pieces joined give either text back)."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    changes: list[Change] = []

    def add(kind: Literal["same", "added", "removed"], text: str) -> None:
        if not text:
            return
        if changes and changes[-1].kind == kind:
            changes[-1] = Change(kind, changes[-1].text + text)
        else:
            changes.append(Change(kind, text))

    # Words are compared without the space after them: the last word of a proposal gains
    # a space when a sentence is added after it, and is the same word all the same.
    matcher = difflib.SequenceMatcher(a=[t.rstrip() for t in old], b=[t.rstrip() for t in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for was, now in zip(old[i1:i2], new[j1:j2], strict=True):
                word = was.rstrip()
                add("same", word)
                if was[len(word):] == now[len(word):]:
                    add("same", was[len(word):])
                else:
                    add("removed", was[len(word):])
                    add("added", now[len(word):])
            continue
        add("removed", "".join(old[i1:i2]))
        add("added", "".join(new[j1:j2]))
    return changes


def text_after(changes: list[Change]) -> str:
    return "".join(c.text for c in changes if c.kind != "removed")


def text_before(changes: list[Change]) -> str:
    return "".join(c.text for c in changes if c.kind != "added")
