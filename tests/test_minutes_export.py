"""The minutes (referat) of NUIT 1/2023 in Word, HTML and Markdown, their public
version, the minutes check, and both commands."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import docx_cell_texts as cell_texts
from conftest import docx_raw, open_docx, run
from nuit_tui.documents.minutes import REMARKS_LEAD
from nuit_tui.domain import models as m
from nuit_tui.exporters import minutes_docx, minutes_html, minutes_markdown
from nuit_tui.exporters.registry import UnknownFormat
from nuit_tui.services import Archive
from nuit_tui.services.minutes import ProblemKind, build_minutes, check_minutes, export_minutes

# The attendance block of the seed's minutes of NUIT 1/2023, line by line, typed by
# hand from the seed (its wrapped lines re-joined): the label in front of the first line.
SEED_ATTENDANCE = [
    "Til stede Mariann Hornnes (Direktoratet for e-helse)",
    "Ole Johan Kvan (Helse Sør-Øst RHF)",
    "Ole Jørgen Kirkeluten (Helse Vest RHF)",
    "Per Olav Skjesol (Helse Midt-Norge RHF)",
    "Bjørn Nilsen (Helse Nord RHF)",
    "Asbjørn Finstad (KS) – til kl. 13.30",
    "Terje Wistner (KS)",
    "Tor Erling Evjen (Trondheim kommune) – til kl. 14.45",
    "Harald Sundt-Ohlsen (Oslo kommune)",
    "Terje Jørgensen (Bodø kommune)",
    "Kristin Brekke (Bergen kommune) – fra kl. 13.20",
    "Morten Fronth-Andersen (Helsedirektoratet)",
    "Roger Schäffer (Folkehelseinstituttet)",
    "Egil Johannesen (Fastlegerepresentant)",
    "Bente Christensen (Norsk Sykepleierforbund) - video",
    "Jon Kirknes (Kreftforeningen)",
    "Eva Buschmann (FFO)",
    "Bodil Rabben (Norsk helsenett SF)",
    "Ikke til stede Anne-Lise Härter (Apotekforeningen)",
    "Stedfortreder Maren Krogh for Anne-Lise Härter (Apotekforeningen)",
    "Direktoratet for e-helse Siv Ingebrigtsen",
    "Lucie Aunan",
    "Karen Lima",
    "Vibeke Jonassen Wang",
]
LABELS = ["Til stede", "Ikke til stede", "Stedfortreder", "Direktoratet for e-helse"]

ITEM_TABLE = [
    ("1/23", "Godkjenning av innkalling og dagsorden", "Godkjenning"),
    ("2/23", "Godkjenning av referat fra NUIT 17. november 2022", "Godkjenning"),
    ("3/23", "Orientering fra Direktoratet for e-helse", "Orientering"),
    ("4/23", "Målbilde og veikart for Helsenorge", "Drøfting"),
    (
        "5/23",
        "Vekst i kostnader til drift og forvaltning av de nasjonale e-helseløsningene, som en konsekvens av "
        "investering og tiltak i den nasjonale e-helseportefølje",
        "Drøfting",
    ),
    ("6/23", "Evaluering av prismodeller", "Drøfting"),
    ("7/23", "Kartlegging av EPJ-leverandørmarkedet i Norge", "Drøfting"),
    ("8/23", "Oppfølging av nasjonal e-helsestrategi første kvartal 2023", "Drøfting"),
    (
        "9/23",
        "Plan for digitalisering på legemiddelområdet – oppsummering av høringsinnspill og konkrete "
        "problemstillinger til drøfting",
        "Drøfting",
    ),
    ("10/23", "MyHealth@EU – Norsk kontaktpunkt", "Drøfting"),
    ("11/23", "Styrke normeringskraften", "Drøfting"),
    ("12/23", "Eventuelt", ""),
]

# Decisions as the seed words them (wrapped lines re-joined, hyphenation "e-\nhelse" kept as "e-helse").
SEED_DECISION_5 = [
    "1. NUIT er orientert om endringene i drift og forvaltningskostnader for Helsenorge som skyldes "
    "investering i tiltak i den nasjonale e-helseporteføljen og Helsenorge.",
    "2. NUIT er orientert om justerte estimater for drift og forvaltningskost for Program for pasientens "
    "legemiddelliste, inkludert økninger for SFM og reduksjoner for FM.",
    "3. NUIT er orientert om endringene i drift og forvaltningskostnader for de nasjonale e-helseløsningene "
    "som følge av Program digital samhandling.",
    "4. NUIT drøfter fremlagt økning i drift og forvaltningskostnader for de nasjonale e-helseløsninger, der "
    "økningen skyldes investering i tiltak i den nasjonale e-helseporteføljen og Helsenorge.",
]
SEED_DECISION_7 = (
    "NUIT ble orientert om de foreløpige resultatene fra kartleggingen av journalleverandørene, og disse ble "
    "drøftet. Direktoratet for e-helse tar med seg råd fra NUIT i det videre arbeidet og inviterer til "
    "gjennomgang med aktørene."
)
SEED_DECISION_1 = "NUIT godkjenner innkalling og dagsorden."

# The bullets of 4/23, in the seed's order: how each begins, and one whole.
SEED_REMARKS_4 = [
    "Legeforeningen uttrykte bekymring for finansieringen av digital dialog avtalespesialister på helsenorge.no.",
    "Representant fra kommunal sektor stilte spørsmål om det foretas noen vurderinger av hvordan løsningene",
    "Helsedirektoratet stilte spørsmål om hvordan det sørges for at brukernes behov står i sentrum og hvordan "
    "måle nytten i etterkant.",
    "Helse Midt-Norge RHF uttrykte at veikartet er bra og har god støtte i produktstyret.",
    "Helse Nord RHF ga skryt til Helsenorge og mener det er bra med en behovsdrevet utvikling av sektor.",
]

# Words of 6/23's narrative (before and after its bullets), a remark and its decision.
EXEMPT_WORDS = [
    "Stortingets anmodning",
    "velferdsteknologisk knutepunkt",
    "Fürst",
    "divergerende interesser",
    "foreløpig arbeid med prismodeller",
]


@pytest.fixture
def meeting(demo):
    return demo.meetings.find("NUIT", "1/2023")


def printed(rows: list[tuple[str, list[str]]]) -> list[str]:
    """(label, lines) rows as the seed prints them."""
    lines = []
    for label, values in rows:
        lines.append(f"{label} {values[0]}" if label else values[0])
        lines += values[1:]
    return lines


def markdown_attendance(text: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index("|  |  |")
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("| "):
            break
        label, value = (cell.strip().replace("\\", "") for cell in line.strip("|").split(" | "))
        rows.append((label, [value]))
    return printed(rows)


def docx_paragraphs(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text.replace("\t", " ")) for p in document.paragraphs]


def docx_item(document, heading_start: str) -> list[tuple[str, str]]:
    """The paragraphs of one item: from its heading to the next."""
    paragraphs = docx_paragraphs(document)
    start = next(i for i, (style, t) in enumerate(paragraphs) if style == "Heading 2" and t.startswith(heading_start))
    end = next((i for i in range(start + 1, len(paragraphs)) if paragraphs[i][0] == "Heading 2"), len(paragraphs))
    return paragraphs[start + 1 : end]


def after(label: str, paragraphs: list[tuple[str, str]]) -> list[str]:
    texts = [t for _, t in paragraphs]
    return texts[texts.index(label) + 1 :]


# --- the view ---------------------------------------------------------------------------------


def test_view_holds_header_attendance_and_items(demo, meeting):
    doc = build_minutes(demo, meeting.id, public=False)
    assert doc.heading == "Referat fra møte i NUIT" and doc.title == "Referat fra NUIT møte 1/2023"
    assert doc.header == (
        ("Møte", "1/2023"),
        ("Dato", "16. februar 2023"),
        ("Tid", "Kl. 09.00–16.00"),
        ("Sted", "Microsoft Teams"),
    )
    assert [group.label for group in doc.attendance] == LABELS
    assert [line for group in doc.attendance for line in group.printed] == SEED_ATTENDANCE
    # Substitutes are not "Til stede"; the secretariat is not either.
    present = doc.attendance[0].lines
    assert not any("Maren Krogh" in line or "Siv Ingebrigtsen" in line for line in present)
    assert [(i.case_number, i.title, i.item_type) for i in doc.items] == ITEM_TABLE
    item = doc.items[3]
    assert item.remarks[0].startswith(SEED_REMARKS_4[0])
    assert item.narrative.startswith("Nina Linn Ulstein, Norsk helsenett SF, orienterte NUIT")
    assert doc.items[11].decision == "" and doc.items[11].outcome == ""


def test_every_decision_is_the_stored_one_and_reads_as_the_seed(demo, meeting):
    doc = build_minutes(demo, meeting.id, public=False)
    stored = {demo.agenda.case_label(i): i.decision.strip() for i in demo.agenda.items(meeting.id) if not i.is_break}
    assert {i.case_number: i.decision for i in doc.items} == stored
    decisions = {i.case_number: i.decision for i in doc.items}
    assert decisions["1/23"] == SEED_DECISION_1
    assert decisions["5/23"].splitlines() == SEED_DECISION_5
    assert decisions["7/23"] == SEED_DECISION_7
    assert sum(1 for d in decisions.values() if d) == 11  # every item but "Eventuelt"


def test_deferred_and_withdrawn_items_say_so(demo, meeting):
    for ref, state in (("12/23", m.ItemState.DEFERRED), ("11/23", m.ItemState.WITHDRAWN)):
        item = demo.agenda.find_item(ref, body_short_name="NUIT")
        demo.agenda.update_item(item.model_copy(update={"state": state, "decision": ""}))
    # With a decision, the decision is what the minutes print.
    item = demo.agenda.find_item("10/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"state": m.ItemState.DEFERRED}))
    items = {i.case_number: i for i in build_minutes(demo, meeting.id, public=False).items}
    assert items["12/23"].outcome == "Saken ble utsatt til neste møte."  # no copy on a later agenda
    assert items["11/23"].outcome == "Saken ble trukket."
    assert items["10/23"].outcome == "" and items["10/23"].decision.startswith("NUIT er orientert om innretning")
    text = minutes_markdown.render(build_minutes(demo, meeting.id, public=False)).decode()
    assert "\nSaken ble utsatt til neste møte.\n" in text and "\nSaken ble trukket.\n" in text


# --- Word -----------------------------------------------------------------------------------


def test_docx_attendance_is_the_seeds_line_by_line(demo, meeting):
    document = open_docx(minutes_docx.render(build_minutes(demo, meeting.id, public=False)))
    header, attendance = cell_texts(document.tables[0]), cell_texts(document.tables[1])
    assert header == [
        ("Møte", "1/2023"),
        ("Dato", "16. februar 2023"),
        ("Tid", "Kl. 09.00–16.00"),
        ("Sted", "Microsoft Teams"),
    ]
    rows = [(label, value.split("\n")) for label, value in attendance]
    assert [label for label, _ in rows] == LABELS
    generated = printed(rows)
    for expected, line in zip(SEED_ATTENDANCE, generated, strict=True):
        assert line == expected


def test_docx_has_a4_headings_item_table_and_safe_metadata(demo, meeting):
    document = open_docx(minutes_docx.render(build_minutes(demo, meeting.id, public=False)))
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert document.styles["Normal"].font.name == "Calibri" and document.styles["Normal"].font.size.pt == 11

    headings = [(style, t) for style, t in docx_paragraphs(document) if style.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Referat fra møte i NUIT")
    assert [t for style, t in headings if style == "Heading 2"] == ["Saksliste", *(f"{n} {t}" for n, t, _ in ITEM_TABLE)]

    items = document.tables[2]
    assert items.style.name == "Table Grid"
    assert cell_texts(items) == [("Sak", "Tema", "Sakstype"), *ITEM_TABLE]

    props = document.core_properties
    assert props.title == "Referat fra NUIT møte 1/2023" and props.author == "Sekretariatet for NUIT"
    assert props.subject == "Prioriteringsutvalget (NUIT), møte 1/2023, 16. februar 2023"
    assert props.comments == props.keywords == ""


def test_docx_items_carry_narrative_remarks_and_decisions(demo, meeting):
    doc = build_minutes(demo, meeting.id, public=False)
    document = open_docx(minutes_docx.render(doc))
    for item in doc.items:
        paragraphs = docx_item(document, item.case_number + " ")
        if not item.decision:
            assert "Vedtak:" not in [t for _, t in paragraphs]
            continue
        assert after("Vedtak:", paragraphs) == [line.strip() for line in item.decision.splitlines() if line.strip()]

    item_5 = docx_item(document, "5/23 ")
    assert after("Vedtak:", item_5) == SEED_DECISION_5
    assert after("Vedtak:", docx_item(document, "7/23 ")) == [SEED_DECISION_7]
    label = next(p for p in document.paragraphs if p.text == "Vedtak:")
    assert all(run.bold for run in label.runs)

    item_4 = docx_item(document, "4/23 ")
    texts = [t for _, t in item_4]
    bullets = [t for style, t in item_4 if style == "List Bullet"]
    assert len(bullets) == 5
    for bullet, seed in zip(bullets, SEED_REMARKS_4, strict=True):
        assert bullet.startswith(seed)
    assert bullets[2] == SEED_REMARKS_4[2]
    # The lead-in stands right before the bullets; the narrative (all of it) before that.
    lead = texts.index(REMARKS_LEAD)
    assert texts[lead + 1] == bullets[0]
    assert texts[0].startswith("Nina Linn Ulstein") and texts[lead - 1].startswith("Nina Linn Ulstein")

    # 3/23's narrative has its own bullet list, before the remarks' lead-in.
    item_3 = docx_item(document, "3/23 ")
    assert item_3[1] == ("List Bullet", "Nasjonal helse- og samhandlingsplan")
    assert [style for style, t in item_3].count("List Bullet") == 4


# --- HTML and Markdown ------------------------------------------------------------------------------


def test_markdown_attendance_is_the_seeds_line_by_line(demo, meeting):
    text = minutes_markdown.render(build_minutes(demo, meeting.id, public=False)).decode()
    assert text.startswith("# Referat fra møte i NUIT\n")
    assert "**Møte:** 1/2023  \n**Dato:** 16. februar 2023  \n**Tid:** Kl. 09.00–16.00  \n**Sted:** Microsoft Teams\n" in text
    for expected, line in zip(SEED_ATTENDANCE, markdown_attendance(text), strict=True):
        assert line == expected
    assert "| Stedfortreder | Maren Krogh for Anne-Lise Härter (Apotekforeningen) |" in text


def test_markdown_items_remarks_in_order_and_decisions(demo, meeting):
    doc = build_minutes(demo, meeting.id, public=False)
    text = minutes_markdown.render(doc).decode()
    assert "| Sak | Tema | Sakstype |" in text
    for number, title, item_type in ITEM_TABLE:
        assert f"| {number} | {title} | {item_type} |" in text
        assert f"\n## {number} {title}\n" in text
    section = text.split("\n## 4/23 ")[1].split("\n## 5/23 ")[0]
    bullets = [line[2:] for line in section.splitlines() if line.startswith("- ")]
    assert len(bullets) == 5
    for bullet, seed in zip(bullets, SEED_REMARKS_4, strict=True):
        assert bullet.startswith(seed)
    assert f"\n{REMARKS_LEAD}\n\n- Legeforeningen" in section
    # Numbered points are kept as written (escaped so Markdown does not renumber them).
    section_5 = text.split("\n## 5/23 ")[1].split("\n## 6/23 ")[0]
    decision = section_5.split("**Vedtak:**\n\n")[1].strip().split("\n\n")
    assert [line.replace("\\.", ".", 1) for line in decision] == SEED_DECISION_5
    assert SEED_DECISION_7 in text


def test_html_is_well_formed_with_attendance_and_items(demo, meeting):
    data = minutes_html.render(build_minutes(demo, meeting.id, public=False))
    assert data.startswith(b"<!DOCTYPE html>")
    root = ET.fromstring(data.decode("utf-8").split("\n", 1)[1])
    assert root.get("lang") == "nb" and root.find("head/title").text == "Referat fra NUIT møte 1/2023"
    attendance = root.find(".//table[@class='attendance']")
    rows = [(row.find("th").text, list(row.find("td").itertext())) for row in attendance.iter("tr")]
    assert printed(rows) == SEED_ATTENDANCE
    items = root.find(".//table[@class='items']")
    assert [tuple("".join(c.itertext()) for c in row) for row in items.iter("tr")][1:] == ITEM_TABLE
    remarks = root.findall(".//ul[@class='remarks']")
    assert len(remarks) == 8  # 3/23-11/23, but not 7/23: its minutes have no bullets
    assert SEED_DECISION_7 in ["".join(p.itertext()) for p in root.iter("p")]


def test_html_escapes_what_was_typed(demo, meeting):
    item = demo.agenda.find_item("1/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"narrative": "<script>alert('x')</script> & «sånn»"}))
    demo.minutes.add_remark(m.Remark(item_id=item.id, speaker="KS <b>", text="mente *dette* & mer"))
    text = minutes_html.render(build_minutes(demo, meeting.id, public=False)).decode()
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text and "KS &lt;b&gt; mente *dette* &amp; mer" in text
    ET.fromstring(text.split("\n", 1)[1])
    md = minutes_markdown.render(build_minutes(demo, meeting.id, public=False)).decode()
    assert "- KS \\<b\\> mente \\*dette\\* & mer" in md


# --- public redaction, in every format ----------------------------------------------------------


def rendered(demo, meeting_id: int, *, public: bool) -> dict[str, str]:
    doc = build_minutes(demo, meeting_id, public=public)
    return {
        "md": minutes_markdown.render(doc).decode("utf-8"),
        "html": minutes_html.render(doc).decode("utf-8"),
        "docx": docx_raw(minutes_docx.render(doc)),
    }


def test_public_minutes_leak_nothing_of_an_exempt_item(demo, meeting):
    item = demo.agenda.find_item("6/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"exempt": True, "exempt_basis": "offl. § 14"}))
    internal = rendered(demo, meeting.id, public=False)
    public = rendered(demo, meeting.id, public=True)
    for fmt in ("md", "html", "docx"):
        for word in EXEMPT_WORDS:
            assert word in internal[fmt], (fmt, word)  # the check below can fail
            assert word not in public[fmt], (fmt, word)
        assert "Unntatt offentlighet, offl. § 14" in public[fmt], fmt
        assert "Evaluering av prismodeller" in public[fmt], fmt  # number and title stay
        assert "foreløpige resultatene fra kartleggingen" in public[fmt], fmt  # and 7/23 is untouched

    document = open_docx(minutes_docx.render(build_minutes(demo, meeting.id, public=True)))
    assert [t for _, t in docx_item(document, "6/23 ")] == ["Unntatt offentlighet, offl. § 14"]


def test_an_exempt_title_is_hidden_too(demo, meeting):
    item = demo.agenda.find_item("7/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"exempt": True, "title_exempt": True, "exempt_basis": None}))
    public = rendered(demo, meeting.id, public=True)
    for fmt in ("md", "html", "docx"):
        assert "EPJ-leverandørmarkedet" not in public[fmt], fmt
        assert "journalleverandør" not in public[fmt], fmt
    doc = build_minutes(demo, meeting.id, public=True)
    entry = next(i for i in doc.items if i.case_number == "7/23")
    assert (entry.title, entry.exemption, entry.narrative, entry.decision) == (
        "Unntatt offentlighet",
        "Unntatt offentlighet",
        "",
        "",
    )


# --- the minutes check ----------------------------------------------------------------------------


def test_the_demo_minutes_have_no_problems(demo, meeting):
    assert check_minutes(demo, meeting.id) == []


def kinds(problems) -> list[ProblemKind]:
    return [problem.kind for problem in problems]


def test_an_item_left_planned_is_a_problem(demo, meeting):
    item = demo.agenda.find_item("3/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"state": m.ItemState.PLANNED}))
    problems = check_minutes(demo, meeting.id)
    assert kinds(problems) == [ProblemKind.NOT_HANDLED]
    assert problems[0].item_id == item.id and "Sak 3/23" in problems[0].message


def test_a_decision_item_without_a_decision_is_a_problem(demo, meeting):
    item = demo.agenda.find_item("7/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"item_type": m.ItemType.BESLUTNING, "decision": " "}))
    problems = check_minutes(demo, meeting.id)
    assert kinds(problems) == [ProblemKind.NO_DECISION]
    assert problems[0].message == "Sak 7/23 (Beslutning) mangler vedtak"
    # Deferred, it needs none here.
    demo.agenda.update_item(demo.agenda.item(item.id).model_copy(update={"state": m.ItemState.DEFERRED}))
    assert check_minutes(demo, meeting.id) == []


def test_an_orientation_without_a_decision_is_a_problem_and_eventuelt_is_not(demo, meeting):
    """The seed's minutes give every item but «Eventuelt» a «Vedtak:», an orientation too
    («NUIT tar sakene til orientering»): one handled without it printed as a bare heading."""
    orientation = demo.agenda.find_item("3/23", body_short_name="NUIT")
    assert orientation.item_type is m.ItemType.ORIENTERING
    demo.agenda.update_item(orientation.model_copy(update={"proposed_decision": "", "decision": ""}))
    eventuelt = demo.agenda.find_item("12/23", body_short_name="NUIT")
    demo.agenda.update_item(eventuelt.model_copy(update={"proposed_decision": "", "decision": ""}))
    assert demo.agenda.item(orientation.id).state is m.ItemState.HANDLED
    problems = check_minutes(demo, meeting.id)
    assert kinds(problems) == [ProblemKind.NO_DECISION]
    assert problems[0].item_id == orientation.id and problems[0].blocking
    assert problems[0].message == "Sak 3/23 (Orientering) mangler vedtak (f.eks. «NUIT tar saken til orientering»)"


def test_a_discussion_handled_without_a_decision_is_a_problem(demo, meeting):
    """Every item of the seed's minutes but «Eventuelt» has its «Vedtak:», a discussion too
    («NUIT drøftet … og ba …», DOMAIN.md); one handled without it (F3 with no proposal, after
    k copied the agenda without proposals) passed the check and printed a bare heading."""
    discussion = demo.agenda.find_item("4/23", body_short_name="NUIT")
    assert discussion.item_type is m.ItemType.DROFTING
    demo.agenda.update_item(discussion.model_copy(update={"proposed_decision": "", "decision": ""}))
    assert demo.agenda.item(discussion.id).state is m.ItemState.HANDLED
    problems = check_minutes(demo, meeting.id)
    assert kinds(problems) == [ProblemKind.NO_DECISION]
    assert problems[0].item_id == discussion.id and problems[0].blocking
    assert problems[0].message == "Sak 4/23 (Drøfting) mangler vedtak"


def set_attendance(demo, meeting, name: str, **update) -> None:
    row = next(r for r in demo.attendance.rows(meeting.id) if demo.members.person(r.person_id).name == name)
    demo.store.update(row.model_copy(update=update))


def test_an_absent_member_needs_notice_or_a_substitute(demo, meeting):
    # Without notice but with a substitute: fine.
    set_attendance(demo, meeting, "Anne-Lise Härter", status=m.AttendanceStatus.ABSENT_WITHOUT_NOTICE)
    assert check_minutes(demo, meeting.id) == []
    set_attendance(demo, meeting, "Jon Kirknes", status=m.AttendanceStatus.ABSENT_WITHOUT_NOTICE)
    problems = check_minutes(demo, meeting.id)
    assert kinds(problems) == [ProblemKind.ABSENT_WITHOUT_NOTICE]
    assert "Jon Kirknes (Kreftforeningen)" in problems[0].message
    assert not problems[0].blocking  # a fact the minutes record, not something missing
    # With notice: fine again; and the minutes list him as absent.
    set_attendance(demo, meeting, "Jon Kirknes", status=m.AttendanceStatus.ABSENT_WITH_NOTICE)
    assert check_minutes(demo, meeting.id) == []
    absent = build_minutes(demo, meeting.id, public=False).attendance[1]
    assert absent.lines == ("Jon Kirknes (Kreftforeningen)", "Anne-Lise Härter (Apotekforeningen)")


def test_a_member_present_beside_the_substitute_is_a_note(demo, meeting):
    # Maren Krogh came for Anne-Lise Härter; Anne-Lise marked present too, by a key on the wrong row.
    set_attendance(demo, meeting, "Anne-Lise Härter", status=m.AttendanceStatus.PRESENT)
    problems = check_minutes(demo, meeting.id)
    assert kinds(problems) == [ProblemKind.MEMBER_AND_SUBSTITUTE_PRESENT]
    assert problems[0].message == (
        "Både Anne-Lise Härter (Apotekforeningen) og stedfortrederen Maren Krogh står som til stede; "
        "en stedfortreder møter bare i medlemmets sted"
    )
    assert not problems[0].blocking  # the secretary may know better
    # A hand-over: she left at 12.00, the substitute came then. Nothing to say.
    set_attendance(demo, meeting, "Anne-Lise Härter", left_at=dt.time(12))
    set_attendance(demo, meeting, "Maren Krogh", arrived_at=dt.time(12))
    assert check_minutes(demo, meeting.id) == []


def test_a_member_missing_from_the_attendance_is_a_problem(demo, meeting):
    body = demo.members.body("NUIT")
    person = demo.members.add_person("Ny Person", demo.members.organization("KS").id)
    demo.members.add_membership(m.Membership(person_id=person.id, body_id=body.id, valid_from=meeting.date))
    problems = check_minutes(demo, meeting.id)
    assert kinds(problems) == [ProblemKind.NO_ATTENDANCE] and "Ny Person" in problems[0].message


def test_a_gap_in_the_case_numbers_is_a_problem(demo, meeting):
    for ref in ("8/23", "9/23"):
        item = demo.agenda.find_item(ref, body_short_name="NUIT")
        demo.store.delete(m.AgendaItem, item.id)
    problems = check_minutes(demo, meeting.id)
    assert kinds(problems) == [ProblemKind.NUMBERING_GAP]
    assert problems[0].message == "Hull i saksnumrene: 8/23–9/23 mangler mellom 7/23 og 10/23"


def test_deferred_items_do_not_make_gaps(demo, meeting):
    # Deferred away, 5/23 still holds its place in this meeting's numbers.
    item = demo.agenda.find_item("5/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"state": m.ItemState.DEFERRED}))
    # Carried in from last year's meeting, an item keeps last year's number.
    earlier = demo.agenda.find_item("NUIT 8/22")
    carried = earlier.model_copy(
        update={"id": None, "meeting_id": meeting.id, "deferred_from_id": earlier.id, "state": m.ItemState.HANDLED}
    )
    demo.store.insert(carried)
    assert check_minutes(demo, meeting.id) == []


# --- files and the command line ---------------------------------------------------------------------


def test_export_writes_the_default_file_name(demo, meeting, tmp_path):
    path = export_minutes(demo, meeting.id, exports_dir=tmp_path / "exports")
    assert path == tmp_path / "exports" / "NUIT-2023-1-referat.docx"
    assert open_docx(path.read_bytes()).tables[2].rows[1].cells[0].text == "1/23"
    public = export_minutes(demo, meeting.id, fmt="md", public=True, exports_dir=tmp_path / "exports")
    assert public.name == "NUIT-2023-1-referat-offentlig.md"
    out = export_minutes(demo, meeting.id, fmt="html", out=tmp_path / "x.html")
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")


def test_an_unknown_format_is_refused_in_norwegian(demo, meeting, tmp_path):
    with pytest.raises(UnknownFormat, match="Ukjent format «rtf»"):
        export_minutes(demo, meeting.id, fmt="rtf", exports_dir=tmp_path / "exports")
    assert not (tmp_path / "exports").exists()


def test_cli_exports_the_minutes(demo_path, tmp_path):
    result = run("export", "minutes", "--body", "NUIT", "--meeting", "1/2023", "--db", demo_path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    written = tmp_path / "exports" / "NUIT-2023-1-referat.docx"
    assert result.stdout.strip() == str(written.relative_to(tmp_path))
    assert cell_texts(open_docx(written.read_bytes()).tables[2])[1:] == ITEM_TABLE

    out = tmp_path / "public.md"
    result = run(
        "export", "minutes", "--body", "nuit", "--meeting", "1/2023", "--format", "md", "--public",
        "--out", out, "--db", demo_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert "Stedfortreder | Maren Krogh for Anne-Lise Härter (Apotekforeningen)" in out.read_text(encoding="utf-8")


def test_cli_export_warns_of_problems_and_still_writes(demo_path, tmp_path):
    # 2/2023 is only planned: no attendance, nothing handled.
    result = run("export", "minutes", "--body", "NUIT", "--meeting", "2/2023", "--db", demo_path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "exports" / "NUIT-2023-2-referat.docx").exists()
    warnings = result.stderr.strip().splitlines()
    assert warnings and all(line.startswith("advarsel: ") for line in warnings)
    assert "advarsel: Sak 13/23 står som planlagt: marker den som behandlet, utsatt eller trukket" in warnings


def test_cli_check_minutes(demo_path, tmp_path):
    result = run("check-minutes", "--body", "NUIT", "--meeting", "1/2023", "--db", demo_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "OK: referatet fra NUIT 1/2023 har ingen mangler"

    result = run("check-minutes", "--body", "NUIT", "--meeting", "2/2023", "--db", demo_path)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert "Sak 26/23 står som planlagt: marker den som behandlet, utsatt eller trukket" in lines
    assert "Oppmøtet på møte 2/2023 er ikke registrert" in lines


def test_cli_check_minutes_passes_with_notes_and_fails_on_what_is_missing(demo_path):
    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "1/2023")
    set_attendance(archive, meeting, "Jon Kirknes", status=m.AttendanceStatus.ABSENT_WITHOUT_NOTICE)
    set_attendance(archive, meeting, "Anne-Lise Härter", status=m.AttendanceStatus.PRESENT)
    archive.close()
    result = run("check-minutes", "--body", "NUIT", "--meeting", "1/2023", "--db", demo_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Merk: Jon Kirknes (Kreftforeningen) var ikke til stede, uten meldt forfall og uten stedfortreder",
        "Merk: Både Anne-Lise Härter (Apotekforeningen) og stedfortrederen Maren Krogh står som til stede; "
        "en stedfortreder møter bare i medlemmets sted",
        "OK: referatet fra NUIT 1/2023 har ingen mangler",
    ]
    # The export says the same: notes, not warnings.
    result = run("export", "minutes", "--body", "NUIT", "--meeting", "1/2023", "--out", demo_path.with_name("r.docx"),
                 "--db", demo_path)
    assert result.returncode == 0 and result.stderr.splitlines() == [
        "merk: Jon Kirknes (Kreftforeningen) var ikke til stede, uten meldt forfall og uten stedfortreder",
        "merk: Både Anne-Lise Härter (Apotekforeningen) og stedfortrederen Maren Krogh står som til stede; "
        "en stedfortreder møter bare i medlemmets sted",
    ]
    # An item left open is missing from the minutes: exit 1, the notes still printed.
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("3/23", body_short_name="NUIT")
    archive.agenda.update_item(item.model_copy(update={"state": m.ItemState.PLANNED}))
    archive.close()
    result = run("check-minutes", "--body", "NUIT", "--meeting", "1/2023", "--db", demo_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "Sak 3/23 står som planlagt: marker den som behandlet, utsatt eller trukket" in lines
    assert sum(line.startswith("Merk: ") for line in lines) == 2 and not any(line.startswith("OK") for line in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "minutes", "--body", "NUIT", "--meeting", "9/2023"], "Fant ikke møte 9/2023"),
        (["export", "minutes", "--body", "NUIT", "--meeting", "første"], "er ikke et møtenummer"),
        (["export", "minutes", "--body", "XYZ", "--meeting", "1/2023"], "Fant ikke utvalget «XYZ»"),
        (["export", "minutes", "--body", "NUIT", "--meeting", "1/2023", "--format", "rtf"], "ugyldig verdi «rtf» for --format"),
        (["export", "minutes", "--body", "NUIT", "--meeting", "1/2023", "--out", "/nonexistent/dir/x.docx"], "finnes ikke"),
        (["check-minutes", "--body", "NUIT", "--meeting", "9/2023"], "Fant ikke møte 9/2023"),
        (["check-minutes", "--body", "NUIT"], "--meeting"),
    ],
)
def test_cli_refuses_with_one_line_and_exit_2(demo_path, tmp_path, args, message):
    result = run(*args, "--db", demo_path, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert message in lines[0]
    assert not (tmp_path / "exports").exists()
    assert not re.search(r"\S", result.stdout)
