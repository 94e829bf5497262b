"""What importing a read document would do, part by part, before anything is written.

Each part (the meeting, an item, a remark, an attendance line, a cover note) carries a
merge status: `new` (the archive has nothing there), `same` (the archive holds the same),
`fills_in` (the archive has the part but is empty where the document has something) or
`conflict` (the archive holds something different: shown, never overwritten).
`to_json` is the shape of `nuit-tui import … --dry-run --json`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..importers.meeting_record import ReadAttendance, ReadCoverNote, ReadDocument, ReadEarlierDecision, ReadItem, ReadMeeting, ReadRemark

MergeStatus = Literal["new", "same", "fills_in", "conflict"]
NEW: MergeStatus = "new"
SAME: MergeStatus = "same"
FILLS_IN: MergeStatus = "fills_in"
CONFLICT: MergeStatus = "conflict"

# Norwegian words for the statuses (TUI and the CLI's summary).
MERGE_LABELS: dict[str, str] = {NEW: "ny", SAME: "lik", FILLS_IN: "fyller inn", CONFLICT: "konflikt"}


def same_text(a: str, b: str) -> bool:
    """Equal but for spacing and line breaks (a document wraps where the archive did not)."""
    return " ".join(a.split()) == " ".join(b.split())


# How much of a long value a one-line report shows of a conflict: this many characters from
# a little before where the document and the archive part.
EXCERPT = 100


def conflict_excerpts(read: str, archive: str, room: int = EXCERPT) -> tuple[str, str]:
    """The two values of a conflict as a line shows them: whole when both are short; else,
    as compared (spacing and line breaks folded), each from a few words before the first
    character where they differ, «…» where cut. Cut at a fixed length from the start, a
    background the archive holds the first part of showed the same words on either side."""
    if len(read) <= room and len(archive) <= room:
        return read, archive
    a, b = " ".join(read.split()), " ".join(archive.split())
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    start = max(0, at - room // 3)
    if start:  # at a word's start: the same in both, as they are alike up to `at`
        start = a.rfind(" ", 0, start) + 1
    return _excerpt(a, start, room), _excerpt(b, start, room)


def _excerpt(text: str, start: int, room: int) -> str:
    before = "…" if start else ""
    if len(text) - start <= room:
        return before + text[start:]
    end = text.rfind(" ", start, start + room)
    return before + text[start : end if end > start else start + room].rstrip() + "…"


def field_status(read: str, archive: str) -> MergeStatus | None:
    """A field's status; None when the document says nothing there (nothing to merge)."""
    if not read.strip():
        return None
    if not archive.strip():
        return FILLS_IN
    return SAME if same_text(read, archive) else CONFLICT


# How alike a remark's text must be to the archive's to be the same remark, corrected
# (difflib's ratio over the words): at its place among the item's remarks, a word or two
# changed in a sentence or more; elsewhere (the document has the remarks in another
# order), nearly the whole text.
CLOSE_REMARK = 0.6
CLOSE_REMARK_ELSEWHERE = 0.8


def _words(text: str) -> list[str]:
    return text.casefold().split()


def remark_key(speaker: str, text: str) -> tuple[str, str]:
    """A remark as it is compared: the speaker without case, both without spacing."""
    return " ".join(speaker.split()).casefold(), " ".join(text.split())


def match_remarks(read: Sequence[tuple[str, str]], stored: Sequence[tuple[str, str]]) -> list[tuple[MergeStatus, int | None]]:
    """Each read remark's status and the index of the stored remark it is (None: new).

    Both are (speaker, text) in their order. A remark the archive holds as it is, anywhere
    among the item's, is the same. One whose speaker is the same and whose text is close,
    at the same place (between the stored remarks its neighbours in the document are), is
    that remark corrected: a conflict, never a second remark. The rest (a new speaker, an
    extra bullet) are new."""
    keys = [remark_key(s, t) for s, t in stored]
    found: list[int | None] = []
    used: set[int] = set()
    for speaker, text in read:
        key = remark_key(speaker, text)
        hit = next((i for i, k in enumerate(keys) if k == key and i not in used), None)
        if hit is None:  # the document says it twice: the same, as before
            hit = next((i for i, k in enumerate(keys) if k == key), None)
        if hit is not None:
            used.add(hit)
        found.append(hit)
    statuses: list[MergeStatus] = [SAME if hit is not None else NEW for hit in found]
    for index, (speaker, text) in enumerate(read):
        if found[index] is not None:
            continue
        before = [h for h in found[:index] if h is not None]
        after = [h for h in found[index + 1 :] if h is not None]
        place = range(max(before) + 1 if before else 0, min(after) if after else len(keys))
        who, words = remark_key(speaker, "")[0], _words(text)
        ratios = {
            i: difflib.SequenceMatcher(a=words, b=_words(stored[i][1]), autojunk=False).ratio()
            for i in range(len(keys))
            if i not in used and keys[i][0] == who
        }
        near = [i for i in ratios if i in place and ratios[i] >= CLOSE_REMARK]
        near = near or [i for i in ratios if ratios[i] >= CLOSE_REMARK_ELSEWHERE]
        if near:
            best = max(near, key=lambda i: (ratios[i], -i))
            used.add(best)
            found[index] = best
            statuses[index] = CONFLICT
    return list(zip(statuses, found, strict=True))


def overall(statuses: Sequence[MergeStatus | None]) -> MergeStatus:
    """A part's status from its fields': any conflict, else any filled in, else same."""
    if CONFLICT in statuses:
        return CONFLICT
    if FILLS_IN in statuses or NEW in statuses:
        return FILLS_IN
    return SAME


@dataclass
class FieldPlan:
    """One field of a part that exists in the archive: what the document and the archive say."""

    name: str
    read: str
    archive: str
    merge: MergeStatus


@dataclass
class RemarkPlan:
    read: ReadRemark
    merge: MergeStatus
    archive: str = ""  # the archive's text of the remark the document's corrects (a conflict)


@dataclass
class ItemPlan:
    read: ReadItem
    item_id: int | None
    merge: MergeStatus
    fields: list[FieldPlan] = field(default_factory=list)
    remarks: list[RemarkPlan] = field(default_factory=list)
    skip: bool = False

    @property
    def conflicts(self) -> list[FieldPlan]:
        return [f for f in self.fields if f.merge == CONFLICT]

    @property
    def remark_conflicts(self) -> list[RemarkPlan]:
        """Remarks the document words otherwise than the archive (kept as the archive has them)."""
        return [r for r in self.remarks if r.merge == CONFLICT]


@dataclass
class AttendancePlan:
    read: ReadAttendance
    person_id: int | None
    attendance_id: int | None
    merge: MergeStatus
    fields: list[FieldPlan] = field(default_factory=list)
    skip: bool = False


@dataclass
class MeetingPlan:
    read: ReadMeeting
    meeting_id: int | None
    merge: MergeStatus
    fields: list[FieldPlan] = field(default_factory=list)
    items: list[ItemPlan] = field(default_factory=list)
    attendance: list[AttendancePlan] = field(default_factory=list)


@dataclass
class LinkPlan:
    """A row of a cover note's earlier decisions: linked when the archive holds the case."""

    read: ReadEarlierDecision
    earlier_item_id: int | None
    merge: MergeStatus  # new (a link to add), same (linked already); external rows: new


@dataclass
class CoverNotePlan:
    read: ReadCoverNote
    item_id: int | None
    merge: MergeStatus
    fields: list[FieldPlan] = field(default_factory=list)
    links: list[LinkPlan] = field(default_factory=list)
    skip: bool = False


@dataclass
class ImportPlan:
    document: ReadDocument
    body_id: int
    body: str  # the body's short name
    meetings: list[MeetingPlan] = field(default_factory=list)
    cover_notes: list[CoverNotePlan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the document's and the plan's

    def parts(self) -> list[ItemPlan | AttendancePlan | CoverNotePlan]:
        found: list[ItemPlan | AttendancePlan | CoverNotePlan] = []
        for meeting in self.meetings:
            found += meeting.items
            found += meeting.attendance
        found += self.cover_notes
        return found

    @property
    def conflicts(self) -> int:
        """How many parts (meetings included) hold a conflict."""
        return sum(1 for mt in self.meetings if mt.merge == CONFLICT) + sum(
            1 for part in self.parts() if part.merge == CONFLICT and not part.skip
        )

    @property
    def changes(self) -> int:
        """How many parts would change the archive (new or filling in), skipped ones not counted."""
        counted = [mt.merge for mt in self.meetings] + [p.merge for p in self.parts() if not p.skip]
        counted += [r.merge for mt in self.meetings for i in mt.items if not i.skip for r in i.remarks]
        return sum(1 for status in counted if status in (NEW, FILLS_IN))

    def to_json(self) -> dict[str, Any]:
        return {
            "meetings": [_meeting_json(mt, self.body) for mt in self.meetings],
            "cover_notes": [_cover_json(cn) for cn in self.cover_notes],
            "repairs": [r.model_dump() for r in self.document.repairs],
            "warnings": list(self.warnings),
        }


def _hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _conflicts_json(fields: list[FieldPlan]) -> list[dict[str, str]]:
    return [{"field": f.name, "document": f.read, "archive": f.archive} for f in fields if f.merge == CONFLICT]


def _meeting_json(plan: MeetingPlan, body: str) -> dict[str, Any]:
    read = plan.read
    return {
        "body": body,
        "number": read.number,
        "date": read.date.isoformat(),
        "start": _hhmm(read.start),
        "end": _hhmm(read.end),
        "location": read.location,
        "merge": plan.merge,
        "conflicts": _conflicts_json(plan.fields),
        "items": [_item_json(item) for item in plan.items],
        "attendance": [_attendance_json(row) for row in plan.attendance],
    }


def _item_json(plan: ItemPlan) -> dict[str, Any]:
    read = plan.read
    data: dict[str, Any] = {
        "case": read.case,
        "title": read.title,
        "type": read.type,
        "proposed_decision": read.proposed_decision,
        "decision": read.decision,
        "narrative": read.narrative,
        "remarks": [_remark_json(r) for r in plan.remarks],
        "merge": plan.merge,
        "conflicts": _conflicts_json(plan.fields)
        + [{"field": "remark", "speaker": r.read.speaker, "document": r.read.text, "archive": r.archive} for r in plan.remark_conflicts],
    }
    if read.kind == "break":
        data["kind"] = "break"
    if read.narrative_after:
        data["narrative_after"] = read.narrative_after
    if read.exempt:
        data["exempt"], data["exempt_basis"] = True, read.exempt_basis
    return data


def _remark_json(plan: RemarkPlan) -> dict[str, Any]:
    data: dict[str, Any] = {"speaker": plan.read.speaker, "text": plan.read.text, "merge": plan.merge}
    if plan.merge == CONFLICT:
        data["archive"] = plan.archive
    return data


def _attendance_json(plan: AttendancePlan) -> dict[str, Any]:
    read = plan.read
    return {
        "name": read.name,
        "organization": read.organization,
        "status": read.status,
        "role": read.role,
        "remote": read.remote,
        "arrived": _hhmm(read.arrived),
        "left": _hhmm(read.left),
        "substitute_for": read.substitute_for,
        "merge": plan.merge,
        "conflicts": _conflicts_json(plan.fields),
    }


def _cover_json(plan: CoverNotePlan) -> dict[str, Any]:
    read = plan.read
    return {
        "case": read.case,
        "title": read.title,
        "type": read.type,
        "proposed_decision": read.proposed_decision,
        "purpose": read.purpose,
        "background": read.background,
        "earlier_decisions": [
            {
                "case": link.read.case,
                "theme": link.read.theme,
                "decision": link.read.decision,
                "in_archive": link.earlier_item_id is not None,
                "merge": link.merge,
            }
            for link in plan.links
        ],
        "merge": plan.merge,
        "conflicts": _conflicts_json(plan.fields),
    }
