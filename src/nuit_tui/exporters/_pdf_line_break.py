"""fpdf2's line breaking, for the text of our own Liberation Sans faces, without its
per-character method calls: the same lines as fpdf2 makes (`fpdf/line_break.py`,
`MultiLineBreak.get_line`), found by adding each character's width in the same order.

fpdf2 measures the line so far again for every character it adds, through four calls and a
string join, and line breaking was half of a meeting package's PDF. Here the widths are the
same integer font units summed the same way, scaled by the same expressions, so the same
floating-point numbers decide the same breaks. Text that needs more than this (text shaping,
character spacing, stretching, soft hyphens, wrapping by character, another font) is left to
fpdf2's own loop. `tests/test_pdf_line_break.py` compares the two line by line.
"""

from __future__ import annotations

from typing import Any

import fpdf.fpdf
from fpdf.enums import Align, WrapMode
from fpdf.errors import FPDFException
from fpdf.line_break import (
    BREAKING_SPACE_SYMBOLS_STR,
    FORM_FEED,
    NBSP,
    NEWLINE,
    SOFT_HYPHEN,
    SPACE,
    Fragment,
    MultiLineBreak,
    TextLine,
)

TOLERANCE = 1e-9  # fpdf.util.FloatTolerance's


class _Part:
    """One fragment of the line being built: whose style it has, its characters, and their
    width in font units (an integer sum, as fpdf2's own sum of the joined characters)."""

    __slots__ = ("source", "link", "chars", "units", "scale", "cw")

    def __init__(self, source: Fragment, link: Any) -> None:
        self.source = source
        self.link = link
        self.chars: list[str] = []
        self.units = 0
        # fpdf2's width: units * font_size_pt * 0.001 (the font), then / k (the fragment).
        self.scale = (source.font_size_pt, source.k)
        self.cw = source.font.cw

    def width(self) -> float:
        size_pt, k = self.scale
        return self.units * size_pt * 0.001 / k


class FastLineBreak(MultiLineBreak):
    """`MultiLineBreak` with `get_line` done by `_fast_line` where the text allows it."""

    def get_line(self) -> TextLine | None:
        if not _plain(self):
            return super().get_line()
        return _fast_line(self)


_FONTS: tuple[type, ...] = ()  # the font classes whose widths are plain sums (`install`)


def _plain(breaker: MultiLineBreak) -> bool:
    fast = getattr(breaker, "_fast", None)
    if fast is None:
        fast = (
            breaker.wrapmode == WrapMode.WORD
            and not breaker.skip_leading_spaces
            and all(
                type(f) is Fragment
                and isinstance(f.font, _FONTS)
                and not f.text_shaping_parameters
                and f.char_spacing == 0
                and f.font_stretching == 100
                and (breaker.print_sh or SOFT_HYPHEN not in f.characters)
                for f in breaker.fragments
            )
        )
        breaker._fast = fast  # type: ignore[attr-defined]
    return fast


def _fast_line(self: MultiLineBreak) -> TextLine | None:
    """fpdf2's `get_line`, step for step, for the plain case `_plain` allows."""
    idx_last_forced_break = self.idx_last_forced_break
    self.idx_last_forced_break = None
    fragments = self.fragments
    if self.fragment_index == len(fragments):
        return None
    font_height = 0.0
    line_max = self.get_width(font_height)
    indent = self.first_line_indent if self._is_first_line else 0
    parts: list[_Part] = []
    before = 0.0  # the width of every part but the last, summed left to right as fpdf2 does
    last = 0.0  # the last part's width
    spaces = 0
    height = 0.0
    hint: tuple[int, int, int, int, int, int] | None = None  # fragment, char, parts, chars, units, spaces
    max_width = line_max
    for margin in self.margins:
        max_width -= float(margin)
    if self._is_first_line:
        max_width -= self.first_line_indent

    def done(align: Align, trailing_nl: bool = False, trailing_form_feed: bool = False) -> TextLine:
        made = []
        width: float = 0
        for part in parts:
            clone = part.source.clone(characters=part.chars, link=part.link)
            made.append(clone)
            width += part.width()
        return TextLine(fragments=made, text_width=width, number_of_spaces=spaces, align=align, height=height,
                        max_width=line_max - indent, trailing_nl=trailing_nl, trailing_form_feed=trailing_form_feed,
                        indent=indent)

    def not_justified() -> Align:
        return Align.L if self.align == Align.J else self.align

    while self.fragment_index < len(fragments):
        fragment = fragments[self.fragment_index]
        chars = fragment.characters
        if self.character_index >= len(chars):
            self.character_index = 0
            self.fragment_index += 1
            continue
        if fragment.font_size - font_height > TOLERANCE:
            font_height = fragment.font_size
            line_max = self.get_width(font_height)
            max_width = line_max
            for margin in self.margins:
                max_width -= float(margin)
            if self._is_first_line:
                max_width -= self.first_line_indent
        font: Any = fragment.font
        size_pt, k = fragment.font_size_pt, fragment.k
        if size_pt > font.biggest_size_pt:
            font.biggest_size_pt = size_pt
        cw: Any = font.cw
        link = fragment.link
        line_height = font_height * self.line_height
        part = parts[-1] if parts else None
        if part is not None and part.source is not fragment and not (
            fragment.has_same_style(part.source) and link == part.link
        ):
            part = None
        last = parts[-1].width() if parts else 0.0
        # One fragment's characters while they fit: the loop fpdf2 runs, without its calls.
        while self.character_index < len(chars):
            character = chars[self.character_index]
            char_width = cw[ord(character)] * size_pt * 0.001 / k
            if character == NEWLINE or character == FORM_FEED:
                self.character_index += 1
                height = max(height, line_height)
                self._is_first_line = False
                return done(not_justified(), trailing_nl=character == NEWLINE, trailing_form_feed=character == FORM_FEED)
            if before + last + char_width - max_width > TOLERANCE:
                self._is_first_line = False
                if character in BREAKING_SPACE_SYMBOLS_STR:
                    self.character_index += 1
                    return done(self.align)
                if hint is not None:
                    self.fragment_index, self.character_index, count, length, units, spaces = hint
                    del parts[count:]
                    if parts:
                        del parts[-1].chars[length:]
                        parts[-1].units = units
                    self.character_index += 1
                    return done(self.align)
                if idx_last_forced_break == (self.fragment_index, self.character_index):
                    raise FPDFException("Not enough horizontal space to render a single character")
                self.idx_last_forced_break = (self.fragment_index, self.character_index)
                return done(not_justified())
            height = line_height
            if part is None:
                before += last  # 0.0 + w == w: the same sum as fpdf2's from 0
                part = _Part(fragment, link)
                parts.append(part)
                last = 0.0
            if character in BREAKING_SPACE_SYMBOLS_STR:
                hint = (self.fragment_index, self.character_index, len(parts), len(part.chars), part.units, spaces)
                spaces += 1
            elif character == NBSP:
                character = SPACE  # PDF viewers ignore NBSP for word spacing with "Tw" (fpdf2)
                spaces += 1
            if character != SOFT_HYPHEN or self.print_sh:
                part.chars.append(character)
                part.units += cw[ord(character)]
                last = part.width()
            self.character_index += 1
    if before + last:
        self._is_first_line = False
        return done(not_justified())
    return None


def install(*fonts: type) -> None:
    """Text in these fonts (their widths the sums of their characters' `cw`, unshaped) is
    broken into lines here; fpdf2's `write` and `multi_cell` make their line breaker by
    this module-level name."""
    global _FONTS
    _FONTS = fonts
    fpdf.fpdf.MultiLineBreak = FastLineBreak  # type: ignore[misc]
