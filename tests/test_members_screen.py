"""The members registry: Pilot tests by keys only, checked in the archive afterwards,
and the service's refusals."""

import datetime as dt

import pytest
from textual.widgets import DataTable, Static

from conftest import burst, cell_texts, palette_highlights, type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.store import errors
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.help import HelpScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen
from nuit_tui.tui.screens.member_forms import MembershipForm
from nuit_tui.tui.screens.members import MembersScreen
from nuit_tui.tui.widgets.confirm import ConfirmScreen


async def open_members(pilot, tab: str = "1") -> None:
    await pilot.pause()
    await pilot.press("m")
    await pilot.pause()
    if tab != "1":
        await pilot.press(tab)
        await pilot.pause()


async def go_to_row(pilot, table: DataTable, name: str) -> None:
    """Move the cursor down to the row whose first cell is `name`."""
    index = cell_texts(table, 0).index(name)
    await pilot.press("home", *(["down"] * index))
    await pilot.pause()


def nuit(archive: Archive) -> m.Body:
    return archive.members.body("NUIT")


def person_named(archive: Archive, name: str) -> m.Person:
    return archive.members.find_person(name)


async def test_m_opens_the_members_of_the_body_in_notice_order_and_escape_goes_back(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_members(pilot)
        assert isinstance(app.screen, MembersScreen)
        table = app.screen.query_one("#memberships-table", DataTable)
        names = cell_texts(table, 0)
        assert names[0] == "Mariann Hornnes" and "Maren Krogh" in names
        row = names.index("Maren Krogh")
        assert str(table.get_row_at(row)[1]) == "Stedfortreder"
        assert str(table.get_row_at(row)[3]) == "Anne-Lise Härter"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
    archive.close()


def asked(app) -> bool:
    """A question is on screen: keys from now on answer it (before, they are typed on)."""
    return isinstance(app.screen, ConfirmScreen) and app.screen.is_shown


def question(app) -> str:
    return str(app.screen.query_one("#question", Static).render())


def toasts(app) -> list[str]:
    return [n.message for n in app._notifications]


async def new_person_form(pilot, name: str) -> None:
    """On the members' people tab, a new person's form with `name` typed, in its organisation field."""
    await open_members(pilot, "2")
    await pilot.press("n")
    await pilot.pause()
    await type_text(pilot, name)
    await pilot.press("tab")


async def test_add_a_person_with_a_new_organisation(demo_path):
    """A name that matches no organisation is asked about: «Ny organisasjon» makes it."""
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await new_person_form(pilot, "Ola Nordmann")
        await type_text(pilot, "Helse Testland HF")
        await pilot.press("enter")
        await until(pilot, lambda: asked(app))
        assert "«Helse Testland HF» finnes ikke blant organisasjonene" in question(app)
        await pilot.press("j")  # «Ny organisasjon»
        await until(pilot, lambda: isinstance(app.screen, MembersScreen))
        messages = [n.message for n in app._notifications]
        assert any("Ny organisasjon lagt til: Helse Testland HF" in text for text in messages)
        assert "Ola Nordmann" in cell_texts(app.screen.query_one("#people-table", DataTable), 0)
    archive.close()
    check = Archive.open(demo_path)
    person = check.members.find_person("Ola Nordmann")
    assert check.members.organization_by_id(person.organization_id).name == "Helse Testland HF"
    check.close()


async def test_add_a_substitute_for_a_member_from_a_date(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_members(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MembershipForm)
        await type_text(pilot, "Kari Jørgensen")
        await pilot.press("tab")  # the role
        await pilot.press("enter", "down", "enter")  # Medlem → Stedfortreder
        await pilot.pause()
        await pilot.press("tab")  # representing: filled in from the person
        await pilot.pause()
        assert app.screen.query_one("#organization").value == "Norsk helsenett SF"
        await pilot.press("tab")
        await type_text(pilot, "Bodil Rabben")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "1. mars 2023")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        assert cell_texts(app.screen.query_one("#memberships-table", DataTable), 0)[-1] == "Kari Jørgensen"
    archive.close()
    check = Archive.open(demo_path)
    body = nuit(check)
    kari, bodil = person_named(check, "Kari Jørgensen"), person_named(check, "Bodil Rabben")
    (ms,) = [x for x in check.members.memberships(body.id) if x.person_id == kari.id]
    assert ms.role is m.MembershipRole.SUBSTITUTE
    assert ms.substitute_for_person_id == bodil.id
    assert ms.valid_from == dt.date(2023, 3, 1) and ms.valid_to is None
    assert check.members.organization_by_id(ms.organization_id).name == "Norsk helsenett SF"
    assert kari.id not in {x.person_id for x in check.members.members_on(body.id, dt.date(2023, 2, 16))}
    assert kari.id in {x.person_id for x in check.members.members_on(body.id, dt.date(2023, 5, 25))}
    check.close()


async def test_ending_a_membership_keeps_it_in_earlier_member_lists(demo_path):
    archive = Archive.open(demo_path)
    body = nuit(archive)
    kristin = person_named(archive, "Kristin Brekke")
    assert kristin.id in {x.person_id for x in archive.members.members_on(body.id, dt.date(2024, 1, 1))}
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_members(pilot)
        table = app.screen.query_one("#memberships-table", DataTable)
        await go_to_row(pilot, table, "Kristin Brekke")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "30.6.2023")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        row = cell_texts(table, 0).index("Kristin Brekke")
        assert str(table.get_row_at(row)[5]) == "30.06.2023"
    archive.close()
    check = Archive.open(demo_path)
    on = lambda day: {x.person_id for x in check.members.members_on(body.id, day)}  # noqa: E731
    assert kristin.id in on(dt.date(2023, 5, 25))
    assert kristin.id in on(dt.date(2023, 6, 30))
    assert kristin.id not in on(dt.date(2023, 7, 1))
    check.close()


async def test_bad_dates_show_an_error_and_write_nothing(demo_path):
    archive = Archive.open(demo_path)
    body = nuit(archive)
    before = len(archive.members.memberships(body.id))
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_members(pilot)
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Kari Jørgensen")
        await pilot.press("tab", "tab", "tab")  # role, representing, from
        await pilot.press("ctrl+u")
        await type_text(pilot, "32.13.2023")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MembershipForm)
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "Fra:" in error and "32.13.2023" in error
        # A to-date before the from-date is refused too.
        await pilot.press("ctrl+u")
        await type_text(pilot, "1.3.2023")
        await pilot.press("tab")
        await type_text(pilot, "1.1.2023")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MembershipForm)
        assert "før fra-datoen" in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("escape", "j")  # drop what was typed, once confirmed
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
    assert len(archive.members.memberships(body.id)) == before
    archive.close()


async def test_deleting_a_person_asks_first_and_deletes_on_j(demo_path):
    archive = Archive.open(demo_path)
    archive.members.create_person("Test Testesen")
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_members(pilot, "2")
        await pilot.press("slash")
        await type_text(pilot, "testesen")
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one("#people-table", DataTable)
        assert cell_texts(table, 0) == ["Test Testesen"]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert archive.members.people("Testesen")
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        assert any("Slettet Test Testesen" in n.message for n in app._notifications)
        assert table.row_count == 0
    assert archive.members.people("Testesen") == []
    archive.close()


async def test_deleting_a_membership_asks_and_a_body_with_meetings_is_refused(demo_path):
    archive = Archive.open(demo_path)
    body = nuit(archive)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_members(pilot)
        table = app.screen.query_one("#memberships-table", DataTable)
        await go_to_row(pilot, table, "Maren Krogh")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert "Maren Krogh" not in cell_texts(table, 0)
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("d")  # NUIT, the first body, has meetings
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)  # refused before asking
        assert any("kan ikke slettes" in n.message for n in app._notifications)
    maren = person_named(archive, "Maren Krogh")
    assert all(x.person_id != maren.id for x in archive.members.memberships(body.id))
    assert archive.members.body("NUIT")
    archive.close()


async def test_move_membership_with_ctrl_down_and_the_help_lists_the_keys(demo_path):
    archive = Archive.open(demo_path)
    body = nuit(archive)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_members(pilot)
        await pilot.press("ctrl+down")
        await pilot.pause()
        table = app.screen.query_one("#memberships-table", DataTable)
        assert cell_texts(table, 0)[:2] == ["Ole Johan Kvan", "Mariann Hornnes"]
        assert table.cursor_row == 1
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = cell_texts(app.screen.query_one("#keys", DataTable), 1)
        for text in ("Nytt medlemskap", "Avslutt medlemskap", "Bytt utvalg", "Fane Personer"):
            assert text in keys
        assert any(text.startswith("Flytt opp") for text in keys)
    names = [archive.members.person(x.person_id).name for x in archive.members.memberships(body.id)]
    assert names[:2] == ["Ole Johan Kvan", "Mariann Hornnes"]
    archive.close()


async def test_b_switches_the_body_of_the_member_list(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_members(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert app.body.short_name == "NEHS"
        assert app.screen.query_one("#memberships-table", DataTable).row_count == 0
        assert app.screen.query_one("#memberships-note").display
    archive.close()


# --- the service's rules ------------------------------------------------------------


def test_a_body_with_meetings_cannot_be_deleted(demo):
    with pytest.raises(errors.Conflict, match="NUIT kan ikke slettes: utvalget har 5 møter"):
        demo.members.delete_body(demo.members.body("NUIT").id)
    assert demo.members.body("NUIT")


def test_a_body_without_meetings_is_deleted_with_its_memberships(archive):
    body = archive.members.create_body("TEST", "Testutvalget")
    person, _ = archive.members.create_person("Kari Nordmann")
    archive.members.create_membership(body.id, person.id)
    assert archive.members.delete_body(body.id).short_name == "TEST"
    assert archive.members.bodies() == [] and archive.members.memberships_of_person(person.id) == []


def test_body_short_names_are_unique_in_any_case_and_required(demo):
    with pytest.raises(errors.Conflict, match="kortnavnet «NUIT»"):
        demo.members.create_body("nuit", "Et annet utvalg")
    with pytest.raises(errors.Conflict, match="kortnavnet «NEHS»"):
        demo.members.update_body(demo.members.body("NUIT").id, "NEHS", "Prioriteringsutvalget")
    with pytest.raises(errors.Conflict, match="Navn må fylles ut"):
        demo.members.create_body("NY", "  ")
    renamed = demo.members.update_body(demo.members.body("NUIT").id, "NUIT", "Nasjonalt utvalg for IT")
    assert demo.members.body("NUIT").name == renamed.name == "Nasjonalt utvalg for IT"


def test_a_person_who_attended_a_meeting_cannot_be_deleted(demo):
    bodil = demo.members.find_person("Bodil Rabben")
    with pytest.raises(errors.Conflict, match="Bodil Rabben kan ikke slettes: personen står i deltakerlisten"):
        demo.members.delete_person(bodil.id)
    assert demo.members.person(bodil.id)


def test_deleting_a_person_deletes_their_memberships(demo):
    body = demo.members.body("NUIT")
    odd = demo.members.find_person("Odd Ruud")  # a member, never in attendance
    assert demo.members.memberships_of_person(odd.id)
    demo.members.delete_person(odd.id)
    assert all(x.person_id != odd.id for x in demo.members.memberships(body.id))


def test_an_organisation_in_use_cannot_be_deleted_and_names_are_unique(demo):
    ks = demo.members.organization_named("ks")
    with pytest.raises(errors.Conflict, match="«KS» kan ikke slettes: den er brukt av"):
        demo.members.delete_organization(ks.id)
    with pytest.raises(errors.Conflict, match="finnes allerede"):
        demo.members.add_organization("KS")
    unused = demo.members.add_organization("Ubrukt forening", "UF")
    assert demo.members.delete_organization(unused.id).name == "Ubrukt forening"
    assert demo.members.organization_named("Ubrukt forening") is None


def test_a_person_gets_an_organisation_by_name_created_when_new(archive):
    person, created = archive.members.create_person("Kari Nordmann", "Helse Nord RHF", "kari@example.no")
    assert created is not None and created.name == "Helse Nord RHF"
    again, created_again = archive.members.create_person("Per Nordmann", "helse nord rhf")
    assert created_again is None and again.organization_id == person.organization_id
    with pytest.raises(errors.Conflict, match="Navn må fylles ut"):
        archive.members.create_person(" ", "Ny organisasjon")
    with pytest.raises(errors.Conflict, match="e-postadresse"):
        archive.members.create_person("Ola", email="ikke en adresse")
    assert archive.members.organization_named("Ny organisasjon") is None


def test_people_search_folds_norwegian_letters_and_pages(demo):
    assert [p.name for p in demo.members.people("ØYVIND")] == ["Øyvind Kvennås"]
    assert [p.name for p in demo.members.people("bjørn nil")] == ["Bjørn Nilsen"]
    assert [p.name for p in demo.members.people("øy", starts_with=True)] == ["Øyvind Kvennås"]
    assert len(demo.members.people(limit=10)) == 10 and demo.members.people_count() == 50


def test_find_person_needs_one_person(demo):
    demo.members.create_person("Kari Jørgensen", "KS")  # a namesake
    with pytest.raises(errors.Conflict, match="Flere personer heter «Kari Jørgensen»"):
        demo.members.find_person("Kari Jørgensen")
    assert demo.members.organization_by_id(demo.members.find_person("Kari Jørgensen (KS)").organization_id).name == "KS"
    with pytest.raises(errors.NotFound, match="Fant ingen person"):
        demo.members.find_person("Ingen Ingensen")


def test_membership_rules(demo):
    body = demo.members.body("NUIT")
    kari, bodil = demo.members.find_person("Kari Jørgensen"), demo.members.find_person("Bodil Rabben")
    with pytest.raises(errors.Conflict, match="Til-datoen .* er før fra-datoen"):
        demo.members.create_membership(body.id, kari.id, valid_from=dt.date(2023, 3, 1), valid_to=dt.date(2023, 1, 1))
    with pytest.raises(errors.Conflict, match="stedfortreder for seg selv"):
        demo.members.create_membership(body.id, kari.id, role=m.MembershipRole.SUBSTITUTE, substitute_for_person_id=kari.id)
    with pytest.raises(errors.Conflict, match="har allerede et medlemskap i NUIT"):
        demo.members.create_membership(body.id, bodil.id, valid_from=dt.date(2024, 1, 1))
    ms, created = demo.members.create_membership(
        body.id, kari.id, role=m.MembershipRole.MEMBER, organization_name="Norsk helsenett SF",
        substitute_for_person_id=bodil.id, valid_from=dt.date(2023, 3, 1),
    )
    assert created is None and ms.substitute_for_person_id is None  # only a substitute stands in for someone
    assert demo.members.memberships(body.id)[-1].id == ms.id
    with pytest.raises(errors.Conflict, match="før medlemskapet begynte"):
        demo.members.end_membership(ms.id, dt.date(2023, 2, 1))
    demo.members.end_membership(ms.id, dt.date(2023, 12, 31))
    assert ms.id in {x.id for x in demo.members.memberships(body.id, on=dt.date(2023, 12, 31))}
    assert ms.id not in {x.id for x in demo.members.memberships(body.id, on=dt.date(2024, 1, 1))}
    # After the end, a new period for the same person is fine.
    demo.members.create_membership(body.id, kari.id, valid_from=dt.date(2024, 1, 1))


def test_move_membership_keeps_the_order_compact(demo):
    body = demo.members.body("NUIT")
    first, second = demo.members.memberships(body.id)[:2]
    demo.members.move_membership(first.id, 1)
    demo.members.move_membership(first.id, 1000)  # beyond the end: nothing happens
    after = demo.members.memberships(body.id)
    assert [x.id for x in after[:2]] == [second.id, first.id]
    assert [x.position for x in after] == list(range(1, len(after) + 1))


async def test_the_command_palette_opens_the_members_screen(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "medlemmer og")
        await palette_highlights(pilot, "edlemmer")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MembersScreen))
    archive.close()


async def test_a_new_person_takes_the_organisation_the_typed_name_begins(demo_path):
    """m · 2 · n · a name · Tab «Helse Nord» · Tab · Enter made a second organisation,
    «Helse Nord», beside «Helse Nord RHF». Tab takes the suggestion, as in other name fields."""
    archive = Archive.open(demo_path)
    organisations = archive.members.organization_count()
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_person_form(pilot, "Nora Nordli")
        await type_text(pilot, "Helse Nord")
        await pilot.press("tab")
        assert app.screen.query_one("#organization").value == "Helse Nord RHF"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MembersScreen))
        assert not any("Ny organisasjon" in text for text in toasts(app))
    person = archive.members.find_person("Nora Nordli")
    assert archive.members.organization_by_id(person.organization_id).name == "Helse Nord RHF"
    assert archive.members.organization_count() == organisations
    archive.close()


async def test_an_organisation_matching_none_is_not_made_on_no_nor_by_leaving_the_field_without_tab(demo_path):
    """«Rett navnet» makes nothing and gives the field back, with the name to put right;
    Shift+Tab past the field and Enter (or Ctrl+S) asks the same question before anything
    is saved."""
    archive = Archive.open(demo_path)
    organisations, people = archive.members.organization_count(), archive.members.people_count()
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_person_form(pilot, "Nora Nordli")
        with burst():  # «jo» typed on after Tab, before the question shows: not its answer
            await pilot.press(*"Helse", "space", *"Nordd", "tab", "j", "o")
        await until(pilot, lambda: asked(app))
        for _ in range(5):
            await pilot.pause()
        assert "Registrere som ny organisasjon?" in question(app)
        await pilot.press("n")  # «Rett navnet»
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
        assert app.focused.id == "organization" and app.focused.value == "Helse Nordd"
        assert app.screen.query_one("#email").value == "jo"  # kept where it was typed
        await pilot.press("shift+tab", "enter")  # out of the field without taking it, and save
        await until(pilot, lambda: asked(app))
        await pilot.press("n")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
        assert app.screen.query_one("#organization").value == "Helse Nordd"
        await pilot.press("escape", "j")  # drop the form
        await until(pilot, lambda: isinstance(app.screen, MembersScreen))
        assert not any("Ny organisasjon" in text for text in toasts(app))
    assert archive.members.organization_named("Helse Nordd") is None
    assert (archive.members.organization_count(), archive.members.people_count()) == (organisations, people)
    archive.close()


async def test_rett_navnet_keeps_the_typed_organisation_to_put_right_as_the_presenter_field_does(demo_path):
    """«Rett navnet» emptied the field: «Helse Nordd» had to be typed again. The presenter
    field gives the name back with the cursor at its end; so does this one."""
    from nuit_tui.tui.screens.member_forms import OrganizationInput

    archive = Archive.open(demo_path)
    organisations = archive.members.organization_count()
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_person_form(pilot, "Nora Nordli")
        await type_text(pilot, "Helse Nordd")
        await pilot.press("tab")
        await until(pilot, lambda: asked(app))
        await pilot.press("n")  # «Rett navnet»
        await until(pilot, lambda: isinstance(app.focused, OrganizationInput))
        field = app.focused
        assert (field.value, field.cursor_position) == ("Helse Nordd", len("Helse Nordd"))
        assert field.selection.is_empty  # a key typed now puts it right, not replaces it
        await pilot.press("backspace", "tab")  # «Helse Nord»: the registry's «Helse Nord RHF»
        assert field.value == "Helse Nord RHF"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MembersScreen))
    person = archive.members.find_person("Nora Nordli")
    assert archive.members.organization_by_id(person.organization_id).name == "Helse Nord RHF"
    assert archive.members.organization_count() == organisations
    archive.close()


async def test_an_organisations_short_name_completes_to_its_name(demo_path):
    """«FHI» and «HOD» are the short names of Folkehelseinstituttet and Helse- og
    omsorgsdepartementet in the registry; typed, they matched none and were asked about as
    new organisations. Tab, Enter and a save from another field take the organisation."""
    archive = Archive.open(demo_path)
    organisations = archive.members.organization_count()
    assert archive.members.organization_named("Folkehelseinstituttet").short_name == "FHI"
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_person_form(pilot, "Nora Nordli")
        await type_text(pilot, "FHI")
        await pilot.press("tab")
        assert app.screen.query_one("#organization").value == "Folkehelseinstituttet"
        assert not asked(app)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MembersScreen))
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Hanne Hodne")
        await pilot.press("tab")
        await type_text(pilot, "hod")
        await pilot.press("shift+tab", "enter")  # out of the field without taking it, and saved
        await until(pilot, lambda: isinstance(app.screen, MembersScreen))
        assert not any("Ny organisasjon" in text for text in toasts(app))
    for name, organisation in [("Nora Nordli", "Folkehelseinstituttet"), ("Hanne Hodne", "Helse- og omsorgsdepartementet")]:
        person = archive.members.find_person(name)
        assert archive.members.organization_by_id(person.organization_id).name == organisation
    assert archive.members.organization_count() == organisations
    archive.close()


async def test_the_membership_form_completes_the_organisation_and_asks_before_a_new_one(demo_path):
    archive = Archive.open(demo_path)
    body = nuit(archive)
    organisations = archive.members.organization_count()
    app = NuitApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_members(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MembershipForm)
        await type_text(pilot, "Kari Jørgensen")
        await pilot.press("tab", "tab")  # the role, then representing (filled in from the person)
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "Helse Vestlandet")
        await pilot.press("enter")
        await until(pilot, lambda: asked(app))
        assert "«Helse Vestlandet» finnes ikke blant organisasjonene" in question(app)
        await pilot.press("n")  # «Rett navnet»: the name back, to be put right
        await until(pilot, lambda: isinstance(app.screen, MembershipForm))
        assert app.screen.query_one("#organization").value == "Helse Vestlandet"
        await pilot.press(*["backspace"] * len("landet"))
        await pilot.press("enter")  # «Helse Vest»: takes «Helse Vest RHF» and saves
        await until(pilot, lambda: isinstance(app.screen, MembersScreen))
    kari = person_named(archive, "Kari Jørgensen")
    (ms,) = [x for x in archive.members.memberships(body.id) if x.person_id == kari.id]
    assert archive.members.organization_by_id(ms.organization_id).name == "Helse Vest RHF"
    assert archive.members.organization_count() == organisations
    archive.close()
