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
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            changes.append(Change("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            changes.append(Change("removed", "".join(old[i1:i2])))
        if j2 > j1:
            changes.append(Change("added", "".join(new[j1:j2])))
    return changes


def text_after(changes: list[Change]) -> str:
    return "".join(c.text for c in changes if c.kind != "removed")


def text_before(changes: list[Change]) -> str:
    return "".join(c.text for c in changes if c.kind != "added")
