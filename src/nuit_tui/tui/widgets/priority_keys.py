"""A key with a priority binding acts after the keys typed before it, not ahead of them.

The app sends a typed key on to the focused widget's queue and goes on to the next key
at once; but it acts on a priority binding (meeting mode's F-keys, Ctrl+Q) itself, the
moment the key reaches it. In a burst (a paste-fast typist, a slow laptop replaying its
keyboard buffer) F2 then opened the next remark while the text typed before it still
waited in the first remark's queue: that text landed in the new remark, and the keys
after F2 too (ordered_keys forwards them to the focus), leaving empty remarks behind.

`PriorityKeys` holds such a key, and every key typed after it, until the widget the
keys before it went to has handled them and every node they may bubble to has too
(a callback queued behind them, node after node, up to the app); then it acts, and the
keys after it are sent on in turn. Keys without a priority binding pass at once, as
Textual sends them (the widget's queue keeps their order), except that the keys after a
Tab (or an Enter in a one-line field) wait until it has moved the focus: a form filled in
one burst («tekst Tab navn Tab dato Enter») put everything in its first field. So do the
keys after one that opens or closes a Select's list, until the focus has moved into the
list or back to the Select, which is later still (select_keys.py).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

from .fields import Input
from .select_keys import focus_left, focus_moves_later
from .type_ahead import when_handled

# Should a callback never come back (a widget removed meanwhile): go on anyway.
_FALLBACK_SECONDS = 0.5

Handle = Callable[[events.Event], Awaitable[Any]]


class PriorityKeys:
    """The app's keys from the terminal, in order around priority bindings (module doc)."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._waiting: deque[events.Key | events.Paste] = deque()
        self._handle: Handle | None = None
        self._sent_to: MessagePump | None = None  # where keys went since the last drain
        self._draining: object | None = None  # a token while a drain is under way
        self._fallback: asyncio.TimerHandle | None = None

    async def handle(self, event: events.Event, handle: Handle) -> None:
        if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded:
            await handle(event)  # not from the terminal, or bubbling up: part of handling a key
            return
        self._handle = handle
        self._waiting.append(event)
        if len(self._waiting) == 1 and self._draining is None:
            await self._send_on()

    async def _send_on(self) -> None:
        handle = self._handle
        assert handle is not None
        while self._waiting and self._draining is None:
            event = self._waiting[0]
            priority = self._has_priority_binding(event)
            if priority and self._sent_to is not None:
                self._drain(self._sent_to)
                return
            self._waiting.popleft()
            if self._held_by_top(event):
                continue  # typed before the question on top was shown: not an answer (ConfirmScreen)
            later = False
            if not priority:  # sent on to a field (a priority key is the app's own)
                try:
                    self._sent_to = self.app.focused or self.app.screen
                except Exception:  # no screen: the app is starting or closing
                    self._sent_to = None
                later = self._sent_to is not None and focus_moves_later(self._sent_to, event)
            await handle(event)
            sent_to = self._sent_to
            if not priority and sent_to is not None and (later or self._moves_focus(event, sent_to)):
                # The focus moves once the key is handled (bubbled up to the app's binding),
                # or after that (a Select's list: select_keys.py): the keys after it wait
                # for that, or they went to the widget it leaves.
                self._drain(sent_to, until_focus_left=later)
                return

    @staticmethod
    def _moves_focus(event: events.Key | events.Paste, sent_to: MessagePump) -> bool:
        """Tab and Shift+Tab, and Enter in a one-line field (the next field, or the form sent)."""
        if not isinstance(event, events.Key):
            return False
        return event.key in ("tab", "shift+tab") or (event.key == "enter" and isinstance(sent_to, Input))

    def _held_by_top(self, event: events.Key | events.Paste) -> bool:
        try:
            hold = getattr(self.app.screen, "hold_if_typed_before_shown", None)
        except Exception:  # no screen yet, or the app is closing
            return False
        return hold is not None and bool(hold(event))

    def _has_priority_binding(self, event: events.Key | events.Paste) -> bool:
        if not isinstance(event, events.Key) or event.is_printable:
            return False
        try:
            chain = self.app.screen._binding_chain
        except Exception:
            return False
        return any(binding.priority for _, bindings in chain for binding in bindings.key_to_bindings.get(event.key, ()))

    def _drain(self, target: MessagePump, until_focus_left: bool = False) -> None:
        """Go on once `target` and the nodes above it have handled what was sent to them
        (`when_handled`), and with `until_focus_left` once the focus has left `target`
        too, or after _FALLBACK_SECONDS."""
        app = self.app
        token = self._draining = object()

        def go_on() -> None:
            if self._draining is not token:
                return
            self._draining = None
            self._sent_to = None
            if self._fallback is not None:
                self._fallback.cancel()
                self._fallback = None
            if self._waiting:
                app.call_later(self._send_on)

        when_handled(app, target, go_on, until=(lambda: focus_left(app, target)) if until_focus_left else None)
        self._fallback = asyncio.get_running_loop().call_later(_FALLBACK_SECONDS, go_on)
