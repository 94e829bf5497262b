"""Cover notes (toppnotater) read: the box, the sections, and the table «Vedtak fra
tidligere behandlinger i rådsmodellen» — from the seed's own cover notes (shipped in
demo/seeds/, as the seed has them after the minutes), and from a Word cover note made here.
And no reader raises on text that is not a meeting document at all."""

from __future__ import annotations

import datetime as dt
import io
from importlib import resources

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from nuit_tui.demo import data
from nuit_tui.importers.read_document import read_document, read_text_as

FIRST = 881  # the cover notes' first line in the whole seed (the line numbers below are the seed's)


def seed_lines(first: int, last: int) -> str:
    text = resources.files("nuit_tui.demo").joinpath("seeds", "nuit-2023-moete2-toppnotater.txt").read_text(encoding="utf-8")
    return "\n".join(text.split("\n")[first - FIRST : last - FIRST + 1])


def test_the_seeds_cover_note_box_is_read_from_its_two_columns():
    [note] = read_text_as(seed_lines(881, 996), "cover_note").cover_notes
    item = next(i for i in data.MEETINGS[1]["items"] if i.get("seq") == 15)
    assert (note.to, note.date, note.case, note.type) == ("Møte 2/23", dt.date(2023, 5, 25), "15/23", "Orientering")
    assert note.from_ == ", ".join(item["presenters"])
    assert note.case_officer == ", ".join(item["case_officers"])
    assert note.title == "Orientering fra Direktoratet for e-helse"
    assert note.proposed_decision == item["proposed_decision"]
    assert note.purpose == item["purpose"]


def test_the_seeds_earlier_decisions_table_gives_the_demos_nine_earlier_handlings():
    [note] = read_text_as(seed_lines(3100, 3249), "cover_note").cover_notes
    cited = next(i for i in data.MEETINGS[1]["items"] if i.get("seq") == 25)["earlier_handlings"]
    assert [e.case for e in note.earlier_decisions] == [f"{c['body']} {c['seq']}/{c['year'] % 100}" for c in cited]
    first = note.earlier_decisions[0]
    assert (first.date, first.theme) == (dt.date(2021, 4, 21), "Strategi digital sikkerhet i helse- og omsorgssektoren")
    assert first.decision.startswith("NUFA tar saken til orientering")
    last = note.earlier_decisions[-1]
    assert last.theme == "Innspill til stortingsmelding om helseberedskap - tema: Digital sikkerhet"


def test_n_a_under_earlier_decisions_gives_no_rows():
    [note] = read_text_as(seed_lines(996, 1392), "cover_note").cover_notes
    assert note.case == "16/23" and note.earlier_decisions == []
    assert [s.heading for s in note.sections][:2] == ["Til drøfting", "Videre saksprosess"]


def test_a_word_cover_note_with_box_and_table_rows_is_read():
    document = docx.Document()
    document.add_paragraph("Portaler for rapportering for helsepersonell")
    box = document.add_table(rows=6, cols=2)
    for row, (label, value) in zip(box.rows, [("Til", "Møte 2/23"), ("Dato", "25.05.2023"), ("Saksnummer", "22/23"),
                                              ("Type", "Drøfting"), ("Fra", "Siv Ingebrigtsen"), ("Saksbehandler", "Karen Lima")],
                                   strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    for text in ["Forslag til vedtak", "NUIT drøftet saken.", "Hensikt med saken", "Å få innspill.",
                 "Vedtak fra tidligere behandlinger i rådsmodellen"]:
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Sak", "Tema", "Vedtaksformulering"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["NUIT 8/22 (17.2.22)", "Strategi for digital sikkerhet", "NUIT anbefaler."],
                          strict=True):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    [note] = read_document(buffer.getvalue(), "cover_note", name="toppnotat.docx").cover_notes
    assert (note.case, note.type, note.from_, note.case_officer) == ("22/23", "Drøfting", "Siv Ingebrigtsen", "Karen Lima")
    assert (note.proposed_decision, note.purpose) == ("NUIT drøftet saken.", "Å få innspill.")
    [earlier] = note.earlier_decisions
    assert (earlier.case, earlier.date, earlier.theme, earlier.decision) == (
        "NUIT 8/22", dt.date(2022, 2, 17), "Strategi for digital sikkerhet", "NUIT anbefaler.")


LINES = st.sampled_from(["Møte 1/2023", "Dato 16. februar 2023", "Tid 09:00 -16:00", "Sak Tema Sakstype", "1/23 Eventuelt",
                         "Vedtak:", "• Helse Nord RHF mener", "Til stede Ola (KS", "Stedfortreder X for", "(", ")", "", " ",
                         "kl. 13.", "30", "e-", "Side 1 av 2", "Vedlegg 1:", "Forslag til vedtak", "Til", "Dato", "N/A"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=30)), max_size=30), st.sampled_from(["notice", "minutes", "cover_note"]))
def test_no_reader_raises_on_text_that_is_not_a_meeting_document(lines, kind):
    document = read_text_as("\n".join(lines), kind)
    assert document.kind == kind
