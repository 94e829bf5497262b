"""A key that opens a form to type in, refused: the keys typed on in the same burst were
meant for that form, and act as nothing where they land.

In the follow-up register l opens the form that closes the selected follow-up with a
note. On an empty list there is nothing to close: l did nothing to be seen, and the note
typed after it reached the register as keys («sak ble behandlet»: s cycled the status, a
opened the filter on responsible). A screen that cannot open such a form calls
`refuse_typing` with why, which is said; the app's key router then drops the keys typed
after the refused one (`drops`) as long as each comes within PAUSE_SECONDS of the one
before, Enter and Escape too (meant for the form). The first key after a pause is a key
again. When the burst is over, what was typed is named, so that nothing typed is lost
unseen.

A list takes no text either: letters typed while it has the focus (meeting mode's agenda
down the side, believed to be «Referat») vanished. Such a list calls `refuse_text` for
a printable key none of its bindings takes: the same, the key being the first of the
text named. But there the text was meant for a field of the same screen, not for a form
that never opened: a key that does the same there as in the field (Escape goes back,
Tab to the next field, a function key) ends the burst and acts (Escape was dropped: it
took a second press to leave). Enter, Delete and arrows would act on the list, not as in
the text: still dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import events
from textual._time import get_time
from textual.app import App
from textual.binding import Binding
from textual.timer import Timer
from textual.widget import Widget

from ..key_display import is_function_key
from .type_ahead import key_being_handled

# Keys typed on within this long of the one before are still the form's text: more than
# a typist's pause between words, less than reading the message and pressing a key.
PAUSE_SECONDS = 1.0

# The notice naming what was typed stays this long: it is there to be read and typed
# again, a sentence at a time (Textual's 5 seconds were gone before that).
TYPED_NOTICE_SECONDS = 60.0

_REFUSAL = "_nuit_refused_typing"


@dataclass
class _Refusal:
    where: str  # where the text went, named with it: «etter l», «i dagsordenen»
    at: float  # when it was typed: keys typed after it are dropped...
    last: float  # ...while each comes within PAUSE_SECONDS of the last one dropped
    # (when typed, what): a list reached by keys that the router then drops gets them out
    # of order (the router may pass on a few before the list has refused the first).
    typed: list[tuple[float, str]] = field(default_factory=list)
    timer: Timer | None = None
    text_only: bool = False  # typed on a list (refuse_text): keys that act anywhere still act


def refuse_typing(app: App, message: str) -> None:
    """Say why the key being handled opens no form, and drop the keys typed on after it
    (see the module)."""
    _end(app)
    key = key_being_handled(app)
    at = key.time if key is not None else get_time()
    shown = ""
    if isinstance(key, events.Key):
        # A key with no character as the footer and F1 show it («^↑», not «ctrl+up»).
        shown = key.character if key.is_printable and key.character else app.get_key_display(Binding(key.key, ""))
    _refuse(app, message, _Refusal(f"etter {shown}", at, at))


def refuse_text(widget: Widget, event: events.Key | events.Paste, message: str, where: str) -> None:
    """A widget that takes no text (a list) was typed into: say `message` once per burst,
    and name what was typed («Ikke brukt (skrevet {where}): …») when the burst is over.
    Only a key no binding takes: the caller's to check (`unbound_text`)."""
    event.stop()
    event.prevent_default()
    app = widget.app
    text = event.text if isinstance(event, events.Paste) else event.character or ""
    refusal: _Refusal | None = getattr(app, _REFUSAL, None)
    if refusal is not None and refusal.where == where and event.time - refusal.last <= PAUSE_SECONDS:
        refusal.typed.append((event.time, text))  # passed on to the list before it refused the first
        refusal.last = max(refusal.last, event.time)
        return
    _end(app)
    _refuse(app, message, _Refusal(where, event.time, event.time, [(event.time, text)], text_only=True))


def unbound_text(widget: Widget, event: events.Key | events.Paste) -> bool:
    """Whether the key is text that nothing on the screen takes (no binding of the widget,
    its parents, the screen or the app): a pasted text, or a printable key unbound."""
    if isinstance(event, events.Paste):
        return bool(event.text)
    if not (event.is_printable and event.character):
        return False
    return event.key not in widget.screen.active_bindings


def _refuse(app: App, message: str, refusal: _Refusal) -> None:
    setattr(app, _REFUSAL, refusal)
    app.notify(message, severity="warning")
    _end_after_a_pause(app, refusal)


def drops(app: App, event: events.Key | events.Paste) -> bool:
    """Whether the app's key router drops this key: typed on after a refused key, in its burst."""
    refusal: _Refusal | None = getattr(app, _REFUSAL, None)
    if refusal is None or event.time <= refusal.at:
        return False  # the refused key itself, or one typed before it
    if event.time - refusal.last > PAUSE_SECONDS or (refusal.text_only and acts_anywhere(event)):
        _end(app)
        return False
    refusal.last = max(refusal.last, event.time)
    if isinstance(event, events.Paste):
        refusal.typed.append((event.time, event.text))
    elif event.is_printable and event.character:
        refusal.typed.append((event.time, event.character))
    return True


def acts_anywhere(event: events.Key | events.Paste) -> bool:
    """Whether a key does on a list what it does in a text field: Escape, Tab, Shift+Tab and
    the function keys (the screens' keys while typing)."""
    if not isinstance(event, events.Key):
        return False
    return event.key in ("escape", "tab", "shift+tab") or is_function_key(event.key.rsplit("+", 1)[-1])


def _end_after_a_pause(app: App, refusal: _Refusal) -> None:
    def check() -> None:
        if getattr(app, _REFUSAL, None) is not refusal:
            return
        waited = get_time() - refusal.last
        if waited >= PAUSE_SECONDS:
            _end(app)
        else:
            refusal.timer = app.set_timer(PAUSE_SECONDS - waited, check)

    refusal.timer = app.set_timer(PAUSE_SECONDS, check)


def _end(app: App) -> None:
    """The burst is over: name what was typed in it, if anything."""
    refusal: _Refusal | None = getattr(app, _REFUSAL, None)
    if refusal is None:
        return
    setattr(app, _REFUSAL, None)
    if refusal.timer is not None:
        refusal.timer.stop()
    typed = " ".join("".join(text for _, text in sorted(refusal.typed, key=lambda typed: typed[0])).split())
    if typed:
        app.notify(f"Ikke brukt (skrevet {refusal.where}): «{typed}»", severity="warning", timeout=TYPED_NOTICE_SECONDS)


class TakesNoText:
    """A list (mixed into its widget class) that names text typed on it, never drops it
    unseen: its own keys, and every bound key, act as before."""

    # Said at the first letter of a burst («Dagsordenen har fokus …»), and where the text went («i dagsordenen»).
    NO_TEXT_MESSAGE = ""
    NO_TEXT_WHERE = ""

    def on_key(self, event: events.Key) -> None:
        self._no_text(event)

    def on_paste(self, event: events.Paste) -> None:
        self._no_text(event)

    def _no_text(self, event: events.Key | events.Paste) -> None:
        assert isinstance(self, Widget)
        if unbound_text(self, event):
            refuse_text(self, event, self.NO_TEXT_MESSAGE, self.NO_TEXT_WHERE)
