"""The screens' compositor: Textual's, drawing for a changed region only the widgets in it.

A keystroke in a text field marks its region dirty, and Textual's compositor renders the
widgets whose clip (the region of the container they are in) overlaps it: in meeting
mode every widget on the screen, some twenty (header, footer, the agenda down the side,
the item's three text fields, each re-applying its theme), for each key. A widget whose
own region is outside the changed one adds nothing to it; here it is not rendered.
Typing a remark in meeting mode at 120×40 (profiled): a screen update per key, median
9.6 → 5.3 ms; the benchmark's longest stall while typing, 60 s sessions at scales 1 and 4:
18.1 / 22.7 → 11.2 / 13.0 ms (bench/session.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip


class ChangedRegionCompositor(Compositor):
    """Textual's Compositor; `_get_renders` of a crop leaves out the widgets it does not touch."""

    def _get_renders(self, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if not crop:
            yield from super()._get_renders(crop)
            return
        # Textual's own loop, with the widget's own region (not only its clip) tested
        # against the crop, as textual._compositor.Compositor._get_renders (Textual 8).
        overlaps = crop.overlaps
        intersection, contains_region = Region.intersection, Region.contains_region
        for widget, (region, clip) in self.visible_widgets.items():
            if not (overlaps(clip) and overlaps(region)):
                continue
            if contains_region(clip, region):
                yield region, clip, widget.render_lines(Region(0, 0, region.width, region.height))
            else:
                new_x, new_y, new_width, new_height = intersection(region, clip)
                if new_width and new_height:
                    yield region, clip, widget.render_lines(Region(new_x - region.x, new_y - region.y, new_width, new_height))
