"""Ranking and marking a search's window of matches, in Python (store/search.py reads it).

FTS5's bm25() would read every match in the archive to weigh a word, and highlight()
re-reads each trigram's doclist for every hit it marks; the window's texts are read
once anyway, so they are folded to one case here, the matches counted per column for
the rank, and marked where FTS5's highlight() would mark them. Positions must agree
between a text and its folded form: every character folds to exactly one.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
from collections.abc import Sequence
from typing import Any

# Match markers: control characters that typed text does not contain.
MARK_OPEN, MARK_CLOSE, ELLIPSIS = "\x02", "\x03", "…"


def _lower_table() -> bytes:
    """Each Latin-1 byte to its lower case (str.lower's, where that is one Latin-1 character)."""
    table = bytearray(range(256))
    for code in range(256):
        low = chr(code).lower()
        if len(low) == 1 and ord(low) < 256:
            table[code] = ord(low)
    return bytes(table)


_LATIN_1_LOWER = _lower_table()
_SEPARATOR = "\x1f"  # between a hit's texts, folded together (a needle holding it: _score_each)


def fold(text: str) -> str | bytes:
    """`text` in one case, each character folded to one (as the trigram tokenizer folds),
    so that a match's positions in the folded text are its positions in `text`. Text
    that is all Latin-1 (most of it) is folded as bytes, by a table: a third of the
    time of str.lower(), which is most of the cost of ranking a window."""
    with contextlib.suppress(UnicodeEncodeError):
        return text.encode("latin-1").translate(_LATIN_1_LOWER)
    return _fold_str(text)


def _fold_str(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A character lower() makes two of ("İ"): kept as it is, as the tokenizer does.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class Needles:
    """A query's words and phrases, folded, as str and (where they are Latin-1) as bytes."""

    def __init__(self, words: list[str]):
        folded = [_fold_str(word) for word in words]
        self.text = folded
        self.latin_1 = [w.encode("latin-1") for w in folded if _is_latin_1(w)]
        # A needle that could span two texts joined by the separator (never typed text).
        self.spans_texts = any(_SEPARATOR in w for w in folded)

    def like(self, folded: str | bytes) -> Sequence[Any]:
        return self.latin_1 if isinstance(folded, bytes) else self.text


def _is_latin_1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


class Scored:
    """A matching row of the window, scored: per match of a needle, its column's weight.
    A row's texts are folded once, together, and searched with str.find (in C)."""

    __slots__ = ("low", "matched", "row", "score", "starts", "texts", "weights")

    def __init__(self, row: Sequence[Any], texts: Sequence[str], needles: Needles, weights: Sequence[float]):
        self.row, self.texts, self.weights = row, texts, weights
        self.matched: set[int] = set()
        self.score = 0.0
        if needles.spans_texts:
            self._score_each(needles)
            return
        low: Any = fold(_SEPARATOR.join(texts))  # str or bytes, the needles alike
        self.low = low
        # Where each text starts in the joined one (in C: this runs for every row).
        self.starts = starts = list(itertools.accumulate(map(_PLUS_ONE, map(len, texts)), initial=0))
        score, matched, weights = 0.0, self.matched, self.weights
        for needle in needles.latin_1 if isinstance(low, bytes) else needles.text:
            # Non-overlapping matches, as str.count counts them.
            at = low.find(needle)
            while at >= 0:
                column = bisect.bisect_right(starts, at) - 1
                score += weights[column]
                matched.add(column)
                at = low.find(needle, at + len(needle))
        self.score = score

    def _score_each(self, needles: Needles) -> None:
        self.low, self.starts, weights = "", [], self.weights
        for column, text in enumerate(self.texts):
            low = fold(text)
            count = sum(low.count(needle) for needle in needles.like(low))
            if count:
                self.score += weights[column] * count
                self.matched.add(column)

    def marked(self, needles: Needles, names: Sequence[str]) -> dict[str, str]:
        """Per column (named by `names`), its text with the matches marked."""
        out = dict(zip(names, self.texts, strict=True))
        for column in self.matched:
            name, text = names[column], self.texts[column]
            low = self.low[self.starts[column] : self.starts[column] + len(text)] if self.starts else fold(text)
            out[name] = mark(text, low, needles.like(low))
        return out


_PLUS_ONE = (1).__add__


def mark(text: str, folded: str | bytes, needles: Sequence[Any]) -> str:
    """`text` with MARK_OPEN/MARK_CLOSE around each match of a needle (`folded` is
    `text` folded, the needles alike), as FTS5's highlight() marks a trigram match:
    overlapping matches as one, matches that only touch each their own."""
    spans = []
    for needle in needles:
        at = folded.find(needle)
        while at >= 0:
            spans.append((at, at + len(needle)))
            at = folded.find(needle, at + 1)
    if not spans:
        return text
    spans.sort()
    out, done, (start, end) = [], 0, spans[0]
    for begin, stop in spans[1:]:
        if begin < end:
            end = max(end, stop)
            continue
        out += [text[done:start], MARK_OPEN, text[start:end], MARK_CLOSE]
        done, start, end = end, begin, stop
    out += [text[done:start], MARK_OPEN, text[start:end], MARK_CLOSE, text[end:]]
    return "".join(out)
