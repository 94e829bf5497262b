"""What of the archive may appear in a public document: one rule for every public format.

Public documents are the public notice and minutes (Markdown, HTML, Word), the public
calendar file, the public årshjul, and what comes later (a meeting package, e-mail).
They are built by the services from the functions below and from nothing else, so that
every format hides the same things. Pure: records in, decisions out.

The rule (offentleglova; DOMAIN.md, «Openness»):

1. **An exempt agenda item** (unntatt offentlighet) shows in public its case number,
   its type, its time in the agenda, the fixed words of its outcome («Saken ble
   utsatt til møte 3/2023.») and the marker «Unntatt offentlighet, offl. § 14» (its basis, when given).
   Its **title** is shown too, unless the secretary marked the title exempt as well
   («Også tittelen er unntatt»): then «Unntatt offentlighet» stands in its place.
   That is the secretary's call per item because a case's heading is public
   (postjournal) unless the heading itself tells what is exempt. Nothing else of the
   item: description, purpose, background, proposed and adopted decision, narrative,
   remarks, attachments, presenters, case officers, earlier handlings in its cover
   note, follow-ups it handed out.
2. **Remarks and follow-ups** have no mark of their own: they are public when their
   item is (a follow-up of no item is public).
3. **An attachment** is public when neither it nor its item is exempt.
4. **An earlier handling** cited in a public cover note shows its citation (case
   number and date) and its title by rule 1; its decision only when it is not exempt.
   One typed in that the archive does not hold («Nasjonalt e-helseråd 3/23») shows its
   citation and theme; its wording only when it is not marked exempt.
5. **An exempt deadline** shows nothing in public, not even its date.
6. **A derived deadline** (a relative rule's date) is exempt when its rule is, or when
   what it is counted from (its anchor) is exempt – transitively, through every step it
   is counted from: «7 dager før HEMMELIG» published would tell the exempt date.
   Meetings are never exempt (a body's meeting dates are public), so a date counted
   from a meeting is exempt only by its rule.

Internal documents show everything and mark what is exempt: the items' marker as
above; in the internal calendar an exempt event is `CLASS:CONFIDENTIAL` with
«[Unntatt offentlighet] » before its summary (`internal_summary`), and a meeting whose
agenda shows an exempt title is `CLASS:CONFIDENTIAL`, «(delvis unntatt offentlighet)»
after its summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

EXEMPT = "Unntatt offentlighet"
INTERNAL_PREFIX = f"[{EXEMPT}] "
PARTLY_EXEMPT = "(delvis unntatt offentlighet)"


class _ItemLike(Protocol):
    title: str
    exempt: bool
    title_exempt: bool
    exempt_basis: str | None


# Any record: one without an `exempt` mark of its own (a remark, a follow-up) is exempt
# only through what it belongs to.
def is_exempt(subject: object, *counted_from: object) -> bool:
    """Whether `subject` is exempt: marked itself, or anything it belongs to or is counted
    from is (a remark's item, an attachment's item, a derived date's rule and anchor).
    Give the whole chain; a bool stands for a link already decided by this rule."""
    for link in (subject, *counted_from):
        if isinstance(link, bool):
            if link:
                return True
        elif link is not None and bool(getattr(link, "exempt", False)):
            return True
    return False


def may_publish(subject: object, *counted_from: object) -> bool:
    """Whether a public document may show `subject` (rules 2, 3, 5 and 6)."""
    return not is_exempt(subject, *counted_from)


def exemption_text(basis: str | None) -> str:
    """«Unntatt offentlighet, offl. § 14», or just «Unntatt offentlighet» without a basis."""
    basis = " ".join((basis or "").split())
    return f"{EXEMPT}, {basis}" if basis else EXEMPT


def item_marker(item: _ItemLike) -> str:
    """The marker an exempt item carries in every document, public or internal; "" when open."""
    return exemption_text(item.exempt_basis) if item.exempt else ""


def title_is_public(item: _ItemLike) -> bool:
    """Rule 1: an item's title is public unless the item and its title are both exempt."""
    return not (item.exempt and item.title_exempt)


def item_title(item: _ItemLike, *, public: bool) -> str:
    """The title a document shows: in public, «Unntatt offentlighet» for an exempt title."""
    return item.title if not public or title_is_public(item) else EXEMPT


def item_content_public(item: _ItemLike) -> bool:
    """Rule 1: whether anything of the item beyond number, type, title and marker is public."""
    return not item.exempt


def item_line(case_number: str, item: _ItemLike, *, public: bool) -> str:
    """An item on one line, as a list or a calendar shows it: «18/23 Tittel (Unntatt
    offentlighet, offl. § 14)»; with the title hidden, «19/23 Unntatt offentlighet, offl. § 14»."""
    if public and not title_is_public(item):
        return f"{case_number} {item_marker(item)}".strip()
    line = f"{case_number} {item.title}".strip()
    return f"{line} ({item_marker(item)})" if item.exempt else line


def internal_summary(summary: str, *, exempt: bool) -> str:
    """An event's summary in the internal calendar: exempt ones are marked in front."""
    return INTERNAL_PREFIX + summary if exempt else summary


class ItemFields:
    """Plain values standing for an item where only columns were read (calendar rows)."""

    __slots__ = ("title", "exempt", "title_exempt", "exempt_basis")

    def __init__(self, title: Any, exempt: Any, title_exempt: Any, exempt_basis: Any):
        self.title = title or ""
        self.exempt = bool(exempt)
        self.title_exempt = bool(title_exempt)
        self.exempt_basis = exempt_basis


PUBLIC_VERSION = "Offentlig versjon"


def document_marking(*, public: bool, markers: Iterable[str]) -> str:
    """The line in a document's header that says who may read it: «Offentlig versjon» on a
    public version; on an internal one that holds exempt content, «Unntatt offentlighet,
    offl. § 14» with every basis its exempt parts give (in their order); else "".

    `markers` are the exempt parts' markers (`item_marker`, or EXEMPT for an exempt
    attachment of an open item); empty strings stand for open parts."""
    if public:
        return PUBLIC_VERSION
    prefix = f"{EXEMPT}, "
    bases: list[str] = []
    exempt = False
    for marker in markers:
        if not marker:
            continue
        exempt = True
        basis = marker[len(prefix):] if marker.startswith(prefix) else ""
        if basis and basis not in bases:
            bases.append(basis)
    return exemption_text(", ".join(bases)) if exempt else ""
