"""Documents that pass as the directorate's own (issue 15, point 5): a body's Word template,
«Side x av y», real properties, the header marks, and headings the same in every format."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from docx.shared import Cm

from conftest import open_docx
from nuit_tui.cli import main
from nuit_tui.domain import models as m
from nuit_tui.domain.openness import document_marking
from nuit_tui.exporters import registry
from nuit_tui.services.minutes import build_minutes
from nuit_tui.services.notice import build_notice, export_notice
from nuit_tui.services.templates import template_for

LETTERHEAD = "Direktoratet for e-helse – Sekretariatet for rådsmodellen"
ADDRESS = "Postboks 6737 St. Olavs plass, 0130 Oslo"


def letterhead_template(path: Path) -> Path:
    """A template as a secretariat has it: a logo and a line in the header, an address in the
    footer, a style of its own, and a sample text that must not reach a document."""
    from PIL import Image

    logo = io.BytesIO()
    Image.new("RGB", (120, 40), (0, 70, 130)).save(logo, "PNG")
    logo.seek(0)
    template = docx.Document()
    header = template.sections[0].header
    header.paragraphs[0].add_run().add_picture(logo, width=Cm(3))
    header.add_paragraph(LETTERHEAD)
    template.sections[0].footer.paragraphs[0].text = ADDRESS
    template.styles.add_style("Direktoratets brødtekst", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    template.add_paragraph("Malens eksempeltekst")
    template.save(path)
    return path


def header_text(document) -> str:
    return "\n".join(p.text for section in document.sections for p in section.header.paragraphs)


def footer_xml(document) -> str:
    return "".join(section.footer._element.xml for section in document.sections)


@pytest.fixture
def meetings(demo):
    return demo.meetings.find("NUIT", "1/2023"), demo.meetings.find("NUIT", "2/2023")


def test_the_openness_rule_decides_the_header_marking():
    assert document_marking(public=True, markers=["Unntatt offentlighet, offl. § 14"]) == "Offentlig versjon"
    assert document_marking(public=False, markers=["", ""]) == ""
    assert document_marking(public=False, markers=["Unntatt offentlighet, offl. § 14", "", "Unntatt offentlighet, offl. § 15",
                                                   "Unntatt offentlighet, offl. § 14"]) == "Unntatt offentlighet, offl. § 14, offl. § 15"
    assert document_marking(public=False, markers=["Unntatt offentlighet"]) == "Unntatt offentlighet"


def test_word_files_carry_real_properties_page_numbers_and_no_stock_values(demo, meetings):
    _, notice_meeting = meetings
    data = registry.render(build_notice(demo, notice_meeting.id, public=False), "docx")
    document = open_docx(data)
    props = document.core_properties
    assert props.title == "Innkalling til NUIT møte 2/2023"
    assert props.subject == "Prioriteringsutvalget (NUIT), møte 2/2023, 25. mai 2023"
    assert props.author == props.last_modified_by == "Sekretariatet for NUIT"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        metadata = package.read("docProps/core.xml") + package.read("docProps/app.xml")
    for stock in (b"python-docx", b"nuit-tui", b"Microsoft Macintosh Word", b"Normal.dotm"):
        assert stock not in metadata
    footer = footer_xml(document)
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    fields = re.sub(r'<w:fldSimple w:instr="(\w+)">.*?</w:fldSimple>', r"{\1}", footer, flags=re.S)
    text = re.sub(r"\s*<w:tab/>\s*", "\t", re.sub(r"<w:tabs>.*?</w:tabs>", "", fields, flags=re.S))
    assert " ".join(re.sub(r"<[^>]+>", " ", text).split(" ")).split() == ["Innkalling", "til", "NUIT", "møte", "2/2023", "Side", "{PAGE}", "av", "{NUMPAGES}"]
    assert "\t" in re.sub(r"<[^>]+>", "", text)  # the title on the left, the page number at the right tab


def test_header_marks_draft_minutes_public_versions_and_exempt_content(demo, meetings):
    minutes_meeting, notice_meeting = meetings
    draft = open_docx(registry.render(build_minutes(demo, minutes_meeting.id, public=False), "docx"))
    assert header_text(draft) == "UTKAST"
    public = open_docx(registry.render(build_minutes(demo, minutes_meeting.id, public=True), "docx"))
    assert header_text(public) == "UTKAST – Offentlig versjon"
    demo.meetings.update(minutes_meeting.model_copy(update={"status": m.MeetingStatus.MINUTES_APPROVED}))
    approved = open_docx(registry.render(build_minutes(demo, minutes_meeting.id, public=False), "docx"))
    assert "UTKAST" not in header_text(approved)

    internal = open_docx(registry.render(build_notice(demo, notice_meeting.id, public=False), "docx"))
    assert "Unntatt" not in header_text(internal)  # nothing exempt in the demo's notice
    item = demo.agenda.find_item("23/23", body_short_name="NUIT")
    demo.agenda.update_item(item.model_copy(update={"exempt": True, "exempt_basis": "offl. § 14"}))
    internal = open_docx(registry.render(build_notice(demo, notice_meeting.id, public=False), "docx"))
    assert header_text(internal) == "Unntatt offentlighet, offl. § 14"
    public = open_docx(registry.render(build_notice(demo, notice_meeting.id, public=True), "docx"))
    assert header_text(public) == "Offentlig versjon"


def test_template_set_by_the_cli_is_kept_and_every_word_and_pdf_file_is_built_on_it(demo_path, tmp_path, capsys):
    template = letterhead_template(tmp_path / "mal.docx")
    assert main(["template", "set", "--body", "NUIT", str(template), "--db", str(demo_path)]) == 0
    out = tmp_path / "innkalling.docx"
    assert main(["export", "notice", "--body", "NUIT", "--meeting", "2/2023", "--out", str(out), "--db", str(demo_path)]) == 0
    document = open_docx(out.read_bytes())
    assert LETTERHEAD in header_text(document) and document.sections[0].header._element.xpath(".//a:blip")
    assert ADDRESS in footer_xml(document) and 'w:instr="NUMPAGES"' in footer_xml(document)
    assert "Direktoratets brødtekst" in [style.name for style in document.styles]
    texts = [p.text for p in document.paragraphs]
    assert "Malens eksempeltekst" not in texts and texts[0] == "Møte i NUIT"
    assert document.core_properties.author == "Sekretariatet for NUIT"

    minutes = tmp_path / "referat.pdf"
    args = ["export", "minutes", "--body", "NUIT", "--meeting", "1/2023", "--format", "pdf", "--out", str(minutes)]
    assert main([*args, "--db", str(demo_path)]) == 0
    reader = pypdf.PdfReader(minutes)
    first, last = reader.pages[0].extract_text(), reader.pages[-1].extract_text()
    n = len(reader.pages)
    assert LETTERHEAD in first and "UTKAST" in first and ADDRESS in first and "Side 1 av " + str(n) in first
    assert f"Side {n} av {n}" in last
    assert "Referat fra møte i NUIT" in first and "Helse Sør-Øst RHF" in first  # æøå extracted as typed
    assert reader.metadata.title == "Referat fra NUIT møte 1/2023" and reader.metadata.author == "Sekretariatet for NUIT"

    assert main(["template", "remove", "--body", "NUIT", "--db", str(demo_path)]) == 0
    assert main(["export", "notice", "--body", "NUIT", "--meeting", "2/2023", "--out", str(out), "--db", str(demo_path)]) == 0
    assert LETTERHEAD not in header_text(open_docx(out.read_bytes()))


@pytest.mark.parametrize("content", [b"just text", b"PK\x03\x04 broken zip", None])
def test_a_file_that_is_not_a_word_template_is_refused_with_one_line_and_nothing_kept(demo_path, tmp_path, capsys, content):
    bad = tmp_path / "mal.docx"
    if content is None:  # a zip, but no Word document in it
        with zipfile.ZipFile(bad, "w") as package:
            package.writestr("hello.txt", "hei")
    else:
        bad.write_bytes(content)
    assert main(["template", "set", "--body", "NUIT", str(bad), "--db", str(demo_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ikke et Word-dokument" in err
    from nuit_tui.services import Archive

    archive = Archive.open(demo_path)
    try:
        assert template_for(archive, archive.members.body("NUIT").stored_id) is None
    finally:
        archive.close()


def test_a_too_large_template_is_refused_before_it_is_read(demo_path, tmp_path, capsys):
    big = tmp_path / "stor.docx"
    with open(big, "wb") as handle:
        handle.truncate(11 * 1024**2)
    assert main(["template", "set", "--body", "NUIT", str(big), "--db", str(demo_path)]) == 2
    assert "grensen" in capsys.readouterr().err


def _docx_headings(data: bytes) -> list[tuple[int, str]]:
    document = open_docx(data)
    return [(int(p.style.name[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def _markdown_headings(data: bytes) -> list[tuple[int, str]]:
    found = re.findall(r"^(#{1,3}) (.+)$", data.decode(), flags=re.M)
    return [(len(hashes), text.replace("\\", "")) for hashes, text in found]


def _html_headings(data: bytes) -> list[tuple[int, str]]:
    import html

    return [(int(level), html.unescape(text)) for level, text in re.findall(r"<h([1-3])>(.*?)</h\1>", data.decode())]


@pytest.mark.parametrize("kind", ["notice", "minutes"])
def test_headings_and_labels_are_the_same_in_word_markdown_and_html(demo, meetings, kind):
    minutes_meeting, notice_meeting = meetings
    doc = build_notice(demo, notice_meeting.id, public=False) if kind == "notice" else build_minutes(demo, minutes_meeting.id, public=False)
    word, markdown, html = (registry.render(doc, fmt) for fmt in ("docx", "md", "html"))
    headings = _docx_headings(word)
    assert headings == _markdown_headings(markdown) == _html_headings(html)
    assert ("Dagsorden" if kind == "notice" else "Saksliste") in [text for _, text in headings]
    document = open_docx(word)
    word_text = "\n".join([p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells])
    labels = ["Møte", "Dato", "Tid", "Sted", "Sak", "Sakstype"]
    labels += ["Medlemmer", "Agenda", "Tidspunkt", "Forslag til vedtak:"] if kind == "notice" else [
        "Til stede", "Tema", "Vedtak:", "Følgende innspill og spørsmål ble tatt med fra møtet:"]
    for label in labels:
        assert label in word_text and label in markdown.decode() and label in html.decode(), label
    if kind == "minutes":
        assert "Medlemmer" not in markdown.decode()  # the attendance block has no heading anywhere


def test_the_export_writes_the_notice_as_pdf(demo, meetings, tmp_path):
    path = export_notice(demo, meetings[1].id, fmt="pdf", public=True, exports_dir=tmp_path)
    assert path.name == "NUIT-2023-2-innkalling-offentlig.pdf"
    reader = pypdf.PdfReader(path)
    assert "Offentlig versjon" in reader.pages[0].extract_text()
    assert reader.pages[0].extract_text().count(f"Side 1 av {len(reader.pages)}") == 1


async def test_the_bodies_tab_gives_a_body_its_template_by_keys_and_refuses_a_bad_file_in_norwegian(demo_path, tmp_path):
    from textual.widgets import DataTable

    from conftest import cell_texts, type_text
    from nuit_tui.services import Archive
    from nuit_tui.tui.app import NuitApp
    from nuit_tui.tui.screens.member_forms import TemplateForm

    template = letterhead_template(tmp_path / "brevmal.docx")
    (tmp_path / "tekst.docx").write_text("ikke Word")
    archive = Archive.open(demo_path)
    app = NuitApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        table = app.screen.query_one("#bodies-table", DataTable)
        await pilot.press("home", *(["down"] * cell_texts(table, 0).index("NUIT")), "w")
        await pilot.pause()
        assert isinstance(app.screen, TemplateForm)
        await type_text(pilot, str(tmp_path / "tekst.docx"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TemplateForm)  # refused: the form stays, with its message
        assert "ikke et Word-dokument" in str(app.screen.query_one("#form-error").render())
        await pilot.press("ctrl+u")
        await type_text(pilot, str(template))
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TemplateForm)
        row = cell_texts(table, 0).index("NUIT")
        assert str(table.get_row_at(row)[2]) == "brevmal.docx"
    archive.close()
    check = Archive.open(demo_path)
    try:
        assert template_for(check, check.members.body("NUIT").stored_id) == template.read_bytes()
    finally:
        check.close()


def test_a_pdf_lays_out_with_fpdfs_own_widths_and_embeds_only_the_faces_it_uses(demo, meetings):
    """The PDF layout remembers the width of the line so far (exporters/_pdf_faces.py `_LineFont`)
    and adds a face of Liberation Sans when the text first uses it: the widths must be
    fpdf2's own to the last bit, and a face no text uses must not be in the file."""
    from fpdf.fonts import TTFFont

    from nuit_tui.exporters._pdf_faces import FAMILY
    from nuit_tui.exporters.pdf import Pages

    pages = Pages()
    pages.set_font(FAMILY, "B", 11)
    assert set(pages.fonts) == {"liberation sans", "liberation sansB"}
    line = "Forslag til vedtak: NUIT slutter seg til målbildet – «Én innbygger, én journal» ≠ ∑"
    for font in pages.fonts.values():
        for end in range(len(line) + 1):  # the line as the breaker grows it, then again
            assert font.get_text_width(line[:end], 11, None) == TTFFont.get_text_width(font, line[:end], 11, None)
        assert font.get_text_width(line, 11, None) == TTFFont.get_text_width(font, line, 11, None)

    reader = pypdf.PdfReader(io.BytesIO(registry.render(build_notice(demo, meetings[1].id, public=True), "pdf")))
    faces = {font.get_object()["/BaseFont"] for page in reader.pages for font in (page["/Resources"].get("/Font") or {}).values()}
    assert faces and all(face.startswith("/MPDFAA+LiberationSans") for face in faces)
    assert "/MPDFAA+LiberationSansBoldItalic" not in faces  # the notice has no bold italic


def test_a_body_template_goes_with_the_json_export_and_a_bad_one_is_refused(demo_path, tmp_path):
    """The template is kept in the archive so that every secretary's copy carries it: the
    JSON export and import too, checked as a Word template on the way in."""
    import base64
    import json

    from nuit_tui.services import Archive
    from nuit_tui.services.transfer import ImportRejected, export_json, import_json

    template = letterhead_template(tmp_path / "mal.docx")
    assert main(["template", "set", "--body", "NUIT", str(template), "--db", str(demo_path)]) == 0
    archive = Archive.open(demo_path)
    text = export_json(archive)
    kept = template_for(archive, archive.members.body("NUIT").stored_id)
    archive.close()
    document = json.loads(text)
    [carried] = document["body_templates"]
    assert carried["file_name"] == "mal.docx" and base64.b64decode(carried["content"]) == kept
    copy = Archive.open(tmp_path / "copy.sqlite")
    assert import_json(copy, text)["body_templates"] == 1
    assert template_for(copy, copy.members.body("NUIT").stored_id) == kept
    assert export_json(copy) == text
    copy.close()
    carried["content"] = base64.b64encode(b"not a Word file").decode()
    refused = Archive.open(tmp_path / "refused.sqlite")
    with pytest.raises(ImportRejected, match=r"body_templates\.0: mal\.docx er ikke et Word-dokument"):
        import_json(refused, json.dumps(document))
    assert refused.store.is_empty()
    carried["content"], carried["body_id"] = base64.b64encode(kept).decode(), 999
    with pytest.raises(ImportRejected, match="utvalg 999 finnes ikke"):
        import_json(refused, json.dumps(document))
    assert refused.store.is_empty()
    refused.close()
