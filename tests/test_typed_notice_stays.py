"""The notice naming text typed where it could not go («Ikke brukt (skrevet …): «…»») is
there for the secretary to type it again; at Textual's 5 seconds it was gone before a
sentence could be read and typed. It stays TYPED_NOTICE_SECONDS; the refusal itself
(«Ingen sak å redigere …») keeps the default."""

import datetime as dt

from conftest import type_text, until
from nuit_tui.tui.app import NuitApp
from nuit_tui.tui.screens.agenda import AgendaScreen
from nuit_tui.tui.widgets.refused_typing import TYPED_NOTICE_SECONDS

TEXTUAL_DEFAULT = 5  # Textual's App.NOTIFICATION_TIMEOUT, which conftest raises for slow machines


async def test_the_notice_of_text_not_used_outlasts_the_default_timeout(archive, monkeypatch):
    monkeypatch.setattr(NuitApp, "NOTIFICATION_TIMEOUT", TEXTUAL_DEFAULT)
    assert TYPED_NOTICE_SECONDS >= 20
    nuit = archive.members.add_body("NUIT", "Prioriteringsutvalget")
    meeting = archive.meetings.create(nuit.id, dt.date(2023, 5, 25), dt.time(9), dt.time(12), location="Teams", standard_items=False)
    app = NuitApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(AgendaScreen(meeting.id))
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await type_text(pilot, "eVeikart med tidsplan")
        notice = "Ikke brukt (skrevet etter e): «Veikart med tidsplan»"
        await until(pilot, lambda: notice in [n.message for n in app._notifications], what="the notice")
        refusal = "Ingen sak å redigere: dagsordenen er tom (n legger til en sak, p en pause)"
        for shown in app._notifications:  # as if the default timeout and a second more had passed
            shown.raised_at -= TEXTUAL_DEFAULT + 1
        left = [n.message for n in app._notifications]  # (reading them drops the expired)
        assert notice in left
        assert refusal not in left
        kept = next(n for n in app._notifications if n.message == notice)
        assert kept.timeout == TYPED_NOTICE_SECONDS
        assert kept.time_left > TYPED_NOTICE_SECONDS - TEXTUAL_DEFAULT - 2
