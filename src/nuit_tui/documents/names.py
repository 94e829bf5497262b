"""The file names documents are written under: safe parts only, never a path."""

from __future__ import annotations

import unicodedata

SLUG_MAX = 40


def slug(text: str, fallback: str = "utvalg") -> str:
    """A body's short name as part of a file name: letters (æøå too), digits and «-», nothing
    else, so that no name («../x», «/tmp/x/P», «.skjult») can steer a file out of its folder
    or hide it. «NUIT» stays «NUIT»; «E-helse styre» becomes «E-helse-styre»."""
    kept = "".join(c if c.isalpha() or c in "0123456789-" else " " for c in unicodedata.normalize("NFC", text))
    joined = "-".join(kept.split())
    while "--" in joined:
        joined = joined.replace("--", "-")
    return joined.strip("-")[:SLUG_MAX].strip("-") or fallback


def file_name(body_short_name: str, meeting_ref: str, kind: str, *, public: bool, fmt: str) -> str:
    """"NUIT-2023-2-innkalling.docx", with "-offentlig" for the public version."""
    number, year = meeting_ref.split("/")
    suffix = "-offentlig" if public else ""
    return f"{slug(body_short_name)}-{year}-{number}-{kind}{suffix}.{fmt}"
