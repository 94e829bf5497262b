"""The footer of every screen: Textual's, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its keys whenever the screen's bindings may have changed:
every focus change (each Tab in a form, each remark opened in meeting mode), and each
new key restyles itself twice as it mounts. Most of those changes leave the same keys
in the footer, so the rebuild is skipped when what it would show is what it shows.
"""

from __future__ import annotations

from typing import Any

from textual import widgets
from textual.screen import Screen
from textual.widgets._footer import FooterKey

HELP_KEY = "f1"


class Footer(widgets.Footer):
    """What Textual's Footer shows, drawn as it draws it; see the module's doc."""

    _shown: tuple[Any, ...] | None = None

    def _showing(self) -> tuple[Any, ...]:
        """Everything Footer.compose reads to draw the keys, in its order."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (binding.key, self.app.get_key_display(binding), binding.description, binding.action,
             binding.group, enabled, tooltip, binding.tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )

    def compose(self):
        if self._bindings_ready:
            self._shown = self._showing()
        # F1 first: it lists every key, so it must be seen however narrow the terminal (at
        # 80 columns the keys after F4 were cut off, F1 among them).
        shown = list(super().compose())
        for key in (widget for widget in shown if isinstance(widget, FooterKey)):
            # Bound to the footer's `compact`, each key restyled itself twice as it mounted
            # (its own default, then the footer's): a fifth of opening a screen. Ours never
            # changes, so each bound key starts with it (the palette's key is not bound).
            if "compact" not in (key._reactive_connect or {}):
                continue
            key._reactive_connect = None
            key.set_reactive(FooterKey.compact, self.compact)
            key.set_class(self.compact, "-compact", update=False)
        first = [widget for widget in shown if isinstance(widget, FooterKey) and widget.key == HELP_KEY]
        yield from first + [widget for widget in shown if widget not in first]

    def bindings_changed(self, screen: Screen) -> None:
        if (
            self._bindings_ready
            and self._shown is not None
            and self.is_attached
            and screen is self.screen
            and self._showing() == self._shown
        ):
            return
        super().bindings_changed(screen)
