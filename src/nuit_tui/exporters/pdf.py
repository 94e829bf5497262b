"""PDF: a Word document of ours laid out again on PDF pages (fpdf2), so that the PDF and
the Word file hold the same headings, paragraphs, lists, tables, header and footer by
construction: the Word renderers are the only place a document's layout is decided.

What is read from the .docx: the page size and margins, the header (a template's text
and logo, our marks) and footer (with its PAGE / NUMPAGES fields, drawn «Side x av y»),
headings, paragraphs with bold and italic runs, bullets and hanging numbers, links, and
tables (widths, header rows repeated, ruled or not, shaded cells, merged columns). Fonts
are not: every text is Liberation Sans (shipped in `fonts/`, SIL OFL), which has æøå,
«», – and §, and is embedded (subset), so the text is extracted as typed.

Several documents can share one `Pages` (the meeting package): each keeps its own header
and footer, and page numbers may run on past pages merged in from elsewhere.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from fpdf import FontFace

from ._pdf_faces import FAMILY, FacesOnFirstUse

EMU_PER_MM = 36000
PT_MM = 0.3528  # one point in millimetres
TOTAL = "{nb}"  # fpdf2's placeholder for the number of pages, filled in when the file is written
A4 = (210.0, 297.0)


def mm(length: Any, default: float) -> float:
    return length / EMU_PER_MM if length is not None else default


# --- what is read from the Word document --------------------------------------------------


@dataclass
class Line:
    """A header or footer paragraph: its text (fields as markers) and look."""

    text: str
    bold: bool = False
    size: float = 9.0
    align: str = "L"
    color: tuple[int, int, int] | None = None
    images: list[tuple[bytes, float, float]] = field(default_factory=list)  # a logo: image, width, height (mm)


@dataclass
class Page:
    """The page a document is laid out on, with its header and footer."""

    width: float = A4[0]
    height: float = A4[1]
    left: float = 25.0
    right: float = 25.0
    top: float = 25.0
    bottom: float = 25.0
    header_distance: float = 12.5
    footer_distance: float = 12.5
    header: list[Line] = field(default_factory=list)
    footer: list[Line] = field(default_factory=list)


PAGE_FIELD, TOTAL_FIELD = "\x00PAGE\x00", "\x00NUMPAGES\x00"


def _field_value(instruction: str, cached: str) -> str:
    word = instruction.split()[0].upper() if instruction.split() else ""
    return {"PAGE": PAGE_FIELD, "NUMPAGES": TOTAL_FIELD, "SECTIONPAGES": TOTAL_FIELD}.get(word, cached)


def _line(p, part) -> Line:
    """A paragraph of a header or footer, its fields (simple or complex) as markers."""
    parts: list[str] = []
    bold = False
    size: float | None = None
    color = None
    instruction: list[str] | None = None  # inside a complex field's instruction
    cached: list[str] | None = None  # inside its result
    for node in p.iter():
        tag = node.tag
        if tag == qn("w:fldSimple"):
            result = "".join(t.text or "" for t in node.iter(qn("w:t")))
            parts.append(_field_value(node.get(qn("w:instr")) or "", result))
            node.set("seen", "1")
        elif tag == qn("w:fldChar"):
            kind = node.get(qn("w:fldCharType"))
            if kind == "begin":
                instruction, cached = [], None
            elif kind == "separate":
                cached = []
            elif kind == "end" and instruction is not None:
                parts.append(_field_value("".join(instruction), "".join(cached or [])))
                instruction, cached = None, None
        elif tag == qn("w:instrText") and instruction is not None and cached is None:
            instruction.append(node.text or "")
        elif tag == qn("w:t") or (tag == qn("w:tab") and node.getparent().tag == qn("w:r")):
            if any(a.get("seen") for a in node.iterancestors(qn("w:fldSimple"))):
                continue
            text = node.text or "" if tag == qn("w:t") else "\t"
            if instruction is not None:
                if cached is not None:
                    cached.append(text)
                continue
            parts.append(text)
        elif tag == qn("w:b") and node.get(qn("w:val")) not in ("0", "false"):
            bold = True
        elif tag == qn("w:sz") and size is None:
            size = int(node.get(qn("w:val")) or 18) / 2
        elif tag == qn("w:color") and color is None and (value := node.get(qn("w:val"))) and len(value) == 6:
            color = (int(value[:2], 16), int(value[2:4], 16), int(value[4:], 16))
    for node in p.iter(qn("w:fldSimple")):
        node.attrib.pop("seen", None)
    jc = p.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    align = {"right": "R", "end": "R", "center": "C"}.get(jc.get(qn("w:val")) if jc is not None else "", "L")
    return Line("".join(parts), bold, size or 9.0, align, color, _images(p, part))


def _images(p, part) -> list[tuple[bytes, float, float]]:
    """The pictures of a header or footer paragraph (a letterhead's logo), at their size."""
    logos = []
    for blip in p.iter(qn("a:blip")):
        rel_id = blip.get(qn("r:embed"))
        holder = next((a for a in blip.iterancestors() if a.tag in (qn("wp:inline"), qn("wp:anchor"))), None)
        extent = holder.find(qn("wp:extent")) if holder is not None else None
        if rel_id not in part.part.related_parts or extent is None:
            continue
        width, height = int(extent.get("cx")) / EMU_PER_MM, int(extent.get("cy")) / EMU_PER_MM
        logos.append((part.part.related_parts[rel_id].blob, width, height))
    return logos


def page_of(document) -> Page:
    section = document.sections[-1]
    width, height = mm(section.page_width, A4[0]), mm(section.page_height, A4[1])
    page = Page(
        width, height, mm(section.left_margin, 25), mm(section.right_margin, 25), mm(section.top_margin, 25),
        mm(section.bottom_margin, 25), mm(section.header_distance, 12.5), mm(section.footer_distance, 12.5),
    )
    # One header and footer for every page: a template's first-page letterhead is shown on
    # each page, as its default one may be empty.
    header = section.first_page_header if section.different_first_page_header_footer else section.header
    footer = section.footer
    for part, lines in ((header, page.header), (footer, page.footer)):
        if not part.is_linked_to_previous:
            # Paragraphs nested in a letterhead's table are read in order, one line each.
            lines += [line for p in part._element.iter(qn("w:p")) if (line := _line(p, part)).text.strip() or line.images]
    return page


# --- the PDF -----------------------------------------------------------------------------


class Pages(FacesOnFirstUse):
    """An fpdf2 document that lays out Word documents one after another."""

    def __init__(self) -> None:
        super().__init__(unit="mm", format=A4)
        self.set_font(FAMILY, size=11)
        self.current = Page()
        self.page_offset = 0  # pages merged in before this point (the package's attachments)
        self.extra_pages = 0  # pages merged in anywhere: added to the total
        self._closing = False
        self._layouts: dict[int, tuple[Page, int]] = {}
        self.str_alias_nb_pages = ""  # only the footer's own total is a placeholder, never typed text
        self.set_creator("")
        self.set_producer("")

    # fpdf2 calls these at the start and end of each page.
    def header(self) -> None:
        layout = self.current
        self._layouts[self.page] = (layout, self.page_offset)
        self.set_margins(layout.left, layout.top, layout.right)
        bottom = self._lines(layout.header, layout.left, layout.header_distance, layout.width - layout.left - layout.right)
        self.set_xy(layout.left, max(layout.top, bottom + 3))

    def footer(self) -> None:
        layout, offset = self._layouts.get(self.page, (self.current, self.page_offset))
        height = sum(line.size * PT_MM * 1.25 * bool(line.text.strip()) + max((h for *_, h in line.images), default=0) for line in layout.footer)
        top = layout.height - layout.footer_distance - height
        self._lines(layout.footer, layout.left, top, layout.width - layout.left - layout.right, offset=offset)

    def _lines(self, lines: list[Line], x: float, y: float, width: float, *, offset: int | None = None) -> float:
        """Header or footer lines from (x, y); a tab splits a line into a left and a right part."""
        self.str_alias_nb_pages = TOTAL
        page = str(self.page + (self.page_offset if offset is None else offset))
        for line in lines:
            y = self._images(line, x, y, width)
            if not line.text.strip():
                continue
            text = line.text.replace(PAGE_FIELD, page).replace(TOTAL_FIELD, TOTAL)
            self.set_font(FAMILY, "B" if line.bold else "", line.size)
            self.set_text_color(*(line.color or (0, 0, 0)))
            height = line.size * PT_MM * 1.25
            parts = text.split("\t")
            if len(parts) > 1:
                self.set_xy(x, y)
                self.cell(width, height, parts[0].strip(), align="L")
                self.set_xy(x, y)
                self.cell(width, height, parts[-1].strip(), align="R")
            else:
                self.set_xy(x, y)
                self.cell(width, height, text.strip(), align=line.align)
            y += height
        self.set_text_color(0, 0, 0)
        self._count_merged_pages()
        self.str_alias_nb_pages = TOTAL if self._closing else ""
        return y

    def _images(self, line: Line, x: float, y: float, width: float) -> float:
        """A paragraph's pictures side by side, placed as the paragraph is aligned; returns the y below them."""
        if not line.images:
            return y
        total = sum(w for _, w, _ in line.images) + 2 * (len(line.images) - 1)
        left = {"R": x + width - total, "C": x + (width - total) / 2}.get(line.align, x)
        for image, w, h in line.images:
            try:
                self.image(io.BytesIO(image), x=left, y=y, w=w, h=h)
            except Exception:  # noqa: BLE001 - a picture fpdf2 cannot read (EMF, WMF) is left out, the text stays
                continue
            left += w + 2
        return y + max(h for *_, h in line.images) + 1

    def _count_merged_pages(self) -> None:
        """The total fpdf2 fills in counts its own pages; pages merged in later count too."""
        for item in self.pages[self.page].get_text_substitutions():
            if getattr(item, "counts_merged", False):
                continue
            original = item.render_text_substitution

            def counting(text: str, original: Any = original) -> str:
                return original(str(int(text) + self.extra_pages))

            setattr(item, "render_text_substitution", counting)  # noqa: B010 - one fragment, not the class
            setattr(item, "counts_merged", True)  # noqa: B010

    def output(self, *args: Any, **kwargs: Any) -> Any:
        if self.page == 0:
            self.add_page()
        self._closing = True  # fpdf2 fills in the placeholders only while the alias is set
        self.str_alias_nb_pages = TOTAL
        return super().output(*args, **kwargs)


# --- the body ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Look:
    """What a paragraph style gives its paragraphs (read once per style: python-docx finds a
    style by a walk over all of them)."""

    name: str
    size: float  # pt
    bold: bool
    italic: bool
    color: tuple[int, int, int] | None
    before: float  # mm
    after: float  # mm
    spacing: Any  # a factor, or a Length for an exact line height
    keep: bool


def _inherited(style, getter) -> Any:
    while style is not None:
        value = getter(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def _look(paragraph: Paragraph, cache: dict[str, _Look]) -> _Look:
    style_id = paragraph._p.style or ""
    if style_id not in cache:
        style = paragraph.style
        color = _inherited(style, lambda s: s.font.color.rgb if s.font.color.type is not None else None)
        cache[style_id] = _Look(
            name=style.name if style is not None else "Normal",
            size=(_inherited(style, lambda s: s.font.size) or 11 * 12700) / 12700,
            bold=bool(_inherited(style, lambda s: s.font.bold)),
            italic=bool(_inherited(style, lambda s: s.font.italic)),
            color=tuple(color) if color is not None else None,
            before=mm(_inherited(style, lambda s: s.paragraph_format.space_before), 0),
            after=mm(_inherited(style, lambda s: s.paragraph_format.space_after), 0),
            spacing=_inherited(style, lambda s: s.paragraph_format.line_spacing),
            keep=bool(_inherited(style, lambda s: s.paragraph_format.keep_with_next)),
        )
    return cache[style_id]


def _paragraph(pdf: Pages, paragraph: Paragraph, cache: dict[str, _Look]) -> None:
    look = _look(paragraph, cache)
    own = paragraph.paragraph_format
    name, size = look.name, look.size
    before = mm(own.space_before, look.before)
    after = mm(own.space_after, look.after)
    spacing = own.line_spacing if own.line_spacing is not None else look.spacing
    keep = own.keep_with_next if own.keep_with_next is not None else look.keep
    rgb = look.color
    line_height = size * PT_MM * 1.2 * (spacing if isinstance(spacing, float) else 1.0)
    runs = list(paragraph.iter_inner_content())
    if not paragraph.text.strip():
        # A spacer: its line height is its whole height.
        pdf.set_y(pdf.get_y() + (spacing / 12700 * PT_MM if spacing is not None and not isinstance(spacing, float) else line_height) + after)
        return
    if (keep or name.startswith("Heading")) and pdf.get_y() + before + 4 * line_height > pdf.page_break_trigger:
        pdf.add_page()  # keep a heading or a lead-in («Vedtak:») with what follows it
    elif pdf.get_y() > pdf.t_margin + 1:
        pdf.set_y(pdf.get_y() + before)
    style_bold, style_italic = look.bold, look.italic
    layout = pdf.current
    indent = mm(paragraph.paragraph_format.left_indent, 0)
    first = mm(paragraph.paragraph_format.first_line_indent, 0)
    bullet = name.startswith("List Bullet")
    if bullet:
        indent, first = max(indent, 6.35), -6.35
    pdf.set_left_margin(layout.left + indent)
    pdf.set_x(layout.left + indent + first)
    pdf.set_text_color(*(rgb or (0, 0, 0)))
    if bullet:
        pdf.set_font(FAMILY, "", size)
        pdf.write(line_height, "•")
        pdf.set_x(layout.left + indent)
    for run in runs:
        if isinstance(run, Hyperlink):
            pdf.set_font(FAMILY, "", size)
            pdf.set_text_color(5, 99, 193)
            pdf.write(line_height, run.text, link=run.address or "")
            pdf.set_text_color(*(rgb or (0, 0, 0)))
            continue
        bold = run.bold if run.bold is not None else style_bold
        italic = run.italic if run.italic is not None else style_italic
        pdf.set_font(FAMILY, ("B" if bold else "") + ("I" if italic else ""), size)
        text = run.text
        if "\t" in text:  # a hanging number's tab: on to the indent
            head, _, tail = text.partition("\t")
            pdf.write(line_height, head)
            pdf.set_x(max(pdf.get_x() + 1.5, layout.left + indent))
            text = tail.replace("\t", " ")
        pdf.write(line_height, text)
    pdf.ln(line_height)
    pdf.set_left_margin(layout.left)
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(pdf.get_y() + after)


def _fill(tc) -> tuple[int, int, int] | None:
    shading = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    value = shading.get(qn("w:fill")) if shading is not None else None
    if not value or len(value) != 6 or value.lower() == "auto":
        return None
    return int(value[:2], 16), int(value[2:4], 16), int(value[4:], 16)


def _table(pdf: Pages, table: Table) -> None:
    widths = [mm(col.w, 30) for col in table._tbl.tblGrid.gridCol_lst]
    if sum(widths) > pdf.epw:  # a template with a narrower page than ours: the table shrinks to fit
        widths = [width * (pdf.epw - 0.01) / sum(widths) for width in widths]
    style = table.style.name if table.style is not None else ""
    ruled = style == "Table Grid" or bool(table._tbl.xpath("./w:tblPr/w:tblBorders"))
    rows = table._tbl.tr_lst
    repeated = sum(1 for tr in rows if tr.xpath("./w:trPr/w:tblHeader"))
    size = 11.0
    pdf.set_font(FAMILY, "", size)
    pdf.set_y(pdf.get_y() + 1)
    with pdf.table(
        col_widths=widths,
        width=sum(widths),
        align="LEFT",
        borders_layout="ALL" if ruled else "NONE",
        first_row_as_headings=repeated > 0,
        num_heading_rows=max(repeated, 1),
        headings_style=FontFace(emphasis="BOLD"),
        line_height=size * PT_MM * 1.2,
        text_align="LEFT",
        padding=(0.8, 1.5),
        v_align="TOP",
    ) as grid:
        for tr in rows:
            row = grid.row()
            for tc in tr.tc_lst:
                cell = _Cell(tc, table)
                text = "\n".join(p.text for p in cell.paragraphs)
                runs = [r for p in cell.paragraphs for r in p.runs if r.text.strip()]
                bold = bool(runs) and all(r.bold for r in runs)
                row.cell(text, colspan=tc.grid_span, style=FontFace(emphasis="BOLD" if bold else None, fill_color=_fill(tc)))
    pdf.set_y(pdf.get_y() + 2)


def add_document(pdf: Pages, document) -> tuple[int, int]:
    """Lay out a Word document from a new page; returns its first and last page (1-based)."""
    pdf.current = page_of(document)
    pdf.set_auto_page_break(True, margin=pdf.current.bottom)
    pdf.add_page(format=(pdf.current.width, pdf.current.height))
    first = pdf.page
    looks: dict[str, _Look] = {}
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            _table(pdf, block)
        else:
            _paragraph(pdf, block, looks)
    return first, pdf.page


def describe(pdf: Pages, document) -> None:
    """The PDF's properties from the Word file's (title, subject, author, language)."""
    props = document.core_properties
    pdf.set_title(props.title or "")
    pdf.set_subject(props.subject or "")
    pdf.set_author(props.author or "")
    pdf.set_lang(props.language or "nb-NO")


def from_docx(data: bytes) -> bytes:
    """The PDF of one Word file of ours, «Side x av y» in its footer as in Word."""
    return from_word(Document(io.BytesIO(data)))


def from_word(document) -> bytes:
    """The PDF of one Word document of ours (python-docx's, written or not)."""
    pdf = Pages()
    describe(pdf, document)
    add_document(pdf, document)
    return bytes(pdf.output())
