"""Listing pages: home, the all-models table, provider and bracket pages, the comparison index.

Each builder returns the values its template lays out; groupings and ranks come
from `SiteIndex`, so a listing costs one pass over the models it lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..catalog import Model, Pair
from ..load import Bracket, Offer, Provider
from .api import rules
from .index import SiteIndex
from .pages import compare_index_pages, compare_uri, providers_with_pages, url_of

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
    lab_count: int                 # providers whose models we review
    reseller_count: int            # the other providers on /providers/: they only resell
    comparison_count: int

    @property
    def providers_label(self) -> str:
        """"5 labs and 10 resellers": the link leads to a list of both, so the count says both."""
        labs = f"{self.lab_count} lab{'' if self.lab_count == 1 else 's'}"
        if not self.reseller_count:
            return labs
        return f"{labs} and {self.reseller_count} reseller{'' if self.reseller_count == 1 else 's'}"


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
    listed = providers_with_pages(catalog)
    labs = sum(1 for key in listed if index.reviews_by_provider.get(key))
    return HomePage(site.name, site.description, index.latest[:LATEST_COUNT], best, len(catalog.models),
                    labs, len(listed) - labs, len(catalog.pairs))


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


@dataclass(frozen=True)
class IndexPageLink:
    number: int
    url: str                       # site-relative
    first: str                     # "GPT-4.1 vs GPT-4.1 mini"
    last: str


@dataclass(frozen=True)
class ComparisonIndexPage:
    """One page of the comparisons index.

    Editorial comparisons (they carry a verdict) head the first page; the other
    pairs follow by slug, `index_page_size` to a page, each page labelled by the
    first and last pair it lists so a reader can find a model's page in the pager.
    """

    number: int
    editorial: list[Pair]
    generated: list[Pair]
    pages: list[IndexPageLink]
    total: int                     # pairs without an editorial page, on all pages
    picker: dict[str, Any] | None = None   # page 1: what the model picker needs, see picker_data


def picker_data(index: SiteIndex) -> dict[str, Any]:
    """The picker's model list, provider names and arithmetic rules, embedded in /compare/.

    A key and a name per model instead of the 1.5 MB `api/models.json` at catalog size;
    the picker fetches `api/models/<key>.json` only for the models a reader chooses.
    """
    models = sorted(index.catalog.models.values(), key=lambda m: m.key)
    return {"rules": rules(index.catalog), "providers": {k: p.name for k, p in index.providers.items()},
            "models": [[m.key, m.meta.name] for m in models]}


def comparison_index(index: SiteIndex, number: int = 1) -> ComparisonIndexPage:
    chunks = compare_index_pages(index.catalog)
    editorial = [p for p in index.catalog.pairs.values() if p.editorial] if number == 1 else []
    links = [IndexPageLink(n, url_of(compare_uri(n)), _pair_title(index, chunk[0]) if chunk else "",
                           _pair_title(index, chunk[-1]) if chunk else "")
             for n, chunk in enumerate(chunks, start=1)]
    return ComparisonIndexPage(number, editorial, chunks[number - 1], links, sum(map(len, chunks)),
                               picker_data(index) if number == 1 else None)


def _pair_title(index: SiteIndex, pair: Pair) -> str:
    return f"{index.model(pair.a).meta.name} vs {index.model(pair.b).meta.name}"
