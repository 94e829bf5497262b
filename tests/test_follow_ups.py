"""The follow-up register (issue 6): overdue around a fixed today, filters,
closing and reopening, carrying open follow-ups to the body's next meeting,
and printing them in the notice."""

import datetime as dt
import io

import docx
import pytest

from nuit_tui.domain import models as m
from nuit_tui.exporters.registry import render
from nuit_tui.services.follow_ups import carry_title, is_overdue
from nuit_tui.services.notice import build_notice
from nuit_tui.store import errors

TODAY = dt.date(2023, 9, 1)


@pytest.fixture
def council(archive):
    """NUIT with a held meeting (two follow-ups) and a planned one; NEHS with one follow-up."""
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    nehs = archive.members.add_body("NEHS", "Nasjonalt e-helsestyre")
    first = archive.meetings.create(nuit.id, dt.date(2023, 2, 16), dt.time(9), dt.time(15), location="Teams")
    second = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(9), dt.time(15), location="Teams")
    other = archive.meetings.create(nehs.id, dt.date(2023, 3, 1), dt.time(9), dt.time(15))
    archive.meetings.set_status(first.id, m.MeetingStatus.NOTICE_SENT)
    archive.meetings.set_status(first.id, m.MeetingStatus.HELD)
    journal = archive.agenda.add_item(first.id, m.AgendaItem(meeting_id=first.id, title="Felles journalløft", item_type=m.ItemType.DROFTING))
    helsenorge = archive.agenda.add_item(first.id, m.AgendaItem(meeting_id=first.id, title="Helsenorge"))
    strategy = archive.agenda.add_item(other.id, m.AgendaItem(meeting_id=other.id, title="Strategi"))
    f = {
        "gjennomgang": archive.follow_ups.add(m.FollowUp(
            item_id=journal.id, description="Invitere til gjennomgang med aktørene", responsible="Direktoratet for e-helse",
            due_date=dt.date(2023, 8, 31),
        )),
        "innkalling": archive.follow_ups.add(m.FollowUp(
            item_id=helsenorge.id, description="Sende ut en oppdatert innkalling", responsible="Helse Sør-Øst RHF",
        )),
        "strategi": archive.follow_ups.add(m.FollowUp(
            item_id=strategy.id, description="Legge fram strategien", responsible="KS", due_date=dt.date(2023, 9, 1),
        )),
    }
    return archive, nuit, nehs, first, second, other, f


def test_overdue_is_open_with_a_deadline_before_today():
    def follow_up(due, status=m.FollowUpStatus.OPEN):
        return m.FollowUp(description="x", due_date=due, status=status)

    assert is_overdue(follow_up(TODAY - dt.timedelta(days=1)), TODAY)
    assert not is_overdue(follow_up(TODAY), TODAY)  # due today: still in time
    assert not is_overdue(follow_up(TODAY + dt.timedelta(days=1)), TODAY)
    assert not is_overdue(follow_up(None), TODAY)
    assert not is_overdue(follow_up(TODAY - dt.timedelta(days=30), m.FollowUpStatus.DONE), TODAY)


def test_the_register_by_status_around_a_fixed_today(council):
    archive, *_, f = council

    def ids(**kwargs):
        return [row.id for row in archive.follow_ups.register(**kwargs)]

    # Open ones first, the earliest deadline on top; none at all comes last.
    assert ids(today=TODAY, status="open") == [f["gjennomgang"].id, f["strategi"].id, f["innkalling"].id]
    assert ids(today=TODAY, status="overdue") == [f["gjennomgang"].id]
    assert ids(today=dt.date(2023, 8, 31), status="overdue") == []
    assert ids(today=dt.date(2023, 9, 2), status="overdue") == [f["gjennomgang"].id, f["strategi"].id]
    [row] = archive.follow_ups.register(today=TODAY, status="overdue")
    assert (row.status, row.status_label, row.case, row.meeting_ref, row.body) == ("overdue", "Forfalt", "NUIT 3/23", "1/2023", "NUIT")
    assert ids(today=TODAY, status="done") == []
    with pytest.raises(errors.Conflict):
        archive.follow_ups.register(today=TODAY, status="late")


def test_the_register_by_body_and_responsible(council):
    archive, nuit, nehs, *_, f = council
    assert [r.id for r in archive.follow_ups.register(today=TODAY, body_id=nehs.id)] == [f["strategi"].id]
    assert len(archive.follow_ups.register(today=TODAY, body_id=nuit.id)) == 2
    # Any letter case, æøå too, and words in any order.
    assert [r.id for r in archive.follow_ups.register(today=TODAY, responsible="sør-øst helse")] == [f["innkalling"].id]
    assert [r.id for r in archive.follow_ups.register(today=TODAY, responsible="E-HELSE")] == [f["gjennomgang"].id]


def test_reopening_keeps_every_earlier_closing_and_its_note(council):
    from nuit_tui.services.follow_ups import closing_line

    archive, *_, f = council
    follow_up = f["gjennomgang"].id
    archive.follow_ups.close(follow_up, on=dt.date(2023, 9, 5), note="Møte holdt 5. september")
    archive.follow_ups.reopen(follow_up)
    archive.follow_ups.close(follow_up, on=dt.date(2023, 10, 2), note="Nytt møte med referat")
    stored = archive.follow_ups.get(follow_up)
    assert stored.closing_note.splitlines() == ["Nytt møte med referat", "Lukket 05.09.2023: Møte holdt 5. september (gjenåpnet)"]
    assert closing_line(stored) == "02.10.2023: Nytt møte med referat · Lukket 05.09.2023: Møte holdt 5. september (gjenåpnet)"
    [row] = [r for r in archive.follow_ups.register(today=TODAY, status="done") if r.id == follow_up]
    assert (row.as_json()["closing_note"], row.as_json()["earlier_closings"]) == (
        "Nytt møte med referat", ["Lukket 05.09.2023: Møte holdt 5. september (gjenåpnet)"]
    )
    reopened = archive.follow_ups.reopen(follow_up)
    assert reopened.closing_note.splitlines() == [
        "Lukket 02.10.2023: Nytt møte med referat (gjenåpnet)", "Lukket 05.09.2023: Møte holdt 5. september (gjenåpnet)"
    ]
    assert closing_line(reopened) == " · ".join(reopened.closing_note.splitlines())


def test_close_with_a_note_and_a_date_and_reopen(council):
    archive, _, _, first, *_, f = council
    # The source meeting's minutes are approved and locked: tracking goes on.
    archive.meetings.set_status(first.id, m.MeetingStatus.MINUTES_APPROVED)
    closed = archive.follow_ups.close(f["gjennomgang"].id, on=dt.date(2023, 9, 5), note="Møte holdt 5. september")
    assert (closed.status, closed.closed_on, closed.closing_note) == (m.FollowUpStatus.DONE, dt.date(2023, 9, 5), "Møte holdt 5. september")
    [row] = archive.follow_ups.register(today=dt.date(2023, 10, 1), status="done")
    assert (row.id, row.overdue, row.status_label) == (closed.id, False, "Utført")
    assert [r.id for r in archive.follow_ups.register(today=dt.date(2023, 10, 1), status="overdue")] == [f["strategi"].id]
    with pytest.raises(errors.Conflict):
        archive.follow_ups.close(closed.id, on=TODAY)
    reopened = archive.follow_ups.reopen(closed.id)
    # The closing is kept as history: what was done then is not lost by reopening.
    assert (reopened.status, reopened.closed_on) == (m.FollowUpStatus.OPEN, None)
    assert reopened.closing_note == "Lukket 05.09.2023: Møte holdt 5. september (gjenåpnet)"
    with pytest.raises(errors.Conflict):
        archive.follow_ups.reopen(closed.id)
    assert [r.id for r in archive.follow_ups.register(today=TODAY, status="overdue")] == [closed.id]


def test_correcting_writes_only_what_changed_and_merges_with_another_window(council):
    """Two windows on one follow-up: each one's change to another field is kept; both
    changing the same field is an EditConflict, nothing written, until «Behold min»."""
    from nuit_tui.services.concurrency import EditConflict

    archive, *_, f = council
    base = archive.follow_ups.get(f["innkalling"].id)
    theirs = archive.follow_ups.update(base, {"responsible": "Helse Vest RHF"})  # the other window
    mine = archive.follow_ups.update(base, {"due_date": dt.date(2023, 10, 1)})  # from the same version
    assert (mine.responsible, mine.due_date, mine.row_version) == ("Helse Vest RHF", dt.date(2023, 10, 1), theirs.row_version + 1)
    with pytest.raises(EditConflict) as clash:
        archive.follow_ups.update(base, {"responsible": "Helse Nord RHF"})
    assert [c.field for c in clash.value.conflicts] == ["responsible"]
    assert archive.follow_ups.get(base.id) == mine
    kept = archive.follow_ups.update(base, {"responsible": "Helse Nord RHF"}, keep_mine=True)
    assert (kept.responsible, kept.due_date) == ("Helse Nord RHF", dt.date(2023, 10, 1))
    with pytest.raises(errors.Conflict):
        archive.follow_ups.update(kept, {"description": " "})
    with pytest.raises(ValueError):
        archive.follow_ups.update(kept, {"status": m.FollowUpStatus.DONE})


def test_open_follow_ups_are_carried_to_the_bodys_next_meeting(council):
    archive, nuit, _, first, second, other, f = council
    pending = archive.follow_ups.for_meeting(second.id)
    assert [r.id for r in pending] == [f["gjennomgang"].id, f["innkalling"].id]
    assert archive.follow_ups.open_count(second.id) == 2
    # Not on the meeting they came from, nor in another body.
    assert archive.follow_ups.for_meeting(first.id) == []
    assert [r.id for r in archive.follow_ups.for_meeting(other.id)] == []

    item = archive.follow_ups.carry(second.id, f["gjennomgang"].id)
    assert item.title == "Oppfølging: Invitere til gjennomgang med aktørene" == carry_title(f["gjennomgang"])
    assert item.item_type is m.ItemType.ORIENTERING
    assert item.proposed_decision == "NUIT tar orienteringen til etterretning."
    assert "Oppfølging av NUIT 3/23 (16.2.23)" in item.description and "Frist: 31.8.2023" in item.description
    titles = [row.item.title for row in archive.agenda.for_meeting(second.id).rows]
    assert titles[-2:] == [item.title, "Eventuelt"]
    assert [e.title for e in archive.agenda.earlier_handlings(item.id)] == ["Felles journalløft"]
    assert [r.carried for r in archive.follow_ups.for_meeting(second.id)] == [True, False]
    with pytest.raises(errors.Conflict, match="allerede på sakslisten"):
        archive.follow_ups.carry(second.id, f["gjennomgang"].id)
    with pytest.raises(errors.Conflict):
        archive.follow_ups.carry(second.id, f["strategi"].id)  # another body's


def test_what_was_closed_before_the_meeting_is_not_carried(council):
    archive, _, _, _, second, _, f = council
    archive.follow_ups.close(f["innkalling"].id, on=dt.date(2023, 5, 1))
    archive.follow_ups.close(f["gjennomgang"].id, on=dt.date(2023, 5, 25))  # on the day: still open when summoned
    assert [r.id for r in archive.follow_ups.for_meeting(second.id)] == [f["gjennomgang"].id]
    assert archive.follow_ups.open_count(second.id) == 0


def test_only_a_meeting_in_preparation_takes_follow_ups(council):
    archive, _, _, _, second, _, f = council
    archive.meetings.set_status(second.id, m.MeetingStatus.NOTICE_SENT)
    archive.follow_ups.carry(second.id, f["innkalling"].id)
    archive.meetings.set_status(second.id, m.MeetingStatus.HELD)
    with pytest.raises(errors.Conflict, match="ikke under forberedelse"):
        archive.follow_ups.carry(second.id, f["gjennomgang"].id)


def test_an_exempt_source_stays_exempt_on_the_agenda_and_in_the_public_notice(council):
    archive, _, _, first, second, _, f = council
    source = archive.agenda.item(f["innkalling"].item_id)
    archive.agenda.update_item(source.model_copy(update={"exempt": True, "exempt_basis": "offl. § 14"}))
    item = archive.follow_ups.carry(second.id, f["innkalling"].id)
    assert (item.exempt, item.exempt_basis, item.title_exempt) == (True, "offl. § 14", True)
    public = render(build_notice(archive, second.id, public=True), "md").decode()
    assert "Sende ut en oppdatert innkalling" not in public
    assert "Invitere til gjennomgang med aktørene" in public


def test_the_notice_prints_the_open_follow_ups_in_every_format(council):
    archive, _, _, _, second, _, f = council
    doc = build_notice(archive, second.id, public=False)
    assert [(r.citation, r.description, r.responsible, r.due) for r in doc.follow_ups] == [
        ("NUIT 3/23 (16.2.23)", "Invitere til gjennomgang med aktørene", "Direktoratet for e-helse", "31.8.2023"),
        ("NUIT 4/23 (16.2.23)", "Sende ut en oppdatert innkalling", "Helse Sør-Øst RHF", ""),
    ]
    markdown = render(doc, "md").decode()
    assert "## Oppfølging fra tidligere møter" in markdown
    assert "| NUIT 3/23 (16.2.23) | Invitere til gjennomgang med aktørene | Direktoratet for e-helse | 31.8.2023 |" in markdown
    html = render(doc, "html").decode()
    assert "<h2>Oppfølging fra tidligere møter</h2>" in html and "<td>Sende ut en oppdatert innkalling</td>" in html
    word = docx.Document(io.BytesIO(render(doc, "docx")))
    assert "Oppfølging fra tidligere møter" in [p.text for p in word.paragraphs]
    cells = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
    assert {"Invitere til gjennomgang med aktørene", "Helse Sør-Øst RHF"} <= cells
    # Without follow-ups the notice has no such section.
    first_notice = render(build_notice(archive, archive.meetings.page(None, year=2023, limit=9)[-1].id, public=False), "md")
    assert "Oppfølging fra tidligere møter" not in first_notice.decode()
