"""Before the notice is sent, what would go out wrong is found and shown: untitled items,
a previous-minutes item naming the wrong meeting, an agenda that runs over, decision and
approval items without a proposal, exempt items without a basis."""

from __future__ import annotations

import datetime as dt

import pytest

from nuit_tui.domain import models as m
from nuit_tui.domain.notice_check import NoticeProblemKind
from nuit_tui.services import Archive
from nuit_tui.services.notice import check_notice


def sound_meeting(archive):
    """NUIT 2/2023 on 25 May after 1/2023 on 16 February (1/23, 2/23), standard items only (3/23-5/23)."""
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    archive.meetings.create(body.id, dt.date(2023, 2, 16), dt.time(9), dt.time(16), location="Teams")
    return archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(9, 30), location="Teams")


def spoil(archive, meeting):
    """Every finding once."""
    archive.agenda.add_item(meeting.id)  # «Ny sak»
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Budsjett", item_type=m.ItemType.BESLUTNING, duration_minutes=150))
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Anskaffelse", item_type=m.ItemType.ORIENTERING,
                                                      duration_minutes=10, exempt=True,
                                                      proposed_decision="NUIT tar saken til orientering."))
    approval = next(i for i in archive.agenda.items(meeting.id) if i.title.startswith("Godkjenning av referat"))
    archive.agenda.update_item(approval.model_copy(update={"title": "Godkjenning av referat fra NUIT 17. november 2022"}))


def kinds(problems):
    return [p.kind for p in problems]


def test_a_sound_agenda_has_nothing_to_find(archive):
    assert check_notice(archive, sound_meeting(archive).id) == []


def test_each_fault_is_found_and_named(archive):
    meeting = sound_meeting(archive)
    spoil(archive, meeting)
    problems = check_notice(archive, meeting.id)
    assert sorted(kinds(problems)) == sorted(
        [
            NoticeProblemKind.WRONG_PREVIOUS_MINUTES,
            NoticeProblemKind.UNTITLED,
            NoticeProblemKind.NO_PROPOSAL,
            NoticeProblemKind.NO_EXEMPTION_BASIS,
            NoticeProblemKind.OVERRUN,
        ]
    )
    text = "\n".join(p.message for p in problems)
    assert "Sak 4/23 skal godkjenne referatet fra forrige møte, NUIT 16. februar 2023" in text
    assert "Sak 5/23 har ingen tittel" in text
    assert "Sak 6/23 (Beslutning) mangler forslag til vedtak" in text
    assert "Sak 7/23 er unntatt offentlighet uten hjemmel" in text
    assert "Dagsordenen går " in text and "møtets slutt kl. 09.30" in text


def test_a_minutes_item_when_there_was_no_meeting_before_is_found(archive):
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(9, 30))
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Godkjenning av referat fra NUIT 1. mars 2023",
                                                      item_type=m.ItemType.GODKJENNING, proposed_decision="NUIT godkjenner.", duration_minutes=5))
    assert kinds(check_notice(archive, meeting.id)) == [NoticeProblemKind.WRONG_PREVIOUS_MINUTES]


def test_a_pinned_item_the_agenda_cannot_reach_is_found(archive):
    meeting = sound_meeting(archive)
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Gjest", item_type=m.ItemType.ORIENTERING, duration_minutes=10,
                                                      fixed_start=dt.time(9, 5),
                                                      proposed_decision="NUIT tar saken til orientering."))
    assert kinds(check_notice(archive, meeting.id)) == [NoticeProblemKind.LATE_ITEM]


def test_every_item_but_eventuelt_has_a_type_and_a_proposal_and_an_early_end_is_said(archive):
    """As the seed's notice has them: an orientation item too has «NUIT tar saken til orientering»."""
    meeting = sound_meeting(archive)
    archive.meetings.update(meeting.model_copy(update={"end_time": dt.time(12)}))
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Bare en tittel", duration_minutes=20))
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Status", item_type=m.ItemType.ORIENTERING, duration_minutes=20))
    problems = check_notice(archive, meeting.id)
    assert [p.message for p in problems] == [
        "Sak 5/23 mangler sakstype",
        "Sak 5/23 mangler forslag til vedtak",
        "Sak 6/23 (Orientering) mangler forslag til vedtak",
        "Dagsordenen slutter kl. 10.00, 120 min før møtets slutt kl. 12.00: innkallingen sier at møtet varer til da",
    ]  # and nothing of «Eventuelt» (3/23 … 7/23: the standard items around the two)


def run(*args):
    from conftest import run as nuit

    return nuit(*args)


def test_cli_check_notice_exits_1_with_the_findings_and_0_when_sound(tmp_path):
    db = tmp_path / "nuit.sqlite"
    archive = Archive.open(db)
    meeting = sound_meeting(archive)
    archive.close()
    ok = run("check-notice", "--body", "NUIT", "--meeting", "2/2023", "--db", db)
    assert (ok.returncode, ok.stdout.strip()) == (0, "OK: innkallingen til NUIT 2/2023 kan sendes")
    archive = Archive.open(db)
    spoil(archive, meeting)
    archive.close()
    bad = run("check-notice", "--body", "NUIT", "--meeting", "2/2023", "--db", db)
    assert bad.returncode == 1 and len(bad.stdout.strip().splitlines()) == 5 and "Sak 5/23 har ingen tittel" in bad.stdout
    unknown = run("check-notice", "--body", "NUIT", "--meeting", "9/2023", "--db", db)
    assert unknown.returncode == 2 and len(unknown.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("answer", ["n", "j"])
async def test_s_shows_the_findings_and_sends_only_when_told(tmp_path, answer):
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.widgets.confirm import ConfirmScreen

    archive = Archive.open(tmp_path / "nuit.sqlite")
    meeting = sound_meeting(archive)
    spoil(archive, meeting)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        shown = str(app.screen.query_one("#question").render())
        assert "Sak 5/23 har ingen tittel" in shown and "Sende likevel?" in shown
        await pilot.press(answer)
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    status = archive.meetings.get(meeting.id).status
    archive.close()
    assert status is (m.MeetingStatus.NOTICE_SENT if answer == "j" else m.MeetingStatus.PLANNED)


def test_the_previous_minutes_proposal_is_checked_only_when_it_names_a_date():
    from nuit_tui.domain.notice_check import check_notice as check
    from nuit_tui.domain.timeplan import time_plan

    def item(proposal):
        return m.AgendaItem(
            id=1, meeting_id=1, title="Godkjenning av referatet fra NUIT 16. februar 2023.",
            item_type=m.ItemType.GODKJENNING, proposed_decision=proposal, duration_minutes=5,
        )

    plan = time_plan(dt.time(9), dt.time(9, 10), [])  # (an agenda that ends half an hour early is a finding of its own)
    previous = dt.date(2023, 2, 16)
    assert check("NUIT", [("2/23", item("NUIT godkjenner referatet."))], plan, previous_meeting=previous, end=dt.time(10)) == []
    found = check("NUIT", [("2/23", item("NUIT godkjenner referatet fra NUIT 17. november 2022."))], plan, previous_meeting=previous, end=dt.time(10))
    assert kinds(found) == [NoticeProblemKind.WRONG_PREVIOUS_MINUTES]


def test_minutes_of_a_meeting_the_archive_lacks_are_named_as_missing_not_as_wrong():
    """The demo's 1/2023 approves the minutes of 17 November 2022, a meeting the demo lacks:
    the check said the item should approve those of 17 February 2022 instead."""
    from nuit_tui.domain.notice_check import check_notice as check
    from nuit_tui.domain.timeplan import time_plan

    def approving(day: str) -> m.AgendaItem:
        return m.AgendaItem(
            id=1, meeting_id=1, title=f"Godkjenning av referat fra NUIT {day}", item_type=m.ItemType.GODKJENNING,
            proposed_decision="NUIT godkjenner referatet.", duration_minutes=5,
        )

    plan = time_plan(dt.time(9), dt.time(9, 10), [])  # (an agenda that ends half an hour early is a finding of its own)
    args = {"previous_meeting": dt.date(2022, 2, 17), "end": dt.time(10), "meeting_date": dt.date(2023, 2, 16)}
    (missing,) = check("NUIT", [("2/23", approving("17. november 2022"))], plan, **args)
    assert missing.kind is NoticeProblemKind.WRONG_PREVIOUS_MINUTES
    assert str(missing) == (
        "Sak 2/23 godkjenner referatet fra NUIT 17. november 2022, et møte arkivet ikke har"
        " (forrige møte i arkivet er NUIT 17. februar 2022): sjekk at tittelen er riktig"
    )
    for wrong in ("10. februar 2022", "16. februar 2023", "1. mars 2023"):  # before the previous, this one, after
        (found,) = check("NUIT", [("2/23", approving(wrong))], plan, **args)
        assert str(found).startswith("Sak 2/23 skal godkjenne referatet fra forrige møte, NUIT 17. februar 2022")
    assert check("NUIT", [("2/23", approving("17. februar 2022"))], plan, **args) == []
