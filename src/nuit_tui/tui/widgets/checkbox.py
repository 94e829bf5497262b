"""A checkbox whose glyph says its state (☑/☐): Textual's shows an X either way and
tells on and off apart by colour alone, which a grey terminal or a colour-blind
secretary cannot read."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox as TextualCheckbox


class Checkbox(TextualCheckbox):
    DEFAULT_CSS = """
    Checkbox > .toggle--button { background: transparent; }
    Checkbox.-on > .toggle--button { background: transparent; }
    """

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.assemble(("☑" if self.value else "☐", style))
