"""`nuit-tui search` and `nuit-tui followups` as a user runs them: JSON, text, one-line errors."""

import datetime as dt
import json

from conftest import run
from nuit_tui.domain import models as m
from nuit_tui.services import Archive


def one_line_error(result):
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stdout == ""
    return lines[0]


def test_search_json_across_bodies_and_years_with_filters(demo_path):
    result = run("search", "sikkerhet", "--json", "--db", demo_path)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["query"] == "sikkerhet" and document["count"] == len(document["results"]) > 2
    assert {hit["body"] for hit in document["results"]} >= {"NUIT", "NEHS"}
    hit = document["results"][0]
    assert set(hit) == {
        "item_id", "meeting_id", "body", "meeting", "date", "case", "title", "field", "snippet", "match_spans", "exempt", "state",
    }
    start, end = hit["match_spans"][0]
    assert hit["snippet"][start:end].lower() == "sikkerhet"

    only = json.loads(run("search", "sikkerhet", "--body", "nehs", "--year", "2021", "--json", "--db", demo_path).stdout)
    assert only["count"] >= 1 and {(h["body"], h["date"][:4]) for h in only["results"]} == {("NEHS", "2021")}
    assert json.loads(run("search", "sikkerhet", "--limit", "1", "--json", "--db", demo_path).stdout)["count"] == 1


def test_search_as_text_marks_the_match(demo_path):
    result = run("search", '"digital samhandling"', "--db", demo_path)
    assert result.returncode == 0, result.stderr
    assert "«digital samhandling»" in result.stdout and "*" not in result.stdout
    none = run("search", "xyzzyq", "--db", demo_path)
    assert none.returncode == 0 and none.stdout == "" and "Ingen treff" in none.stderr


def test_search_errors_are_one_line_with_exit_2(demo_path, tmp_path):
    assert "Fant ikke utvalget" in one_line_error(run("search", "helse", "--body", "XYZ", "--db", demo_path))
    assert "ord" in one_line_error(run("search", "  ", "--db", demo_path))
    assert "årstall" in one_line_error(run("search", "helse", "--year", "tjue", "--db", demo_path))
    assert "finnes ikke" in one_line_error(run("search", "helse", "--db", tmp_path / "none.sqlite"))
    assert not (tmp_path / "none.sqlite").exists()
    one_line_error(run("search", "--db", demo_path))  # no query


def test_a_case_number_typed_into_the_search_finds_that_case(demo_path):
    """«18/23» and «NUIT 8/22» found nothing (the index holds the texts, not the numbers),
    while the hits are labelled by them and the palette offers to search for them."""
    archive = Archive.open(demo_path)
    try:
        (hit,) = archive.search.hits("18/23")
        assert (hit.case, hit.meeting_ref) == ("NUIT 18/23", "2/2023")
        assert [h.case for h in archive.search.hits("nuit 8/22")] == ["NUIT 8/22"]
        assert [h.case for h in archive.search.hits("NUIT  8 / 2022")] == ["NUIT 8/22"]
        assert archive.search.hits("NEHS 18/23") == []  # another body's numbering
        assert archive.search.hits("18/23", year=2022) == []  # the year filter holds
        linked = archive.search.items("8/22")  # the earlier-handlings picker too
        assert [(i.case_seq, i.case_year) for i in linked] == [(8, 2022)]
    finally:
        archive.close()
    result = run("search", "18/23", "--db", demo_path)
    assert result.returncode == 0 and result.stdout.startswith("NUIT 18/23"), result.stderr


def test_an_abbreviation_in_capitals_finds_it_where_a_word_starts(demo_path):
    """`nuit-tui search IKT` listed every «viktig» and «hensikt» of the demo; it lists the items
    where a word starts with IKT, and marks only those letters."""
    archive = Archive.open(demo_path)
    try:
        nuit = archive.members.body("NUIT")
        held = archive.meetings.create(nuit.id, dt.date(2024, 2, 15), dt.time(9), dt.time(15), standard_items=False)
        for title in ("Ny IKT-strategi", "Arbeid med e-helse/IKT (NHN)"):
            archive.agenda.add_item(held.id, m.AgendaItem(meeting_id=held.id, title=title, duration_minutes=20))
    finally:
        archive.close()
    result = run("search", "IKT", "--json", "--db", demo_path)
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["results"]
    assert [hit["title"] for hit in hits] == ["Ny IKT-strategi", "Arbeid med e-helse/IKT (NHN)"]
    assert [[hit["snippet"][a:b] for a, b in hit["match_spans"]] for hit in hits] == [["IKT"], ["IKT"]]
    nhn = [h["snippet"] for h in json.loads(run("search", "NHN", "--json", "--db", demo_path).stdout)["results"]]
    assert nhn[0] == "Arbeid med e-helse/IKT (NHN)" and any("NHNs rolle" in text for text in nhn[1:])  # the demo's «NHNs»


def test_a_pasted_page_that_finds_nothing_is_echoed_shortened(demo_path):
    result = run("search", "xylofonkonsert " * 800, "--db", demo_path)
    assert result.returncode == 0
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Ingen treff på «xylofonkonsert") and line.endswith("…»") and len(line) < 100


def test_followups_json_by_status_around_a_given_day(demo_path):
    archive = Archive.open(demo_path)
    item = archive.agenda.find_item("NUIT 18/23")
    late = archive.follow_ups.add(
        m.FollowUp(item_id=item.id, description="Invitere til gjennomgang", responsible="Direktoratet for e-helse", due_date=dt.date(2023, 6, 30))
    )
    archive.follow_ups.add(m.FollowUp(item_id=item.id, description="Oppdatere planen", responsible="KS"))
    done = archive.follow_ups.add(m.FollowUp(item_id=item.id, description="Sende brev"))
    archive.follow_ups.close(done.id, on=dt.date(2023, 6, 1), note="Sendt")
    archive.close()

    def follow_ups(*args):
        result = run("followups", "--json", "--db", demo_path, *args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    overdue = follow_ups("--status", "overdue", "--today", "1.7.2023")
    assert overdue["today"] == "2023-07-01"
    assert [(f["id"], f["status"], f["overdue"], f["case"], f["body"], f["meeting"]) for f in overdue["follow_ups"]] == [
        (late.id, "overdue", True, "NUIT 18/23", "NUIT", "2/2023")
    ]
    assert follow_ups("--status", "overdue", "--today", "30.6.2023")["count"] == 0
    assert [f["description"] for f in follow_ups("--status", "open", "--today", "30.6.2023")["follow_ups"]] == [
        "Invitere til gjennomgang", "Oppdatere planen",
    ]
    [closed] = follow_ups("--status", "done")["follow_ups"]
    assert (closed["closed_on"], closed["closing_note"], closed["status"]) == ("2023-06-01", "Sendt", "done")
    assert follow_ups("--body", "NEHS")["count"] == 0
    assert [f["responsible"] for f in follow_ups("--responsible", "ks")["follow_ups"]] == ["KS"]

    text = run("followups", "--today", "1.7.2023", "--db", demo_path)
    assert text.returncode == 0
    assert text.stdout.splitlines()[0].startswith("Forfalt  frist 30.06.2023")


def test_followups_errors_are_one_line_with_exit_2(demo_path):
    assert "ugyldig verdi «late» for --status" in one_line_error(run("followups", "--status", "late", "--db", demo_path))
    assert "Fant ikke utvalget" in one_line_error(run("followups", "--body", "XYZ", "--db", demo_path))
    assert "dato" in one_line_error(run("followups", "--today", "i morgen", "--db", demo_path))


def test_every_line_the_search_prints_ends_with_a_newline(demo_path):
    """A reported «…tiltaksoversiktenIngen treff på «Kvan»»: a last hit without a snippet
    (a case number finds the case itself) must still end its line, and so must «Ingen treff»."""
    result = run("search", "NUIT 15/21", "--db", demo_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("tiltaksoversikten\n") and result.stdout.count("\n") == 1, result.stdout
    none = run("search", "Kvan", "--db", demo_path)
    assert none.stderr == "Ingen treff på «Kvan»\n" and none.stdout == ""
    for output in (result.stdout, none.stderr):
        assert all(line.endswith("\n") for line in output.splitlines(keepends=True))
