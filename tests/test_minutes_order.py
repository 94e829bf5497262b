"""The minutes read as the seed's: remarks as sentences, narrative before and after the
bullets where the secretary put them, follow-ups listed, deferrals naming their meeting."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nuit_tui.domain import models as m
from nuit_tui.domain.minutes_text import remark_sentence, split_narrative
from nuit_tui.exporters import minutes_docx, minutes_html, minutes_markdown
from nuit_tui.services.minutes import build_minutes

# --- the remark's sentence (domain) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "text", "bullet"),
    [
        ("KS", "spurte om fristen", "KS spurte om fristen"),
        ("Legeforeningen", "uttrykte bekymring for finansieringen", "Legeforeningen uttrykte bekymring for finansieringen"),
        # The seed's own bullets that name the speaker in a sentence of their own.
        (
            "Helse Nord RHF",
            "Som svar til Helse Sør-Øst RHF kommenterte Helse Nord RHF at behovene er der.",
            "Som svar til Helse Sør-Øst RHF kommenterte Helse Nord RHF at behovene er der.",
        ),
        (
            "FHI",
            "På spørsmål fra Direktoratet for e-helse om det er andre utvalg så spilte FHI inn at …",
            "På spørsmål fra Direktoratet for e-helse om det er andre utvalg så spilte FHI inn at …",
        ),
        ("Helse Nord RHF", "Helse Nord RHF mener det er gitt tydelige signaler.", "Helse Nord RHF mener det er gitt tydelige signaler."),
        # A sentence of its own that does not name the speaker keeps who said it.
        ("KS", "Det er viktig med tillit.", "KS: Det er viktig med tillit."),
        # "KS" inside another word is not the speaker named.
        ("KS", "KSL-rapporten må leses.", "KS: KSL-rapporten må leses."),
        ("", "Det kom ingen innspill.", "Det kom ingen innspill."),
        # A speaker without words is no bullet (a bare «- KS»); the minutes check names it.
        ("Helsedirektoratet", "", ""),
        ("Helsedirektoratet", " \n ", ""),
        ("  Helse  Vest RHF ", " mente  at\nalt er bra ", "Helse Vest RHF mente at alt er bra"),
    ],
)
def test_a_remark_reads_as_one_sentence_with_the_speaker_as_its_subject_when_the_text_continues_it(speaker, text, bullet):
    assert remark_sentence(speaker, text) == bullet


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=20), st.text(max_size=60))
def test_a_remark_sentence_never_loses_the_speaker_or_the_words(speaker, text):
    bullet = remark_sentence(speaker, text)
    assert " ".join(text.split()) in bullet
    if text.strip():  # with no words, no bullet: a speaker alone is not printed
        assert " ".join(speaker.split()).casefold() in bullet.casefold()
    else:
        assert bullet == ""


def test_the_narrative_is_cut_at_its_innspill_line():
    assert split_narrative("Innledet.\n\n[innspill]\n\nSvarte.") == ("Innledet.", "Svarte.")
    assert split_narrative("Innledet.\n  [ Innspill ]  \nSvarte.\n[INNSPILL]\nMer.") == ("Innledet.", "Svarte.\n\nMer.")
    assert split_narrative("Bare før.") == ("Bare før.", "")
    # Only a line of its own is the marker: the words in a sentence are not.
    assert split_narrative("Se [innspill] under.") == ("Se [innspill] under.", "")


# --- the minutes ----------------------------------------------------------------------------


@pytest.fixture
def meeting(demo):
    return demo.meetings.find("NUIT", "1/2023")


def markdown(demo, meeting_id, public=False) -> str:
    return minutes_markdown.render(build_minutes(demo, meeting_id, public=public)).decode()


def test_answers_after_the_bullets_come_after_them_in_every_format(demo, meeting):
    doc = build_minutes(demo, meeting.id, public=False)
    item = {i.case_number: i for i in doc.items}["4/23"]
    assert item.narrative.endswith("realisering av veikart for Helsenorge.")
    assert item.narrative_after.startswith("Norsk helsenett SF slo fast")
    question, answer = "Helse Nord RHF ga skryt", "Norsk helsenett SF slo fast"
    text = markdown(demo, meeting.id)
    assert text.index(question) < text.index(answer) < text.index("Aktørene i sektoren")
    assert "[innspill]" not in text
    html = minutes_html.render(doc).decode()
    assert html.index(question) < html.index(answer) and "[innspill]" not in html
    paragraphs = [p.text for p in docx.Document(io.BytesIO(minutes_docx.render(doc))).paragraphs]
    first = [next(i for i, t in enumerate(paragraphs) if t.startswith(words)) for words in (question, answer)]
    assert first[0] < first[1]
    assert not any("[innspill]" in p for p in paragraphs)


def test_the_seeds_bullets_that_name_their_speaker_are_not_prefixed(demo, meeting):
    text = markdown(demo, meeting.id)
    assert "- Som svar til Helse Sør-Øst RHF kommenterte Helse Nord RHF" in text
    assert "- På spørsmål fra Direktoratet for e-helse" in text
    assert "Helse Nord RHF Som svar" not in text and "FHI På spørsmål" not in text


def test_a_narrative_typed_with_the_marker_in_the_app_is_split(demo):
    item = demo.agenda.find_item("NUIT 16/23")
    demo.minutes.add_remark(m.Remark(item_id=item.id, speaker="KS", text="spurte om fristen."))
    demo.agenda.update_item(item.model_copy(update={"narrative": "Saken ble lagt frem.\n[innspill]\nDirektoratet svarte."}))
    text = markdown(demo, item.meeting_id)
    section = text[text.index("## 16/23") :]
    assert section.index("Saken ble lagt frem.") < section.index("- KS spurte om fristen.") < section.index("Direktoratet svarte.")


def test_the_minutes_list_each_items_follow_ups_what_who_and_by_when(demo, meeting):
    item = demo.agenda.find_item("NUIT 12/23")
    demo.follow_ups.add(
        m.FollowUp(item_id=item.id, description="Sende ut oppdatert innkalling", responsible="Direktoratet for e-helse", due_date=dt.date(2023, 3, 1))
    )
    nhn = next(o for o in demo.members.organizations() if o.name == "Norsk helsenett SF")
    demo.follow_ups.add(m.FollowUp(item_id=item.id, description="Svare Legeforeningen", responsible_organization_id=nhn.id))
    doc = build_minutes(demo, meeting.id, public=False)
    assert {i.case_number: i for i in doc.items}["12/23"].follow_ups == (
        "Sende ut oppdatert innkalling (ansvarlig: Direktoratet for e-helse, frist 1. mars 2023)",
        "Svare Legeforeningen (ansvarlig: Norsk helsenett SF)",
    )
    text = markdown(demo, meeting.id)
    assert "**Oppfølging:**\n\n- Sende ut oppdatert innkalling (ansvarlig: Direktoratet for e-helse, frist 1. mars 2023)\n" in text
    paragraphs = [p.text for p in docx.Document(io.BytesIO(minutes_docx.render(doc))).paragraphs]
    assert "Svare Legeforeningen (ansvarlig: Norsk helsenett SF)" in paragraphs
    assert "Sende ut oppdatert innkalling" in minutes_html.render(doc).decode()
    # An exempt item's follow-ups stay out of the public minutes.
    demo.agenda.update_item(demo.agenda.item(item.id).model_copy(update={"exempt": True}))
    assert "Sende ut oppdatert" not in markdown(demo, meeting.id, public=True)


def test_a_deferred_item_says_which_meeting_it_went_to(demo):
    nuit = demo.members.body("NUIT")
    later = demo.meetings.create(nuit.id, dt.date(2023, 9, 14), dt.time(9), dt.time(15), location="Teams")
    item = demo.agenda.find_item("NUIT 23/23")
    demo.minutes.defer_item(item.id, later.id)
    text = markdown(demo, item.meeting_id)
    assert f"\nSaken ble utsatt til møte {later.ref}.\n" in text and later.ref == "3/2023"
    # Deferred with no later meeting yet: the next meeting.
    other = demo.agenda.find_item("NUIT 24/23")
    demo.agenda.update_item(other.model_copy(update={"state": m.ItemState.DEFERRED, "decision": ""}))
    section = markdown(demo, item.meeting_id)
    section = section[section.index("## 24/23") :]
    assert "\nSaken ble utsatt til neste møte.\n" in section
