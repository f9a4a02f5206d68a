"""Turning pydantic's validation errors into diagnostics an editor can act on.

pydantic knows *which* field is wrong; `yamlpos.Positions` knows *where* it was
written. This module joins the two and rewrites pydantic's messages in the
editor's words (with a did-you-mean for unknown keys).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, Callable, TypeVar

from pydantic import BaseModel, ValidationError

from ..base import Code, Diagnostic, error
from .yamlpos import Loc, Positions

M = TypeVar("M", bound=BaseModel)


Where = Callable[[Loc], tuple[Path, Positions]]


def validate(model: type[M], data: Any, positions: Positions, path: Path) -> tuple[M | None, list[Diagnostic]]:
    """Validate `data` against `model`; on failure return one diagnostic per problem."""
    if not isinstance(data, dict):
        line, col = positions.of_value(())
        return None, [error(path, line, col, "wrong-type",
                            "the front matter must be a set of 'key: value' fields")]
    return validate_merged(model, data, lambda loc: (path, positions))


def validate_merged(model: type[M], data: dict[str, Any], where: Where) -> tuple[M | None, list[Diagnostic]]:
    """Validate data merged from several files; `where(loc)` says which file a path came from."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        items = _drop_missing_explained_by_typos(model, exc.errors())
        diagnostics = []
        for item in items:
            path, positions = where(tuple(item["loc"]))
            diagnostics.append(_to_diagnostic(model, item, positions, path, ()))
        return None, diagnostics


def _drop_missing_explained_by_typos(model: type[BaseModel], items: list[Any]) -> list[Any]:
    """`contxt_window:` yields "unknown field" and "missing context_window"; the first says it all."""
    meant: set[Loc] = set()
    for item in items:
        if item["type"] == "extra_forbidden":
            loc = tuple(item["loc"])
            known = _field_names(model, loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
            if close:
                meant.add(loc[:-1] + (close[0],))
    return [i for i in items if not (i["type"] == "missing" and tuple(i["loc"]) in meant)]


def _to_diagnostic(model: type[BaseModel], item: dict[str, Any], positions: Positions,
                   path: Path, prefix: Loc) -> Diagnostic:
    loc = prefix + tuple(part for part in item["loc"] if not _is_union_tag(part))
    field = _dotted(loc[len(prefix):])
    kind = item["type"]
    if kind == "extra_forbidden":
        line, col = positions.of_key(loc)
        key = str(loc[-1])
        known = _field_names(model, loc[len(prefix):-1])
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else (
            f"allowed here: {', '.join(sorted(known))}" if known else "")
        return error(path, line, col, "unknown-key", f"unknown field '{field}'", hint)
    if kind == "missing":
        parent = loc[:-1]
        line, col = positions.of_key(parent) if parent else positions.of_value(())
        return error(path, line, col, "missing-field", f"required field '{field}' is missing",
                     f"add '{loc[-1]}:' here")
    line, col = positions.of_value(loc)
    where = f"'{field}'" if field else "the front matter"
    reference = (item.get("ctx") or {}).get("reference", "")
    return error(path, line, col, _code_for(kind), f"{where}: {_message(item)}", reference=reference)


def _message(item: dict[str, Any]) -> str:
    kind = item["type"]
    ctx = item.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", item["msg"]))
    if kind in ("literal_error", "enum"):
        return f"'{item.get('input')}' is not one of {ctx.get('expected', '')}"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind == "too_long":
        return f"allows at most {ctx.get('max_length')} item(s)"
    if kind in ("list_type", "model_type", "dict_type", "model_attributes_type"):
        expected = "a list" if kind == "list_type" else "a group of 'key: value' fields"
        return f"expected {expected}, got {_shape(item.get('input'))}"
    return str(item["msg"])


def _code_for(kind: str) -> Code:
    """The diagnostic code of one pydantic error: our schema types raise theirs by name
    (`schema_error`); pydantic's own type errors are wrong types; anything else is an invalid value."""
    if kind in _CODES:
        return Code.of(kind)
    return Code.WRONG_TYPE if kind in _TYPE_ERRORS else Code.INVALID_VALUE


_CODES = {code.value for code in (Code.WRONG_TYPE, Code.OUT_OF_RANGE, Code.INVALID_VALUE)}
_TYPE_ERRORS = {"list_type", "model_type", "dict_type", "model_attributes_type", "string_type", "int_type",
                "bool_type", "date_type"}


def _shape(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _is_union_tag(part: Any) -> bool:
    """pydantic inserts type names such as 'function-after[...]' into a loc; drop them. Only that
    shape counts: a damaged key such as 'contm[.b_window' is a key, and its error needs its loc."""
    return isinstance(part, str) and (bool(_TAG.fullmatch(part)) or part in {"int", "str", "none", "decimal"})


_TAG = re.compile(r"[a-z][a-z-]*\[.*\]", re.DOTALL)


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _field_names(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys allowed at `loc` inside `model`, following nested models and lists."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", {})
    return [f.alias or name for name, f in fields.items()]


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
