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
    monkeypatch.setattr(c.gc, "freeze", lambda: None)
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
        policy.tick()
    assert passes == []
    now[0] += c.IDLE_S
    policy.tick()
    policy.tick()
    assert passes == ["collect"]  # once per pause, over what is new (nothing unfrozen)
    now[0] += c.AWAY_S
    policy.tick()
    policy.tick()
    assert passes == ["collect", "unfreeze", "collect"]  # away: everything, once
    policy.input()
    now[0] += c.IDLE_S
    policy.tick()
    assert passes == ["collect", "unfreeze", "collect", "collect"]
