"""Lookups every page needs, computed once per catalog.

Rendering one page must not scan the whole catalog (the preview re-renders single
pages, and a 2,500-review build renders tens of thousands), so the ranks, groupings
and reverse references pages share are built here in one pass and reused.
"""

from __future__ import annotations

import functools

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ..catalog import Catalog, Model, Pair
from ..load import Benchmark, Offer, ordered, Provider


@dataclass(frozen=True)
class BracketRank:
    """A model's place among its bracket (by blended price, or by grade): 1 is the first.

    Equal values share a place and the next one skips ("1, 2, 2, 2, 5"), so three
    models at $1.00 are each "joint 2nd", never 2nd, 3rd and 4th by key order.
    `tied_with` holds the keys of the others at the same value, in list order.
    """

    rank: int
    count: int
    tied_with: tuple[str, ...] = ()

    @property
    def last(self) -> bool:
        """Whether no other model comes after this one (and its ties)."""
        return self.rank + len(self.tied_with) == self.count


@dataclass
class SiteIndex:
    catalog: Catalog
    providers: dict[str, Provider]
    bracket_members: dict[str, list[Model]]          # cheapest first
    ranks: dict[str, BracketRank]                    # by blended price (ties share a rank)
    grade_ranks: dict[str, BracketRank]              # graded models only, highest grade first (ties share a rank)
    reviews_by_provider: dict[str, list[Model]]
    offers_by_provider: dict[str, list[tuple[Model, Offer]]]
    pair_of: dict[tuple[str, str], Pair]             # canonical (a, b) -> pair
    latest: list[Model]                              # newest review first
    site_date: dt.date                               # the newest date in the content

    @classmethod
    def of(cls, catalog: Catalog) -> "SiteIndex":
        bracket_members = catalog.by_bracket()
        ranks = {key: rank for members in bracket_members.values()
                 for key, rank in shared_ranks([(m.key, m.blended) for m in members]).items()}
        return cls(
            catalog=catalog,
            providers={p.key: p for p in catalog.config.providers},
            bracket_members=bracket_members,
            ranks=ranks,
            grade_ranks=_grade_ranks(bracket_members),
            reviews_by_provider=catalog.by_provider(),
            offers_by_provider=_offers_by_provider(catalog),
            pair_of={(p.a, p.b): p for p in catalog.pairs.values()},
            latest=_latest(catalog),
            site_date=_site_date(catalog),
        )

    def patched(self, catalog: Catalog) -> "SiteIndex":
        """This index for a catalog with the same structure (`preview.incremental.patch_catalog`):
        its models swapped in, the orders that read unstructured fields (review dates) redone.

        Ranks, groupings and pairs derive only from structural fields, so they stand;
        rebuilding them all would cost a quarter of a second per edit at 2,500 reviews."""
        models, pairs = catalog.models, catalog.pairs

        def swap(members: list[Model]) -> list[Model]:
            return [models[m.key] for m in members]

        return SiteIndex(
            catalog=catalog,
            providers=self.providers,
            bracket_members={k: swap(v) for k, v in self.bracket_members.items()},
            ranks=self.ranks,
            grade_ranks=self.grade_ranks,
            reviews_by_provider={k: swap(v) for k, v in self.reviews_by_provider.items()},
            offers_by_provider=_offers_by_provider(catalog),   # an offer's prices are not structure
            pair_of={k: pairs[p.slug] for k, p in self.pair_of.items()},
            latest=_latest(catalog),
            site_date=_site_date(catalog),
        )

    def pair(self, a: str, b: str) -> Pair | None:
        return self.pair_of.get(ordered(a, b))

    @functools.cached_property
    def active_bracket_members(self) -> dict[str, list[Model]]:
        """Each bracket's active models, cheapest first: every review's cost answer names the
        cheapest one, and filtering the bracket once per page was quadratic at catalog size."""
        return {key: [m for m in members if m.meta.lifecycle.status.value == "active"]
                for key, members in self.bracket_members.items()}

    def model(self, key: str) -> Model:
        return self.catalog.models[key]

    def provider_name(self, key: str) -> str:
        provider = self.providers.get(key)
        return provider.name if provider else key


def shared_ranks(ordered_values: list[tuple[str, Decimal]]) -> dict[str, BracketRank]:
    """Places for (key, value) pairs already in rank order; equal values share the first place they reach."""
    groups: dict[Decimal, list[str]] = {}
    firsts: dict[Decimal, int] = {}
    for position, (key, value) in enumerate(ordered_values):
        groups.setdefault(value, []).append(key)
        firsts.setdefault(value, position + 1)
    count = len(ordered_values)
    return {key: BracketRank(firsts[value], count, tuple(k for k in groups[value] if k != key))
            for key, value in ordered_values}


def _offers_by_provider(catalog: Catalog) -> dict[str, list[tuple[Model, Offer]]]:
    offers: dict[str, list[tuple[Model, Offer]]] = defaultdict(list)
    for model in catalog.models.values():
        for offer in model.meta.offers:
            offers[offer.provider].append((model, offer))
    return dict(offers)


def _latest(catalog: Catalog) -> list[Model]:
    return sorted(catalog.models.values(), key=lambda m: (-m.meta.reviewed.toordinal(), m.key))


def _site_date(catalog: Catalog) -> dt.date:
    """The newest date in the content: the home page's and the listings' last change."""
    return max([*(_newest_date(m) for m in catalog.models.values()),
                *(p.editorial.meta.reviewed for p in catalog.pairs.values() if p.editorial)],
               default=dt.date(2000, 1, 1))


def _grade_ranks(bracket_members: dict[str, list[Model]]) -> dict[str, BracketRank]:
    """Graded models only, highest grade first; members are cheapest first, which orders the ties."""
    ranks: dict[str, BracketRank] = {}
    for members in bracket_members.values():
        graded = sorted((m for m in members if m.meta.grade), key=lambda m: -m.meta.grade.score)  # type: ignore[union-attr]
        ranks.update(shared_ranks([(m.key, m.meta.grade.score) for m in graded]))  # type: ignore[union-attr]
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
