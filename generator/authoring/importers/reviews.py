"""Planned models -> review front matter -> files, through `writer.write_review_text`.

What an imported review says, field by field, and the policy where the source is
silent (nothing is invented; what cannot be known is either left out or, for the
few fields the schema requires, handled as below):

* `released`: when no source or seed gives it, written `unknown` (never guessed), with
  `first_listed` from the catalog (OpenRouter `created`) when there is one.
* `context_window`, prices: required. A listing without them borrows
  them from the maker's `seeds/` entry (which cites its own source); a maker record
  without prices (labs.json) shows the first priced reseller's, named in
  `pricing.via`; failing that the model is skipped with the reason. LiteLLM publishes
  only a prompt limit (`max_input_tokens`); it stands in for the context window only
  when nothing better exists, and the file's header says so.
* `max_output`: from the source or the seed; when neither gives it, written `unknown`
  (never the context window standing in). An output limit larger than the context
  window contradicts the source's own data: it is written `unknown` too, said in the
  header and returned as a doubt the import report prints.
* `capabilities`: the five flags are required. A flag the source does not publish is
  written `false` and named in the file's header comment ("not published by the
  source") so an editor knows to check it. No catalog publishes `fine_tuning`.
* `lifecycle`: a past deprecation becomes `status: deprecated` with its date, an
  announced one `retires:`; a model the source calls deprecated without a date gets
  `date: unknown`.
* a knowledge cutoff after the release date, a long-context tier beyond the
  context window, or several tiers (the schema holds one) are left out and noted.
* `name` and `family` come from the source, else the seed, else the id (family by
  `modelreview new`'s rule: the id without its date suffix).
* `bracket` by output price, in the bands of site_config/brackets.yaml; `reviewed` is the import day;
  `pricing.verified` and each offer's `verified` are the catalog's `as_of` day (a
  seed's prices keep the seed's own `verified` day).

Each front matter is validated against the review schema before it is written, so a
surprise in the data is reported as a skipped entry, never as a broken file.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from pydantic import ValidationError

from ...check import bracket_for_price
from ...load import UNKNOWN, Bracket, Review
from .grouping import PlannedModel
from .record import CatalogSource, ImportedModel

MODALITIES = ("text", "image", "audio", "video", "pdf", "file")
FLAGS = (("tool_calling", "tool_calling"), ("structured_output", "structured_output"),
         ("reasoning", "reasoning"), ("fine_tuning", "fine_tuning"), ("open_weights", "open_weights"))


class NotImportable(ValueError):
    """The model cannot become a review that passes `check`; the message says why."""


class BuiltReview(NamedTuple):
    front: dict[str, Any]
    header: str
    doubts: list[str]   # facts the source contradicts itself on, written as unknown: for the import report


def build_review(planned: PlannedModel, source: CatalogSource, today: dt.date,
                 seed_sources: dict[str, dict[str, Any]], brackets: list[Bracket]) -> BuiltReview:
    """Front matter, header comment and doubts for one planned model, or `NotImportable`."""
    home, seed = planned.home, planned.seed
    notes: list[str] = []
    doubts: list[str] = []
    offers_in = list(planned.offers)
    via = None
    if not home.priced and (seed is None or not seed.priced) and planned.own:
        # The maker's record names the model but publishes no price (a labs.json record):
        # the review stays at the maker and says whose prices it shows.
        via = next((o for o in offers_in if o.priced and o.mode is None), None)
        if via is not None:   # it stays an offer too: the offer records its route
            notes.append(f"The maker publishes no price in the source; pricing is {via.provider}'s "
                         f"(`{via.model_id}`).")

    def pick(name: str) -> Any:
        for record in (home, seed, via):
            value = getattr(record, name) if record is not None else None
            if value is not None:
                return value
        return None

    released = pick("released")
    first_listed = _first_listed(planned)
    if released is None:
        notes.append("No source gives a release date: it is written as unknown"
                     + (f"; the catalog first listed it on {first_listed}." if first_listed else "."))
    elif released > today:
        raise NotImportable(f"released {released}, which is after today ({today})")
    priced = home if home.priced else (seed if seed is not None and seed.priced else (via or home))
    if not priced.priced or priced.output is None:
        raise NotImportable(_missing("input and output prices", home))
    context = pick("context_window")
    if context is None and home.max_input is not None:
        context = home.max_input
        notes.append("context_window is the source's prompt limit; the full context window may be larger.")
    if context is None:
        raise NotImportable(_missing("context window", home))
    max_output = pick("max_output")
    if max_output is None:
        notes.append("No source gives an output limit: it is written as unknown.")
    elif max_output > context:
        doubts.append(f"the output limit {max_output:,} is larger than the context window {context:,}: "
                      "the source contradicts itself, so the output limit is written as unknown")
        notes.append(doubts[-1][0].upper() + doubts[-1][1:] + ".")
        max_output = None
    front: dict[str, Any] = {"name": pick("name") or home.model_id.split("/")[-1],
                             "family": pick("family") or _family(planned.model_id),
                             "bracket": bracket_for_price(brackets, priced.output),
                             "released": released if released is not None else UNKNOWN}
    if planned.snapshot:
        front["snapshot"] = planned.snapshot
    if planned.aliases:
        front["aliases"] = planned.aliases
    if released is None and first_listed is not None:
        if first_listed > today:
            raise NotImportable(f"first listed {first_listed}, which is after today ({today})")
        front["first_listed"] = first_listed
    lifecycle = _lifecycle(home, source.as_of, notes)
    if lifecycle:
        front["lifecycle"] = lifecycle
    front["context_window"] = context
    front["max_output"] = max_output if max_output is not None else UNKNOWN
    cutoff = pick("knowledge_cutoff")
    if cutoff and released is not None and _cutoff_day(cutoff) > released:
        notes.append(f"knowledge cutoff {cutoff} left out: it is after the release date.")
    elif cutoff:
        front["knowledge_cutoff"] = cutoff
    front["modalities"] = _modalities(home if home.modalities_in else (seed or home))
    front["capabilities"] = _capabilities(home, seed, notes)
    front["pricing"] = _pricing(priced, context, source.as_of, notes)
    if via is not None:
        front["pricing"]["via"] = via.provider
    offers = [_offer(o, planned.model_id, source.as_of, context) for o in offers_in]
    if offers:
        front["offers"] = offers
    if home.benchmarks:
        front["benchmarks"] = [{"name": b.name, "score": b.score, "unit": b.unit, "source": b.source,
                                "date": b.date} for b in home.benchmarks if b.date <= today]
    front["sources"] = _sources(planned, source, seed_sources)
    front["reviewed"] = today
    notes.extend(n[0].upper() + n[1:] + ("" if n.endswith(".") else ".") for n in home.notes)
    _validate(front)
    return BuiltReview(front, _header(source, home is seed, notes), doubts)


def _missing(what: str, home: ImportedModel) -> str:
    return f"the source gives no {what}, and seeds/ has no entry for {home.provider}/{home.model_id} to take it from"


def _family(model_id: str) -> str:
    return re.sub(r"[^a-z0-9._-]", "-", model_id.split("-20")[0])


def _cutoff_day(cutoff: str) -> dt.date:
    return dt.date.fromisoformat(cutoff if len(cutoff) == 10 else cutoff + "-01")


def _lifecycle(home: ImportedModel, as_of: dt.date, notes: list[str]) -> dict[str, Any] | None:
    if home.deprecated and home.deprecated <= as_of:
        return {"status": "deprecated", "date": home.deprecated}
    if home.deprecated:
        return {"status": "active", "retires": home.deprecated}
    if home.status == "deprecated":
        notes.append("The source marks it deprecated without a date: the date is written as unknown.")
        return {"status": "deprecated", "date": UNKNOWN}
    return None


def _modalities(record: ImportedModel) -> dict[str, list[str]]:
    inputs = [m for m in MODALITIES if m in record.modalities_in]
    outputs = [m for m in MODALITIES if m in record.modalities_out] or ["text"]
    if not inputs:
        raise NotImportable("the source lists no input modalities")
    return {"input": inputs, "output": outputs}


def _capabilities(home: ImportedModel, seed: ImportedModel | None, notes: list[str]) -> dict[str, bool]:
    flags: dict[str, bool] = {}
    unknown = []
    for field, attr in FLAGS:
        value = getattr(home, attr)
        if value is None and seed is not None:
            value = getattr(seed, attr)
        if value is None:
            unknown.append(f"capabilities.{field}")
        flags[field] = bool(value)
    if unknown:
        notes.append(f"Not published by the source, written as false until checked: {', '.join(unknown)}.")
    return flags


def _pricing(home: ImportedModel, context: int, as_of: dt.date, notes: list[str]) -> dict[str, Any]:
    pricing: dict[str, Any] = {"input": home.input, "output": home.output}
    if home.cached_input is not None:
        pricing["cached_input"] = home.cached_input
    if home.batch_input is not None and home.batch_output is not None:
        pricing["batch"] = {"input": home.batch_input, "output": home.batch_output}
    if home.priority_input is not None and home.priority_output is not None:
        pricing["priority"] = {"input": home.priority_input, "output": home.priority_output}
    if home.flex_input is not None and home.flex_output is not None:
        pricing["flex"] = {"input": home.flex_input, "output": home.flex_output}
    if len(home.tiers) == 1 and home.tiers[0].above_tokens < context:
        tier = home.tiers[0]
        pricing["long_context"] = {"above_tokens": tier.above_tokens, "input": tier.input, "output": tier.output}
        if tier.cached_input is not None:
            pricing["long_context"]["cached_input"] = tier.cached_input
    elif home.tiers:
        notes.append(f"{len(home.tiers)} long-context price tier(s) left out: the schema holds one tier "
                     "below the context window.")
    pricing["verified"] = home.verified or as_of
    return pricing


def _offer(record: ImportedModel, model_id: str, as_of: dt.date, context: int) -> dict[str, Any]:
    offer: dict[str, Any] = {"provider": record.provider}
    if record.model_id != model_id:
        offer["route"] = record.model_id
    if record.mode:
        offer["mode"] = record.mode
    offer["input"] = record.input
    offer["output"] = record.output
    if record.cached_input is not None:
        offer["cached_input"] = record.cached_input
    if record.batch_input is not None and record.batch_output is not None:
        offer["batch"] = {"input": record.batch_input, "output": record.batch_output}
    tiers = [t for t in record.tiers if t.above_tokens < context]
    if tiers:
        offer["long_context"] = {"above_tokens": tiers[0].above_tokens, "input": tiers[0].input,
                                 "output": tiers[0].output}
    if record.deprecated and record.deprecated > as_of:
        offer["retires"] = record.deprecated
    offer["verified"] = as_of
    return offer


def _first_listed(planned: PlannedModel) -> dt.date | None:
    """The earliest day any catalog listing of the model says it was first listed."""
    days = [r.first_listed for r in [planned.home, *planned.listings] if r.first_listed]
    return min(days) if days else None


def _sources(planned: PlannedModel, source: CatalogSource, seed_sources: dict[str, dict[str, Any]]) -> list[dict]:
    sources = [{"title": source.title, "url": source.url, "accessed": source.as_of}]
    seed_source = seed_sources.get(planned.seed.provider) if planned.seed is not None else None
    if seed_source and seed_source.get("url") and seed_source.get("url") != source.url:
        entry = {"title": str(seed_source.get("title") or "Seed catalog"), "url": seed_source["url"]}
        if isinstance(seed_source.get("retrieved"), dt.date):
            entry["accessed"] = seed_source["retrieved"]
        sources.append(entry)
    return sources


def _header(source: CatalogSource, from_seeds: bool, notes: list[str]) -> str:
    lines = [f"Imported from the {source.title} (as of {source.as_of}) by `modelreview import`.",
             "Facts only: write the review below the front matter."]
    if from_seeds:
        lines.append("The maker's own prices and limits come from seeds/; the source supplied the offers.")
    return "\n".join(lines + notes)


def _validate(front: dict[str, Any]) -> None:
    try:
        Review.model_validate(front)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise NotImportable(f"would not pass check: {where}: {first['msg']}") from None

