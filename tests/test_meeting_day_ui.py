"""A meeting day by keyboard (issue 14): completion, bursts, attendance keys, dates and
times as typed, forms, Norwegian words. Each test types as a secretary does and checks
the SQLite file and the screen."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.attendance import AttendanceScreen, MembersGrid
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen, RemarksTable
from test_fast_typing import burst, settle

Status = m.AttendanceStatus


def keys(text: str) -> list[str]:
    return [c if c != " " else "space" for c in text]


def nuit_2_2023(archive):
    return archive.meetings.find("NUIT", "2/2023")


async def open_meeting_mode(app, pilot, meeting_id, item_id=None):
    app.push_screen(MeetingModeScreen(meeting_id, item_id))
    await settle(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)


# --- 12: attendance keys, Home/End in tables, the remarks table --------------------------


async def test_v_marks_video_and_moves_to_the_next_member_and_home_end_jump(demo_path):
    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        app.push_screen(AttendanceScreen(meeting.id))
        await settle(pilot, lambda: isinstance(app.screen, AttendanceScreen))
        grid = app.screen.query_one(MembersGrid)
        first, second = (grid.coordinate_to_cell_key((row, 0)).row_key.value for row in (0, 1))
        await pilot.press("v", "v")
        await pilot.pause()
        rows = {f"p{a.person_id}": a for a in archive.attendance.rows(meeting.id)}
        assert rows[first].remote and rows[second].remote  # two members, not one toggled twice
        assert grid.cursor_row == 2
        await pilot.press("end")
        assert grid.cursor_row == grid.row_count - 1
        await pilot.press("home")
        assert grid.cursor_row == 0
    archive.close()


async def test_the_first_remark_is_shown_whole_in_the_remarks_table(demo_path):
    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)
    item = next(r.item for r in archive.agenda.for_meeting(meeting.id).rows if not r.item.is_break and not archive.minutes.remarks(r.item.id))
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        await pilot.press("f2", *keys("KS"), "enter", *keys("Ber om en felles plan"))
        await settle(pilot, lambda: archive.minutes.remarks(item.id) and archive.minutes.remarks(item.id)[0].text == "Ber om en felles plan")
        table = app.screen.query_one(RemarksTable)
        # The row is redrawn when the writer confirms the save (a moment after the file has it).
        await settle(pilot, lambda: table.row_count and "Ber om en felles plan" in str(table.get_row_at(0)[1]))
        assert "Ber om en felles plan" in str(table.get_row_at(0)[1])
        assert table.columns[table.ordered_columns[1].key].get_render_width(table) >= len("Ber om en felles plan")
    archive.close()


async def test_f2_on_approved_and_locked_minutes_says_so_and_opens_no_editor(demo_path):
    """A remark there could never be saved: refused at once, not retried in the background;
    and no meeting clock runs on minutes approved long since."""
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "1/2022")  # approved, so locked
    assert archive.lock.is_locked(meeting.id)
    item = next(r.item for r in archive.agenda.for_meeting(meeting.id).rows if not r.item.is_break)
    before = len(archive.minutes.remarks(item.id))
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        await pilot.press("f2", *keys("KS"))
        await settle(pilot)
        assert app.screen.remark is None
        assert any("godkjent og låst" in n.message for n in app._notifications)
        assert len(archive.minutes.remarks(item.id)) == before
        # No meeting clock counting from this opening: the meeting's date and planned time.
        status = str(app.screen.query_one("#mm-status").render())
        assert status.startswith("Møte 1/2022 · 17. februar 2022 · kl. 09.00–15.00") and "møtetid" not in status
    archive.close()


async def test_ctrl_u_unlocks_locked_minutes_with_the_focus_in_their_text(demo_path):
    """«Ctrl+U låser opp», the banner of locked minutes says; with the focus in «Referat»
    (read-only then) Textual's delete-to-line-start took the key and nothing happened."""
    from nuit_tui.tui.screens.unlock_form import UnlockFormScreen

    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "1/2022")  # approved, so locked
    item = next(r.item for r in archive.agenda.for_meeting(meeting.id).rows if not r.item.is_break)
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        narrative = app.screen.query_one("#narrative")
        narrative.focus()
        await settle(pilot, lambda: app.focused is narrative and narrative.read_only)
        await pilot.press("ctrl+u")
        await settle(pilot, lambda: isinstance(app.screen, UnlockFormScreen))
        assert isinstance(app.screen, UnlockFormScreen)
    archive.close()


# --- 14: times and dates as typed; arrival defaults to the item's time afterwards ---------


async def test_arrival_typed_as_1430_is_saved_and_defaults_to_the_items_start_afterwards(demo_path):
    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)  # 25 May 2023: not running now
    rows = [r for r in archive.agenda.for_meeting(meeting.id).rows if not r.item.is_break]
    item = rows[3].item
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        await pilot.press("f5")
        await settle(pilot, lambda: isinstance(app.screen, AttendanceScreen))
        grid = app.screen.query_one(MembersGrid)
        person = int(grid.coordinate_to_cell_key((0, 0)).row_key.value[1:])
        await pilot.press("a")
        await settle(pilot, lambda: isinstance(app.focused, Input))
        assert app.focused.value == rows[3].start.strftime("%H.%M")  # the item's start, not the clock now
        await pilot.press("ctrl+u", *keys("1430"), "enter")
        await settle(pilot, lambda: isinstance(app.screen, AttendanceScreen))
        assert archive.attendance.row_of(meeting.id, person).arrived_at == dt.time(14, 30)
        await pilot.press("l", "ctrl+u", *keys("15:05"), "enter")
        await settle(pilot, lambda: isinstance(app.screen, AttendanceScreen))
        assert archive.attendance.row_of(meeting.id, person).left_at == dt.time(15, 5)
    archive.close()


async def test_a_follow_up_due_23_11_is_in_the_meetings_year(demo_path):
    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)
    item = next(r.item for r in archive.agenda.for_meeting(meeting.id).rows if not r.item.is_break)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 50)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        for due, expected in (("23.11", dt.date(2023, 11, 23)), ("24/11/2024", dt.date(2024, 11, 24))):
            with burst():
                await pilot.press("f4", *keys("Lage plan"), "tab", "tab", *keys(due), "enter")
            await settle(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and len(archive.follow_ups.of_item(item.id)) >= 1)
            assert archive.follow_ups.of_item(item.id)[-1].due_date == expected
    archive.close()


# --- 16: Norwegian everywhere -----------------------------------------------------------


def screen_text(app) -> str:
    """What the screen shows, as plain text (all layers, the palette included)."""
    from rich.console import Console

    console = Console(width=app.size.width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


async def test_the_palette_speaks_norwegian_with_long_dates(demo_path):
    from textual.command import CommandInput, CommandList

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await settle(pilot, lambda: app.screen.query(CommandList) and app.screen.query_one(CommandList).option_count > 5)
        assert app.screen.query_one(CommandInput).placeholder == "Søk etter kommandoer …"
        prompts = " ".join(str(o.prompt) for o in app.screen.query_one(CommandList).options)
        for english in ("Quit the application", "Screenshot", "Theme", "Keys", "Change the current theme"):
            assert english not in prompts
        assert "Avslutt programmet med en gang" in prompts and "Skjermbilde" in prompts
        # «Avslutt» once: Textual's own command, not again as the app's Ctrl+Q.
        await pilot.press(*keys("avslutt"))
        await settle(pilot, lambda: "Avslutt programmet" in " ".join(str(o.prompt) for o in app.screen.query_one(CommandList).options))
        quits = [str(o.prompt) for o in app.screen.query_one(CommandList).options if str(o.prompt).startswith("Avslutt")]
        assert quits == ["Avslutt\nAvslutt programmet med en gang · Tast: Ctrl+Q"]
        await pilot.press(*["backspace"] * len("avslutt"))
        await pilot.press(*keys("NUIT 2/2023"))
        await settle(pilot, lambda: "mai 2023" in " ".join(str(o.prompt) for o in app.screen.query_one(CommandList).options))
        prompts = " ".join(str(o.prompt) for o in app.screen.query_one(CommandList).options)
        assert "25. mai 2023" in prompts and "2023-05-25" not in prompts
    archive.close()


async def test_the_footer_keeps_its_keys_on_tab_and_says_lukk_listen_for_an_open_list(demo_path):
    """Textual rebuilt every footer key at each focus change; ours only when the keys shown
    change, as they do when a list opens."""
    from textual.widgets import Footer, Select
    from textual.widgets._footer import FooterKey
    from textual.widgets._select import SelectOverlay

    from nuit_tui.tui.screens.item import ItemScreen

    archive = Archive.open(demo_path)
    item = next(r.item for r in archive.agenda.for_meeting(nuit_2_2023(archive).id).rows if not r.item.is_break)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await settle(pilot, lambda: isinstance(app.screen, ItemScreen) and app.screen.query(Select) and app.screen.query(FooterKey))
        footer = app.screen.query_one(Footer)
        shown = list(footer.query(FooterKey))
        labels = [key.description for key in shown]
        await pilot.press("tab")  # the title to the next field: the same keys
        await pilot.pause()
        assert app.focused is not None and app.focused.id != "title"
        assert list(footer.query(FooterKey)) == shown and [key.description for key in shown] == labels

        select = app.screen.query(Select).first()
        select.focus()
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.focused, SelectOverlay))
        assert isinstance(app.focused, SelectOverlay)
        text = screen_text(app)
        assert "Dismiss menu" not in text and "Lukk listen" in text
    archive.close()


async def test_the_footers_keys_mount_without_restyling_and_look_as_textuals(demo_path, monkeypatch):
    """Each of Textual's footer keys restyled itself twice as it mounted (its `compact`
    bound to the footer's): a fifth of opening a screen. Ours start as they end up."""
    from textual.widgets._footer import FooterKey

    from nuit_tui.tui.screens.agenda import AgendaScreen

    restyled: list[str] = []
    watch = FooterKey._watch_compact
    monkeypatch.setattr(FooterKey, "_watch_compact", lambda self, compact: restyled.append(self.key) or watch(self, compact))
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        app.push_screen(AgendaScreen(nuit_2_2023(archive).id))
        await settle(pilot, lambda: isinstance(app.screen, AgendaScreen) and len(app.screen.query(FooterKey)) > 3)
        keys = list(app.screen.query(FooterKey))
        bound = [key for key in keys if "-command-palette" not in key.classes]
        assert bound and all(not key.compact and not key.has_class("-compact") for key in bound)
        palette = [key for key in keys if "-command-palette" in key.classes]
        assert palette and palette[0].compact  # Textual's own: the palette's key stays compact
        assert set(restyled) <= {key.key for key in palette}  # no bound key ran its watcher
    archive.close()


async def test_the_footer_changes_its_keys_in_place_as_the_focus_moves(demo_path):
    """Textual's Footer removed and mounted all its keys at every change of the focused
    widget's keys (a tenth of a key-driven test's CPU). Ours changes them in place and
    shows what Textual's compose would show, F1 first and the palette's key last."""
    from textual.widgets._footer import FooterKey

    from nuit_tui.tui.screens.members import MembersScreen
    from nuit_tui.tui.widgets.footer import Footer

    def shown(app) -> list[tuple[str, str, bool]]:
        return [(key.key, key.description, key._disabled) for key in app.screen.query_one(Footer).children]

    def composed(app) -> list[tuple[str, str, bool]]:
        footer = app.screen.query_one(Footer)
        with footer._context():  # as the footer composes, binding its keys to itself
            return [(key.key, key.description, key._disabled) for key in footer.compose()]

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("m")
        await settle(pilot, lambda: isinstance(app.screen, MembersScreen) and len(shown(app)) > 6)
        table_keys = shown(app)
        assert table_keys == composed(app) and table_keys[0][0] == "f1" and table_keys[-1][0] == "ctrl+p"
        assert ("n", "Nytt medlemskap", False) in table_keys
        f1 = app.screen.query(FooterKey).first()
        await pilot.press("tab")  # the tabs above the table: no keys of the table's
        await settle(pilot, lambda: len(shown(app)) < len(table_keys))
        assert shown(app) == composed(app) and ("n", "Nytt medlemskap", False) not in shown(app)
        assert "Nytt medlemskap" not in screen_text(app).splitlines()[-1]
        await pilot.press("tab")
        await settle(pilot, lambda: len(shown(app)) == len(table_keys))
        assert shown(app) == table_keys and app.screen.query(FooterKey).first() is f1
        assert "n Nytt medlemskap" in screen_text(app).splitlines()[-1]
    archive.close()


# --- 15: forms start in their first field, ask before Escape drops typing; ☑/☐ ----------


async def test_the_export_dialogs_public_checkbox_shows_its_state_in_its_glyph(demo_path):
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.screens.export_form import ExportFormScreen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        app.push_screen(AgendaScreen(nuit_2_2023(archive).id))
        await pilot.pause()
        await pilot.press("i")
        await settle(pilot, lambda: isinstance(app.screen, ExportFormScreen))
        line = next(row for row in screen_text(app).splitlines() if "Offentlig versjon" in row)
        assert "☐" in line and "☑" not in line
        await pilot.press("o")
        await pilot.pause()
        line = next(row for row in screen_text(app).splitlines() if "Offentlig versjon" in row)
        assert "☑" in line and "☐" not in line
    archive.close()


async def test_a_pdf_exported_in_the_app_names_the_characters_its_font_lacks(demo_path, tmp_path, monkeypatch):
    """The CLI said it («advarsel: PDF-en viser ikke …»); the app wrote the PDF without the
    emoji and without a word."""
    from nuit_tui.tui.screens.agenda import AgendaScreen
    from nuit_tui.tui.screens.export_form import ExportFormScreen

    monkeypatch.chdir(tmp_path)  # exports/ is made where the app runs
    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Samarbeid med sykehusene 🏥", duration_minutes=15))
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        app.push_screen(AgendaScreen(meeting.id))
        await pilot.pause()
        await pilot.press("i")
        await settle(pilot, lambda: isinstance(app.screen, ExportFormScreen))
        await pilot.press("down", "enter")  # PDF
        said = "PDF-en viser ikke disse tegnene (skriften mangler dem): 🏥"
        await settle(pilot, lambda: said in [n.message for n in app._notifications])
        assert [n.severity for n in app._notifications if n.message == said] == ["warning"]
        assert any(n.message.startswith("Innkallingen er skrevet til") for n in app._notifications)
        assert list((tmp_path / "exports").glob("*.pdf"))
    archive.close()


async def test_forms_start_in_their_first_field_and_escape_asks_before_dropping_typing(demo_path):
    from nuit_tui.tui.screens.attachment_form import AttachmentFormScreen
    from nuit_tui.tui.screens.follow_up_form import FollowUpFormScreen
    from nuit_tui.tui.screens.item import ItemScreen
    from nuit_tui.tui.widgets.confirm import ConfirmScreen

    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)
    item = next(r.item for r in archive.agenda.for_meeting(meeting.id).rows if not r.item.is_break)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await settle(pilot, lambda: isinstance(app.screen, ItemScreen))
        await pilot.press("ctrl+o")
        await settle(pilot, lambda: isinstance(app.screen, AttachmentFormScreen) and app.focused is not None)
        assert app.focused is app.screen.query(Input).first()
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(pilot, lambda: isinstance(app.screen, ItemScreen))
        assert isinstance(app.screen, ItemScreen)
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, ItemScreen))

        await open_meeting_mode(app, pilot, meeting.id, item.id)
        await pilot.press("f4", *keys("Sende brev"), "escape")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep writing
        await settle(pilot, lambda: isinstance(app.screen, FollowUpFormScreen))
        assert app.screen.query_one("#description", Input).value == "Sende brev"
        await pilot.press("escape", "j")  # throw it away
        await settle(pilot, lambda: isinstance(app.screen, MeetingModeScreen))
        assert isinstance(app.screen, MeetingModeScreen)
        assert archive.follow_ups.of_item(item.id) == []
    archive.close()


# --- 1: completion; 2: keys in a burst ---------------------------------------------------


def fresh_item(archive, meeting):
    return next(r.item for r in archive.agenda.for_meeting(meeting.id).rows if not r.item.is_break and not archive.minutes.remarks(r.item.id))


def speakers(archive, item):
    return [(r.speaker, r.text) for r in archive.minutes.remarks(item.id)]


async def test_tab_and_enter_take_the_shown_name_and_a_new_name_only_when_confirmed(demo_path):
    from nuit_tui.tui.widgets.confirm import ConfirmScreen

    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)
    item = fresh_item(archive, meeting)
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        await pilot.press("f2", *keys("Helse V"), "tab", *keys("Første"))
        await pilot.press("f2", *keys("helse sør"), "enter", *keys("Andre"))
        await pilot.press("f2", *keys("Ola Utenfra"), "tab")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # not a new speaker: the name is not kept
        await settle(pilot, lambda: isinstance(app.screen, MeetingModeScreen))
        assert app.focused.id == "remark-speaker" and app.focused.value == ""
        await pilot.press(*keys("Ola Utenfra"), "enter")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("j")
        await settle(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.focused.id == "remark-text")
        await pilot.press(*keys("Tredje"), "escape")
        await settle(pilot, lambda: len(archive.minutes.remarks(item.id)) == 3 and archive.minutes.remarks(item.id)[-1].text == "Tredje")
        assert speakers(archive, item) == [
            ("Helse Vest RHF", "Første"),
            ("Helse Sør-Øst RHF", "Andre"),
            ("Ola Utenfra", "Tredje"),
        ]
        shown = " ".join(str(c) for row in range(3) for c in app.screen.query_one(RemarksTable).get_row_at(row))
        assert "Helse Vest RHF" in shown and "Helse Sør-Øst RHF" in shown

        # A follow-up's «Ansvarlig» completes the same way, and Enter saves the form.
        await pilot.press("f4", *keys("Lage plan"), "tab", *keys("Helse N"), "enter")
        await settle(pilot, lambda: archive.follow_ups.of_item(item.id))
        assert [f.responsible for f in archive.follow_ups.of_item(item.id)] == ["Helse Nord RHF"]
    archive.close()


async def test_a_remark_typed_in_one_burst_puts_the_speaker_and_text_in_their_fields(demo_path):
    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)
    item = fresh_item(archive, meeting)
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        for n in (1, 2, 3):
            await pilot.wait_for_scheduled_animations()
            with burst():
                await pilot.press("f2", "K", "S", "enter", *keys(f"burst {n}"), "escape")
            await settle(pilot, lambda n=n: len(archive.minutes.remarks(item.id)) == n and archive.minutes.remarks(item.id)[-1].text == f"burst {n}")
        assert speakers(archive, item) == [("KS", "burst 1"), ("KS", "burst 2"), ("KS", "burst 3")]
    archive.close()


async def test_remarks_typed_one_after_another_in_one_burst_each_keep_their_own_text(demo_path):
    """F2 (a priority key, acted on by the app as it comes) starts the next remark only
    after the text typed before it is in the remark it was typed for: in one burst, the
    first remark's text used to land in the last one, and two empty remarks were left."""
    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)
    item = fresh_item(archive, meeting)
    items = [r.item for r in archive.agenda.for_meeting(meeting.id).rows if not r.item.is_break]
    after = items[items.index(next(i for i in items if i.id == item.id)) + 1]
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        await pilot.wait_for_scheduled_animations()
        with burst():
            await pilot.press(
                "f2", *keys("Helse Ve"), "enter", *keys("AAAA bbbb."),
                "f2", "K", "S", "enter", *keys("EEEE ffff."),
                "f8", "f2", "K", "S", "enter", *keys("neste sak"),
            )
        await settle(pilot, lambda: [r.text for r in archive.minutes.remarks(after.id)] == ["neste sak"])
        assert speakers(archive, item) == [("Helse Vest RHF", "AAAA bbbb."), ("KS", "EEEE ffff.")]
        assert speakers(archive, after) == [("KS", "neste sak")]
    archive.close()


async def test_text_typed_on_after_a_new_name_is_kept_for_the_remark_and_answers_nothing(demo_path):
    """A new name and the remark typed on in one burst: the question about the name came up
    under the typing, and the text's «n», «j» or space answered it (the name emptied, the
    text lost). Keys typed before the question was on screen now go to the remark's text,
    whichever the answer."""
    from nuit_tui.tui.widgets.confirm import ConfirmScreen

    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)
    item = fresh_item(archive, meeting)
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        await pilot.wait_for_scheduled_animations()
        with burst():
            await pilot.press("f2", *keys("NAV"), "tab", *keys("ny plan, ja"))
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")  # read, then answered: a new speaker
        await settle(pilot, lambda: speakers(archive, item) == [("NAV", "ny plan, ja")])
        assert speakers(archive, item) == [("NAV", "ny plan, ja")]
        with burst():
            await pilot.press("f2", *keys("Helse Vst"), "enter", *keys("nei takk"))
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen) and app.screen.is_shown)
        await pilot.press("n")  # the name is put right: the text waits in its field
        await settle(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.focused.id == "remark-speaker")
        await pilot.press(*keys("Helse Vest"), "tab", "space", "x")
        await settle(pilot, lambda: len(speakers(archive, item)) == 2 and speakers(archive, item)[-1][1] == "nei takk x")
        assert speakers(archive, item) == [("NAV", "ny plan, ja"), ("Helse Vest RHF", "nei takk x")]
    archive.close()


async def test_keys_typed_before_a_question_was_shown_do_not_answer_it():
    """The question's own guard (the keys that reach the app once it is on top but were typed
    before it was painted): held for the field, not taken as «n» or «j»."""
    from textual import events
    from textual._time import get_time
    from textual.app import App

    from nuit_tui.tui.widgets.confirm import ConfirmScreen
    from nuit_tui.tui.widgets.priority_keys import PriorityKeys

    answers: list[bool | None] = []
    held: list[events.Key] = []

    class Asking(App[None]):
        def __init__(self) -> None:
            super().__init__()
            self.priority_keys = PriorityKeys(self)

        async def on_event(self, event) -> None:
            on_event = super().on_event
            await self.priority_keys.handle(event, on_event)

    app = Asking()
    async with app.run_test() as pilot:
        typed_before = events.Key("n", "n")  # made (typed) before the question exists
        app.push_screen(ConfirmScreen("Ny taler?", typed_before_shown=held), answers.append)
        app.post_message(typed_before)  # ... and reaching the app only after it is on top
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.screen.is_shown
        assert answers == [] and held == [typed_before]
        assert typed_before.time < app.screen._shown_at <= get_time()
        await pilot.press("j")  # typed once it is shown: the answer
        await pilot.pause()
        assert answers == [True] and held == [typed_before]


async def test_digits_after_ctrl_u_in_a_burst_are_the_new_duration(demo_path):
    from nuit_tui.tui.screens.item import ItemScreen

    archive = Archive.open(demo_path)
    item = next(r.item for r in archive.agenda.for_meeting(nuit_2_2023(archive).id).rows if not r.item.is_break)
    app = NuitApp(archive)
    async with app.run_test(size=(140, 45)) as pilot:
        app.push_screen(ItemScreen(item.id))
        await settle(pilot, lambda: isinstance(app.screen, ItemScreen))
        duration = app.screen.query_one("#duration", Input)
        for minutes in ("45", "7", "120"):
            duration.focus()
            duration.cursor_position = len(duration.value)
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            with burst():
                await pilot.press("ctrl+u", *minutes, "shift+tab")
            await settle(pilot, lambda m=minutes: archive.agenda.item(item.id).duration_minutes == int(m))
            assert duration.value == minutes
            assert archive.agenda.item(item.id).duration_minutes == int(minutes)
    archive.close()


async def test_a_month_with_one_entry_says_1_oppforing(demo_path):
    import calendar

    from textual.widgets import Static

    from nuit_tui.tui.screens.year_plan import YearPlanScreen

    archive = Archive.open(demo_path)
    body = archive.members.bodies()[0]

    def entries(month: int) -> int:
        first = dt.date(2023, month, 1)
        last = first.replace(day=calendar.monthrange(2023, month)[1])
        return len(archive.year_plan.entries(2023, body_id=body.id, category=None, start=first, end=last))

    month = next(mo for mo in range(1, 13) if entries(mo) == 1)
    app = NuitApp(archive)
    async with app.run_test(size=(130, 45)) as pilot:
        assert app.body.id == body.id
        app.push_screen(YearPlanScreen(dt.date(2023, month, 1)))
        await settle(pilot, lambda: isinstance(app.screen, YearPlanScreen) and "oppføring" in str(app.screen.query_one("#month-heading", Static).content))
        heading = str(app.screen.query_one("#month-heading", Static).content)
        assert ": 1 oppføring ·" in heading
    archive.close()


def test_a_remark_begun_with_enter_shows_its_text_on_its_row():
    """Tab (which completes the name and moves on) then Enter began the text with a line
    break: its row showed a leading blank and the «Kl.» column went out of view."""
    remark = m.Remark(item_id=1, speaker="KS", text="\nstøttet  dette.\n", made_at=dt.time(11, 9))
    assert RemarksTable.cells(remark) == ("KS", "støttet dette.", "11.09")


async def test_the_speaker_column_is_as_wide_as_the_longest_name_within_bounds(demo_path):
    """«Representant fra kommunal sektor» was cut at 28 columns with room beside it."""
    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)
    item = next(r.item for r in archive.agenda.for_meeting(meeting.id).rows if not r.item.is_break and not archive.minutes.remarks(r.item.id))
    long_name = "Representant fra kommunal sektor"
    archive.minutes.add_remark(m.Remark(item_id=item.id, speaker=long_name, text="Ber om en felles plan."))
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, item.id)
        table = app.screen.query_one(RemarksTable)
        await settle(pilot, lambda: table.row_count == 1)
        speaker = table.ordered_columns[0]
        assert speaker.width == len(long_name)
        archive.minutes.add_remark(m.Remark(item_id=item.id, speaker="Nasjonalt senter for e-helseforskning ved UNN HF", text="Enig."))
        table.fill(archive.minutes.remarks(item.id))
        assert speaker.width == RemarksTable.SPEAKER_WIDTH[1]  # a longer name is cut at the bound
        table.fill([])
        assert speaker.width == RemarksTable.SPEAKER_WIDTH[0]
    archive.close()


async def test_the_remark_editor_closes_when_the_next_item_is_shown(demo_path):
    """After F8 the editor stayed open on the last item's remark: «ZZ» typed next renamed its speaker."""
    archive = Archive.open(demo_path)
    meeting = nuit_2_2023(archive)
    first, second = [r.item for r in archive.agenda.for_meeting(meeting.id).rows if not r.item.is_break][2:4]
    app = NuitApp(archive)
    async with app.run_test(size=(130, 40)) as pilot:
        await open_meeting_mode(app, pilot, meeting.id, first.id)
        await pilot.press("f2", *keys("KS"), "enter", *keys("Ber om en plan"))
        await settle(pilot, lambda: [(r.speaker, r.text) for r in archive.minutes.remarks(first.id)] == [("KS", "Ber om en plan")])
        await pilot.press("f8")
        await settle(pilot, lambda: app.screen.item.id == second.id)
        assert not app.screen.query_one("#mm-remark-editor").display
        await pilot.press(*keys("ZZ"))
        await settle(pilot, lambda: archive.agenda.item(second.id).narrative.endswith("ZZ"))
        assert [(r.speaker, r.text) for r in archive.minutes.remarks(first.id)] == [("KS", "Ber om en plan")]
    archive.close()
