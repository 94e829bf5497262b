"""Full garbage-collection passes wait for a pause in typing (tui/collector.py)."""

from __future__ import annotations

import gc

import pytest

from nuit_tui.tui import collector as c


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(c.time, "monotonic", lambda: now[0])
    passes: list[str] = []
    monkeypatch.setattr(c.gc, "collect", lambda *a: passes.append("collect") or 0)
    monkeypatch.setattr(c.gc, "unfreeze", lambda: passes.append("unfreeze"))
    monkeypatch.setattr(c.gc, "freeze", lambda: passes.append("freeze"))
    return now, passes


def test_no_full_pass_is_automatic_while_the_app_runs_and_the_old_thresholds_come_back():
    before = gc.get_threshold()
    policy = c.CollectWhenIdle()
    policy.start()
    try:
        assert gc.get_threshold()[:2] == before[:2]
        assert gc.get_threshold()[2] >= 10**9
        assert gc.get_freeze_count() > 0
    finally:
        policy.stop()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_pause_gets_one_short_pass_and_typing_none(clock):
    now, passes = clock
    policy = c.CollectWhenIdle()
    for _ in range(5):  # typing: a key every half second
        now[0] += 0.5
        policy.input()
        policy.tick(at_rest=True)
    assert passes == []
    now[0] += c.IDLE_S
    policy.tick(at_rest=True)
    policy.tick(at_rest=True)
    assert passes == ["collect", "freeze"]  # once per pause, over what is new since the last
    now[0] += c.AWAY_S
    policy.tick(at_rest=True)
    policy.tick(at_rest=True)
    assert passes[2:] == ["unfreeze", "collect", "freeze"]  # away: everything, once
    policy.input()
    now[0] += c.IDLE_S
    policy.tick(at_rest=True)
    assert passes[5:] == ["collect", "freeze"]


def test_only_a_pause_at_rest_freezes_what_is_alive(clock):
    """What is frozen is never freed by a pass: a screen frozen while it was open stayed in
    memory once closed. A pause with a screen open over the start screen freezes nothing,
    nor does the pass of a closed screen unless the app says it may (at rest, the screen gone)."""
    now, passes = clock
    policy = c.CollectWhenIdle()
    policy.input()
    now[0] += c.IDLE_S
    policy.tick(at_rest=False)
    assert passes == ["collect"]
    policy.screen_closed(may_freeze=lambda: False)  # not at rest, or the screen still held
    assert passes == ["collect", "collect"]
    now[0] += c.AWAY_S
    policy.tick(at_rest=False)  # away with a screen open: everything walked, nothing frozen
    assert passes[2:] == ["unfreeze", "collect"]
    del passes[2:]
    policy.screen_closed(may_freeze=lambda: True)  # at rest, and the closed screen gone
    assert passes[2:] == ["collect", "freeze"]
    policy.input()
    now[0] += c.IDLE_S
    policy.tick(at_rest=True)
    assert passes[4:] == ["collect", "freeze"]


@pytest.mark.paints
async def test_widgets_gone_leave_no_rendered_lines_behind(demo_path):
    """Textual's background cache kept the caches of rendered lines of the last 1024 widgets
    painted alive after the widgets were gone (Textualize/textual#6665;
    tui/textual_fixes.py): memory grew with every screen opened. Once the app is closed,
    none is left but what the test's own loop holds."""
    from textual._styles_cache import StylesCache

    from nuit_tui.services import Archive
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.members import MembersScreen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(2):  # a screen of many widgets, painted, then closed
            app.push_screen(MembersScreen())
            await pilot.pause()
            app.screen._compositor.render_update(full=True)
            app.pop_screen()
            await pilot.pause()
    archive.close()
    del app, pilot
    gc.collect()
    # The test's event loop may still hold the app, and with it its start screen's widgets
    # and their caches; what must be gone is a cache whose widget is gone.
    from textual.widget import Widget

    objects = gc.get_objects()
    owned = {id(o._styles_cache) for o in objects if isinstance(o, Widget)}
    left = sum(isinstance(o, StylesCache) and id(o) not in owned for o in objects)
    # Without the fix some 80 are held here.
    assert left <= 1, f"{left} gone widgets' rendered lines still held"


async def test_closing_a_screen_lets_it_go_and_collects_at_once(demo_path):
    """A session without a 2 s pause never got a full pass, and the widgets of each closed
    screen (cyclic garbage) piled up: 129 MB after a minute of the benchmark's session,
    101 MB now. Closing a screen collects what is new since the last pass, once the screen
    is removed; and the app's list of watchers of its body no longer keeps a closed
    screen alive (Textual drops such entries only when the body changes)."""
    from conftest import until
    from nuit_tui.services import Archive
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.members import MembersScreen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.started.wait()
        passes = []
        app.collector.screen_closed = lambda may_freeze: passes.append((app.screen_stack[:], may_freeze()))
        screen = MembersScreen()
        app.push_screen(screen)
        await pilot.pause()
        assert [w for w, _ in getattr(app, "__watchers")["body"]].count(screen) == 1
        app.pop_screen()
        await until(pilot, lambda: passes, what="a pass after the screen closed")
        stack, may_freeze = passes[0]
        assert screen not in stack and not screen.is_attached  # removed before the pass
        assert not may_freeze  # this test still holds the screen: nothing is frozen
        assert screen not in [w for w, _ in getattr(app, "__watchers")["body"]]
    archive.close()


async def test_a_screen_open_during_a_pause_is_freed_once_closed(demo_path):
    """The benchmark's typing session of 10 minutes grew 30 MB a minute: each pause froze
    the open meeting-mode screen, and once closed it was garbage no pass would walk."""
    import weakref

    from conftest import until
    from nuit_tui.services import Archive
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.members import MembersScreen

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.started.wait()
        screen = MembersScreen()
        app.push_screen(screen)
        await pilot.pause()
        opened = weakref.ref(screen)
        del screen
        # A pause while it is open: the pass of a pause runs.
        app.collector.input()
        app.collector.last_input -= c.IDLE_S
        app.collector.tick(at_rest=app._at_rest)
        assert not app._at_rest
        app.pop_screen()
        await until(pilot, lambda: opened() is None or not opened().is_attached, what="the screen removed")
        await pilot.pause(0.1)

        def freed_by_a_pause() -> bool:
            # The next pause's pass (the closing one may come while its timers' tasks hold
            # it; on a loaded machine they may take a few rounds of the loop to end).
            app.collector.input()
            app.collector.last_input -= c.IDLE_S
            app.collector.tick(at_rest=app._at_rest)
            return opened() is None

        await until(pilot, freed_by_a_pause, timeout=5, what="a screen closed after a pause freed by the next pause's pass")
    archive.close()


async def test_a_footer_wider_than_the_terminal_makes_no_scrollbar_that_outlives_its_screen(demo_path):
    """At 80 columns most screens' keys are wider than the footer. Textual's footer then
    made a horizontal scrollbar, and one made while its screen was being closed kept its
    task running, and the closed screen with it (seen once in three runs of the test above).
    Now the keys that do not fit are left out (tests/test_footer_fits.py), so the footer is
    no wider than the terminal; it still makes no scrollbar."""
    import weakref

    from nuit_tui.services import Archive
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.members import MembersScreen
    from nuit_tui.tui.widgets.footer import Footer

    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    closed = []
    async with app.run_test(size=(80, 24)) as pilot:
        await app.started.wait()
        for _ in range(3):
            screen = MembersScreen()
            app.push_screen(screen)
            await pilot.pause()
            footer = screen.query_one(Footer)
            assert footer.virtual_size.width <= footer.size.width  # the keys that fit, whole
            assert footer._horizontal_scrollbar is None
            closed.append(weakref.ref(screen))
            del screen, footer
            app.pop_screen()
            await pilot.pause()
        await pilot.pause(0.2)
        gc.collect()
        assert [ref() for ref in closed] == [None, None, None]
    archive.close()


async def test_no_full_pass_is_automatic_from_the_apps_start(demo_path, monkeypatch):
    """A full pass landed on the first paint (30–40 ms at the benchmark's scale 1: it walked
    all the imports had made while the screen waited). From the app's start (Textual's Load)
    none is automatic: at the first paint (Ready) the threshold already says so."""
    from conftest import until
    from nuit_tui.services.start import ArchiveFile
    from nuit_tui.tui.app import NuitApp

    at_first_paint: list[tuple[int, int, int]] = []
    on_ready = NuitApp.on_ready

    def seen(app: NuitApp) -> None:
        at_first_paint.append(gc.get_threshold())
        on_ready(app)

    monkeypatch.setattr(NuitApp, "on_ready", seen)
    tests_thresholds = gc.get_threshold()  # tests/conftest.py sets its own
    gc.set_threshold(700, 10, 10)  # Python's, as in `nuit-tui`
    archive = ArchiveFile(demo_path)
    try:
        app = NuitApp(archive)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.started.is_set, what="the archive loaded")
        after = gc.get_threshold()
    finally:
        gc.set_threshold(*tests_thresholds)
        archive.close()
    assert at_first_paint == [(700, 10, c.NO_AUTOMATIC_FULL_PASS)]
    assert after == (700, 10, 10)
