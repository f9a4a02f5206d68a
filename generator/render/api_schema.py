"""JSON Schemas (draft 2020-12) of the open-data API files written by `api`.

Written by hand rather than derived from the authored pydantic models, because the
API is the *resolved* shape (costs, labels, URLs) and a published contract: a field
must not appear or vanish because a review schema changed. Every object is closed
(`additionalProperties: false`), so the test that validates a build against these
schemas fails as soon as `api` writes a field the schema does not describe.
"""

from __future__ import annotations

from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_DATE = {"type": "string", "format": "date"}
_MONEY = {"type": "number", "minimum": 0, "description": "USD per 1M tokens, as listed"}
_TOKENS = {"type": "integer", "minimum": 0}
_TEXT = {"type": "string", "minLength": 1}
_URL = {"type": "string", "description": "site-relative directory URL of the page"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Any], description: str = "") -> dict[str, Any]:
    """A closed object whose every property is required (absent values are written as null)."""
    schema: dict[str, Any] = {"type": "object", "additionalProperties": False,
                              "required": list(properties), "properties": properties}
    if description:
        schema["description"] = description
    return schema


_KEY = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._:-]*$",
        "description": "provider/model-id, the review's path"}

_COST = _object({"tokens": _TOKENS, "input_tokens": _TOKENS, "output_tokens": _TOKENS,
                 "usd": {"type": "number", "minimum": 0, "description": "rounded half up to the cent"}},
                "the bill for one month at one configured volume, at the provider's list price")

_OFFER = _object({"provider": _TEXT, "route": _nullable(_TEXT), "input": _MONEY, "output": _MONEY,
                  "cached_input": _nullable(_MONEY), "verified": _DATE},
                 "the same model bought through another provider")

_PRICING = _object({
    "input": _MONEY, "output": _MONEY, "cached_input": _nullable(_MONEY),
    "batch": _nullable(_object({"input": _MONEY, "output": _MONEY})),
    "long_context": _nullable(_object({"above_tokens": _TOKENS, "input": _MONEY, "output": _MONEY,
                                       "cached_input": _nullable(_MONEY)})),
    "verified": _DATE,
}, "list prices from the model's own provider")

_MODEL_PROPERTIES: dict[str, Any] = {
    "key": _KEY,
    "provider": _TEXT,
    "id": _TEXT,
    "name": _TEXT,
    "snapshot": _nullable(_TEXT),
    "family": _TEXT,
    "aliases": {"type": "array", "items": _TEXT},
    "bracket": _TEXT,
    "released": _DATE,
    "reviewed": _DATE,
    "updated": {**_DATE, "description": "the newest of the review, price, offer and grade dates"},
    "lifecycle": _object({"status": {"enum": ["active", "deprecated", "retired"]}, "date": _nullable(_DATE),
                          "successor": _nullable(_KEY)}),
    "context_window": _TOKENS,
    "max_output": {**_nullable(_TOKENS), "description": "the longest response in tokens; null when no source "
                                                         "gives the output limit"},
    "knowledge_cutoff": _nullable({"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"}),
    "modalities": _object({"input": {"type": "array", "items": _TEXT, "minItems": 1},
                           "output": {"type": "array", "items": _TEXT, "minItems": 1}}),
    "capabilities": _object({name: {"type": "boolean"} for name in
                             ("tool_calling", "structured_output", "reasoning", "fine_tuning", "open_weights")}),
    "pricing": _PRICING,
    "blended_price": {"type": "number", "minimum": 0,
                      "description": "USD per 1M tokens at rules.input_share, rounded half up to the cent"},
    "monthly_costs": {"type": "array", "items": _COST},
    "offers": {"type": "array", "items": _OFFER},
    "grade": _nullable(_object({"score": {"type": "number", "minimum": 0}, "label": _TEXT,
                                "benchmarked": _DATE})),
    "url": _URL,
}

_MODEL_DETAIL_PROPERTIES: dict[str, Any] = {
    **_MODEL_PROPERTIES,
    "price_history": {"type": "array", "description": "oldest first; each entry is the price in force from its date",
                      "items": _object({"date": _DATE, "input": _MONEY, "output": _MONEY,
                                        "cached_input": _nullable(_MONEY)})},
    "benchmarks": {"type": "array", "items": _object({"name": _TEXT, "score": {"type": "number"}, "unit": _TEXT,
                                                      "source": _TEXT, "date": _DATE})},
    "peers": {"type": "array", "items": _KEY, "description": "same bracket, nearest blended price first"},
    "comparisons": {"type": "array", "items": _object({"with": _KEY, "url": _URL})},
}

_RULES = _object({
    "input_share": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
    "monthly_tokens": {"type": "array", "items": _TOKENS, "minItems": 1},
    "input_tokens": _TEXT, "monthly_cost": _TEXT, "blended_price": _TEXT, "rounding": _TEXT, "usage_cost": _TEXT,
    "ratio_from": {"type": "number", "description": "from this factor a price gap reads '5.0× cheaper'"},
    "grading": _object({"max": {"type": "number"},
                        "labels": {"type": "array", "items": _object({"label": _TEXT, "from": {"type": "number"}})}}),
}, "the arithmetic behind every computed amount on the pages")


def _document(kind: str, title: str, properties: dict[str, Any]) -> dict[str, Any]:
    header = {"$schema": {"type": "string"}, "version": {"const": 1},
              "updated": {**_DATE, "description": "the newest date in the content, not the build day"}}
    return {"$schema": DRAFT, "title": title, **_object({**header, **properties})}


SCHEMAS: dict[str, dict[str, Any]] = {
    "models": _document("models", "Every reviewed model",
                        {"rules": _RULES, "models": {"type": "array", "items": _object(_MODEL_PROPERTIES)}}),
    "model": _document("model", "One reviewed model with its price history",
                       {"model": _object(_MODEL_DETAIL_PROPERTIES)}),
    "providers": _document("providers", "Providers with a page on the site", {
        "providers": {"type": "array", "items": _object({
            "key": _TEXT, "name": _TEXT, "homepage": _TEXT, "url": _URL,
            "reviews": {"type": "array", "items": _KEY, "description": "models reviewed in this provider's folder"},
            "offers": {"type": "array", "items": _KEY, "description": "reviewed models this provider resells"},
        })}}),
    "brackets": _document("brackets", "Price brackets in config order", {
        "brackets": {"type": "array", "items": _object({
            "key": _TEXT, "name": _TEXT, "description": _TEXT, "max_output_price": _nullable(_MONEY), "url": _URL,
            "models": {"type": "array", "items": _KEY, "description": "cheapest blended price first"},
            "best_value": _nullable(_KEY),
        })}}),
}
