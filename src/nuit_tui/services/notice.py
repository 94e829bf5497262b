"""The notice of a meeting (innkalling): read from the archive, built, exported.

What the notice shows, and its public redaction, is `documents.notice`; this
module reads the records it is built from and writes the file.
"""

from __future__ import annotations

from pathlib import Path

from ..documents import names
from ..documents import notice as view
from ..documents.notice import NoticeDocument
from ..domain import models as m
from ..domain.notice_check import NoticeProblem
from ..domain.notice_check import check_notice as check_agenda
from ..exporters import registry
from ..files import write_export
from .archive import Archive
from .attachment_labels import meeting_labels
from .templates import paper_template


def build_notice(archive: Archive, meeting_id: int, *, public: bool) -> NoticeDocument:
    """The notice of a meeting; with `public` the exempt content is already gone."""
    agenda = archive.agenda.for_meeting(meeting_id)
    meeting = agenda.meeting
    body = archive.members.body_by_id(meeting.body_id)
    rows = [view.agenda_row(row.case_number, row.item, row.start, public=public) for row in agenda.rows]
    rows.append(view.closing_row(agenda.plan.finish))
    entries = [row for row in agenda.rows if not row.item.is_break]
    attachments = {row.item.stored_id: archive.agenda.attachments(row.item.stored_id) for row in entries}
    # Numbered from the records by the one rule (frozen with the notice), not from the view:
    # the public notice keeps the internal numbers.
    cover_labels = meeting_labels(archive.store, meeting).cover_notes
    labels = [cover_labels.get(row.item.stored_id, "") for row in entries]
    items = [
        view.notice_item(
            row.case_number, row.item, attachments=attachments[row.item.stored_id], cover_note_label=label, public=public
        )
        for row, label in zip(entries, labels, strict=True)
    ]
    return view.notice_document(
        body,
        meeting,
        members=_members(archive, meeting),
        agenda=rows,
        items=items,
        follow_ups=[
            view.follow_up_row(row.citation, row.follow_up, item_exempt=row.item_exempt, public=public)
            for row in archive.follow_ups.for_meeting(meeting_id)
        ],
        public=public,
    )


def _members(archive: Archive, meeting: m.Meeting) -> list[view.NoticeMember]:
    members = []
    organizations: dict[int, str] = {}
    for membership in archive.members.members_on(meeting.body_id, meeting.date):
        if not view.summoned(membership):
            continue
        person = archive.members.person(membership.person_id)
        org_id = membership.organization_id or person.organization_id
        if org_id is not None and org_id not in organizations:
            organizations[org_id] = archive.members.organization_by_id(org_id).name
        members.append(view.NoticeMember(person.name, organizations.get(org_id, "") if org_id else ""))
    return members


# --- the check before sending ------------------------------------------------------------


def check_notice(archive: Archive, meeting_id: int) -> list[NoticeProblem]:
    """What would go out wrong in the notice (`domain.notice_check`)."""
    agenda = archive.agenda.for_meeting(meeting_id)
    meeting = agenda.meeting
    body = archive.members.body_by_id(meeting.body_id)
    previous = archive.store.previous_meeting(meeting.body_id, meeting.date, meeting.number)
    return check_agenda(
        body.short_name,
        [(row.case_number, row.item) for row in agenda.rows],
        agenda.plan,
        previous_meeting=previous.date if previous else None,
        meeting_date=meeting.date,
        end=meeting.end_time,
    )


# --- export ------------------------------------------------------------------------------


def default_file_name(doc: NoticeDocument, fmt: str) -> str:
    """"NUIT-2023-2-innkalling.docx", with "-offentlig" for the public version."""
    return names.file_name(doc.body_short_name, doc.meeting_ref, "innkalling", public=doc.public, fmt=fmt)


def export_notice(
    archive: Archive,
    meeting_id: int,
    *,
    fmt: str = "docx",
    public: bool = False,
    out: Path | None = None,
    exports_dir: Path = Path("exports"),
) -> Path:
    """Render the notice and write it whole; returns the path written."""
    registry.check_format(NoticeDocument, fmt)  # before any work, and before a folder is made for nothing
    doc = build_notice(archive, meeting_id, public=public)
    data = registry.render(doc, fmt, template=paper_template(archive, meeting_id, fmt))
    return write_export(data, default_file_name(doc, fmt), out=out, exports_dir=exports_dir)
