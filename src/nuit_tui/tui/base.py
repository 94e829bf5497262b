"""Typed access to the app from a widget, a screen or a palette provider.

Textual types `node.app` as `App[object]`, so mypy knows nothing of the archive
or the current body on it. `nuit_app(node)` is the same object typed as our
`NuitApp` (the cast Posting makes with `cast("Posting", self.app)`), in one place.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol, cast

from textual.message import Message

from ..errors import StoreError

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

    from .app import NuitApp


class FileChanged(Message):
    """The archive changed under the screen in view: another connection (another
    nuit-tui, the CLI) committed, or a save landed after its own screen was closed."""


class _HasApp(Protocol):
    @property
    def app(self) -> App[object]: ...


def key_id(key: str | None) -> int:
    """The record id a row or option was keyed with (`key=str(record.id)`); keys are always set."""
    if key is None:
        raise LookupError("a row or option without a key")
    return int(key)


def nuit_app(node: _HasApp) -> NuitApp:
    """The running NuitApp, seen from `node` (any widget, screen or command provider)."""
    return cast("NuitApp", node.app)


@contextlib.contextmanager
def guard(node: Widget, *, timeout: float | None = None) -> Iterator[None]:
    """A refused write or read (busy file, a row changed or gone) is a message on `node`,
    not a crash; what follows the refused call inside the block is skipped."""
    try:
        yield
    except StoreError as exc:
        node.notify(str(exc), severity="error", timeout=timeout)
