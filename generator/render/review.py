"""The review page of one model: everything its template shows, computed from the catalog.

The template only lays these values out. Channels merge the provider's own prices
(with batch and long-context tiers) with the offers from resellers; the price
history carries each entry's change against the one before; the benchmark table
lines up the alternatives' scores on the same benchmarks; alternatives carry
their price difference; the FAQ comes from `faq`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..catalog import Model, Pair
from ..base import format_change, format_price, format_tokens
from ..load import PriceChange
from .compare import relative_price
from .faq import FaqItem, review_faq
from .format import format_grade
from .index import SiteIndex, benchmarks_by_name

MAX_BENCHMARK_COLUMNS = 4   # this model plus three others keeps the table readable on a phone
MAX_ALTERNATIVES = 6
DESCRIPTION_LENGTH = 160
_PRICE_NAMES = {"input": "input", "output": "output", "cached_input": "cached input"}  # PriceHistoryRow order


@dataclass(frozen=True)
class Channel:
    """One row of "pricing by channel": where to buy the model and at what price."""

    name: str
    route: str | None
    input: Decimal
    output: Decimal
    cached_input: Decimal | None
    speed: Decimal | None
    ttft_ms: int | None
    verified: dt.date | None
    first_party: bool
    note: str | None = None          # the route's mode, retirement, or whose prices these are


@dataclass(frozen=True)
class PriceHistoryRow:
    """One price-history entry and how it moved from the entry before (percent, None for the first)."""

    date: dt.date
    input: Decimal
    output: Decimal
    cached_input: Decimal | None
    input_change: Decimal | None
    output_change: Decimal | None
    cached_input_change: Decimal | None
    change: str                      # "Input −50%, output −33%, cached input added"
    current: bool                    # the newest entry: `check` holds it equal to today's prices


@dataclass(frozen=True)
class BenchmarkRow:
    name: str
    unit: str
    source: str
    date: dt.date
    scores: list[Decimal | None]     # aligned with ReviewPage.benchmark_columns


@dataclass(frozen=True)
class Alternative:
    model: Model
    difference: str                  # "4.0× cheaper", "25% more expensive"
    pair: Pair | None
    chosen_by_editor: bool


@dataclass(frozen=True)
class ComparisonLink:
    pair: Pair
    other: Model


@dataclass(frozen=True)
class ReviewPage:
    model: Model
    title: str
    description: str
    channels: list[Channel]
    price_history: list[PriceHistoryRow]
    benchmark_columns: list[Model]
    benchmark_rows: list[BenchmarkRow]
    alternatives: list[Alternative]
    same_provider: list[Model]
    comparisons: list[ComparisonLink]
    successor: Model | None
    faq: list[FaqItem]
    summary: str | None              # the editor's front-matter prose, bindings expanded (plain text)
    strengths: list[str]
    limitations: list[str]
    quirks: list[str]


def review_page(index: SiteIndex, model: Model) -> ReviewPage:
    columns = benchmark_columns(index, model)
    successor_key = model.meta.lifecycle.successor
    return ReviewPage(
        model=model,
        title=f"{model.meta.name} review",
        description=review_description(index, model),
        channels=channels(index, model),
        price_history=price_history(model.meta.price_history),
        benchmark_columns=columns,
        benchmark_rows=benchmark_rows(model, columns),
        alternatives=alternatives(index, model),
        same_provider=sorted((index.model(k) for k in model.same_provider), key=lambda m: (m.blended, m.key)),
        comparisons=comparison_links(index, model),
        successor=index.catalog.models.get(successor_key) if successor_key else None,
        faq=review_faq(index, model),
        summary=model.prose.text("summary") if model.meta.summary else None,
        strengths=_listed(model, "strengths"),
        limitations=_listed(model, "limitations"),
        quirks=_listed(model, "quirks"),
    )


def _listed(model: Model, name: str) -> list[str]:
    """A front-matter list of prose (strengths, limitations, quirks), bindings resolved."""
    return [model.prose.text(name, i) for i in range(len(getattr(model.meta, name)))]


def review_description(index: SiteIndex, model: Model) -> str:
    """The summary when the editor wrote one, else a sentence of specs; cut to a search-result length."""
    meta = model.meta
    if meta.summary:
        return shorten(model.prose.text("summary"), DESCRIPTION_LENGTH)
    text = (f"{meta.name} by {model.provider.name}: {format_price(meta.pricing.input)} input and "
            f"{format_price(meta.pricing.output)} output per 1M tokens, {format_tokens(meta.context_window)} of context")
    if meta.grade:
        text += f", graded {format_grade(model.grade_label, meta.grade.score, index.catalog.config.grading.max)}"
    return shorten(text + ".", DESCRIPTION_LENGTH)


def channels(index: SiteIndex, model: Model) -> list[Channel]:
    price = model.meta.pricing
    via = f"{index.provider_name(price.via)}'s prices; the maker publishes none" if price.via else None
    retires = model.meta.lifecycle.retires
    rows = [Channel(f"{model.provider.name} API", None, price.input, price.output, price.cached_input,
                    price.speed, price.ttft_ms, price.verified, True,
                    "; ".join(n for n in (via, f"retires {retires.isoformat()}" if retires else None) if n) or None)]
    if price.batch:
        rows.append(Channel(f"{model.provider.name} Batch API", None, price.batch.input, price.batch.output,
                            None, None, None, price.verified, True))
    for label, pair in (("priority", price.priority), ("flex", price.flex)):
        if pair:
            rows.append(Channel(f"{model.provider.name} API, {label} processing", None, pair.input, pair.output,
                                None, None, None, price.verified, True))
    if price.long_context:
        tier = price.long_context
        rows.append(Channel(f"{model.provider.name} API, prompts over {tier.above_tokens:,} tokens", None,
                            tier.input, tier.output, tier.cached_input, None, None, price.verified, True))
    for offer in model.meta.offers:
        note = "; ".join(n for n in (f"{offer.mode} mode" if offer.mode else None,
                                     f"retires {offer.retires.isoformat()}" if offer.retires else None) if n)
        rows.append(Channel(index.provider_name(offer.provider), offer.route, offer.input, offer.output,
                            offer.cached_input, offer.speed, offer.ttft_ms, offer.verified, False, note or None))
        name = index.provider_name(offer.provider)
        if offer.batch:
            rows.append(Channel(f"{name} batch", offer.route, offer.batch.input, offer.batch.output,
                                None, None, None, offer.verified, False))
        if offer.long_context:
            tier = offer.long_context
            rows.append(Channel(f"{name}, prompts over {tier.above_tokens:,} tokens", offer.route, tier.input,
                                tier.output, tier.cached_input, None, None, offer.verified, False))
    return rows


def price_history(entries: list[PriceChange]) -> list[PriceHistoryRow]:
    """The history oldest first (as `check` requires it), each entry against the one before."""
    rows = []
    for i, entry in enumerate(entries):
        before = entries[i - 1] if i else None
        moves = {name: (getattr(before, name) if before else None, getattr(entry, name)) for name in _PRICE_NAMES}
        rows.append(PriceHistoryRow(
            entry.date, entry.input, entry.output, entry.cached_input,
            input_change=percent_change(*moves["input"]), output_change=percent_change(*moves["output"]),
            cached_input_change=percent_change(*moves["cached_input"]),
            change=_describe_moves(moves) if before else "First recorded",
            current=i == len(entries) - 1))
    return rows


def percent_change(old: Decimal | None, new: Decimal | None) -> Decimal | None:
    """(new − old) / old in percent; None when either is missing or the old price was zero."""
    if old is None or new is None or old == 0:
        return None
    return (new - old) / old * 100


def _describe_moves(moves: dict[str, tuple[Decimal | None, Decimal | None]]) -> str:
    parts = []
    for name, (old, new) in moves.items():
        label = _PRICE_NAMES[name]
        if old is not None and new is not None and old != new:
            change = percent_change(old, new)
            parts.append(f"{label} {format_change(change)}" if change is not None else f"{label} from free")
        elif old is None and new is not None:
            parts.append(f"{label} added")
        elif old is not None and new is None:
            parts.append(f"{label} not listed")
    text = ", ".join(parts) or "no change"
    return text[:1].upper() + text[1:]


def benchmark_columns(index: SiteIndex, model: Model) -> list[Model]:
    """This model, then the alternatives and nearest peers that share at least one benchmark with it."""
    mine = set(benchmarks_by_name(model))
    candidates = list(dict.fromkeys([*model.meta.alternatives, *model.peers]))
    sharing = [index.model(k) for k in candidates
               if k in index.catalog.models and mine & set(benchmarks_by_name(index.model(k)))]
    return [model, *sharing][:MAX_BENCHMARK_COLUMNS]


def benchmark_rows(model: Model, columns: list[Model]) -> list[BenchmarkRow]:
    others = [benchmarks_by_name(m) for m in columns[1:]]
    rows = []
    for bench in model.meta.benchmarks:
        key = (bench.name.casefold(), bench.unit)
        scores: list[Decimal | None] = [bench.score]
        scores += [theirs[key].score if key in theirs else None for theirs in others]
        rows.append(BenchmarkRow(bench.name, bench.unit, bench.source, bench.date, scores))
    return rows


def alternatives(index: SiteIndex, model: Model) -> list[Alternative]:
    chosen = [k for k in model.meta.alternatives if k in index.catalog.models]
    keys = list(dict.fromkeys([*chosen, *model.peers]))[:max(MAX_ALTERNATIVES, len(chosen))]
    return [Alternative(index.model(k), relative_price(index.model(k).blended, model.blended),
                        index.pair(model.key, k), k in chosen) for k in keys]


def comparison_links(index: SiteIndex, model: Model) -> list[ComparisonLink]:
    links = []
    for slug in model.pairs:
        pair = index.catalog.pairs[slug]
        links.append(ComparisonLink(pair, index.model(pair.b if pair.a == model.key else pair.a)))
    return sorted(links, key=lambda link: (link.other.meta.name.casefold(), link.pair.slug))


def shorten(text: str, limit: int) -> str:
    """Whole words up to `limit` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
