"""Openness by one rule (domain.openness): every public format hides the same things,
a derived date of an exempt anchor is exempt, and the internal calendar marks exempt
events CLASS:CONFIDENTIAL."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
import zipfile

import icalendar
import pytest
import vobject

from nuit_tui.domain import models as m
from nuit_tui.domain.openness import (
    EXEMPT,
    exemption_text,
    is_exempt,
    item_line,
    item_title,
    may_publish,
)
from nuit_tui.domain.year_plan import expand_rule
from nuit_tui.exporters.registry import render
from nuit_tui.services.calendar import export_ics
from nuit_tui.services.minutes import build_minutes
from nuit_tui.services.notice import build_notice

# Text only the exempt parts hold: none of it may reach a public document.
SECRETS = {
    "description": "Hemmeligbeskrivelse Kvasarfjord",
    "purpose": "Hemmelighensikt Kvasarfjord",
    "background": "Hemmeligbakgrunn Kvasarfjord",
    "proposal": "Hemmeligforslag Kvasarfjord",
    "decision": "Hemmeligvedtak Kvasarfjord",
    "narrative": "Hemmeligreferat Kvasarfjord",
    "remark": "Hemmeliginnspill Kvasarfjord",
    "remark_old": "Gammeltinnspill Kvasarfjord",
    "attachment": "Hemmeligvedlegg Kvasarfjord",
    "attachment_of_exempt_item": "Åpentvedlegg-i-unntatt-sak Kvasarfjord",
    "attachment_of_open_item": "Unntattvedlegg-i-åpen-sak Kvasarfjord",
    "follow_up": "Hemmeligoppfølging Kvasarfjord",
    "title": "Hemmeligtittel Kvasarfjord",
    "deadline": "HEMMELIG styremøte Kvasarfjord",
    "deadline_text": "Hemmeligfrist-tekst Kvasarfjord",
    "exempt_rule": "Hemmeligregel Kvasarfjord",
}
PUBLIC_TITLE = "Status og veien videre for felles journalløft i kommunal sektor"  # 18/23, exempt, title public
RULE = "Forberedelse før styremøte"  # a public rule, counted from an exempt and a public deadline
EXEMPT_ANCHOR, OPEN_ANCHOR = dt.date(2023, 6, 10), dt.date(2023, 9, 20)


@pytest.fixture
def scene(demo):
    """NUIT 2/2023 with 18/23 exempt (title public), 19/23 exempt with its title, an exempt
    attachment on 20/23, 4/23 of 1/2023 exempt with a follow-up, and an exempt deadline
    that a public rule is counted from."""
    nuit = demo.members.body("NUIT")
    item = demo.agenda.find_item("18/23", body_short_name="NUIT")
    item = demo.agenda.update_item(item.model_copy(update={
        "exempt": True, "exempt_basis": "offl. § 14",
        "description": SECRETS["description"], "purpose": SECRETS["purpose"], "background": SECRETS["background"],
        "proposed_decision": SECRETS["proposal"], "decision": SECRETS["decision"], "narrative": SECRETS["narrative"],
    }))
    demo.minutes.add_remark(m.Remark(item_id=item.id, speaker="KS", text=SECRETS["remark"]))
    demo.agenda.add_attachment(m.Attachment(item_id=item.id, label="Vedlegg 9", title=SECRETS["attachment"], exempt=True))
    demo.agenda.add_attachment(m.Attachment(item_id=item.id, label="Vedlegg 9A", title=SECRETS["attachment_of_exempt_item"]))
    titled = demo.agenda.find_item("19/23", body_short_name="NUIT")
    demo.agenda.update_item(titled.model_copy(update={"exempt": True, "title_exempt": True, "title": SECRETS["title"]}))
    open_item = demo.agenda.find_item("20/23", body_short_name="NUIT")
    demo.agenda.add_attachment(m.Attachment(item_id=open_item.id, label="Vedlegg 10", title=SECRETS["attachment_of_open_item"], exempt=True))
    old = demo.agenda.find_item("4/23", body_short_name="NUIT")
    demo.agenda.update_item(old.model_copy(update={"exempt": True}))
    demo.minutes.add_remark(m.Remark(item_id=old.id, speaker="KS", text=SECRETS["remark_old"]))
    demo.follow_ups.add(m.FollowUp(item_id=old.id, description=SECRETS["follow_up"], responsible="Direktoratet"))
    secret = demo.year_plan.add_deadline(m.Deadline(body_id=nuit.id, date=EXEMPT_ANCHOR, title=SECRETS["deadline"],
                                          description=SECRETS["deadline_text"], exempt=True))
    public = demo.year_plan.add_deadline(m.Deadline(body_id=nuit.id, date=OPEN_ANCHOR, title="Åpent styremøte"))
    rule = demo.year_plan.add_rule(m.DeadlineRule(body_id=nuit.id, title=RULE, offset_days=-7,
                                        anchor=m.RuleAnchor.DEADLINES, anchor_text="styremøte"))
    exempt_rule = demo.year_plan.add_rule(m.DeadlineRule(body_id=nuit.id, title=SECRETS["exempt_rule"], offset_days=-3,
                                               anchor_body_id=nuit.id, exempt=True))
    return {
        "archive": demo, "nuit": nuit, "notice": demo.meetings.find("NUIT", "2/2023"),
        "earlier": demo.meetings.find("NUIT", "1/2023"), "secret": secret, "public": public,
        "rule": rule, "exempt_rule": exempt_rule,
    }


def docx_text(data: bytes) -> str:
    """Every part of the package as text, as anyone who unzips the file would read it."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "\n".join(package.read(name).decode("utf-8", errors="replace") for name in package.namelist())


def documents(archive, meeting_id, *, public):
    """The notice, the minutes and the cover notes of the exempt items, in every format."""
    out = {}
    exempt_items = [item for item in archive.agenda.items(meeting_id) if item.exempt]
    for fmt in ("md", "html", "docx"):
        for kind, build in (("notice", build_notice), ("minutes", build_minutes)):
            data = render(build(archive, meeting_id, public=public), fmt)
            out[f"{kind}.{fmt}"] = docx_text(data) if fmt == "docx" else data.decode("utf-8")
        for item in exempt_items:
            data = render(archive.cover_notes.build(item.id, public=public), fmt)
            out[f"cover note {item.case_seq}.{fmt}"] = docx_text(data) if fmt == "docx" else data.decode("utf-8")
    return out


def calendar_text(data: bytes) -> str:
    """What two independent parsers read: every property's value, unescaped."""
    parsed = icalendar.Calendar.from_ical(data)
    shown = [str(value) for component in parsed.walk() for value in component.values()]
    for component in vobject.readOne(data.decode("utf-8")).getChildren():
        shown += [str(line.value) for line in component.lines()] if hasattr(component, "lines") else []
    return "\n".join(shown)


def events(data: bytes) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}


# --- the rule -------------------------------------------------------------------------------------


def test_the_rule_hides_an_exempt_title_only_when_it_is_marked_and_always_names_the_basis():
    item = m.AgendaItem(meeting_id=1, title="Tittel", exempt=True, exempt_basis="offl.  § 14")
    hidden = item.model_copy(update={"title_exempt": True})
    assert (item_title(item, public=True), item_title(hidden, public=True), item_title(hidden, public=False)) == (
        "Tittel", EXEMPT, "Tittel")
    assert item_line("18/23", item, public=True) == "18/23 Tittel (Unntatt offentlighet, offl. § 14)"
    assert item_line("19/23", hidden, public=True) == "19/23 Unntatt offentlighet, offl. § 14"
    assert item_line("19/23", hidden, public=False) == "19/23 Tittel (Unntatt offentlighet, offl. § 14)"
    assert exemption_text(None) == EXEMPT


def test_what_belongs_to_or_is_counted_from_an_exempt_thing_is_exempt():
    item = m.AgendaItem(meeting_id=1, exempt=True)
    remark = m.Remark(item_id=1, text="x")
    assert not may_publish(remark, item) and may_publish(remark, item.model_copy(update={"exempt": False}))
    assert not may_publish(m.Attachment(item_id=1, exempt=True), m.AgendaItem(meeting_id=1))
    assert may_publish(m.FollowUp(description="x"), None)
    assert is_exempt(m.FollowUp(description="x"), True)

    secret = m.Deadline(id=1, date=dt.date(2023, 6, 10), title="HEMMELIG møte", exempt=True)
    public = m.Deadline(id=2, date=dt.date(2023, 9, 20), title="Åpent møte")
    rule = m.DeadlineRule(id=5, title="7 dager før", offset_days=-7, anchor=m.RuleAnchor.DEADLINES, anchor_text="møte")
    entries = {e.anchor_id: e for e in expand_rule(rule, [], [secret, public])}
    assert (entries[1].exempt, entries[2].exempt) == (True, False)
    # Transitively: a date counted from that derived date is exempt too.
    assert is_exempt(rule, entries[1]) and not is_exempt(rule, entries[2])
    assert all(e.exempt for e in expand_rule(rule.model_copy(update={"exempt": True}), [], [public]))


# --- every public format ---------------------------------------------------------------------------


def test_public_notice_minutes_and_cover_notes_hold_no_exempt_text_in_any_format(scene):
    archive = scene["archive"]
    internal = documents(archive, scene["notice"].id, public=False)
    internal.update({f"earlier {k}": v for k, v in documents(archive, scene["earlier"].id, public=False).items()})
    public = documents(archive, scene["notice"].id, public=True)
    public.update({f"earlier {k}": v for k, v in documents(archive, scene["earlier"].id, public=True).items()})
    everything_internal = "\n".join(internal.values())
    for name in ("description", "purpose", "background", "proposal", "decision", "narrative", "remark",
                 "remark_old", "attachment", "attachment_of_exempt_item", "attachment_of_open_item", "follow_up",
                 "title"):
        assert SECRETS[name] in everything_internal, name  # there to leak: the check below can fail
    for fmt, text in public.items():
        for name, secret in SECRETS.items():
            assert secret not in text, (fmt, name)
        if fmt.startswith(("notice", "minutes")):
            # The same words for the same item in every format: title public, basis named.
            assert PUBLIC_TITLE in text and "Unntatt offentlighet, offl. § 14" in text, fmt


def test_the_public_calendar_holds_no_exempt_text_and_no_date_counted_from_an_exempt_one(scene, tmp_path):
    archive = scene["archive"]
    internal = export_ics(archive, out=tmp_path / "intern.ics").read_bytes()
    public = export_ics(archive, public=True, out=tmp_path / "offentlig.ics").read_bytes()
    for name in ("title", "deadline", "deadline_text", "exempt_rule"):
        assert SECRETS[name] in calendar_text(internal), name
    shown = calendar_text(public)
    for name, secret in SECRETS.items():
        assert secret not in shown and secret not in public.decode("utf-8").replace("\r\n ", ""), name
    # The same words as the public notice for the exempt item whose title is public.
    assert f"18/23 {PUBLIC_TITLE} (Unntatt offentlighet, offl. § 14)" in shown
    assert "19/23 Unntatt offentlighet" in shown
    archive_id = archive.store.meta()["archive_id"]
    uids = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(public).walk("VEVENT")}
    rule = scene["rule"]
    assert f"rule-{rule.id}-{scene['public'].id}@{archive_id}.nuit-tui" in uids
    assert f"rule-{rule.id}-{scene['secret'].id}@{archive_id}.nuit-tui" not in uids  # 7 days before the exempt date
    days = {e.decoded("DTSTART") for e in uids.values()}
    assert EXEMPT_ANCHOR not in days and EXEMPT_ANCHOR - dt.timedelta(days=7) not in days
    assert {str(e["CLASS"]) for e in uids.values()} == {"PUBLIC"}


def test_exempt_events_in_the_internal_calendar_are_confidential_and_marked(scene, tmp_path):
    archive = scene["archive"]
    data = export_ics(archive, out=tmp_path / "intern.ics").read_bytes()
    by_summary = events(data)
    secret = by_summary[f"[Unntatt offentlighet] NUIT: {SECRETS['deadline']}"]
    derived = by_summary[f"[Unntatt offentlighet] NUIT: {RULE}"]  # counted from the exempt deadline
    by_rule = [e for s, e in by_summary.items() if s.startswith(f"[Unntatt offentlighet] NUIT: {SECRETS['exempt_rule']}")]
    meeting = by_summary["NUIT møte 2/2023 (delvis unntatt offentlighet)"]  # its agenda shows 19/23's title
    for event in (secret, derived, *by_rule, meeting):
        assert str(event["CLASS"]) == "CONFIDENTIAL"
    assert by_rule and derived.decoded("DTSTART") == EXEMPT_ANCHOR - dt.timedelta(days=7)
    assert str(by_summary[f"NUIT: {RULE}"]["CLASS"]) == "PUBLIC"  # counted from the public deadline
    assert str(by_summary["NUIT: Åpent styremøte"]["CLASS"]) == "PUBLIC"
    assert str(by_summary["NUIT møte 1/2023"]["CLASS"]) == "PUBLIC"
    # vobject reads the same classes and summaries.
    classes = {ev.summary.value: ev.getChildValue("class") for ev in vobject.readOne(data.decode("utf-8")).vevent_list}
    assert classes[f"[Unntatt offentlighet] NUIT: {SECRETS['deadline']}"] == "CONFIDENTIAL"
    assert classes["NUIT: Åpent styremøte"] == "PUBLIC"


def test_the_public_wheel_holds_no_exempt_deadline_and_no_date_counted_from_one(scene, tmp_path):
    archive = scene["archive"]
    nuit = scene["nuit"]
    internal = archive.year_plan.export_wheel(2023, body_id=nuit.id, out=tmp_path / "intern.svg").read_bytes()
    public = archive.year_plan.export_wheel(2023, body_id=nuit.id, public=True, out=tmp_path / "offentlig.svg").read_bytes()
    texts = ["".join(t.itertext()) for t in ET.fromstring(public).iter("{http://www.w3.org/2000/svg}text")]
    # The internal wheel shows them, marked as in the internal calendar (the title cut to fit the wheel's radius).
    internal_texts = ["".join(t.itertext()) for t in ET.fromstring(internal).iter("{http://www.w3.org/2000/svg}text")]
    assert any(t.startswith(f"3.6 [Unntatt offentlighet] {RULE[:16]}") for t in internal_texts)
    assert any(t.startswith(f"10.6 [Unntatt offentlighet] {SECRETS['deadline'][:16]}") for t in internal_texts)
    assert f"13.9 {RULE}" in texts  # counted from the public deadline
    assert f"3.6 {RULE}" not in texts
    assert not any(text.startswith("10.6 ") for text in texts)  # the exempt deadline's date
    for secret in SECRETS.values():
        assert not any(secret[:20] in text for text in texts)
