"""The one input rule for stored text: text is data, never control.

Every way into the archive (TUI fields and paste, JSON import, deadline import, CLI
options, the models themselves) passes text through `clean_text`, and exporters use it
again for what an older archive may hold. Line breaks are kept (as ``\\n``), tabs kept;
every other C0/C1 control character, DEL and lone surrogates are removed, because
they break Word and XML files and can steer a terminal (ESC sequences).
"""

from __future__ import annotations

import re

# C0 controls except TAB (\x09) and LF (\x0a); DEL; C1 controls; lone surrogates; and
# U+FFFE/U+FFFF, which are not characters at all (XML, and so Word, refuses them too).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """`text` without control characters; CR and CRLF become LF."""
    if text.isprintable():  # the common case: nothing to do (no newline, no control)
        return text
    return _CONTROL.sub("", _NEWLINES.sub("\n", text))


def is_clean(text: str) -> bool:
    """True when `clean_text` would leave `text` as it is."""
    return clean_text(text) == text


def shortened(text: str, width: int = 60) -> str:
    """`text` on one line, cut to about `width` characters with «…» (a pasted page echoed
    back in a message is noise)."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"
