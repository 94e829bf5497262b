"""The year plan: entries of a year, rules that follow the meetings, filters."""

import datetime as dt

import pytest

from nuit_tui.domain import models as m
from nuit_tui.domain.norwegian import ParseError
from nuit_tui.domain.year_plan import parse_offset


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("rapportere to uker i forkant av hvert oppfølgingsmøte", -14),
        ("dokumentene sendes ut 12 dager før hvert NUIT-møte", -12),
        ("referat 3 dager etter møtet", 3),
        ("en uke etter", 7),
    ],
)
def test_relative_prose_is_read(text, days):
    assert parse_offset(text) == days


def test_prose_without_an_offset_is_refused():
    with pytest.raises(ParseError):
        parse_offset("i god tid før møtet")


def test_the_year_holds_meetings_deadlines_and_derived_dates(demo):
    nuit = demo.members.body("NUIT")
    demo.year_plan.add_deadline(m.Deadline(body_id=nuit.id, date=dt.date(2023, 3, 1), title="Etatsstyringsmøte", category="styringsdialog"))
    demo.year_plan.add_deadline(m.Deadline(body_id=None, date=dt.date(2023, 6, 15), title="Innspill til budsjett", category="budsjett"))
    demo.year_plan.add_rule(m.DeadlineRule(body_id=nuit.id, title="Sakspapirer ut", offset_days=-12, anchor_body_id=nuit.id, category="møte"))
    entries = demo.year_plan.entries(2023, body_id=nuit.id)
    listed = [(e.date, e.kind, e.title) for e in entries]
    assert (dt.date(2023, 2, 4), "derived", "Sakspapirer ut") in listed  # 12 days before 16 Feb
    assert (dt.date(2023, 2, 16), "meeting", "NUIT møte 1/2023") in listed
    assert (dt.date(2023, 5, 13), "derived", "Sakspapirer ut") in listed
    assert (dt.date(2023, 6, 15), "deadline", "Innspill til budsjett") in listed  # all bodies' deadline
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    assert all(e.date.year == 2023 for e in entries)
    # Other bodies' meetings are not in NUIT's plan.
    assert not any("NEHS" in e.title for e in entries)


def test_derived_dates_follow_a_moved_and_an_added_meeting(demo):
    nuit = demo.members.body("NUIT")
    demo.year_plan.add_rule(m.DeadlineRule(body_id=nuit.id, title="Sakspapirer ut", offset_days=-12, anchor_body_id=nuit.id))
    meeting = demo.meetings.find("NUIT", "2/2023")
    demo.meetings.update(meeting.model_copy(update={"date": dt.date(2023, 6, 1)}))
    demo.meetings.create(nuit.id, dt.date(2023, 9, 14), dt.time(9), dt.time(15), location="Teams")
    derived = [e.date for e in demo.year_plan.entries(2023, body_id=nuit.id) if e.kind == "derived"]
    assert derived == [dt.date(2023, 2, 4), dt.date(2023, 5, 20), dt.date(2023, 9, 2)]


def test_a_rule_follows_the_meetings_of_the_body_it_names_or_of_every_body(demo):
    """A body's rule may follow another body's meetings (or all of them): the anchors are
    read for the bodies the rules name, not only the body whose plan is shown."""
    nuit, nehs = demo.members.body("NUIT"), demo.members.body("NEHS")
    for day in (dt.date(2023, 3, 9), dt.date(2023, 11, 2)):
        demo.meetings.create(nehs.id, day, dt.time(10), dt.time(14), location="Teams")
    demo.year_plan.add_rule(m.DeadlineRule(body_id=nuit.id, title="Innspill til NEHS", offset_days=-5, anchor_body_id=nehs.id))
    demo.year_plan.add_rule(m.DeadlineRule(body_id=nuit.id, title="Møteoversikt", offset_days=1, anchor_body_id=None))
    derived = [e for e in demo.year_plan.entries(2023, body_id=nuit.id) if e.kind == "derived"]
    nehs_days = [mt.date for mt in demo.store.find(m.Meeting, "body_id = ?", [nehs.id]) if mt.year == 2023 and mt.status != "cancelled"]
    every_day = [mt.date for mt in demo.store.find(m.Meeting, "1", []) if mt.year == 2023 and mt.status != "cancelled"]
    assert nehs_days and len(every_day) > len(nehs_days)
    assert sorted(e.date for e in derived if e.title == "Innspill til NEHS") == sorted(
        d - dt.timedelta(days=5) for d in nehs_days if (d - dt.timedelta(days=5)).year == 2023
    )
    assert sorted(e.date for e in derived if e.title == "Møteoversikt") == sorted(
        d + dt.timedelta(days=1) for d in every_day if (d + dt.timedelta(days=1)).year == 2023
    )


def test_a_rule_anchored_on_deadlines(demo):
    demo.year_plan.add_deadline(m.Deadline(date=dt.date(2023, 3, 1), title="Kvartalsmøte med HOD 1"))
    demo.year_plan.add_deadline(m.Deadline(date=dt.date(2023, 10, 2), title="Kvartalsmøte med HOD 2"))
    demo.year_plan.add_rule(
        m.DeadlineRule(title="Rapport før kvartalsmøte", offset_days=-14, anchor=m.RuleAnchor.DEADLINES, anchor_text="kvartalsmøte")
    )
    derived = [(e.date, e.title) for e in demo.year_plan.entries(2023) if e.kind == "derived"]
    assert derived == [(dt.date(2023, 2, 15), "Rapport før kvartalsmøte"), (dt.date(2023, 9, 18), "Rapport før kvartalsmøte")]


def test_category_filter_and_public_plan(demo):
    demo.year_plan.add_deadline(m.Deadline(date=dt.date(2023, 4, 1), title="Budsjettinnspill", category="budsjett"))
    demo.year_plan.add_deadline(m.Deadline(date=dt.date(2023, 4, 2), title="Hemmelig frist", category="budsjett", exempt=True))
    mine = {"Budsjettinnspill", "Hemmelig frist"}
    budget = demo.year_plan.entries(2023, category="budsjett")
    assert all(e.category == "budsjett" for e in budget)
    assert [e.title for e in budget if e.title in mine] == ["Budsjettinnspill", "Hemmelig frist"]
    assert [e.title for e in demo.year_plan.entries(2023, category="budsjett", public=True) if e.title in mine] == ["Budsjettinnspill"]
    days = demo.year_plan.deadline_days(2023)
    assert days[dt.date(2023, 4, 2)] >= 1


def test_the_wheel_is_an_svg_with_twelve_months_and_the_years_entries(demo, tmp_path):
    import xml.etree.ElementTree as ET

    nuit = demo.members.body("NUIT")
    demo.year_plan.add_deadline(m.Deadline(body_id=nuit.id, date=dt.date(2023, 3, 15), title="Årsrapport til departementet"))
    demo.year_plan.add_deadline(m.Deadline(body_id=nuit.id, date=dt.date(2023, 3, 16), title="Hemmelig budsjettnotat", exempt=True))
    path = demo.year_plan.export_wheel(2023, body_id=nuit.id, out=tmp_path / "hjul.svg")
    root = ET.fromstring(path.read_bytes())
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert root.attrib["viewBox"] == "0 0 1200 1200"
    assert [t for t in texts if t in {"Januar", "Juni", "Desember"}] == ["Januar", "Juni", "Desember"]
    assert "Årshjul 2023 – NUIT" in texts
    assert "16.2 NUIT møte 1/2023" in texts and "15.3 Årsrapport til departementet" in texts
    public = demo.year_plan.export_wheel(2023, body_id=nuit.id, public=True, out=tmp_path / "offentlig.svg").read_text()
    assert "Hemmelig" not in public and "Årsrapport" in public


def test_the_wheel_from_the_command_line(demo_path, tmp_path):
    from conftest import run

    out = tmp_path / "hjul.svg"
    ok = run("export", "wheel", "--db", demo_path, "--body", "NUIT", "--out", out)
    assert ok.returncode == 0, ok.stderr
    assert "Årshjul 2023 – NUIT" in out.read_text()  # the newest meeting's year by default
    bad = run("export", "wheel", "--db", demo_path, "--body", "XYZ")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_derived_deadlines_are_in_the_calendar_and_keep_their_uid_when_the_meeting_moves(demo, tmp_path):
    from icalendar import Calendar

    from nuit_tui.services.calendar import export_ics

    nuit = demo.members.body("NUIT")
    demo.year_plan.add_rule(m.DeadlineRule(body_id=nuit.id, title="Sakspapirer ut", offset_days=-12, anchor_body_id=nuit.id))

    def derived_events():
        path = export_ics(demo, body_id=nuit.id, year=2023, out=tmp_path / "plan.ics")
        events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        return {str(e["UID"]): (e.decoded("DTSTART"), int(e.get("SEQUENCE", 0))) for e in events if "Sakspapirer" in str(e["SUMMARY"])}

    before = derived_events()
    assert sorted(d for d, _ in before.values()) == [dt.date(2023, 2, 4), dt.date(2023, 5, 13)]
    meeting = demo.meetings.find("NUIT", "2/2023")
    demo.meetings.update(meeting.model_copy(update={"date": dt.date(2023, 6, 1)}))
    after = derived_events()
    assert after.keys() == before.keys()
    moved = [uid for uid in after if after[uid][0] != before[uid][0]]
    assert len(moved) == 1 and after[moved[0]] == (dt.date(2023, 5, 20), before[moved[0]][1] + 1)
