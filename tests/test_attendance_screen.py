"""Attendance (issue 4 §4): the grid by keys alone, checked in the database, and
the service's refusals."""

import datetime as dt

import pytest
from textual.widgets import Static

from conftest import type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.store import errors
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.attendance import AttendanceScreen, GuestsTable, MembersGrid
from nuit_tui.tui.widgets.confirm import ConfirmScreen

Status = m.AttendanceStatus


def person_id(archive, name):
    return archive.members.person_by_name(name).id


def select(table, archive, name):
    table.move_cursor(row=table.get_row_index(f"p{person_id(archive, name)}"))


async def type_time(pilot, grid, archive, name: str, key: str, clock: str) -> None:
    """«Kom kl.» (a) or «Gikk kl.» (l) for the person's row, typed over what is offered."""
    select(grid, archive, name)
    await pilot.press(key)
    await pilot.pause()
    await type_text(pilot, clock)
    await pilot.press("enter")
    await pilot.pause()


async def take_registered_substitute(pilot, grid, archive, member: str) -> None:
    """`s` on the member's row and Enter on the substitute it proposes (the registered one)."""
    select(grid, archive, member)
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


def names(pairs):
    return [person.name for person, _ in pairs]


async def test_roll_call_substitute_late_arrival_and_guests_by_keys(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    assert archive.attendance.rows(meeting.id) == []
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        grid = app.screen.query_one(MembersGrid)
        # The secretariat is prefilled from the body's memberships; members are not registered yet.
        assert [a.role for a in archive.attendance.rows(meeting.id)] == [m.AttendanceRole.SECRETARIAT] * 4
        assert "Ikke registrert" in str(grid.get_row_at(0)[2])

        select(grid, archive, "Mariann Hornnes")
        await pilot.press("t")
        select(grid, archive, "Ole Johan Kvan")
        await pilot.press("f")
        select(grid, archive, "Ole Jørgen Kirkeluten")
        await pilot.press("v")
        await type_time(pilot, grid, archive, "Per Olav Skjesol", "a", "10.30")  # «Kom kl.», prefilled with now

        # A substitute for the absent member: a new name registers a new person.
        select(grid, archive, "Ole Johan Kvan")
        await pilot.press("s")
        await pilot.pause()
        await type_text(pilot, "Vara Vestli")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)

        # Guests: the meeting's presenters, then remove one after saying yes.
        await pilot.press("g")
        await pilot.pause()
        guests = app.screen.query_one(GuestsTable)
        guests.focus()
        select(guests, archive, "Heidi Amundsen")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)

    def row(name):
        return archive.attendance.row_of(meeting.id, person_id(archive, name))

    assert row("Mariann Hornnes").status is Status.PRESENT
    assert row("Ole Johan Kvan").status is Status.ABSENT_WITH_NOTICE
    assert (row("Ole Jørgen Kirkeluten").status, row("Ole Jørgen Kirkeluten").remote) == (Status.PRESENT, True)
    assert (row("Per Olav Skjesol").status, row("Per Olav Skjesol").arrived_at) == (Status.PRESENT, dt.time(10, 30))
    assert row("Bjørn Nilsen") is None  # no key pressed: not registered

    substitute = row("Vara Vestli")
    assert substitute.role is m.AttendanceRole.SUBSTITUTE and substitute.status is Status.PRESENT
    assert substitute.substitute_for_person_id == person_id(archive, "Ole Johan Kvan")
    assert substitute.organization_id == archive.members.organization("Helse Sør-Øst RHF").id

    guests = [archive.members.person(a.person_id).name for a in archive.attendance.rows(meeting.id) if a.role is m.AttendanceRole.GUEST]
    assert "Håvard Kolle Riis" in guests and "Heidi Amundsen" not in guests
    assert "Siv Ingebrigtsen" not in guests  # presents, but is listed with the secretariat

    # Who was there for an item before and after the late arrival (planned slots).
    spans = {row.case_number: row.item.id for row in archive.agenda.for_meeting(meeting.id).rows}
    before, after = archive.attendance.present_at_item(spans["13/23"]), archive.attendance.present_at_item(spans["18/23"])
    assert archive.agenda.item_span(spans["13/23"]) == (dt.time(9, 0), dt.time(9, 5))
    assert names(before) == ["Mariann Hornnes", "Vara Vestli", "Ole Jørgen Kirkeluten"]
    assert names(after) == ["Mariann Hornnes", "Vara Vestli", "Ole Jørgen Kirkeluten", "Per Olav Skjesol"]
    archive.close()


async def test_the_registered_substitute_is_offered_and_the_time_form_refuses_nonsense(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        app.push_screen(AttendanceScreen(meeting.id))
        await pilot.pause()
        grid = app.screen.query_one(MembersGrid)
        await take_registered_substitute(pilot, grid, archive, "Anne-Lise Härter")  # «Maren Krogh» is proposed
        assert isinstance(app.screen, AttendanceScreen)

        select(grid, archive, "Bodil Rabben")
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "13")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await type_text(pilot, "12.00")
        await pilot.press("enter")
        await pilot.pause()
        assert "kan ikke ha gått" in str(app.screen.query_one("#form-error").render())
        await pilot.press("escape")  # the typed time is dropped once confirmed
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()

        # An empty time clears the arrival.
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("backspace")
        await pilot.press("enter")
        await pilot.pause()

    maren = archive.attendance.row_of(meeting.id, person_id(archive, "Maren Krogh"))
    assert maren.substitute_for_person_id == person_id(archive, "Anne-Lise Härter")
    assert maren.organization_id == archive.members.organization("Apotekforeningen").id
    assert archive.attendance.row_of(meeting.id, person_id(archive, "Anne-Lise Härter")).status is Status.ABSENT_WITH_NOTICE
    bodil = archive.attendance.row_of(meeting.id, person_id(archive, "Bodil Rabben"))
    assert (bodil.arrived_at, bodil.left_at) == (None, None)
    archive.close()


async def test_a_member_marked_present_beside_the_substitute_is_warned_of_not_refused(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        app.push_screen(AttendanceScreen(meeting.id))
        await pilot.pause()
        grid = app.screen.query_one(MembersGrid)
        warnings = app.screen.query_one("#attendance-warnings", Static)
        await take_registered_substitute(pilot, grid, archive, "Anne-Lise Härter")  # Maren Krogh; she is absent with notice
        assert not warnings.display
        select(grid, archive, "Anne-Lise Härter")
        await pilot.press("t")  # and then marked present too: a key on the wrong row?
        await until(pilot, lambda: warnings.display, what="the warning line")
        said = (
            "Både Anne-Lise Härter (Apotekforeningen) og stedfortrederen Maren Krogh står som til stede; "
            "en stedfortreder møter bare i medlemmets sted"
        )
        assert str(warnings.render()) == f"⚠ {said}"
        assert [n.message for n in app._notifications if n.severity == "warning"] == [said]
        # Written all the same: the secretary may know better.
        assert archive.attendance.row_of(meeting.id, person_id(archive, "Anne-Lise Härter")).status is Status.PRESENT
        # She left at 11.00 and Maren came then: a hand-over, nothing to warn of.
        await type_time(pilot, grid, archive, "Anne-Lise Härter", "l", "11.00")
        await type_time(pilot, grid, archive, "Maren Krogh", "a", "11.00")
        await until(pilot, lambda: not warnings.display, what="the warning gone")
    archive.close()


# --- service -----------------------------------------------------------------------


def test_a_member_row_is_made_on_the_first_key_in_notice_order(demo):
    meeting = demo.meetings.find("NUIT", "2/2023")
    kvan = person_id(demo, "Ole Johan Kvan")
    demo.attendance.set_arrived(meeting.id, kvan, dt.time(10))
    row = demo.attendance.row_of(meeting.id, kvan)
    membership = next(ms for ms in demo.attendance.meeting_members(meeting.id) if ms.person_id == kvan)
    assert (row.role, row.status, row.position) == (m.AttendanceRole.MEMBER, Status.PRESENT, membership.position)
    assert row.organization_id == demo.members.organization("Helse Sør-Øst RHF").id
    # Absent means absent for the whole meeting: no time span, no video.
    demo.attendance.set_remote(meeting.id, kvan, True)
    row = demo.attendance.set_status(meeting.id, kvan, Status.ABSENT_WITHOUT_NOTICE)
    assert (row.arrived_at, row.remote) == (None, False)


def test_left_before_arrived_is_refused(demo):
    meeting = demo.meetings.find("NUIT", "2/2023")
    kvan = person_id(demo, "Ole Johan Kvan")
    demo.attendance.set_left(meeting.id, kvan, dt.time(12))
    with pytest.raises(errors.Conflict, match="kan ikke ha gått kl. 12.00"):
        demo.attendance.set_arrived(meeting.id, kvan, dt.time(13, 20))
    demo.attendance.set_arrived(meeting.id, kvan, dt.time(9, 30))
    with pytest.raises(errors.Conflict, match="«Gikk kl.» må være etter"):
        demo.attendance.set_left(meeting.id, kvan, dt.time(9, 30))
    row = demo.attendance.row_of(meeting.id, kvan)
    assert (row.arrived_at, row.left_at) == (dt.time(9, 30), dt.time(12))


def test_a_substitute_only_for_a_member_of_that_day(demo):
    meeting = demo.meetings.find("NUIT", "1/2023")  # 16 February 2023
    stranger, _ = demo.attendance.attendee_for_name("Vara Vestli")
    # Odd Ruud's membership begins 1 March 2023.
    with pytest.raises(errors.Conflict, match="Odd Ruud er ikke medlem av NUIT på møtedagen"):
        demo.attendance.add_substitute(meeting.id, person_id(demo, "Odd Ruud"), stranger.id)
    with pytest.raises(errors.Conflict, match="ikke medlem"):
        demo.attendance.add_substitute(meeting.id, person_id(demo, "Siv Ingebrigtsen"), stranger.id)
    with pytest.raises(errors.Conflict, match="seg selv"):
        demo.attendance.add_substitute(meeting.id, person_id(demo, "Jon Kirknes"), person_id(demo, "Jon Kirknes"))
    with pytest.raises(errors.Conflict, match="har allerede Maren Krogh som stedfortreder"):
        demo.attendance.add_substitute(meeting.id, person_id(demo, "Anne-Lise Härter"), stranger.id)
    with pytest.raises(errors.Conflict, match="Odd Ruud er verken medlem"):
        demo.attendance.set_status(meeting.id, person_id(demo, "Odd Ruud"), Status.PRESENT)


def test_a_person_only_once(demo):
    meeting = demo.meetings.find("NUIT", "1/2023")
    with pytest.raises(errors.Conflict, match="Maren Krogh står allerede i deltakerlisten \\(stedfortreder\\)"):
        demo.attendance.add_attendee(meeting.id, person_id(demo, "Maren Krogh"), m.AttendanceRole.GUEST)
    with pytest.raises(errors.Conflict, match="Siv Ingebrigtsen står allerede i deltakerlisten \\(sekretariatet\\)"):
        demo.attendance.add_substitute(meeting.id, person_id(demo, "Jon Kirknes"), person_id(demo, "Siv Ingebrigtsen"))
    meeting2 = demo.meetings.find("NUIT", "2/2023")
    with pytest.raises(errors.Conflict, match="Terje Wistner er medlem av NUIT"):
        demo.attendance.add_attendee(meeting2.id, person_id(demo, "Terje Wistner"), m.AttendanceRole.GUEST)
    with pytest.raises(errors.Conflict, match="er selv medlem av NUIT"):
        demo.attendance.add_substitute(meeting2.id, person_id(demo, "Jon Kirknes"), person_id(demo, "Eva Buschmann"))
    with pytest.raises(errors.Conflict, match="Medlemmer registreres"):
        demo.attendance.add_attendee(meeting2.id, person_id(demo, "Georg Ranhoff"), m.AttendanceRole.MEMBER)


def test_approved_minutes_lock_the_attendance(demo):
    meeting = demo.meetings.find("NUIT", "1/2022")
    assert meeting.status is m.MeetingStatus.MINUTES_APPROVED
    before = demo.attendance.rows(meeting.id)
    assert demo.attendance.ensure(meeting.id) == before  # only read, never prefilled
    with pytest.raises(errors.Conflict, match="godkjent og låst"):
        demo.attendance.set_status(meeting.id, person_id(demo, "Jon Kirknes"), Status.PRESENT)


async def test_the_attendance_heading_says_locked_only_while_the_minutes_are_locked(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "1/2022")
    archive.lock.unlock(meeting.id, "Feil i oppmøtet")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        app.push_screen(AttendanceScreen(meeting.id))
        await pilot.pause()
        heading = lambda: str(app.screen.query_one("#attendance-heading", Static).render())  # noqa: E731
        assert "låst" not in heading()
        select(app.screen.query_one(MembersGrid), archive, "Jon Kirknes")
        await pilot.press("t")  # unlocked: the attendance may change
        await pilot.pause()
        assert archive.attendance.row_of(meeting.id, person_id(archive, "Jon Kirknes")).status is Status.PRESENT
        archive.lock.relock(meeting.id)
        app.screen.reload()
        await pilot.pause()
        assert "referatet er godkjent og låst" in heading()
    archive.close()


def test_the_secretariat_is_prefilled_while_none_is_listed(demo):
    meeting = demo.meetings.find("NUIT", "2/2023")
    first = demo.attendance.ensure(meeting.id)
    assert [demo.members.person(a.person_id).name for a in first] == [
        "Siv Ingebrigtsen", "Lucie Aunan", "Karen Lima", "Vibeke Jonassen Wang",
    ]
    assert demo.attendance.ensure(meeting.id) == first
    removed = demo.attendance.remove(first[0].id)
    assert removed.person_id == first[0].person_id
    assert len(demo.attendance.ensure(meeting.id)) == 3


def test_presence_at_an_item_follows_its_recorded_times(demo):
    meeting = demo.meetings.find("NUIT", "1/2023")
    item = demo.agenda.find_item("NUIT 8/23")
    # Planned 12.40–13.20; Kristin Brekke came at 13.20, Asbjørn Finstad left at 13.30.
    planned = names(demo.attendance.present_at_item(item.id))
    assert "Kristin Brekke" not in planned and "Asbjørn Finstad" in planned
    assert "Maren Krogh" in planned and "Anne-Lise Härter" not in planned
    assert "Siv Ingebrigtsen" not in planned  # staff do not count
    demo.store.update(demo.agenda.item(item.id).model_copy(update={"started_at": dt.time(13, 25), "ended_at": dt.time(13, 50)}))
    actual = names(demo.attendance.present_at_item(item.id))
    assert "Kristin Brekke" in actual and "Asbjørn Finstad" not in actual
    # Under way: from its start, for its planned length.
    demo.store.update(demo.agenda.item(item.id).model_copy(update={"started_at": dt.time(13, 0), "ended_at": None}))
    assert demo.agenda.item_span(item.id) == (dt.time(13, 0), dt.time(13, 40))
    assert meeting.id == item.meeting_id


def screen_lines(app) -> list[str]:
    """What the terminal shows of the screen on top, line by line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_at_80_columns_the_video_mark_and_arrival_time_show_and_the_counts_wrap(demo_path):
    """At 80×24 the «Video», «Fra» and «Til» columns were off-screen: both rows read only
    «Til stede», and the count line was cut («… stedfortredere 0 · ikke»). The status cell
    now carries the marks, the name and organisation columns give way, the counts wrap;
    widened, the columns take their room back."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # meeting 2/2023, the first in the list
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, AttendanceScreen))
        await pilot.press("v")  # Mariann Hornnes on video, and down to Ole Johan Kvan
        await pilot.press("a")
        await type_text(pilot, "0915")
        await pilot.press("enter")
        kvan = person_id(archive, "Ole Johan Kvan")
        await until(pilot, lambda: isinstance(app.screen, AttendanceScreen) and archive.attendance.row_of(meeting.id, kvan).arrived_at)
        await pilot.pause()
        lines = screen_lines(app)
        assert all(len(line) <= 80 for line in lines)
        assert "Til stede · video" in next(line for line in lines if "Mariann Hornnes" in line)
        assert "Til stede · kom 09.15" in next(line for line in lines if "Ole Johan Kvan" in line)
        counts = " ".join(line.strip() for line in lines[2:4])
        assert "stedfortredere 0 · ikke registrert 18 av 20" in counts, lines[:5]

        await pilot.resize_terminal(130, 30)
        await until(pilot, lambda: "Direktoratet for e-helse" in "\n".join(screen_lines(app)))
        assert "Stedfortreder" in "\n".join(screen_lines(app))

    hornnes = archive.attendance.row_of(meeting.id, person_id(archive, "Mariann Hornnes"))
    kvan_row = archive.attendance.row_of(meeting.id, kvan)
    assert (hornnes.status, hornnes.remote) == (Status.PRESENT, True)
    assert (kvan_row.status, kvan_row.arrived_at) == (Status.PRESENT, dt.time(9, 15))
    archive.close()


async def test_the_substitute_form_takes_the_name_shown_on_enter_and_tab(demo_path):
    """«Vara» showing «Vara Vestli» in the substitute's field: Enter registered a new person
    «Vara» (the line under the field said so, of the letters typed). Enter, and Tab, take
    the name shown."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    for name in ("Vara Vestli", "Vara Vik"):
        archive.members.add_person(name)
    people = len(archive.store.find(m.Person))
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, AttendanceScreen))
        attendance = app.screen
        for member, typed, wanted, keys in (("Ole Johan Kvan", "Vara", "Vara Vestli", ("enter",)),
                                            ("Bjørn Nilsen", "Vara Vi", "Vara Vik", ("tab", "enter"))):
            select(attendance.query_one(MembersGrid), archive, member)
            await pilot.press("s")
            await until(pilot, lambda: app.screen is not attendance)
            field = app.screen.query_one("#name")
            field.value = ""
            await type_text(pilot, typed)
            await until(pilot, lambda field=field, wanted=wanted: field._suggestion == wanted, what="the name shown")
            await pilot.press(*keys)
            await until(pilot, lambda: app.screen is attendance, what=f"the form saved ({member})")
            row = archive.attendance.row_of(meeting.id, person_id(archive, wanted))
            assert row is not None and row.substitute_for_person_id == person_id(archive, member)
    assert len(archive.store.find(m.Person)) == people  # nobody new
    archive.close()
