"""A modal form: labelled fields, one error line, Enter/Ctrl+S saves, Escape cancels.

Every key typed after the key that opened a form reaches the form, however fast
(`TypeAhead`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.screen import ModalScreen, Screen
from textual.widgets import Checkbox, Select

from ...domain.norwegian import ParseError
from ...errors import StoreError
from ..text import Label, Static
from ..writes import write
from .fields import Input, TextArea

T = TypeVar("T")

# Which screen the app sent a key to (set on the key as the app sends it on).
_SENT_TO = "_nuit_sent_to"
# The key the app is handling now (set on the app by handle_with_type_ahead).
_HANDLING = "_nuit_handling_key"
# Safety nets, should a refresh or a callback never come: release anyway, go on anyway.
_RELEASE_FALLBACK_SECONDS = 1.0
_STEP_FALLBACK_SECONDS = 0.5

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

    def _on_mount(self, event: events.Mount) -> None:
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
            setattr(key, _SENT_TO, self)
            await App.on_event(app, key)  # past the router: it is this screen's to type
            if key.is_forwarded and isinstance(key, events.Key) and not key.is_printable:
                # Tab may move the focus, Enter or Escape close the form: the keys after
                # it wait until it has been handled all the way up.
                self._after_handled(target)
                return
        self._held = None

    def _after_handled(self, target: MessagePump) -> None:
        """Go on sending once the key sent to `target` has been handled there and by every
        node it may bubble to: a callback queued behind it, node after node, up to the app."""
        app = self.app
        token = self._waiting_for = object()

        def go_on() -> None:
            if self._waiting_for is token:
                self._waiting_for = None
                app.call_later(self._send_held)

        def follow(node: MessagePump) -> None:
            if node is app or node is None:
                if not app.call_later(go_on):
                    go_on()
                return
            parent = node.parent if isinstance(node, DOMNode) else None
            if not node.call_later(follow, parent or app):
                follow(parent or app)

        follow(target)
        app.set_timer(_STEP_FALLBACK_SECONDS, go_on)


class Opening(TypeAhead, ModalScreen[None]):
    """Stands in for a screen whose record the writer is still making (a new item): the
    keys typed meanwhile are held here and handed on to that screen when it comes, so
    they land in its first field as if it had opened at once."""

    DEFAULT_CSS = "Opening { align: center middle; background: $background 0%; }"

    def compose(self) -> ComposeResult:
        yield Static("Et øyeblikk …")

    def _on_mount(self, event: events.Mount) -> None:
        pass  # nothing is released here: the keys wait for the screen that replaces this one

    def hand_on(self, screen: TypeAhead) -> None:
        """Replace this stand-in with `screen`, which gets the keys held so far."""
        screen._held = [*(self._held or []), *(screen._held or [])]
        screen._opened_at = self._opened_at
        self._held = None
        self.app.switch_screen(screen)

    def give_up(self) -> None:
        """The record was not made (the refusal is told): close, and drop the keys."""
        self._held = None
        self.dismiss(None)


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


class FormBody(VerticalScroll, can_focus=False):
    """Scrolls to whichever field has focus, but never takes focus itself:
    Tab goes from field to field."""


class OnWriter(Generic[T]):
    """What `submit` returns for a form that writes itself: `job` runs on the writer
    thread (never on the event loop); the form closes with `result(job's answer)`."""

    def __init__(self, job: Callable[[], Any], result: Callable[[Any], T] = lambda answer: answer):
        self.job, self.result = job, result


class FormScreen(TypeAhead, ModalScreen[T], Generic[T]):
    """Subclasses compose fields in `fields()` and turn them into a result in `submit()`.

    `submit` raises ParseError/StoreError/ValueError with a Norwegian message to keep
    the form open and show it; whatever it returns is the dismissal value. A form that
    writes returns `OnWriter(job)`: the form stays open, answering keys, until the
    writer is done, and a refusal is shown in it with everything as typed.
    """

    _saving = False

    TITLE = ""
    # A title made per instance («Nytt møte i NEHS»); Screen.TITLE is a class constant.
    form_title = ""
    # The first field takes focus; a subclass's on_mount may move it (base handlers run after).
    AUTO_FOCUS = "Input, Select, Checkbox"
    BINDINGS = [
        Binding("ctrl+s", "save", "Lagre"),
        Binding("escape", "cancel", "Avbryt"),
    ]
    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > Vertical { width: 90; max-width: 95%; height: auto; max-height: 90%; border: thick $primary; background: $panel; padding: 0 1; }
    FormScreen VerticalScroll { height: auto; max-height: 30; }
    FormScreen .form-title { text-style: bold; margin-bottom: 1; }
    FormScreen Label { margin-top: 1; color: $text-muted; }
    FormScreen #form-error { color: $error; height: auto; margin-top: 1; }
    FormScreen .form-hint { color: $text-muted; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.form_title or self.TITLE, classes="form-title")
            with FormBody():
                yield from self.fields()
            yield Static("", id="form-error")
            yield Static("Enter/Ctrl+S lagrer · Escape avbryter", classes="form-hint")

    def _on_mount(self, event: events.Mount) -> None:
        super()._on_mount(event)
        # What the fields held when the form opened (before any held keys are typed in:
        # those are sent on from the app's queue, after this): Escape asks if that changed.
        self.call_after_refresh(self._remember_start)

    def _remember_start(self) -> None:
        self._start_values = self._field_values()

    def _field_values(self) -> list[object]:
        values: list[object] = []
        for widget in self.query("Input, TextArea, Select, Checkbox"):
            if isinstance(widget, Input):
                values.append(widget.value)
            elif isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, (Select, Checkbox)):
                values.append(widget.value)
        return values

    def has_changes(self) -> bool:
        start = getattr(self, "_start_values", None)
        return start is not None and start != self._field_values()

    def on_mount(self) -> None:
        """Subclasses may extend this (AUTO_FOCUS has already chosen the field)."""

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def submit(self) -> T | OnWriter[T]:
        raise NotImplementedError

    def value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    def action_save(self) -> None:
        if self._saving:
            return  # Enter again while the writer has it: one save
        try:
            result = self.submit()
        except (ParseError, StoreError, ValueError) as exc:
            self.show_error(str(exc))
            return
        if isinstance(result, OnWriter):
            self._saving = True
            self.show_error("Lagrer …")
            on_writer = result
            write(self, on_writer.job, lambda answer: self._written(on_writer.result(answer)), failed=self._refused)
            return
        self.dismiss(result)

    def _written(self, result: T) -> None:
        self._saving = False
        self.dismiss(result)

    def _refused(self, exc: Exception) -> None:
        self._saving = False
        if not isinstance(exc, ParseError | StoreError | ValueError):
            raise exc
        self.show_error(str(exc))

    def action_cancel(self) -> None:
        if not self.has_changes():
            self.dismiss(None)
            return
        from .confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Forkaste det du har skrevet i skjemaet?", yes="Forkast", no="Fortsett"), answered)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()


def labelled(label: str, widget) -> ComposeResult:
    yield Label(label)
    yield widget
