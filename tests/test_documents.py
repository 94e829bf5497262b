"""Documents are built from records alone, and rendered through the one registry.

The builders in nuit_tui.documents take domain records (no archive, no file), so
what a public document may show is decided where it can be tested without one.
"""

import datetime as dt
import io

import docx
import icalendar
import pypdf
import pytest

from nuit_tui.documents import calendar as cal
from nuit_tui.documents import minutes as mn
from nuit_tui.documents import notice as nt
from nuit_tui.documents.wheel import wheel_document
from nuit_tui.domain import models as m
from nuit_tui.domain.year_plan import PlanEntry
from nuit_tui.exporters import registry

SECRET = "Forhandlinger med leverandør X"

BODY = m.Body(id=1, short_name="NUIT", name="Nasjonalt utvalg for IT-prioritering")
MEETING = m.Meeting(
    id=7, body_id=1, year=2023, number=2, date=dt.date(2023, 5, 25),
    start_time=dt.time(9), end_time=dt.time(15, 45), location="Oslo", status=m.MeetingStatus.NOTICE_SENT,
)
EXEMPT_ITEM = m.AgendaItem(
    id=11, meeting_id=7, case_year=2023, case_seq=14, title=SECRET, item_type=m.ItemType.DROFTING,
    description=f"{SECRET}: status", decision=f"{SECRET} godkjennes", narrative=SECRET,
    exempt=True, exempt_basis="offl. § 23", title_exempt=True, duration_minutes=30,
)
OPEN_ITEM = m.AgendaItem(
    id=12, meeting_id=7, case_year=2023, case_seq=15, title="Orientering", item_type=m.ItemType.ORIENTERING,
    description="Kort orientering", duration_minutes=15,
)
PERSON = m.Person(id=3, name="Kari Nordmann", organization_id=5)


def _notice(public: bool) -> nt.NoticeDocument:
    items = [
        nt.notice_item(
            "14/23", EXEMPT_ITEM,
            attachments=[m.Attachment(item_id=11, label="Vedlegg 14A", title=SECRET, exempt=True)],
            cover_note_label="Vedlegg 14", public=public,
        ),
        nt.notice_item("15/23", OPEN_ITEM, attachments=[], public=public),
    ]
    rows = [
        nt.agenda_row("14/23", EXEMPT_ITEM, dt.time(9), public=public),
        nt.agenda_row("15/23", OPEN_ITEM, dt.time(9, 30), public=public),
        nt.closing_row(dt.time(9, 45)),
    ]
    return nt.notice_document(BODY, MEETING, members=[], agenda=rows, items=items, follow_ups=[], public=public)


@pytest.mark.parametrize("fmt", registry.FORMATS)
def test_a_public_notice_built_from_records_holds_no_exempt_text_in_any_format(fmt):
    public = registry.render(_notice(public=True), fmt)
    internal = registry.render(_notice(public=False), fmt)
    text = _text(public, fmt)
    assert SECRET not in text
    assert "Unntatt offentlighet, offl. § 23" in text
    assert "Orientering" in text and "Kort orientering" in text
    assert SECRET in _text(internal, fmt)


def test_public_minutes_keep_the_outcome_and_drop_the_exempt_item_s_own_words():
    deferred = EXEMPT_ITEM.model_copy(update={"state": m.ItemState.DEFERRED, "decision": ""})
    remarks = [
        m.Remark(item_id=11, organization_id=5, text=f"mente {SECRET}"),
        m.Remark(item_id=11, speaker="Kari", text="  "),  # a speaker, no text: no bare «Kari» bullet
        m.Remark(item_id=11, text=""),  # no speaker, no text: no bullet
    ]
    item = mn.minutes_item("14/23", deferred, remarks=remarks, organizations={5: "KS"}, public=True)
    assert (item.title, item.narrative, item.remarks, item.decision) == ("Unntatt offentlighet", "", (), "")
    assert (item.outcome, item.exemption) == ("Saken ble utsatt til neste møte.", "Unntatt offentlighet, offl. § 23")
    internal = mn.minutes_item("14/23", deferred, remarks=remarks, organizations={5: "KS"}, public=False)
    assert internal.remarks == (f"KS mente {SECRET}",)


class _Names:
    """The lookups the service makes, here from dicts: the builder needs no archive."""

    people = {3: PERSON, 4: m.Person(id=4, name="Ola Vikar"), 6: m.Person(id=6, name="Siri Stab")}
    organizations = {5: "KS", 8: "Direktoratet for e-helse"}

    def person(self, person_id):
        return self.people[person_id]

    def organization(self, row):
        org_id = row.organization_id or self.person(row.person_id).organization_id
        return self.organizations[org_id] if org_id else ""


def test_the_attendance_block_is_built_from_rows_and_names_alone():
    rows = [
        m.Attendance(meeting_id=7, person_id=3, status=m.AttendanceStatus.ABSENT_WITH_NOTICE),
        m.Attendance(
            meeting_id=7, person_id=4, role=m.AttendanceRole.SUBSTITUTE, substitute_for_person_id=3,
            arrived_at=dt.time(13, 20),
        ),
        m.Attendance(meeting_id=7, person_id=6, role=m.AttendanceRole.SECRETARIAT, organization_id=8, remote=True),
    ]
    groups = {g.label: g.lines for g in mn.attendance_groups(rows, _Names())}
    assert groups == {
        "Ikke til stede": ("Kari Nordmann (KS)",),
        "Stedfortreder": ("Ola Vikar for Kari Nordmann (KS) – fra kl. 13.20",),
        "Direktoratet for e-helse": ("Siri Stab - video",),
    }


def test_the_calendar_s_public_agenda_line_of_an_exempt_title_is_its_number_and_marker():
    row = (7, 11, "item", 2023, 14, SECRET, 1, "planned", 30, None, 1, "offl. § 23")
    marker = "Unntatt offentlighet, offl. § 23"
    assert cal.agenda_lines(MEETING, [row], public=True) == ([f"09.00  14/23 {marker}"], False)
    assert cal.agenda_lines(MEETING, [row], public=False) == ([f"09.00  14/23 {SECRET} ({marker})"], True)


def test_the_registry_streams_a_calendar_that_icalendar_reads():
    event = cal.meeting_event("arkiv", BODY, MEETING, (["09.00  15/23 Orientering"], False), alarm_minutes=15)
    doc = cal.CalendarDocument(
        name=cal.calendar_name(BODY, 2023, public=False), events=iter([event]),
        stamp=dt.datetime(2023, 5, 1, tzinfo=dt.UTC), public=False, has_timed_events=True,
    )
    chunks = registry.render_chunks(doc, "ics")
    [vevent] = icalendar.Calendar.from_ical(b"".join(chunks)).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "NUIT møte 2/2023"
    assert str(vevent["UID"]) == "meeting-7@arkiv.nuit-tui"


def test_the_registry_renders_the_wheel_as_svg_and_refuses_a_format_before_any_work():
    entries = [PlanEntry(MEETING.date, "meeting", "NUIT møte 2/2023", 1)]
    svg = registry.render(wheel_document(2023, BODY, entries), "svg")
    assert svg.startswith(b"<svg") or b"<svg" in svg[:200]
    assert "Årshjul 2023 – NUIT".encode() in svg
    with pytest.raises(registry.UnknownFormat, match="Ukjent format «docx» \\(velg svg\\)"):
        registry.render(wheel_document(2023, None, []), "docx")
    with pytest.raises(registry.UnknownFormat, match="Ukjent format «rtf» \\(velg docx, html, md, pdf\\)"):
        registry.render_chunks(_notice(public=True), "rtf")  # refused at the call, not at the first chunk


def _text(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    if fmt != "docx":
        return data.decode()
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_tui_s_export_form_offers_exactly_the_formats_the_registry_writes():
    from nuit_tui.tui.screens import export_form

    assert sorted(fmt for _, fmt in export_form.FORMATS) == sorted(registry.formats(nt.NoticeDocument))
    assert registry.formats(nt.NoticeDocument) == registry.formats(mn.MinutesDocument)
