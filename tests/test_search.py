"""Search across the archive (issue 6): the FTS5 trigram index, its triggers and migration."""

import datetime as dt

import pytest
import sqlite_utils

from nuit_tui.domain import models as m
from nuit_tui.services import Archive
from nuit_tui.services.search import stopped_note
from nuit_tui.store import open_store, search_query, search_rank
from nuit_tui.store import search as index
from nuit_tui.store.schema import APPLICATION_ID, migrations


def add_item(archive, meeting, title, **fields):
    return archive.agenda.add_item(meeting.id, m.AgendaItem(meeting_id=meeting.id, title=title, duration_minutes=20, **fields))


def meeting(archive, body, day):
    return archive.meetings.create(body.id, day, dt.time(9), dt.time(15), standard_items=False)


@pytest.fixture
def two_bodies(archive):
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    nehs = archive.members.add_body("NEHS", "Nasjonalt e-helsestyre")
    return archive, nuit, nehs


def found(archive, text, **kwargs):
    return [hit.title for hit in archive.search.hits(text, **kwargs)]


def assert_index_right(archive):
    conn = archive.store.conn
    assert index.indexed_rows(conn) == index.expected_rows(conn)
    conn.execute(f"INSERT INTO {index.INDEX}({index.INDEX}) VALUES ('integrity-check')")


def test_words_in_decisions_remarks_and_follow_ups_are_found(two_bodies):
    archive, nuit, _ = two_bodies
    first = meeting(archive, nuit, dt.date(2023, 2, 16))
    decided = add_item(archive, first, "Kjernejournal", proposed_decision="NUIT tar saken til orientering.")
    archive.minutes.set_decision(decided.id, "NUIT slutter seg til anbefalingen om reservasjonsløsning.")
    remarked = add_item(archive, first, "Helsenorge")
    archive.minutes.add_remark(m.Remark(item_id=remarked.id, speaker="KS", text="Ber om bedre forankring i kommunene."))
    followed = add_item(archive, first, "Pasientens legemiddelliste")
    archive.follow_ups.add(m.FollowUp(item_id=followed.id, description="Sende oppdatert innkalling til aktørene", responsible="Direktoratet"))

    [hit] = archive.search.hits("reservasjonsløsning")
    assert (hit.title, hit.field, hit.case) == ("Kjernejournal", "Vedtak", "NUIT 1/23")
    assert "\x02reservasjonsløsning\x03" in hit.snippet
    assert hit.marked("[", "]").count("[reservasjonsløsning]") == 1
    start, end = hit.spans[0]
    assert hit.snippet_text[start:end] == "reservasjonsløsning"

    [hit] = archive.search.hits("forankring")
    assert (hit.title, hit.field) == ("Helsenorge", "Innspill")
    assert hit.snippet_text.startswith("KS: Ber om bedre forankring")

    [hit] = archive.search.hits("oppdatert innkalling")
    assert (hit.title, hit.field) == ("Pasientens legemiddelliste", "Oppfølging")

    # The proposal and the adopted decision are both kept, and both found.
    assert found(archive, "orientering") == ["Kjernejournal"]
    assert archive.search.hits("orientering")[0].field == "Forslag til vedtak"


def test_a_part_of_a_compound_finds_the_word_in_any_case(two_bodies):
    archive, nuit, nehs = two_bodies
    add_item(archive, meeting(archive, nehs, dt.date(2023, 6, 8)), "Innspill fra Styremøtet i mars")
    add_item(archive, meeting(archive, nuit, dt.date(2023, 5, 25)), "Sikkerhetsarbeid", background="Om informasjonssikkerhet.")
    assert found(archive, "møte") == ["Innspill fra Styremøtet i mars"]
    assert found(archive, "Møte") == found(archive, "STYREMØTE") == ["Innspill fra Styremøtet i mars"]
    assert found(archive, "MØTE") == []  # three to five capitals: an abbreviation, at a word's start only
    assert found(archive, "styre") == ["Innspill fra Styremøtet i mars"]
    assert found(archive, "sikkerhet") == ["Sikkerhetsarbeid"]  # title and inside "informasjonssikkerhet"


def test_å_and_a_and_æ_and_a_are_kept_apart(two_bodies):
    archive, nuit, _ = two_bodies
    first = meeting(archive, nuit, dt.date(2023, 2, 16))
    add_item(archive, first, "Plan for neste år", background="Tiltaket må være klart.")
    add_item(archive, first, "Arbeid med varer", background="Status ar 2 og vare nummer 9.")
    # Short words (one or two letters) go by the start of a word, not by the index.
    assert found(archive, "år") == ["Plan for neste år"]
    assert found(archive, "ÅR") == ["Plan for neste år"]
    assert found(archive, "ar") == ["Arbeid med varer"]
    # Three letters and more go by the trigram index, which folds case but not diacritics.
    assert found(archive, "være") == ["Plan for neste år"]
    assert found(archive, "vare") == ["Arbeid med varer"]
    assert found(archive, "neste år") == ["Plan for neste år"]
    assert found(archive, "åpen") == found(archive, "apen") == []


def test_prefixes_and_phrases(two_bodies):
    archive, nuit, _ = two_bodies
    first = meeting(archive, nuit, dt.date(2023, 2, 16))
    add_item(archive, first, "Program digital samhandling")
    add_item(archive, first, "Samhandling som er digital")
    assert sorted(found(archive, "samhand")) == sorted(found(archive, "samhand*")) == ["Program digital samhandling", "Samhandling som er digital"]
    assert found(archive, '"digital samhandling"') == ["Program digital samhandling"]
    assert found(archive, "«digital samhandling»") == ["Program digital samhandling"]
    assert sorted(found(archive, "digital samhandling")) == ["Program digital samhandling", "Samhandling som er digital"]
    # Query syntax is only text: no FTS5 errors from what a person types.
    for text in ['"', "e-helse", "NOT AND OR", "(a", "tittel:x", "*", "år*"]:
        archive.search.hits(text)


def test_ranked_best_first_and_newest_first_among_equals(two_bodies):
    archive, nuit, nehs = two_bodies
    old = meeting(archive, nuit, dt.date(2021, 5, 20))
    new = meeting(archive, nuit, dt.date(2023, 5, 25))
    other = meeting(archive, nehs, dt.date(2022, 6, 8))
    add_item(archive, old, "Eventuelt", background="Kjernejournal for alle.")
    add_item(archive, new, "Eventuelt", background="Kjernejournal for alle.")
    add_item(archive, other, "Kjernejournal", background="Lang bakgrunn om noe helt annet, " * 5)
    hits = archive.search.hits("kjernejournal")
    assert [(h.title, h.body, h.meeting_ref) for h in hits] == [
        ("Kjernejournal", "NEHS", "1/2022"),  # in the title: best
        ("Eventuelt", "NUIT", "1/2023"),  # two equal hits: the newer first
        ("Eventuelt", "NUIT", "1/2021"),
    ]
    assert [h.meeting_date.year for h in archive.search.hits("kjernejournal", body_id=nuit.id)] == [2023, 2021]
    assert [h.body for h in archive.search.hits("kjernejournal", year=2022)] == ["NEHS"]


def test_equal_hits_of_one_meeting_come_in_agenda_order(two_bodies):
    archive, nuit, _ = two_bodies
    held = meeting(archive, nuit, dt.date(2023, 5, 25))
    first = add_item(archive, held, "Orientering", background="Kjernejournal i kommunene.")
    second = add_item(archive, held, "Drøfting", background="Kjernejournal i sykehusene.")
    assert second.position > first.position
    # The index is walked newest row first (the second item); the hits are in agenda order.
    assert [h.title for h in archive.search.hits("kjernejournal")] == ["Orientering", "Drøfting"]


def test_the_limit_is_kept_in_sql_for_words_and_for_short_words(two_bodies):
    archive, nuit, _ = two_bodies
    first = meeting(archive, nuit, dt.date(2023, 2, 16))
    for n in range(30):
        add_item(archive, first, f"Sak om IT nummer {n}")
    assert len(archive.search.hits("nummer", limit=7)) == 7
    assert len(archive.search.hits("IT", limit=7)) == 7
    assert len(archive.search.hits("IT nummer", limit=100)) == 30


def test_the_index_follows_edits_and_deletes(two_bodies):
    archive, nuit, _ = two_bodies
    first = meeting(archive, nuit, dt.date(2023, 2, 16))
    later = meeting(archive, nuit, dt.date(2024, 2, 15))
    item = add_item(archive, first, "Kjernejournal")
    remark = archive.minutes.add_remark(m.Remark(item_id=item.id, speaker="FFO", text="Viktig for pasientene"))
    follow_up = archive.follow_ups.add(m.FollowUp(item_id=item.id, description="Utrede reservasjon"))
    assert_index_right(archive)

    item = archive.agenda.update_item(item.model_copy(update={"title": "Pasientjournal"}))
    assert found(archive, "kjernejournal") == [] and found(archive, "pasientjournal") == ["Pasientjournal"]
    archive.minutes.set_decision(item.id, "Vedtatt med endringer")
    assert found(archive, "endringer") == ["Pasientjournal"]
    remark = archive.minutes.update_remark(remark.model_copy(update={"text": "Viktig for brukerne"}))
    assert found(archive, "pasientene") == [] and found(archive, "brukerne") == ["Pasientjournal"]
    archive.follow_ups.close(follow_up.id, on=dt.date(2023, 4, 1), note="Notat sendt departementet")
    assert found(archive, "departementet") == ["Pasientjournal"]
    assert_index_right(archive)

    # A move to another meeting needs no re-indexing: the year filter follows it.
    archive.agenda.move_item_to_meeting(item.id, later.id)
    assert found(archive, "pasientjournal", year=2024) == ["Pasientjournal"]
    archive.minutes.delete_remark(remark.id)
    assert found(archive, "brukerne") == []
    assert_index_right(archive)

    # Deleting the item takes its remarks (a cascade) and its row in the index.
    archive.minutes.add_remark(m.Remark(item_id=item.id, text="Et nytt innspill"))
    archive.agenda.delete_item(item.id)
    assert found(archive, "innspill") == found(archive, "pasientjournal") == []
    assert_index_right(archive)

    # So does deleting a whole meeting.
    gone = add_item(archive, first, "Siste sak")
    archive.minutes.add_remark(m.Remark(item_id=gone.id, text="Siste innspill"))
    archive.store.delete(m.Meeting, first.id)
    assert found(archive, "siste") == []
    assert_index_right(archive)


def test_breaks_are_not_indexed(two_bodies):
    archive, nuit, _ = two_bodies
    first = meeting(archive, nuit, dt.date(2023, 2, 16))
    archive.agenda.add_item(first.id, m.AgendaItem(meeting_id=first.id, kind=m.EntryKind.BREAK, title="Lunsj", duration_minutes=30))
    assert found(archive, "lunsj") == []
    assert_index_right(archive)


def test_the_demo_archive_is_indexed(demo):
    assert_index_right(demo)
    assert {h.body for h in demo.search.hits("sikkerhet")} >= {"NUIT", "NEHS"}


def test_an_archive_from_before_search_is_indexed_by_the_migration(tmp_path):
    path = tmp_path / "old.sqlite"
    old = sqlite_utils.Database(path)
    old.execute("PRAGMA journal_mode=WAL")
    migrations.apply(old, stop_before="0006_search")
    old.execute(f"PRAGMA application_id={APPLICATION_ID}")
    old["bodies"].insert({"short_name": "NUIT", "name": "Prioriteringsutvalget"})
    old["meetings"].insert(
        {"body_id": 1, "year": 2023, "number": 1, "date": "2023-02-16", "start_time": "09:00:00", "end_time": "16:00:00"}
    )
    old["agenda_items"].insert({"meeting_id": 1, "title": "Styremøtet", "decision": "Vedtatt som foreslått", "case_year": 2023, "case_seq": 1})
    old["remarks"].insert({"item_id": 1, "speaker": "KS", "text": "Kommunene må med"})
    old["follow_ups"].insert({"item_id": 1, "description": "Invitere til gjennomgang"})
    old.close()

    archive = Archive.open(path)
    assert "0006_search" not in archive.store.report.applied
    assert_index_right(archive)
    assert found(archive, "møte") == found(archive, "kommunene") == found(archive, "gjennomgang") == ["Styremøtet"]
    archive.close()


def test_a_later_table_rebuild_drops_the_triggers_and_opening_puts_them_back(tmp_path, monkeypatch):
    from nuit_tui.store.schema import migrations

    path = tmp_path / "nuit.sqlite"
    archive = Archive.open(path)
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    item = add_item(archive, meeting(archive, body, dt.date(2023, 2, 16)), "Kjernejournal")
    archive.minutes.add_remark(m.Remark(item_id=item.id, text="Første innspill"))
    archive.close()

    # What a later migration may do: sqlite-utils' transform() rebuilds the table
    # and its triggers are gone; edits made then are not in the index.
    def rebuild(db) -> None:
        db["agenda_items"].transform(types={"title": str})
        db["remarks"].transform(types={"text": str})
        assert set(index.missing_triggers(db.conn)) >= {"search_item_insert", "search_remark_update"}
        db.execute("UPDATE agenda_items SET title = 'Pasientjournal' WHERE id = ?", [item.id])

    monkeypatch.setattr(migrations, "_steps", [*migrations._steps, ("9001_rebuild", rebuild, False)])
    monkeypatch.setattr(migrations, "_made", None)

    archive = Archive.open(path)  # migrates (the rebuilt tables are then the expected schema)
    assert index.missing_triggers(archive.store.conn) == []
    assert_index_right(archive)
    assert found(archive, "pasientjournal") == ["Pasientjournal"] and found(archive, "kjernejournal") == []
    archive.minutes.add_remark(m.Remark(item_id=item.id, text="Andre innspill"))
    assert found(archive, "andre innspill") == ["Pasientjournal"]
    assert_index_right(archive)
    archive.close()


def test_opening_an_indexed_archive_changes_nothing(tmp_path):
    path = tmp_path / "nuit.sqlite"
    open_store(path).close()
    store = open_store(path)
    assert index.ensure(store.conn) is False
    store.close()


def test_the_picker_of_earlier_handlings_uses_search_and_keeps_case_references(demo):
    current = demo.agenda.find_item("NUIT 25/23")
    cited = demo.agenda.find_item("NUIT 8/22")
    assert demo.agenda.candidates_for_linking("NUIT 8/22", item_id=current.id) == [cited]
    # A word of the decision, not of the title, finds it now.
    words = [i.id for i in demo.agenda.candidates_for_linking("sikkerhet", item_id=current.id)]
    assert cited.id in words and current.id not in words


@pytest.mark.parametrize("version, expected", [("3.33.0", False), ("3.34.0", True), ("3.40.1", True)])
def test_trigram_needs_sqlite_3_34(version, expected):
    assert index.trigram_available(version) is expected


def test_without_trigram_words_are_found_by_prefix(tmp_path, monkeypatch):
    monkeypatch.setattr(index, "trigram_available", lambda *a: False)
    archive = Archive.open(tmp_path / "old-sqlite.sqlite")
    body = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    add_item(archive, meeting(archive, body, dt.date(2023, 2, 16)), "Sikkerhet for neste år")
    assert not index.is_trigram(archive.store.conn)
    assert found(archive, "sikker") == found(archive, "år") == ["Sikkerhet for neste år"]
    assert found(archive, "ar") == []
    archive.close()


def test_a_json_import_is_indexed_once_with_its_triggers_in_place(demo, tmp_path):
    from nuit_tui.services.transfer import export_json, import_json

    copy = Archive.open(tmp_path / "copy.sqlite")
    import_json(copy, export_json(demo))
    assert index.missing_triggers(copy.store.conn) == []
    assert_index_right(copy)
    assert [h.item_id for h in copy.search.hits("sikkerhet")] == [h.item_id for h in demo.search.hits("sikkerhet")]
    item = copy.agenda.find_item("NUIT 18/23")
    copy.agenda.update_item(item.model_copy(update={"title": "Ny tittel om kvantedatamaskiner"}))
    assert [h.case for h in copy.search.hits("kvantedatamaskiner")] == ["NUIT 18/23"]
    copy.close()


def test_one_letter_reads_titles_newest_first_and_is_left_out_beside_longer_words(two_bodies):
    archive, nuit, _ = two_bodies
    old = meeting(archive, nuit, dt.date(2022, 2, 17))
    new = meeting(archive, nuit, dt.date(2023, 2, 16))
    add_item(archive, old, "Status for journal")
    add_item(archive, new, "Strategi", background="Sikkerhet i journal")
    assert found(archive, "s") == ["Strategi", "Status for journal"]
    assert found(archive, "journal s") == found(archive, "journal")
    [hit] = archive.search.hits("s", year=2022)
    assert hit.marked("[", "]") == "[S]tatus for journal"


def test_one_letter_finds_a_word_start_after_any_mark_and_in_either_case_never_inside_a_word(two_bodies):
    archive, nuit, _ = two_bodies
    held = meeting(archive, nuit, dt.date(2023, 2, 16))
    for title in ("Oppfølging (e-helse)", "«Evaluering» av tiltak", "Tre år/Ettervirkning", "Status", "Helse og EØS", "Pris"):
        add_item(archive, held, title)
    assert found(archive, "e") == ["Oppfølging (e-helse)", "«Evaluering» av tiltak", "Tre år/Ettervirkning", "Helse og EØS"]
    assert found(archive, "E", limit=2) == ["Oppfølging (e-helse)", "«Evaluering» av tiltak"]
    assert found(archive, "ø") == []  # «Oppfølging» and «EØS» hold it, no word starts with it
    assert found(archive, "[") == found(archive, "*") == []
    assert [h.marked("[", "]") for h in archive.search.hits("p")] == ["[P]ris"]


def test_one_letter_looks_at_the_newest_titles_only(two_bodies, monkeypatch):
    archive, nuit, _ = two_bodies
    old = meeting(archive, nuit, dt.date(2022, 2, 17))
    new = meeting(archive, nuit, dt.date(2023, 2, 16))
    add_item(archive, old, "Xylofon i gammel sak")
    for title in ("Status", "Pris"):
        add_item(archive, new, title)
    assert found(archive, "x") == ["Xylofon i gammel sak"]
    monkeypatch.setattr(search_query, "TITLE_SCAN_ITEMS", 2)  # the two newest items: «Status» and «Pris»
    assert found(archive, "x") == [] and found(archive, "p") == ["Pris"]
    assert found(archive, "xy") == ["Xylofon i gammel sak"]  # two letters search the whole index


def test_an_abbreviation_in_capitals_is_found_where_a_word_starts_never_inside_one(demo):
    """«IKT» found every «viktig», «innsikt» and «hensikt» of the demo: a secretary typing
    it means the abbreviation, wherever a word starts with it, after a space or a mark."""
    assert found(demo, "ikt")  # the letters, inside words: «viktig», «oversikten»
    assert found(demo, "IKT") == []
    nuit = demo.members.body("NUIT")
    held = meeting(demo, nuit, dt.date(2024, 2, 15))
    for title, background in (
        ("Ny IKT-strategi", ""),
        ("Arbeidsgruppe", "Status for arbeidet (IKT) i kommunene."),
        ("Samarbeid", "Ansvaret for e-helse/IKT er delt."),
        ("Sitat", "Han sa «IKT» og mente det."),
        ("Viktige saker", "Det viktigste er oversikten."),
    ):
        add_item(demo, held, title, background=background)
    assert found(demo, "IKT") == ["Ny IKT-strategi", "Arbeidsgruppe", "Samarbeid", "Sitat"]
    marked = [hit.marked("[", "]") for hit in demo.search.hits("IKT")]
    assert marked == ["Ny [IKT]-strategi", "Status for arbeidet ([IKT]) i kommunene.", "Ansvaret for e-helse/[IKT] er delt.",
                      "Han sa «[IKT]» og mente det."]
    assert found(demo, "IKT strategi") == ["Ny IKT-strategi"]
    assert found(demo, "IKT viktig") == []
    # In lower case the letters go on matching inside words, as every word does.
    assert {"Ny IKT-strategi", "Viktige saker"} <= set(found(demo, "ikt", limit=500))
    assert found(demo, '"IKT"') == found(demo, "ikt")  # a phrase is matched as written


@pytest.mark.parametrize(
    "word, expected",
    [("IKT", True), ("NHN", True), ("HDIR", True), ("EØS", True), ("HELFO", True), ("ikt", False), ("Ikt", False),
     ("KS", False), ("HELSENORGE", False), ("E18", False), ("IKT-strategi", False)],
)
def test_what_is_an_abbreviation(word, expected):
    assert search_query.is_abbreviation(word) is expected


def test_an_abbreviation_reads_a_bounded_number_of_matches(two_bodies, monkeypatch):
    """Its letters inside many newer words: pages of matches are read until a window's
    worth start a word, and never more than WORD_START_SCAN of them."""
    archive, nuit, _ = two_bodies
    held = meeting(archive, nuit, dt.date(2023, 2, 16))
    add_item(archive, held, "Ny IKT-strategi")
    for n in range(12):
        add_item(archive, held, f"Viktig sak {n}")
    monkeypatch.setattr(search_query, "RANKED_MATCHES", 2)
    monkeypatch.setattr(search_query, "WORD_START_PAGE", 3)
    assert found(archive, "IKT") == ["Ny IKT-strategi"]  # 2, then pages of 3: all 13 read
    assert archive.search.hits("IKT").stopped_after == 0  # read to the end: nothing unsaid
    monkeypatch.setattr(search_query, "WORD_START_SCAN", 8)
    assert found(archive, "IKT") == []  # the 8 newest matches read: all «Viktig sak»
    # ... and the user is told, rather than shown «Ingen treff» as if there were none.
    hits = archive.search.hits("IKT")
    assert hits == [] and hits.stopped_after == 8
    note = stopped_note("IKT", hits.stopped_after)
    assert "de nyeste 8 sakene med bokstavene «IKT» inne i ord" in note and "et ord til, et utvalg eller et år" in note
    assert stopped_note("IKT", 0) == ""


def test_every_mark_before_a_word_is_a_word_start():
    starts = search_query.word_start_regex("ikt")
    for mark in " (/«\"'-[{“‘–—.,;:+&*_<=>|\\!?§#@%»”’)•…·\u00a0":
        assert starts.search(f"x{mark}IKT"), mark
    for before in "vVæÆøØåÅéüß0":
        assert not starts.search(f"{before}IKT"), before
    # The rank's test on folded UTF-8 agrees (it counts and marks what the window shows).
    needles = search_rank.Needles([], ["IKT"])
    for mark in " (/«\"'-–…·\u00a0":
        [low] = search_rank.raise_word_starts([f"x{mark}IKT".encode().lower()], needles)
        assert low.endswith(b"IKT"), mark
    for before in "væÆøé0":
        [low] = search_rank.raise_word_starts([f"{before}IKT".encode().translate(search_rank._UTF8_FOLD)], needles)
        assert low.endswith(b"ikt"), before
