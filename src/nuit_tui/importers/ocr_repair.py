"""Repairing a line of OCR'd or PDF-extracted text: stray table bars and spaces
out, and Norwegian words whose damage has one reading only put right.

Pure: text in, text out. The deadline table reader (deadline_table.py) uses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u3000]+")
_PIPES = re.compile(r"\s*[|¦]\s*")


def clean_line(line: str) -> tuple[str, bool]:
    """The line without stray "|" and extra spaces; True when a "|" was removed."""
    text, pipes = _PIPES.subn(" ", line)
    return _SPACES.sub(" ", text).strip(), pipes > 0


def _keep_case(found: str, replacement: str) -> str:
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _rule(pattern: str, replace: Callable[[re.Match[str]], str]) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]]:
    return re.compile(pattern, re.IGNORECASE), lambda m: _keep_case(m[0], replace(m))


# Each rule fixes a damage that has one reading only: none of the damaged forms is a
# Norwegian word (bare "mote", "bor", "rad", "ar" are, so they are left alone).
_O = "[oe0ø]"  # ø as OCR reads it
_REPAIRS = [
    _rule(rf"\b(tertial)?oppf{_O}lg(?=\w)", lambda m: f"{(m[1] or '').lower()}oppfølg"),
    _rule(r"\b(foretaks|etatsstyrings|oppfølgings|tertialoppfølgings|styrings|dialog)(?:mgate|mote|mete|m0te|mgte|mate)(t|r|ne|ene)?\b",
          lambda m: f"{m[1].lower()}møte{(m[2] or '').lower()}"),
    _rule(rf"\bf{_O}lg(er|ende|es)\b", lambda m: f"følg{m[1].lower()}"),
    _rule(rf"\bpaf{_O}lgende\b", lambda m: "påfølgende"),
    _rule(r"\bars(rapport|beretning|regnskap|hjul|melding|verk)(\w*)", lambda m: f"års{m[1].lower()}{m[2].lower()}"),
    _rule(r"\bpa\b", lambda m: "på"),
    _rule(rf"\bforel{_O}pig\b", lambda m: "foreløpig"),
    _rule(rf"\binnf{_O}r(ing\w*)", lambda m: f"innfør{m[1].lower()}"),
    _rule(rf"\bgjennomf{_O}r(es|e|t|ing\w*)\b", lambda m: f"gjennomfør{m[1].lower()}"),
    _rule(r"(?<=\w)l[o0]sning(\w*)|\bl[o0]sning(\w*)", lambda m: f"løsning{(m[1] or m[2] or '').lower()}"),
    _rule(r"\bokonomi(\w*)", lambda m: f"økonomi{m[1].lower()}"),
    _rule(r"\bmaloppnaelse(\w*)", lambda m: f"måloppnåelse{m[1].lower()}"),
]


def repair(text: str) -> tuple[str, bool]:
    """Text with known OCR damage repaired; True when something was repaired."""
    repaired = text
    for pattern, replace in _REPAIRS:
        repaired = pattern.sub(replace, repaired)
    return repaired, repaired != text


# Meeting documents (notices, minutes, cover notes) repeat a small vocabulary; these
# damaged forms of it have one reading only. Kept apart from the rules above so the
# deadline table reader reads as it did.
_MEETING_REPAIRS = [
    _rule(rf"\bdr{_O}ft(ing|ingen|et|er|e)\b", lambda m: f"drøft{m[1].lower()}"),
    _rule(rf"\bsp{_O}rsm[aä]l(et|ene)?\b", lambda m: f"spørsmål{(m[1] or '').lower()}"),
    _rule(r"\b[o0]nsk(er|et|e)\b", lambda m: f"ønsk{m[1].lower()}"),
    _rule(r"\bogsa\b", lambda m: "også"),
    _rule(r"\b(fra|i|til|etter|før|dette|neste|forrige) m[o0e]tet\b", lambda m: f"{m[1]} møtet"),
    _rule(r"\bst[o0]tte(r|t)?\b", lambda m: f"støtte{(m[1] or '').lower()}"),
    _rule(r"\bf[o0]rslag\b", lambda m: "forslag"),
    # «a» is no Norwegian word: before a verb it is «å» («for a drøfte»)
    _rule(r"\b(for|om|med|til|ved|av|og|at) a(?= [a-zæøå]{2,})", lambda m: f"{m[1]} å"),
    _rule(r"(?<![\w)(.-])a(?= [a-zæøå]{2,}e\b)", lambda m: "å"),
    _rule(r"\bma\b(?= [a-zæøå])", lambda m: "må"),
    _rule(r"\bfa\b(?= [a-zæøå])", lambda m: "få"),
]
# «ä» for «å» in a lower-case word (a name keeps its «ä»: «Härter», «Schäffer»).
_UMLAUT = re.compile(r"\b[a-zæøåä]*ä[a-zæøåä]*\b")


def repair_meeting_text(text: str) -> tuple[str, bool]:
    """`repair`, and the damaged forms of the words meeting documents repeat."""
    repaired, _ = repair(text)
    for pattern, replace in _MEETING_REPAIRS:
        repaired = pattern.sub(replace, repaired)
    repaired = _UMLAUT.sub(lambda m: m[0].replace("ä", "å"), repaired)
    return repaired, repaired != text
