"""Lookups every page needs, computed once per catalog.

Rendering one page must not scan the whole catalog (the preview re-renders single
pages, and a 2,500-review build renders tens of thousands), so the ranks, groupings
and reverse references pages share are built here in one pass and reused.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..catalog import Catalog, Model, Pair
from ..pairs import ordered
from ..schema import Benchmark, Offer, Provider


@dataclass(frozen=True)
class BracketRank:
    """A model's place among its bracket by blended price: 1 is the cheapest."""

    rank: int
    count: int


@dataclass
class SiteIndex:
    catalog: Catalog
    providers: dict[str, Provider]
    bracket_members: dict[str, list[Model]]          # cheapest first
    ranks: dict[str, BracketRank]                    # by blended price
    grade_ranks: dict[str, BracketRank]              # graded models only, highest grade first (ties share a rank)
    reviews_by_provider: dict[str, list[Model]]
    offers_by_provider: dict[str, list[tuple[Model, Offer]]]
    pair_of: dict[tuple[str, str], Pair]             # canonical (a, b) -> pair
    latest: list[Model]                              # newest review first
    site_date: dt.date                               # the newest date in the content

    @classmethod
    def of(cls, catalog: Catalog) -> "SiteIndex":
        bracket_members = catalog.by_bracket()
        ranks = {m.key: BracketRank(i + 1, len(members))
                 for members in bracket_members.values() for i, m in enumerate(members)}
        offers: dict[str, list[tuple[Model, Offer]]] = defaultdict(list)
        for model in catalog.models.values():
            for offer in model.meta.offers:
                offers[offer.provider].append((model, offer))
        latest = sorted(catalog.models.values(), key=lambda m: (-m.meta.reviewed.toordinal(), m.key))
        return cls(
            catalog=catalog,
            providers={p.key: p for p in catalog.config.providers},
            bracket_members=bracket_members,
            ranks=ranks,
            grade_ranks=_grade_ranks(bracket_members),
            reviews_by_provider=catalog.by_provider(),
            offers_by_provider=dict(offers),
            pair_of={(p.a, p.b): p for p in catalog.pairs.values()},
            latest=latest,
            site_date=max([*(_newest_date(m) for m in catalog.models.values()),
                           *(p.editorial.meta.reviewed for p in catalog.pairs.values() if p.editorial)],
                          default=dt.date(2000, 1, 1)),
        )

    def pair(self, a: str, b: str) -> Pair | None:
        return self.pair_of.get(ordered(a, b))

    def model(self, key: str) -> Model:
        return self.catalog.models[key]

    def provider_name(self, key: str) -> str:
        provider = self.providers.get(key)
        return provider.name if provider else key


def _grade_ranks(bracket_members: dict[str, list[Model]]) -> dict[str, BracketRank]:
    ranks: dict[str, BracketRank] = {}
    for members in bracket_members.values():
        scores = sorted((m.meta.grade.score for m in members if m.meta.grade), reverse=True)
        for model in members:
            if model.meta.grade:
                ranks[model.key] = BracketRank(scores.index(model.meta.grade.score) + 1, len(scores))
    return ranks


def newest_date(model: Model) -> dt.date:
    """When anything on the model's page last changed: review, prices, offers or grade."""
    return _newest_date(model)


def _newest_date(model: Model) -> dt.date:
    meta = model.meta
    dates = [meta.reviewed, meta.pricing.verified, *(o.verified for o in meta.offers)]
    if meta.grade:
        dates.append(meta.grade.benchmarked)
    return max(dates)


def benchmarks_by_name(model: Model) -> dict[tuple[str, str], Benchmark]:
    """A model's benchmarks keyed by (casefolded name, unit): the same test on the same scale."""
    return {(b.name.casefold(), b.unit): b for b in model.meta.benchmarks}
