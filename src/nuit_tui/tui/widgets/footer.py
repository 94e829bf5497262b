"""The footer of every screen: Textual's, with its keys changed in place, and only those
that fit whole.

Textual's Footer rebuilds all its keys whenever the screen's bindings may have changed:
once as each screen opens (it composes empty, then again when the bindings are known),
and at every focus change (each Tab in a form, each remark opened in meeting mode);
each new key restyles itself twice as it mounts. Removing and mounting a dozen keys was
a tenth of a key-driven test's CPU. Here what Textual's compose would show is compared
with what is shown: the same keys are left alone, changed ones are changed in place,
and only a difference in number mounts or removes keys.

In a narrow terminal Textual cut the keys off where the palette's key (docked right)
began, mid-word («y Bytt å», «Innkalli»). Here a key that does not fit whole before it
is left out, as if not displayed, and so are the keys after it: the footer shows the first
keys of its order (F1, then the focused widget's, the screen's, the app's), so each
screen lists its most used keys first. F1 lists every key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import widgets
from textual.geometry import Size
from textual.layout import DockArrangeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets._footer import FooterKey

HELP_KEY = "f1"


class Footer(widgets.Footer):
    """What Textual's Footer shows, drawn as it draws it; see the module's doc."""

    # No horizontal scrollbar, should the keys ever be wider than the terminal (those that
    # do not fit are left out, see `arrange`): one made while the screen was being closed
    # kept its task, and through it the closed screen, alive (tests/test_collector.py).
    DEFAULT_CSS = """
    Footer { overflow-x: hidden; }
    """

    _shown: tuple[Any, ...] | None = None
    _fitted: tuple[DockArrangeResult, DockArrangeResult] | None = None

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        """Textual's arrangement without the keys that do not fit whole (see the module).

        Decided as the keys are laid out: hidden after the layout, a cut key would be
        painted for a frame first, and the footer laid out twice. The resized terminal,
        a key's new label, a key more or fewer: each lays the footer out again, and here
        the keys that fit are chosen again."""
        arranged = super().arrange(size, optimal)  # cached by Textual for the same keys and size
        if self._fitted is None or self._fitted[0] is not arranged:
            self._fitted = (arranged, _whole_keys(arranged, size.width))
        return self._fitted[1]

    def _showing(self) -> tuple[Any, ...]:
        """Everything Footer.compose reads to draw the keys, in its order."""
        palette = self.app.COMMAND_PALETTE_BINDING
        active = self.screen.active_bindings
        return tuple(
            (binding.key, self.app.get_key_display(binding), binding.description, binding.action,
             binding.group, enabled, tooltip, binding.tooltip)
            for key, (_node, binding, enabled, tooltip) in sorted(active.items(), key=_by_place(self.screen, active))
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
        keys = sorted((widget for widget in shown if isinstance(widget, FooterKey)), key=_by_place(self.screen))
        first = [key for key in keys if key.key == HELP_KEY]
        yield from first + [key for key in keys if key not in first] + [w for w in shown if not isinstance(w, FooterKey)]

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if self._shown is not None and self._showing() == self._shown:
            return
        if not self._update_pending:
            self._update_pending = True
            self.call_after_refresh(self._update_keys)

    _update_pending = False

    def _update_keys(self) -> None:
        """Make the keys shown those Textual's compose would show now (see the module)."""
        self._update_pending = False
        if not self.is_attached:
            return
        composed = list(self.compose())
        new = [widget for widget in composed if isinstance(widget, FooterKey)]
        old = [widget for widget in self.children if isinstance(widget, FooterKey)]
        if len(new) < len(composed) or len(old) < len(self.children):  # groups: never here
            self.refresh(recompose=True)
            return
        new_palette = [key for key in new if key.has_class(PALETTE)]
        old_palette = [key for key in old if key.has_class(PALETTE)]
        new_keys = [key for key in new if not key.has_class(PALETTE)]
        old_keys = [key for key in old if not key.has_class(PALETTE)]
        for shown, wanted in [*zip(old_keys, new_keys, strict=False), *zip(old_palette, new_palette, strict=False)]:
            _take_over(shown, wanted)
        surplus = old_keys[len(new_keys):] + old_palette[len(new_palette):]
        if surplus:
            self.remove_children(surplus)
        extra = new_keys[len(old_keys):]
        if extra:  # before the palette's key, which stays last
            self.mount_all(extra, before=old_palette[0] if old_palette and new_palette else None)
        if new_palette and not old_palette:
            self.mount(new_palette[0])


PALETTE = "-command-palette"


def _by_place(screen: Screen, active: dict[str, Any] | None = None) -> Callable[[Any], tuple[int, int]]:
    """A sort key for footer keys (or active bindings' items): where the binding shown is
    bound, its node's place in the binding chain (the focused widget first, the app last),
    then its place among the node's bindings. Textual keeps a key where it was first
    bound: meeting mode's F6 «Utsett» (the screen's, a priority binding) sat where the text
    field's own hidden F6 (select the line) was, so the keys changed order at every Tab in
    or out of a text, and the whole screen was laid out again (30–50 ms)."""
    active = screen.active_bindings if active is None else active
    place: dict[str, tuple[int, int]] = {}
    for n, (node, bindings) in enumerate(screen._modal_binding_chain):
        for m, (key, binding) in enumerate(bindings):
            shown = active.get(key)
            if shown is not None and shown.node is node and shown.binding is binding:
                place.setdefault(key, (n, m))
    last = (len(place) + 1, 0)

    def place_of(shown: Any) -> tuple[int, int]:
        return place.get(shown.key if isinstance(shown, FooterKey) else shown[0], last)

    return place_of


def _whole_keys(arranged: DockArrangeResult, width: int) -> DockArrangeResult:
    """`arranged` with the keys from the first that ends past the palette's key (or the
    footer's edge) left out."""
    palette = next((p for p in arranged.placements if p.widget.has_class(PALETTE)), None)
    room = palette.region.x if palette is not None else width
    left_out: set[Widget] = set()
    for placement in sorted(arranged.placements, key=lambda p: p.region.x):
        if placement is not palette and (left_out or placement.region.right > room):
            left_out.add(placement.widget)
    if not left_out:
        return arranged
    return DockArrangeResult(
        [p for p in arranged.placements if p.widget not in left_out], arranged.widgets - left_out, arranged.scroll_spacing
    )


def _look(key: FooterKey) -> tuple[Any, ...]:
    return (key.key, key.key_display, key.description, key.action, key._disabled, key.tooltip)


def _take_over(shown: FooterKey, wanted: FooterKey) -> None:
    """`shown` (mounted) becomes what `wanted` (composed, never mounted) would have shown."""
    if _look(shown) == _look(wanted):
        return
    shown.key, shown.key_display, shown.description, shown.action = wanted.key, wanted.key_display, wanted.description, wanted.action
    shown._disabled = wanted._disabled
    shown.set_class(wanted._disabled, "-disabled")
    shown.tooltip = wanted.tooltip
    shown.refresh(layout=True)
