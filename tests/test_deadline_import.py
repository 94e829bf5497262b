"""Deadlines from a steering document's "Frist | Beskrivelse" table: the parser, the
import into the archive, the demo and the command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import one_line_error, run
from nuit_tui.demo.steering_documents import STEERING_DOCUMENTS, document_text
from nuit_tui.domain import models as m
from nuit_tui.domain.norwegian import MONTHS, ParseError
from nuit_tui.importers.deadline_table import (
    TableNotFound,
    YearNotFound,
    make_title,
    parse_deadline_table,
    read_date_cell,
)
from nuit_tui.services.deadline_import import import_deadlines
from nuit_tui.store import errors

TILDELINGSBREV = document_text("tildelingsbrev-ehelse-2023.txt")
OPPDRAGSDOKUMENT = document_text("oppdragsdokument-nhn-2023.txt")

# Read off the two documents' tables by hand (date, title: the first sentence, cut at
# a word boundary to 80 characters).
TILDELINGSBREV_ROWS = [
    ("2023-01-13", "Regnskapsrapportering per 31. desember 2022"),
    ("2023-01-20", "Forklaringer til statsregnskapet"),
    ("2023-02-17", "Orientering om disponering av midlene gitt til de ulike oppgavene"),
    ("2023-02-15", "Innspill til revidert budsjett for 2023"),
    ("2023-03-01", "Etatsstyringsmøte (oppfølging av nasjonale satsinger)"),
    ("2023-03-15", "Årsrapport med kopi til Riksrevisjonen"),
    ("2023-04-29", "Status- og avviksrapportering per 1. april, inklusiv budsjett- og…"),
    ("2023-05-01", "Forslag til budsjettekster for Prop. 1 S (2023–2024) og foreløpig innspill til…"),
    ("2023-05-09", "Etatsstyringsmøte"),
    ("2023-05-10", "Oversikt over disponering av tilskuddsmidler for 2023 for Nettverk for innføring…"),
    ("2023-09-05", "Etatsstyringsmøte (oppfølging av nasjonale satsinger)"),
    ("2023-09-30", "Status- og avviksrapportering per 1. september, inklusiv budsjett- og…"),
    ("2023-09-30", "Innspill til Omgrupperingsproposisjonen 2023"),
    ("2023-10-15", "Innspill til styringssignaler for 2023 til Direktoratet for e-helse og…"),
    ("2023-10-17", "Etatsstyringsmøte"),
    ("2023-11-15", "Råd til departementet om oppdrag og midler som skal tildeles Norsk helsenett SF…"),
    ("2023-11-15", "Anbefale hvilke tiltak og oppgaver som bør gjennomføres påfølgende år for å nå…"),
    ("2023-11-15", "Forslag til satsinger for budsjett 2025"),
    ("2023-11-15", "Forslag til konsekvensjusteringer for 2025-2028 som gir mest mulig korrekt…"),
    ("2023-12-01", "Innspill til foreløpig tildelingsbrev"),
]
OPPDRAGSDOKUMENT_ROWS = [
    ("2023-02-15", "Innspill til revidert budsjett for 2022"),
    ("2023-02-27", "Oppfølgingsmøte"),
    ("2023-03-01", "Forslag til disponering av tildelinger over kapittel 701, post 21 og 70"),
    ("2023-04-12", "Oppfølgingsmøte"),
    ("2023-05-01", "Forslag til budsjettekster for Prop. 1 S (2023–2024) og foreløpig innspill til…"),
    ("2023-06-13", "Tertialoppfølgingsmøte"),
    ("2023-08-29", "Oppfølgingsmøte"),
    ("2023-09-30", "Innspill til omgrupperingsproposisjonen 2023"),
    ("2023-10-23", "Tertialoppfølgingsmøte"),
    ("2023-11-15", "Forslag til nye store satsinger for budsjett 2025"),
    ("2023-12-11", "Oppfølgingsmøte"),
]

# The oppdragsdokument's table as it comes out of OCR: letters lost, stray "|", a
# leading space, a word broken over a page, a page number and the header again.
OCR_DOCUMENT = """\
Oppdragsdokument til Norsk helsenett SF for 2023

Nedenfo
r felger tidspunkt for oppfelgingsmgater og frister.

Frist | Beskrivelse

15. februar | Innspill til revidert budsjett for 2022

 27. februar Foretaksmgate

1.mars Arsrapport sendes pa e-post til departementet

Innen 1. februar Legge fram en plan for arbeidet med
nasjonale e-helselosninger

7

Frist | Beskrivelse

15.november |Etatsstyringsmote

30. februar Noe som ikke finnes


Norsk helsenett SF skal rapportere to uker i forkant av hvert oppfølgingsmøte.
"""


def rows_of(result):
    return [(row.date.isoformat(), row.title) for row in result.rows]


# --- the two seed documents ---------------------------------------------------------


def test_the_tildelingsbrev_gives_exactly_its_twenty_rows():
    result = parse_deadline_table(TILDELINGSBREV)
    assert result.year == 2023
    assert result.source == "Tildelingsbrev til Direktoratet for e-helse for 2023"  # the title, when no source is given
    assert rows_of(result) == TILDELINGSBREV_ROWS
    assert result.rejected == []
    assert [row.line_number for row in result.rows[:3]] == [1076, 1078, 1080]


def test_the_oppdragsdokument_gives_exactly_its_eleven_rows():
    result = parse_deadline_table(OPPDRAGSDOKUMENT, source="Oppdragsdokument 2023 Norsk helsenett SF")
    assert rows_of(result) == OPPDRAGSDOKUMENT_ROWS
    assert result.rejected == []
    assert {row.source for row in result.rows} == {"Oppdragsdokument 2023 Norsk helsenett SF"}
    # The table ends before the prose that follows it.
    assert not any("rapportere to uker" in row.description for row in result.rows)


def test_a_description_over_several_lines_is_one_row_and_the_original_keeps_its_lines():
    rows = parse_deadline_table(TILDELINGSBREV).rows
    april = rows[6]
    assert april.description == (
        "Status- og avviksrapportering per 1. april, inklusiv budsjett- og regnskapsrapportering med prognose"
    )
    assert april.original_text == (
        "29. april Status- og avviksrapportering per 1. april, inklusiv budsjett- og\nregnskapsrapportering med prognose"
    )
    assert not april.repaired
    advice = rows[15]
    assert advice.description.endswith("knyttet til de nasjonale satsingene ledet av Direktoratet for e-helse.")
    assert advice.original_text.count("\n") == 2
    # A line going on after a blank line (the oppdragsdokument's 1. mai).
    may = parse_deadline_table(OPPDRAGSDOKUMENT).rows[4]
    assert may.description.endswith("og foreløpig innspill til store satsinger for budsjett 2025")


def test_the_same_date_may_hold_several_rows():
    rows = parse_deadline_table(TILDELINGSBREV).rows
    november = [row for row in rows if row.date == dt.date(2023, 11, 15)]
    assert len(november) == 4
    assert len({row.description for row in november}) == 4


def test_categories_are_guessed_only_from_certain_words():
    categories = {row.title: row.category for row in parse_deadline_table(TILDELINGSBREV).rows}
    assert categories["Årsrapport med kopi til Riksrevisjonen"] == "rapportering"
    assert categories["Regnskapsrapportering per 31. desember 2022"] == "rapportering"
    assert categories["Innspill til revidert budsjett for 2023"] == "budsjett"
    assert categories["Etatsstyringsmøte"] == "styringsdialog"
    assert categories["Status- og avviksrapportering per 1. april, inklusiv budsjett- og…"] == "rapportering"  # its first word says
    assert categories["Forklaringer til statsregnskapet"] == ""
    oppdrag = {row.title: row.category for row in parse_deadline_table(OPPDRAGSDOKUMENT).rows}
    assert oppdrag["Tertialoppfølgingsmøte"] == "styringsdialog"


def test_the_package_copies_are_the_seed_documents():
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("the project's shared seeds are not beside the repository")
    for name, _ in STEERING_DOCUMENTS:
        assert document_text(name) == (shared / name).read_text(encoding="utf-8")


# --- OCR damage ---------------------------------------------------------------------


def test_ocr_damage_is_read_through_and_repaired_with_the_original_kept():
    result = parse_deadline_table(OCR_DOCUMENT)
    assert rows_of(result) == [
        ("2023-02-15", "Innspill til revidert budsjett for 2022"),
        ("2023-02-27", "Foretaksmøte"),
        ("2023-03-01", "Årsrapport sendes på e-post til departementet"),
        ("2023-02-01", "Legge fram en plan for arbeidet med nasjonale e-helseløsninger"),
        ("2023-11-15", "Etatsstyringsmøte"),
    ]
    rows = result.rows
    assert rows[0].original_text == "15. februar | Innspill til revidert budsjett for 2022"
    assert rows[1].original_text == " 27. februar Foretaksmgate"
    assert rows[2].original_text == "1.mars Arsrapport sendes pa e-post til departementet"
    assert rows[3].original_text == "Innen 1. februar Legge fram en plan for arbeidet med\nnasjonale e-helselosninger"
    assert all(row.repaired for row in rows)
    assert [row.category for row in rows] == ["budsjett", "styringsdialog", "rapportering", "", "styringsdialog"]
    # The page number and the repeated header did not end the table; the date that does not exist is reported.
    assert [(r.line_number, r.reason) for r in result.rejected] == [(23, "datoen 30. februar 2023 finnes ikke")]


def test_repairs_are_whole_words_only():
    text = "Plan for 2023\nFrist Beskrivelse\n1. mars Pause pa Parken, papirer og kapasitet\n"
    [row] = parse_deadline_table(text).rows
    assert row.description == "Pause på Parken, papirer og kapasitet"


def test_innen_gives_the_date_and_stays_in_the_original():
    text = "Tildelingsbrev for 2023\nFrist | Beskrivelse\nInnen 1. februar Legge fram en plan for oppfølging\n"
    [row] = parse_deadline_table(text).rows
    assert (row.date, row.title, row.date_text) == (dt.date(2023, 2, 1), "Legge fram en plan for oppfølging", "Innen 1. februar")
    assert row.original_text.startswith("Innen 1. februar")


def test_a_second_line_under_a_date_is_its_own_row_and_a_date_alone_takes_the_next_line():
    text = """Oppdragsdokument for 2023
Frist
Beskrivelse
15. november Forslag til satsinger for budsjett 2025
Forslag til nye store satsinger for
Norsk helsenett SF
1. desember
Innspill til foreløpig tildelingsbrev

Slutt på tabellen.
"""
    result = parse_deadline_table(text)
    assert rows_of(result) == [
        ("2023-11-15", "Forslag til satsinger for budsjett 2025"),
        ("2023-11-15", "Forslag til nye store satsinger for Norsk helsenett SF"),  # "for" goes on
        ("2023-12-01", "Innspill til foreløpig tildelingsbrev"),
    ]
    assert result.rows[1].date_line_number == 4 and result.rows[1].line_number == 5
    assert result.rejected == []


def test_lines_it_cannot_read_are_reported_never_guessed():
    text = """Tildelingsbrev for 2023
Frist | Beskrivelse
30. februar Innspill som ikke kan ha en dato
l5. mars Uleselig dag
15. febmar Uleselig måned
Løpende Rapportering ved avvik
31. desember
"""
    result = parse_deadline_table(text)
    assert result.rows == []
    assert [(r.line_number, r.reason) for r in result.rejected] == [
        (3, "datoen 30. februar 2023 finnes ikke"),
        (4, "kan ikke lese datoen i «l5. mars Uleselig»"),
        (5, "ukjent måned «febmar»"),
        (6, "«Løpende» er ikke en dato"),
        (7, "raden mangler beskrivelse"),
    ]
    assert result.rejected[0].text == "30. februar Innspill som ikke kan ha en dato"


def test_a_line_going_on_may_start_with_a_number_or_a_date():
    text = """Plan for 2023
Frist | Beskrivelse
1. mars Rapporten leveres
2 ganger i året, siste gang per
1. oktober, med prognose
"""
    result = parse_deadline_table(text)
    assert [row.description for row in result.rows] == [
        "Rapporten leveres 2 ganger i året, siste gang per 1. oktober, med prognose"
    ]
    assert result.rejected == []


def test_the_year_comes_from_the_title_unless_given():
    assert parse_deadline_table(OPPDRAGSDOKUMENT, year=2024).rows[0].date == dt.date(2024, 2, 15)
    no_title = "Frist | Beskrivelse\n1. mars Innspill\n"
    with pytest.raises(YearNotFound, match="--year"):
        parse_deadline_table(no_title)
    assert parse_deadline_table(no_title, year=2025).rows[0].date == dt.date(2025, 3, 1)
    with pytest.raises(ParseError):
        parse_deadline_table(no_title, year=12)
    # 29 February exists in a leap year only.
    leap = "Plan for 2024\nFrist Beskrivelse\n29. februar Innspill\n"
    assert parse_deadline_table(leap).rows[0].date == dt.date(2024, 2, 29)
    assert parse_deadline_table(leap, year=2023).rejected[0].reason == "datoen 29. februar 2023 finnes ikke"


def test_a_document_without_the_table_is_refused():
    with pytest.raises(TableNotFound, match="Frist | Beskrivelse"):
        parse_deadline_table("Referat for 2023\n\n15. februar Innspill\n")


def test_a_single_spaced_table_ends_at_the_first_blank_line_before_prose():
    text = "Plan for 2023\nFrist Beskrivelse\n1. mars Innspill\n2. mars Rapport\n\nDen formelle rapporteringen skjer i møtene.\n"
    assert rows_of(parse_deadline_table(text)) == [("2023-03-01", "Innspill"), ("2023-03-02", "Rapport")]


def test_the_title_is_the_first_sentence_cut_at_a_word():
    assert make_title("Etatsstyringsmøte. Agenda kommer senere.") == "Etatsstyringsmøte"
    assert make_title("Svar jf. Prop. 1 S. Neste setning.") == "Svar jf. Prop. 1 S"
    long = "Innspill " + "til budsjettet " * 10
    title = make_title(long)
    assert len(title) <= 81 and title.endswith("…") and long.startswith(title[:-1])


# --- properties -----------------------------------------------------------------------

DAYS = st.integers(min_value=0, max_value=40).map(str)
MONTH_WORDS = st.sampled_from([*MONTHS, "jan", "febr", "sept", "des", "febmar", "Mars", "MAI", "marsj", "x"])
SEPARATORS = st.sampled_from(["", ".", ". ", " ", ".  ", " . ", "|"])
TAILS = st.text(alphabet="abc ÆØÅæøå|.-:0123456789", max_size=20)


@st.composite
def table_lines(draw):
    if draw(st.booleans()):
        lead = draw(st.sampled_from(["", "Innen ", "innen ", " ", "| "]))
        return f"{lead}{draw(DAYS)}{draw(SEPARATORS)}{draw(MONTH_WORDS)}{draw(st.sampled_from(['', ' ', ' | ']))}{draw(TAILS)}"
    return draw(st.text(max_size=40))


def _mentions(line: str, date: dt.date) -> bool:
    """The line holds the date's day and its month (by name or number)."""
    low = line.lower()
    day = re.search(rf"(?<!\d)0?{date.day}(?!\d)", low)
    name = MONTHS[date.month - 1]
    month = any(word in low for word in (name, name[:3])) or re.search(rf"\.0?{date.month}\.", low)
    return bool(day and month)


@settings(max_examples=int(os.environ.get("NUIT_FUZZ", 200)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(table_lines(), max_size=12), year=st.integers(min_value=1990, max_value=2030))
def test_the_row_parser_never_crashes_and_never_invents_a_date(lines, year):
    text = "\n".join(["Tildelingsbrev for 2023", "Frist | Beskrivelse", *lines])
    result = parse_deadline_table(text, year=year)
    source_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # lines as the parser numbers them
    for row in result.rows:
        date_line = source_lines[row.date_line_number - 1]
        assert _mentions(date_line, row.date), (date_line, row.date)
        assert row.date == dt.date(row.date.year, row.date.month, row.date.day)
        assert row.title and row.description
    for rejected in result.rejected:
        assert rejected.reason


@settings(max_examples=int(os.environ.get("NUIT_FUZZ", 200)), deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_is_read_or_refused_with_a_parse_error(text):
    for document in (text, f"Dokument for 2023\nFrist | Beskrivelse\n{text}"):
        try:
            parse_deadline_table(document)
        except ParseError as exc:
            assert str(exc)


@settings(max_examples=int(os.environ.get("NUIT_FUZZ", 200)), deadline=None)
@given(line=st.one_of(table_lines(), st.text(max_size=30)))
def test_a_date_cell_is_a_real_date_in_the_line_or_nothing(line):
    try:
        cell = read_date_cell(line.strip(), 2023)
    except ParseError as exc:
        assert str(exc)
        return
    if cell is not None:
        assert _mentions(cell.text, cell.date)


@pytest.mark.parametrize("year", [2023, 2024])
def test_every_day_of_every_month_is_accepted_exactly_when_it_exists(year):
    lines = [f"{day}. {MONTHS[month - 1]} Innspill" for month in range(1, 13) for day in range(1, 32)]
    result = parse_deadline_table("\n".join([f"Plan for {year}", "Frist Beskrivelse", *lines]))
    expected = []
    for month in range(1, 13):
        for day in range(1, 32):
            try:
                expected.append(dt.date(year, month, day))
            except ValueError:
                continue
    assert [row.date for row in result.rows] == expected
    assert len(result.rejected) == 12 * 31 - len(expected)
    assert all("finnes ikke" in r.reason for r in result.rejected)


# --- into the archive -----------------------------------------------------------------


def deadlines(archive) -> list[m.Deadline]:
    return archive.store.find(m.Deadline, order_by="id")


def test_importing_adds_the_rows_for_every_body(archive):
    report = import_deadlines(archive, OPPDRAGSDOKUMENT, source="Oppdragsdokument 2023 Norsk helsenett SF")
    assert (report.added, report.updated, report.unchanged, report.rejected) == (11, 0, 0, [])
    stored = deadlines(archive)
    assert [(d.date.isoformat(), d.title) for d in stored] == OPPDRAGSDOKUMENT_ROWS
    assert {d.body_id for d in stored} == {None}
    assert {d.source for d in stored} == {"Oppdragsdokument 2023 Norsk helsenett SF"}
    assert stored[1].category == "styringsdialog" and stored[1].original_text == "27. februar Oppfølgingsmøte"


def test_re_importing_the_same_document_adds_nothing_and_keeps_edits(archive):
    import_deadlines(archive, TILDELINGSBREV)
    first = deadlines(archive)
    edited = archive.year_plan.update_deadline(first[0].model_copy(update={"title": "Regnskap 2022", "responsible": "Kari"}))
    report = import_deadlines(archive, TILDELINGSBREV)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 20)
    assert len(deadlines(archive)) == 20
    assert archive.year_plan.deadline(edited.id).title == "Regnskap 2022"


def test_a_changed_row_updates_its_deadline(archive):
    import_deadlines(archive, OPPDRAGSDOKUMENT)
    before = {(d.date, d.title): d.id for d in deadlines(archive)}
    changed = OPPDRAGSDOKUMENT.replace("12. april Oppfølgingsmøte", "19. april Oppfølgingsmøte").replace(
        "\n\nstore satsinger for budsjett 2025 ", "\n\nstore satsinger for budsjett 2025 og 2026 "
    )
    report = import_deadlines(archive, changed)
    assert (report.added, report.updated, report.unchanged) == (0, 2, 9)
    after = {d.id: d for d in deadlines(archive)}
    moved = after[before[(dt.date(2023, 4, 12), "Oppfølgingsmøte")]]
    assert moved.date == dt.date(2023, 4, 19) and moved.row_version == 2
    may = after[before[(dt.date(2023, 5, 1), OPPDRAGSDOKUMENT_ROWS[4][1])]]
    assert may.description.endswith("store satsinger for budsjett 2025 og 2026")
    assert len(after) == 11


def test_a_reworded_row_updates_and_a_row_gone_is_reported_not_deleted(archive):
    import_deadlines(archive, OPPDRAGSDOKUMENT)
    reworded = OPPDRAGSDOKUMENT.replace("13. juni Tertialoppfølgingsmøte", "13. juni Foretaksmøte").replace(
        "29. august Oppfølgingsmøte", ""
    )
    report = import_deadlines(archive, reworded)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 9)
    assert [(d.date, d.title) for d in report.missing] == [(dt.date(2023, 8, 29), "Oppfølgingsmøte")]
    assert len(deadlines(archive)) == 11
    assert [d.title for d in deadlines(archive) if d.date == dt.date(2023, 6, 13)] == ["Foretaksmøte"]


def test_a_dry_run_writes_nothing(archive):
    report = import_deadlines(archive, TILDELINGSBREV, dry_run=True)
    assert report.added == 20 and all(r.deadline_id is None for r in report.rows)
    assert deadlines(archive) == []


def test_an_import_is_one_transaction(archive, monkeypatch):
    real_insert = archive.store.insert
    calls = []

    def failing_insert(record):
        calls.append(record)
        if len(calls) == 5:
            raise errors.Conflict("disken er full")
        return real_insert(record)

    monkeypatch.setattr(archive.store, "insert", failing_insert)
    with pytest.raises(errors.Conflict):
        import_deadlines(archive, TILDELINGSBREV)
    assert deadlines(archive) == []


def test_a_body_by_short_name_or_name_and_an_unknown_body(archive):
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    report = import_deadlines(archive, OPPDRAGSDOKUMENT, body="nuit")
    assert report.body_id == nuit.id and {d.body_id for d in deadlines(archive)} == {nuit.id}
    # Another body's copy of the same document is its own set of deadlines.
    assert import_deadlines(archive, OPPDRAGSDOKUMENT).added == 11
    assert import_deadlines(archive, OPPDRAGSDOKUMENT, body="Prioriteringsutvalget").unchanged == 11
    with pytest.raises(errors.NotFound, match="«NEHS»"):
        import_deadlines(archive, OPPDRAGSDOKUMENT, body="NEHS")


def test_the_demo_holds_both_documents_deadlines(demo):
    stored = demo.store.find(m.Deadline, order_by="id")
    by_source = {source: [(d.date.isoformat(), d.title) for d in stored if d.source == source] for _, source in STEERING_DOCUMENTS}
    # Two deadlines stand in both documents (same date, same title but for its case):
    # the year plan holds them once, from the document imported first.
    shared = {("2023-05-01", OPPDRAGSDOKUMENT_ROWS[4][1]), ("2023-09-30", OPPDRAGSDOKUMENT_ROWS[7][1])}
    assert by_source == {
        "Tildelingsbrev 2023 Direktoratet for e-helse": TILDELINGSBREV_ROWS,
        "Oppdragsdokument 2023 Norsk helsenett SF": [row for row in OPPDRAGSDOKUMENT_ROWS if row not in shared],
    }
    assert len(stored) == 29 and {d.body_id for d in stored} == {None}


# --- the command line -----------------------------------------------------------------


@pytest.fixture
def files(tmp_path):
    from nuit_tui.services import Archive

    db = tmp_path / "a.sqlite"
    archive = Archive.open(db)
    archive.members.add_body("NUIT", "Prioriteringsutvalget")
    archive.close()
    document = tmp_path / "oppdrag.txt"
    document.write_text(OPPDRAGSDOKUMENT, encoding="utf-8")
    return tmp_path, db, document


def test_cli_json_prints_the_rows(files):
    tmp_path, db, document = files
    result = run("import", "deadlines", document, "--db", db, "--json", "--body", "NUIT", "--source", "Oppdrag 2023")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert [(r["date"], r["title"]) for r in printed["rows"]] == OPPDRAGSDOKUMENT_ROWS
    assert printed["rows"][0]["line"] == 291 and printed["rows"][0]["source"] == "Oppdrag 2023"
    assert printed["rows"][0]["description"] == "Innspill til revidert budsjett for 2022"
    assert (printed["added"], printed["rejected"]) == (11, [])
    again = run("--db", db, "import", "deadlines", document, "--body", "NUIT", "--source", "Oppdrag 2023")
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "Oppdrag 2023 (2023): 0 lagt til, 0 oppdatert, 11 uendret, 0 avvist"


def test_cli_summary_lists_rejected_lines_and_dry_run_writes_nothing(files):
    tmp_path, db, document = files
    document.write_text(OCR_DOCUMENT, encoding="utf-8")
    result = run("import", "deadlines", document, "--db", db, "--dry-run", "--year", "2024")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == (
        "Oppdragsdokument til Norsk helsenett SF for 2023 (2024): 5 lagt til, 0 oppdatert, 0 uendret, 1 avvist"
        " – prøvekjøring, ingenting er lagret"
    )
    assert lines[1] == "avvist linje 23: datoen 30. februar 2024 finnes ikke: «30. februar Noe som ikke finnes»"
    from nuit_tui.services import Archive

    archive = Archive.open(db, create=False)
    try:
        assert archive.store.count(m.Deadline) == 0
    finally:
        archive.close()


@pytest.mark.parametrize(
    ("make_args", "message"),
    [
        (lambda t, db, doc: ["import", "deadlines", t / "nowhere.txt", "--db", db], "finnes ikke"),
        (lambda t, db, doc: ["import", "deadlines", doc, "--db", db, "--body", "NEHS"], "Fant ikke utvalget «NEHS»"),
        (lambda t, db, doc: ["import", "deadlines", doc, "--db", db, "--year", "tjue"], "«tjue» er ikke et årstall"),
        (lambda t, db, doc: ["import", "deadlines", doc, "--db", db, "--year", "99"], "«99» er ikke et årstall"),
        (lambda t, db, doc: ["import", "deadlines", t / "no-table.txt", "--db", db], "Fant ingen tabell «Frist | Beskrivelse»"),
        (lambda t, db, doc: ["import", "deadlines", t / "no-year.txt", "--db", db], "oppgi det med --year"),
        (lambda t, db, doc: ["import", "deadlines", doc, "--db", t / "missing.sqlite"], "missing.sqlite"),
    ],
)
def test_cli_bad_input_gives_one_line_and_exit_2(files, make_args, message):
    tmp_path, db, document = files
    (tmp_path / "no-table.txt").write_text("Tildelingsbrev for 2023\n\nIngen frister her.\n", encoding="utf-8")
    (tmp_path / "no-year.txt").write_text("Tildelingsbrev\nFrist | Beskrivelse\n1. mars Innspill\n", encoding="utf-8")
    result = run(*make_args(tmp_path, db, document))
    assert result.returncode == 2, result.stderr
    assert message in one_line_error(result)
    assert not (tmp_path / "missing.sqlite").exists()


# --- the same table under another source name ------------------------------------------


def test_a_document_already_in_the_archive_under_another_source_adds_nothing_and_says_so(demo):
    before = demo.store.find(m.Deadline, order_by="id")
    report = import_deadlines(demo, TILDELINGSBREV)  # the default source: the document's own title
    assert report.source != STEERING_DOCUMENTS[0][1]
    assert report.added == 0 and len(report.already) == 20
    assert demo.store.find(m.Deadline, order_by="id") == before
    assert [d.date for d in before if d.title == "Oppfølgingsmøte"] == [
        dt.date(2023, 2, 27), dt.date(2023, 4, 12), dt.date(2023, 8, 29), dt.date(2023, 12, 11)
    ]
    stored = {d.id: d for d in before}
    assert all(stored[r.deadline_id].source == STEERING_DOCUMENTS[0][1] for r in report.already)


def test_same_date_and_title_in_other_words_is_one_deadline_a_new_row_is_added(archive):
    import_deadlines(archive, OPPDRAGSDOKUMENT, source="Oppdrag A")
    changed = OPPDRAGSDOKUMENT.replace("29. august Oppfølgingsmøte", "30. august OPPFØLGINGSMØTE.")
    report = import_deadlines(archive, changed, source="Oppdrag B")
    assert report.added == 1 and len(report.already) == 10
    assert [(r.row.date, r.status) for r in report.rows if r.status == "added"] == [(dt.date(2023, 8, 30), "added")]
    dates = [d.date for d in deadlines(archive) if d.title.casefold().startswith("oppfølgingsmøte")]
    assert len(dates) == len(set(dates))


def test_cli_reports_the_rows_that_were_there_already(demo_path, tmp_path):
    document = tmp_path / "tildelingsbrev.txt"
    document.write_text(TILDELINGSBREV, encoding="utf-8")
    result = run("import", "deadlines", document, "--db", demo_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert " 0 lagt til, 0 oppdatert, 0 uendret, 20 fantes fra før, 0 avvist" in lines[0]
    assert "fantes fra før (ikke lagt til igjen): 2023-01-13 Regnskapsrapportering per 31. desember 2022" in lines
    again = json.loads(run("import", "deadlines", document, "--db", demo_path, "--json", "--dry-run").stdout)
    assert again["added"] == 0 and again["already"] == 20
    assert {r["status"] for r in again["rows"]} == {"already"}
