"""Reading what is imported, within stated limits: every importer reads through here.

A file is read whole into memory to be parsed, so its size is bounded, and it is read
no further than the bound (`/dev/zero` stops at the limit, not at MemoryError). A JSON
document's nesting is bounded too, checked before it is parsed (a deeply nested
document would otherwise end in RecursionError).

The limits (stated in the README):
- JSON archive (`import json`): 1 GiB and 64 levels. The export nests 3 levels; years
  of meetings are tens of MB, so the room is for the attachment files a later version
  embeds as base64. The document is held in memory while it is read (about four times
  its size at the peak), which is why the bound is not higher.
- Text documents (`import deadlines`, a steering document as text): 16 MiB; a
  tildelingsbrev is about 100 kB.
- Meeting documents (`import notice|minutes`: .docx, .pdf, .txt): 64 MiB; a notice with
  its pictures is a few MB, a scanned and OCR'd PDF of a long meeting some tens.
"""

from __future__ import annotations

import itertools
import os
import stat
from array import array
from pathlib import Path

from ..domain.norwegian import ParseError

KiB, MiB, GiB = 1024, 1024**2, 1024**3
JSON_MAX_BYTES = 1 * GiB
JSON_MAX_DEPTH = 64
TEXT_MAX_BYTES = 16 * MiB
DOCUMENT_MAX_BYTES = 64 * MiB
CHUNK = 1 * MiB


class InputRefused(ParseError):
    """The input is too large, too deep, missing or not a file; nothing was imported."""


def size_text(size: int) -> str:
    """«1 GiB», «16 MiB», «512 kB»: a limit as the README states it."""
    for unit, name in ((GiB, "GiB"), (MiB, "MiB"), (KiB, "kB")):
        if size >= unit:
            value = size / unit
            return f"{value:.0f} {name}" if value == int(value) else f"{value:.1f} {name}".replace(".", ",")
    return f"{size} byte"


def read_bounded(path: Path, limit: int) -> bytearray:
    """The file's bytes, refused (InputRefused) when there are more than `limit`: a regular
    file by its size before anything is read, a pipe or a device after `limit` + 1 bytes."""
    path = Path(path)
    try:
        handle = open(path, "rb", buffering=0)  # noqa: SIM115 (closed below); unbuffered: no read-ahead past the limit
    except FileNotFoundError:
        raise InputRefused(f"{path} finnes ikke") from None
    except IsADirectoryError:
        raise InputRefused(f"{path} er en mappe, ikke en fil") from None
    except OSError as exc:
        raise InputRefused(f"{path} kan ikke leses: {exc.strerror or exc}") from None
    too_large = InputRefused(f"{path} er større enn grensen på {size_text(limit)}; ingenting ble importert")
    with handle:
        try:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise too_large
            data = bytearray()
            while len(data) <= limit:
                chunk = handle.read(min(CHUNK, limit + 1 - len(data)))
                if not chunk:
                    break
                data += chunk
        except OSError as exc:
            raise InputRefused(f"{path} kan ikke leses: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise too_large
    return data


# Every byte but brackets and quotes is dropped before the brackets are counted.
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
# Opening brackets step one level in (1), closing ones out (0xff, read as -1).
_STEPS = bytes.maketrans(b"[]{}", b"\x01\xff\x01\xff")


def json_depth(data: bytes | bytearray | str) -> int:
    """How deep the document nests (`[]` and `{}`), without parsing it, in C-speed steps
    (a GiB takes seconds): escaped backslashes and quotes go first (pairs from the left,
    as JSON reads them), then everything but brackets and quotes; what lies between
    quotes is string content; the brackets left are counted."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    outside_strings = data.translate(None, _NOT_STRUCTURE).split(b'"')[::2]
    steps = array("b", b"".join(outside_strings).translate(_STEPS))
    return max(itertools.accumulate(steps), default=0)


def check_json_depth(data: bytes | bytearray | str, limit: int = JSON_MAX_DEPTH) -> None:
    depth = json_depth(data)
    if depth > limit:
        raise InputRefused(f"Dokumentet er nestet {depth} nivåer dypt; grensen er {limit}; ingenting ble importert")
