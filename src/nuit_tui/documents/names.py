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


# Windows refuses these in a file name, OneDrive and SharePoint too; and names that are
# devices on Windows (CON, NUL, COM1 …) whatever their extension.
_FORBIDDEN = set('<>:"/\\|?*')
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
# A file name well inside Windows' 260 characters of a whole path, and OneDrive's 400.
ATTACHMENT_NAME_MAX = 120


def safe_part(text: str) -> str:
    """Text as part of a file name on Windows and OneDrive: no forbidden or control
    characters (each becomes a space), white space as single spaces."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(" " if c in _FORBIDDEN or not c.isprintable() else c for c in text)
    return " ".join(kept.split())


def extension(file_name: str) -> str:
    """The extension of a stored file's name, lower case and plain («pdf»), "" when none."""
    name = safe_part(file_name)
    stem, dot, ext = name.rpartition(".")
    ext = ext.lower()
    if not dot or not stem or not ext.isascii() or not ext.isalnum() or len(ext) > 10:
        return ""
    return ext


def attachment_file_name(label: str, case_number: str, title: str, ext: str) -> str:
    """«Vedlegg 4A_Sak 17-23_Notat_Oppdrag om indikatorer TB 2023.pdf», as the seed names
    the package's files: safe on Windows and OneDrive (no «/» of «17/23», no «:», no
    trailing dot or space, no device name), the title shortened to fit."""
    parts = [safe_part(label) or "Vedlegg"]
    if case_number.strip():
        parts.append("Sak " + safe_part(case_number.replace("/", "-")))
    head = "_".join(parts)
    suffix = f".{ext}" if ext else ""
    room = ATTACHMENT_NAME_MAX - len(head) - len(suffix) - 1
    title = safe_part(title)[: max(room, 0)].rstrip(" .")
    name = f"{head}_{title}" if title else head
    name = name.rstrip(" .").lstrip(" ~$")  # «~$» starts Office's lock files: OneDrive skips them
    if name.split(".")[0].upper() in _DEVICES:
        name = f"_{name}"
    return f"{name}{suffix}"
