"""What the demo holds of a meeting, in the shape the meeting-document readers give
(`importers.meeting_record`), for comparing the two: shared by the import tests."""

from __future__ import annotations

import datetime as dt
from difflib import SequenceMatcher
from typing import Any

from nuit_tui.demo import data


def demo_meeting(body: str, year: int, number: int) -> dict[str, Any]:
    return next(m for m in data.MEETINGS if (m["body"], m["year"], m["number"]) == (body, year, number))


def case(meeting: dict[str, Any], item: dict[str, Any]) -> str:
    return f"{item['seq']}/{meeting['year'] % 100:02d}"


def narrative_parts(item: dict[str, Any]) -> tuple[str, str]:
    """The demo's narrative split where the remarks fall («[innspill]»)."""
    text = item.get("narrative", "")
    if "[innspill]" in text:
        before, after = text.split("[innspill]", 1)
        return before.strip(), after.strip()
    return text.strip(), ""


def starts(meeting: dict[str, Any]) -> list[dt.time]:
    """Each agenda entry's start, from the meeting's start and the durations."""
    hour, minute = map(int, meeting["start"].split(":"))
    at = dt.datetime(2000, 1, 1, hour, minute)
    out = []
    for item in meeting["items"]:
        out.append(at.time())
        at += dt.timedelta(minutes=item.get("duration", 0))
    return out


def similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def attendance_line(entry: dict[str, Any]) -> tuple:
    return (
        entry["person"], entry.get("organization", ""), entry.get("status", "present"), entry.get("role", "member"),
        bool(entry.get("remote", False)), entry.get("arrived_at"), entry.get("left_at"), entry.get("substitute_for"),
    )


def read_line(entry) -> tuple:
    hhmm = lambda t: t.strftime("%H:%M") if t else None  # noqa: E731
    return (
        entry.name, entry.organization, entry.status, entry.role, entry.remote, hhmm(entry.arrived), hhmm(entry.left),
        entry.substitute_for,
    )
