"""An item moved or deferred to a later meeting is numbered as that meeting's notice
numbers it, in every document of that meeting: the notice, the e-mail draft's files, the
package zip's names and the package PDF's bookmarks. The labels frozen when the earlier
meeting's notice went out stay as they were for that meeting's own documents."""

from __future__ import annotations

import datetime as dt
import email
import io
import zipfile
from email import policy

import pypdf
import pytest

from nuit_tui.domain import models as m
from nuit_tui.exporters import registry
from nuit_tui.services.mail import write_mail
from nuit_tui.services.notice import build_notice
from nuit_tui.services.package import build_package, export_package

PDF = b"%PDF-1.4\n% a tiny stand-in for a PDF\n%%EOF\n"
TITLE = "Toppnotat Informasjonsutveksling mellom NAV og helsetjenesten"


def notice_lines(archive, meeting_id: int) -> list[str]:
    text = registry.render(build_notice(archive, meeting_id, public=False), "md").decode()
    return [line.strip() for line in text.splitlines() if line.startswith("Vedlegg")]


def bookmarks(data: bytes) -> list[str]:
    def walk(entries):
        for entry in entries:
            yield from walk(entry) if isinstance(entry, list) else [entry.title]

    return list(walk(pypdf.PdfReader(io.BytesIO(data)).outline))


def later_meeting(archive, earlier: m.Meeting, status: m.MeetingStatus = m.MeetingStatus.PLANNED) -> m.Meeting:
    """3/2023, its first document the minutes of 2/2023 («Vedlegg 1»)."""
    later = archive.meetings.create(earlier.body_id, dt.date(2023, 9, 14), dt.time(9), dt.time(12))
    approval = next(
        row.item for row in archive.agenda.for_meeting(later.stored_id).rows if row.item.title.startswith("Godkjenning av referat")
    )
    archive.files.attach_bytes(approval.stored_id, PDF, "Referat fra møtet i NUIT 25. mai 2023.pdf")
    if status is not later.status:
        later = archive.meetings.set_status(later.stored_id, status)
    return later


@pytest.mark.parametrize("how", ["move", "defer"])
def test_an_item_moved_to_a_later_meeting_has_that_meetings_label_in_the_notice_mail_zip_and_package(demo, tmp_path, how):
    earlier = demo.meetings.find("NUIT", "2/2023")
    assert earlier.status is m.MeetingStatus.NOTICE_SENT  # its labels are frozen
    before = notice_lines(demo, earlier.stored_id)
    assert f"Vedlegg 10: {TITLE}" in before
    later = later_meeting(demo, earlier)
    item = demo.agenda.find_item("23/23", body_short_name="NUIT")
    if how == "move":
        demo.agenda.move_item_to_meeting(item.stored_id, later.stored_id)
    else:
        demo.minutes.defer_item(item.stored_id, later.stored_id)

    assert f"Vedlegg 2: {TITLE}" in notice_lines(demo, later.stored_id)
    wanted = f"Vedlegg 2_Sak 23-23_{TITLE}.pdf"

    mail = write_mail(demo, later.stored_id, "notice", out=tmp_path / "innkalling.eml")
    message = email.message_from_bytes(mail.path.read_bytes(), policy=policy.default)
    attached = [part.get_filename() for part in message.iter_attachments()]
    assert wanted in attached and not any("Vedlegg 10" in name for name in attached)

    path = export_package(demo, later.stored_id, fmt="zip", exports_dir=tmp_path)
    with zipfile.ZipFile(path) as package:
        assert wanted in package.namelist() and not any("Vedlegg 10" in n for n in package.namelist())

    marks = bookmarks(build_package(demo, later.stored_id, public=False, convert=False))
    assert f"Vedlegg 2: {TITLE}" in marks and not any("Vedlegg 10" in mark for mark in marks)

    # 2/2023's own documents keep what its notice said: nothing of it renumbered.
    after = notice_lines(demo, earlier.stored_id)
    expected = before if how == "defer" else [line for line in before if TITLE not in line]
    assert after == expected


def test_an_item_moved_to_a_meeting_whose_notice_is_out_takes_its_next_free_number(demo):
    earlier = demo.meetings.find("NUIT", "2/2023")
    later = later_meeting(demo, earlier, m.MeetingStatus.NOTICE_SENT)
    item = demo.agenda.find_item("23/23", body_short_name="NUIT")
    demo.agenda.move_item_to_meeting(item.stored_id, later.stored_id)
    assert notice_lines(demo, later.stored_id)[-1] == f"Vedlegg 2: {TITLE}"
    assert [a.label for a in demo.store.find_by(m.Attachment, item_id=item.stored_id)] == ["Vedlegg 2"]
