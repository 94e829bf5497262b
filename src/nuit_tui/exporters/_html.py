"""What every HTML page of nuit-tui shares: the skeleton, the stylesheet, tables
and the way free text becomes paragraphs and lists.

A page is standalone HTML5, printable as it is, and also well-formed XML (void
elements closed, only XML's own entities), so it can be checked, and read by
XML tools, as it is.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..domain.text import clean_text
from ._text import blocks


def escape(text: str) -> str:
    """Archive text as HTML text or an attribute value: &, <, > and both quotes as
    entities, control characters (not allowed in XML) dropped. Every page's text passes here."""
    return html.escape(clean_text(text), quote=True)

_CSS_HEAD = """
@page { size: A4; margin: 2.5cm; }
body { font-family: Calibri, Carlito, "Segoe UI", Arial, sans-serif; font-size: 11pt;
       line-height: 1.35; color: #111; max-width: 16cm; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 0.6em; }
h2 { font-size: 13pt; margin: 1.6em 0 0.3em; break-after: avoid; }
h3 { font-size: 11pt; margin: 1em 0 0.2em; break-after: avoid; }
p { margin: 0 0 0.5em; }
ul { margin: 0 0 0.5em; padding-left: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; }
th, td { text-align: left; vertical-align: top; padding: 0.2em 0.5em; }
"""

_CSS_TAIL = """table.header th { width: 7em; }
tr { break-inside: avoid; }
td.time { white-space: nowrap; }
.type { font-style: italic; }
.label { font-weight: bold; margin-top: 0.8em; }
.exempt { font-style: italic; }
"""

_CSS_PRINT = """@media print { body { margin: 0; max-width: none; padding: 0; } a { color: inherit; } }
"""


def stylesheet(ruled: Sequence[str], extra: str = "") -> str:
    """The shared CSS; the tables of the classes in `ruled` get borders and a shaded head."""
    cells = ", ".join(f"table.{name} th, table.{name} td" for name in ruled)
    heads = ", ".join(f"table.{name} th" for name in ruled)
    rules = f"{cells} {{ border: 1px solid #777; }}\n{heads} {{ background: #eee; }}\n" if ruled else ""
    return _CSS_HEAD + rules + _CSS_TAIL + extra + _CSS_PRINT


def page(title: str, css: str, body: Sequence[str]) -> bytes:
    lines = [
        "<!DOCTYPE html>",
        '<html lang="nb">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{escape(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def text(value: str) -> list[str]:
    """Free text as paragraphs; its "- " lines as one list per run of bullets."""
    html: list[str] = []
    bullets: list[str] = []
    for block in blocks(value):
        if block.bullet:
            bullets.append(f"<li>{escape(block.text)}</li>")
            continue
        if bullets:
            html += ["<ul>", *bullets, "</ul>"]
            bullets = []
        html.append(f"<p>{escape(block.text)}</p>")
    if bullets:
        html += ["<ul>", *bullets, "</ul>"]
    return html


def row(cells: Sequence[str], *, tag: str = "td", classes: tuple[str, ...] = ()) -> str:
    parts = []
    for i, cell in enumerate(cells):
        css = f' class="{classes[i]}"' if i < len(classes) and classes[i] else ""
        parts.append(f"<{tag}{css}>{escape(cell)}</{tag}>")
    return "<tr>" + "".join(parts) + "</tr>"


def columns(*percent: int) -> str:
    return "<colgroup>" + "".join(f'<col style="width: {p}%"/>' for p in percent) + "</colgroup>"


def grid_table(
    css_class: str,
    labels: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    *,
    classes: tuple[str, ...] = (),
) -> list[str]:
    """A ruled table with a head row; the class names its borders in `stylesheet`."""
    return [
        f'<table class="{css_class}">',
        columns(*widths),
        "<thead>" + row(labels, tag="th") + "</thead>",
        "<tbody>",
        *(row(cells, classes=classes) for cells in rows),
        "</tbody>",
        "</table>",
    ]


def label_table(css_class: str, entries: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """A block of "label | lines" rows, the lines separated by line breaks."""
    html = [f'<table class="{css_class}">', "<tbody>"]
    for label, lines in entries:
        html.append(f"<tr><th>{escape(label)}</th><td>{'<br/>'.join(escape(line) for line in lines)}</td></tr>")
    return [*html, "</tbody>", "</table>"]
