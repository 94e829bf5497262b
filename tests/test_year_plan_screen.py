"""The year plan screen by keys: move through the year, add, edit and delete deadlines, add a rule."""

import datetime as dt

from textual.widgets import DataTable

from conftest import palette_highlights, type_text, until
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.year_plan import YearPlanScreen
from nuit_tui.tui.widgets.year_calendar import YearCalendar


async def test_a_year_of_deadlines_by_keys(tmp_path):
    archive = Archive.open(tmp_path / "nuit.sqlite")
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    archive.meetings.create(nuit.id, dt.date(2023, 2, 16), dt.time(9), dt.time(16), location="Teams")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        await pilot.press("a")  # Årshjul from the meetings screen
        await pilot.pause()
        assert isinstance(app.screen, YearPlanScreen)
        calendar = app.screen.query_one(YearCalendar)
        assert calendar.selected == dt.date(2023, 1, 1)  # the meetings' year: this year has no entries
        assert dt.date(2023, 2, 16) in calendar.meeting_days
        await pilot.press("pagedown", "down", "down", "right")  # 1 Feb + 2 weeks + 1 day = 16 Feb
        await pilot.pause()
        assert calendar.selected == dt.date(2023, 2, 16)
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(r)[3]) for r in range(table.row_count)] == ["NUIT møte 1/2023"]

        await pilot.press("n")  # new deadline on the selected day
        await pilot.pause()
        await type_text(pilot, "Innspill til budsjett")
        await pilot.press("tab", "tab")
        await type_text(pilot, "budsjett")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [d.title for d in archive.store.find(m.Deadline)] == ["Innspill til budsjett"]
        assert dt.date(2023, 2, 16) in calendar.deadline_days

        await pilot.press("g")  # a rule: papers out 12 days before each NUIT meeting
        await pilot.pause()
        await type_text(pilot, "Sakspapirer ut")
        await pilot.press("tab")
        await type_text(pilot, "12 dager før")
        await pilot.press("ctrl+s")
        await pilot.pause()
        titles = [str(table.get_row_at(r)[3]) for r in range(table.row_count)]
        assert titles == ["Sakspapirer ut", "NUIT møte 1/2023", "Innspill til budsjett"]

        # Delete the deadline (the last row) after saying yes.
        table.focus()
        table.move_cursor(row=2)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
    assert archive.store.find(m.Deadline) == []
    rules = archive.year_plan.rules()
    assert [(r.title, r.offset_days, r.anchor_body_id) for r in rules] == [("Sakspapirer ut", -12, archive.members.body("NUIT").id)]
    archive.close()


async def test_a_bad_date_in_the_deadline_form_is_refused(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        app.push_screen(YearPlanScreen(dt.date(2023, 3, 1)))
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Frist")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "30.2.2023")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "finnes ikke" in str(app.screen.query_one("#form-error").render())
    assert not archive.store.find(m.Deadline, "title = ?", ["Frist"])
    archive.close()


async def test_the_palette_reaches_the_year_plan_from_anywhere(demo_path):
    from nuit_tui.tui.screens.agenda import AgendaScreen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        app.push_screen(AgendaScreen(archive.meetings.find("NUIT", "2/2023").id))
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "Årshjul")
        await palette_highlights(pilot, "rshjul")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, YearPlanScreen)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Møter")
        await palette_highlights(pilot, "Møter")
        await pilot.press("enter")
        await pilot.pause()
        from nuit_tui.tui.screens.meetings import MeetingsScreen

        assert isinstance(app.screen, MeetingsScreen) and len(app.screen_stack) == 1  # back, not stacked
    archive.close()


async def test_a_deadline_typed_in_one_burst_with_tabs_fills_each_field(tmp_path):
    """«Tittel A Tab Tab Beskr B Tab kat C» typed at once into an open form: the keys after
    each Tab went to the field it was leaving, and the title read «Tittel ABeskr Bkat C»."""
    from textual.widgets import Input

    from conftest import burst, until

    def keys(text: str) -> list[str]:
        return ["space" if char == " " else char for char in text]

    archive = Archive.open(tmp_path / "nuit.sqlite")
    archive.members.add_body("NUIT", "Prioriteringsutvalget")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        await pilot.press("a", "n")
        await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "title")
        await pilot.wait_for_scheduled_animations()
        with burst():
            await pilot.press(*keys("Tittel A"), "tab", "tab", *keys("Beskr B"), "tab", *keys("kat C"))
        values = lambda: [app.screen.query_one(f"#{name}", Input).value for name in ("title", "description", "category")]  # noqa: E731
        await until(pilot, lambda: values()[2].startswith("kat"))
        assert values() == ["Tittel A", "Beskr B", "kat C"]
    archive.close()


def _wheel_texts(path) -> list[str]:
    import xml.etree.ElementTree as ET

    svg = ET.parse(path).getroot()
    return ["".join(node.itertext()) for node in svg.iter("{http://www.w3.org/2000/svg}text")]


async def test_w_asks_public_or_internal_and_the_wheel_hides_or_marks_an_exempt_deadline(demo_path, tmp_path, monkeypatch):
    """w asks as k does: the public årshjul leaves an exempt deadline out, date and all;
    the internal one shows it marked «Unntatt offentlighet», as the internal calendar does."""
    monkeypatch.chdir(tmp_path)
    archive = Archive.open(demo_path)
    archive.year_plan.add_deadline(m.Deadline(title="Hemmelig frist", date=dt.date(2023, 3, 20), exempt=True))
    archive.year_plan.add_deadline(m.Deadline(title="Åpen frist", date=dt.date(2023, 3, 21)))
    app = NuitApp(archive)
    exports = tmp_path / "exports"
    async with app.run_test(size=(130, 50)) as pilot:
        app.push_screen(YearPlanScreen(dt.date(2023, 3, 1)))
        await pilot.pause()
        await pilot.press("w")
        await until(pilot, lambda: type(app.screen).__name__ == "ExportFormScreen", what="the export dialog")
        await pilot.press("o", "enter")  # public
        await until(pilot, lambda: list(exports.glob("*-offentlig.svg")), what="the public wheel")
        await pilot.press("w")
        await until(pilot, lambda: type(app.screen).__name__ == "ExportFormScreen", what="the export dialog")
        await pilot.press("enter")  # internal
        await until(pilot, lambda: len(list(exports.glob("*.svg"))) == 2, what="the internal wheel")
    [public] = exports.glob("*-offentlig.svg")
    [internal] = [p for p in exports.glob("*.svg") if p != public]
    public_texts, internal_texts = _wheel_texts(public), _wheel_texts(internal)
    assert "20.3 [Unntatt offentlighet] Hemmelig frist" in internal_texts
    assert "21.3 Åpen frist" in internal_texts and "21.3 Åpen frist" in public_texts
    assert "Unntatt offentlighet" in internal_texts  # the header says who may read it
    assert "Offentlig versjon" in public_texts
    assert not [t for t in public_texts if "Hemmelig" in t or t.startswith("20.3 ") or "Unntatt" in t]
    archive.close()
