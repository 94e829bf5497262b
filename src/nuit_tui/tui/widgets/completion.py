"""A name field that completes from a list: Tab, Enter and → take the suggestion shown;
a name that matches nobody is kept only once the secretary confirms it as new.

What is typed in the minutes goes out in documents: «Helse V» must not be saved
because Tab was pressed instead of →.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from textual import events
from textual.binding import Binding
from textual.suggester import Suggester
from textual.widget import Widget

from .fields import Input
from .text_field import TextArea


def put_typed_in(field: Widget | None, keys: list[events.Key]) -> None:
    """The text of `keys` (Enter a new line in a text area) added at the end of `field`."""
    if field is None or not keys:
        return
    if isinstance(field, TextArea):
        text = "".join("\n" if key.key == "enter" else key.character or "" for key in keys if key.is_printable or key.key == "enter")
        field.insert(text, field.document.end)
    elif isinstance(field, Input):
        field.value += "".join(key.character or "" for key in keys if key.is_printable)


def complete(typed: str, names: Iterable[str], short_names: Mapping[str, str] | None = None) -> str | None:
    """The name `typed` stands for: the one it spells (any case), else the one whose short
    name it spells («FHI»: Folkehelseinstituttet, from `short_names`, short name → name),
    else the first that starts with it; None if it matches nobody."""
    key = " ".join(typed.split()).casefold()
    if not key:
        return None
    names = list(names)
    exact = next((name for name in names if name.casefold() == key), None)
    short = next((name for short, name in (short_names or {}).items() if short.casefold() == key), None)
    return exact or short or next((name for name in names if name.casefold().startswith(key)), None)


class NameSuggester(Suggester):
    """Shows what Tab and Enter will take (the same rule as `complete`)."""

    def __init__(self, names: list[str], short_names: dict[str, str]):
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names
        self.short_names = short_names

    async def get_suggestion(self, value: str) -> str | None:
        found = complete(value, self.names, self.short_names)
        # The suggestion is drawn after what is typed: show it only when it continues it.
        return found if found and found.casefold().startswith(value.casefold()) and found != value else None


class NameInput(Input):
    """`names` to complete from, and `short_names` (short name → name) that stand for
    them; `what` names a new one in the question («ny taler»), `among` the names («blant navnene»)."""

    BINDINGS = [Binding("tab", "take_and_go", "Fullfør og gå videre", show=False)]

    # «Rett navnet» gives the typed name back to be put right, the cursor at its end (as the
    # presenter field does), rather than emptying the field for it to be typed again.
    KEEPS_NAME_TO_PUT_RIGHT = False

    def __init__(
        self,
        names: Iterable[str] = (),
        *,
        short_names: Mapping[str, str] | None = None,
        what: str = "taler",
        among: str = "navnene",
        enter_goes_to: str | None = None,
        **kwargs,
    ):
        self.names: list[str] = []
        self.set_names(names)
        self.short_names = dict(short_names or {})
        self.what, self.among = what, among  # «… finnes ikke blant {among}. Registrere som ny {what}?»
        # Enter moves on to this field at once (keys typed after Enter belong there), in
        # place of posting Submitted.
        self.enter_goes_to = enter_goes_to
        self.confirmed: set[str] = set()  # new names the secretary has said yes to
        # While the new-name question is open: the keys typed after Tab or Enter before it
        # was on screen (they reach this field, or the question, only now). They belong to
        # the next field, not to the question: «n» in the text typed on must not answer it.
        self.typed_on: list[events.Key] | None = None
        super().__init__(suggester=NameSuggester(self.names, self.short_names), **kwargs)

    def set_names(self, names: Iterable[str]) -> None:
        self.names[:] = dict.fromkeys(names)  # the suggester shares the list
    def take(self, then: Callable[[], object]) -> None:
        """Put the completed name in the field and go on with `then`; a name that matches
        nobody is asked about first: yes keeps it (and goes on), no empties the field (or
        gives the name back to be put right: KEEPS_NAME_TO_PUT_RIGHT)."""
        typed = " ".join(self.value.split())
        found = complete(typed, self.names, self.short_names)
        if not typed or found is not None or typed.casefold() in self.confirmed:
            if found is not None and found != self.value:
                self.value = found
                self.cursor_position = len(found)
            then()
            return
        from .confirm import ConfirmScreen

        typed_on = self.typed_on = []
        after = self._next_field()

        def answered(yes: bool | None) -> None:
            self.typed_on = None
            typed_on.sort(key=lambda key: key.time)  # held here and by the question: in typed order
            if yes:
                self.confirmed.add(typed.casefold())
                self.names.append(typed)
                then()
                for key in typed_on:  # on into the next field, as if typed now
                    self.app.post_message(events.Key(key.key, key.character))
            else:
                if not self.KEEPS_NAME_TO_PUT_RIGHT:
                    self.value = ""
                self.cursor_position = len(self.value)
                self.focus()
                put_typed_in(after, typed_on)  # kept in the next field while the name is put right

        self.app.push_screen(
            ConfirmScreen(
                f"«{typed}» finnes ikke blant {self.among}. Registrere som ny {self.what}?",
                yes=f"Ny {self.what}",
                no="Rett navnet",
                typed_before_shown=typed_on,
            ),
            answered,
        )

    def _next_field(self) -> Widget | None:
        if self.enter_goes_to is not None:
            return self.screen.query_one(self.enter_goes_to)
        chain = self.screen.focus_chain
        return chain[chain.index(self) + 1] if self in chain and chain.index(self) + 1 < len(chain) else None

    def action_take_and_go(self) -> None:
        # Focus moves at once: the keys typed after Tab belong in the next field.
        self.take(lambda: self.screen.focus_next())

    async def action_submit(self) -> None:
        self.take(self._submitted)

    def _submitted(self) -> None:
        if self.enter_goes_to is not None:
            self.screen.set_focus(self.screen.query_one(self.enter_goes_to))
            return
        validation = self.validate(self.value) if "submitted" in self.validate_on else None
        self.post_message(self.Submitted(self, self.value, validation))
