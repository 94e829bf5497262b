"""A key typed in a field repaints the field, not the whole screen.

Textual's Input set its virtual size (the text's width) on every key, a layout reactive:
each key typed in a speaker, a title or a name laid the whole screen out again, 15–25 ms
in meeting mode (the longest stall while typing, issue 18). The field still scrolls with
its cursor, in both directions.
"""

from __future__ import annotations

from textual.app import App
from textual.screen import Screen

from conftest import until
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.widgets.fields import Input


def _count_layouts(monkeypatch) -> list[Screen]:
    laid_out: list[Screen] = []
    original = Screen._refresh_layout

    def counted(self, *args, **kwargs):
        laid_out.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    return laid_out


async def test_a_speaker_typed_in_meeting_mode_does_not_lay_the_screen_out_per_key(demo_path, monkeypatch):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen))
        await pilot.press("f2")
        await until(pilot, lambda: getattr(app.focused, "id", None) == "remark-speaker", what="F2 opens «Hvem»")
        await pilot.pause()
        laid_out = _count_layouts(monkeypatch)
        for key in "Statsforvalteren i Vestland":
            await pilot.press("space" if key == " " else key)
        await pilot.pause()
        assert app.focused.value == "Statsforvalteren i Vestland"
        # (A completion shown or hidden is a real change of layout: 3 here on a quiet machine,
        # 5 under load, when the completions come later and more of them show; 15 before.)
        assert len(laid_out) <= 6, f"{len(laid_out)} layouts for 27 keys"
    archive.close()


class _Narrow(App[None]):
    CSS = "Input { width: 16; }"

    def compose(self):
        yield Input()


async def test_a_narrow_field_still_follows_its_cursor_as_text_is_typed_and_deleted(monkeypatch):
    app = _Narrow()
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one(Input)
        field.focus()
        laid_out = _count_layouts(monkeypatch)
        text = "abcdefghijklmnopqrstuvwxyz0123456789"
        for key in text:
            await pilot.press(key)
        await pilot.pause()
        assert field.value == text and len(laid_out) <= 1, f"{len(laid_out)} layouts for {len(text)} keys"
        shown = "".join(segment.text for segment in field.render_line(0)).strip()
        assert shown.endswith("6789"), shown  # the end typed is in view, not the start
        assert field.scroll_x > 0
        await pilot.press("home")
        await pilot.pause()
        assert field.scroll_x == 0
        assert "".join(segment.text for segment in field.render_line(0)).strip().startswith("abc")
        await pilot.press("end", *["backspace"] * 30)
        await pilot.pause()
        assert field.value == "abcdef" and field.scroll_x == 0
        assert "".join(segment.text for segment in field.render_line(0)).strip() == "abcdef"


async def test_a_key_typed_in_a_remark_draws_the_remark_not_the_agenda_beside_it(demo_path, monkeypatch):
    """Textual drew every widget whose container overlapped the key's region: the agenda down
    the side, the header, the footer and the item's other text fields, at every key
    (tui/compositor.py)."""
    from nuit_tui.tui.screens.meeting_mode_widgets import MeetingAgenda

    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(MeetingModeScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        await pilot.press("f2", *"KS", "tab")
        await until(pilot, lambda: getattr(app.focused, "id", None) == "remark-text", what="«Hva»")
        await pilot.pause()
        screen, remark = app.screen, app.focused
        # What a key typed in the remark redraws: the widgets the compositor renders for its region.
        rendered: list[str] = []
        for cls in {type(widget) for widget in screen.query("*")}:
            original = cls.render_lines

            def counted(self, crop, original=original):
                rendered.append(self.id or type(self).__name__)
                return original(self, crop)

            monkeypatch.setattr(cls, "render_lines", counted)
        list(screen._compositor._get_renders(remark.region))
        assert "remark-text" in rendered
        assert not {"mm-agenda", "narrative", "decision", "Header", "Footer"} & set(rendered), rendered
        assert screen.query_one(MeetingAgenda).region  # on the screen, beside the remark
    archive.close()
