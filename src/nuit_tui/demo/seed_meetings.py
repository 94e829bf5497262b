"""The demo's NUIT meetings 1/2023 and 2/2023, imported from the seed's text.

The seed's minutes of 1/2023 and notice of 2/2023 (under seeds/) are read by the same
readers and imported by the same service as `nuit-tui import minutes|notice`; then what
those documents do not say is completed from demo/data.py: the durations of 1/2023 (its
minutes give no times) and its breaks, the cover notes' purpose and background, the
presenters and case officers, openness, earlier handlings. Should the importer read a
field otherwise than data.py has it, data.py's value is kept (the demo stays what it was)
and the field is counted under `from_data`, so a test can hold the importer to zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..domain import models as m

if TYPE_CHECKING:
    from ..importers.meeting_record import DocumentKind
    from ..services import Archive

# (body, year, number) -> (file under seeds/, kind)
SEED_DOCUMENTS: dict[tuple[str, int, int], tuple[str, DocumentKind]] = {
    ("NUIT", 2023, 1): ("nuit-2023-moete1-referat.txt", "minutes"),
    ("NUIT", 2023, 2): ("nuit-2023-moete2-innkalling.txt", "notice"),
}
# What an item of data.py holds that the seed's notice and minutes do not (the cover notes,
# the demo's choices): always from data.py.
DATA_ONLY_FIELDS = ("purpose", "background", "exempt", "exempt_basis")
# What the importer reads, compared with data.py field by field.
READ_FIELDS = {
    "title": "title", "item_type": "item_type", "description": "description",
    "proposed_decision": "proposed_decision", "decision": "decision", "narrative": "narrative", "state": "state",
}


@dataclass
class SeedSources:
    """How much of the seed meetings came from the importer and how much from data.py."""

    from_import: dict[str, int] = field(default_factory=dict)
    from_data: dict[str, int] = field(default_factory=dict)

    def count(self, imported: bool, what: str, n: int = 1) -> None:
        target = self.from_import if imported else self.from_data
        target[what] = target.get(what, 0) + n


def seed_text(name: str) -> str | None:
    path = resources.files(__package__).joinpath("seeds", name)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def import_seed_meeting(archive: Archive, md: dict[str, Any], sources: SeedSources) -> m.Meeting | None:
    """The meeting imported from its seed document, or None when this build has no reader
    or no seed for it (then the builder makes it from data.py)."""
    from ..services.import_files import read_text_as

    seed = SEED_DOCUMENTS.get((md["body"], md["year"], md["number"]))
    if seed is None:
        return None
    name, kind = seed
    text = seed_text(name)
    document = read_text_as(text, kind, name) if text is not None else None
    if document is None:
        return None
    plan = archive.imports.plan(document, md["body"])
    archive.imports.apply(plan)
    meeting = archive.meetings.find(md["body"], f"{md['number']}/{md['year']}")
    if meeting.video_link != md.get("video_link"):
        meeting = archive.store.update(meeting.model_copy(update={"video_link": md.get("video_link")}))
        sources.count(False, "videolenke")
    if meeting.status.value != md["status"]:
        archive.store.update(meeting.model_copy(update={"status": m.MeetingStatus(md["status"])}))
        sources.count(False, "møtestatus")
    return archive.meetings.get(meeting.stored_id)


def _data_value(entry: dict[str, Any], name: str) -> Any:
    if name == "state":
        return m.ItemState(entry.get("state", "planned"))
    if name == "item_type":
        return m.ItemType(entry["item_type"]) if entry.get("item_type") else None
    return entry.get(name, "")


People = dict[str, m.Person]
Orgs = dict[str, m.Organization]


def complete_from_data(
    archive: Archive, meeting: m.Meeting, md: dict[str, Any], people: People, orgs: Orgs, sources: SeedSources,
    insert_entry: Callable[..., m.AgendaItem],
) -> list[m.AgendaItem]:
    """The imported meeting made what data.py says it is; returns its agenda in data.py's order."""
    store = archive.store
    agenda = store.agenda(meeting.stored_id)
    by_seq = {i.case_seq: i for i in agenda if not i.is_break}
    breaks = [i for i in agenda if i.is_break]
    ordered: list[m.AgendaItem] = []
    for position, entry in enumerate(md["items"], start=1):
        if entry["kind"] == "break":
            found = next((b for b in breaks if b.title == entry["title"]), None)
            if found is None:
                ordered.append(insert_entry(archive, meeting, position, entry, people, orgs))
                sources.count(False, "pauser")
                continue
            breaks.remove(found)
            sources.count(True, "pauser")
            if found.duration_minutes != entry["duration"]:
                found = store.update(found.model_copy(update={"duration_minutes": entry["duration"]}))
                sources.count(False, "tidsbruk")
            else:
                sources.count(True, "tidsbruk")
            ordered.append(found)
            continue
        item = by_seq.pop(entry["seq"], None)
        if item is None:
            ordered.append(insert_entry(archive, meeting, position, entry, people, orgs))
            sources.count(False, "saker")
            continue
        sources.count(True, "saker")
        ordered.append(_complete_item(archive, item, entry, people, orgs, sources))
    for leftover in [*by_seq.values(), *breaks]:  # read, but not in data.py: not in the demo
        store.delete(m.AgendaItem, leftover.stored_id)
    store.write_positions([store.get(m.AgendaItem, i.stored_id) for i in ordered])
    _complete_attendance(archive, meeting, md, people, orgs, sources)
    return [store.get(m.AgendaItem, i.stored_id) for i in ordered]


def _complete_item(archive: Archive, item: m.AgendaItem, entry: dict[str, Any], people: People, orgs: Orgs, sources: SeedSources) -> m.AgendaItem:
    store = archive.store
    update: dict[str, Any] = {}
    for name in READ_FIELDS:
        wanted = _data_value(entry, name)
        same = getattr(item, name) == wanted
        sources.count(same, "felt lest fra dokumentet" if name != "state" else "saksstatus")
        if not same:
            update[name] = wanted
    duration = entry.get("duration", 0)
    sources.count(item.duration_minutes == duration, "tidsbruk")
    if item.duration_minutes != duration:
        update["duration_minutes"] = duration
    for name in DATA_ONLY_FIELDS:
        value = entry.get(name, False if name == "exempt" else ("" if name != "exempt_basis" else None))
        if getattr(item, name) != value:
            update[name] = value
            sources.count(False, "toppnotat og åpenhet")
    if update:
        item = store.update(item.model_copy(update=update))
    for role, key in ((m.PersonRole.PRESENTER, "presenters"), (m.PersonRole.CASE_OFFICER, "case_officers")):
        if entry.get(key):
            archive.agenda.set_item_people(item.stored_id, role, [people[name].stored_id for name in entry[key]])
            sources.count(False, "innledere og saksbehandlere", len(entry[key]))
    stored = archive.agenda.attachments(item.stored_id)
    wanted_attachments = entry.get("attachments", [])
    same = [(a.label, a.title) for a in stored] == [(a["label"], a["title"]) for a in wanted_attachments]
    sources.count(same, "vedlegg", len(wanted_attachments))
    if same:
        for attachment, wanted in zip(stored, wanted_attachments, strict=True):
            if attachment.location != wanted.get("location"):  # a link: the demo's, not the notice's
                archive.agenda.update_attachment(attachment.model_copy(update={"location": wanted.get("location")}))
                sources.count(False, "lenker til vedlegg")
    else:
        for attachment in stored:
            archive.agenda.delete_attachment(attachment.stored_id)
        for wanted in wanted_attachments:
            archive.agenda.add_attachment(m.Attachment(item_id=item.id, label=wanted["label"], title=wanted["title"], location=wanted.get("location")))
    remarks = [(r.speaker, r.text, r.organization_id) for r in archive.minutes.remarks(item.stored_id)]
    wanted_remarks = [
        (r["speaker"], r["text"], orgs[r["organization"]].id if r.get("organization") else None) for r in entry.get("remarks", [])
    ]
    sources.count(remarks == wanted_remarks, "innspill", len(wanted_remarks))
    if remarks != wanted_remarks:
        for remark in archive.minutes.remarks(item.stored_id):
            store.delete(m.Remark, remark.stored_id)
        for speaker, text, org_id in wanted_remarks:
            archive.minutes.add_remark(m.Remark(item_id=item.id, speaker=speaker, organization_id=org_id, text=text))
    return item


def _complete_attendance(archive: Archive, meeting: m.Meeting, md: dict[str, Any], people: People, orgs: Orgs, sources: SeedSources) -> None:
    store = archive.store
    rows = archive.attendance.rows(meeting.stored_id)

    got = [
        (r.person_id, r.role.value, r.status.value, r.remote, r.organization_id, r.substitute_for_person_id, r.arrived_at, r.left_at)
        for r in rows
    ]
    wanted = [
        (
            people[ad["person"]].id, ad.get("role", "member"), ad.get("status", "present"), ad.get("remote", False),
            orgs[ad["organization"]].id if ad.get("organization") else None,
            people[ad["substitute_for"]].id if ad.get("substitute_for") else None,
            _time(ad.get("arrived_at")), _time(ad.get("left_at")),
        )
        for ad in md.get("attendance", [])
    ]
    sources.count(got == wanted, "oppmøtelinjer", len(wanted))
    if got == wanted:
        return
    for row in rows:
        store.delete(m.Attendance, row.stored_id)
    for position, (person_id, role, status, remote, org_id, replaced, arrived, left) in enumerate(wanted, start=1):
        archive.attendance.add(
            m.Attendance(
                meeting_id=meeting.stored_id, person_id=person_id, role=role, status=status, remote=remote, organization_id=org_id,
                substitute_for_person_id=replaced, arrived_at=arrived, left_at=left, position=position,
            )
        )


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None
