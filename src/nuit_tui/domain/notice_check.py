"""What would go out wrong in a notice: the secretariat's last look before it is sent.

Pure: the agenda's items, its time plan and the previous meeting's date in, Norwegian
findings out, in the order of the document. Like the minutes check, findings never
stop anything: the secretary decides, warned (the CLI's `check-notice` exits 1).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .models import AgendaItem
from .norwegian import ParseError, clock, long_date, parse_date
from .standard_items import MINUTES_APPROVAL_PREFIX, is_closing_item
from .timeplan import TimePlan

# The placeholders an item carries before it is given a title.
UNTITLED = ("", "ny sak", "(uten tittel)")
# An agenda that ends this much before the meeting's planned end is said (the notice
# tells the members the meeting's hours).
EARLY_END_MINUTES = 30


class NoticeProblemKind(StrEnum):
    UNTITLED = "untitled"
    WRONG_PREVIOUS_MINUTES = "wrong_previous_minutes"
    NO_TYPE = "no_type"
    NO_PROPOSAL = "no_proposal"
    NO_EXEMPTION_BASIS = "no_exemption_basis"
    LATE_ITEM = "late_item"
    OVERRUN = "overrun"
    EARLY_END = "early_end"


@dataclass(frozen=True)
class NoticeProblem:
    kind: NoticeProblemKind
    message: str  # Norwegian, naming the case
    item_id: int | None = None

    @property
    def blocking(self) -> bool:
        """Every notice problem keeps the notice from going out as it is (`nuit-tui check-notice` exits 1)."""
        return True

    def __str__(self) -> str:
        return self.message


def check_notice(
    body_short_name: str,
    rows: Sequence[tuple[str, AgendaItem]],
    plan: TimePlan,
    *,
    previous_meeting: dt.date | None,
    end: dt.time,
    meeting_date: dt.date | None = None,
) -> list[NoticeProblem]:
    """`rows`: the agenda's (case number, item) in order, breaks included; `plan` its
    time plan (slots keyed by item id); `previous_meeting` the date of the body's meeting
    before this one (None: none); `end` the meeting's planned end."""
    problems: list[NoticeProblem] = []
    for case_number, item in rows:
        if item.is_break:
            continue
        case = f"Sak {case_number}" if case_number else f"Saken «{item.title.strip()}»"
        untitled = item.title.strip().casefold() in UNTITLED
        if untitled:
            problems.append(
                NoticeProblem(NoticeProblemKind.UNTITLED, f"{case} har ingen tittel", item.id)
            )
        problems += _previous_minutes(body_short_name, case, item, previous_meeting, meeting_date)
        # Every item but «Eventuelt» has a type and a proposal in the notice, an orientation
        # too («NUIT tar saken til orientering»); an untitled one is told as that alone.
        expected = not untitled and not is_closing_item(item.title)
        if expected and item.item_type is None:
            problems.append(NoticeProblem(NoticeProblemKind.NO_TYPE, f"{case} mangler sakstype", item.id))
        if expected and not item.proposed_decision.strip():
            kind = f" ({item.item_type.value})" if item.item_type else ""
            problems.append(NoticeProblem(NoticeProblemKind.NO_PROPOSAL, f"{case}{kind} mangler forslag til vedtak", item.id))
        if item.exempt and not (item.exempt_basis or "").strip():
            problems.append(
                NoticeProblem(
                    NoticeProblemKind.NO_EXEMPTION_BASIS,
                    f"{case} er unntatt offentlighet uten hjemmel (f.eks. offl. § 14)",
                    item.id,
                )
            )
    late = {slot.key for slot in plan.slots if slot.late}
    for case_number, item in rows:
        if item.id in late and item.fixed_start is not None:
            label = f"Sak {case_number}" if case_number else f"«{item.title.strip()}»"
            problems.append(
                NoticeProblem(
                    NoticeProblemKind.LATE_ITEM,
                    f"{label} skal starte kl. {clock(item.fixed_start)}, men sakene før går lenger",
                    item.id,
                )
            )
    if plan.overrun_minutes or plan.past_midnight:
        problems.append(
            NoticeProblem(
                NoticeProblemKind.OVERRUN,
                f"Dagsordenen går {plan.overrun_minutes} min over møtets slutt kl. {clock(end)} "
                f"(slutter kl. {clock(plan.finish)})",
            )
        )
    early = plan.planned_end_minute - plan.finish_minute
    if not plan.past_midnight and early >= EARLY_END_MINUTES:
        problems.append(
            NoticeProblem(
                NoticeProblemKind.EARLY_END,
                f"Dagsordenen slutter kl. {clock(plan.finish)}, {early} min før møtets slutt kl. {clock(end)}:"
                " innkallingen sier at møtet varer til da",
            )
        )
    return problems


def _previous_minutes(
    body_short_name: str, case: str, item: AgendaItem, previous: dt.date | None, meeting_date: dt.date | None = None
) -> list[NoticeProblem]:
    """«Godkjenning av referat fra NUIT 25. mai 2023» must name the meeting before this one."""
    if not item.title.strip().startswith(MINUTES_APPROVAL_PREFIX):
        return []
    if previous is None:
        message = f"{case} godkjenner et referat, men {body_short_name} har ikke hatt noe møte før dette"
        return [NoticeProblem(NoticeProblemKind.WRONG_PREVIOUS_MINUTES, message, item.id)]
    wanted = f"{body_short_name} {long_date(previous)}"
    texts = [item.title]
    if any(ch.isdigit() for ch in item.proposed_decision):  # a proposal that names a date must name this one
        texts.append(item.proposed_decision)
    if all(wanted in " ".join(text.split()) for text in texts):
        return []
    named = _named_date(item.title)
    if named is not None and previous < named and (meeting_date is None or named < meeting_date):
        # A meeting after the archive's last one: the archive lacks it (a partial import, the
        # demo), rather than the title being wrong. Said as that.
        message = (
            f"{case} godkjenner referatet fra {body_short_name} {long_date(named)}, et møte arkivet ikke har"
            f" (forrige møte i arkivet er {wanted}): sjekk at tittelen er riktig"
        )
    else:
        message = f"{case} skal godkjenne referatet fra forrige møte, {wanted}: «{item.title.strip()}»"
    return [NoticeProblem(NoticeProblemKind.WRONG_PREVIOUS_MINUTES, message, item.id)]


_LONG_DATE = re.compile(r"(\d{1,2})\.\s*([a-zæøå]+)\s+(\d{4})", re.IGNORECASE)


def _named_date(title: str) -> dt.date | None:
    """The date a «Godkjenning av referat fra NUIT 17. november 2022» names, if any."""
    found = _LONG_DATE.search(title)
    if found is None:
        return None
    try:
        return parse_date(found[0])
    except ParseError:
        return None
