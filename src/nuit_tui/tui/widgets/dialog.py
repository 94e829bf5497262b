"""A question whose text may be longer than the terminal is tall (a check's findings):
the text scrolls by keys, while its heading and its answers stay in view.

The frame is itself the scrolling container. Its heading is docked at the top and its
answer line or buttons at the bottom, so they keep their place and the text between them
scrolls. (A list in a scrolling box between them does not do it: in a frame whose height
follows its content up to a maximum, Textual gives that box its whole content's height,
and the frame cut off what came below it, the answers first.)
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen


class DialogBox(VerticalScroll, can_focus=False):
    """The dialog's frame. Children with `dock: top` / `dock: bottom` stay put; the rest
    scrolls. It never takes focus: the dialog's keys (and its buttons) keep it."""

    def page_height(self) -> int:
        """The rows the text scrolls in: Textual's own page (PgDn) is the whole frame, the
        docked rows too, and skipped as many lines of the text unseen."""
        gutter = next((child.dock_gutter for child in self.children if child.styles.dock == "none"), None)
        docked = gutter.top + gutter.bottom if gutter else 0
        return max(1, self.scrollable_content_region.height - docked)

    def page(self, pages: int) -> None:
        self.scroll_to(y=self.scroll_y + pages * self.page_height(), animate=False)


class ScrollingDialog(ModalScreen[bool]):
    """A modal question composed in a `DialogBox`: ↑/↓, PgUp/PgDn, Home/End scroll its
    text whatever has focus (a button does not use them)."""

    BINDINGS = [
        Binding("down", "scroll_text(1)", show=False),
        Binding("up", "scroll_text(-1)", show=False),
        Binding("pagedown", "scroll_page(1)", show=False),
        Binding("pageup", "scroll_page(-1)", show=False),
        Binding("home", "scroll_edge('top')", show=False),
        Binding("end", "scroll_edge('bottom')", show=False),
    ]

    def action_scroll_text(self, lines: int) -> None:
        box = self.query_one(DialogBox)
        box.scroll_to(y=box.scroll_y + lines, animate=False)

    def action_scroll_page(self, pages: int) -> None:
        self.query_one(DialogBox).page(pages)

    def action_scroll_edge(self, edge: str) -> None:
        box = self.query_one(DialogBox)
        box.scroll_home(animate=False) if edge == "top" else box.scroll_end(animate=False)
