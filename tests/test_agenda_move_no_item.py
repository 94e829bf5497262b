"""Ctrl+↑ and Ctrl+↓ move the selected entry; with none selected (an empty agenda, or the
cursor on «Slutt») they did nothing to be seen. They say why, as e, d, +, − and f do, and
the keys typed on in their burst are no keys, named once it is over."""

import datetime as dt

from conftest import type_text, until
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen


async def test_ctrl_up_and_down_with_no_item_say_why(archive):
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    empty = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Teams", standard_items=False)
    full = archive.meetings.create(nuit.id, dt.date(2023, 9, 14), dt.time(9), dt.time(12), location="Teams")
    order = [i.id for i in archive.agenda.items(full.id)]
    app = NuitApp(archive)

    def said() -> list[str]:
        return [n.message for n in app._notifications]

    async def refused(key: str, shown: str, message: str) -> None:
        screen = app.screen
        await pilot.press(key)
        await type_text(pilot, "Veikart")
        await until(pilot, lambda: message in said(), what=f"{key} refused")
        await until(pilot, lambda: f"Ikke brukt (skrevet etter {shown}): «Veikart»" in said(), what="the text named")
        assert app.screen is screen
        app.clear_notifications()

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(AgendaScreen(empty.id))
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        tom = "dagsordenen er tom (n legger til en sak, p en pause)"
        await refused("ctrl+up", "^↑", f"Ingen sak å flytte opp: {tom}")
        await refused("ctrl+down", "^↓", f"Ingen sak å flytte ned: {tom}")
        app.pop_screen()
        screen = AgendaScreen(full.id)
        app.push_screen(screen)
        await until(pilot, lambda: app.screen is screen and screen.is_mounted and screen.table.row_count > 1)
        await pilot.press("end")
        await until(pilot, lambda: screen.table.selected_item_id is None, what="«Slutt» selected")
        await refused("ctrl+up", "^↑", "Ingen sak å flytte opp: «Slutt» er valgt (↑ velger en sak)")
    assert archive.agenda.items(empty.id) == []
    assert [i.id for i in archive.agenda.items(full.id)] == order
