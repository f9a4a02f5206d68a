"""Listing pages: home, the all-models table, provider and bracket pages, the comparison index.

Each builder returns the values its template lays out; groupings and ranks come
from `SiteIndex`, so a listing costs one pass over the models it lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Model, Pair
from ..schema import Bracket, Offer, Provider
from .index import SiteIndex

LATEST_COUNT = 10


@dataclass(frozen=True)
class BestValue:
    bracket: Bracket
    model: Model


@dataclass(frozen=True)
class HomePage:
    title: str
    description: str
    latest: list[Model]
    best_value: list[BestValue]
    model_count: int
    provider_count: int
    comparison_count: int


@dataclass(frozen=True)
class BracketSummary:
    bracket: Bracket
    models: list[Model]           # cheapest first
    best_value: Model | None


@dataclass(frozen=True)
class ProviderPage:
    provider: Provider
    reviews: list[Model]
    offers: list[tuple[Model, Offer]]


@dataclass(frozen=True)
class ProviderSummary:
    provider: Provider
    review_count: int
    offer_count: int


def home_page(index: SiteIndex) -> HomePage:
    catalog = index.catalog
    best = [BestValue(b, catalog.models[catalog.best_value[b.key]])
            for b in catalog.config.brackets if b.key in catalog.best_value]
    site = catalog.config.site
    return HomePage(site.name, site.description, index.latest[:LATEST_COUNT], best, len(catalog.models),
                    len(index.reviews_by_provider), len(catalog.pairs))


def all_models(index: SiteIndex) -> list[Model]:
    """Every model, by name; the browser re-sorts."""
    return sorted(index.catalog.models.values(), key=lambda m: (m.meta.name.casefold(), m.key))


def bracket_summary(index: SiteIndex, key: str) -> BracketSummary:
    catalog = index.catalog
    best = catalog.best_value.get(key)
    return BracketSummary(catalog.config.bracket(key), index.bracket_members[key],  # type: ignore[arg-type]
                          catalog.models[best] if best else None)


def bracket_summaries(index: SiteIndex) -> list[BracketSummary]:
    return [bracket_summary(index, b.key) for b in index.catalog.config.brackets]


def provider_page(index: SiteIndex, key: str) -> ProviderPage:
    reviews = sorted(index.reviews_by_provider.get(key, []), key=lambda m: (m.blended, m.key))
    offers = sorted(index.offers_by_provider.get(key, []), key=lambda item: (item[0].meta.name.casefold(), item[0].key))
    return ProviderPage(index.providers[key], reviews, offers)


def provider_summaries(index: SiteIndex, keys: list[str]) -> list[ProviderSummary]:
    return [ProviderSummary(index.providers[k], len(index.reviews_by_provider.get(k, [])),
                            len(index.offers_by_provider.get(k, []))) for k in keys]


def comparison_index(index: SiteIndex) -> tuple[list[Pair], list[Pair]]:
    """Editorial comparisons first (they carry a verdict), then every other pair by slug."""
    pairs = list(index.catalog.pairs.values())
    return [p for p in pairs if p.editorial], [p for p in pairs if not p.editorial]
