"""ContentError, and pydantic's validation errors in words an editor understands.

Every problem is one line, ``file: entry: field: message``, e.g.::

    services/money.toml: service 'police-mutual': field 'source_date': expected a date like 2025-07-23
"""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

#: pydantic's error types, said the way the rest of the messages are.
_MESSAGES = {
    "missing": "missing required field",
    "string_type": "expected text",
    "string_too_short": "expected non-empty text",
    "bool_type": "expected true or false",
    "int_type": "expected a whole number",
    "date_type": "expected a date like 2025-07-23",
    "list_type": "expected a list",
    "tuple_type": "expected a list",
    "dict_type": "expected a table",
    "model_type": "expected a table",
    "too_short": "expected at least one",
}


class ContentError(Exception):
    """Content files are unreadable or invalid: one line per problem, naming file, entry and field."""

    def __init__(self, problems: str | list[str]):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


def problem(file: str, message: str, entry: str | None = None, field: str | None = None) -> str:
    """Return one problem's line: ``file: entry: field 'name': message``."""
    parts = [file]
    if entry:
        parts.append(entry)
    if field:
        parts.append(f"field '{field}'")
    return ": ".join([*parts, message])


def field_name(loc: tuple[int | str, ...]) -> str:
    """Return a location as it is written in the file: ``contacts[0].value``."""
    name = ""
    for part in loc:
        if part == "[key]":  # pydantic's marker for a dict key: the key itself is the place
            continue
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def describe(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    """Return ``(field, message)`` for one of pydantic's errors on ``model``."""
    kind, loc = error["type"], tuple(error["loc"])
    if kind == "content":
        message = str(error["ctx"]["message"]) if "ctx" in error else error["msg"]
    elif kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        message = f"unknown field{hint}; allowed: {', '.join(sorted(allowed))}"
    else:
        message = _MESSAGES.get(kind, error["msg"])
    return field_name(loc), message


def _fields_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """Return the field names of the table at ``loc`` inside ``model`` (for "did you mean")."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if part not in current.model_fields:
                return []
            current = current.model_fields[str(part)].annotation
        elif get_origin(current) in (list, tuple):
            current = get_args(current)[0]
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``| None`` from a field's type."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation
