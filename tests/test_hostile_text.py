"""Text is data at every way in and every way out: control characters never reach the
file through the models, the JSON import, the deadline import or the command line's
options; dates stay within 1900–2200; and every export stays valid for whatever an
archive holds (an older version stored controls, an imported archive id held a line
break): Word opens, HTML and SVG are well-formed XML, Markdown has no raw HTML, the
calendar has exactly its events, and the command line never prints a terminal control."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import shutil
import sqlite3
import tempfile
import typing
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import icalendar
import pytest
import vobject
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from nuit_tui import cli
from nuit_tui.domain import models as m
from nuit_tui.domain.norwegian import ParseError, parse_date
from nuit_tui.domain.text import clean_text
from nuit_tui.exporters import registry
from nuit_tui.services import Archive
from nuit_tui.services.calendar import export_ics
from nuit_tui.services.minutes import build_minutes
from nuit_tui.services.notice import build_notice
from nuit_tui.services.transfer import ImportRejected, export_json, import_json, parse_document

# What a terminal, Word or an XML parser must never get: C0 but tab and line feed, DEL, C1.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
OSC_TITLE = "\x1b]0;HACKED\x07"
STORED_CONTROLS = "Vedtak\x01 om\x0b budsjett\x1b[31m rødt\x9b"


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def raw_update(path: Path, sql: str, params: typing.Sequence = ()) -> None:
    """Write into the file as an older version (or another program) could have: past
    the models and their rules."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(sql, params)
    finally:
        conn.close()


def markdown_html_tokens(text: str) -> list[str]:
    """The raw-HTML tokens a CommonMark reader finds in `text` (none, when text is data)."""
    found = []
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type == "html_block":
            found.append(token.content)
        found += [child.content for child in token.children or [] if child.type == "html_inline"]
    return found


def xml_tags(root: ET.Element) -> set[str]:
    return {element.tag.split("}")[-1] for element in root.iter()}


HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul", "li", "table",
             "colgroup", "col", "thead", "tbody", "tr", "th", "td", "section", "a", "span", "br"}
SVG_TAGS = {"svg", "title", "rect", "text", "path", "circle", "line"}


def parsed_html(data: bytes) -> ET.Element:
    text = data.decode("utf-8")
    assert text.startswith("<!DOCTYPE html>\n")
    return ET.fromstring(text.split("\n", 1)[1])


# --- regressions: each finding as it was reproduced ------------------------------------------


def test_word_notice_and_minutes_of_text_with_control_characters_stored_earlier_are_written(demo_path, tmp_path):
    # Before: «uventet feil: ValueError» (python-docx refuses control characters).
    raw_update(demo_path, "UPDATE agenda_items SET title = ?, decision = ? WHERE kind = 'item'", [STORED_CONTROLS, STORED_CONTROLS])
    for kind, meeting in (("notice", "2/2023"), ("minutes", "1/2023")):
        out = tmp_path / f"{kind}.docx"
        code, _, err = run_cli("export", kind, "--db", str(demo_path), "--body", "NUIT", "--meeting", meeting, "--out", str(out))
        assert code == 0, err
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert "Vedtak om budsjett[31m rødt" in text
        assert not CONTROL.search(text)


def test_html_notice_and_svg_wheel_stay_well_formed_xml_with_controls_in_the_archive(demo_path, tmp_path):
    raw_update(demo_path, "UPDATE agenda_items SET title = ? WHERE kind = 'item'", ["Sak \x01<b>&\x0b"])
    raw_update(demo_path, "UPDATE bodies SET name = ? WHERE short_name = 'NUIT'", [f"Rådet{OSC_TITLE}"])
    raw_update(
        demo_path,
        "INSERT INTO deadlines (body_id, date, title, description, category, source, responsible, exempt, original_text)"
        " VALUES (NULL, '2023-03-01', ?, '', '', '', '', 0, '')",
        ["Frist \x02 <script> & \x1b[2J"],
    )
    code, _, err = run_cli("export", "notice", "--db", str(demo_path), "--body", "NUIT", "--meeting", "2/2023",
                           "--format", "html", "--out", str(tmp_path / "n.html"))
    assert code == 0, err
    root = parsed_html((tmp_path / "n.html").read_bytes())
    assert xml_tags(root) <= HTML_TAGS
    assert "Sak <b>&" in "".join(root.itertext())
    code, _, err = run_cli("export", "wheel", "--db", str(demo_path), "--year", "2023", "--out", str(tmp_path / "w.svg"))
    assert code == 0, err
    svg = ET.parse(tmp_path / "w.svg").getroot()
    assert xml_tags(svg) <= SVG_TAGS
    assert any("Frist  <script> & [2J" in "".join(node.itertext()) for node in svg.iter("{http://www.w3.org/2000/svg}text"))


def test_followups_and_search_never_write_an_escape_sequence_to_the_terminal(demo_path):
    # Before: a body's name with an OSC sequence retitled the terminal window.
    raw_update(demo_path, "UPDATE bodies SET short_name = ? WHERE short_name = 'NUIT'", [f"NUIT{OSC_TITLE}"])
    raw_update(demo_path, "UPDATE agenda_items SET title = title || ? WHERE kind = 'item'", [f" {OSC_TITLE}\x9b2J"])
    raw_update(
        demo_path,
        "INSERT INTO follow_ups (item_id, description, responsible, due_date, status, closed_on, closing_note)"
        " SELECT id, ?, ?, '2023-08-01', 'done', '2023-08-02', ? FROM agenda_items WHERE title LIKE 'Godkjenning%' LIMIT 1",
        [f"Send ut\x1b[2J{OSC_TITLE}", f"KS{OSC_TITLE}", "\x9b2J ferdig"],
    )
    outputs = [
        run_cli("search", "Godkjenning", "--db", str(demo_path)),
        run_cli("search", "Godkjenning", "--json", "--db", str(demo_path)),
        run_cli("followups", "--today", "1.9.2023", "--db", str(demo_path)),
        run_cli("followups", "--today", "1.9.2023", "--json", "--db", str(demo_path)),
    ]
    for code, out, err in outputs:
        assert code == 0, err
        assert "HACKED" in out  # the text is shown …
        assert not CONTROL.search(out + err)  # … never a control
    json.loads(outputs[1][1])
    json.loads(outputs[3][1])


def test_an_error_line_quoting_typed_text_holds_no_terminal_control(demo_path):
    code, out, err = run_cli("search", "x", "--body", f"NU{OSC_TITLE}IT", "--db", str(demo_path))
    assert code == 2
    assert "Fant ikke utvalget «NU]0;HACKEDIT»" in err
    assert not CONTROL.search(out + err)


def test_an_archive_id_that_would_inject_calendar_lines_is_refused_at_import(demo, tmp_path):
    document = json.loads(export_json(demo))
    document["meta"]["archive_id"] = "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injisert;a,b"
    with pytest.raises(ImportRejected, match="Ugyldig innhold i meta: .*archive_id kan bare ha"):
        parse_document(json.dumps(document))
    document["meta"]["archive_id"] = "0f1e2d3c-aaaa-4bbb-8ccc-123456789abc"
    parse_document(json.dumps(document))  # nuit-tui's own ids pass


def test_a_stored_archive_id_with_line_breaks_gives_exactly_the_archives_events(demo, demo_path, tmp_path):
    # An archive imported before the check: its id goes into every UID.
    expected = len(icalendar.Calendar.from_ical(export_ics(demo, out=tmp_path / "before.ics").read_bytes()).walk("VEVENT"))
    demo.close()
    raw_update(demo_path, "UPDATE meta SET value = ? WHERE key = 'archive_id'", ["x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:a;b,c"])
    code, _, err = run_cli("export", "ics", "--db", str(demo_path), "--out", str(tmp_path / "a.ics"))
    assert code == 0, err
    data = (tmp_path / "a.ics").read_bytes()
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == expected == len(vobject.readOne(data.decode()).vevent_list)
    assert all(re.fullmatch(r"[a-z]+-[\d-]+@xENDVEVENTBEGINVEVENTUIDabc\.nuit-tui", str(ev["UID"])) for ev in events)


def test_an_attachment_location_with_angle_brackets_is_no_html_in_the_markdown_notice(demo):
    item = demo.agenda.find_item("17/23", body_short_name="NUIT")
    for location in ("https://ehelse.no/x<img src=x onerror=alert(1) ", "C:\\Sak <script>alert(1)</script>", "https://a\\"):
        demo.agenda.add_attachment(m.Attachment(item_id=item.id, label="Vedlegg 9", title="Se <b>her</b>", location=location))
    meeting = demo.meetings.find("NUIT", "2/2023")
    text = registry.render(build_notice(demo, meeting.id, public=False), "md").decode()
    assert markdown_html_tokens(text) == []
    assert "(<https://ehelse.no/x%3Cimg%20src=x%20onerror=alert(1)>)" in text


# --- dates in range ----------------------------------------------------------------------------


def test_a_deadline_stored_on_31_12_9999_does_not_stop_the_calendar_the_wheel_or_the_year_plan(demo, demo_path, tmp_path):
    # Before: export ics failed with OverflowError (no day after 31.12.9999).
    expected = len(icalendar.Calendar.from_ical(export_ics(demo, out=tmp_path / "before.ics").read_bytes()).walk("VEVENT"))
    demo.close()
    raw_update(
        demo_path,
        "INSERT INTO deadlines (body_id, date, title, description, category, source, responsible, exempt, original_text)"
        " VALUES (NULL, '9999-12-31', 'Evig frist', '', '', '', '', 0, '')",
    )
    code, _, err = run_cli("export", "ics", "--db", str(demo_path), "--out", str(tmp_path / "a.ics"))
    assert code == 0, err
    assert "advarsel: fristen «Evig frist» (9999-12-31) er ikke med" in err
    data = (tmp_path / "a.ics").read_bytes()
    assert len(icalendar.Calendar.from_ical(data).walk("VEVENT")) == expected
    for year in ("2023", "2200"):
        code, _, err = run_cli("export", "wheel", "--db", str(demo_path), "--year", year, "--out", str(tmp_path / "w.svg"))
        assert code == 0, err
        ET.parse(tmp_path / "w.svg")
    archive = Archive.open(demo_path)
    try:
        assert archive.year_plan.entries(2200) == []
        [kept] = archive.store.find(m.Deadline, "title = 'Evig frist'")  # read back as stored
        assert kept.date == dt.date(9999, 12, 31)
        document = json.loads(export_json(archive))  # the JSON export shows it as it is …
    finally:
        archive.close()
    with pytest.raises(ImportRejected, match=r"deadlines\.\d+\.date: .*31\.12\.9999 er utenfor"):  # … and import refuses it
        parse_document(json.dumps(document))


@pytest.mark.parametrize("text", ["31.12.9999", "1.1.1899", "31.12.99999", "0001-01-01", "1. januar 2201"])
def test_dates_outside_1900_to_2200_are_refused_in_norwegian(text):
    with pytest.raises(ParseError, match="utenfor datoene arkivet godtar|er ikke en dato"):
        parse_date(text)


def test_dates_at_the_edges_of_the_range_are_accepted():
    assert parse_date("1.1.1900") == dt.date(1900, 1, 1)
    assert parse_date("31.12.2200") == dt.date(2200, 12, 31)
    m.Deadline(date=dt.date(2200, 12, 31), title="Siste")


def test_the_models_refuse_a_date_out_of_range_that_is_typed_or_imported(archive):
    for make in (
        lambda: m.Deadline(date=dt.date(9999, 12, 31), title="x"),
        lambda: m.FollowUp(description="x", due_date=dt.date(1899, 12, 31)),
        lambda: m.Membership(person_id=1, body_id=1, valid_to=dt.date(2201, 1, 1)),
    ):
        with pytest.raises(ValueError, match="utenfor datoene arkivet godtar"):
            make()


def test_followups_today_out_of_range_is_one_line_and_exit_2(demo_path):
    code, out, err = run_cli("followups", "--today", "31.12.9999", "--db", str(demo_path))
    assert code == 2 and out == ""
    assert err.startswith("nuit-tui: 31.12.9999 er utenfor datoene arkivet godtar") and err.count("\n") == 1


def test_deadline_import_takes_a_year_within_1900_to_2200_only():
    from nuit_tui.importers.deadline_table import parse_deadline_table

    text = "Tildelingsbrev\n\nFrist | Beskrivelse\n15. februar | Innspill til budsjett\n"
    assert parse_deadline_table(text, year=2200).rows[0].date == dt.date(2200, 2, 15)
    for year in (1899, 2201, 9999):
        with pytest.raises(ParseError, match=f"{year} er ikke et gyldig årstall \\(1900–2200\\)"):
            parse_deadline_table(text, year=year)


# --- text in: one rule at every way in ---------------------------------------------------------


def test_every_text_field_of_every_record_is_cleaned_and_every_date_checked():
    from nuit_tui.store import TABLES

    assert len(TABLES) >= 15
    for model in TABLES:
        for name, field in model.model_fields.items():
            kinds = typing.get_args(field.annotation) or (field.annotation,)
            if str in kinds:
                assert {m.Clean, m.CleanName} & set(field.metadata), f"{model.__name__}.{name} is text but not cleaned"
            if dt.date in kinds:
                assert any(getattr(v, "func", None) is m._date_in_range for v in field.metadata), f"{model.__name__}.{name}"


def test_a_record_made_or_changed_with_controls_is_stored_without_them(archive):
    body = archive.members.add_body("NUIT", "Nasjonal\x1b]0;x\x07 utvalg\r\n")
    assert body.name == "Nasjonal]0;x utvalg"
    # model_copy skips validation: the store's write seam cleans all the same.
    meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(15), standard_items=False)
    item = archive.agenda.add_item(meeting.id)
    item = archive.agenda.update_item(item.model_copy(update={"title": "Tittel\x00\x01", "decision": "a\r\nb\x85c\ud800"}))
    assert (item.title, item.decision) == ("Tittel", "a\nbc")
    row = archive.store.conn.execute("SELECT title, decision FROM agenda_items WHERE id = ?", [item.id]).fetchone()
    assert row == ("Tittel", "a\nbc")
    assert archive.store.conn.execute("SELECT name FROM bodies").fetchone() == ("Nasjonal]0;x utvalg",)


def test_json_import_stores_text_without_controls(demo, tmp_path):
    document = json.loads(export_json(demo))
    document["bodies"][0]["name"] = "Rådet\x1b[31m\x07"
    document["agenda_items"][0]["title"] = "Sak\x0b med\u0085 kontroll\ud800"
    document["meta"]["note"] = "ok\x00"
    target = Archive.open(tmp_path / "new.sqlite")
    try:
        import_json(target, json.dumps(document))
        conn = target.store.conn
        assert conn.execute("SELECT name FROM bodies WHERE id = ?", [document["bodies"][0]["id"]]).fetchone() == ("Rådet[31m",)
        assert conn.execute("SELECT title FROM agenda_items WHERE id = ?", [document["agenda_items"][0]["id"]]).fetchone() == ("Sak med kontroll",)
        assert target.store.meta()["note"] == "ok"
    finally:
        target.close()


def test_deadline_import_stores_text_without_controls_and_finds_its_rows_again(demo, tmp_path):
    source = tmp_path / "brev.txt"
    source.write_text("Tildelingsbrev for 2023\r\n\r\nFrist | Beskrivelse\r\n15. februar | Innspill\x01 til\x1b[1m budsjett\x0c\r\n")
    for expected in ("lagt til", "uendret"):
        code, out, err = run_cli("import", "deadlines", str(source), "--source", "Brev\x1b]0;x\x07", "--db", str(demo.path))
        assert code == 0, err
        assert f"1 {expected}" in out
    [row] = demo.store.conn.execute("SELECT title, source, original_text FROM deadlines WHERE source LIKE 'Brev%'").fetchall()
    assert not any(CONTROL.search(value) for value in row)
    assert row[1] == "Brev]0;x"


# --- the property: any text anywhere, every export ---------------------------------------------


SPECIAL = [
    "[", "]", "[/]", "[b]x[/b]", "[sladdet]", "<", ">", "&", "&amp;", '"', "'", ";", ",", ":", "\\", "|", "*", "_", "`",
    "#", "- ", "1. ", "\n", "\r", "\r\n", "\t", " ", "\x1b]0;HACKED\x07", "\x1b[2J", "\x9b31m",
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069", "\ufeff",
    "\u2028", "\u2029", "\ufffe", "\uffff", "\ud800", "\udfff", "\udbff", "עברית", "العربية", "æøå", "😀",
    "END:VEVENT", "BEGIN:VEVENT", "<script>", "]]>", "<!--", "https://x", "\x85",
]
HOSTILE_CHARACTERS = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0, max_codepoint=0x1F),
        st.characters(min_codepoint=0x7F, max_codepoint=0x9F),
        st.characters(),
        st.sampled_from([c for c in SPECIAL if len(c) == 1]),
    ),
    max_size=30,
)
# Runs of any characters, and the specials whole (an escape sequence, a bracketed tag …).
HOSTILE_TEXT = st.lists(st.one_of(HOSTILE_CHARACTERS, st.sampled_from(SPECIAL)), max_size=6).map("".join)
# 100 kB of it in every field: a long pasted text, a paragraph of some 2 kB at a time.
BIG = (("Hostil [/] \x00\x1b]0;x\x07 <b>&amp; \ud800 \u202e עברית \u200b " * 50 + "\r\n") * 50)[:100_000]


def _name(text: str, length: int) -> str:
    """A text that still passes a name's rules (a length, not empty) after cleaning."""
    return text[: length - 1] + "N"


def _raw(text: str) -> str:
    """What an older version could have stored: Python's sqlite3 refuses lone surrogates
    (so no version of nuit-tui could write them); everything else goes in."""
    return re.sub("[\ud800-\udfff]", "", text)


@pytest.fixture(scope="module")
def hostile_template(tmp_path_factory) -> dict:
    """A small archive with one of each: a body, people, an earlier and a later meeting,
    items with people, attachments and a link, attendance, remarks, follow-ups, deadlines."""
    path = tmp_path_factory.mktemp("hostile") / "base.sqlite"
    archive = Archive.open(path)
    try:
        body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
        org = archive.members.add_organization("KS")
        p1 = archive.members.add_person("Kari Nordmann", org.id)
        p2 = archive.members.add_person("Ola Nordmann", org.id)
        for person in (p1, p2):
            archive.members.add_membership(m.Membership(person_id=person.id, body_id=body.id, organization_id=org.id))
        first = archive.meetings.create(body.id, dt.date(2023, 2, 16), dt.time(9), dt.time(15), standard_items=False)
        earlier = archive.agenda.add_item(first.id, m.AgendaItem(meeting_id=first.id, title="Tidligere sak", decision="Vedtatt", duration_minutes=30))
        meeting = archive.meetings.create(body.id, dt.date(2023, 5, 25), dt.time(9), dt.time(15), standard_items=False)
        for status in (m.MeetingStatus.NOTICE_SENT, m.MeetingStatus.HELD):
            archive.meetings.set_status(meeting.id, status)
        items = [archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title=f"Sak {n}", duration_minutes=30)) for n in "AB"]
        archive.agenda.link_earlier(items[0].id, earlier.id)
        archive.agenda.set_item_people(items[0].id, m.PersonRole.PRESENTER, [p1.id])
        archive.agenda.set_item_people(items[1].id, m.PersonRole.CASE_OFFICER, [p2.id])
        attachments = [
            archive.agenda.add_attachment(m.Attachment(item_id=item.id, label="Vedlegg 1", title="Notat", location=location))
            for item, location in zip(items, ("https://ehelse.no/a", "C:\\notat.docx"), strict=True)
        ]
        attendance = [archive.attendance.add(m.Attendance(meeting_id=meeting.id, person_id=p.id)) for p in (p1, p2)]
        remarks = [archive.minutes.add_remark(m.Remark(item_id=item.id, speaker="KS", text="Innspill")) for item in items]
        follow_ups = [archive.follow_ups.add(m.FollowUp(item_id=item.id, description="Følg opp", due_date=dt.date(2023, 8, 1))) for item in items]
        deadlines = [archive.year_plan.add_deadline(m.Deadline(date=dt.date(2023, 3, n), title=f"Frist {n}", body_id=body.id)) for n in (1, 2)]
        return {
            "path": path, "body": body.id, "org": org.id, "people": (p1.id, p2.id), "meeting": meeting.id,
            "items": tuple(i.id for i in items), "attachments": tuple(a.id for a in attachments),
            "attendance": tuple(a.id for a in attendance), "remarks": tuple(r.id for r in remarks),
            "follow_ups": tuple(f.id for f in follow_ups), "deadlines": tuple(d.id for d in deadlines),
            "events": archive.store.count(m.Meeting) + len(deadlines),
        }
    finally:
        archive.close()


def _write_raw(path: Path, ids: dict, text: str) -> None:
    """The second of each record, written past the models as an older version could have."""
    t = _raw(text)
    name = t[:300].strip() or "N"  # a name was always 1–300 characters, stripped
    conn = sqlite3.connect(path)
    try:
        with conn:
            x = conn.execute
            x("UPDATE bodies SET name = ? WHERE id = ?", [name, ids["body"]])
            x("UPDATE organizations SET name = ? WHERE id = ?", [name, ids["org"]])
            x("UPDATE people SET name = ?, email = ? WHERE id = ?", [name, t, ids["people"][1]])
            x("UPDATE agenda_items SET title = ?, description = ?, purpose = ?, background = ?, proposed_decision = ?,"
              " decision = ?, narrative = ?, exempt = 1, exempt_basis = ? WHERE id = ?",
              [f"Hostil {t}", t, t, t, t, t, t, t, ids["items"][1]])
            x("UPDATE attachments SET label = ?, title = ?, location = ? WHERE id = ?", [t, t, t, ids["attachments"][1]])
            x("UPDATE attendance SET note = ? WHERE id = ?", [t, ids["attendance"][1]])
            x("UPDATE remarks SET speaker = ?, text = ? WHERE id = ?", [t, f"Hostil {t}", ids["remarks"][1]])
            x("UPDATE follow_ups SET description = ?, responsible = ?, closing_note = ?, status = 'done',"
              " closed_on = '2023-08-02' WHERE id = ?", [t, t, t, ids["follow_ups"][1]])
            x("UPDATE deadlines SET title = ?, description = ?, category = ?, source = ?, responsible = ?, original_text = ?"
              " WHERE id = ?", [name, t, t, t, t, t, ids["deadlines"][1]])
            x("UPDATE meetings SET location = ?, video_link = ? WHERE id = ?", [t, t, ids["meeting"]])
            x("UPDATE meta SET value = ? WHERE key = 'archive_id'", [t])
    finally:
        conn.close()


def _write_through_models(archive: Archive, ids: dict, text: str) -> None:
    """The first of each record, written as the app and the importers write: through the models."""
    store = archive.store
    body = store.get(m.Body, ids["body"])
    store.update(body.model_copy(update={"short_name": _name(text, 30)}))
    store.update(store.get(m.Person, ids["people"][0]).model_copy(update={"name": _name(text, 300), "email": text}))
    item = archive.agenda.item(ids["items"][0])
    archive.agenda.update_item(item.model_copy(update={
        "title": f"Hostil {text}", "description": text, "purpose": text, "background": text,
        "proposed_decision": text, "decision": text, "narrative": text, "exempt_basis": text,
    }))
    store.update(store.get(m.Attachment, ids["attachments"][0]).model_copy(update={"label": text, "title": text}))
    store.update(store.get(m.Attendance, ids["attendance"][0]).model_copy(update={"note": text}))
    archive.minutes.add_remark(m.Remark(item_id=item.id, speaker=text, text=f"Hostil {text}"))
    archive.follow_ups.add(m.FollowUp(item_id=item.id, description=text, responsible=text, closing_note=text))
    deadline = store.get(m.Deadline, ids["deadlines"][0])
    store.update(deadline.model_copy(update={
        "title": _name(text, 300), "description": text, "category": text, "source": text, "responsible": text,
        "original_text": text,
    }))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=HOSTILE_TEXT)
@example(text="[/] [b]x[/b] [sladdet] \x00\x1f\x7f\x9f \ud800 \u202e\u200b END:VEVENT\r\nBEGIN:VEVENT")
@example(text="\ud800")  # only a lone surrogate: cleaned to nothing, never kept as it was
def test_any_text_anywhere_leaves_every_export_valid(hostile_template, text):
    _every_export_is_valid(hostile_template, text, public=(False, True))


def test_a_100_kb_text_in_every_field_leaves_every_export_valid(hostile_template):
    # The internal documents only: they hold all the text, and Word takes its time over it.
    _every_export_is_valid(hostile_template, BIG, public=(False,))


def _every_export_is_valid(ids: dict, text: str, *, public: tuple[bool, ...]) -> None:
    """`text` in every text field (half through the models, half raw into the file),
    then every export: public and internal documents in every format, the calendar,
    the wheel, the JSON export, and what the command line prints."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "a.sqlite"
        shutil.copy(ids["path"], path)
        _write_raw(path, ids, text)
        archive = Archive.open(path)
        try:
            _write_through_models(archive, ids, text)
            for variant in public:
                notice = build_notice(archive, ids["meeting"], public=variant)
                minutes = build_minutes(archive, ids["meeting"], public=variant)
                for doc in (notice, minutes):
                    _check_docx(registry.render(doc, "docx"))
                    assert xml_tags(parsed_html(registry.render(doc, "html"))) <= HTML_TAGS
                    _check_markdown(registry.render(doc, "md"))
                data = export_ics(archive, public=variant, out=folder / "a.ics").read_bytes()
                _check_ics(data, ids["events"], archive)
                svg = archive.year_plan.export_wheel(2023, public=variant, out=folder / "w.svg").read_bytes()
                assert xml_tags(ET.fromstring(svg)) <= SVG_TAGS
            json.loads(export_json(archive))
        finally:
            archive.close()
        for argv in (["search", "Hostil"], ["search", "Hostil", "--json"],
                     ["followups", "--today", "1.9.2023"], ["followups", "--today", "1.9.2023", "--json"]):
            code, out, err = run_cli(*argv, "--db", str(path))
            assert code == 0, err
            assert "Hostil" in out or argv[0] == "followups"  # the search finds the text
            assert not CONTROL.search(out + err)
            if "--json" in argv:
                json.loads(out)


def _check_docx(data: bytes) -> None:
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert not any(CONTROL.search(t) for t in texts)


def _check_markdown(data: bytes) -> None:
    text = data.decode("utf-8")
    assert not CONTROL.search(text)
    if len(text) > 200_000:
        # A CommonMark reader takes a minute over megabytes: check the escaping itself.
        # Outside our own link destinations every "<" is escaped (an odd run of backslashes).
        plain = re.sub(r"\]\(<https?://[^<>\s\\]*>\)", "](…)", text)
        assert all(len(run) % 2 == 1 for run in re.findall(r"(\\*)<", plain))
        return
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    inline = [child for token in tokens for child in token.children or []]
    assert [t.content for t in tokens if t.type == "html_block"] == []
    assert [t.content for t in inline if t.type == "html_inline"] == []
    assert all(t.attrs["href"].startswith(("https://", "http://")) for t in inline if t.type == "link_open")


def _check_ics(data: bytes, events: int, archive: Archive) -> None:
    text = data.decode("utf-8")
    assert not CONTROL.search(text.replace("\r\n", ""))
    by_icalendar = icalendar.Calendar.from_ical(data).walk("VEVENT")
    by_vobject = vobject.readOne(text).vevent_list
    assert len(by_icalendar) == len(by_vobject) == events
    # Each deadline's title reads back exactly as stored (cleaned): escaped, not cut or split.
    titles = {d.id: d.title for d in archive.store.find(m.Deadline)}
    for event in by_icalendar:
        uid = str(event["UID"])
        if uid.startswith("deadline-"):
            title = clean_text(titles[int(uid.split("-")[1].split("@")[0])])
            assert str(event["SUMMARY"]).endswith(title)
