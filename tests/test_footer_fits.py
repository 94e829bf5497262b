"""The footer in a narrow terminal: whole keys only, the most used first.

At 100 columns the meeting list's footer was cut at «y Bytt å» and the agenda's at
«Innkalli», under the palette's key; at 80 columns the search field's placeholder was cut.
"""

import pytest
from rich.cells import cell_len
from textual.widgets._footer import FooterKey

from conftest import palette_highlights, type_text, until
from nuit_tui.services import Archive
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.screens.meeting_mode import MeetingModeScreen
from nuit_tui.tui.screens.meetings import MeetingsScreen
from nuit_tui.tui.screens.search import SearchScreen
from nuit_tui.tui.widgets.fields import Input
from nuit_tui.tui.widgets.footer import PALETTE, Footer

# How each screen is reached from the meeting list (the demo's 2/2023 is its first row).
SCREENS = {
    "meetings": ((), MeetingsScreen),
    "agenda": (("enter",), AgendaScreen),
    "meeting mode": (("enter", "m"), MeetingModeScreen),
    "search": (("slash",), SearchScreen),
}


def footer_line(app) -> str:
    """The footer's line as the terminal shows it."""
    return app.screen._compositor.render_strips()[-1].text


def keys_on_screen(app) -> list[FooterKey]:
    """The footer's keys that are drawn (a key left out has no place on the screen)."""
    return [key for key in app.screen.query_one(Footer).query(FooterKey) if key.region]


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("name", list(SCREENS))
async def test_the_footer_shows_only_whole_keys(demo_path, width, name):
    keys, screen_class = SCREENS[name]
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(width, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen) and app.screen.query(FooterKey))
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await until(pilot, lambda: isinstance(app.screen, screen_class) and len(keys_on_screen(app)) > 3)
        await pilot.pause()
        shown = keys_on_screen(app)
        palette = next(key for key in shown if key.has_class(PALETTE))
        line = footer_line(app)
        assert line.startswith(" F1 Hjelp "), line  # F1 first: it lists every key
        for key in shown:
            if key is palette:
                continue
            whole = key.render().plain
            assert key.region.right <= palette.region.x, f"{whole!r} runs under the palette's key: {line!r}"
            assert line[key.region.x:key.region.right] == whole, line
        # Nothing but whole keys before the palette's key: no piece of a key left out.
        drawn = max(key.region.right for key in shown if key is not palette)
        assert not line[drawn:palette.region.x].strip(), line
        assert len(line) == width
    archive.close()


async def test_a_wider_terminal_shows_the_keys_left_out_and_a_narrower_one_leaves_them_out_again(demo_path):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)

    def shown() -> list[str]:
        return [key.description for key in keys_on_screen(app) if not key.has_class(PALETTE)]

    async with app.run_test(size=(80, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen) and app.screen.query(FooterKey))
        narrow = shown()
        assert narrow[:3] == ["Hjelp", "Åpne", "Ny"] and "Slett" not in narrow
        await pilot.resize_terminal(140, 30)
        await until(pilot, lambda: "Slett" in shown(), what="the whole footer at 140 columns")
        assert shown()[:len(narrow)] == narrow  # in the same order, the rest after
        await pilot.resize_terminal(80, 30)
        await until(pilot, lambda: shown() == narrow, what="the footer of 80 columns again")
    archive.close()


async def test_a_short_footer_word_is_named_in_full_in_f1_and_the_palette(demo_path):
    from textual.widgets import DataTable

    from nuit_tui.tui.screens.help import HelpScreen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen) and app.screen.query(FooterKey))
        footer = {key.key_display: key for key in keys_on_screen(app)}
        assert (footer["b"].description, footer["b"].tooltip) == ("Utvalg", "Bytt utvalg")
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        table = app.screen.query_one("#keys", DataTable)
        rows = {str(table.get_row_at(r)[0]): str(table.get_row_at(r)[1]) for r in range(table.row_count)}
        assert (rows["b"], rows["y"], rows["Delete / d"], rows["Enter"]) == ("Bytt utvalg", "Bytt år", "Slett møte", "Åpne møte")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        await pilot.press("ctrl+p")
        await type_text(pilot, "bytt år")
        await palette_highlights(pilot, "Bytt år")
        await pilot.press("escape")
    archive.close()


@pytest.mark.parametrize("width", [80, 100])
async def test_the_search_fields_placeholder_fits(demo_path, width):
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.press("slash")
        await until(pilot, lambda: isinstance(app.screen, SearchScreen))
        field = app.screen.query_one("#search-query", Input)
        assert cell_len(field.placeholder) <= field.content_region.width, (field.placeholder, field.content_region.width)
    archive.close()


async def test_tab_in_a_remark_keeps_the_footers_keys_in_their_order_and_lays_nothing_out(demo_path, monkeypatch):
    """Meeting mode's F6 «Utsett» came second while the text had the focus (Textual kept it
    where the text field's own hidden F6 was bound) and in its place otherwise: every Tab
    between «Hvem» and «Hva» reordered the footer and laid the whole screen out again
    (30–50 ms), and at 80 columns F6 pushed F3 «Vedta» out while typing."""
    from textual.screen import Screen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(80, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MeetingsScreen) and app.screen.query(FooterKey))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MeetingModeScreen) and app.screen.item is not None)
        await pilot.press("f2")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "remark-speaker")
        await pilot.pause()
        in_speaker = [key.key for key in keys_on_screen(app)]
        layouts = []  # whole-screen layouts (not a scroll into view of the field focused)
        original = Screen._refresh_layout

        def counted(screen, size=None, scroll=False):
            if not scroll:
                layouts.append(screen)
            return original(screen, size, scroll)

        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        for _ in range(2):
            await pilot.press("tab")
            await until(pilot, lambda: app.focused is not None and app.focused.id == "remark-text")
            await pilot.pause()
            assert [key.key for key in keys_on_screen(app)] == in_speaker
            await pilot.press("shift+tab")
            await until(pilot, lambda: app.focused is not None and app.focused.id == "remark-speaker")
            await pilot.pause()
            assert [key.key for key in keys_on_screen(app)] == in_speaker
        assert layouts == []
        assert "f3" in in_speaker  # F6 sat before it while typing, and pushed it out at 80 columns
    archive.close()
