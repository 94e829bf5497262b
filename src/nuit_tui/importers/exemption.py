"""An item a document marks exempt: the line «Unntatt offentlighet, offl. § 14» that every
notice and minutes (internal or public, ours or the secretariat's own Word files) puts
under an exempt item's heading. The item is read as exempt, with its basis, and the line
is not read into its text: an old internal notice imported must not make the item's
description public (`domain/openness.py`). Pure: a read document in, the same out.
"""

from __future__ import annotations

import re

from .meeting_record import ReadDocument, ReadItem

# «Unntatt offentlighet, offl. § 14», «Unntatt offentlighet – jf. offl. § 15 første ledd»,
# «*Unntatt offentlighet*» (Markdown), «Unntatt offentlighet» without a basis.
_MARKER = re.compile(
    r"^[\s*_]*unntatt\s+offentlighet\b[\s,:;–—-]*(?:jf\.?\s*)?"
    r"(?P<basis>(?:offl\.?|offentleglova)\s*§.{0,60}?)?[\s.*_]*$",
    re.IGNORECASE,
)
_FIELDS = ("description", "narrative", "narrative_after", "proposed_decision", "decision")


def exemption_basis(line: str) -> str | None:
    """The basis a marker line gives («offl. § 14»; "" when it gives none), None when the
    line is no marker."""
    found = _MARKER.match(line)
    if found is None:
        return None
    return " ".join((found["basis"] or "").split()).rstrip(" .*_")


def mark_exempt(document: ReadDocument) -> ReadDocument:
    """Each item whose text holds a marker line as exempt, the line taken out of the text."""
    for meeting in document.meetings:
        meeting.items = [_marked(item) for item in meeting.items]
    return document


def _marked(item: ReadItem) -> ReadItem:
    if item.kind == "break":
        return item
    basis: str | None = None
    update: dict[str, object] = {}
    for name in _FIELDS:
        kept: list[str] = []
        found = False
        for line in str(getattr(item, name)).split("\n"):
            line_basis = exemption_basis(line)
            if line_basis is None:
                kept.append(line)
                continue
            found = True
            basis = basis or line_basis
        if found:
            update[name] = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    if not update:
        return item
    return item.model_copy(update={**update, "exempt": True, "exempt_basis": basis or None})
