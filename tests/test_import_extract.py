"""Text out of the files the import reads (.docx, .pdf, .txt, .md), at the edge of importers/."""

from __future__ import annotations

import io

import docx
import pytest
from pypdf import PdfWriter

from nuit_tui.importers.bounded import InputRefused
from nuit_tui.importers.extract import read_text, text_of
from nuit_tui.importers.read_document import read_document


def _pdf_with_text(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (Helvetica, WinAnsi)."""
    stream = "BT /F1 11 Tf 50 780 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream.encode('cp1252'))} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("cp1252")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_a_pdf_text_layer_is_read_into_minutes():
    data = _pdf_with_text(["Referat fra møte i NUIT", "Møte 3/2023", "Dato 7. september 2023", "Tid 09.00 - 15.00",
                           "Sak Tema Sakstype", "27/23 Godkjenning av innkalling og dagsorden Godkjenning",
                           "27/23 Godkjenning av innkalling og dagsorden", "Vedtak:", "NUIT godkjenner innkalling og dagsorden."])
    document = read_document(data, "minutes", name="referat.pdf")
    [meeting] = document.meetings
    assert (meeting.number, meeting.date.isoformat()) == ("3/2023", "2023-09-07")
    assert [(i.case, i.type, i.decision) for i in meeting.items] == [("27/23", "Godkjenning", "NUIT godkjenner innkalling og dagsorden.")]


def test_a_pdf_without_a_text_layer_is_refused_with_a_message_saying_it_needs_ocr():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(InputRefused, match="tekstlag.*OCR"):
        text_of(buffer.getvalue(), "skannet.pdf")


def test_a_word_document_gives_paragraphs_and_table_rows_in_body_order():
    document = docx.Document()
    document.add_paragraph("Referat fra møte i NUIT")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Møte", "1/2023"
    table.cell(1, 0).text, table.cell(1, 1).text = "Til stede", "Ola Nordmann (KS)\nKari Nordmann (FFO)"
    document.add_paragraph("Punkt", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    lines = [line for line in text_of(buffer.getvalue(), "referat.docx").split("\n") if line]
    assert lines == ["Referat fra møte i NUIT", "Møte\t1/2023", "Til stede\tOla Nordmann (KS)", "\tKari Nordmann (FFO)", "- Punkt"]


def test_a_text_file_in_windows_1252_is_read(tmp_path):
    path = tmp_path / "referat.txt"
    path.write_bytes("Møte 1/2023 – Sør-Øst".encode("cp1252"))
    assert read_text(path) == "Møte 1/2023 – Sør-Øst"


@pytest.mark.parametrize("name", ["referat.odt", "referat"])
def test_a_file_of_another_kind_is_refused_in_norwegian(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(InputRefused, match="kan bare lese"):
        read_text(path)


def test_a_word_file_that_is_not_a_zip_is_refused():
    with pytest.raises(InputRefused, match="ikke et Word-dokument"):
        text_of(b"not a zip", "referat.docx")
