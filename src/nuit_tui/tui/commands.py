"""Command palette providers: jump to any meeting by its number."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

PALETTE_LIMIT = 40


class MeetingCommands(Provider):
    """"2/2023" or "NUIT 2/2023" opens that meeting."""

    def _candidates(self):
        archive = self.app.archive
        names = {b.id: b.short_name for b in archive.bodies()}
        for meeting in archive.meetings_page(None, limit=500):
            yield f"{names.get(meeting.body_id, '?')} {meeting.ref}", meeting

    async def discover(self) -> Hits:
        for label, meeting in list(self._candidates())[:PALETTE_LIMIT]:
            yield DiscoveryHit(f"Møte {label}", partial(self._open, meeting.id), help=str(meeting.date))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, meeting in self._candidates():
            score = matcher.match(f"Møte {label}")
            if score > 0:
                yield Hit(score, matcher.highlight(f"Møte {label}"), partial(self._open, meeting.id))

    def _open(self, meeting_id: int) -> None:
        from .screens.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen(meeting_id))
