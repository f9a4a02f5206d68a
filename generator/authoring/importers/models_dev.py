"""Adapter for models.dev's `api.json`: `{provider: {models: {id: {...}}}}`.

Prices are already USD per 1M tokens (as floats: `0.09999999999999999` is cleaned,
see `values`). A `tiers` list becomes long-context prices. When a `labs.json` sits
next to the file (models.dev's lab-level records), its benchmarks are attached to
the lab's own listing of each model.

The file carries no snapshot date, so `as_of` is the newest `last_updated` or
`release_date` in it: the catalog vouches for nothing later than that.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import values
from .ids import lab_of, non_chat_kind, slugify, split_id
from .record import (DUPLICATE, CatalogError, CatalogRead, CatalogSource, ImportedBenchmark, ImportedModel,
                     Skipped, Tier, load_json)

TITLE = "models.dev catalog"
URL = "https://models.dev/"
_COST_KEYS = {"input", "output", "cache_read", "cache_write", "tiers", "context_over_200k", "reasoning", "input_audio",
              "output_audio", "image", "request", "citation"}
_UNITS = {"percent correct": "%", "percent": "%", "accuracy": "%", "pass@1": "%"}


def read(path: Path, provider_keys: set[str]) -> CatalogRead:
    data, duplicates = load_json(path)
    if not isinstance(data, dict) or not all(isinstance(v, dict) and isinstance(v.get("models"), dict)
                                             for v in data.values()):
        raise CatalogError(f"{path} is not a models.dev api.json: expected {{provider: {{models: {{...}}}}}}")
    benchmarks = _lab_benchmarks(path.parent / "labs.json")
    read_result = CatalogRead(CatalogSource("models-dev", TITLE, URL, dt.date.min))
    newest = dt.date.min
    for provider, block in data.items():
        for model_id, entry in block["models"].items():
            read_result.entries += 1
            key = f"{provider}/{model_id}"
            if model_id in duplicates:
                read_result.skipped.append(Skipped(key, DUPLICATE))
            if not isinstance(entry, dict):
                read_result.skipped.append(Skipped(key, "the entry is not a group of fields"))
                continue
            newest = max([newest] + _dates(entry))
            outputs = tuple((entry.get("modalities") or {}).get("output") or ())
            kind = non_chat_kind(model_id, outputs) or _family_kind(entry)
            if kind:
                read_result.not_chat[kind] += 1
                continue
            if provider not in provider_keys:
                read_result.skipped.append(Skipped(key, f"provider '{provider}' is not in site_config/providers.yaml"))
                continue
            try:
                record = _record(key, provider, model_id, entry, provider_keys)
            except ValueError as exc:
                read_result.skipped.append(Skipped(key, str(exc)))
                continue
            bench = benchmarks.get(f"{provider}/{model_id}")
            if bench:
                record = _with_benchmarks(record, bench)
            read_result.records.append(record)
    _add_lab_records(path.parent / "labs.json", data, provider_keys, read_result)
    as_of = newest if newest > dt.date.min else dt.date.fromtimestamp(path.stat().st_mtime)
    read_result.source = CatalogSource("models-dev", TITLE, URL, as_of)
    return read_result


def _record(key: str, provider: str, model_id: str, entry: dict[str, Any], provider_keys: set[str]) -> ImportedModel:
    notes: list[str] = []
    cost = entry.get("cost")
    if cost is not None and not isinstance(cost, dict):
        raise ValueError("'cost' is not a group of prices")
    cost = cost or {}
    unknown = sorted(set(cost) - _COST_KEYS)
    if unknown:
        notes.append(f"ignored unknown price keys: {', '.join(unknown)}")
    limit = entry.get("limit") or {}
    modalities = entry.get("modalities") or {}
    prefixes, _ = split_id(model_id, provider)
    return ImportedModel(
        key=key, provider=provider, model_id=model_id, lab=lab_of(prefixes, provider_keys),
        name=_text(entry.get("name")), family=slugify(entry["family"]) if _text(entry.get("family")) else None,
        input=values.price(cost.get("input")), output=values.price(cost.get("output")),
        cached_input=values.price(cost.get("cache_read")),
        tiers=_tiers(cost.get("tiers"), notes, cost.get("context_over_200k")),
        context_window=values.tokens(limit.get("context")), max_output=values.tokens(limit.get("output")),
        modalities_in=tuple(modalities.get("input") or ()), modalities_out=tuple(modalities.get("output") or ()),
        tool_calling=values.flag(entry.get("tool_call")),
        structured_output=values.flag(entry.get("structured_output")),
        reasoning=values.flag(entry.get("reasoning")), open_weights=values.flag(entry.get("open_weights")),
        released=values.optional(values.day, entry.get("release_date"), "release date", notes),
        knowledge_cutoff=values.optional(values.cutoff, entry.get("knowledge"), "knowledge cutoff", notes),
        status=_text(entry.get("status")), notes=tuple(notes),
    )


def _add_lab_records(path: Path, data: dict[str, Any], provider_keys: set[str], result: CatalogRead) -> None:
    """labs.json's lab-level records of models the lab's provider block does not list.

    They are the maker's own listing of the model (Meta's Llama 4 Scout, DeepSeek R1),
    so resolution files resellers' copies under the maker instead of a reseller.
    """
    from .resolve import LAB_RENAMES
    if not path.is_file():
        return
    try:
        labs = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return
    for key, entry in (labs.items() if isinstance(labs, dict) else ()):
        lab, _, model_id = key.partition("/")
        provider = LAB_RENAMES.get(lab, lab)
        if not isinstance(entry, dict) or provider not in provider_keys or not model_id:
            continue
        if model_id in (data.get(lab) or {}).get("models", {}) or model_id in (data.get(provider) or {}).get("models", {}):
            continue
        if non_chat_kind(model_id, tuple((entry.get("modalities") or {}).get("output") or ())):
            continue
        try:
            record = _record(f"labs.json: {key}", provider, model_id, entry, provider_keys)
        except ValueError:
            continue
        result.records.append(replace(record, lab=provider))   # the lab's own record, whatever its id says


def _tiers(raw: Any, notes: list[str], over_200k: Any = None) -> tuple[Tier, ...]:
    if isinstance(over_200k, dict):
        low, high = values.price(over_200k.get("input")), values.price(over_200k.get("output"))
        if low is not None and high is not None:
            extra = Tier(200_000, low, high, values.price(over_200k.get("cache_read")))
            return tuple(sorted(set(_tiers(raw, notes)) | {extra}, key=lambda t: t.above_tokens))
    if not raw:
        return ()
    if not isinstance(raw, list):
        raise ValueError("'cost.tiers' is not a list")
    tiers = []
    for item in raw:
        size = values.tokens(((item or {}).get("tier") or {}).get("size"))
        low, high = values.price(item.get("input")), values.price(item.get("output"))
        if size is None or low is None or high is None:
            notes.append("a price tier without size, input or output was left out")
            continue
        tiers.append(Tier(size, low, high, values.price(item.get("cache_read"))))
    return tuple(sorted(tiers, key=lambda t: t.above_tokens))


def _lab_benchmarks(path: Path) -> dict[str, list[ImportedBenchmark]]:
    """`lab/model` -> benchmarks from labs.json; unusable entries are left out."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    found: dict[str, list[ImportedBenchmark]] = {}
    for key, entry in (data.items() if isinstance(data, dict) else ()):
        items = []
        for bench in (entry or {}).get("benchmarks") or ():
            try:
                score = values.number(bench["score"])
                date = values.day(bench["date"])
                metric = str(bench.get("metric") or "").strip()
                unit = _UNITS.get(metric.lower(), metric)
                if date and unit and str(bench.get("source", "")).startswith("http"):
                    items.append(ImportedBenchmark(str(bench["name"]).strip(), score, unit, bench["source"], date))
            except (KeyError, TypeError, ValueError):
                continue
        if items:
            found[key] = items
    return found


def _with_benchmarks(record: ImportedModel, bench: list[ImportedBenchmark]) -> ImportedModel:
    return replace(record, benchmarks=tuple(bench))


def _dates(entry: dict[str, Any]) -> list[dt.date]:
    found = []
    for name in ("last_updated", "release_date"):
        try:
            day = values.day(entry.get(name))
        except ValueError:
            continue
        if day:
            found.append(day)
    return found


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _family_kind(entry: dict[str, Any]) -> str | None:
    """models.dev's `family: text-embedding` marks embedding models whose ids do not say so
    (DigitalOcean's `e5-large-v2`, `all-mini-lm-l6-v2`); only embedding and rerank families count."""
    family = entry.get("family")
    if isinstance(family, str):
        kind = non_chat_kind(family, ())
        if kind in ("embedding", "rerank"):
            return kind
    return None
