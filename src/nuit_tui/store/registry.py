"""SQL for the members registry: finding bodies, organisations and people by name.

Names are matched with GLOB on a pattern from `search.glob_case`, since LIKE folds
only ASCII letters and the names are Norwegian (Ærø, Østby).
"""

from __future__ import annotations

from typing import TypeVar

from ..domain import models as m
from .archive_store import ArchiveStore
from .search_query import glob_case

N = TypeVar("N", m.Organization, m.Person)

# The columns a name search looks in, per record type.
NAME_COLUMNS: dict[type[m.Record], tuple[str, ...]] = {m.Organization: ("name", "short_name"), m.Person: ("name",)}


def _name_filter(model: type[m.Record], query: str, *, starts_with: bool = False) -> tuple[str, list[str]]:
    """WHERE clause: every word of `query` occurs in one of the name columns (or, with
    `starts_with`, the first column starts with the whole query)."""
    columns = NAME_COLUMNS[model]
    query = " ".join(query.split())
    if not query:
        return "1", []
    if starts_with:
        return f"{columns[0]} GLOB ?", [glob_case(query) + "*"]
    clauses, params = [], []
    for word in query.split():
        pattern = f"*{glob_case(word)}*"
        clauses.append("(" + " OR ".join(f"coalesce({c}, '') GLOB ?" for c in columns) + ")")
        params += [pattern] * len(columns)
    return " AND ".join(clauses), params


def named(
    store: ArchiveStore, model: type[N], query: str, *, starts_with: bool = False, limit: int = 200, offset: int = 0
) -> list[N]:
    """Organisations or people by name, a page at a time, filtered by words of their names."""
    where, params = _name_filter(model, query, starts_with=starts_with)
    return store.find(model, where, params, order_by="name COLLATE NOCASE, id", limit=limit, offset=offset)


def count_named(store: ArchiveStore, model: type[N], query: str) -> int:
    where, params = _name_filter(model, query)
    return store.count(model, where, params)


def exactly_named(store: ArchiveStore, model: type[N], name: str, *, limit: int) -> list[N]:
    """Records of exactly this name, in any letter case."""
    return store.find(model, "name GLOB ?", [glob_case(name)], limit=limit)


def bodies_with_short_name(store: ArchiveStore, short_name: str) -> list[m.Body]:
    """Bodies with this short name, in any (ASCII) letter case."""
    return store.find(m.Body, "short_name = ? COLLATE NOCASE", [short_name])


def organization_called(store: ArchiveStore, name: str) -> m.Organization | None:
    """The organisation whose name or short name is exactly `name` (a remark's speaker)."""
    found = store.find(m.Organization, "name = ? OR short_name = ?", [name, name], limit=1)
    return found[0] if found else None
