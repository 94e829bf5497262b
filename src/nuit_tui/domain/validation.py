"""A record checked as on every way in, with pydantic's refusal said in Norwegian.

`model_copy(update=…)` does not validate: a form that edits a record builds the new one
with `updated`, and the store checks every row it writes with `checked` (store/record_store.py).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .labels import field_label
from .models import WRITING
from .norwegian import ParseError

R = TypeVar("R", bound=BaseModel)


class InvalidRecord(ParseError):
    """A record whose values the archive does not accept; the message is Norwegian."""


def norwegian(exc: ValidationError) -> str:
    """The first refusal, by the field's Norwegian name: «Tittel: Høyst 300 tegn (nå 443)»."""
    error = exc.errors()[0]
    field = next((str(part) for part in reversed(error["loc"]) if isinstance(part, str)), "")
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "value_error":
        text = str(ctx.get("error", error["msg"]))
    elif kind in ("missing", "string_too_short"):
        text = "Mangler"
    elif kind in ("less_than_equal", "less_than"):
        text = f"Høyst {ctx.get('le', ctx.get('lt'))}"
    elif kind in ("greater_than_equal", "greater_than"):
        text = f"Minst {ctx.get('ge', ctx.get('gt'))}"
    elif kind.startswith(("int_", "float_")):
        text = "Må være et tall"
    elif kind.startswith(("date_", "time_", "datetime_")):
        text = "Ikke en gyldig dato eller tid"
    else:
        text = "Ugyldig verdi"
    return f"{field_label(field)}: {text}" if field else text


def checked(record: R) -> R:
    """`record` validated as it is written (what an older version stored is kept)."""
    try:
        return type(record).model_validate(record.model_dump(), context=WRITING)
    except ValidationError as exc:
        raise InvalidRecord(norwegian(exc)) from None


def updated(record: R, **changes: Any) -> R:
    """`record` with `changes`, validated (unlike `model_copy(update=…)`)."""
    try:
        return type(record).model_validate({**record.model_dump(), **changes}, context=WRITING)
    except ValidationError as exc:
        raise InvalidRecord(norwegian(exc)) from None


def created(model: type[R], **values: Any) -> R:
    """A new `model`, validated, or an `InvalidRecord` with a Norwegian message."""
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        raise InvalidRecord(norwegian(exc)) from None
