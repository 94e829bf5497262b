"""Pick people by typing their names: Enter adds, Backspace on an empty field removes the last."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import Suggester

from ...domain import models as m
from ..base import nuit_app
from ..text import Static
from ..writes import write
from .fields import Input


class PersonSuggester(Suggester):
    """Completes a name from the archive's people as you type (a prefix query, not a list)."""

    def __init__(self, archive):
        super().__init__(use_cache=False, case_sensitive=False)
        self.archive = archive

    async def get_suggestion(self, value: str) -> str | None:
        for person in self.archive.members.people_named(value, limit=8):
            if person.name.lower().startswith(value.lower()):
                return person.name
        return None


class PeopleField(Vertical):
    """A list of people; posts `PeopleField.Changed` with the new list."""

    DEFAULT_CSS = """
    PeopleField { height: auto; }
    PeopleField > Static { color: $text; padding: 0 1; }
    """

    class Changed(Message):
        def __init__(self, field: PeopleField, people: list[m.Person]):
            super().__init__()
            self.field = field
            self.people = people

    def __init__(self, people: list[m.Person], *, placeholder: str, id: str):
        super().__init__(id=id)
        self.people = list(people)
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Static(self._names(), classes="people-names")
        yield PeopleInput(placeholder=self.placeholder, suggester=PersonSuggester(nuit_app(self).archive))

    def _names(self) -> str:
        return ", ".join(p.name for p in self.people) or "(ingen)"

    def _changed(self) -> None:
        self.query_one(".people-names", Static).update(self._names())
        self.post_message(self.Changed(self, list(self.people)))

    def add(self, name: str, then: Callable[[bool], object] | None = None) -> None:
        """Add the person `name` stands for; `then(added)` once it is known whether they were
        (a new name is asked about first, and made by the writer)."""
        done = then or (lambda _added: None)
        name = " ".join(name.split())
        if not name:
            done(False)
            return
        archive = nuit_app(self).archive
        person = archive.members.person_by_name(name)
        if person is None:
            # A typed beginning stands for the one person it fits; more than one is ambiguous.
            matches = self.matches(name)
            if len(matches) > 1:
                self.app.notify("Flere treff: " + ", ".join(p.name for p in matches[:5]) + " – skriv mer", severity="warning")
                done(False)
                return
            if matches:
                person = matches[0]
            else:
                self._ask_new(name, done)
                return
        self._add(person)
        done(True)

    def matches(self, name: str) -> list[m.Person]:
        """The people whose names begin with `name` (a few)."""
        people = nuit_app(self).archive.members.people_named(name, limit=6)
        return [p for p in people if p.name.lower().startswith(name.lower())]

    def typed(self) -> str:
        """A name typed in the field and not yet added (Enter adds it)."""
        return " ".join(self.query_one(PeopleInput).value.split())

    def several(self, name: str) -> list[str]:
        """The names a typed beginning fits, when it fits more than one person (Enter then
        asks for more); none for a name that is a person's, or fits one or none."""
        if nuit_app(self).archive.members.person_by_name(name) is not None:
            return []
        matches = self.matches(name)
        return [p.name for p in matches] if len(matches) > 1 else []

    def add_typed(self, then: Callable[[bool], object]) -> None:
        """Add the name typed, as Enter does; the field is emptied once it is added."""
        field = self.query_one(PeopleInput)
        typed = field.value

        def done(added: bool) -> None:
            if added and field.value == typed:  # (the new person's question empties it, and keeps keys typed on)
                field.value = ""
            then(added)

        self.add(typed, done)

    def _ask_new(self, name: str, done: Callable[[bool], object]) -> None:
        """None has that name: a new person only when the secretary says so (a typo must not
        become a second «Kari Nordman» in the registry), made by the writer and added when
        it is in. «Rett navnet» puts the name back in the field to be put right.

        Keys typed after Enter before the question was on screen are not its answer (the
        «j» of the next name must not register this one): the question holds them, and
        they are typed into the field once it is answered, after the name put back."""
        from .completion import put_typed_in
        from .confirm import ConfirmScreen

        members = nuit_app(self).archive.members
        typed_on: list[events.Key] = []

        def made(person: m.Person) -> None:
            self.app.notify(f"Ny person registrert: {name}")
            self._add(person)
            done(True)

        def answered(yes: bool | None) -> None:
            typed_on.sort(key=lambda key: key.time)  # held by the question and by the app: in typed order
            field = self.query_one(PeopleInput)
            if yes:
                write(self, lambda: members.add_person(name), made)
                field.value = ""
            else:
                field.value = name
            put_typed_in(field, typed_on)
            field.cursor_position = len(field.value)  # at its end, to be put right or typed on
            field.focus()
            if not yes:
                done(False)

        self.app.push_screen(
            ConfirmScreen(
                f"«{name}» finnes ikke blant personene. Registrere som ny person?",
                yes="Ny person",
                no="Rett navnet",
                typed_before_shown=typed_on,
            ),
            answered,
        )

    def _add(self, person: m.Person) -> None:
        if all(p.id != person.id for p in self.people):
            self.people.append(person)
            self._changed()

    def remove_last(self) -> None:
        if self.people:
            self.people.pop()
            self._changed()


class PeopleInput(Input):
    BINDINGS = [
        Binding("backspace", "backspace_or_remove", "Fjern siste", show=False),
        Binding("tab", "take_shown_and_go", "Fullfør og gå videre", show=False),
    ]

    def _field(self) -> PeopleField:
        field = self.parent
        assert isinstance(field, PeopleField)  # a PeopleInput lives in its PeopleField
        return field

    def action_backspace_or_remove(self) -> None:
        if self.value:
            self.action_delete_left()
        else:
            self._field().remove_last()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.take_shown_completion()
        # Emptied only once added: a beginning of several names with none shown (typed on
        # before the completion came) stays to be typed on («– skriv mer»), not typed again.
        self._field().add_typed(self._typed_on)

    def action_take_shown_and_go(self) -> None:
        """Tab: the completion shown is taken and added, as Enter does, and the focus goes
        on; with none shown, Tab only goes on (a name typed is added or asked about when the
        form is left)."""
        if self.take_shown_completion():
            self._field().add_typed(lambda _added: None)
        self.screen.focus_next()

    def _typed_on(self, added: bool) -> None:
        if not added:
            self.cursor_position = len(self.value)
