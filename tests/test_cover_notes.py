"""Cover notes (toppnotater) as the seed lays them out, in Word, Markdown and HTML; their
public versions; the command line; editing them in the item screen by keys; and the
notice that lists them instead of carrying their text."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from textual.widgets import DataTable

from conftest import docx_cell_texts as cell_texts
from conftest import docx_raw, open_docx, type_text
from nuit_tui import cli
from nuit_tui.domain import models as m
from nuit_tui.domain.attachments import ItemDocuments, number_documents
from nuit_tui.domain.cover_note import has_cover_note
from nuit_tui.exporters import registry
from nuit_tui.services import Archive
from nuit_tui.services.notice import build_notice
from nuit_tui.store import errors
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.item import ItemScreen

TITLE_17 = "Forslag til måleindikatorer til Nasjonal helse- og samhandlingsplan"
EARLIER = "Vedtak fra tidligere behandlinger i rådsmodellen"


def item(archive, case: str) -> m.AgendaItem:
    return archive.agenda.find_item(case, body_short_name="NUIT")


def rendered(archive, case: str, *, public: bool = False, formats=("docx", "md", "html")) -> dict[str, bytes]:
    doc = archive.cover_notes.build(item(archive, case).id, public=public)
    return {fmt: registry.render(doc, fmt) for fmt in formats}


def html_root(data: bytes) -> ET.Element:
    return ET.fromstring(data.decode("utf-8").split("\n", 1)[1])  # the markup after the doctype


# --- the rule ----------------------------------------------------------------------------------


def test_an_item_has_a_cover_note_when_it_says_more_than_the_notice_and_it_is_numbered_first():
    bare = m.AgendaItem(meeting_id=1, title="Eventuelt", description="Kort", proposed_decision="Forslag")
    assert not has_cover_note(bare)
    assert has_cover_note(bare.model_copy(update={"background": "Bakgrunn"}))
    assert has_cover_note(bare.model_copy(update={"earlier_none": "N/A"}))
    assert has_cover_note(bare, sections=1) and has_cover_note(bare, earlier=1)
    # Attached as a file already («Toppnotat …»): that file is the cover note, not a second one.
    assert not has_cover_note(bare.model_copy(update={"background": "B"}), attachment_titles=["Toppnotat Eventuelt"])
    # 13/23 nothing, 14/23 its minutes, 15/23 a cover note, 17/23 a cover note and a memo, 26/23 nothing.
    labels = number_documents(
        [ItemDocuments(13), ItemDocuments(14, False, [("minutes", "")]), ItemDocuments(15, True),
         ItemDocuments(17, True, [("memo", "")]), ItemDocuments(26)],
        frozen=False,
    )
    assert labels.cover_notes == {15: "Vedlegg 2", 17: "Vedlegg 3"}
    assert labels.attachments == {"minutes": "Vedlegg 1", "memo": "Vedlegg 3A"}


# --- Word ------------------------------------------------------------------------------------------


def test_word_cover_note_has_the_seed_s_box_sections_and_earlier_decisions_table(demo):
    external = demo.cover_notes.external_decisions(item(demo, "17/23").id)[0]
    demo.cover_notes.update_external(external.model_copy(update={"decided_on": dt.date(2023, 3, 2)}))
    document = open_docx(rendered(demo, "17/23")["docx"])

    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 1", TITLE_17),
        ("Heading 2", "Forslag til vedtak"),
        ("Heading 2", "Hensikt med saken"),
        ("Heading 2", "Bakgrunn"),
        ("Heading 2", "Videre saksprosess"),
        ("Heading 2", EARLIER),
    ]
    box, people, earlier = document.tables
    assert cell_texts(box) == [("Til", "Møte 2/23"), ("Dato", "25.05.2023"), ("Saksnummer", "17/23"), ("Type", "Drøfting")]
    assert box.style.name == "Table Grid" and box.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert cell_texts(people) == [("Fra", "Siv Ingebrigtsen"), ("Saksbehandler", "Anne Greibrokk")]
    rows = cell_texts(earlier)
    assert rows[0] == ("Sak", "Tema", "Vedtaksformulering")
    # From the archive (its case, meeting date, title and adopted decision), then the ones typed in.
    assert rows[1][0] == "NUIT 8/23 (16.2.23)" and rows[1][1] == "Oppfølging av nasjonal e-helsestrategi første kvartal 2023"
    assert rows[1][2].startswith("NUIT drøftet versjon 1.0 av plan for realisering")
    assert rows[2][0] == "Nasjonalt e-helseråd 3/23 (2.3.23)" and rows[2][2].startswith("Nasjonalt e-helseråd stiller seg bak")
    assert rows[3][0] == "NUFA 5/23" and len(rows) == 4
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("Dette oppdraget har ikke vært behandlet i rådsmodellen tidligere") for t in texts)
    props = document.core_properties
    assert props.title == "Toppnotat NUIT sak 17/23"


def test_without_earlier_decisions_the_cover_note_says_n_a_or_ingen_in_every_format(demo):
    target = item(demo, "19/23")
    demo.agenda.update_item(target.model_copy(update={"earlier_none": "Ingen"}))
    for case, word in (("16/23", "N/A"), ("19/23", "Ingen")):
        files = rendered(demo, case)
        document = open_docx(files["docx"])
        texts = [p.text for p in document.paragraphs if p.text]
        assert texts[texts.index(EARLIER) + 1] == word
        assert len(document.tables) == 2  # the box and Fra/Saksbehandler: no table of earlier decisions
        assert f"## {EARLIER}\n\n{word}\n" in files["md"].decode()
        root = html_root(files["html"])
        body = [("".join(e.itertext())) for e in root.find("body")]
        assert body[body.index(EARLIER) + 1] == word
    # An item with nothing to say about earlier decisions has no such section.
    assert EARLIER not in rendered(demo, "20/23", formats=("md",))["md"].decode()


def test_headings_and_labels_read_the_same_in_word_markdown_and_html(demo):
    files = rendered(demo, "16/23")
    word = [p.text for p in open_docx(files["docx"]).paragraphs if p.style.name.startswith("Heading")]
    markdown = [line.lstrip("#").strip() for line in files["md"].decode().splitlines() if line.startswith("#")]
    root = html_root(files["html"])
    html = ["".join(h.itertext()) for h in root.find("body") if h.tag in ("h1", "h2")]
    assert word == markdown == html
    assert word[-3:] == ["Til drøfting", "Videre saksprosess", EARLIER]
    labels = [row[0] for row in cell_texts(open_docx(files["docx"]).tables[0])]
    assert labels == ["Til", "Dato", "Saksnummer", "Type"]
    assert all(f"**{label}:**" in files["md"].decode() for label in (*labels, "Fra", "Saksbehandler"))
    box = [tuple("".join(c.itertext()) for c in row) for table in root.iter("table") if table.get("class") == "box" for row in table.iter("tr")]
    assert box[:4] == [("Til", "Møte 2/23"), ("Dato", "25.05.2023"), ("Saksnummer", "16/23"), ("Type", "Drøfting")]
    assert box[4:] == [("Fra", "Siv Ingebrigtsen"), ("Saksbehandler", "Anita Lindholt")]


def test_markdown_and_html_hold_the_sections_and_the_table(demo):
    files = rendered(demo, "23/23", formats=("md", "html"))
    text = files["md"].decode()
    assert text.startswith("# Informasjonsutveksling mellom NAV og helsetjenesten\n")
    assert "## Videre saksprosess\n\nDet er planlagt at foreløpige vurderinger" in text
    assert "| Sak | Tema | Vedtaksformulering |" in text
    assert "| NUIT 19/22 | Utveksling av helseopplysninger mellom NAV og helsesektoren |" in text
    root = html_root(files["html"])
    assert root.find("head/title").text == "Toppnotat NUIT sak 23/23"
    table = next(t for t in root.iter("table") if t.get("class") == "earlier")
    rows = [tuple("".join(c.itertext()) for c in row) for row in table.iter("tr")]
    assert rows[0] == ("Sak", "Tema", "Vedtaksformulering") and len(rows) == 5


def test_fra_is_the_typed_sender_when_given_else_the_presenters(demo):
    people = dict(demo.cover_notes.build(item(demo, "18/23").id, public=False).people)
    assert people == {"Fra": "Terje Wistner, KS", "Saksbehandler": "Terje Wistner"}


# --- public versions ---------------------------------------------------------------------------------

# 23/23's own words in its cover note: purpose, background, a section, the words above
# the table, an earlier decision typed in, its case officer and its proposal.
SECRET_WORDS = [
    "moderniseringen av samhandlingen",
    "legeerklæring",
    "foreløpige vurderinger fra prosjektet",
    "NAV har fremlagt saken",
    "NUFA 15/23",
    "Norunn Elin Saure",
    "samarbeidsprosjektet med NAV",
]


def test_the_public_cover_note_of_an_exempt_item_holds_number_type_title_and_marker_only(demo):
    target = item(demo, "23/23")
    demo.agenda.update_item(target.model_copy(update={"exempt": True, "exempt_basis": "offl. § 14"}))
    internal, public = rendered(demo, "23/23"), rendered(demo, "23/23", public=True)
    for fmt in ("docx", "md", "html"):
        inside = docx_raw(internal[fmt]) if fmt == "docx" else internal[fmt].decode()
        outside = docx_raw(public[fmt]) if fmt == "docx" else public[fmt].decode()
        for word in SECRET_WORDS:
            assert word in inside, (fmt, word)  # there to leak: the check below can fail
            assert word not in outside, (fmt, word)
        for shown in ("Informasjonsutveksling mellom NAV og helsetjenesten", "23/23", "Møte 2/23", "Unntatt offentlighet, offl. § 14"):
            assert shown in outside, (fmt, shown)
    # With its title exempt too, not even the file name tells it.
    demo.agenda.update_item(item(demo, "23/23").model_copy(update={"title_exempt": True}))
    doc = demo.cover_notes.build(target.id, public=True)
    assert "NAV" not in docx_raw(registry.render(doc, "docx"))
    from nuit_tui.documents.cover_note import file_name

    assert file_name(doc, "docx") == "Toppnotat_Sak 23-23_Unntatt offentlighet_offentlig.docx"


def test_a_public_cover_note_cites_exempt_earlier_decisions_without_their_wording(demo):
    earlier = demo.agenda.find_item("NUIT 8/22")
    demo.agenda.update_item(earlier.model_copy(update={"exempt": True, "exempt_basis": "offl. § 15"}))
    external = demo.cover_notes.external_decisions(item(demo, "17/23").id)[1]  # NUFA 5/23
    demo.cover_notes.update_external(external.model_copy(update={"exempt": True}))
    for case, citation, wording in (
        ("25/23", "NUIT 8/22 (17.2.22)", "høringsversjonen av strategi"),
        ("17/23", "NUFA 5/23", "målindikatorer i Plan for realisering"),
    ):
        public = rendered(demo, case, public=True, formats=("md",))["md"].decode()
        assert citation in public and wording not in public, case
        assert wording in rendered(demo, case, formats=("md",))["md"].decode(), case
    public = rendered(demo, "25/23", public=True, formats=("md",))["md"].decode()
    assert "| NUIT 8/22 (17.2.22) | Strategi for digital sikkerhet – videre drøfting av strategiske områder | Unntatt offentlighet, offl. § 15 |" in public


# --- the notice in the seed's shape --------------------------------------------------------------------


def test_the_markdown_notice_of_2_2023_stays_within_2600_words(demo):
    meeting = demo.meetings.find("NUIT", "2/2023")
    text = registry.render(build_notice(demo, meeting.id, public=False), "md").decode()
    assert len(text.split()) <= 2600  # the seed's notice has 1,402 words; with the cover notes' text it had 4,204
    assert "Vedlegg 3: Toppnotat Forslag til målbilde til Nasjonal helse- og samhandlingsplan" in text
    assert "Hensikt med saken" not in text and EARLIER not in text


# --- the service ----------------------------------------------------------------------------------------


def test_sections_keep_their_order_and_locked_minutes_refuse_changes(demo):
    target = item(demo, "19/23")
    added = demo.cover_notes.add_section(m.CoverSection(item_id=target.id, heading="Til drøfting", text="Hva mener NUIT?"))
    assert [s.heading for s in demo.cover_notes.sections(target.id)] == ["Drøftingsspørsmål", "Videre saksprosess", "Til drøfting"]
    demo.cover_notes.move_section(added.id, -1)
    demo.cover_notes.delete_section(demo.cover_notes.sections(target.id)[0].id)
    assert [(s.heading, s.position) for s in demo.cover_notes.sections(target.id)] == [("Til drøfting", 1), ("Videre saksprosess", 2)]
    approved = demo.agenda.find_item("NUIT 8/22")  # its minutes are approved, and so locked
    with pytest.raises(errors.Conflict):
        demo.cover_notes.add_section(m.CoverSection(item_id=approved.id, heading="Etterpå"))
    assert demo.cover_notes.sections(approved.id) == []


def test_a_new_item_given_a_cover_note_section_is_not_discarded_as_blank(demo):
    meeting = demo.meetings.find("NUIT", "2/2023")
    new = demo.agenda.add_item(meeting.id)  # «Ny sak», as `n` makes it
    demo.cover_notes.add_section(m.CoverSection(item_id=new.id, heading="Videre saksprosess"))
    assert not demo.agenda.discard_if_blank(new.id)
    assert [s.heading for s in demo.cover_notes.sections(new.id)] == ["Videre saksprosess"]


# --- the command line ----------------------------------------------------------------------------------


def test_cli_exports_the_cover_note_under_the_seed_s_name(demo_path, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["export", "cover-note", "--body", "NUIT", "--item", "17/23", "--db", str(demo_path)]) == 0
    written = tmp_path / "exports" / f"Toppnotat_Sak 17-23_{TITLE_17}.docx"
    assert capsys.readouterr().out.strip() == str(written.relative_to(tmp_path))
    assert cell_texts(open_docx(written.read_bytes()).tables[0])[2] == ("Saksnummer", "17/23")
    out = tmp_path / "offentlig.html"
    args = ["export", "cover-note", "--body", "nuit", "--item", "25/23", "--format", "html", "--public", "--out", str(out)]
    assert cli.main([*args, "--db", str(demo_path)]) == 0
    assert "Vedtak fra tidligere behandlinger i rådsmodellen" in out.read_text(encoding="utf-8")
    pdf = tmp_path / "toppnotat.pdf"
    assert cli.main(["export", "cover-note", "--body", "NUIT", "--item", "17/23", "--format", "pdf", "--out", str(pdf), "--db", str(demo_path)]) == 0
    import pypdf

    reader = pypdf.PdfReader(pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    n = len(reader.pages)
    assert "Hensikt med saken" in text and "Saksnummer" in text and f"Side {n} av {n}" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--body", "NUIT", "--item", "99/23"], "99/23"),
        (["--body", "NUIT", "--item", "sytten"], "sytten"),
        (["--body", "XYZ", "--item", "17/23"], "XYZ"),
        (["--body", "NUIT", "--item", "17/23", "--format", "rtf"], "Ukjent format «rtf»"),
        (["--body", "NUIT", "--item", "17/23", "--out", "/nonexistent/dir/x.docx"], "finnes ikke"),
        (["--item", "17/23"], "mangler --body"),
    ],
)
def test_cli_refuses_bad_input_with_one_line_and_exit_2(demo_path, tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["export", "cover-note", *args, "--db", str(demo_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and "Traceback" not in err[0], err
    assert not (tmp_path / "exports").exists()


# --- the item screen, by keys ----------------------------------------------------------------------------


async def test_a_section_and_an_earlier_decision_are_added_by_keys_in_the_item_screen(demo_path):
    archive = Archive.open(demo_path)
    target = archive.agenda.find_item("NUIT 24/23")
    app = NuitApp(archive)
    async with app.run_test(size=(130, 50)) as pilot:
        app.push_screen(ItemScreen(target.id))
        await pilot.pause()
        screen = app.screen
        screen.query_one("#sections", DataTable).focus()
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Til drøfting")
        await pilot.press("tab")
        await type_text(pilot, "Hva bør prioriteres?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()  # the writes handed to the writer are in (conftest)
        await pilot.pause()
        assert [str(c) for c in screen.query_one("#sections", DataTable).get_row_at(1)] == ["Til drøfting", "Hva bør prioriteres?"]

        screen.query_one("#external", DataTable).focus()
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Nasjonalt e-helseråd 3/23")
        await pilot.press("tab")
        await type_text(pilot, "2.3")
        await pilot.press("tab")
        await type_text(pilot, "Oppfølging av strategien")
        await pilot.press("tab")
        await type_text(pilot, "Rådet stiller seg bak planen.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()  # the writes handed to the writer are in (conftest)
        await pilot.pause()
        row = [str(c) for c in screen.query_one("#external", DataTable).get_row_at(0)]
        assert row[0] == "Nasjonalt e-helseråd 3/23 (2.3.23)"
    sections = archive.cover_notes.sections(target.id)
    assert [(s.heading, s.text) for s in sections][-1] == ("Til drøfting", "Hva bør prioriteres?")
    [external] = archive.cover_notes.external_decisions(target.id)
    assert (external.citation, external.decided_on, external.topic, external.decision) == (
        "Nasjonalt e-helseråd 3/23", dt.date(2023, 3, 2), "Oppfølging av strategien", "Rådet stiller seg bak planen."
    )
    archive.close()


def test_a_paragraph_opening_with_a_date_is_text_and_a_numbered_point_hangs():
    """«15. mars 2023 overtok …» (the seed's cover note on 15/23) is a date starting a
    sentence, not point 15: it must not be set as a numbered point with a hanging indent."""
    from nuit_tui.exporters import _docx

    document = _docx.new_document("Toppnotat NUIT sak 15/23")
    _docx.text(document, "2. Status overtagelse\n\n15. mars 2023 overtok direktoratet\n\n1.  Januar er kald", hang_numbers=True)
    paragraphs = [p for p in document.paragraphs if p.text.strip()][-3:]
    point, date, two_spaces = paragraphs
    assert point.text == "2.\tStatus overtagelse" and point.paragraph_format.first_line_indent is not None
    assert date.text == "15. mars 2023 overtok direktoratet" and date.paragraph_format.first_line_indent is None
    assert two_spaces.text.startswith("1.") and "\t" not in two_spaces.text
