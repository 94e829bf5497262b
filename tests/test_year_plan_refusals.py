"""The year plan's forms refuse what the archive does not accept, in Norwegian and in the
form, storing nothing; Enter saves from a checkbox; an archive an older version left with
such a row still opens its year plan, and `check` names the row."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import DataTable

from conftest import cell_texts, run, type_text, until
from nuit_tui import errors
from nuit_tui.domain import models as m
from nuit_tui.domain.norwegian import ParseError
from nuit_tui.domain.year_plan import parse_offset
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.deadline_form import DeadlineFormScreen, RuleFormScreen
from nuit_tui.tui.screens.year_plan import YearPlanScreen
from nuit_tui.tui.text import Static


def _error(app) -> str:
    return str(app.screen.query_one("#form-error", Static).render())


async def _year_plan(pilot, app) -> None:
    await pilot.press("a")
    await until(pilot, lambda: isinstance(app.screen, YearPlanScreen), what="the year plan")


async def _open_row(pilot, app, title: str) -> None:
    """The first month (PgDn) that lists `title`, Tab to the list, and Enter on its row."""
    table = app.screen.query_one(DataTable)
    for _ in range(12):
        if any(title in text for text in cell_texts(table, 3)):
            break
        app.screen.query_one("#calendar").focus()
        await pilot.press("pagedown")
        await pilot.pause()
    row = next(i for i, text in enumerate(cell_texts(table, 3)) if title in text)
    table.focus()
    table.move_cursor(row=row)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, DeadlineFormScreen | RuleFormScreen), what="the form")


async def _new_rule(pilot, app, when: str) -> None:
    await pilot.press("g")
    await until(pilot, lambda: isinstance(app.screen, RuleFormScreen))
    await type_text(pilot, "Test")
    await pilot.press("tab")
    await type_text(pilot, when)
    await pilot.press("enter")
    await pilot.pause()


async def test_a_rule_edited_out_of_range_is_refused_in_the_form_and_nothing_stored(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await _year_plan(pilot, app)
        await _new_rule(pilot, app, "5 dager før")
        await until(pilot, lambda: isinstance(app.screen, YearPlanScreen), what="the rule saved")
        for when in ("400 dager etter", "999999 dager før"):
            await _open_row(pilot, app, "Test")
            await pilot.press("tab", "ctrl+a", "ctrl+k")
            await type_text(pilot, when)
            await pilot.press("enter")
            await until(pilot, lambda: _error(app) != "", what="the refusal")
            assert _error(app) == "Høyst 366 dager før eller etter"
            assert isinstance(app.screen, RuleFormScreen)
            app.screen.dismiss(None)
            await pilot.pause()
    assert [(r.title, r.offset_days) for r in archive.store.find(m.DeadlineRule)] == [("Test", -5)]
    archive.close()


async def test_a_deadline_edited_to_an_over_long_title_is_refused_in_the_form(demo_path):
    archive = Archive.open(demo_path)
    before = {d.id: d.title for d in archive.store.find(m.Deadline)}
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await _year_plan(pilot, app)
        table = app.screen.query_one(DataTable)
        title = next(t for t, kind in zip(cell_texts(table, 3), cell_texts(table, 1), strict=True) if kind == "Frist")
        await _open_row(pilot, app, title)
        await pilot.press("end")
        await type_text(pilot, "x" * 400)
        await pilot.press("enter")
        await until(pilot, lambda: _error(app) != "", what="the refusal")
        assert _error(app).startswith("Tittel: Høyst 300 tegn")
        assert isinstance(app.screen, DeadlineFormScreen)
    assert {d.id: d.title for d in archive.store.find(m.Deadline)} == before
    archive.close()


@pytest.mark.parametrize(
    "when, said",
    [
        ("999 dager før", "Høyst 366 dager før eller etter"),
        ("-5 dager før", "Skriv antallet uten fortegn, og «før» eller «etter»: f.eks. «5 dager før»"),
        ("", "Skriv når, f.eks. «12 dager før»"),
    ],
)
async def test_a_new_rule_is_refused_in_norwegian(demo_path, when, said):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await _year_plan(pilot, app)
        await _new_rule(pilot, app, when)
        await until(pilot, lambda: _error(app) != "", what="the refusal")
        assert _error(app) == said
        assert isinstance(app.screen, RuleFormScreen)
    assert archive.store.find(m.DeadlineRule) == []
    archive.close()


async def test_enter_on_a_ticked_checkbox_saves_the_form(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await _year_plan(pilot, app)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, DeadlineFormScreen))
        await type_text(pilot, "Hemmelig frist")
        await pilot.press(*["tab"] * 6)
        assert app.focused is not None and app.focused.id == "exempt"
        await pilot.press("space", "enter")
        await until(pilot, lambda: isinstance(app.screen, YearPlanScreen), what="the form saved")
        await until(pilot, lambda: archive.store.find_by(m.Deadline, title="Hemmelig frist") != [], what="the deadline stored")
    assert [d.exempt for d in archive.store.find_by(m.Deadline, title="Hemmelig frist")] == [True]
    archive.close()


def test_the_service_refuses_an_update_the_archive_does_not_accept(archive):
    rule = archive.year_plan.add_rule(m.DeadlineRule(title="Sakspapirer ut", offset_days=-12))
    deadline = archive.year_plan.add_deadline(m.Deadline(date="2024-03-01", title="Rapport"))
    with pytest.raises(errors.InvalidRow, match="Høyst 366 dager før eller etter; endringen ble ikke lagret"):
        archive.year_plan.update_rule(rule.model_copy(update={"offset_days": -999999}))
    with pytest.raises(errors.InvalidRow, match="Tittel: Høyst 300 tegn"):
        archive.year_plan.update_deadline(deadline.model_copy(update={"title": "x" * 443}))
    with pytest.raises(errors.InvalidRow, match="Påminnelse"):
        archive.year_plan.add_deadline(deadline.model_copy(update={"id": None, "reminder_days": 999}))
    assert archive.year_plan.rule(rule.stored_id) == rule
    assert [d.title for d in archive.store.find(m.Deadline)] == ["Rapport"]


def test_parse_offset_says_what_it_refuses():
    assert parse_offset("to uker før") == -14
    assert parse_offset("366 dager etter") == 366
    for text in ("367 dager etter", "60 uker før", "+3 dager etter", "", "  "):
        with pytest.raises(ParseError):
            parse_offset(text)


def _damage(path) -> None:
    """What the old edit path stored: a rule a long way out of range, an over-long title."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO deadline_rules (title, offset_days, anchor, updated_at) VALUES ('Test', -999999, 'meetings', '2026-01-01T00:00:00')")
        conn.execute("UPDATE deadlines SET title = ? WHERE id = (SELECT min(id) FROM deadlines)", ["y" * 443])
    conn.close()


async def test_an_archive_with_rows_out_of_range_opens_its_year_plan_and_check_names_them(demo_path):
    _damage(demo_path)
    archive = Archive.open(demo_path)
    rule_id = archive.store.find(m.DeadlineRule)[0].stored_id
    deadline_id = min(d.stored_id for d in archive.store.find(m.Deadline))
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await _year_plan(pilot, app)
        await until(pilot, lambda: any("Regelen «Test» må rettes" in str(n.message) for n in app._notifications), what="the warning")
        assert isinstance(app.screen, YearPlanScreen)
    archive.close()

    checked = run("check", "--db", demo_path)
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr and "korrupt" not in checked.stderr
    assert f"deadline_rules {rule_id}: Når: Høyst 366 dager før eller etter" in checked.stderr
    assert f"deadlines {deadline_id}: Tittel: Høyst 300 tegn (nå 443)" in checked.stderr
    exported = run("export", "json", "--db", demo_path)
    assert exported.returncode == 0, exported.stderr
    assert "-999999" in exported.stdout
