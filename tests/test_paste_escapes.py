"""A paste holding escape sequences arrives whole, as one Paste, and types no keys.

Text copied from a terminal or a coloured page carries them («\\x1b[1mNUIT\\x1b[0m»).
Textual's own parser began an escape sequence at the ESC inside the paste, gave up some
30 characters on and sent them as key presses: the words were typed, the line break was
an Enter. Read with the terminal parser the app runs (tui/textual_fixes.py)."""

from __future__ import annotations

import pytest
from textual import events
from textual._xterm_parser import XTermParser

import nuit_tui.tui.app  # noqa: F401 (installs the fix, as the app does)
from nuit_tui.domain.text import clean_text
from nuit_tui.tui.textual_fixes import _PasteFilter

START, END = "\x1b[200~", "\x1b[201~"
COLOURED = "Vedtak:\x1b[1mNUIT\x1b[0m tar saken\r\ntil orientering\x07 (\x1b]8;;https://ehelse.no\x1b\\lenke\x1b]8;;\x1b\\) slutt"
TEXT = "Vedtak:NUIT tar saken\r\ntil orientering\x07 (lenke) slutt"


def read(chunks: list[str]) -> list[events.Event]:
    parser = XTermParser()
    return [token for chunk in chunks for token in parser.feed(chunk)]


def cut(data: str, size: int) -> list[str]:
    return [data[i : i + size] for i in range(0, len(data), size)]


@pytest.mark.parametrize("size", [4096, 1, 2, 3, 5, 7, 13])
def test_a_coloured_paste_is_one_paste_of_its_text_and_no_keys(size):
    tokens = read(cut("a" + START + COLOURED + END + "b", size))
    assert [type(t).__name__ for t in tokens] == ["Key", "Paste", "Key"]
    assert tokens[1].text == TEXT
    assert (tokens[0].key, tokens[2].key) == ("a", "b")
    # And as a field stores it: the bell is out, the line break kept.
    assert clean_text(tokens[1].text) == "Vedtak:NUIT tar saken\ntil orientering (lenke) slutt"


def test_two_pastes_in_one_read_and_keys_between():
    tokens = read([START + "x\x1b[31my" + END + "\r" + START + "z\x1b" + END])
    assert [(type(t).__name__, getattr(t, "text", getattr(t, "key", None))) for t in tokens] == [
        ("Paste", "xy"), ("Key", "enter"), ("Paste", "z"),
    ]


def test_outside_a_paste_everything_passes_as_read():
    paste_filter = _PasteFilter()
    # The Escape key alone, arrows and F-keys, and a plain paste are not touched or held.
    for data in ("\x1b", "\x1b[A", "\x1bOQ", "hei\r", START + "ren tekst\n" + END):
        assert paste_filter(data) == data


def test_the_escape_key_still_arrives_as_escape():
    parser = XTermParser()
    tokens = list(parser.feed("\x1b"))
    parser._timeout_time = 0  # the parser's wait for more of a sequence is over
    tokens += list(parser.tick())
    assert [t.key for t in tokens] == ["escape"]
