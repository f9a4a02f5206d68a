"""The open-data API: the catalog as static JSON files beside the pages.

    api/models.json                    every model: identity, limits, capabilities, list
                                       prices and tiers, offers, grade, lifecycle, verified
                                       dates, monthly costs and page URL; plus `rules`, the
                                       arithmetic the pages use (input share, volumes,
                                       rounding), so a browser can compute as they do
    api/models/<provider>/<id>.json    one model with its price history, benchmarks,
                                       peers and comparison pages
    api/providers.json                 providers with a page, with their review counts
    api/brackets.json                  brackets in config order with their members
    api/schema/<name>.schema.json      a JSON Schema (draft 2020-12) for each of the above

Every value comes from the catalog, never from the clock, so two builds of the same
content write byte-identical files. Money is written as a JSON number with the digits
the editor typed (`0.075`, not `0.07500000001`); amounts the site computes (monthly
costs) are rounded half up to the cent, as the pages show them.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from ..base import MonthlyCost, round_money
from ..catalog import USAGE_RULE
from ..catalog import Catalog, Model
from ..load import Offer, PriceChange
from .api_schema import SCHEMAS
from .compare import RATIO_FROM
from .index import SiteIndex, newest_date
from .pages import providers_with_pages

VERSION = 1


def api_files(catalog: Catalog, index: SiteIndex | None = None) -> dict[str, str]:
    """Site path → JSON text of every API file and its schema, in a stable order."""
    index = index or SiteIndex.of(catalog)
    site_url = site_root(catalog)
    files = {
        "api/models.json": _dump(models_document(catalog, index)),
        "api/providers.json": _dump(providers_document(catalog, index)),
        "api/brackets.json": _dump(brackets_document(catalog, index)),
    }
    for model in catalog.models.values():
        files[f"api/models/{model.key}.json"] = _dump(model_document(catalog, index, model))
    for name, schema in SCHEMAS.items():
        files[f"api/schema/{name}.schema.json"] = _dump(
            {**schema, "$id": f"{site_url}api/schema/{name}.schema.json"}, indent=2)
    return files


def models_document(catalog: Catalog, index: SiteIndex) -> dict[str, Any]:
    return {**_header(catalog, index, "models"), "rules": rules(catalog),
            "models": [model_summary(m) for m in catalog.models.values()]}


def model_document(catalog: Catalog, index: SiteIndex, model: Model) -> dict[str, Any]:
    meta = model.meta
    pairs = [catalog.pairs[slug] for slug in model.pairs]
    return {
        **_header(catalog, index, "model"),
        "model": {
            **model_summary(model),
            "price_history": [_price_change(change) for change in meta.price_history],
            "benchmarks": [{"name": b.name, "score": _number(b.score), "unit": b.unit, "source": b.source,
                            "date": _date(b.date)} for b in meta.benchmarks],
            "peers": list(model.peers),
            "comparisons": [{"with": pair.b if pair.a == model.key else pair.a, "url": pair.url}
                            for pair in pairs],
        },
    }


def providers_document(catalog: Catalog, index: SiteIndex) -> dict[str, Any]:
    providers = []
    for key in providers_with_pages(catalog):
        provider = index.providers[key]
        providers.append({"key": key, "name": provider.name, "homepage": provider.homepage,
                          "url": f"providers/{key}/",
                          "reviews": [m.key for m in index.reviews_by_provider.get(key, [])],
                          "offers": sorted({m.key for m, _ in index.offers_by_provider.get(key, [])})})
    return {**_header(catalog, index, "providers"), "providers": providers}


def brackets_document(catalog: Catalog, index: SiteIndex) -> dict[str, Any]:
    brackets = [{"key": b.key, "name": b.name, "description": b.description,
                 "max_output_price": _number(b.max_output_price), "url": f"brackets/{b.key}/",
                 "models": [m.key for m in index.bracket_members[b.key]],
                 "best_value": catalog.best_value.get(b.key)}
                for b in catalog.config.brackets]
    return {**_header(catalog, index, "brackets"), "brackets": brackets}


def rules(catalog: Catalog) -> dict[str, Any]:
    """The arithmetic behind every computed amount on the pages, for clients that redo it."""
    config = catalog.config
    return {
        "input_share": _number(config.volumes.input_share),
        "monthly_tokens": list(config.volumes.monthly_tokens),
        "input_tokens": "round(tokens × input_share), halves up; output tokens are the rest",
        "monthly_cost": "(input_tokens × input price + output_tokens × output price) / 1,000,000",
        "blended_price": "input price × input_share + output price × (1 − input_share)",
        "rounding": "computed amounts are rounded half up to the cent; a bill under half a cent reads '< $0.01'",
        "usage_cost": USAGE_RULE,
        "ratio_from": _number(RATIO_FROM),
        "grading": {"max": _number(config.grading.max),
                    "labels": [{"label": g.label, "from": _number(g.from_)}
                               for g in sorted(config.grading.labels, key=lambda g: g.from_, reverse=True)]},
    }


def model_summary(model: Model) -> dict[str, Any]:
    """What `models.json` says of one model; the per-model file adds history and benchmarks."""
    meta = model.meta
    price = meta.pricing
    return {
        "key": model.key,
        "provider": model.record.provider,
        "id": model.record.model_id,
        "name": meta.name,
        "snapshot": meta.snapshot,
        "family": meta.family,
        "aliases": list(meta.aliases),
        "bracket": meta.bracket,
        "released": _date(meta.released),
        "reviewed": _date(meta.reviewed),
        "updated": _date(newest_date(model)),
        "lifecycle": {"status": meta.lifecycle.status.value, "date": _date(meta.lifecycle.date),
                      "successor": meta.lifecycle.successor},
        "context_window": meta.context_window,
        "max_output": meta.max_output if isinstance(meta.max_output, int) else None,   # unknown: null
        "knowledge_cutoff": meta.knowledge_cutoff,
        "modalities": {"input": list(meta.modalities.input), "output": list(meta.modalities.output)},
        "capabilities": meta.capabilities.model_dump(mode="python"),
        "pricing": {
            "input": _number(price.input),
            "output": _number(price.output),
            "cached_input": _number(price.cached_input),
            "batch": {"input": _number(price.batch.input), "output": _number(price.batch.output)}
            if price.batch else None,
            "long_context": {"above_tokens": price.long_context.above_tokens,
                             "input": _number(price.long_context.input),
                             "output": _number(price.long_context.output),
                             "cached_input": _number(price.long_context.cached_input)}
            if price.long_context else None,
            "verified": _date(price.verified),
        },
        "blended_price": _number(round_money(model.blended)),
        "monthly_costs": [_cost(c) for c in model.costs],
        "offers": [_offer(o) for o in meta.offers],
        "grade": {"score": _number(meta.grade.score), "label": model.grade_label,
                  "benchmarked": _date(meta.grade.benchmarked)} if meta.grade else None,
        "url": model.url,
    }


def _header(catalog: Catalog, index: SiteIndex, kind: str) -> dict[str, Any]:
    return {"$schema": f"{site_root(catalog)}api/schema/{kind}.schema.json", "version": VERSION,
            "updated": _date(index.site_date)}


def _cost(cost: MonthlyCost) -> dict[str, Any]:
    return {"tokens": cost.tokens, "input_tokens": cost.input_tokens, "output_tokens": cost.output_tokens,
            "usd": _number(round_money(cost.usd))}


def _offer(offer: Offer) -> dict[str, Any]:
    return {"provider": offer.provider, "route": offer.route, "input": _number(offer.input),
            "output": _number(offer.output), "cached_input": _number(offer.cached_input),
            "verified": _date(offer.verified)}


def _price_change(change: PriceChange) -> dict[str, Any]:
    return {"date": _date(change.date), "input": _number(change.input), "output": _number(change.output),
            "cached_input": _number(change.cached_input)}


def site_root(catalog: Catalog) -> str:
    """The site's absolute URL, ending in a slash: feeds, schemas and JSON-LD need absolute links."""
    url = catalog.config.site.url
    return url if url.endswith("/") else url + "/"


def _date(value: dt.date | str | None) -> str | None:
    """A date as ISO text; a date the data gives as `unknown` stays that word."""
    if isinstance(value, str):
        return value
    return value.isoformat() if value else None


def _number(value: Decimal | int | None) -> float | int | None:
    """A JSON number: whole values as integers, others as the shortest float that reads back equal."""
    if value is None or isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)   # repr is the shortest text that round-trips: the digits typed, for prices


def _dump(document: dict[str, Any], indent: int | None = None) -> str:
    separators = (",", ": ") if indent else (",", ":")
    return json.dumps(document, ensure_ascii=False, indent=indent, separators=separators) + "\n"
