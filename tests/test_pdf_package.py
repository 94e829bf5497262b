"""The meeting package (issue 15, point 4): one PDF of the notice and each item's files in
agenda order, bookmarks, «Side x av y» over the whole package; the zip of seed-named files;
nothing exempt in the public package."""

from __future__ import annotations

import io
import zipfile

import pypdf
import pytest
from fpdf import FPDF

from nuit_tui.cli import main
from nuit_tui.domain import models as m
from nuit_tui.services.package import PackageFile, build_package, export_package, file_stem

SECRET = "Budsjettnotat Kvasar"


def attachment_pdf(pages: int, title: str) -> bytes:
    made = FPDF()
    made.set_font("Helvetica", size=12)
    for page in range(1, pages + 1):
        made.add_page()
        made.cell(0, 10, f"{title} side {page}")
    return bytes(made.output())


@pytest.fixture
def meeting(demo):
    return demo.meetings.find("NUIT", "2/2023")


@pytest.fixture
def files(demo, meeting):
    """17/23 has a PDF of 3 pages and a spreadsheet; 18/23 a PDF of 2 pages and an exempt
    note; 23/23, exempt under offl. § 14, a PDF of its own."""
    def item(case):
        return demo.agenda.find_item(case, body_short_name="NUIT")

    exempt_item = item("23/23")
    demo.agenda.update_item(exempt_item.model_copy(update={"exempt": True, "exempt_basis": "offl. § 14"}))

    def file(case, label, title, data, suffix=".pdf", exempt=False):
        return PackageFile(item(case).stored_id, label, title, file_stem(label, case, title) + suffix, data, exempt)

    # The items' cover notes are Vedlegg 4, 5 and 9 (the seed's numbers): these files follow them.
    return [
        file("17/23", "Vedlegg 4B", "Forslag til måleindikatorer", attachment_pdf(3, "Indikatorer")),
        file("17/23", "Vedlegg 4C", "Regneark for indikatorer", b"not a pdf", suffix=".xlsx"),
        file("18/23", "Vedlegg 5B", "Journalløft i kommunene", attachment_pdf(2, "Journal")),
        file("18/23", "Vedlegg 5C", SECRET, attachment_pdf(1, "Kvasar"), exempt=True),
        file("23/23", "Vedlegg 9A", "Samarbeid med NAV", attachment_pdf(1, "NAV-forprosjekt")),
    ]


def outline(reader: pypdf.PdfReader) -> list:
    def walk(entries):
        return [walk(e) if isinstance(e, list) else (e.title, reader.get_destination_page_number(e)) for e in entries]

    return walk(reader.outline)


def test_the_package_is_one_pdf_with_bookmarks_and_side_x_av_y_on_every_page(demo, meeting, files):
    reader = pypdf.PdfReader(io.BytesIO(build_package(demo, meeting.id, public=False, files=files, convert=False)))
    n = len(reader.pages)
    texts = [page.extract_text() for page in reader.pages]
    assert all(f"Side {i} av {n}" in text for i, text in enumerate(texts, start=1))
    assert texts[0].startswith("Unntatt offentlighet, offl. § 14\nMøte i NUIT")  # the header's mark: the notice holds 23/23
    assert "Side 1 av" in texts[0] and "Helse Sør-Øst RHF" in texts[0]
    tree = outline(reader)
    assert tree[0] == ("Innkalling", 0)
    sections = dict(zip(tree[1::2], tree[2::2], strict=True))  # item bookmark -> its parts
    # Every item with a cover note is there, in agenda order, each opening on its cover note.
    cases = [title.split()[0] for title, _ in sections]
    assert cases == sorted(cases, key=lambda c: int(c.split("/")[0])) and len(cases) == 11
    by_case = {title.split()[0]: (page, parts) for (title, page), parts in sections.items()}
    page, parts = by_case["17/23"]
    assert [title for title, _ in parts] == [
        "Vedlegg 4: Toppnotat Forslag til måleindikatorer til Nasjonal helse- og samhandlingsplan",
        "Vedlegg 4B: Forslag til måleindikatorer", "Vedlegg 4C: Regneark for indikatorer",
    ]
    cover, indicators, sheet = (p for _, p in parts)
    assert page == cover < indicators and "Toppnotat" in texts[cover] and "Hensikt med saken" in "".join(texts[cover:indicators])
    assert "Indikatorer side 1" in texts[indicators] and "Indikatorer side 3" in texts[indicators + 2]
    assert sheet == indicators + 3 and "«Vedlegg 4C_Sak 17-23_Regneark for indikatorer.xlsx»" in texts[sheet]
    page, parts = by_case["18/23"]
    assert [title for title, _ in parts][1:] == ["Vedlegg 5B: Journalløft i kommunene", f"Vedlegg 5C: {SECRET}"]
    assert [title for title, _ in by_case["23/23"][1]][-1] == "Vedlegg 9A: Samarbeid med NAV"
    assert "NAV-forprosjekt side 1" in texts[by_case["23/23"][1][-1][1]]
    assert reader.metadata.title == "Innkalling til NUIT møte 2/2023" and reader.metadata.author == "Sekretariatet for NUIT"


def test_the_public_package_holds_nothing_exempt_in_pages_bookmarks_or_names(demo, meeting, files, tmp_path):
    reader = pypdf.PdfReader(io.BytesIO(build_package(demo, meeting.id, public=True, files=files, convert=False)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    titles = str(outline(reader))
    for secret in (SECRET, "Kvasar side", "NAV-forprosjekt", "Samarbeid med NAV", "samarbeidsprosjektet med NAV"):
        assert secret not in text and secret not in titles
    assert "Offentlig versjon" in reader.pages[0].extract_text()
    assert f"Side {len(reader.pages)} av {len(reader.pages)}" in reader.pages[-1].extract_text()

    path = export_package(demo, meeting.id, fmt="zip", public=True, exports_dir=tmp_path, files=files)
    assert path.name == "NUIT-2023-2-pakke-offentlig.zip"
    with zipfile.ZipFile(path) as package:
        named = {name: package.read(name) for name in package.namelist()}
    names = list(named)
    assert names[0] == "Innkalling_NUIT møte 2-2023.pdf"
    assert [name for name in names if "Sak 17-23" in name or "Sak 18-23" in name] == [
        "Vedlegg 4_Sak 17-23_Toppnotat Forslag til måleindikatorer til Nasjonal helse- og samhandlingsplan.pdf",
        "Vedlegg 4B_Sak 17-23_Forslag til måleindikatorer.pdf",
        "Vedlegg 4C_Sak 17-23_Regneark for indikatorer.xlsx",
        "Vedlegg 5_Sak 18-23_Toppnotat Status og veien videre for felles journalløft i kommunal sektor.pdf",
        "Vedlegg 5B_Sak 18-23_Journalløft i kommunene.pdf",
    ]
    assert not [name for name in names if "23-23" in name]  # the exempt item brings nothing
    assert named["Vedlegg 4C_Sak 17-23_Regneark for indikatorer.xlsx"] == b"not a pdf"
    notice = pypdf.PdfReader(io.BytesIO(named["Innkalling_NUIT møte 2-2023.pdf"]))
    assert "Offentlig versjon" in notice.pages[0].extract_text() and "Side 1 av" in notice.pages[0].extract_text()


def test_the_cli_writes_the_package_and_refuses_bad_input_in_one_line(demo_path, tmp_path, capsys):
    out = tmp_path / "pakke.pdf"
    args = ["export", "package", "--body", "NUIT", "--meeting", "2/2023", "--out", str(out), "--db", str(demo_path)]
    assert main(args) == 0
    reader = pypdf.PdfReader(out)
    tree = outline(reader)  # no files in the archive yet: the notice and the cover notes
    assert tree[0] == ("Innkalling", 0) and ("Vedlegg 4: Toppnotat Forslag til måleindikatorer til Nasjonal helse- og samhandlingsplan",) in [
        tuple(title for title, _ in parts[:1]) for parts in tree[2::2]
    ]
    assert main([*args[:-4], "--format", "rtf", "--db", str(demo_path)]) == 2
    assert main(["export", "package", "--body", "NUIT", "--meeting", "9/2023", "--db", str(demo_path)]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 2 and "rtf" in errors[0]


def test_the_cli_names_the_characters_the_packages_font_lacks(demo_path, tmp_path, capsys):
    """`export notice` and the app said it; the package was written without the emoji and
    without a word."""
    from nuit_tui.services import Archive

    archive = Archive.open(demo_path)
    meeting = archive.meetings.find("NUIT", "2/2023")
    archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title="Samarbeid med sykehusene 🏥", duration_minutes=15))
    archive.close()
    out = tmp_path / "pakke.pdf"
    assert main(["export", "package", "--body", "NUIT", "--meeting", "2/2023", "--out", str(out), "--db", str(demo_path)]) == 0
    said = capsys.readouterr()
    assert said.err == "advarsel: PDF-en viser ikke disse tegnene (skriften mangler dem): 🏥\n"
    assert said.out.strip() == str(out) and out.read_bytes().startswith(b"%PDF")


def test_file_names_follow_the_seed_and_hold_no_path():
    assert file_stem("Vedlegg 4A", "17/23", "Forslag til måleindikatorer …") == "Vedlegg 4A_Sak 17-23_Forslag til måleindikatorer …"
    assert file_stem("Vedlegg 2", "14/23", "../../etc/passwd: a\x00b") == "Vedlegg 2_Sak 14-23_etc passwd a b"
