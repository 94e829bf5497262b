"""Stored text on screen: shown as typed, never read as markup or as terminal control.

Textual and Rich read a plain ``str`` as markup almost everywhere (Static, Label,
DataTable cells, OptionList, palette hits, toasts), so a title like «Sak [/]» crashed
the app and «[sladdet]» vanished. The screens therefore use the widgets below, which
show a ``str`` literally, and build their own styled lines with `markup`, whose
values are always literal. Control characters an older archive may hold are left out
of what is shown (`domain.text.clean_text`), so they never reach the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self

from rich.console import OverflowMethod
from rich.text import Text
from textual import widgets
from textual.content import Content
from textual.fuzzy import Matcher
from textual.visual import VisualType
from textual.widgets.option_list import Option

from ..domain.text import clean_text


def shown(text: str | None) -> str:
    """`text` as it may reach the terminal: control characters out."""
    return clean_text(text or "")


def literal(text: str | None) -> Content:
    """`text` exactly as stored, for any widget: no markup read, no control passed."""
    return Content(shown(text))


def literal_text(text: str | None, style: str = "", overflow: OverflowMethod | None = None) -> Text:
    """`literal` as a Rich Text, for what Textual expects Rich text in (Select options,
    DataTable cells with a style; `overflow="ellipsis"`: cut at the cell's edge with «…»)."""
    return Text(shown(text), style=style, end="", overflow=overflow)


def markup(template: str, **values: Any) -> Content:
    """Our own markup `template` with ``$name`` placeholders filled by `values`, which are
    shown literally (``markup("[b]$title[/b]", title=item.title)``)."""
    return Content.from_markup(template, **{name: shown(str(value)) for name, value in values.items()})


def highlighted(matcher: Matcher, label: str) -> Content:
    """A palette hit's `label` shown literally, its letters matching the query marked
    (Matcher.highlight would read the label as markup)."""
    label = shown(label)
    content = Content(label)
    score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    if score:
        for offset in offsets:
            if not label[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _literal_renderable(value: VisualType) -> VisualType:
    """A str as literal text; Rich Text without control characters; anything else as is."""
    if isinstance(value, str):
        return literal(value)
    if isinstance(value, Text) and clean_text(value.plain) != value.plain:
        return Text(shown(value.plain), style=value.style, end="", overflow=value.overflow)
    return value


class Static(widgets.Static):
    """A Static that shows a str literally (pass `markup(...)` for styled text)."""

    def __init__(self, content: VisualType = "", *, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(_literal_renderable(content), markup=markup, **kwargs)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(_literal_renderable(content), layout=layout)


class Label(widgets.Label):
    """A Label that shows a str literally (pass `markup(...)` for styled text)."""

    def __init__(self, content: VisualType = "", *, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(_literal_renderable(content), markup=markup, **kwargs)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(_literal_renderable(content), layout=layout)


def _cell(value: object) -> object:
    """A DataTable cell: a str as literal Rich Text (DataTable reads a str as Rich markup)."""
    if isinstance(value, str):
        return literal_text(value)
    if isinstance(value, Text):
        return _literal_renderable(value)
    return value


class DataTable(widgets.DataTable):
    """A DataTable whose str cells are shown literally."""

    def add_row(self, *cells: object, **kwargs: Any):
        return super().add_row(*(_cell(cell) for cell in cells), **kwargs)

    def update_cell(self, row_key, column_key, value: object, *, update_width: bool = False) -> None:
        super().update_cell(row_key, column_key, _cell(value), update_width=update_width)

    def update_cell_at(self, coordinate, value: object, *, update_width: bool = False) -> None:
        super().update_cell_at(coordinate, _cell(value), update_width=update_width)


def _option(option: Option | VisualType | None) -> Option | VisualType | None:
    """An OptionList entry with its prompt literal (a str, or an Option's str prompt)."""
    if option is None:  # a separator
        return None
    if isinstance(option, Option):
        prompt = _literal_renderable(option.prompt)
        return option if prompt is option.prompt else Option(prompt, id=option.id, disabled=option.disabled)
    return _literal_renderable(option)


class OptionList(widgets.OptionList):
    """An OptionList that shows str prompts literally."""

    def __init__(self, *content: Any, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(*content, markup=markup, **kwargs)

    def add_options(self, new_options: Iterable[Option | VisualType | None]) -> Self:
        return super().add_options([_option(option) for option in new_options])
