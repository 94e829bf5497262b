"""Search ranks a bounded window of the newest matches: the cost follows the screen, not the archive."""

from nuit_tui.store import search as search_store


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
