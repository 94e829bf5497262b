from hypothesis import given
from hypothesis import strategies as st

from nuit_tui.domain.textdiff import Change, text_after, text_before, word_diff


def test_an_amendment_shows_words_added_and_removed():
    proposal = "NUIT drøftet saken og ba Direktoratet for e-helse ta med seg innspill."
    decision = "NUIT drøftet saken og ba Norsk helsenett SF ta med seg innspill fra møtet."
    changes = word_diff(proposal, decision)
    removed = "".join(c.text for c in changes if c.kind == "removed")
    added = "".join(c.text for c in changes if c.kind == "added")
    assert "Direktoratet" in removed and "e-helse" in removed
    assert "Norsk helsenett SF" in added and "møtet." in added
    assert all(c.kind == "same" for c in word_diff(proposal, proposal))


words = st.lists(st.sampled_from(["NUIT", "drøftet", "saken", "og", "ba", "om", "1.", "\n", "vedtak"]), max_size=12)


@given(words, words)
def test_the_diff_gives_both_texts_back(a, b):
    before, after = " ".join(a), " ".join(b)
    changes = word_diff(before, after)
    assert text_before(changes) == before
    assert text_after(changes) == after


def test_a_sentence_added_after_the_proposal_marks_only_the_sentence():
    """The proposal's last word gains a space when a sentence follows it: it was shown struck
    out and added again («Tromsø.» red, «Tromsø. NUIT …» green)."""
    proposal = "NUIT anbefaler at piloten gjennomføres i Ålesund og Tromsø."
    decision = proposal + " NUIT ber om en statusrapport i september."
    assert word_diff(proposal, decision) == [
        Change("same", proposal),
        Change("added", " NUIT ber om en statusrapport i september."),
    ]
    changed = word_diff("Saken tas til orientering.", "Saken tas til etterretning.\n")
    assert [c.kind for c in changed] == ["same", "removed", "added"]
    assert text_after(changed) == "Saken tas til etterretning.\n"
