"""The cover note of an item (toppnotat) as one view, laid out as the seed's.

The item's title; the box Til · Dato · Saksnummer · Type, then Fra · Saksbehandler;
the sections Forslag til vedtak, Hensikt med saken, Bakgrunn and the secretary's own
(«Til drøfting», «Videre saksprosess» …); last «Vedtak fra tidligere behandlinger i
rådsmodellen» (Sak | Tema | Vedtaksformulering) from the archive's links and the
decisions typed in, or «Ingen»/«N/A». Every format takes its headings and labels
from here, so they read the same in Word, Markdown and HTML. Public redaction
happens here, by the one rule of `domain.openness`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain import models as m
from ..domain.cover_note import meeting_label
from ..domain.norwegian import citation_date, numeric_date
from ..domain.openness import EXEMPT, item_content_public, item_marker, item_title, may_publish

PROPOSAL = "Forslag til vedtak"
PURPOSE = "Hensikt med saken"
BACKGROUND = "Bakgrunn"
EARLIER = "Vedtak fra tidligere behandlinger i rådsmodellen"
EARLIER_COLUMNS = ("Sak", "Tema", "Vedtaksformulering")
BOX_LABELS = ("Til", "Dato", "Saksnummer", "Type")
PEOPLE_LABELS = ("Fra", "Saksbehandler")


@dataclass(frozen=True)
class CoverNoteSection:
    heading: str
    text: str


@dataclass(frozen=True)
class EarlierDecision:
    """A row of «Vedtak fra tidligere behandlinger i rådsmodellen»."""

    citation: str  # "NUIT 8/22 (17.2.22)", "Nasjonalt e-helseråd 3/23 (2.3.23)"
    topic: str
    decision: str


@dataclass(frozen=True)
class CoverNoteDocument:
    body_short_name: str
    case_number: str  # "17/23"
    title: str  # the item's title ("Unntatt offentlighet" in public when the title is exempt)
    box: tuple[tuple[str, str], ...]  # (Til, Møte 2/23), (Dato, 25.05.2023), (Saksnummer, …), (Type, …)
    people: tuple[tuple[str, str], ...]  # (Fra, …), (Saksbehandler, …); empty for a public exempt item
    sections: tuple[CoverNoteSection, ...]  # the non-empty ones, in order
    earlier_intro: str  # words above the table (or instead of it)
    earlier: tuple[EarlierDecision, ...]
    earlier_none: str  # "Ingen" / "N/A": said when there are no rows
    public: bool
    exemption: str = ""  # "Unntatt offentlighet, offl. § 14" on an exempt item

    @property
    def heading(self) -> str:
        return self.title

    @property
    def document_title(self) -> str:
        """The file's title: no item text, so it is safe in any document's metadata."""
        return f"Toppnotat {self.body_short_name} sak {self.case_number}".strip()

    @property
    def has_earlier_section(self) -> bool:
        return bool(self.earlier or self.earlier_intro or self.earlier_none)

    @property
    def earlier_in_place_of_rows(self) -> str:
        """«Ingen» or «N/A» where the table would be; "" when there are rows."""
        return "" if self.earlier else self.earlier_none


def earlier_from_archive(citation: str, meeting: m.Meeting, earlier: m.AgendaItem, *, public: bool) -> EarlierDecision:
    """A linked item of the archive: `citation` is its case with its body ("NUIT 8/22"),
    the date of its meeting is added; its adopted decision is the wording (rule 4)."""
    citation = f"{citation} ({citation_date(meeting.date)})"
    if public and not item_content_public(earlier):
        return EarlierDecision(citation, item_title(earlier, public=True), item_marker(earlier))
    return EarlierDecision(citation, earlier.title, earlier.decision.strip())


def earlier_external(decision: m.ExternalDecision, *, public: bool) -> EarlierDecision:
    """A decision the archive does not hold, as typed: its citation (with its date when
    given) and theme are public, its wording not when it is marked exempt (rule 4)."""
    citation = decision.citation.strip()
    if decision.decided_on is not None:
        citation = f"{citation} ({citation_date(decision.decided_on)})"
    wording = decision.decision.strip() if not public or may_publish(decision) else EXEMPT
    return EarlierDecision(citation, decision.topic.strip(), wording)


def cover_note_document(
    body: m.Body,
    meeting: m.Meeting,
    case_number: str,
    item: m.AgendaItem,
    *,
    presenters: Sequence[m.Person],
    case_officers: Sequence[m.Person],
    sections: Sequence[m.CoverSection],
    earlier: Sequence[EarlierDecision],
    public: bool,
) -> CoverNoteDocument:
    """The cover note from its records; `earlier` is already built for the same audience."""
    box = (
        (BOX_LABELS[0], meeting_label(meeting.number, meeting.year)),
        (BOX_LABELS[1], numeric_date(meeting.date)),
        (BOX_LABELS[2], case_number),
        (BOX_LABELS[3], item.item_type.value if item.item_type else ""),
    )
    title, exemption = item_title(item, public=public), item_marker(item)
    if public and not item_content_public(item):
        # Rule 1: number, type, title (unless it is exempt too) and the marker; nothing else.
        return CoverNoteDocument(
            body.short_name, case_number, title, box, people=(), sections=(), earlier_intro="", earlier=(),
            earlier_none="", public=public, exemption=exemption,
        )
    submitted_by = item.submitted_by.strip() or ", ".join(p.name for p in presenters)
    people = ((PEOPLE_LABELS[0], submitted_by), (PEOPLE_LABELS[1], ", ".join(p.name for p in case_officers)))
    standard = [
        CoverNoteSection(PROPOSAL, item.proposed_decision.strip()),
        CoverNoteSection(PURPOSE, item.purpose.strip()),
        CoverNoteSection(BACKGROUND, item.background.strip()),
    ]
    own = [CoverNoteSection(s.heading.strip(), s.text.strip()) for s in sections]
    return CoverNoteDocument(
        body.short_name,
        case_number,
        title,
        box,
        people=people,
        # The standard sections when written; the secretary's own always (a heading added is meant).
        sections=tuple([s for s in standard if s.text] + own),
        earlier_intro=item.earlier_intro.strip(),
        earlier=tuple(earlier),
        earlier_none=item.earlier_none,
        public=public,
        exemption=exemption,
    )


# What a file name may not hold on Windows, macOS or Linux, and what would hide it or
# steer it elsewhere: replaced by a space.
_NOT_IN_NAME = set('/\\:*?"<>|')
NAME_MAX = 120


def name_part(text: str) -> str:
    """Text as a part of a file name: letters (æøå too), digits and plain punctuation;
    path separators, characters Windows refuses and control characters become spaces."""
    kept = "".join(" " if c in _NOT_IN_NAME or not c.isprintable() else c for c in unicodedata.normalize("NFC", text))
    return " ".join(kept.split()).strip(" .")[:NAME_MAX].strip(" .")


def file_name(doc: CoverNoteDocument, fmt: str) -> str:
    """The seed's naming: "Toppnotat_Sak 17-23_Forslag til måleindikatorer ….docx"
    ("…_offentlig.docx" for the public version)."""
    case = name_part(doc.case_number.replace("/", "-")) or "uten nummer"
    title = name_part(doc.title) or "uten tittel"
    suffix = "_offentlig" if doc.public else ""
    return f"Toppnotat_Sak {case}_{title}{suffix}.{fmt}"
