"""Field types shared by the review and site-config schemas.

Each type turns one raw YAML value into a checked value or a message an editor
can act on. YAML floats arrive as `Decimal` (see `yamlpos`), so money keeps the
digits the editor typed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError


def schema_error(code: str, message: str, reference: str = "") -> PydanticCustomError:
    """A schema problem that carries its diagnostic code (one of `base.Code`), so turning it
    into a diagnostic never reads the message; `reference` is a bare model id it is about."""
    return PydanticCustomError(code, "{reason}", {"reason": message, "reference": reference})


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise schema_error("wrong-type", "expected a number, got true/false")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, str):
        raise schema_error("wrong-type", f"expected a number, got the text '{value}'" + _number_fix(value.strip().lstrip("$")))
    raise schema_error("wrong-type", f"expected a number, got {_describe(value)}")


def _number_fix(text: str) -> str:
    """How to write what the editor meant: '1,000' is a thousand, '0,40' a decimal comma."""
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?", text):
        return f"; write {text.replace(',', '')} without quotes or '$'"
    if re.fullmatch(r"\d+,\d+", text):
        return f"; write {text.replace(',', '.')}, with a point for the decimals, without quotes or '$'"
    return ""


def _non_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise schema_error("out-of-range", f"must not be negative (got {value})")
    return value


def _to_int(value: Any) -> int:
    if isinstance(value, bool):
        raise schema_error("wrong-type", "expected a whole number, got true/false")
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        raise schema_error("wrong-type", f"expected an exact whole number, got {value}; write it without a decimal point")
    if isinstance(value, str) and re.fullmatch(r"\s*\d[\d,_]*\s*[kKmM]?\s*", value):
        raise schema_error("wrong-type", f"expected an exact whole number of tokens, got the text '{value}'; "
                         "write the exact count, e.g. 1047576")
    raise schema_error("wrong-type", f"expected a whole number, got {_describe(value)}")


def _positive_int(value: int) -> int:
    if value <= 0:
        raise schema_error("out-of-range", f"must be greater than 0 (got {value})")
    return value


def _to_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        shaped = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
        if shaped:
            raise schema_error("invalid-value", f"'{value}' is not a real date: {_why_not_a_date(*map(int, shaped.groups()))}")
        raise schema_error("invalid-value", f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2025-04-14")
    raise schema_error("wrong-type", f"expected a date (YYYY-MM-DD), got {_describe(value)}")


def _why_not_a_date(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days"


_CUTOFF = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def _to_cutoff(value: Any) -> str:
    """Knowledge cutoffs are often known only to the month, so YYYY-MM is allowed."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        match = _CUTOFF.fullmatch(value.strip())
        if match:
            year, month, day = match.groups()
            try:
                dt.date(int(year), int(month), int(day or 1))
            except ValueError:
                raise schema_error("invalid-value", f"'{value}' is not a real date") from None
            return value.strip()
    raise schema_error("wrong-type", f"expected YYYY-MM or YYYY-MM-DD, got {_describe(value)}")


def _to_text(value: Any) -> str:
    if isinstance(value, str):
        if not value.strip():
            raise schema_error("invalid-value", "must not be empty")
        return value.strip()
    raise schema_error("wrong-type", f"expected text, got {_describe(value)}; put it in quotes if it is meant as text")


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise schema_error("wrong-type", f"expected true or false, got {_describe(value)}")


def _to_url(value: Any) -> str:
    text = _to_text(value)
    if not re.match(r"https?://[^\s/]+\.[^\s]+$", text):
        raise schema_error("invalid-value", f"'{text}' is not a web address; it must start with https:// or http://")
    return text


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return str(value)


_DEC_SCHEMA = {"type": "number"}

Money = Annotated[
    Decimal, BeforeValidator(_to_decimal), AfterValidator(_non_negative),
    PlainSerializer(lambda v: str(v), return_type=str),
    WithJsonSchema({"type": "number", "minimum": 0, "description": "USD per 1M tokens"}),
]
Number = Annotated[Decimal, BeforeValidator(_to_decimal), WithJsonSchema(_DEC_SCHEMA),
                   PlainSerializer(lambda v: str(v), return_type=str)]
PositiveNumber = Annotated[Decimal, BeforeValidator(_to_decimal), AfterValidator(_non_negative),
                           WithJsonSchema({"type": "number", "minimum": 0}),
                           PlainSerializer(lambda v: str(v), return_type=str)]
Tokens = Annotated[int, BeforeValidator(_to_int), AfterValidator(_positive_int),
                   WithJsonSchema({"type": "integer", "minimum": 1})]
Date = Annotated[dt.date, BeforeValidator(_to_date),
                 WithJsonSchema({"type": "string", "format": "date"})]
Cutoff = Annotated[str, BeforeValidator(_to_cutoff),
                   WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"})]
Text = Annotated[str, BeforeValidator(_to_text), WithJsonSchema({"type": "string", "minLength": 1})]
Flag = Annotated[bool, BeforeValidator(_to_bool), WithJsonSchema({"type": "boolean"})]
Url = Annotated[str, BeforeValidator(_to_url), WithJsonSchema({"type": "string", "format": "uri"})]
Slug = Annotated[str, BeforeValidator(_to_text),
                 AfterValidator(lambda v: _check_slug(v)),
                 WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9][a-z0-9._-]*$"})]
ModelRef = Annotated[str, BeforeValidator(_to_text),
                     AfterValidator(lambda v: _check_model_ref(v)),
                     WithJsonSchema({"type": "string", "pattern": r"^[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._:-]*$"})]


def _check_slug(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", value):
        raise schema_error("invalid-value", f"'{value}' must be lowercase letters, digits, '.', '_' or '-'")
    return value


_NOT_A_REFERENCE = "'{}' is not a model reference; write provider/model-id, e.g. openai/gpt-4.1"
_MODEL_ID = re.compile(r"[a-z0-9][a-z0-9._:-]*")


def _check_model_ref(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._:-]*", value):
        raise schema_error("invalid-value", _NOT_A_REFERENCE.format(value),
                           value if _MODEL_ID.fullmatch(value) else "")
    return value


def NonEmpty(max_length: int | None = None) -> Any:  # noqa: N802 - reads like a type
    return Field(min_length=1, max_length=max_length)
