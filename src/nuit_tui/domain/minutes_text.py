"""How a remark and an item's narrative read in the minutes, as the seed's minutes read.

Pure: text in, text out.

**A remark's sentence.** The secretary types who spoke («KS», «Helse Nord RHF») and what
they said. The seed's bullets read as one sentence with the speaker as its subject:
«Legeforeningen uttrykte bekymring for …», typed as speaker «Legeforeningen» and text
«uttrykte bekymring for …». Some bullets are sentences of their own that name the
speaker inside: «Som svar til Helse Sør-Øst RHF kommenterte Helse Nord RHF at …»,
«På spørsmål fra Direktoratet for e-helse … så spilte FHI inn at …»; glueing the
speaker in front of those («Helse Nord RHF Som svar til …») is wrong. The rule:

1. no text: no bullet. A speaker alone («KS», F2 and Escape) says nothing, and a bare
   «- KS» reads as if something were left out; the minutes check names the remark
   instead (`services/minutes.py`). No speaker: the text alone;
2. the text begins with a lower-case letter: it continues the speaker's sentence, so
   «<speaker> <text>»;
3. otherwise the text is a sentence of its own: printed alone when it names the speaker
   (anywhere, as a whole word); else «<speaker>: <text>», so that the reader still
   learns who said it (the seed has no such bullet; losing the speaker would be worse).

**Narrative after the remarks.** The seed's minutes of 4/23 and 6/23 give Norsk
helsenett SF's answers after the bullets. The secretary writes a line of its own
reading «[innspill]» (any case, spaces allowed) in the narrative where the bullets
go: the text above it is printed before the remarks, the text below after them.
Without the line the whole narrative comes first, as before.
"""

from __future__ import annotations

import re

REMARKS_MARKER = "[innspill]"
_MARKER_LINE = re.compile(r"^[ \t]*\[[ \t]*innspill[ \t]*\][ \t]*$", re.IGNORECASE | re.MULTILINE)


def remark_sentence(speaker: str, text: str) -> str:
    """The bullet of one remark (see the module's rule); whitespace runs become one space."""
    speaker = " ".join(speaker.split())
    text = " ".join(text.split())
    if not text:
        return ""  # who spoke without what was said is no bullet (rule 1)
    if not speaker:
        return text
    first = text[0]
    if first.isalpha() and first.islower():
        return f"{speaker} {text}"
    if names(text, speaker):
        return text
    return f"{speaker}: {text}"


def says_nothing(text: str) -> bool:
    """Whether a remark's text gives it no bullet (rule 1)."""
    return not text.strip()


def names(text: str, speaker: str) -> bool:
    """Whether `text` names `speaker` as whole words (case-insensitive)."""
    pattern = r"(?<!\w)" + re.escape(speaker) + r"(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def split_narrative(narrative: str) -> tuple[str, str]:
    """(before the remarks, after them): the narrative cut at its first «[innspill]» line.

    Later marker lines are dropped (the remarks are printed once)."""
    parts = _MARKER_LINE.split(narrative)
    before = parts[0].strip()
    after = "\n\n".join(part.strip() for part in parts[1:] if part.strip())
    return before, after


def has_marker(narrative: str) -> bool:
    return _MARKER_LINE.search(narrative) is not None
