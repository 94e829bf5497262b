"""How long reading a 12-item minutes document takes: the seed's minutes 1/2023 (demo/seeds),
as text and as the project's own Word export of it, read into a ReadDocument.

    python bench/import_read.py [--repeat N]

Prints one JSON line: {"text_ms": [...], "docx_ms": [...], "first_ms": …, "items": 12,
"maxrss_mb": …}. The first text read is cold (the readers' modules and regexes load with
it): that is the figure bench/run.py compares with its target (≤ 1 s).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from importlib import resources


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    text = resources.files("nuit_tui.demo").joinpath("seeds", "nuit-2023-moete1-referat.txt").read_text(encoding="utf-8")
    began = time.perf_counter()
    from nuit_tui.importers.read_document import read_document, read_text_as

    document = read_text_as(text, "minutes")
    first_ms = (time.perf_counter() - began) * 1000
    items = sum(1 for item in document.meetings[0].items if item.kind == "item")
    text_ms = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        read_text_as(text, "minutes")
        text_ms.append((time.perf_counter() - began) * 1000)
    docx_bytes = _docx(text)
    docx_ms = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        read_document(docx_bytes, "minutes", name="referat.docx")
        docx_ms.append((time.perf_counter() - began) * 1000)
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"first_ms": first_ms, "text_ms": text_ms, "docx_ms": docx_ms, "items": items, "maxrss_mb": maxrss}))


def _docx(text: str) -> bytes:
    """The minutes as a plain Word file: a paragraph per line of the text."""
    import io

    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


if __name__ == "__main__":
    main()
