"""Build the demo archive from demo/data.py through the service API.

The demo is built into a temporary file beside the target and renamed into
place, so a half-built demo never shows up as an archive.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from typing import Any

from ..domain import models as m
from ..services import Archive
from ..store import errors, inspect_file
from . import data
from .cover_notes import COVER_NOTES
from .seed_meetings import SeedSources, complete_from_data, import_seed_meeting
from .steering_documents import import_steering_deadlines

DEMO_MARK = "demo"


def build_demo(archive: Archive) -> SeedSources:
    """Fill an empty archive with the demo's bodies, people and meetings: NUIT 1/2023 and
    2/2023 imported from the seed's text where this build has the readers (seed_meetings.py),
    the rest from data.py. Returns how much of the seed meetings came from each."""
    store = archive.store
    sources = SeedSources()
    with store.write():
        orgs = {o["name"]: store.insert(m.Organization(name=o["name"], short_name=o.get("short_name"))) for o in data.ORGANIZATIONS}
        bodies = {b["short_name"]: archive.members.add_body(b["short_name"], b["name"]) for b in data.BODIES}
        people = {
            p["name"]: archive.members.add_person(p["name"], orgs[p["organization"]].stored_id if p.get("organization") else None)
            for p in data.PEOPLE
        }
        for position, ms in enumerate(data.MEMBERSHIPS, start=1):
            archive.members.add_membership(
                m.Membership(
                    person_id=people[ms["person"]].stored_id,
                    body_id=bodies[ms["body"]].stored_id,
                    role=ms["role"],
                    organization_id=orgs[ms["organization"]].stored_id if ms.get("organization") else None,
                    substitute_for_person_id=people[ms["substitute_for"]].stored_id if ms.get("substitute_for") else None,
                    valid_from=ms.get("valid_from"),
                    valid_to=ms.get("valid_to"),
                    position=position,
                )
            )
        # Earlier meetings first, so that links to earlier handlings resolve.
        items_by_case: dict[tuple[str, int, int], m.AgendaItem] = {}
        pending_links: list[tuple[m.AgendaItem, list[dict[str, Any]]]] = []
        for md in sorted(data.MEETINGS, key=lambda md: md["date"]):
            body = bodies[md["body"]]
            imported = import_seed_meeting(archive, md, sources)
            if imported is not None:
                ordered = complete_from_data(archive, imported, md, people, orgs, sources, _insert_entry)
                for item, entry in zip(ordered, md["items"], strict=True):
                    if item.case_year is not None and item.case_seq is not None:
                        items_by_case[(md["body"], item.case_year, item.case_seq)] = item
                    if entry.get("earlier_handlings"):
                        pending_links.append((item, entry["earlier_handlings"]))
                continue
            meeting = archive.meetings.create(
                body.stored_id,
                dt.date.fromisoformat(md["date"]),
                dt.time.fromisoformat(md["start"]),
                dt.time.fromisoformat(md["end"]),
                location=md.get("location"),
                video_link=md.get("video_link"),
                number=md["number"],
                status=m.MeetingStatus(md["status"]),
                standard_items=False,
            )
            # The seed's case numbers are inserted as they are, not renumbered.
            for position, entry in enumerate(md["items"], start=1):
                item = _insert_entry(archive, meeting, position, entry, people, orgs)
                if item.case_year is not None and item.case_seq is not None:
                    items_by_case[(md["body"], item.case_year, item.case_seq)] = item
                if entry.get("earlier_handlings"):
                    pending_links.append((item, entry["earlier_handlings"]))
            for position, ad in enumerate(md.get("attendance", []), start=1):
                archive.attendance.add(
                    m.Attendance(
                        meeting_id=meeting.id,
                        person_id=people[ad["person"]].id,
                        role=ad.get("role", "member"),
                        status=ad.get("status", "present"),
                        remote=ad.get("remote", False),
                        organization_id=orgs[ad["organization"]].id if ad.get("organization") else None,
                        substitute_for_person_id=people[ad["substitute_for"]].id if ad.get("substitute_for") else None,
                        arrived_at=ad.get("arrived_at"),
                        left_at=ad.get("left_at"),
                        position=position,
                    )
                )
        for item, links in pending_links:
            for link in links:
                earlier = items_by_case[(link["body"], link["year"], link["seq"])]
                archive.agenda.link_earlier(item.stored_id, earlier.stored_id)
        _add_cover_notes(archive, items_by_case)
        import_steering_deadlines(archive)  # the year plan's deadlines, from the 2023 steering documents
        store.set_meta(DEMO_MARK, "1")
    return sources


def _insert_entry(
    archive: Archive,
    meeting: m.Meeting,
    position: int,
    entry: dict[str, Any],
    people: dict[str, m.Person],
    orgs: dict[str, m.Organization],
) -> m.AgendaItem:
    store = archive.store
    if entry["kind"] == "break":
        return store.insert(
            m.AgendaItem(
                meeting_id=meeting.id,
                kind=m.EntryKind.BREAK,
                position=position,
                title=entry["title"],
                duration_minutes=entry["duration"],
            )
        )
    item = store.insert(
        m.AgendaItem(
            meeting_id=meeting.id,
            position=position,
            case_year=meeting.year,
            case_seq=entry["seq"],
            number_locked=meeting.status.numbers_frozen,
            title=entry["title"],
            item_type=entry.get("item_type"),
            duration_minutes=entry.get("duration", 0),
            description=entry.get("description", ""),
            purpose=entry.get("purpose", ""),
            background=entry.get("background", ""),
            proposed_decision=entry.get("proposed_decision", ""),
            decision=entry.get("decision", ""),
            narrative=entry.get("narrative", ""),
            state=entry.get("state", "planned"),
            exempt=entry.get("exempt", False),
            exempt_basis=entry.get("exempt_basis"),
        )
    )
    for role, key in ((m.PersonRole.PRESENTER, "presenters"), (m.PersonRole.CASE_OFFICER, "case_officers")):
        if entry.get(key):
            archive.agenda.set_item_people(item.stored_id, role, [people[name].stored_id for name in entry[key]])
    for attachment in entry.get("attachments", []):
        if attachment["title"].startswith("Toppnotat "):
            continue  # the seed's «Vedlegg 3: Toppnotat …» is the item's cover note, made from the item itself
        archive.agenda.add_attachment(
            m.Attachment(item_id=item.id, label=attachment["label"], title=attachment["title"], location=attachment.get("location"))
        )
    for remark in entry.get("remarks", []):
        org = orgs.get(remark.get("organization") or "")
        archive.minutes.add_remark(
            m.Remark(item_id=item.id, speaker=remark["speaker"], organization_id=org.id if org else None, text=remark["text"])
        )
    return item


def ensure_demo(path: Path, *, fresh: bool = False) -> bool:
    """Build the demo at `path` unless a demo is already there; True when built.

    A file there that is not a demo is never overwritten.
    """
    path = Path(path)
    report = inspect_file(path)
    if report.exists and not report.empty:
        archive = Archive.open(path, create=False)
        try:
            is_demo = archive.store.meta().get(DEMO_MARK) == "1"
        finally:
            archive.close()
        if not is_demo:
            raise errors.Conflict(f"{path} finnes og er ikke et demoarkiv; velg en annen fil med --db")
        if not fresh:
            return False
    tmp = path.with_name(f".{path.name}.building")
    _remove_database(tmp)
    archive = Archive.open(tmp)
    try:
        build_demo(archive)
        archive.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        archive.close()
        _remove_database(tmp)
        raise
    archive.close()
    _remove_database(path)
    os.replace(tmp, path)
    return True


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def _add_cover_notes(archive: Archive, items_by_case: dict[tuple[str, int, int], m.AgendaItem]) -> None:
    """What the cover notes of NUIT 2/2023 hold beyond the item's own fields (demo/cover_notes.py)."""
    for seq, note in COVER_NOTES.items():
        item = archive.agenda.item(items_by_case[("NUIT", 2023, seq)].stored_id)
        fields: dict[str, Any] = {key: note[key] for key in ("submitted_by", "earlier_intro", "earlier_none") if key in note}
        if fields:
            archive.agenda.update_item(item.model_copy(update=fields))
        for heading, text in note.get("sections", []):
            archive.cover_notes.add_section(m.CoverSection(item_id=item.stored_id, heading=heading, text=text))
        for link in note.get("links", []):
            earlier = items_by_case[(link["body"], link["year"], link["seq"])]
            archive.agenda.link_earlier(item.stored_id, earlier.stored_id)
        for external in note.get("external", []):
            archive.cover_notes.add_external(m.ExternalDecision(item_id=item.stored_id, **external))
