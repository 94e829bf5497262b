"""The demo's minutes of NUIT 1/2023 read as the seed's, item by item, word for word.

`data/seed-nuit-1-2023-referat-saker.txt` is the item part of the seed's minutes
(lines 462–880 of seeds/nuit-2023-moete2-innkalling-og-moete1-referat.txt, verbatim:
PDF-extracted, its lines wrapped and hyphenated as the page broke them).
"""

from __future__ import annotations

import re
from pathlib import Path

from nuit_tui.exporters import minutes_markdown
from nuit_tui.services.minutes import build_minutes

SEED = Path(__file__).parent / "data" / "seed-nuit-1-2023-referat-saker.txt"
CASE = re.compile(r"^\s*(\d+/23) ")


def normalised(text: str) -> str:
    """Whitespace as one space, bullets as "-", and no space after a hyphen (the PDF
    broke «Sør-\\nØst» and «e-\\nhelse» at the line's end)."""
    text = text.replace("•", "-")
    text = " ".join(text.split())
    return re.sub(r"- ", "-", text)


def seed_sections() -> dict[str, str]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in SEED.read_text(encoding="utf-8").splitlines()[1:]:  # past "Sak Tema"
        if (found := CASE.match(line)) is not None:
            current = found[1]
            sections[current] = []
        if current is not None:
            sections[current].append(line)
    return {case: normalised("\n".join(lines)) for case, lines in sections.items()}


def markdown_sections(text: str) -> dict[str, str]:
    """The Markdown's item sections ("## 4/23 …" to the next), as plain text."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("## "):
            found = re.match(r"## (\d+/23) ", line)
            current = found[1] if found else None
            if current:
                sections[current] = [line[3:]]
            continue
        if current is not None:
            sections[current].append(line)
    plain = {}
    for case, lines in sections.items():
        body = "\n".join(lines).replace("**", "")
        body = re.sub(r"\\(.)", r"\1", body)  # Markdown escapes
        plain[case] = normalised(body)
    return plain


def test_the_demo_minutes_item_sections_are_the_seeds_word_for_word(demo):
    meeting = demo.meetings.find("NUIT", "1/2023")
    text = minutes_markdown.render(build_minutes(demo, meeting.id, public=False)).decode()
    generated, seed = markdown_sections(text), seed_sections()
    assert list(generated) == list(seed) == [f"{n}/23" for n in range(1, 13)]
    for case, expected in seed.items():
        assert generated[case] == expected, case
