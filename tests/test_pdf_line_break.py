"""Our PDF line breaker (exporters/_pdf_line_break.py) makes the very lines fpdf2's own
does: same characters in the same fragments, same widths to the last bit, same spaces,
heights and flags — for any text, in any mix of faces and sizes, in any width."""

from __future__ import annotations

from fpdf.enums import Align
from fpdf.line_break import MultiLineBreak
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nuit_tui.exporters._pdf_faces import FAMILY, FacesOnFirstUse
from nuit_tui.exporters._pdf_line_break import FastLineBreak

# Words as the archive holds them, and the characters fpdf2 treats specially.
WORDS = st.sampled_from([
    "Forslag", "til", "vedtak:", "NUIT", "tar", "orienteringen", "til", "etterretning.", "18/23", "e-helse",
    "kjernejournal", "Helse-", "og", "omsorgsdepartementet", "kl.", "09.00", "æøå", "ÆØÅ", "–", "«Vedlegg", "4A»",
    "\u00a0", "\n", "\u200b", "\t", "\u2003", " ", "  ", "Direktoratetforehelsekjernejournalpasientensjournal",
    "😀", "\u0301", "\f",
])
TEXT = st.lists(WORDS, min_size=0, max_size=60).map(" ".join)
RUN = st.tuples(TEXT, st.sampled_from(["", "B", "I", "BI"]), st.sampled_from([8.0, 11.0, 14.0]), st.sampled_from([None, "https://ehelse.no"]))


def lines(breaker_type: type[MultiLineBreak], runs, width: float, first_indent: float, align: Align):
    pdf = FacesOnFirstUse(unit="mm", format="A4")
    pdf.add_page()
    fragments = []
    for text, style, size, link in runs:
        pdf.set_font(FAMILY, style, size)
        for fragment in pdf._preload_font_styles(text, False):
            fragment.link = link
            fragments.append(fragment)
    widths = iter([width, width * 1.5])  # the first line narrower, as `write` from mid-line
    breaker = breaker_type(fragments, lambda _h: next(widths, width * 1.5), (1.0, 1.0), align=align,
                           first_line_indent=first_indent)
    made = []
    for _ in range(10_000):
        line = breaker.get_line()
        if line is None:
            break
        made.append((
            [(f.characters, f.graphics_state.current_font.fontkey, f.font_size_pt, f.link) for f in line.fragments],
            line.text_width, line.number_of_spaces, line.align, line.height, line.max_width,
            line.trailing_nl, line.trailing_form_feed, line.indent,
        ))
    return made, breaker_type is FastLineBreak and getattr(breaker, "_fast", False)


@settings(max_examples=120, deadline=None)  # each example lays its text out twice
@given(st.lists(RUN, min_size=1, max_size=4), st.floats(4.0, 180.0), st.sampled_from([0.0, 6.35]),
       st.sampled_from([Align.L, Align.J]))
@example([("Direktoratetforehelsekjernejournalpasientensjournal " * 3, "B", 14.0, None)], 4.0, 0.0, Align.L)
@example([("Forslag til vedtak: ", "B", 11.0, None), ("NUIT tar orienteringen til etterretning. " * 8, "", 11.0, None)],
         60.0, 6.35, Align.J)
def test_the_fast_line_breaker_makes_fpdf2s_lines(runs, width, first_indent, align):
    try:
        ours, fast = lines(FastLineBreak, runs, width, first_indent, align)
    except Exception as error:  # noqa: BLE001 - the same refusal as fpdf2's, or a failure
        ours, fast = type(error), True
    try:
        theirs, _ = lines(MultiLineBreak, runs, width, first_indent, align)
    except Exception as error:  # noqa: BLE001
        theirs = type(error)
    assert ours == theirs
    assert fast  # the fast path was the one compared


def test_a_package_of_real_text_takes_the_fast_path():
    runs = [("Sak 18/23 Forslag til måleindikatorer for helse- og samhandlingsplanen\n", "B", 14.0, None),
            ("Direktoratet for e-helse foreslår at NUIT slutter seg til forslaget. " * 20, "", 11.0, None)]
    ours, fast = lines(FastLineBreak, runs, 150.0, 0.0, Align.L)
    assert fast and len(ours) > 5
    assert ours == lines(MultiLineBreak, runs, 150.0, 0.0, Align.L)[0]
