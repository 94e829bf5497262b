"""The import screen's parts: a part described field by field with its merge status,
where it stands in the source, and the form that corrects what was read of an item."""

from __future__ import annotations

from textual.app import ComposeResult

from ...domain.enums import ItemType
from ...domain.labels import field_label, value_label
from ...domain.norwegian import ParseError, clock
from ...domain.openness import exemption_text
from ..widgets.fields import Input
from ..widgets.form import FormScreen, labelled
from ..widgets.text_field import TextArea

MERGE = {"new": "ny", "same": "lik", "fills_in": "fyller inn", "conflict": "KONFLIKT"}


def _fields(fields) -> list[str]:
    lines = []
    for f in fields:
        name = field_label(f.name)
        if f.merge == "conflict":
            read, archive = value_label(f.name, f.read), value_label(f.name, f.archive)
            lines += [f"{name}: KONFLIKT", f"  dokumentet: {read}", f"  arkivet:    {archive}  (beholdes)"]
        else:
            lines.append(f"{name}: {MERGE[f.merge]}")
    return lines


def describe(part, plan=None) -> str:
    """What was read of one part, and how each field merges (plain text, shown literally)."""
    read = part.read
    lines = [f"Fletting: {MERGE[part.merge]}", ""]
    if hasattr(read, "attendance"):  # a meeting
        times = f"kl. {clock(read.start) if read.start else '?'}–{clock(read.end) if read.end else '?'}"
        lines += [f"Møte {read.number} · {read.date:%d.%m.%Y} · {times} · {read.location or ''}"]
        lines += _fields(part.fields)
        if plan is not None:
            lines += ["", *[f"Rettet: «{r.original}» → «{r.repaired}» ({r.where})" for r in plan.document.repairs]]
            lines += [f"Advarsel: {w}" for w in plan.warnings]
    elif hasattr(read, "remarks"):  # an item
        lines += [f"Sak {read.case or '–'}: {read.title}", f"Type: {read.type or '–'}"]
        if read.exempt:
            lines.append(exemption_text(read.exempt_basis))
        for label, text in (("Beskrivelse", read.description), ("Forslag til vedtak", read.proposed_decision), ("Referat", read.narrative)):
            if text:
                lines += ["", f"{label}:", text]
        for remark in part.remarks:
            lines.append(f"  • {remark.read.speaker} {remark.read.text}  [{MERGE[remark.merge]}]")
            if remark.merge == "conflict":
                lines.append(f"    arkivet: {remark.read.speaker} {remark.archive}  (beholdes)")
        if read.narrative_after:
            lines += ["", read.narrative_after]
        if read.decision:
            lines += ["", "Vedtak:", read.decision]
        lines += ["", *_fields(part.fields)]
    elif hasattr(read, "substitute_for"):  # an attendance line
        statuses = {"present": "til stede", "absent_with_notice": "ikke til stede (meldt forfall)", "absent_without_notice": "ikke til stede"}
        lines += [f"{read.name}, {read.organization or '–'}", f"{statuses[read.status]}{' · video' if read.remote else ''}"]
        if read.arrived:
            lines.append(f"fra kl. {read.arrived:%H.%M}")
        if read.left:
            lines.append(f"til kl. {read.left:%H.%M}")
        if read.substitute_for:
            lines.append(f"stedfortreder for {read.substitute_for}")
        lines += ["", *_fields(part.fields)]
    else:  # a cover note
        lines += [f"Toppnotat sak {read.case}: {read.title}", ""]
        lines += _fields(part.fields)
        for link in part.links:
            where = "i arkivet" if link.earlier_item_id is not None else "ikke i arkivet (tekst)"
            lines.append(f"  tidligere: {link.read.case} – {link.read.theme} [{where}, {MERGE[link.merge]}]")
    return "\n".join(lines)


def source_line(part, lines: list[str], places) -> int | None:
    """The index in the source's `lines` where the part stands: an item at its heading, any
    part at its case number, else its title or name, within the lines the document was read
    from (`places`: a file may hold a notice before the minutes)."""
    from ...services.import_files import find_line

    read = part.read
    if hasattr(read, "attendance"):  # a meeting: its header
        return max(0, places.first - 1)
    needles = [getattr(read, "title", None), getattr(read, "name", None)]
    return find_line(lines, places, getattr(read, "case", None) or None, [n for n in needles if n])


class _Prose(TextArea):
    """A proposal or decision: several lines in view (a numbered decision showed only its
    first line, in a field one row high), wrapped; Tab leaves the field."""

    DEFAULT_CSS = "_Prose { height: 6; }"

    def __init__(self, text: str, **kwargs):
        super().__init__(text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus", **kwargs)


class CorrectItemScreen(FormScreen[dict | None]):
    """Correct what was read of an item before it is written (Ctrl+S keeps the correction)."""

    TITLE = "Rett det som ble lest"

    def __init__(self, read) -> None:
        super().__init__()
        self.read = read
        self.form_title = f"Rett sak {read.case or ''}"

    def fields(self) -> ComposeResult:
        yield from labelled("Tittel", Input(self.read.title, id="title"))
        yield from labelled("Sakstype (Godkjenning, Orientering, Drøfting, Anbefaling, Beslutning)", Input(self.read.type or "", id="type"))
        yield from labelled("Forslag til vedtak (Enter gir ny linje; Ctrl+S lagrer)", _Prose(self.read.proposed_decision, id="proposed_decision"))
        yield from labelled("Vedtak", _Prose(self.read.decision, id="decision"))

    def submit(self) -> dict:
        kind = self.value("#type")
        if kind and kind not in ItemType._value2member_map_:
            raise ParseError(f"«{kind}» er ikke en sakstype")
        title = self.value("#title")
        if not title:
            raise ParseError("Saken må ha en tittel")
        return {
            "title": title,
            "type": kind or None,
            "proposed_decision": self.query_one("#proposed_decision", TextArea).text.strip(),
            "decision": self.query_one("#decision", TextArea).text.strip(),
        }
