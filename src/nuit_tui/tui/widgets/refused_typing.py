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
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual import events
from textual._time import get_time
from textual.app import App
from textual.timer import Timer

from .type_ahead import key_being_handled

# Keys typed on within this long of the one before are still the form's text: more than
# a typist's pause between words, less than reading the message and pressing a key.
PAUSE_SECONDS = 1.0

_REFUSAL = "_nuit_refused_typing"


@dataclass
class _Refusal:
    key: str  # the refused key, as typed («l»)
    at: float  # when it was typed: keys typed after it are dropped...
    last: float  # ...while each comes within PAUSE_SECONDS of the last one dropped
    typed: list[str] = field(default_factory=list)
    timer: Timer | None = None


def refuse_typing(app: App, message: str) -> None:
    """Say why the key being handled opens no form, and drop the keys typed on after it
    (see the module)."""
    _end(app)
    key = key_being_handled(app)
    at = key.time if key is not None else get_time()
    shown = key.character if isinstance(key, events.Key) and key.is_printable and key.character else ""
    refusal = _Refusal(shown or (key.key if isinstance(key, events.Key) else ""), at, at)
    setattr(app, _REFUSAL, refusal)
    app.notify(message, severity="warning")
    _end_after_a_pause(app, refusal)


def drops(app: App, event: events.Key | events.Paste) -> bool:
    """Whether the app's key router drops this key: typed on after a refused key, in its burst."""
    refusal: _Refusal | None = getattr(app, _REFUSAL, None)
    if refusal is None or event.time <= refusal.at:
        return False  # the refused key itself, or one typed before it
    if event.time - refusal.last > PAUSE_SECONDS:
        _end(app)
        return False
    refusal.last = max(refusal.last, event.time)
    if isinstance(event, events.Paste):
        refusal.typed.append(event.text)
    elif event.is_printable and event.character:
        refusal.typed.append(event.character)
    return True


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
    typed = " ".join("".join(refusal.typed).split())
    if typed:
        app.notify(f"Ikke brukt (skrevet etter {refusal.key}): «{typed}»", severity="warning")
