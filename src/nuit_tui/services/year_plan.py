"""The year plan (årshjul): meetings, deadlines and the deadlines rules derive from them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..documents.wheel import WheelDocument, wheel_document
from ..domain import models as m
from ..domain.openness import may_publish
from ..domain.validation import InvalidRecord, checked
from ..domain.year_plan import PlanEntry, expand_rule
from ..store import ArchiveStore
from ..store import year_plan as queries
from .meetings import Meetings
from .members import Members

# Rules reach at most a year from their anchor, so anchors are read a year around.
ANCHOR_MARGIN = dt.timedelta(days=366)


class YearPlan:
    """Deadlines, deadline rules and the plan of a year."""

    def __init__(self, store: ArchiveStore, members: Members, meetings: Meetings):
        self.store = store
        self.members = members
        self.meetings = meetings

    def entries(
        self,
        year: int,
        *,
        body_id: int | None = None,
        category: str | None = None,
        public: bool = False,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> list[PlanEntry]:
        """Meetings, deadlines and derived deadlines of a year (or a window of it), in date order."""
        start = start or dt.date(year, 1, 1)
        end = end or dt.date(year, 12, 31)
        entries: list[PlanEntry] = []
        if not category or category == "møte":
            for meeting in queries.meetings_between(self.store, start, end, body_id=body_id):
                title = f"{self.members.body_by_id(meeting.body_id).short_name} møte {meeting.ref}"
                if meeting.status is m.MeetingStatus.CANCELLED:
                    title += " (avlyst)"
                entries.append(PlanEntry(meeting.date, "meeting", title, meeting.body_id, "møte", meeting.id))
        for deadline in queries.deadlines_between(self.store, start, end, body_id=body_id, category=category):
            entries.append(
                PlanEntry(deadline.date, "deadline", deadline.title, deadline.body_id, deadline.category, deadline.id, exempt=deadline.exempt)
            )
        entries += self.derived_entries(start, end, body_id=body_id, category=category)
        if public:
            entries = [e for e in entries if may_publish(e)]
        return sorted(entries, key=lambda e: (e.date, e.kind != "meeting", e.title))

    def derived_entries(
        self, start: dt.date, end: dt.date, *, body_id: int | None = None, category: str | None = None
    ) -> list[PlanEntry]:
        """The deadlines that rules derive from meetings or deadlines, from `start` to `end`;
        the anchors are read from that window only (plus a margin)."""
        rules = [r for r in queries.rules(self.store, body_id=body_id) if not category or r.category == category]
        if not rules:
            return []
        window_start, window_end = start - ANCHOR_MARGIN, end + ANCHOR_MARGIN
        # Only the meetings some rule anchors on: a body's rules read its own, not the archive's.
        anchor_bodies = {r.anchor_body_id for r in rules if r.anchor is m.RuleAnchor.MEETINGS}
        meetings = (
            queries.meetings_between(
                self.store, window_start, window_end,
                body_ids=None if None in anchor_bodies else sorted(b for b in anchor_bodies if b is not None),
            )
            if anchor_bodies
            else []
        )
        entries: list[PlanEntry] = []
        for rule in rules:
            anchors = (
                queries.deadlines_titled(self.store, rule.anchor_text, window_start, window_end)
                if rule.anchor is m.RuleAnchor.DEADLINES
                else []
            )
            entries += [e for e in expand_rule(rule, meetings, anchors) if start <= e.date <= end]
        return entries

    def deadline_days(self, year: int, *, body_id: int | None = None, category: str | None = None) -> dict[dt.date, int]:
        return queries.deadline_days(self.store, dt.date(year, 1, 1), dt.date(year, 12, 31), body_id=body_id, category=category)

    def add_deadline(self, deadline: m.Deadline) -> m.Deadline:
        return self.store.insert(deadline)

    def deadline(self, deadline_id: int) -> m.Deadline:
        return self.store.get(m.Deadline, deadline_id)

    def update_deadline(self, deadline: m.Deadline) -> m.Deadline:
        return self.store.update(deadline)

    def delete_deadline(self, deadline_id: int) -> None:
        self.store.delete(m.Deadline, deadline_id)

    def deadline_categories(self) -> list[str]:
        defaults = ["rapportering", "budsjett", "styringsdialog", "møte"]
        return list(dict.fromkeys([*defaults, *queries.categories(self.store)]))

    def add_rule(self, rule: m.DeadlineRule) -> m.DeadlineRule:
        return self.store.insert(rule)

    def rule(self, rule_id: int) -> m.DeadlineRule:
        return self.store.get(m.DeadlineRule, rule_id)

    def update_rule(self, rule: m.DeadlineRule) -> m.DeadlineRule:
        return self.store.update(rule)

    def delete_rule(self, rule_id: int) -> None:
        self.store.delete(m.DeadlineRule, rule_id)

    def rules(self, *, body_id: int | None = None) -> list[m.DeadlineRule]:
        return queries.rules(self.store, body_id=body_id)

    def rules_to_put_right(self, *, body_id: int | None = None) -> list[str]:
        """What is wrong with each rule an older version stored with a value the archive
        no longer accepts (it reads, and its dates are shown at the nearest value allowed)."""
        problems = []
        for rule in self.rules(body_id=body_id):
            try:
                checked(rule)
            except InvalidRecord as exc:
                problems.append(f"Regelen «{rule.title}» må rettes (Enter på en av datoene den gir): {exc}")
        return problems

    def default_year(self, body_id: int | None = None) -> int:
        """The year of the newest meeting, else this year: where a plan has content."""
        newest = self.meetings.page(body_id, limit=1)
        return newest[0].year if newest else dt.date.today().year

    def wheel_document(self, year: int, *, body_id: int | None = None, public: bool = False) -> WheelDocument:
        body = self.members.body_by_id(body_id) if body_id is not None else None
        return wheel_document(year, body, self.entries(year, body_id=body_id, public=public), public=public)

    def export_wheel(
        self,
        year: int,
        *,
        body_id: int | None = None,
        public: bool = False,
        out: Path | None = None,
        exports_dir: Path = Path("exports"),
    ) -> Path:
        from ..documents.names import slug
        from ..exporters import registry
        from ..files import write_export

        short = slug(self.members.body_by_id(body_id).short_name, "alle") if body_id is not None else "alle"
        name = f"arshjul-{short}-{year}{'-offentlig' if public else ''}.svg"
        data = registry.render(self.wheel_document(year, body_id=body_id, public=public), "svg")
        return write_export(data, name, out=Path(out) if out else None, exports_dir=exports_dir)
