"""A new archive has no bodies. «b» had none to pick and did nothing, «n» and the import
screen said «Velg et utvalg først (b)»: a secretary starting the archive was sent round in a
circle. They now say where a body is made: Medlemmer (m), the tab Utvalg (4)."""

from __future__ import annotations

from conftest import type_text, until

HINT = "Det finnes ingen utvalg ennå: legg til et under Medlemmer (m), fanen Utvalg (4)"


def _messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_new_archive_says_where_a_body_is_made(archive, tmp_path, monkeypatch):
    from nuit_tui.tui.app import NuitApp

    monkeypatch.chdir(tmp_path)
    (tmp_path / "referat.txt").write_text("Referat fra møte i NUIT\n", encoding="utf-8")
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await until(pilot, lambda: HINT in _messages(app), what="b says where a body is made")
        assert app.body is None
        app.clear_notifications()
        await pilot.press("n")
        await until(pilot, lambda: HINT in _messages(app), what="n says where a body is made")
        app.clear_notifications()
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, "referat.txt")
        await pilot.press("enter")
        await until(pilot, lambda: any("Medlemmer (m), fanen Utvalg (4)" in m for m in _messages(app)), what="import says it")


async def test_with_bodies_b_picks_one_as_before(demo):
    from nuit_tui.tui.app import NuitApp

    app = NuitApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.body = None
        await pilot.pause()
        await pilot.press("n")
        await until(pilot, lambda: "Velg et utvalg først (b)" in _messages(app), what="n asks for a body")
        await pilot.press("b")
        await until(pilot, lambda: app.body is not None, what="b picks a body")
