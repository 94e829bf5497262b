"""Command palette providers: jump to a meeting or an item by its number, run any action,
and the documents of the meeting in focus.

Each provider asks the archive a bounded question (a number looked up, or the
newest page of meetings), never for the whole archive.
"""

from __future__ import annotations

import re
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..domain.norwegian import long_date
from ..errors import StoreError
from .base import nuit_app
from .text import highlighted, literal

PALETTE_LIMIT = 40
_MEETING_REF = re.compile(r"^\s*(?:møte\s+)?(?:([A-Za-zÆØÅæøå]{2,10})\s+)?(\d{1,3})\s*/\s*(\d{4})\s*$", re.IGNORECASE)
_CASE_REF = re.compile(r"^\s*(?:sak\s+)?(?:([A-Za-zÆØÅæøå]{2,10})\s+)?(\d{1,4})\s*/\s*(\d{2})\s*$", re.IGNORECASE)


class MeetingCommands(Provider):
    """"2/2023" or "NUIT 2/2023" opens that meeting; other words search the newest meetings."""

    def _label(self, meeting, names) -> str:
        return f"Møte {names.get(meeting.body_id, '?')} {meeting.ref}"

    async def discover(self) -> Hits:
        archive = nuit_app(self).archive
        names = {b.id: b.short_name for b in archive.members.bodies()}
        for meeting in archive.meetings.page(None, limit=PALETTE_LIMIT):
            label = self._label(meeting, names)
            yield DiscoveryHit(literal(label), partial(self._open, meeting.stored_id), text=label, help=long_date(meeting.date))

    async def search(self, query: str) -> Hits:
        archive = nuit_app(self).archive
        names = {b.id: b.short_name for b in archive.members.bodies()}
        by_short = {v.lower(): k for k, v in names.items()}
        matcher = self.matcher(query)
        if m := _MEETING_REF.match(query):
            body_ids = [by_short.get(m[1].lower())] if m[1] else list(names)
            for meeting in archive.meetings.page(None, year=int(m[3]), limit=PALETTE_LIMIT):
                if meeting.number == int(m[2]) and meeting.body_id in body_ids:
                    label = self._label(meeting, names)
                    yield Hit(1.0, highlighted(matcher, label), partial(self._open, meeting.stored_id), text=label, help=long_date(meeting.date))
            return
        for meeting in archive.meetings.page(None, limit=100):
            label = self._label(meeting, names)
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, highlighted(matcher, label), partial(self._open, meeting.stored_id), text=label, help=long_date(meeting.date))

    def _open(self, meeting_id: int) -> None:
        from .screens.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(meeting_id))


class ItemCommands(Provider):
    """"18/23" (the current body, else any) or "NUIT 8/22" opens that item."""

    async def search(self, query: str) -> Hits:
        m = _CASE_REF.match(query)
        if not m:
            return
        archive = nuit_app(self).archive
        year, seq = 2000 + int(m[3]), int(m[2])
        bodies = archive.members.bodies()
        if m[1]:
            bodies = [b for b in bodies if b.short_name.lower() == m[1].lower()]
        elif (current := nuit_app(self).body) is not None:
            current_id = current.id
            bodies.sort(key=lambda b: b.id != current_id)  # the current body first
        matcher = self.matcher(query)
        for body in bodies:
            try:
                item = archive.agenda.find_item(f"{body.short_name} {seq}/{year % 100:02d}")
            except Exception:  # not found in this body
                continue
            label = f"Sak {body.short_name} {seq}/{year % 100:02d} {item.title}"
            yield Hit(1.0, highlighted(matcher, label), partial(self._open, item.stored_id), text=label)

    def _open(self, item_id: int) -> None:
        from .screens.item import ItemScreen

        self.app.push_screen(ItemScreen(item_id))


class ActionCommands(Provider):
    """Every action of the screen the palette was opened from, by its Norwegian name."""

    def _actions(self):
        from .screens.help import declared_by_nuit, key_name

        seen = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.action == "quit":
                continue  # Textual's own «Avslutt» is in the palette already (NuitApp.get_system_commands)
            name = key_name(binding)
            if binding.description and declared_by_nuit(binding, active.node) and name not in seen:
                seen.add(name)
                yield name, self.app.get_key_display(binding), partial(self.app.run_action, binding.action, active.node)

    async def discover(self) -> Hits:
        for description, key, run in self._actions():
            yield DiscoveryHit(description, run, help=f"Tast: {key}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, key, run in self._actions():
            score = matcher.match(description)
            if score > 0:
                yield Hit(score, matcher.highlight(description), run, help=f"Tast: {key}")


class MeetingDocumentCommands(Provider):
    """The documents of the meeting the cursor is on (the meeting list's highlighted row):
    «Innkalling: NUIT 2/2023 (25. mai 2023)» does what i does on that meeting's agenda,
    through the same code, and its dialog closes back onto the screen it was chosen on."""

    def _commands(self):
        from .screens.agenda import AgendaScreen
        from .screens.base import ArchiveScreen
        from .screens.help import key_name
        from .screens.meeting_documents import DOCUMENTS, meeting_name

        screen = self.screen
        if not isinstance(screen, ArchiveScreen) or (meeting_id := screen.meeting_in_focus()) is None:
            return
        try:
            name = meeting_name(nuit_app(self).archive, meeting_id)
        except StoreError:  # deleted in another window since the list was drawn
            return
        # The agenda's own name and key for each, so that the footer there and the palette agree.
        bindings = {b.action: b for b in AgendaScreen.BINDINGS if isinstance(b, Binding)}
        for document in DOCUMENTS:
            binding = bindings[document.action]
            label = f"{key_name(binding)}: {name}"
            help_text = f"{document.help} · tast {self.app.get_key_display(binding)} på møtets saksliste"
            yield label, help_text, partial(self._run, document.run, screen, meeting_id)

    @staticmethod
    def _run(run, screen, meeting_id: int) -> None:
        from .screens.agenda import AgendaScreen
        from .screens.meeting_documents import export_minutes

        with screen.guard():  # the meeting deleted while the palette was open: a message
            if run is export_minutes and not (isinstance(screen, AgendaScreen) and screen.meeting_id == meeting_id):
                # Away from its agenda: the minutes check's «tilbake» puts nothing right here.
                run(screen, meeting_id, open_agenda=lambda: screen.app.push_screen(AgendaScreen(meeting_id)))
            else:
                run(screen, meeting_id)

    async def discover(self) -> Hits:
        for label, help_text, run in self._commands():
            yield DiscoveryHit(literal(label), run, text=label, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, help_text, run in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, highlighted(matcher, label), run, text=label, help=help_text)
