"""Adapter for OpenRouter's `GET /api/v1/models` answer: `{data: [{id, pricing, ...}]}`.

Every entry is sold by OpenRouter itself (provider `openrouter`); the id's prefix
(`openai/gpt-4.1-mini`) names the maker. Prices are USD per token as strings; a
negative price (OpenRouter writes `-1` for "varies by route", e.g. `openrouter/auto`)
is no fixed price, and a review without one has no cost table: such a listing is
skipped with that reason.
What we read besides prices:

* `context_length` is the context window; `top_provider.max_completion_tokens`
  the output limit (often null: then unknown).
* `supported_parameters` is an explicit list, so a missing `tools` means no tool
  calling; `structured_outputs` means structured output; `reasoning` reasoning.
* a `hugging_face_id` means the weights are published (open weights); an empty one
  says nothing.
* `created` is the day OpenRouter listed the model, not its release, so it is
  kept as `first_listed`, never as `released`; the newest `created` is the file's
  `as_of`. `canonical_slug` (often a dated snapshot id) is kept for resolution;
  `expiration_date` is the announced retirement.
* names lose OpenRouter's maker prefix ("OpenAI: GPT-4.1 Mini" -> "GPT-4.1 Mini").
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from . import values
from .ids import lab_of, non_chat_kind, split_id
from .record import CatalogError, CatalogRead, CatalogSource, ImportedModel, Skipped, load_json

TITLE = "OpenRouter models API"
URL = "https://openrouter.ai/api/v1/models"
_MAKER = re.compile(r"^[^:]{1,40}:\s+")
_MODALITIES = {"text", "image", "audio", "video", "pdf", "file"}


def read(path: Path, provider_keys: set[str]) -> CatalogRead:
    data, _ = load_json(path)   # ids are list items: repeats are caught below
    entries = data.get("data") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CatalogError(f"{path} is not an OpenRouter models answer: expected {{\"data\": [...]}}")
    result = CatalogRead(CatalogSource("openrouter", TITLE, URL, dt.date.min))
    newest = dt.date.min
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        result.entries += 1
        listed_id = entry.get("id") if isinstance(entry, dict) else None
        key: str = listed_id if isinstance(listed_id, str) else f"data[{index}]"
        if not isinstance(entry, dict) or key.startswith("data["):
            result.skipped.append(Skipped(key, "the entry has no 'id'"))
            continue
        if key in seen:
            result.skipped.append(Skipped(key, "the id is listed twice; the first listing was used"))
            continue
        seen.add(key)
        created = entry.get("created")
        if isinstance(created, (int, float)) and not isinstance(created, bool):
            newest = max(newest, dt.datetime.fromtimestamp(created, dt.timezone.utc).date())
        arch = entry.get("architecture") or {}
        kind = non_chat_kind(key, tuple(arch.get("output_modalities") or ()))
        if kind:
            result.not_chat[kind] += 1
            continue
        if "openrouter" not in provider_keys:
            raise CatalogError("provider 'openrouter' is not in site_config/providers.yaml")
        try:
            result.records.append(_record(key, entry, provider_keys))
        except ValueError as exc:
            result.skipped.append(Skipped(key, str(exc)))
    if newest == dt.date.min:
        newest = dt.date.fromtimestamp(path.stat().st_mtime)
    result.source = CatalogSource("openrouter", TITLE, URL, newest)
    return result


def _record(key: str, entry: dict[str, Any], provider_keys: set[str]) -> ImportedModel:
    pricing = entry.get("pricing") or {}
    arch = entry.get("architecture") or {}
    top = entry.get("top_provider") or {}
    params = entry.get("supported_parameters")
    notes: list[str] = []
    prefixes, _ = split_id(key, "openrouter")
    _fixed_prices(pricing)
    expiry = values.optional(values.day, entry.get("expiration_date"), "expiration date", notes)
    cutoff = values.optional(values.cutoff, entry.get("knowledge_cutoff"), "knowledge cutoff", notes)
    return ImportedModel(
        key=key, provider="openrouter", model_id=key, lab=lab_of(prefixes, provider_keys),
        name=_name(entry.get("name")),
        input=values.price(pricing.get("prompt"), per_token=True),
        output=values.price(pricing.get("completion"), per_token=True),
        cached_input=values.price(pricing.get("input_cache_read"), per_token=True),
        context_window=values.tokens(entry.get("context_length")),
        max_output=values.tokens(top.get("max_completion_tokens")),
        modalities_in=_known(arch.get("input_modalities")), modalities_out=_known(arch.get("output_modalities")),
        tool_calling=("tools" in params) if isinstance(params, list) else None,
        structured_output=("structured_outputs" in params) if isinstance(params, list) else None,
        reasoning=("reasoning" in params) if isinstance(params, list) else None,
        open_weights=True if entry.get("hugging_face_id") else None,
        knowledge_cutoff=cutoff, deprecated=expiry, notes=tuple(notes),
        first_listed=_created(entry.get("created")),
        canonical=entry.get("canonical_slug") if isinstance(entry.get("canonical_slug"), str) else None,
    )


def _fixed_prices(pricing: dict[str, Any]) -> None:
    """Raise for OpenRouter's `-1` ("the price varies by route"): a router, not one priced model."""
    for side in ("prompt", "completion"):
        try:
            negative = Decimal(str(pricing.get(side)).strip()) < 0
        except (InvalidOperation, ValueError):
            continue   # not a number: values.price says why
        if negative:
            raise ValueError(f"OpenRouter lists its {side} price as {pricing.get(side)!r}: the price varies by route "
                             "(a router, not one model), and a review needs a fixed price for its cost table")


def _created(raw: Any) -> dt.date | None:
    """OpenRouter's `created` (Unix seconds): the day it first listed the model, not its release."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw > 0:
        return dt.datetime.fromtimestamp(raw, dt.timezone.utc).date()
    return None


def _name(raw: Any) -> str | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    return _MAKER.sub("", raw.strip()) or raw.strip()


def _known(items: Any) -> tuple[str, ...]:
    return tuple(m for m in (items or ()) if m in _MODALITIES)
