"""Search ranks a bounded window of the newest matches: the cost follows the screen, not the archive."""

from nuit_tui.store import search_query as search_store


def test_the_item_named_for_the_words_comes_first(demo):
    hits = demo.search.hits("digital sikkerhet")
    assert demo.agenda.case_label(demo.agenda.item(hits[0].item_id), with_body=True) == "NUIT 25/23"
    assert hits[0].rank == 1.0


def test_only_the_newest_matches_are_ranked(demo, monkeypatch):
    everything = {hit.item_id for hit in demo.search.hits("NUIT", limit=500)}
    monkeypatch.setattr(search_store, "RANKED_MATCHES", 3)
    window = [hit.item_id for hit in demo.search.hits("NUIT", limit=500)]
    assert len(window) == 3
    assert sorted(window) == sorted(everything)[-3:]  # the three newest rowids


def test_a_body_filter_gets_a_full_window_of_its_own_matches(demo, monkeypatch):
    """The filter applies while the newest matches are walked, not after: NEHS' few
    matches are found even when every one of the newest matches is NUIT's."""
    nehs = demo.members.body("NEHS")
    own = {hit.item_id for hit in demo.search.hits("helse", body_id=nehs.id, limit=500)}
    newest = sorted(hit.item_id for hit in demo.search.hits("helse", limit=500))[-3:]
    assert len(own) == 3 and not own & set(newest)
    monkeypatch.setattr(search_store, "RANKED_MATCHES", 3)
    assert {hit.item_id for hit in demo.search.hits("helse", body_id=nehs.id, limit=500)} == own


def test_a_day_of_autosaves_leaves_the_index_in_few_segments(demo):
    """Each commit adds an index segment; a search looks in every one. Merged as they come."""

    def segments() -> int:
        return demo.store.conn.execute("SELECT count(DISTINCT segid) FROM search_index_idx").fetchone()[0]

    item = demo.agenda.find_item("18/23", body_short_name="NUIT")
    for n in range(60):  # a remark saved twice a second for half a minute
        item = demo.agenda.update_item(item.model_copy(update={"narrative": f"Referatet så langt, versjon {n}"}))
    assert segments() <= 2
    assert [hit.item_id for hit in demo.search.hits("versjon 59")] == [item.id]


def test_matches_are_marked_where_fts5_highlight_marks_them():
    """The window's texts are marked in Python (store/search_rank.py), not by a second
    MATCH with highlight(): the marks must land where highlight() puts them."""
    import sqlite3

    from nuit_tui.store import search_rank

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='trigram')")
    texts = [
        " Helse helse HELSE e-helse", " kommunal sektor kommunalsektor", " Ærlig ærlig ÆRLIG – «Øvre» Åsen",
        " år året Året", " abcabc", " groß GROSS İstanbul istanbul",
    ]
    conn.executemany("INSERT INTO t(rowid, a) VALUES (?, ?)", list(enumerate(texts)))
    queries = [["helse"], ["kommunal", "sektor"], ["munal s", "kommunal"], ["ærl"], ["øvre", "åse"], [" år"], ["abc"],
               ["gro"], ["ist"], ["e-h"]]
    checked = 0
    for words in queries:
        needles = search_rank.Needles(words)
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        for rowid, marked in conn.execute("SELECT rowid, highlight(t, 0, char(2), char(3)) FROM t WHERE t MATCH ?", [match]):
            text = texts[rowid]
            folded = search_rank.fold(text)
            assert search_rank.mark(text, folded, needles.like(folded)) == marked, (words, text)
            checked += 1
    assert checked >= len(queries)


def test_the_window_is_counted_undecoded_as_folded_text_counts_it():
    """The window's texts are counted as UTF-8 bytes folded by a byte table (search_rank):
    the counts must be those of str.count on the texts folded as str, for Latin-1
    letters in any case, beside characters that are not Latin-1 (whose UTF-8 bytes the
    table also changes), and for a needle beyond Latin-1 (counted on decoded text)."""
    from nuit_tui.store import search_rank

    rows = [
        [" Ærlig ÆRLIG ærlig – «Øvre» Åsen", " år ÅR – “år” …", " Helse HELSE e-helse"],
        [" Łódź łódź ŁÓDŹ", " ×÷ Ææ Øø Åå ÿ ß", " İstanbul istanbul"],
        ["", " kommunal  sektor kommunal sektor", " – — ‘’ “” … ‰ €"],
    ]
    queries = [["ærl"], [" år"], ["helse", "e-h"], ["øvre", "åse"], ["łódź"], ["æø", "øå"], ["ist"], ["kommunal sektor"],
               ["å", "ø"], ["€"]]
    weights = [4.0, 1.0, 2.0]
    for words in queries:
        needles = search_rank.Needles(words)
        got = search_rank.score_window([[text.encode("utf-8") for text in row] for row in rows], needles, weights)
        for row, (score, matched) in zip(rows, got, strict=True):
            counts = [sum(search_rank._fold_str(text).count(word) for word in needles.text) for text in row]
            assert score == sum(w * c for w, c in zip(weights, counts, strict=True)), (words, row)
            assert matched == sum(1 << n for n, c in enumerate(counts) if c), (words, row)


def test_text_that_is_not_utf_8_in_an_altered_file_is_found_and_shown_not_a_failure(demo):
    """The window's texts are read as bytes: bytes another program wrote that are not
    UTF-8 show as U+FFFD in the snippet; the search neither fails nor loses the hit."""
    item = demo.agenda.find_item("18/23", body_short_name="NUIT")
    demo.store.conn.execute(
        "UPDATE agenda_items SET narrative = CAST(x'7a7970686f6e6f6d6574657220ff20736c7574742e' AS TEXT) WHERE id = ?",
        [item.id],
    )
    (hit,) = demo.search.hits("zyphonometer")
    assert hit.item_id == item.id and hit.snippet_text == "zyphonometer \ufffd slutt."
    from nuit_tui.store import search_rank  # a needle beyond Latin-1 is counted on decoded text

    assert search_rank.score_window([[b"\xff \xc5\x81\xc3\xb3d\xc5\xba"]], search_rank.Needles(["łódź"]), [1.0]) == [(1.0, 1)]


def test_a_snippet_is_cut_from_the_stored_text_around_its_first_match(demo):
    """Snippets are cut from the stored bytes before they are decoded or marked
    (search_rank.snippet): each must be a piece of its field's text with the words
    between, about SNIPPET_CHARS long, its marks on the query's words and in pairs,
    with «…» exactly where text was left out."""
    from nuit_tui.services.search import FIELD_LABELS, SNIPPET_CHARS

    column_of = {label: name for name, label in FIELD_LABELS.items()}
    checked = 0
    for query in ("helse", "digital sikkerhet", "e-helse", "kjernejournal", "Direktoratet for", "om", "år"):
        words = [w.lower() for w in query.split()]
        for hit in demo.search.hits(query):
            column = column_of[hit.field]
            (stored,) = demo.store.conn.execute(f"SELECT {column} FROM search_index WHERE rowid = ?", [hit.item_id]).fetchone()
            full = " ".join(stored.split())
            text = hit.snippet_text
            plain = text.removeprefix("…").removesuffix("…")
            assert plain in full and len(plain) <= SNIPPET_CHARS + 20, (query, text)
            assert text.startswith("…") != full.startswith(plain), (query, text)
            assert text.endswith("…") != full.endswith(plain), (query, text)
            assert hit.snippet.count("\x02") == hit.snippet.count("\x03") >= 1
            for start, end in hit.spans:
                marked = text[start:end].lower()
                assert any(w in marked for w in words) and not marked[0].isspace(), (query, text, marked)
            checked += 1
    assert checked > 100


def test_a_snippet_ends_between_words_and_finishes_a_match_it_would_cut():
    from nuit_tui.store import search_rank

    def cut(text: str, words: list[str], size: int) -> str:
        needles = search_rank.Needles(words)
        raw = text.encode()
        (folded,) = search_rank.fold_window([[raw]], needles)
        return search_rank.snippet(raw, folded, needles.utf8, size)

    text = " Nytt organisasjonskart for direktoratet og helseforetakene i regionen"
    assert cut(text, ["nytt"], 8) == "\x02Nytt\x03…"  # no space within reach after: the one before
    assert cut(text, ["organisasjonskart"], 10) == "…\x02organisasjonskart\x03…"  # the match is finished
    assert cut(text, ["regionen"], 20) == "…i \x02regionen\x03"
    assert cut(" Året og året", [" år"], 80) == "\x02År\x03et og \x02år\x03et"  # a two-letter word: marked from the word
    # A long word right before the first match: the cut starts inside it, and that match
    # (with the space it is found by) is marked too, beside another word's.
    long = " Innledning " + "x" * 40 + " Informasjonssikkerhetsarbeidsgruppeleder år etter år med helse"
    assert cut(long, [" år", "helse"], 80) == "…kkerhetsarbeidsgruppeleder \x02år\x03 etter \x02år\x03 med \x02helse\x03"


def test_a_hit_reads_its_columns_in_the_order_of_its_fields():
    """`IndexHit` is made from the query's row by position: the columns it selects must
    come in the order of its fields (the body's name, the snippet and the rank after)."""
    from nuit_tui.store.search_query import _HIT_COLUMNS, IndexHit

    names = [column.split(" AS ")[-1].split(".")[-1].strip() for column in _HIT_COLUMNS.split(",")]
    assert tuple(names) == IndexHit._fields[: len(names)]
    assert IndexHit._fields[len(names):] == ("body", "field", "snippet", "rank")


def test_a_mark_character_in_stored_text_is_not_shown_as_a_match(demo):
    """Another program may write the control characters the snippet marks with; only the
    query's words are marked."""
    item = demo.agenda.find_item("18/23", body_short_name="NUIT")
    demo.store.conn.execute(
        "UPDATE agenda_items SET narrative = ? WHERE id = ?", ["Innledning \x02merke\x03 om zorblax slutt", item.id]
    )
    (hit,) = demo.search.hits("zorblax")
    assert hit.marked("[", "]") == "Innledning merke om [zorblax] slutt"
