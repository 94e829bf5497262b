"""Names read from a scanned document, matched against the body's registry.

OCR damages names in a few ways only: diacritics changed (ä/å, ø/o, é/e), a letter
doubled or dropped, two letters swapped, one misread, the case changed. A person or
organisation the registry knows wins over a new one when it is within a small edit
distance of what was read, and only when it is the one such name: two known names
equally close are left as read (and said in a warning by the caller).

Pure: names in, names out; the caller lists every correction as a `Repair`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .meeting_record import ReadDocument, Repair

# Letters OCR reads as one another, folded to one form before comparing.
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "ö": "o", "ó": "o", "ò": "o", "å": "a", "ä": "a", "á": "a", "à": "a", "ü": "u", "é": "e", "è": "e"})


def fold(name: str) -> str:
    """The name compared: lower case, diacritics folded, doubled letters single,
    only letters and digits (so «Anne-Lise Härter» and «anne lise harter» are one)."""
    text = name.casefold().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    letters = [c for c in text if c.isalnum()]
    single: list[str] = []
    for c in letters:
        if not single or single[-1] != c:
            single.append(c)
    return "".join(single)


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance with adjacent swaps counting one (optimal string alignment);
    anything above `limit` is returned as `limit + 1` (early exit)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_distance(folded: str) -> int:
    """How far a read name may be from a known one: none for short names (initials,
    «KS», «FFO» are too easily another name), one up to ten letters, two beyond."""
    if len(folded) < 5:
        return 0
    return 1 if len(folded) <= 10 else 2


@dataclass(frozen=True)
class NameMatch:
    """What a read name was matched to: the known name (None: a new name), and the
    known names equally close when there was no single one (left as read)."""

    name: str | None
    ambiguous: tuple[str, ...] = ()

    @property
    def corrected(self) -> bool:
        return self.name is not None


class NameIndex:
    """The registry's names (people or organisations), folded once, for matching many."""

    def __init__(self, names: Iterable[str]):
        self.names: dict[str, str] = {}  # exact name -> itself
        self._folded: dict[str, list[str]] = {}
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        if name in self.names:
            return
        self.names[name] = name
        self._folded.setdefault(fold(name), []).append(name)

    def match(self, read: str) -> NameMatch:
        """The known name `read` stands for: itself when known exactly; else the one known
        name whose folded form is equal or within the allowed distance."""
        read = " ".join(read.split())
        if not read:
            return NameMatch(None)
        if read in self.names:
            return NameMatch(read)
        folded = fold(read)
        same = self._folded.get(folded, [])
        if len(same) == 1:
            return NameMatch(same[0])
        if len(same) > 1:
            return NameMatch(None, tuple(same))
        limit = allowed_distance(folded)
        if limit == 0:
            return NameMatch(None)
        best: list[str] = []
        best_distance = limit + 1
        for key, names in self._folded.items():
            d = distance(folded, key, limit)
            if d < best_distance:
                best, best_distance = list(names), d
            elif d == best_distance and d <= limit:
                best.extend(names)
        if best_distance > limit:
            return NameMatch(None)
        if len(best) == 1:
            return NameMatch(best[0])
        return NameMatch(None, tuple(best))


def _corrected(read: str, index: NameIndex, where: str, what: str, repairs: list[Repair], warnings: list[str]) -> str:
    found = index.match(read)
    if found.name is not None and found.name != " ".join(read.split()):
        repairs.append(Repair(original=read, repaired=found.name, where=where, reason=f"kjent {what} i registeret"))
        return found.name
    if found.ambiguous:
        warnings.append(f"{where}: «{read}» ligner flere i registeret ({', '.join(found.ambiguous)}); lest som det står")
    return read


def correct_names(document: ReadDocument, people: NameIndex, organizations: NameIndex) -> ReadDocument:
    """The document with its people's and organisations' names matched against the
    registry (attendance, members, substitutes, remarks' speakers); each correction is
    added to `repairs`, each name too close to two known ones to `warnings`."""
    repairs: list[Repair] = []
    warnings: list[str] = []
    meetings = []
    for meeting in document.meetings:
        ref = f"møte {meeting.number}"

        def person(name: str, where: str) -> str:
            return _corrected(name, people, where, "person", repairs, warnings)

        def organization(name: str, where: str) -> str:
            return _corrected(name, organizations, where, "organisasjon", repairs, warnings) if name else name

        attendance = [
            row.model_copy(
                update={
                    "name": person(row.name, f"{ref}, oppmøte"),
                    "organization": organization(row.organization, f"{ref}, oppmøte {row.name}"),
                    "substitute_for": person(row.substitute_for, f"{ref}, stedfortreder for") if row.substitute_for else None,
                }
            )
            for row in meeting.attendance
        ]
        members = [
            row.model_copy(update={"name": person(row.name, f"{ref}, medlemmer"), "organization": organization(row.organization, f"{ref}, medlemmer")})
            for row in meeting.members
        ]
        items = []
        for item in meeting.items:
            remarks = []
            for remark in item.remarks:
                speaker = remark.speaker
                where = f"sak {item.case}, innspill"
                if speaker and speaker not in organizations.names and speaker not in people.names:
                    # A speaker is an organisation most often, else a person.
                    as_org = organizations.match(speaker)
                    speaker = (
                        organization(speaker, where) if as_org.name is not None or not people.match(speaker).corrected else person(speaker, where)
                    )
                remarks.append(remark.model_copy(update={"speaker": speaker}))
            items.append(item.model_copy(update={"remarks": remarks}))
        meetings.append(meeting.model_copy(update={"attendance": attendance, "members": members, "items": items}))
    return document.model_copy(
        update={"meetings": meetings, "repairs": [*document.repairs, *repairs], "warnings": [*document.warnings, *warnings]}
    )
