"""Screens show the state the archive is in (issue 14, points 10, 11 and 13):
a list below a changed screen redraws when it comes back, the cursor stays after a
delete and Ctrl+Z undoes it, and presence and the meeting clock go by the times
actually stamped in the meeting."""

import datetime as dt

from textual.widgets import DataTable

from conftest import type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen
from nuit_tui.tui.widgets.confirm import ConfirmScreen


def meeting_row(app, meeting_id):
    table = app.screen.query_one("#meetings", DataTable)
    return [str(cell) for cell in table.get_row(str(meeting_id))]


async def test_the_meetings_list_shows_time_place_and_status_changed_in_the_agenda(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Rom 4117")
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        assert "Rom 4117" in meeting_row(app, meeting.id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("t")  # Tid og sted
        await pilot.pause()
        await pilot.press("tab", "tab")  # date → start → end
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "13.30")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "Teams")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("x", "j")  # Avlys → yes
        await pilot.pause()
        await pilot.press("escape")  # back to the list, no `r`
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        row = meeting_row(app, meeting.id)
        assert "Teams" in row and "Rom 4117" not in row
        assert any("13.30" in cell for cell in row)
        assert "Avlyst" in row
    stored = archive.meetings.get(meeting.id)
    assert (stored.location, stored.end_time, stored.status) == ("Teams", dt.time(13, 30), m.MeetingStatus.CANCELLED)
    archive.close()


async def test_delete_in_the_agenda_keeps_the_cursor_in_place_and_ctrl_z_brings_the_item_back(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Rom 4117")
    for title in ("Sak A", "Sak B", "Sak C"):
        archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title=title, duration_minutes=20))
    item_b = next(i for i in archive.agenda.items(meeting.id) if i.title == "Sak B")
    remark = archive.minutes.add_remark(m.Remark(item_id=item_b.id, speaker="FHI", text="Spørsmål om tidsplan"))
    before = [(i.id, i.title, i.position, i.case_seq) for i in archive.agenda.items(meeting.id)]
    titles = [t for _, t, _, _ in before]
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        await pilot.press(*["down"] * titles.index("Sak B"))
        assert table.selected_item_id == item_b.id
        await pilot.press("delete", "j")
        await pilot.pause()
        # The row that took Sak B's place has the cursor, not the first row.
        assert table.cursor_row == titles.index("Sak B")
        assert archive.agenda.item(table.selected_item_id).title == "Sak C"
        assert "Sak B" not in [i.title for i in archive.agenda.items(meeting.id)]
        assert archive.store.count_by(m.Remark, item_id=item_b.id) == 0
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any("Angret sletting av «" in str(n.message) and "Sak B»" in str(n.message) for n in app._notifications)
        assert table.selected_item_id == item_b.id
        # Deleting the last item leaves the cursor on the new last item.
        await pilot.press(*["down"] * (len(titles) - 1 - titles.index("Sak B")))
        await pilot.press("delete", "j")
        await pilot.pause()
        assert table.cursor_row == len(titles) - 2
        await pilot.press("ctrl+z")
        await pilot.pause()
    # Back with the same ids, places, case numbers and remark.
    assert [(i.id, i.title, i.position, i.case_seq) for i in archive.agenda.items(meeting.id)] == before
    assert [(r.id, r.text) for r in archive.minutes.remarks(item_b.id)] == [(remark.id, "Spørsmål om tidsplan")]
    archive.close()


async def test_presence_and_the_meeting_clock_go_by_the_times_stamped_in_the_meeting(tmp_path, monkeypatch):
    from nuit_tui.tui import wall_clock
    from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen

    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    member = archive.members.add_person("Kari Nordmann")
    archive.members.add_membership(m.Membership(person_id=member.id, body_id=body.id))
    day = dt.date(2023, 5, 25)
    meeting = archive.meetings.create(body.id, day, dt.time(9), dt.time(12), location="Rom 4117")
    item = archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Sak A", duration_minutes=30))
    archive.attendance.ensure(meeting.id)
    archive.attendance.set_arrived(meeting.id, member.id, dt.time(10))  # after the planned slot began
    clock = {"now": dt.datetime.combine(day, dt.time(10, 40))}
    monkeypatch.setattr(wall_clock, "now", lambda: clock["now"])
    titles = [i.title for i in archive.agenda.items(meeting.id)]
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*["down"] * titles.index("Sak A"), "m")  # meeting mode on Sak A, at 10.40
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown)
        await pilot.press("j")  # «Starte møtet nå?»: nothing was taken up yet
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MeetingModeScreen)
        # Taken up at 10.40, after Kari came at 10.00: she was there for the whole item.
        assert str(app.screen.query_one("#mm-present").render()).startswith("Til stede under saken: 1 av 1")
        await pilot.press("escape")
        await pilot.pause()
        clock["now"] = dt.datetime.combine(day, dt.time(10, 50))
        await pilot.press("m")  # opened again ten minutes later
        await pilot.pause()
        app.screen._tick()
        status = str(app.screen.query_one("#mm-status").render())
        assert "møtetid 0:10:00" in status  # from the stamped 10.40, neither 09.00 nor 0:00:00
    assert archive.agenda.item(item.id).started_at == dt.time(10, 40)
    assert [p.name for p, _ in archive.attendance.present_at_item(item.id)] == ["Kari Nordmann"]
    archive.close()


async def test_ctrl_z_brings_a_deleted_remark_back_but_in_a_text_field_undoes_the_typing(tmp_path):
    from nuit_tui.tui.screens.help import HelpScreen
    from nuit_tui.tui.screens.meeting_mode_widgets import RemarksTable

    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Rom 4117")
    item = archive.agenda.items(meeting.id)[0]
    first = archive.minutes.add_remark(m.Remark(item_id=item.id, speaker="FHI", text="Første"))
    second = archive.minutes.add_remark(m.Remark(item_id=item.id, speaker="Helse Nord RHF", text="Andre"))
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        remarks = app.screen.query_one(RemarksTable)
        remarks.focus()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one("#keys", DataTable)
        assert ["Ctrl+Z", "Angre siste sletting"] in [[str(c) for c in keys.get_row_at(i)] for i in range(keys.row_count)]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("delete", "j")
        await pilot.pause()
        assert [r.id for r in archive.minutes.remarks(item.id)] == [second.id]
        # In the narrative, Ctrl+Z takes back what was typed there, not the delete.
        narrative = app.screen.query_one("#narrative")
        narrative.focus()
        await type_text(pilot, "Ny tekst")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert narrative.text == ""
        assert [r.id for r in archive.minutes.remarks(item.id)] == [second.id]
        remarks.focus()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any("Angret sletting av innspillet fra FHI" in str(n.message) for n in app._notifications)
        assert remarks.row_count == 2
    assert [(r.id, r.text) for r in archive.minutes.remarks(item.id)] == [(first.id, "Første"), (second.id, "Andre")]
    archive.close()


def test_an_undone_attendance_row_comes_back_with_its_id_unless_the_person_was_registered_again(tmp_path):
    from nuit_tui.errors import StoreError

    archive = Archive.open(tmp_path / "nuit.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    kari = archive.members.add_person("Kari Nordmann")
    archive.members.add_membership(m.Membership(person_id=kari.id, body_id=body.id))
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Rom 4117")
    archive.attendance.ensure(meeting.id)
    row = archive.attendance.set_arrived(meeting.id, kari.id, dt.time(9, 30))
    deletion = archive.undo.remove_attendance(row.id, "registreringen av Kari Nordmann")
    assert archive.attendance.row_of(meeting.id, kari.id) is None
    archive.undo.restore(deletion)
    assert archive.attendance.row_of(meeting.id, kari.id) == row
    # Deleted again, then registered anew: putting the old row back would make two.
    deletion = archive.undo.remove_attendance(row.id, "registreringen av Kari Nordmann")
    archive.attendance.set_status(meeting.id, kari.id, m.AttendanceStatus.ABSENT_WITH_NOTICE)
    again = archive.attendance.row_of(meeting.id, kari.id)
    try:
        archive.undo.restore(deletion)
    except StoreError as exc:
        assert "Kan ikke angre" in str(exc)
    else:
        raise AssertionError("restore over a new registration must be refused")
    assert archive.attendance.rows(meeting.id) == [again]
    archive.close()


def test_the_meeting_clock_counts_from_the_first_stamped_start():
    from nuit_tui.domain.meeting_clock import meeting_elapsed

    meeting = m.Meeting(id=1, body_id=1, year=2023, number=1, date=dt.date(2023, 5, 25), start_time=dt.time(9), end_time=dt.time(12))
    items = [
        m.AgendaItem(meeting_id=1, title="A", started_at=dt.time(9, 20), ended_at=dt.time(9, 50)),
        m.AgendaItem(meeting_id=1, title="B", started_at=dt.time(9, 50)),
        m.AgendaItem(meeting_id=1, title="C"),
    ]
    assert meeting_elapsed(meeting, items, dt.datetime(2023, 5, 25, 10)) == 40 * 60
    assert meeting_elapsed(meeting, items[2:], dt.datetime(2023, 5, 25, 10)) == 60 * 60  # nothing stamped: the plan
    assert meeting_elapsed(meeting, items, dt.datetime(2023, 6, 1, 10)) == 30 * 60  # another day: as it was held
    assert meeting_elapsed(meeting, items[2:], dt.datetime(2023, 6, 1, 10)) is None
