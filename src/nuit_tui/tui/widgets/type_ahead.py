"""Every key typed after the key that opened a screen reaches that screen, however fast
(`TypeAhead`), and the app's key router that makes it so (`handle_with_type_ahead`).

Apart from the forms (widgets/form.py), so that the app's start imports no form fields.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.screen import Screen

from .select_keys import focus_left, focus_moves_later

# Which screen the app sent a key to (set on the key as the app sends it on).
_SENT_TO = "_nuit_sent_to"
# The key the app is handling now (set on the app by handle_with_type_ahead).
_HANDLING = "_nuit_handling_key"
# Safety nets, should a refresh or a callback never come: release anyway, go on anyway.
_RELEASE_FALLBACK_SECONDS = 1.0
_STEP_FALLBACK_SECONDS = 0.5
# Rounds when_handled goes at most while waiting for the focus to move (a Select's list
# takes two: the key up to the app, then what it sent on, up to the focus set by the app).
_UNTIL_ROUNDS = 8

_Typed = events.Key | events.Paste


class TypeAhead(Screen):
    """A screen that gets every key typed after the key that opened it, in order,
    however fast they come: the text lands in the field it focuses first.

    Textual loses such keys when they come together (a fast typist while the app is
    busy, keys sent at once as by tmux send-keys) in two ways:

    - The opening key is bound on the screen below (not a priority binding), so the app
      acts on it only when it has bubbled back up from the focused widget below. By then
      the app has sent the keys after it to that same widget; they bubble up after it and
      reach the app with the new screen on top, where nothing types them into a field.
    - The opening key is a priority binding (meeting mode's F-keys): the keys after it
      reach the new screen before it has composed and focused its first field
      (AUTO_FOCUS, or `focus()` in on_mount), and nothing types them either.

    So while such a screen is on top, the app's key router (`handle_with_type_ahead`,
    around NuitApp.on_event) holds the keys that reach the app until the screen is mounted and
    its field has focus, then sends them on again one by one in the order typed, as if
    typed now: the field gets the text, and Enter, Tab, Escape and the function keys do
    what they do there (the keys after a Tab go to the next field). A key that bubbles
    up later from a screen below (sent there before this screen was pushed) is sent on
    the same way. Keys typed before the opening key are never taken: those handled
    below before this screen exists stay there, and those that bubble up only after it
    is on top (a priority binding opened it at once) are dropped, not acted on here;
    nor is a key sent to a screen closed since taken.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Keys held while opening and while they are sent on; None once all are sent.
        self._held: list[_Typed] | None = []
        self._releasing = False
        self._waiting_for: object | None = None  # the key being sent on, until handled
        # When the key that opened this screen was typed: keys typed before it belong to
        # the screen below even if they reach the app after this screen is on top (a
        # priority binding acts at once, ahead of keys still bubbling up below).
        try:
            opener = getattr(self.app, _HANDLING, None)
        except Exception:  # built outside a running app
            opener = None
        self._opened_at: float | None = opener.time if opener is not None else None

    # False for a stand-in that hands its keys on to the screen that replaces it (Opening).
    RELEASES_WHEN_MOUNTED = True

    def _on_mount(self, event: events.Mount) -> None:
        # Textual calls this for a subclass too, whatever `_on_mount` the subclass defines
        # (every class in the MRO gets the message): so a stand-in says so by a flag.
        if not self.RELEASES_WHEN_MOUNTED:
            return
        # Subclasses' on_mount has run, and may have asked for focus with `focus()`,
        # which the app carries out from its queue: release from that queue, behind it.
        self.call_after_refresh(self._release)
        self.set_timer(_RELEASE_FALLBACK_SECONDS, self._release)

    def _release(self) -> None:
        if not self._releasing:
            self._releasing = True
            self.app.call_later(self._send_held)

    def _claim(self, event: _Typed) -> str | None:
        """For each key the app gets while this screen is on top: "hold" (keep it for
        now), "resend" (type it again, now), "drop" (a key typed before the opening key
        that bubbled up from below) or None (let the app handle it as usual)."""
        if not event.is_forwarded:  # straight from the terminal
            return "hold" if self._held is not None else None
        sent_to = getattr(event, _SENT_TO, None)
        if sent_to is self or (sent_to is not None and sent_to not in self.app.screen_stack):
            return None  # bubbled up through this screen, or from a screen closed since
        if self._opened_at is not None and event.time <= self._opened_at:
            # Typed before the opening key, for the screen below, which no longer has the
            # keyboard: dropped, rather than typed into this screen or acted on here.
            return "drop"
        # Sent to the screen below before this one was pushed: typed after the opening key.
        return "hold" if self._held is not None else "resend"

    async def _send_held(self) -> None:
        """Send the held keys on, in the order typed (in the app's own task)."""
        app = self.app
        if self.focused is None and self.is_attached:
            # AUTO_FOCUS is skipped while the app thinks the terminal has no focus.
            auto_focus = app.AUTO_FOCUS if self.AUTO_FOCUS is None else self.AUTO_FOCUS
            for widget in self.query(auto_focus) if auto_focus else ():
                if widget.focusable:
                    self.set_focus(widget)
                    break
        while self._held:
            self._held.sort(key=lambda e: e.time)  # arrivals may be out of typing order
            if app.screen is not self:
                # A key among them opened another screen, or closed this one: the rest
                # go to whatever is on top now, as if typed now.
                rest, self._held = self._held, None
                for held in rest:
                    await app.on_event(_typed_anew(held))
                return
            key = _typed_anew(self._held.pop(0))
            target = app.focused or self
            later = focus_moves_later(target, key)  # opens or closes a Select's list
            setattr(key, _SENT_TO, self)
            await App.on_event(app, key)  # past the router: it is this screen's to type
            if key.is_forwarded and isinstance(key, events.Key) and (later or not key.is_printable):
                # Tab may move the focus, Enter or Escape close the form: the keys after
                # it wait until it has been handled all the way up (and, for a Select's
                # list, until the focus has moved: select_keys.py).
                self._after_handled(target, until_focus_left=later)
                return
        self._held = None

    def _after_handled(self, target: MessagePump, until_focus_left: bool = False) -> None:
        """Go on sending once the key sent to `target` has been handled there and by every
        node it may bubble to (`when_handled`), and with `until_focus_left` once the focus
        has left `target` too."""
        app = self.app
        token = self._waiting_for = object()

        def go_on() -> None:
            if self._waiting_for is token:
                self._waiting_for = None
                app.call_later(self._send_held)

        when_handled(app, target, go_on, until=(lambda: focus_left(app, target)) if until_focus_left else None)
        app.set_timer(_STEP_FALLBACK_SECONDS, go_on)


def when_handled(app: App, target: MessagePump, then: Callable[[], object], until: Callable[[], bool] | None = None) -> None:
    """Call `then` once what was sent to `target` so far has been handled there and by every
    node it may bubble to: a callback queued behind it, node after node, up to the app.

    With `until`, go round again while `until()` does not hold: what was handled may have
    sent more on, that moves the focus only once handled in turn (a Select's list posts
    the option chosen to the Select, which then asks the app for the focus). At most
    _UNTIL_ROUNDS rounds: should it never hold, `then` is called all the same."""
    rounds = [0]

    def round_done() -> None:
        rounds[0] += 1
        if until is None or until() or rounds[0] >= _UNTIL_ROUNDS:
            then()
        else:
            follow(target)

    def follow(node: MessagePump | None) -> None:
        if node is app or node is None:
            if not app.call_later(round_done):
                then()
            return
        parent = node.parent if isinstance(node, DOMNode) else None
        if not node.call_later(follow, parent or app):
            follow(parent or app)  # closed meanwhile: nothing waits there

    follow(target)


def key_being_handled(app: App) -> _Typed | None:
    """The key the app is handling now (a binding's action runs for it), if any."""
    return getattr(app, _HANDLING, None)


def _typed_anew(event: _Typed) -> _Typed:
    """A copy of the key as if typed now (the original has been sent on once)."""
    copy = events.Paste(event.text) if isinstance(event, events.Paste) else events.Key(event.key, event.character)
    copy.time = event.time
    return copy


async def handle_with_type_ahead(app: App, event: events.Event, handle: Callable[[events.Event], Awaitable[Any]]) -> None:
    """The TypeAhead key router, around the app's own event handling (NuitApp.on_event).

    While a TypeAhead screen on top is opening, the keys that reach the app are held for
    it (or typed again into it, or dropped: see TypeAhead._claim). Other events, and keys
    while no TypeAhead screen is on top, pass straight through; each key the app sends on
    is marked with the screen it went to, and the key being handled is noted on the app,
    so that a screen it opens knows when its opening key was typed."""
    if isinstance(event, (events.Key, events.Paste)):
        try:
            top: Screen | None = app.screen
        except Exception:  # no screen yet, or shutting down
            top = None
        if isinstance(top, TypeAhead):
            claim = top._claim(event)
            if claim == "drop":
                return
            if claim == "hold" and top._held is not None:
                top._held.append(event)
                return
            if claim == "resend":
                event = _typed_anew(event)
        if not event.is_forwarded:
            setattr(event, _SENT_TO, top)
        previous = getattr(app, _HANDLING, None)
        setattr(app, _HANDLING, event)
        try:
            await handle(event)
        finally:
            setattr(app, _HANDLING, previous)
        return
    await handle(event)
