"""A modal form: labelled fields, one error line, Enter/Ctrl+S saves, Escape cancels.

A refusal about one field (`FieldError`, or any refusal raised inside `about(field)`)
puts the focus on that field, scrolled into view with its label.

Every key typed after the key that opened a form reaches the form, however fast
(`TypeAhead`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Offset, Region
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Select

from ...domain.norwegian import ParseError
from ...errors import StoreError
from ..text import Label, Static
from ..writes import write
from .fields import Input
from .text_field import TextArea
from .type_ahead import TypeAhead as TypeAhead
from .type_ahead import handle_with_type_ahead as handle_with_type_ahead

T = TypeVar("T")


class Opening(TypeAhead, ModalScreen[None]):
    """Stands in for a screen whose record the writer is still making (a new item): the
    keys typed meanwhile are held here and handed on to that screen when it comes, so
    they land in its first field as if it had opened at once."""

    DEFAULT_CSS = "Opening { align: center middle; background: $background 0%; }"
    # Nothing is released here: the keys wait for the screen that replaces this one,
    # however long the writer takes.
    RELEASES_WHEN_MOUNTED = False

    def compose(self) -> ComposeResult:
        yield Static("Et øyeblikk …")

    def hand_on(self, screen: TypeAhead) -> None:
        """Replace this stand-in with `screen`, which gets the keys held so far."""
        screen._held = [*(self._held or []), *(screen._held or [])]
        screen._opened_at = self._opened_at
        self._held = None
        self.app.switch_screen(screen)

    def give_up(self) -> None:
        """The record was not made (the refusal is told): close, and drop the keys."""
        self._held = None
        self.dismiss(None)



class FormBody(VerticalScroll, can_focus=False):
    """Scrolls to whichever field has focus, but never takes focus itself:
    Tab goes from field to field."""

    def scroll_to_region(self, region: Region, *args: Any, **kwargs: Any) -> Offset:
        # A field is shown with its label (the line above it, and the label's margin): the
        # screen centres a focused field, and the form opened with «Tittel» out of view.
        # At once: an animated scroll (the screen's own, on focus) ends where it was aimed
        # whatever this body's scroll did meanwhile.
        kwargs["center"] = False
        kwargs["animate"] = False
        label_lines = 2
        region = Region(region.x, max(0, region.y - label_lines), region.width, region.height + min(region.y, label_lines))
        return super().scroll_to_region(region, *args, **kwargs)

    def _on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The screen's scroll to a newly focused field left it behind the docked key line
        # (F4's «Frist» at 80×24: typed into unseen); this body's own scroll allows for it.
        # To the field focused when it runs, not the one this event names: on a loaded
        # machine an earlier focus's scroll (Shift+Tab to the top, before Ctrl+S put the
        # refused field in focus) ran after the later one's and left that field under the
        # error line.
        self.call_after_refresh(self.scroll_to_focused)

    def scroll_to_focused(self) -> None:
        focused = self.screen.focused if self.is_attached else None
        if focused is not None and self in focused.ancestors:
            self.scroll_to_widget(focused, animate=False)


class FormFoot(Vertical):
    """The error and key lines, docked under the fields. When it grows (a refusal shown
    after the field it is about took the focus), that field is scrolled clear of it again."""

    def on_resize(self) -> None:
        body = self.parent
        if isinstance(body, FormBody):
            body.call_after_refresh(body.scroll_to_focused)


class FieldError(ParseError):
    """A refusal about one field (`field`, a selector such as "#date"): shown in the form's
    error line, and that field takes the focus."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@contextmanager
def about(field: str) -> Iterator[None]:
    """What is refused inside this block (`submit`'s checks of one field) is about `field`."""
    try:
        yield
    except FieldError:
        raise
    except (ParseError, StoreError, ValueError) as exc:
        raise FieldError(field, str(exc)) from exc


class OnWriter(Generic[T]):
    """What `submit` returns for a form that writes itself: `job` runs on the writer
    thread (never on the event loop); the form closes with `result(job's answer)`."""

    def __init__(self, job: Callable[[], Any], result: Callable[[Any], T] = lambda answer: answer):
        self.job, self.result = job, result


class FormScreen(TypeAhead, ModalScreen[T], Generic[T]):
    """Subclasses compose fields in `fields()` and turn them into a result in `submit()`.

    `submit` raises ParseError/StoreError/ValueError with a Norwegian message to keep
    the form open and show it (a `FieldError`, or one raised inside `about(field)`, also
    moves the focus to the field it is about); whatever it returns is the dismissal
    value. A form that writes returns `OnWriter(job)`: the form stays open, answering
    keys, until the writer is done, and a refusal is shown in it with everything as typed.
    """

    _saving = False

    TITLE = ""
    # A title made per instance («Nytt møte i NEHS»); Screen.TITLE is a class constant.
    form_title = ""
    # The first field takes focus; a subclass's on_mount may move it (base handlers run after).
    AUTO_FOCUS = "Input, Select, Checkbox"
    BINDINGS = [
        Binding("ctrl+s", "save", "Lagre"),
        Binding("escape", "cancel", "Avbryt"),
    ]
    # The frame is the scrolling body itself, its title docked at the top and its error and
    # key lines at the bottom: they stay in view however tall the fields and however short
    # the terminal. (A scrolling body between them, in a frame whose height follows its
    # content up to a maximum, took the height it asked for, and the frame cut off the
    # lines below it: at 80×24 «Enter/Ctrl+S lagrer · Escape avbryter» was never shown.)
    # Docked lines are spaced by padding: a margin lets the fields scroll through.
    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > FormBody { width: 90; max-width: 95%; height: auto; max-height: 90%; border: thick $primary; background: $panel; padding: 0 1; }
    FormScreen .form-title { dock: top; text-style: bold; padding-bottom: 1; }
    FormScreen #form-foot { dock: bottom; height: auto; }
    FormScreen Label { margin-top: 1; color: $text-muted; }
    FormScreen #form-error { color: $error; height: auto; min-height: 2; padding-top: 1; }
    FormScreen #form-keys { color: $text-muted; padding-top: 1; }
    FormScreen .form-hint { color: $text-muted; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        with FormBody():
            yield Static(self.form_title or self.TITLE, classes="form-title")
            yield from self.fields()
            with FormFoot(id="form-foot"):
                yield Static("", id="form-error")
                yield Static("Enter/Ctrl+S lagrer · Escape avbryter", id="form-keys")

    def _on_mount(self, event: events.Mount) -> None:
        # (TypeAhead's _on_mount runs as well: Textual calls it for every class.)
        # What the fields held when the form opened (before any held keys are typed in:
        # those are sent on from the app's queue, after this): Escape asks if that changed.
        self.call_after_refresh(self._remember_start)

    def _remember_start(self) -> None:
        self._start_values = self._field_values()

    def _field_values(self) -> list[object]:
        values: list[object] = []
        for widget in self.query("Input, TextArea, Select, Checkbox"):
            if isinstance(widget, Input):
                values.append(widget.value)
            elif isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, (Select, Checkbox)):
                values.append(widget.value)
        return values

    def has_changes(self) -> bool:
        start = getattr(self, "_start_values", None)
        return start is not None and start != self._field_values()

    def on_mount(self) -> None:
        """Subclasses may extend this (AUTO_FOCUS has already chosen the field)."""

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def submit(self) -> T | OnWriter[T]:
        raise NotImplementedError

    def question(self, result: T) -> str | None:
        """A question answered «Ja» before the form closes with `result` (None: none); «Nei»
        or Escape goes back to the form with everything as typed."""
        return None

    def value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    def refuse(self, exc: Exception) -> None:
        """Show why the form was not saved, and go to the field it is about (if it says)."""
        self.show_error(str(exc))
        if isinstance(exc, FieldError):
            # Focusing scrolls the field (with its label) into view: FormBody.scroll_to_region.
            self.query_one(exc.field).focus()

    def action_save(self) -> None:
        if self._saving:
            return  # Enter again while the writer has it: one save
        try:
            result = self.submit()
        except (ParseError, StoreError, ValueError) as exc:
            self.refuse(exc)
            return
        if isinstance(result, OnWriter):
            self._write(result)
            return
        if (question := self.question(result)) is not None:
            from .confirm import ConfirmScreen

            def answered(yes: bool | None) -> None:
                if yes:
                    self._accept(result)

            self.app.push_screen(ConfirmScreen(question), answered)
            return
        self._accept(result)

    def writes(self, result: T) -> OnWriter[T] | None:
        """The write that saves `result`, run once its `question` is answered «Ja» (a form
        that asks before it writes: its refusal is shown here, as typed); None: the form
        closes with `result`."""
        return None

    def _accept(self, result: T) -> None:
        if (on_writer := self.writes(result)) is not None:
            self._write(on_writer)
        else:
            self.dismiss(result)

    def _write(self, on_writer: OnWriter[T]) -> None:
        self._saving = True
        self.show_error("Lagrer …")
        write(self, on_writer.job, lambda answer: self._written(on_writer.result(answer)), failed=self._refused)

    def on_key(self, event: events.Key) -> None:
        # Enter saves from a checkbox too: Textual's binds it to toggle (Space still does).
        # Stopped here, on its way up from the checkbox, it never reaches that binding.
        if event.key == "enter" and isinstance(self.focused, Checkbox):
            event.stop()
            event.prevent_default()
            self.action_save()

    def _written(self, result: T) -> None:
        self._saving = False
        self.dismiss(result)

    def _refused(self, exc: Exception) -> None:
        self._saving = False
        if not isinstance(exc, ParseError | StoreError | ValueError):
            raise exc
        self.refuse(exc)

    def action_cancel(self) -> None:
        if not self.has_changes():
            self.dismiss(None)
            return
        from .confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Forkaste det du har skrevet i skjemaet?", yes="Forkast", no="Fortsett"), answered)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()


def labelled(label: str, widget) -> ComposeResult:
    yield Label(label)
    yield widget
