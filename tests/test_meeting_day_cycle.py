"""Issue 14's whole cycle by keys, as a secretary types it: a new meeting from the previous
one as template, an item added to the agenda, the notice checked and sent, the meeting held
in meeting mode (attendance, remarks by completion, adopt, amend, follow-up, deferral to a
meeting not yet planned, Eventuelt), the minutes checked clean and exported, read back."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from conftest import burst, type_text
from nuit_tui import cli
from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.attendance import AttendanceScreen, MembersGrid
from nuit_tui.tui.screens.item import ItemScreen
from nuit_tui.tui.screens.meeting_form import MeetingFormScreen
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.screens.meeting_picker import MeetingPickerScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen, MeetingsTable
from nuit_tui.tui.widgets.confirm import ConfirmScreen
from test_fast_typing import settle


async def test_a_meeting_runs_from_template_to_exported_minutes_by_keys(demo_path, tmp_path, capsys):
    archive = Archive.open(demo_path)
    template = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(160, 50)) as pilot:
        # --- a new meeting from 2/2023 as template (k) ---------------------------------
        await settle(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        table = app.screen.query_one(MeetingsTable)
        await pilot.press("home")
        for _ in range(table.row_count):
            if table.selected_meeting_id == template.id:
                break
            await pilot.press("down")
        assert table.selected_meeting_id == template.id
        await pilot.press("k")
        await settle(pilot, lambda: isinstance(app.screen, MeetingFormScreen) and isinstance(app.focused, Input))
        assert app.focused.id == "date" and app.focused.value == ""
        await type_text(pilot, "14.9.2023")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, AgendaScreen))
        meeting = archive.meetings.find("NUIT", "3/2023")
        template_titles = [i.title for i in archive.agenda.items(template.id) if not i.is_break and i.title != "Eventuelt"]
        copied = [i.title for i in archive.agenda.items(meeting.id) if not i.is_break]
        # The template's items; its approval item now names the template meeting's minutes.
        template_titles[1] = "Godkjenning av referat fra NUIT 25. mai 2023"
        assert copied == [*template_titles, "Eventuelt"]
        # The discussions' proposals, written before the notice as the directorate words them
        # (k copies titles, types and lengths, not proposals): F3 adopts them in the meeting,
        # and the minutes give each its «Vedtak:».
        for item in archive.agenda.items(meeting.id):
            if item.item_type in (m.ItemType.DROFTING, m.ItemType.ANBEFALING) and not item.proposed_decision:
                archive.agenda.update_item(item.model_copy(update={"proposed_decision": "NUIT drøftet saken og ga sine innspill."}))

        # --- the agenda: a new item with its title, type and proposal (n) -----------------
        await pilot.press("n")
        await settle(pilot, lambda: isinstance(app.screen, ItemScreen) and isinstance(app.focused, Input))
        assert app.focused.id == "title"
        await type_text(pilot, "Veikart for journalløft")
        await pilot.press("tab")  # Sakstype
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("end", "enter")  # the last type: Beslutning
        await pilot.pause()
        assert app.screen.query_one("#item_type").value == "Beslutning"
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab")  # duration, start, description, purpose, background
        assert app.focused.id == "proposed_decision"
        await type_text(pilot, "NUIT slutter seg til veikartet.")
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, AgendaScreen))
        new = next(i for i in archive.agenda.items(meeting.id) if i.title == "Veikart for journalløft")
        assert new.item_type is m.ItemType.BESLUTNING and new.proposed_decision == "NUIT slutter seg til veikartet."
        assert [i.title for i in archive.agenda.items(meeting.id)][-2:] == ["Veikart for journalløft", "Eventuelt"]

        # --- the notice: checked, then sent anyway (s, j) ---------------------------------
        await pilot.press("s")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "Sjekk av innkallingen til møte 3/2023 fant:" in app.screen.question  # the agenda runs over
        await pilot.press("j")
        await settle(pilot, lambda: isinstance(app.screen, AgendaScreen))
        assert archive.meetings.get(meeting.id).status is m.MeetingStatus.NOTICE_SENT

        # --- meeting mode: attendance first (m, F5) ----------------------------------------
        await pilot.press("home", "m")  # from the first item
        await settle(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        await pilot.press("f5")
        await settle(pilot, lambda: isinstance(app.screen, AttendanceScreen))
        grid = app.screen.query_one(MembersGrid)
        members = grid.row_count
        # Present, present, on video, absent with notice, and the rest present: one burst.
        with burst():
            await pilot.press("t", "t", "v", "f", *["t"] * (members - 4))
        await pilot.pause()
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot, lambda: isinstance(app.screen, MeetingModeScreen))
        statuses = [a.status for a in archive.attendance.rows(meeting.id) if a.role is m.AttendanceRole.MEMBER]
        assert len(statuses) == members and statuses.count(m.AttendanceStatus.ABSENT_WITH_NOTICE) == 1

        # --- the items: the secretary adopts as she goes (F3 F8 in bursts) ----------------
        mode = app.screen

        async def adopt_and_step(items: int, to: str) -> None:
            await pilot.wait_for_scheduled_animations()
            with burst():
                await pilot.press(*["f3", "f8"] * items)
            await settle(pilot, lambda: mode.item.title == to)
            assert mode.item.title == to

        assert mode.item.title == "Godkjenning av innkalling og dagsorden"
        await adopt_and_step(2, to="Orientering fra Direktoratet for e-helse")  # 27/23–28/23
        # The orientation, copied without a proposal: its decision typed, as the minutes give one.
        await pilot.press("tab", "tab")  # past «Referat» and the (empty) remarks
        await settle(pilot, lambda: app.focused is not None and app.focused.id == "decision")
        await type_text(pilot, "NUIT tar saken til orientering.")
        await pilot.press("f8")
        await adopt_and_step(6, to="Portaler for rapportering for helsepersonell")  # 30/23–35/23; F8 skips breaks

        # Deferred to the next meeting, not yet planned: the picker's last choice.
        await pilot.press("f6")
        await settle(pilot, lambda: isinstance(app.screen, MeetingPickerScreen))
        await pilot.press("end", "enter")
        await settle(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and archive.agenda.item(mode.item.id).state is m.ItemState.DEFERRED)
        await pilot.press("f8")
        await pilot.pause()
        await adopt_and_step(3, to="Veikart for journalløft")  # 37/23–39/23

        # A remark by completion: «Helse V» and Tab give Helse Vest RHF, then the text.
        await pilot.press("f2")
        await type_text(pilot, "Helse V")
        await pilot.press("tab")
        await type_text(pilot, "mente at veikartet må ha tydelige milepæler")
        await pilot.press("escape")
        # Adopted as proposed, then amended in the decision field.
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("tab")
        await settle(pilot, lambda: app.focused is not None and app.focused.id == "decision")
        assert isinstance(app.focused, TextArea) and app.focused.text == "NUIT slutter seg til veikartet."
        await pilot.press("end", "backspace")
        await type_text(pilot, ", med milepæler for 2024.")
        # A follow-up: what, who (completed), when.
        await pilot.press("f4")
        await settle(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "description")
        await type_text(pilot, "Lage milepælsplan")
        await pilot.press("tab")
        await type_text(pilot, "Helse N")
        await pilot.press("tab")
        await type_text(pilot, "1.11")
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, MeetingModeScreen))
        await pilot.press("f8")
        await pilot.pause()
        assert mode.item.title == "Eventuelt"
        await pilot.press("f3")  # no proposal: marked handled
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot, lambda: not isinstance(app.screen, MeetingModeScreen))
    archive.close()
    again = Archive.open(demo_path)
    items = {i.title: i for i in again.agenda.items(meeting.id)}
    assert items["Portaler for rapportering for helsepersonell"].state is m.ItemState.DEFERRED
    assert items["Eventuelt"].state is m.ItemState.HANDLED
    assert all(i.state is m.ItemState.HANDLED for t, i in items.items() if not i.is_break and not t.startswith("Portaler"))
    again.close()

    # --- the minutes: checked clean and exported by the command line ---------------------
    out = tmp_path / "referat.md"
    common = ["--db", str(demo_path), "--body", "NUIT", "--meeting", "3/2023"]
    assert cli.main(["check-minutes", *common]) == 0, capsys.readouterr()
    assert "har ingen mangler" in capsys.readouterr().out
    assert cli.main(["export", "minutes", *common, "--format", "md", "--out", str(out)]) == 0, capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "**Dato:** 14. september 2023  " in lines
    assert "|  | Ole Jørgen Kirkeluten (Helse Vest RHF) - video |" in lines
    headings = [line for line in lines if line.startswith("## ") and line != "## Saksliste"]
    assert headings == [f"## {n}/23 {title}" for n, title in zip(range(27, 42), [*template_titles, "Veikart for journalløft", "Eventuelt"], strict=True)]
    assert EXPECTED_VEIKART in text
    assert "## 36/23 Portaler for rapportering for helsepersonell\n\nSaken ble utsatt til neste møte.\n" in text
    assert text.rstrip().endswith("## 41/23 Eventuelt")


EXPECTED_VEIKART = """## 40/23 Veikart for journalløft

Følgende innspill og spørsmål ble tatt med fra møtet:

- Helse Vest RHF mente at veikartet må ha tydelige milepæler

**Vedtak:**

NUIT slutter seg til veikartet, med milepæler for 2024.

**Oppfølging:**

- Lage milepælsplan (ansvarlig: Helse Nord RHF, frist 1. november 2023)
"""
