"""The notice (innkalling) of NUIT 2/2023 in Word, HTML and Markdown, and its public version."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from docx.shared import Cm

from conftest import docx_cell_texts as cell_texts
from conftest import docx_raw, open_docx, run
from nuit_tui.domain import models as m
from nuit_tui.exporters import notice_docx, notice_html, notice_markdown
from nuit_tui.exporters.registry import UnknownFormat
from nuit_tui.services.notice import build_notice, export_notice

AGENDA = [
    ("13/23", "Godkjenning av innkalling og dagsorden", "09.00", "Godkjenning"),
    ("14/23", "Godkjenning av referat fra NUIT 16. februar 2023", "09.05", "Godkjenning"),
    ("15/23", "Orientering fra Direktoratet for e-helse", "09.15", "Orientering"),
    ("16/23", "Forslag til målbilde til Nasjonal helse- og samhandlingsplan", "09.40", "Drøfting"),
    ("17/23", "Forslag til måleindikatorer til Nasjonal helse- og samhandlingsplan", "10.25", "Drøfting"),
    ("", "Pause", "10.55", ""),
    ("18/23", "Status og veien videre for felles journalløft i kommunal sektor", "11.05", "Drøfting"),
    ("19/23", "Prioritering av utprøving av samhandlingstjenester knyttet til Felles kommunal journal", "11.30", "Drøfting"),
    ("20/23", "Nasjonal e-helseportefølje – status og tiltak for 2024 for å nå mål i veikartet", "11.50", "Drøfting"),
    ("", "Lunsj", "12.25", ""),
    ("21/23", "Målarkitektur for datadeling innen digital hjemmeoppfølging", "12.55", "Anbefaling"),
    ("22/23", "Portaler for rapportering for helsepersonell", "13.25", "Drøfting"),
    ("23/23", "Informasjonsutveksling mellom NAV og helsetjenesten", "13.55", "Drøfting"),
    ("", "Pause", "14.25", ""),
    ("24/23", "Automatisert innrapportering og datafangst til helseregistre 2023", "14.35", "Drøfting"),
    (
        "25/23",
        "Prioritering av tiltak innen digital sikkerhet fra innspill til den kommende helseberedskapsmeldingen",
        "15.05",
        "Drøfting",
    ),
    ("26/23", "Eventuelt", "15.35", ""),
    ("", "Slutt", "15.40", ""),
]

PROPOSAL_16 = (
    "NUIT drøftet foreløpig forslag til målbilde for digitalisering i helse- og omsorgssektoren og ba "
    "Direktoratet for e-helse ta med seg innspill fra møtet i det videre arbeidet."
)

# Words of 23/23's description, proposal and attachments (its cover note first), and
# of the exempt attachment added to 16/23. (Its purpose, background, people and earlier
# decisions are in its cover note, not the notice: tests/test_cover_notes.py.)
EXEMPT_WORDS = [
    "forprosjekt",  # description
    "samarbeidsprosjektet med NAV",  # proposed decision
    "Toppnotat Informasjonsutveksling",  # its cover note, listed as its first attachment
    "Budsjettnotat Kvasar",  # an exempt attachment of a public item
    "kvasar-internt.pdf",  # and its location
]


@pytest.fixture
def meeting(demo):
    return demo.meetings.find("NUIT", "2/2023")


@pytest.fixture
def exempt(demo, meeting):
    """23/23 exempt under offl. § 14, a secret attachment on 16/23 and NUIT 8/22 (cited in
    25/23's cover note, not in the notice) exempt under § 15."""
    item = demo.agenda.find_item("23/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"exempt": True, "exempt_basis": "offl. § 14"}))
    target = demo.agenda.find_item("16/23", body_short_name="NUIT")
    demo.agenda.add_attachment(
        m.Attachment(
            item_id=target.id,
            label="Vedlegg 3B",
            title="Budsjettnotat Kvasar",
            location="https://example.org/kvasar-internt.pdf",
            exempt=True,
        )
    )
    earlier = demo.agenda.find_item("NUIT 8/22")
    demo.agenda.update_item(earlier.model_copy(update={"exempt": True, "exempt_basis": "offl. § 15"}))
    return meeting


# --- the view -------------------------------------------------------------------------------


def test_view_holds_header_members_agenda_and_the_items_in_the_seed_s_shape(demo, meeting):
    doc = build_notice(demo, meeting.id, public=False)
    assert (doc.body_short_name, doc.meeting_ref, doc.date_text, doc.time_text) == (
        "NUIT",
        "2/2023",
        "25. mai 2023",
        "Kl. 09.00–15.45",
    )
    assert doc.location.startswith("Direktoratet for e-helse, Verkstedveien 1")
    assert [(r.case_number, r.title, r.start, r.item_type) for r in doc.agenda] == AGENDA
    # Members only, in their order: no substitute, no secretariat.
    names = [member.name for member in doc.members]
    assert len(names) == 20 and names[0] == "Mariann Hornnes" and names[-1] == "Bodil Rabben"
    assert "Maren Krogh" not in names and "Siv Ingebrigtsen" not in names
    assert doc.members[1].organization == "Helse Sør-Øst RHF"
    items = {item.case_number: item for item in doc.items}
    assert list(items) == [f"{n}/23" for n in range(13, 27)]
    # The seed's numbering: the cover note is an item's first document.
    assert items["13/23"].attachments == ()
    assert [(a.label, a.title) for a in items["14/23"].attachments] == [("Vedlegg 1", "Referat fra møtet i NUIT 16. februar 2023")]
    assert [(a.label, a.title) for a in items["15/23"].attachments] == [
        ("Vedlegg 2", "Toppnotat Orientering fra Direktoratet for e-helse")
    ]
    assert [a.label for a in items["17/23"].attachments] == ["Vedlegg 4", "Vedlegg 4A"]
    assert items["17/23"].attachments[0].title == "Toppnotat Forslag til måleindikatorer til Nasjonal helse- og samhandlingsplan"
    assert items["25/23"].attachments[0].label == "Vedlegg 12"
    assert items["26/23"].attachments == ()
    assert not any(item.exemption for item in doc.items)


def test_public_view_keeps_number_and_title_of_an_exempt_item_and_nothing_else(demo, exempt):
    item = next(i for i in build_notice(demo, exempt.id, public=True).items if i.case_number == "23/23")
    assert item.title == "Informasjonsutveksling mellom NAV og helsetjenesten"
    assert item.exemption == "Unntatt offentlighet, offl. § 14"
    assert (item.description, item.proposed_decision, item.attachments) == ("", "", ())


def test_an_exempt_title_is_hidden_too_and_an_empty_basis_gives_the_bare_words(demo, meeting):
    item = demo.agenda.find_item("22/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"exempt": True, "title_exempt": True, "exempt_basis": None}))
    doc = build_notice(demo, meeting.id, public=True)
    row = next(r for r in doc.agenda if r.case_number == "22/23")
    assert row.title == "Unntatt offentlighet"
    entry = next(i for i in doc.items if i.case_number == "22/23")
    assert (entry.title, entry.exemption) == ("Unntatt offentlighet", "Unntatt offentlighet")
    text = notice_markdown.render(doc).decode()
    assert "Portaler for rapportering" not in text
    assert "Portaler for rapportering" in notice_markdown.render(build_notice(demo, meeting.id, public=False)).decode()


# --- Word -----------------------------------------------------------------------------------


def test_docx_has_a4_headings_header_and_agenda_tables(demo, meeting):
    data = notice_docx.render(build_notice(demo, meeting.id, public=False))
    document = open_docx(data)

    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert abs(section.left_margin - Cm(2.5)) < Cm(0.05) and abs(section.top_margin - Cm(2.5)) < Cm(0.05)
    normal = document.styles["Normal"]
    assert normal.font.name == "Calibri" and normal.font.size.pt == 11

    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Møte i NUIT")
    level2 = [text for style, text in headings if style == "Heading 2"]
    assert level2[0] == "Dagsorden"  # as in Markdown and HTML
    assert level2[1] == "13/23 Godkjenning av innkalling og dagsorden"
    assert len(level2) == 15 and level2[-1] == "26/23 Eventuelt"
    # What the cover notes say is in the cover notes, not here.
    assert not any(style == "Heading 3" for style, _ in headings)

    header, agenda = document.tables[0], document.tables[1]
    header_rows = cell_texts(header)
    assert header_rows[:4] == [
        ("Møte", "2/2023"),
        ("Dato", "25. mai 2023"),
        ("Tid", "Kl. 09.00–15.45"),
        ("Sted", "Direktoratet for e-helse, Verkstedveien 1, Oslo. Møterom 4117"),
    ]
    assert header_rows[4][0] == "Medlemmer"
    members = header_rows[4][1].split("\n")
    assert len(members) == 20 and members[1] == "Ole Johan Kvan (Helse Sør-Øst RHF)"

    assert agenda.style.name == "Table Grid"
    rows = cell_texts(agenda)
    assert rows[0] == ("Sak", "Agenda", "Tidspunkt", "Sakstype")
    assert rows[1:] == AGENDA


def test_docx_items_carry_proposals_and_attachments_the_cover_note_first(demo, meeting):
    data = notice_docx.render(build_notice(demo, meeting.id, public=False))
    document = open_docx(data)
    texts = [p.text for p in document.paragraphs]

    assert PROPOSAL_16 in texts
    labels = [p for p in document.paragraphs if p.text == "Forslag til vedtak:"]
    assert len(labels) == 13 and all(run.bold for p in labels for run in p.runs)
    # 20/23's numbered proposal stays two paragraphs.
    assert any(t.startswith("1. NUIT drøfter status") for t in texts)
    assert any(t.startswith("2. NUIT drøfter fremlagte forslag") for t in texts)
    first = texts.index("Vedlegg 4: Toppnotat Forslag til måleindikatorer til Nasjonal helse- og samhandlingsplan")
    assert texts[first + 1] == "Vedlegg 4A: Notat_Oppdrag om indikatorer TB 2023"
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "Nytt organisasjonskart i Direktoratet for e-helse" in bullets
    # No cover-note content: no «Fra:», no Hensikt or Bakgrunn, no earlier-decisions table.
    assert not any(t.startswith(("Fra:", "Saksbehandler:", "Hensikt med saken", "Bakgrunn")) for t in texts)
    assert len(document.tables) == 2  # the header and the agenda

    props = document.core_properties
    assert props.title == "Innkalling til NUIT møte 2/2023" and props.author == "Sekretariatet for NUIT"
    assert props.comments == "" and props.subject == "Prioriteringsutvalget (NUIT), møte 2/2023, 25. mai 2023"


# --- HTML and Markdown -------------------------------------------------------------------------


def test_html_is_well_formed_and_holds_the_agenda(demo, meeting):
    data = notice_html.render(build_notice(demo, meeting.id, public=False))
    assert data.startswith(b"<!DOCTYPE html>")
    root = ET.fromstring(data.decode("utf-8").split("\n", 1)[1])  # the markup after the doctype
    assert root.tag == "html" and root.get("lang") == "nb"
    assert root.find("head/title").text == "Innkalling til NUIT møte 2/2023"
    assert root.find("head/style") is not None
    agenda = root.find(".//table[@class='agenda']")
    rows = [tuple("".join(cell.itertext()) for cell in row) for row in agenda.iter("tr")]
    assert rows[0] == ("Sak", "Agenda", "Tidspunkt", "Sakstype")
    assert rows[1:] == AGENDA
    headings = ["".join(h.itertext()) for h in root.iter("h2")]
    assert "16/23 Forslag til målbilde til Nasjonal helse- og samhandlingsplan" in headings
    assert PROPOSAL_16 in ["".join(p.itertext()) for p in root.iter("p")]


def test_html_escapes_what_was_typed(demo, meeting):
    item = demo.agenda.find_item("13/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"description": "<script>alert('x')</script> & «sånn»"}))
    text = notice_html.render(build_notice(demo, meeting.id, public=False)).decode()
    assert "<script>" not in text
    assert "&lt;script&gt;" in text and "&amp; «sånn»" in text
    ET.fromstring(text.split("\n", 1)[1])


def test_markdown_has_the_agenda_table(demo, meeting):
    text = notice_markdown.render(build_notice(demo, meeting.id, public=False)).decode()
    assert text.startswith("# Møte i NUIT\n")
    assert "| Sak | Agenda | Tidspunkt | Sakstype |" in text
    assert "| 13/23 | Godkjenning av innkalling og dagsorden | 09.00 | Godkjenning |" in text
    assert "|  | Lunsj | 12.25 |  |" in text
    assert "|  | Slutt | 15.40 |  |" in text
    lines = text.splitlines()
    table = [line for line in lines if line.startswith("| ") and line.count("|") == 5][1:]
    assert [line.split(" | ")[0].removeprefix("| ").strip() for line in table] == [row[0] for row in AGENDA]
    assert "**Forslag til vedtak:**" in text and PROPOSAL_16 in text


# --- public redaction, in every format ---------------------------------------------------------


def rendered(demo, meeting_id: int, *, public: bool) -> dict[str, str]:
    doc = build_notice(demo, meeting_id, public=public)
    return {
        "md": notice_markdown.render(doc).decode("utf-8"),
        "html": notice_html.render(doc).decode("utf-8"),
        "docx": docx_raw(notice_docx.render(doc)),
    }


def test_public_versions_leak_nothing_exempt(demo, exempt):
    internal = rendered(demo, exempt.id, public=False)
    public = rendered(demo, exempt.id, public=True)
    for fmt in ("md", "html", "docx"):
        for word in EXEMPT_WORDS:
            # The words are there to leak (escaping aside): the check below can fail.
            assert word.replace("_", "\\_") in internal[fmt] or word in internal[fmt], (fmt, word)
            assert word not in public[fmt], (fmt, word)
        assert "Unntatt offentlighet, offl. § 14" in public[fmt], fmt
        # Number and title stay; so does everyone else's content.
        assert "23/23" in public[fmt] and "Informasjonsutveksling mellom NAV og helsetjenesten" in public[fmt]
        assert "Toppnotat Portaler for rapportering for helsepersonell" in public[fmt]
        assert "ta med seg innspill fra møtet i det videre arbeidet" in public[fmt]


def test_public_word_document_shows_the_exempt_item_as_one_line(demo, exempt):
    document = open_docx(notice_docx.render(build_notice(demo, exempt.id, public=True)))
    paragraphs = [p.text for p in document.paragraphs]
    start = paragraphs.index("23/23 Informasjonsutveksling mellom NAV og helsetjenesten")
    end = paragraphs.index("24/23 Automatisert innrapportering og datafangst til helseregistre 2023")
    content = [t for t in paragraphs[start + 1 : end] if t.strip()]
    assert content == ["Sakstype: Drøfting", "Unntatt offentlighet, offl. § 14"]


# --- files and the command line ------------------------------------------------------------------


def test_export_writes_the_default_file_name(demo, meeting, tmp_path):
    path = export_notice(demo, meeting.id, exports_dir=tmp_path / "exports")
    assert path == tmp_path / "exports" / "NUIT-2023-2-innkalling.docx"
    assert open_docx(path.read_bytes()).tables[1].rows[1].cells[0].text == "13/23"
    public = export_notice(demo, meeting.id, fmt="md", public=True, exports_dir=tmp_path / "exports")
    assert public.name == "NUIT-2023-2-innkalling-offentlig.md"
    out = export_notice(demo, meeting.id, fmt="html", out=tmp_path / "x.html")
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")


def test_an_unknown_format_is_refused_in_norwegian(demo, meeting, tmp_path):
    with pytest.raises(UnknownFormat, match="Ukjent format «rtf»"):
        export_notice(demo, meeting.id, fmt="rtf", exports_dir=tmp_path / "exports")
    assert not (tmp_path / "exports").exists()


def test_cli_exports_the_notice(demo_path, tmp_path):
    result = run("export", "notice", "--body", "NUIT", "--meeting", "2/2023", "--db", demo_path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "exports" / "NUIT-2023-2-innkalling.docx"
    assert result.stdout.strip() == str(written.relative_to(tmp_path))
    assert cell_texts(open_docx(written.read_bytes()).tables[1])[1:] == AGENDA

    out = tmp_path / "public.html"
    result = run(
        "export", "notice", "--body", "nuit", "--meeting", "2/2023", "--format", "html", "--public",
        "--out", out, "--db", demo_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert "Møte i NUIT" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--body", "NUIT", "--meeting", "9/2023"], "Fant ikke møte 9/2023"),
        (["--body", "NUIT", "--meeting", "andre"], "er ikke et møtenummer"),
        (["--body", "XYZ", "--meeting", "2/2023"], "Fant ikke utvalget «XYZ»"),
        (["--body", "NUIT", "--meeting", "2/2023", "--format", "rtf"], "ugyldig verdi «rtf» for --format"),
        (["--body", "NUIT", "--meeting", "2/2023", "--out", "/nonexistent/dir/x.docx"], "finnes ikke"),
    ],
)
def test_cli_refuses_with_one_line_and_exit_2(demo_path, tmp_path, args, message):
    result = run("export", "notice", *args, "--db", demo_path, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert message in lines[0]
    assert not (tmp_path / "exports").exists()


def test_a_character_the_pdf_font_lacks_is_named_in_norwegian_not_fpdf2s_english(demo_path, tmp_path):
    """An emoji in a title: fpdf2 logged «Font MPDFAA+LiberationSans is missing the following
    glyphs: '🏥'» on stderr, and the emoji was gone from the PDF without a word of ours."""
    from nuit_tui.services import Archive

    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Samarbeid med sykehusene 🏥", duration_minutes=15))
    archive.close()
    args = ("export", "notice", "--body", "NUIT", "--meeting", "2/2023", "--db", demo_path)
    # A process of its own: fpdf2's warning went to stderr through logging's last resort.
    pdf = run(*args, "--format", "pdf", "--out", tmp_path / "n.pdf", process=True)
    assert pdf.returncode == 0, pdf.stderr
    assert pdf.stderr == "advarsel: PDF-en viser ikke disse tegnene (skriften mangler dem): 🏥\n"
    assert pdf.stdout.strip() == str(tmp_path / "n.pdf") and (tmp_path / "n.pdf").read_bytes().startswith(b"%PDF")
    docx = run(*args, "--format", "docx", "--out", tmp_path / "n.docx")
    assert docx.returncode == 0 and docx.stderr == ""
    assert "Samarbeid med sykehusene 🏥" in docx_raw((tmp_path / "n.docx").read_bytes())
