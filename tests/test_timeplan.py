import datetime as dt

from nuit_tui.domain.timeplan import PlanEntry, time_plan

# NUIT 2/2023 as the notice prints it: (case or break, duration, printed start).
SEED_AGENDA = [
    ("13/23", 5, "09:00"), ("14/23", 10, "09:05"), ("15/23", 25, "09:15"), ("16/23", 45, "09:40"),
    ("17/23", 30, "10:25"), ("Pause", 10, "10:55"), ("18/23", 25, "11:05"), ("19/23", 20, "11:30"),
    ("20/23", 35, "11:50"), ("Lunsj", 30, "12:25"), ("21/23", 30, "12:55"), ("22/23", 30, "13:25"),
    ("23/23", 30, "13:55"), ("Pause2", 10, "14:25"), ("24/23", 30, "14:35"), ("25/23", 30, "15:05"),
    ("26/23", 5, "15:35"),
]


def test_the_seed_agenda_times_follow_from_start_and_durations():
    plan = time_plan(dt.time(9), dt.time(15, 45), [PlanEntry(key, minutes) for key, minutes, _ in SEED_AGENDA])
    assert [s.start.strftime("%H:%M") for s in plan.slots] == [start for _, _, start in SEED_AGENDA]
    assert plan.finish == dt.time(15, 40)  # "Slutt 15:40"
    assert plan.overrun_minutes == 0


def test_an_agenda_past_the_meetings_end_is_flagged():
    plan = time_plan(dt.time(9), dt.time(10), [PlanEntry("a", 45), PlanEntry("b", 30)])
    assert plan.overrun_minutes == 15
    assert plan.slot("b").start == dt.time(9, 45)


def test_a_pinned_item_waits_for_its_time_and_is_flagged_when_late():
    plan = time_plan(dt.time(9), dt.time(16), [PlanEntry("a", 30), PlanEntry("guest", 20, dt.time(13))])
    assert plan.slot("guest").start == dt.time(13)
    assert not plan.slot("guest").late
    late = time_plan(dt.time(9), dt.time(16), [PlanEntry("a", 300), PlanEntry("guest", 20, dt.time(13))])
    assert late.slot("guest").start == dt.time(14) and late.slot("guest").late


def test_an_empty_agenda_ends_when_it_starts():
    plan = time_plan(dt.time(9), dt.time(10), [])
    assert plan.finish == dt.time(9) and plan.slots == ()


def test_running_past_midnight_is_visible():
    plan = time_plan(dt.time(22), dt.time(23), [PlanEntry("a", 180)])
    assert plan.past_midnight and plan.overrun_minutes == 120
