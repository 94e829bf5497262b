"""What a document says about itself on paper, the same in Word and PDF: its properties
(title, subject, author) and the marks in its header («UTKAST», «Offentlig versjon»,
«Unntatt offentlighet, offl. § 14»).

Only the meeting's reference and the body's names go in here, never an item's text: the
properties travel with a public file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.openness import document_marking

DRAFT = "UTKAST"


@dataclass(frozen=True)
class Paper:
    title: str  # «Innkalling til NUIT møte 2/2023»
    subject: str  # «Prioriteringsutvalget (NUIT), møte 2/2023, 25. mai 2023»
    author: str  # «Sekretariatet for NUIT»
    marks: tuple[str, ...] = ()  # header lines, most important first

    @property
    def header_text(self) -> str:
        """The marks as one header line: «UTKAST – Unntatt offentlighet, offl. § 14»."""
        return " – ".join(self.marks)


def secretariat(body_short_name: str) -> str:
    """The author of every document the secretariat sends: «Sekretariatet for NUIT»."""
    return f"Sekretariatet for {body_short_name}".strip()


def subject(body_name: str, body_short_name: str, meeting_ref: str, date_text: str) -> str:
    """«Prioriteringsutvalget (NUIT), møte 2/2023, 25. mai 2023»."""
    name = f"{body_name} ({body_short_name})" if body_name and body_name != body_short_name else body_short_name
    return f"{name}, møte {meeting_ref}, {date_text}"


def paper(
    title: str, *, body_name: str, body_short_name: str, meeting_ref: str, date_text: str,
    public: bool, exempt_markers: Iterable[str], draft: bool = False,
) -> Paper:
    """A meeting document's paper: the marking by the one openness rule, «UTKAST» first."""
    marking = document_marking(public=public, markers=exempt_markers)
    marks = tuple(mark for mark in ((DRAFT if draft else ""), marking) if mark)
    return Paper(title, subject(body_name, body_short_name, meeting_ref, date_text), secretariat(body_short_name), marks)
