"""The follow-up register's queries: follow-ups with the item, meeting and body
they came from, filtered and paged in SQL."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .search_query import glob_case

if TYPE_CHECKING:
    from .archive_store import ArchiveStore

STATUSES = ("open", "overdue", "done")

_SELECT = """
SELECT f.*, i.meeting_id AS meeting_id, i.title AS item_title, i.case_year AS case_year,
       i.case_seq AS case_seq, i.exempt AS item_exempt, i.title_exempt AS item_title_exempt,
       mt.date AS meeting_date, mt.year AS meeting_year, mt.number AS meeting_number,
       mt.body_id AS body_id, b.short_name AS body
FROM follow_ups f
LEFT JOIN agenda_items i ON i.id = f.item_id
LEFT JOIN meetings mt ON mt.id = i.meeting_id
LEFT JOIN bodies b ON b.id = mt.body_id
LEFT JOIN organizations o ON o.id = f.responsible_organization_id
LEFT JOIN people p ON p.id = f.responsible_person_id
"""

# Open ones first, the most pressing (earliest deadline) on top; then the done ones, latest first.
_ORDER = """
ORDER BY f.status = 'done', CASE WHEN f.status = 'open' THEN coalesce(f.due_date, '9999-12-31') END,
         f.closed_on DESC, mt.date, f.id
"""


def register(
    store: ArchiveStore,
    *,
    today: dt.date,
    body_id: int | None = None,
    responsible: str | None = None,
    status: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Rows of the register. `status`: open, overdue (open and due before `today`), done, or None for all."""
    clauses: list[str] = ["1"]
    params: list[object] = []
    if status == "open":
        clauses.append("f.status = 'open'")
    elif status == "overdue":
        clauses.append("f.status = 'open' AND f.due_date < ?")
        params.append(today.isoformat())
    elif status == "done":
        clauses.append("f.status = 'done'")
    elif status is not None:
        raise ValueError(f"unknown status {status!r}")
    if body_id is not None:
        clauses.append("mt.body_id = ?")
        params.append(body_id)
    for word in (responsible or "").split():
        # æøå fold by GLOB classes: LIKE folds ASCII only.
        clauses.append("(f.responsible || ' ' || coalesce(o.name, '') || ' ' || coalesce(o.short_name, '') || ' ' || coalesce(p.name, '')) GLOB ?")
        params.append(f"*{glob_case(word)}*")
    sql = f"{_SELECT} WHERE {' AND '.join(clauses)} {_ORDER} LIMIT {int(limit)} OFFSET {int(offset)}"
    return store._select(sql, params)


def _before(date: dt.date, number: int) -> tuple[str, list[object]]:
    """The body's meetings before the one on `date` numbered `number`, in the body's order
    as `previous_meeting` counts it: by date, then number (a morning meeting's before the
    afternoon's)."""
    day = date.isoformat()
    return "(mt.date < ? OR (mt.date = ? AND mt.number < ?))", [day, day, number]


def pending_for_meeting(
    store: ArchiveStore, body_id: int, date: dt.date, number: int, *, limit: int = 200
) -> list[dict[str, Any]]:
    """Follow-ups from the body's earlier meetings (see `_before`) still open on `date` (open
    now, or closed on or after that day): what the meeting should hear about."""
    before, params = _before(date, number)
    sql = (
        f"{_SELECT} WHERE mt.body_id = ? AND {before}"
        " AND (f.status = 'open' OR f.closed_on >= ?)"
        f" ORDER BY mt.date, mt.number, i.position, f.id LIMIT {int(limit)}"
    )
    return store._select(sql, [body_id, *params, date.isoformat()])


def count_open_for_meeting(store: ArchiveStore, body_id: int, date: dt.date, number: int) -> int:
    before, params = _before(date, number)
    row = store.conn.execute(
        "SELECT count(*) FROM follow_ups f JOIN agenda_items i ON i.id = f.item_id"
        f" JOIN meetings mt ON mt.id = i.meeting_id WHERE mt.body_id = ? AND {before} AND f.status = 'open'",
        [body_id, *params],
    ).fetchone()
    return row[0]
