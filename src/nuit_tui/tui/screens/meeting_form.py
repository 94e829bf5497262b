"""Create a meeting (or edit its date, time and place)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.screen import Screen

from ...domain import models as m
from ...domain.meetings import move_refusal
from ...domain.norwegian import ParseError, clock, numeric_date, parse_date, parse_time
from ..base import guard, nuit_app
from ..widgets.fields import Input
from ..widgets.form import FormScreen, OnWriter, about, labelled


@dataclass(frozen=True)
class MeetingDetails:
    date: dt.date
    start: dt.time
    end: dt.time
    location: str | None
    video_link: str | None


class MeetingFormScreen(FormScreen[object]):
    """Dismisses with the typed details, or None on Escape; with `save`, with the answer of
    the write it gives for them (k: the meeting made from a template), run once the question
    about them is answered. What is refused is said in the form, everything kept as typed,
    and the field it is about takes the focus."""

    def __init__(
        self,
        title: str,
        meeting: m.Meeting | None = None,
        *,
        template_note: str = "",
        ask: Callable[[MeetingDetails], str | None] | None = None,
        save: Callable[[MeetingDetails], OnWriter[object]] | None = None,
    ):
        super().__init__()
        self.form_title = title
        self.meeting = meeting
        self.template_note = template_note
        self.ask = ask  # the question to answer before the details are taken (a service's)
        self.save = save

    def fields(self) -> ComposeResult:
        mt = self.meeting
        # A template lends its times and place, not its date.
        date = numeric_date(mt.date) if mt and not self.template_note else ""
        yield from labelled("Dato (f.eks. 25.5.2023)", Input(date, id="date"))
        yield from labelled("Start (f.eks. 09.00)", Input(clock(mt.start_time) if mt else "09.00", id="start"))
        yield from labelled("Slutt", Input(clock(mt.end_time) if mt else "15.00", id="end"))
        yield from labelled("Sted", Input(mt.location or "" if mt else "", id="location"))
        yield from labelled("Videolenke", Input(mt.video_link or "" if mt else "", id="video"))
        if self.template_note:
            yield from labelled("Mal", Input(self.template_note, id="template", disabled=True))

    def submit(self) -> MeetingDetails:
        moved = self.meeting if self.meeting and not self.template_note else None
        with about("#date"):
            if not self.value("#date"):
                raise ParseError("Skriv møtedatoen")
            # "23.11": the year of the meeting being moved (a new meeting: this year).
            date = parse_date(self.value("#date"), moved.year if moved else None)
            # The archive refuses it too (services/meetings.py); said here, the form closes
            # only on what will be saved, and what was typed stays to be put right.
            if moved and (refusal := move_refusal(moved.year, date)):
                raise ParseError(refusal)
        with about("#start"):
            start = parse_time(self.value("#start"))
            # The agenda moves with the start: refused here, as a later date's year is.
            if moved and (refusal := nuit_app(self).archive.meetings.start_refusal(moved.stored_id, start)):
                raise ParseError(refusal)
        with about("#end"):
            end = parse_time(self.value("#end"))
            if end <= start:
                raise ParseError("Møtet må slutte etter at det starter")
        location, video = self.value("#location"), self.value("#video")
        with about("#location"):
            if not location and not video:
                raise ParseError("Skriv sted eller videolenke")
        return MeetingDetails(date, start, end, location or None, video or None)

    def question(self, result: object) -> str | None:
        return self.ask(result) if self.ask is not None and isinstance(result, MeetingDetails) else None

    def writes(self, result: object) -> OnWriter[object] | None:
        # Written from the form, not after it closed: a refusal (k's items past midnight)
        # is said here, with the date and times as typed.
        return self.save(result) if self.save is not None and isinstance(result, MeetingDetails) else None


def same_day_asker(screen: Screen, body_id: int, moving: int | None = None) -> Callable[[MeetingDetails], str | None]:
    """The form's question before a meeting lands on a day its body meets already (n and k
    on the meetings list; t on the agenda, `moving` that meeting): asked before the write,
    and «Nei» goes back to the form as typed (services/meetings.py `same_day_question`)."""

    def ask(details: MeetingDetails) -> str | None:
        with guard(screen):
            return nuit_app(screen).archive.meetings.same_day_question(body_id, details.date, moving=moving)
        return None

    return ask
