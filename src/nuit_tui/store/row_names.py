"""What a stored row is called in a message: «sak 22/23», «innspill fra KS i sak 22/23»,
«oppmøte for Maren Krogh», never its database id.

Plain SQL on any connection with `execute(sql, params).fetchone()`: the checkin's own
process asks through apsw (store/checkin.py), the app through `sqlite3`
(services/checkouts.py). A row the archive no longer holds is named from `row`, its
values as the checkin kept them.
"""

from __future__ import annotations

from typing import Any

from ..domain.case_numbers import CaseNumber

WORDS = {
    "agenda_items": "sak",
    "remarks": "innspill",
    "attendance": "oppmøte",
    "follow_ups": "oppfølging",
    "attachments": "vedlegg",
    "meetings": "møte",
    "item_people": "innleder/saksbehandler",
    "item_links": "tidligere behandling",
    "cover_sections": "avsnitt i toppnotatet",
    "external_decisions": "tidligere vedtak",
    "people": "person",
    "organizations": "organisasjon",
    "bodies": "utvalg",
}
_COLUMNS = {
    "agenda_items": ("kind", "title", "case_year", "case_seq"),
    "remarks": ("item_id", "speaker"),
    "attendance": ("person_id",),
    "follow_ups": ("item_id", "description"),
    "attachments": ("item_id", "label"),
    "meetings": ("body_id", "number", "year"),
    "item_people": ("item_id", "role"),
    "item_links": ("item_id",),
    "cover_sections": ("item_id", "heading"),
    "external_decisions": ("item_id",),
    "people": ("name",),
    "organizations": ("name",),
    "bodies": ("short_name",),
}
_ROLES = {"presenter": "innleder", "case_officer": "saksbehandler"}


def _fetch(conn: Any, table: str, row_id: int | None, columns: tuple[str, ...]) -> dict[str, Any] | None:
    if row_id is None:
        return None
    found = conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return None if found is None else dict(zip(columns, found, strict=True))


def _item(values: dict[str, Any] | None) -> str:
    if values is None:
        return "en sak som ikke lenger finnes"
    if values.get("kind") == "break":
        return f"pausen «{values.get('title') or 'Pause'}»"
    if values.get("case_year") is not None and values.get("case_seq") is not None:
        return f"sak {CaseNumber(int(values['case_year']), int(values['case_seq']))}"
    return f"saken «{values.get('title') or 'uten tittel'}»"


def _name(conn: Any, table: str, row_id: int | None, column: str = "name") -> str:
    found = _fetch(conn, table, row_id, (column,))
    return str(found[column]) if found else "?"


def row_name(conn: Any, table: str, row_id: int, row: dict[str, Any] | None = None) -> str:
    """The row of `table` with this id, as a message names it (lower case first)."""
    columns = _COLUMNS.get(table)
    word = WORDS.get(table, table)
    if columns is None:
        return f"{word} {row_id}"
    values = {c: row.get(c) for c in columns} if row is not None else _fetch(conn, table, row_id, columns)
    if table == "agenda_items":
        return _item(values)
    if values is None:
        return f"{word} som ikke lenger finnes"
    item = _item(_fetch(conn, "agenda_items", values["item_id"], _COLUMNS["agenda_items"])) if "item_id" in values else ""
    if table == "remarks":
        return f"innspill fra {values['speaker']} i {item}" if values.get("speaker") else f"innspill i {item}"
    if table == "attendance":
        return f"oppmøte for {_name(conn, 'people', values['person_id'])}"
    if table == "meetings":
        return f"møte {_name(conn, 'bodies', values['body_id'], 'short_name')} {values['number']}/{values['year']}"
    if table == "follow_ups":
        return f"oppfølging i {item}" if values.get("item_id") is not None else f"oppfølging «{values.get('description') or ''}»"
    if table == "attachments":
        return f"{values.get('label') or 'vedlegg'} i {item}"
    if table == "item_people":
        return f"{_ROLES.get(str(values.get('role')), word)} i {item}"
    if "item_id" in values:
        return f"{word} i {item}"
    return f"{word} {values[columns[0]]}"


def capitalized(text: str) -> str:
    """«Sak 22/23» where a message starts with it."""
    return text[:1].upper() + text[1:]
