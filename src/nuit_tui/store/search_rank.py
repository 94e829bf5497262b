"""Ranking and marking a search's window of matches, in Python (store/search.py reads it).

FTS5's bm25() would read every match in the archive to weigh a word, and highlight()
re-reads each trigram's doclist for every hit it marks; the window's texts are read
once anyway, so the matches are counted per column here, for the rank, and marked
where FTS5's highlight() would mark them in the one text a hit shows.

Counting works on the texts as SQLite stores them, UTF-8 bytes, never decoded: each
text is folded to one case by a byte table (`_UTF8_FOLD`) and each needle counted in
it with bytes.count, both in C loops over the window's texts. Decoding
and lower-casing a window of some 250,000 characters, a tenth of which are not
Latin-1 («–», «’»), cost more than the index read itself.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from itertools import repeat
from operator import add, mul
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


def _utf8_fold_table() -> bytes:
    """UTF-8 bytes to one case, byte for byte: ASCII capitals to small letters, and the
    second byte of a Latin-1 capital (À–Þ are C3 80–9E, à–þ C3 A0–BE) up by 0x20.

    The second change hits any continuation byte in 80–9E, of other characters too
    («–» E2 80 93 becomes E2 A0 B3): text and needles are folded by the same table and
    a lead byte never changes, so a needle of ASCII and Latin-1 letters matches exactly
    where its letters match in any case. A needle with other characters is counted on
    decoded text instead (`Needles.utf8` is None then)."""
    table = bytearray(range(256))
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = code + 0x20
    for code in range(0x80, 0x9F):
        if code != 0x97:  # × (C3 97) has no small letter; ÷ (C3 B7) is not one
            table[code] = code + 0x20
    return bytes(table)


_LATIN_1_LOWER = _lower_table()
_UTF8_FOLD = _utf8_fold_table()


def fold(text: str) -> str | bytes:
    """`text` in one case, each character folded to one (as the trigram tokenizer folds),
    so that a match's positions in the folded text are its positions in `text`. Text
    that is all Latin-1 is folded as bytes, by a table."""
    with contextlib.suppress(UnicodeEncodeError):
        return text.encode("latin-1").translate(_LATIN_1_LOWER)
    return _fold_str(text)


def _fold_str(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A character lower() makes two of ("İ"): kept as it is, as the tokenizer does.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# What continues a word: a term that must start a word may not follow one of these. Any
# other character is a boundary: a space, «(», «/», «-», «"». As UTF-8 folded for the rank:
# ASCII letters and digits, and a Latin-1 letter (C3 and its second byte, capital or small;
# not × C3 97 or ÷ C3 B7).
WORD_CHARS = "A-Za-z0-9À-ÖØ-öø-ÿ"
_NOT_AFTER_WORD = rb"(?<![a-z0-9]%s)(?<!\xc3[\x80-\x96\x98-\xb6\xb8-\xbf]%s)"


class Needles:
    """A query's words and phrases, folded: as str, as Latin-1 bytes (where they are
    Latin-1), and as folded UTF-8 for counting (None unless every one is Latin-1).

    `starts` (abbreviations, in capitals: store/search_query.py) count only where they
    start a word. Their UTF-8 needle is the word as typed, in capitals, which folded text
    never holds: `raise_word_starts` writes each of their word-start matches back in
    capitals in the folded window, so bytes.count and `snippet` find those and no other."""

    def __init__(self, words: list[str], starts: Sequence[str] = ()):
        folded = [_fold_str(word) for word in (*words, *starts)]
        self.text = folded
        self.latin_1 = [w.encode("latin-1") for w in folded if is_latin_1(w)]
        exact = len(self.latin_1) == len(folded)
        self.utf8 = [w.encode("utf-8").translate(_UTF8_FOLD) for w in folded] if exact else None
        # Needles all ASCII: bytes.lower() folds the text alike, in half the time.
        self.ascii = all(w.isascii() for w in folded)
        # (the folded needle at a word start, its capitals): none when counted decoded.
        self.word_starts: list[tuple[re.Pattern[bytes], bytes]] = []
        if self.utf8 is not None:
            for n, word in enumerate(starts, start=len(words)):
                low, high = self.utf8[n], word.encode("utf-8")
                if len(high) != len(low) or high == low:  # not capitals of the same length: never so (see is_abbreviation)
                    continue
                # The needle first: the regular expression scans for it as a literal (a
                # look-behind first would be tried at every byte).
                escaped = re.escape(low)
                self.word_starts.append((re.compile(escaped + _NOT_AFTER_WORD % (escaped, escaped)), high))
                self.utf8[n] = high

    def like(self, folded: str | bytes) -> Sequence[Any]:
        return self.latin_1 if isinstance(folded, bytes) else self.text


def raise_word_starts(folded: list[bytes], needles: Needles) -> list[bytes]:
    """The folded texts with each abbreviation's word-start matches in capitals (its
    needle), the same length: inside a word («viktig» for «IKT») it stays folded, and is
    neither counted nor marked for it."""
    for pattern, high in needles.word_starts:
        folded = list(map(pattern.sub, repeat(high), folded))
    return folded


def is_latin_1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def score_window(rows: Sequence[Sequence[bytes]], needles: Needles, weights: Sequence[float]) -> list[tuple[float, int]]:
    """Per row of texts (UTF-8, one per column): the sum of its columns' weights over
    every match of a needle, non-overlapping as str.count counts them, and the columns
    that matched (a bit each)."""
    scores, counts = score_folded(fold_window(rows, needles), rows, needles, weights)
    width = len(weights)
    return [
        (score, sum(1 << column for column in range(width) if counts[row * width + column]))
        for row, score in enumerate(scores)
    ]


def fold_window(rows: Sequence[Sequence[bytes]], needles: Needles) -> list[bytes] | None:
    """The window's texts, row by row, folded as the needles are (None when a needle is
    not Latin-1: those are counted on decoded text). A text's matches are where its
    folded bytes hold a needle: `snippet` cuts and marks from these, no second fold."""
    if needles.utf8 is None:
        return None
    cells = [text for texts in rows for text in texts]
    # Each text folded by a C loop (map); bytes.lower folds ASCII alike, in half the time.
    return list(map(bytes.lower, cells)) if needles.ascii else list(map(bytes.translate, cells, repeat(_UTF8_FOLD)))


def score_folded(
    low: list[bytes] | None, rows: Sequence[Sequence[bytes]], needles: Needles, weights: Sequence[float]
) -> tuple[list[float], list[int]]:
    """`score_window` of texts `fold_window` folded: each row's score, and the matches
    in each text (row by row, a column each: a text matched where its count is not 0)."""
    if low is None or needles.utf8 is None:
        counts = [count for texts in rows for count in _count_decoded(texts, needles)]
    else:
        # Each needle counted in each text, and the counts weighed and summed per row, by
        # C loops (map): a Python loop over the texts that matched cost as much again.
        first, *others = needles.utf8
        counts = list(map(bytes.count, low, repeat(first)))
        for needle in others:
            counts = list(map(add, counts, map(bytes.count, low, repeat(needle))))
    weighed = map(mul, counts, list(weights) * len(rows))
    return list(map(sum, zip(*[weighed] * len(weights), strict=True))), counts


def _count_decoded(texts: Sequence[bytes], needles: Needles) -> list[int]:
    """One row's matches per text, each decoded and folded as str (a needle beyond Latin-1: rare)."""
    counts = []
    for raw in texts:
        low = fold(raw.decode("utf-8", errors="replace"))
        counts.append(sum(low.count(needle) for needle in needles.like(low)))
    return counts


def mark_text(text: str, needles: Needles) -> str:
    """`text` with its matches marked (see `mark`)."""
    folded = fold(text)
    return mark(text, folded, needles.like(folded))


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


def snippet(raw: bytes, folded: bytes, needles: Sequence[bytes], size: int) -> str:
    """About `size` characters of a text around its first match, cut between words and
    never inside a match, its matches marked as `mark` marks them, with ELLIPSIS where
    text was left out: `cut_snippet`, for a text as stored (UTF-8 bytes) that
    `fold_window` folded for the rank, the needles folded alike. A match's bytes in
    `folded` are its bytes in `raw`, so the text is cut before it is decoded or marked,
    and a long text is never decoded whole. Lengths are counted in bytes: a snippet of
    Norwegian is a few characters shorter than `cut_snippet`'s."""
    if _OPEN_BYTE in raw or _CLOSE_BYTE in raw:  # ints: `bytes in bytes` tries the bytes as an int first, 0.15 µs
        # The marks are ours alone: one in the stored text (written by another program;
        # ours cleans control characters away) would show as a match. A space instead.
        raw = raw.translate(_NO_MARKS)
    find = folded.find
    if len(needles) == 1:
        needle = needles[0]
        first = find(needle)
        if first < 0:
            return ""
    else:
        first = -1
        for needle in needles:
            at = find(needle)
            if at >= 0 and (first < 0 or at < first):
                first = at
        if first < 0:
            return ""
    start = first - size // 3
    if start > 0:  # at the start of a word: one near enough before, else the next
        space = raw.rfind(b" ", max(0, first - size // 2 + 1), start + 1)
        if space < 0:
            space = raw.find(b" ", start, first)
        start = space + 1 if space >= 0 else _char_start(raw, start)
    else:
        start = 0
    length = len(raw)
    end = start + size
    if end > length:
        end = length
    out: list[bytes] = []
    if len(needles) == 1:  # the matches found in order (most queries are one word), overlapping ones as one
        width = len(needle)
        last = end + width - 1
        done, begin, stop = start, first, first + width
        at = find(needle, first + 1, last)
        while at >= 0:
            if at >= stop:
                if raw[begin] == 0x20:  # a two-letter word is matched with the space before it (" år")
                    begin += 1
                out += (raw[done:begin], _OPEN, raw[begin:stop], _CLOSE)
                done, begin = stop, at
            stop = at + width
            at = find(needle, at + 1, last)
    else:
        spans = []
        for needle in needles:
            width = len(needle)
            last = end + width - 1
            at = find(needle, start, last)
            while at >= 0:
                spans.append((at, at + width))
                at = find(needle, at + 1, last)
        spans.sort()
        done, (begin, stop) = start, spans[0]
        for next_begin, next_stop in spans[1:]:
            if next_begin < stop:  # overlapping matches are one, as highlight() marks them
                if next_stop > stop:
                    stop = next_stop
                continue
            if raw[begin] == 0x20:
                begin += 1
            out += (raw[done:begin], _OPEN, raw[begin:stop], _CLOSE)
            done, begin, stop = stop, next_begin, next_stop
    if stop > end:
        end = stop  # the cut fell in a match: finish it
    elif end < length:  # at the end of a word: the next within reach, else the one before
        space = raw.find(b" ", end, end + 15)
        if space < 0:
            space = raw.rfind(b" ", max(stop, end - 15), end)
        end = space if space >= 0 else _char_start(raw, end)
    if raw[begin] == 0x20:
        begin += 1
    out += (raw[done:begin], _OPEN, raw[begin:stop], _CLOSE, raw[stop:end])
    text = " ".join(b"".join(out).decode("utf-8", "replace").split())
    if start and raw[:start].strip():
        text = ELLIPSIS + text
    if end < length and raw[end:].strip():
        text += ELLIPSIS
    return text


_LEADING_SPACE = re.compile(f"{MARK_OPEN}(\\s+)")


def cut_snippet(marked: str, size: int) -> str:
    """About `size` characters of a marked text around its first match, cut between
    words and never inside a match, with ELLIPSIS where text was left out ("" when
    nothing is marked). What `snippet` does to stored bytes, for text already marked."""
    # A two-letter word is matched with the space before it: mark the word only.
    text = " ".join(_LEADING_SPACE.sub(lambda m: m.group(1) + MARK_OPEN, marked).split())
    first = text.find(MARK_OPEN)
    if first < 0:
        return ""
    start = max(0, first - size // 3)
    if start > 0:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and first - space < size // 2 else start
    end = min(len(text), start + size)
    if text.count(MARK_OPEN, 0, end) > text.count(MARK_CLOSE, 0, end):
        # Finish the match the cut fell in (to the end, should an older archive's text
        # hold a stray marker character of its own).
        close = text.find(MARK_CLOSE, end)
        end = close + 1 if close >= 0 else len(text)
    elif end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space - end < 15 else end
    return (ELLIPSIS if start > 0 else "") + text[start:end].strip() + (ELLIPSIS if end < len(text) else "")


def mark_word_starts(text: str, starts: Sequence[str]) -> str:
    """`text` with each word that starts with one of `starts` marked (a one-letter query)."""
    pattern = re.compile(f"(?<![{WORD_CHARS}])(" + "|".join(re.escape(t) for t in starts) + ")", re.IGNORECASE)
    return pattern.sub(lambda m: f"{MARK_OPEN}{m.group(0)}{MARK_CLOSE}", text)


_OPEN, _CLOSE = MARK_OPEN.encode(), MARK_CLOSE.encode()
_OPEN_BYTE, _CLOSE_BYTE = ord(MARK_OPEN), ord(MARK_CLOSE)
_NO_MARKS = bytes(32 if code in (2, 3) else code for code in range(256))


def _char_start(raw: bytes, at: int) -> int:
    """`at`, or the start of the UTF-8 character it falls inside."""
    while 0 < at < len(raw) and 0x80 <= raw[at] < 0xC0:
        at -= 1
    return at


def _text(stored: bytes) -> str:
    # What our triggers index is valid UTF-8; bytes that are not (a file altered by
    # another program) are shown as U+FFFD rather than failing the search.
    return stored.decode("utf-8", errors="replace")
