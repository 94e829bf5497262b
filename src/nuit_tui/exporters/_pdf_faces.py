"""Liberation Sans for fpdf2, as the PDF layout (`pdf.py`) uses it: each face parsed once
per process and copied into a document when its text first uses it, with a font file of
the document's own (fpdf2 subsets it in place when the document is written), and widths
measured the way fpdf2's line breaker asks for them.
"""

from __future__ import annotations

import copy
import io
import logging
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import TextEmphasis
from fpdf.fonts import TTFFont

from . import _pdf_line_break, glyphs

FONT_DIR = Path(__file__).parent / "fonts"
FAMILY = "Liberation Sans"
_FILES = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}


class _LineFont(TTFFont):
    """fpdf2's line breaker measures the line so far once more for every character it adds
    (fpdf/line_break.py, `CurrentLine.width`), summing every character's width each time:
    quadratic in the line's length and half of a package's layout time. The line grows a
    character a call, so its width is the width one character shorter, remembered, plus that
    character's: the same sum, in the same order, so the same lines and pages."""

    __slots__ = ()

    def get_text_width(self, text: str, font_size_pt: float, text_shaping_params: Any) -> tuple[int, float]:
        if text_shaping_params:
            return super().get_text_width(text, font_size_pt, text_shaping_params)
        if font_size_pt > self.biggest_size_pt:
            self.biggest_size_pt = font_size_pt
        return len(text), _units(self, text) * font_size_pt * 0.001


_WIDTHS: dict[tuple[str, str], float] = {}  # (font, text) -> width in font units


def _units(font: TTFFont, text: str) -> float:
    key = (font.fontkey, text)
    units = _WIDTHS.get(key)
    if units is None:
        shorter = _WIDTHS.get((font.fontkey, text[:-1])) if text else None
        units = shorter + font.cw[ord(text[-1])] if shorter is not None else sum(font.cw[ord(c)] for c in text)
        if len(_WIDTHS) > 5000:  # the lines of a few paragraphs are all it needs
            _WIDTHS.clear()
        _WIDTHS[key] = units
    return units


_PARSED: dict[str, TTFFont] = {}  # face ("", "B", "I", "BI") -> parsed once per process
_STRIPPED: dict[str, bytes] = {}  # face -> its font file without layout tables


def _file(face: str) -> str:
    return str(FONT_DIR / f"LiberationSans-{_FILES[face]}.ttf")


def _without_layout(face: str) -> bytes:
    """The face's font file without the OpenType layout tables (ligatures, kerning by
    GPOS), made once per process. fpdf2 lays text out glyph by glyph without them, and its
    subsetting drops them from every embedded font, but only after fontTools has unpacked
    every ligature of them: a sixth of a cover note's PDF. The same pages, pixel for pixel."""
    data = _STRIPPED.get(face)
    if data is None:
        font = TTFont(_file(face), recalcTimestamp=False, lazy=True)
        for tag in ("GDEF", "GPOS", "GSUB", "FFTM", "hdmx"):
            if tag in font:
                del font[tag]
        out = io.BytesIO()
        font.save(out)
        data = _STRIPPED.setdefault(face, out.getvalue())
    return data


def _face(face: str, number: int) -> TTFFont:
    """A face of Liberation Sans for one document: fpdf2's copy of the face parsed once
    (widths, glyph map), with a font file of its own, since writing the document
    subsets the font file in place."""
    parsed = _PARSED.get(face)
    if parsed is None:
        scratch = FPDF()
        scratch.add_font(FAMILY, face, _file(face))
        added = scratch.fonts[f"{FAMILY.lower()}{face}"]
        assert isinstance(added, TTFFont)
        parsed = _PARSED.setdefault(face, added)
    # The widths and glyph ids are only read (fpdf2 fills them when it parses the face):
    # shared, not copied (4 ms a face); what a document changes (its subset) is its own.
    font = copy.deepcopy(parsed, {id(parsed.cw): parsed.cw, id(parsed.glyph_ids): parsed.glyph_ids})
    font.ttfont = TTFont(io.BytesIO(_without_layout(face)), recalcTimestamp=False, lazy=True)
    font.i = number
    if not font.is_symbol:
        font.__class__ = _LineFont
    return font


class _NoMissingGlyphsLine(logging.Filter):
    """fpdf2's own English line on the characters the font lacks: `FacesOnFirstUse.output`
    reports them instead (glyphs.py), for a Norwegian one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "missing the following glyphs" not in str(record.msg)


logging.getLogger("fpdf.output").addFilter(_NoMissingGlyphsLine())


class FacesOnFirstUse(FPDF):
    """An fpdf2 document whose Liberation Sans faces are embedded as text first uses them."""

    def set_font(self, family: str | None = None, style: Any = "", size: float = 0) -> None:
        """Each of Liberation Sans' four faces is embedded when first used: a face added
        and never used costs its parsing and its subsetting all the same."""
        letters = style.style if isinstance(style, TextEmphasis) else str(style or "")
        face = "".join(sorted(letters.upper().replace("U", "").replace("S", "")))
        key = f"{FAMILY.lower()}{face}"
        if (family or self.font_family or "").lower() == FAMILY.lower() and key not in self.fonts and face in _FILES:
            self.fonts[key] = _face(face, len(self.fonts) + 1)
        super().set_font(family, style, size)

    def output(self, *args: Any, **kwargs: Any) -> Any:
        written = super().output(*args, **kwargs)
        # Known only once written: fpdf2 notes a missing glyph as the text is laid out.
        glyphs.report(chr(code) for font in self.fonts.values() for code in getattr(font, "missing_glyphs", ()))
        return written

_pdf_line_break.install(_LineFont)  # our faces' text is broken into lines without fpdf2's per-character calls
