"""The årshjul as secretariats draw it: a circle of twelve month sectors with
the year's meetings and deadlines placed at their dates. Pure: entries in, SVG
bytes out. Square, so it fits an A4 page and a slide alike."""

from __future__ import annotations

import datetime as dt
import math
from xml.sax.saxutils import escape as _xml_escape

from ..documents.wheel import WheelDocument
from ..domain.norwegian import MONTHS
from ..domain.openness import PUBLIC_VERSION
from ..domain.text import clean_text

SIZE = 1200
CENTER = (SIZE / 2, SIZE / 2 + 30)
R_OUTER = 540  # month ring, outer edge
R_MONTHS = 470  # month ring, inner edge
R_MARK = 455  # where an entry's dot sits
R_TEXT_OUT = 440  # labels run inwards from here …
R_TEXT_IN = 150  # … to here at most
LABEL_GAP_DEG = 3.6  # labels closer than this are spread apart
FONT = "Calibri, Carlito, 'Segoe UI', Arial, sans-serif"
EXEMPT_COLOR = "#c00000"
SECTOR_FILLS = ("#e8f0f7", "#f7f2e8")
KIND_STYLE = {
    "meeting": ('fill="#1f4e79" font-weight="bold"', "#1f4e79", 7),
    "deadline": ('fill="#333333"', "#c55a11", 5),
    "derived": ('fill="#666666" font-style="italic"', "#7f7f7f", 4),
}


def escape(text: str) -> str:
    """Archive text as SVG text: &, < and > as entities, control characters (not
    allowed in XML) dropped. Every label and title passes here."""
    return _xml_escape(clean_text(text), {'"': "&quot;"})


def _angle(day: dt.date) -> float:
    """Degrees clockwise from twelve o'clock: January starts at the top."""
    start = dt.date(day.year, 1, 1)
    days = (dt.date(day.year + 1, 1, 1) - start).days
    return 360 * ((day - start).days + 0.5) / days


def _month_start(year: int, month: int) -> float:
    days = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
    return 360 * (dt.date(year, month, 1) - dt.date(year, 1, 1)).days / days


def _point(angle: float, radius: float) -> tuple[float, float]:
    rad = math.radians(angle - 90)
    return CENTER[0] + radius * math.cos(rad), CENTER[1] + radius * math.sin(rad)


def _spread(angles: list[float]) -> list[float]:
    """Push labels apart so that neighbours keep LABEL_GAP_DEG between them."""
    placed: list[float] = []
    for angle in angles:
        if placed and angle - placed[-1] < LABEL_GAP_DEG:
            angle = placed[-1] + LABEL_GAP_DEG
        placed.append(angle)
    overflow = placed[-1] - 359.5 if placed else 0
    if overflow > 0:  # too many at the end of the year: shift the crowd back
        placed = [a - overflow for a in placed]
    return placed


def _label(text: str, max_chars: int = 40) -> str:
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


def render(doc: WheelDocument) -> bytes:
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" height="{SIZE}" '
        f'font-family="{FONT}">',
        f"<title>{escape(doc.title)}</title>",
        f'<rect width="{SIZE}" height="{SIZE}" fill="white"/>',
        f'<text x="{SIZE / 2}" y="48" text-anchor="middle" font-size="36" font-weight="bold">{escape(doc.title)}</text>',
    ]
    if doc.marking:  # who may read it: «Offentlig versjon», or «Unntatt offentlighet» when it shows exempt dates
        color = EXEMPT_COLOR if doc.marking != PUBLIC_VERSION else "#333333"
        out.append(f'<text x="{SIZE / 2}" y="80" text-anchor="middle" font-size="20" fill="{color}">{escape(doc.marking)}</text>')
    for month in range(12):
        start = _month_start(doc.year, month + 1)
        end = _month_start(doc.year, month + 2) if month < 11 else 360.0
        out.append(_sector(start, end, R_OUTER, 0, SECTOR_FILLS[month % 2]))
        out.append(_sector(start, end, R_OUTER, R_MONTHS, "#1f4e79" if month % 2 else "#2e75b6"))
        middle = (start + end) / 2
        x, y = _point(middle, (R_OUTER + R_MONTHS) / 2)
        rotation = middle if middle <= 90 or middle >= 270 else middle - 180
        out.append(
            f'<text x="{x:.1f}" y="{y:.1f}" transform="rotate({rotation:.1f} {x:.1f} {y:.1f})" text-anchor="middle" '
            f'dominant-baseline="central" font-size="26" fill="white" font-weight="bold">{MONTHS[month].capitalize()}</text>'
        )
    out.append(f'<circle cx="{CENTER[0]}" cy="{CENTER[1]}" r="{R_TEXT_IN - 20}" fill="white" stroke="#1f4e79" stroke-width="2"/>')
    out.append(
        f'<text x="{CENTER[0]}" y="{CENTER[1]}" text-anchor="middle" dominant-baseline="central" font-size="64" '
        f'font-weight="bold" fill="#1f4e79">{doc.year}</text>'
    )
    entries = sorted(doc.entries, key=lambda e: (e.date, e.kind != "meeting", e.label))
    label_angles = _spread([_angle(e.date) for e in entries])
    for entry, label_angle in zip(entries, label_angles, strict=True):
        text_style, dot_color, dot_r = KIND_STYLE.get(entry.kind, KIND_STYLE["deadline"])
        if entry.exempt:  # its label says so in words; the colour is for the eye
            text_style = f'fill="{EXEMPT_COLOR}"'
        mark_angle = _angle(entry.date)
        mx, my = _point(mark_angle, R_MARK)
        out.append(f'<circle cx="{mx:.1f}" cy="{my:.1f}" r="{dot_r}" fill="{dot_color}"/>')
        lx, ly = _point(label_angle, R_TEXT_OUT)
        if abs(label_angle - mark_angle) > 0.5:
            out.append(f'<line x1="{mx:.1f}" y1="{my:.1f}" x2="{lx:.1f}" y2="{ly:.1f}" stroke="#bbbbbb" stroke-width="1"/>')
        # Text runs along the radius, inwards; on the left half it is turned so it never stands upside down.
        if label_angle <= 180:
            rotation, anchor = label_angle - 90, "end"
        else:
            rotation, anchor = label_angle + 90, "start"
        text = f"{entry.date.day}.{entry.date.month} {_label(entry.label)}"
        out.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" transform="rotate({rotation:.1f} {lx:.1f} {ly:.1f})" text-anchor="{anchor}" '
            f'dominant-baseline="central" font-size="15" {text_style}>{escape(text)}</text>'
        )
    out.append(_legend())
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _sector(start: float, end: float, r_out: float, r_in: float, fill: str) -> str:
    large = 1 if end - start > 180 else 0
    x1, y1 = _point(start, r_out)
    x2, y2 = _point(end, r_out)
    if r_in <= 0:
        path = f"M {CENTER[0]:.1f} {CENTER[1]:.1f} L {x1:.1f} {y1:.1f} A {r_out} {r_out} 0 {large} 1 {x2:.1f} {y2:.1f} Z"
    else:
        x3, y3 = _point(end, r_in)
        x4, y4 = _point(start, r_in)
        path = (
            f"M {x1:.1f} {y1:.1f} A {r_out} {r_out} 0 {large} 1 {x2:.1f} {y2:.1f} "
            f"L {x3:.1f} {y3:.1f} A {r_in} {r_in} 0 {large} 0 {x4:.1f} {y4:.1f} Z"
        )
    return f'<path d="{path}" fill="{fill}" stroke="white" stroke-width="2"/>'


def _legend() -> str:
    y = SIZE - 24
    items = [("meeting", "Møte"), ("deadline", "Frist"), ("derived", "Avledet frist")]
    parts = []
    x = 40
    for kind, text in items:
        _, color, radius = KIND_STYLE[kind]
        parts.append(f'<circle cx="{x}" cy="{y}" r="{radius + 1}" fill="{color}"/>')
        parts.append(f'<text x="{x + 14}" y="{y}" dominant-baseline="central" font-size="18">{text}</text>')
        x += 180
    return "\n".join(parts)
