"""The palette's destinations: every screen that is not a meeting or an item is
one word away from anywhere ("Årshjul", "Oppfølging" …). Search has a provider of
its own (tui/screens/search.py), which also offers «Søk etter …» what was typed."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True)
class Destination:
    label: str
    help: str
    module: str  # under nuit_tui.tui.screens
    screen: str


DESTINATIONS = (
    Destination("Møter", "Møtelisten for valgt utvalg", "meetings", "MeetingsScreen"),
    Destination("Årshjul", "Årets møter og frister, måned for måned", "year_plan", "YearPlanScreen"),
    Destination("Medlemmer og organisasjoner", "Utvalg, organisasjoner, personer og medlemskap", "members", "MembersScreen"),
    Destination("Oppfølging", "Oppfølgingsregisteret: åpne, forfalte og lukkede", "follow_ups", "FollowUpsScreen"),
    Destination("Importer dokument …", "Gamle møtedokumenter fra Word, PDF eller tekst til arkivet", "import_document", "ImportScreen"),
)


class NavigationCommands(Provider):
    def _available(self):
        for destination in DESTINATIONS:
            try:
                module = importlib.import_module(f"nuit_tui.tui.screens.{destination.module}")
            except ImportError:
                continue
            screen = getattr(module, destination.screen, None)
            if screen is not None:
                yield destination, screen

    def _open(self, screen_class) -> None:
        app = self.app
        # Back to an open screen of that kind rather than stacking a second one.
        for index, screen in enumerate(app.screen_stack):
            if isinstance(screen, screen_class):
                while len(app.screen_stack) > index + 1:
                    app.pop_screen()
                return
        app.push_screen(screen_class())

    async def discover(self) -> Hits:
        for destination, screen in self._available():
            yield DiscoveryHit(destination.label, lambda s=screen: self._open(s), help=destination.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for destination, screen in self._available():
            score = max(matcher.match(destination.label), matcher.match(destination.help) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(destination.label), lambda s=screen: self._open(s), help=destination.help)
