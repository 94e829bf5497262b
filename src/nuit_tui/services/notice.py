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
from .templates import paper_template


def build_notice(archive: Archive, meeting_id: int, *, public: bool) -> NoticeDocument:
    """The notice of a meeting; with `public` the exempt content is already gone."""
    agenda = archive.agenda.for_meeting(meeting_id)
    meeting = agenda.meeting
    body = archive.members.body_by_id(meeting.body_id)
    rows = [view.agenda_row(row.case_number, row.item, row.start, public=public) for row in agenda.rows]
    rows.append(view.closing_row(agenda.plan.finish))
    items = [
        _notice_item(archive, row.case_number, row.item, public=public)
        for row in agenda.rows
        if not row.item.is_break
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


def _notice_item(archive: Archive, case_number: str, item: m.AgendaItem, *, public: bool) -> view.NoticeItem:
    item_id = item.stored_id
    earlier = [
        view.earlier_handling(
            archive.agenda.case_label(e, with_body=True), archive.meetings.get(e.meeting_id), e, public=public
        )
        for e in archive.agenda.earlier_handlings(item_id)
    ]
    return view.notice_item(
        case_number,
        item,
        attachments=archive.agenda.attachments(item_id),
        presenters=archive.agenda.item_people(item_id, m.PersonRole.PRESENTER),
        case_officers=archive.agenda.item_people(item_id, m.PersonRole.CASE_OFFICER),
        earlier=earlier,
        public=public,
    )


# --- the check before sending ------------------------------------------------------------


def check_notice(archive: Archive, meeting_id: int) -> list[NoticeProblem]:
    """What would go out wrong in the notice (`domain.notice_check`)."""
    agenda = archive.agenda.for_meeting(meeting_id)
    meeting = agenda.meeting
    body = archive.members.body_by_id(meeting.body_id)
    previous = archive.store.previous_meeting(meeting.body_id, meeting.date)
    return check_agenda(
        body.short_name,
        [(row.case_number, row.item) for row in agenda.rows],
        agenda.plan,
        previous_meeting=previous.date if previous else None,
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
