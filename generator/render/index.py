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


@dataclass(frozen=True)
class PairChanges:
    """Which comparison pairs one catalog replaced, added (`changed`) or dropped (`removed`) since another."""

    changed: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()

    def editorial(self, old: Catalog, new: Catalog) -> bool:
        """Whether any of them has, or had, an editorial page (its date counts for the site's date)."""
        return (any(new.pairs[slug].editorial is not None for slug in self.changed)
                or any(old.pairs[slug].editorial is not None for slug in self.removed | self.changed
                       if slug in old.pairs))


def pair_changes(old: Catalog, new: Catalog) -> PairChanges:
    """The pairs `new` does not share (as the same object) with `old`."""
    if new.pairs is old.pairs:
        return PairChanges()
    before = old.pairs
    return PairChanges(frozenset(slug for slug, pair in new.pairs.items() if before.get(slug) is not pair),
                       frozenset(before.keys() - new.pairs.keys()))


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

    def patched(self, catalog: Catalog, pairs_changed: "PairChanges | None" = None) -> "SiteIndex":
        """This index for a later catalog of the same reviews (the preview's edits, made by
        `preview.incremental.patch_catalog` or `catalog.update_catalog`, which keep the
        objects of models and pairs they did not change).

        Only the brackets where a model's bracket, blended price or grade changed are ranked
        again; elsewhere the groupings and ranks stand, with replaced models swapped in, and
        the orders that read unstructured fields (review and price dates) are redone only
        when such a date changed. Rebuilding it all would cost a quarter of a second per edit
        at 2,500 reviews. When reviews came or went, it is built from scratch (`of`).
        `pairs_changed` is `pair_changes(self.catalog, catalog)`, if the caller has it."""
        old = self.catalog.models
        models, pairs = catalog.models, catalog.pairs
        if len(models) != len(old) or models.keys() != old.keys():
            return SiteIndex.of(catalog)
        moved: set[str] = set()
        changed: list[str] = []
        replaced: dict[int, Model] = {}
        for key, model in models.items():
            before = old[key]
            if before is not model:
                changed.append(key)
                replaced[id(before)] = model
                if _ranked_by(before) != _ranked_by(model):
                    moved |= {before.meta.bracket, model.meta.bracket}
        touched_brackets = {old[key].meta.bracket for key in changed} | moved
        touched_providers = {old[key].record.provider for key in changed}

        def swap(members: list[Model]) -> list[Model]:
            return [replaced.get(id(m), m) for m in members]

        bracket_members = {k: swap(v) if k in touched_brackets else v for k, v in self.bracket_members.items()}
        ranks, grade_ranks = self.ranks, self.grade_ranks
        if moved:
            regrouped: dict[str, list[Model]] = {k: [] for k in moved if k in bracket_members}
            for bracket in regrouped:   # a model that changed bracket left one of these
                for model in bracket_members[bracket]:
                    regrouped[model.meta.bracket].append(model)
            regrouped = {k: sorted(v, key=lambda m: (m.blended, m.key)) for k, v in regrouped.items()}
            bracket_members.update(regrouped)
            ranks = dict(ranks)
            for members in regrouped.values():
                ranks.update(shared_ranks([(m.key, m.blended) for m in members]))
            grade_ranks = dict(grade_ranks)
            for bracket in regrouped:
                for model in self.bracket_members[bracket]:
                    grade_ranks.pop(model.key, None)
            grade_ranks.update(_grade_ranks(regrouped))
        if pairs_changed is None:
            pairs_changed = pair_changes(self.catalog, catalog)
        pair_of = self.pair_of
        if pairs_changed.changed or pairs_changed.removed:
            pair_of = dict(pair_of)
            for slug in pairs_changed.removed:
                gone = self.catalog.pairs[slug]
                del pair_of[(gone.a, gone.b)]
            for slug in pairs_changed.changed:
                pair_of[(pairs[slug].a, pairs[slug].b)] = pairs[slug]
        dates_moved = any(_newest_date(old[k]) != _newest_date(models[k]) for k in changed)
        return SiteIndex(
            catalog=catalog,
            providers=self.providers,
            bracket_members=bracket_members,
            ranks=ranks,
            grade_ranks=grade_ranks,
            reviews_by_provider={k: swap(v) if k in touched_providers else v
                                 for k, v in self.reviews_by_provider.items()},
            offers_by_provider=self._patched_offers(catalog, changed, replaced),
            pair_of=pair_of,
            latest=(swap(self.latest) if all(old[k].meta.reviewed == models[k].meta.reviewed for k in changed)
                    else _latest(catalog)),
            site_date=(self.site_date if not dates_moved and not pairs_changed.editorial(self.catalog, catalog)
                       else _site_date(catalog)),
        )

    def _patched_offers(self, catalog: Catalog, changed: list[str],
                        replaced: dict[int, Model]) -> dict[str, list[tuple[Model, Offer]]]:
        """`_offers_by_provider(catalog)`: the offers of re-read reviews taken again, replaced
        models swapped in (a model whose peers or pairs moved keeps its offers), the rest kept."""
        models, old = catalog.models, self.catalog.models
        reread = [key for key in changed if old[key].record is not models[key].record]
        touched = {offer.provider for key in reread for m in (old[key], models[key]) for offer in m.meta.offers}
        swapped = {offer.provider for key in changed for offer in old[key].meta.offers}
        offers: dict[str, list[tuple[Model, Offer]]] = {}
        for provider, entries in self.offers_by_provider.items():
            if provider in touched:
                continue
            offers[provider] = [(replaced.get(id(m), m), o) for m, o in entries] if provider in swapped else entries
        gone = {id(old[key]) for key in reread}
        for provider in touched:
            kept = [(replaced.get(id(m), m), o) for m, o in self.offers_by_provider.get(provider, [])
                    if id(m) not in gone]
            new = [(models[key], offer) for key in reread for offer in models[key].meta.offers
                   if offer.provider == provider]
            if kept or new:
                offers[provider] = sorted(kept + new, key=lambda entry: entry[0].key)  # stable: offer order stays
        return offers   # pages look providers up; the order of the keys is not shown

    def pair(self, a: str, b: str) -> Pair | None:
        return self.pair_of.get(ordered(a, b))

    @functools.cached_property
    def active_bracket_members(self) -> dict[str, list[Model]]:
        """Each bracket's active models, cheapest first: every review's cost answer names the
        cheapest one, and filtering the bracket once per page was quadratic at catalog size."""
        return {key: [m for m in members if m.meta.lifecycle.status.value == "active"]
                for key, members in self.bracket_members.items()}

    @functools.cached_property
    def price_ends(self) -> dict[str, "PriceEnds"]:
        """Each bracket's models at its lowest and at its highest price, and its active models
        at the lowest: what each review's cost answer names. A page that reads these changes
        when they do, not whenever some model in the middle of its bracket moves."""
        return {key: PriceEnds(tuple(_at_price(members)), tuple(_at_price(members[::-1])[::-1]),
                               tuple(_at_price(self.active_bracket_members[key])))
                for key, members in self.bracket_members.items()}

    def model(self, key: str) -> Model:
        return self.catalog.models[key]

    def provider_name(self, key: str) -> str:
        provider = self.providers.get(key)
        return provider.name if provider else key


@dataclass(frozen=True)
class PriceEnds:
    """A bracket's cheapest and dearest models (all those at that price, in the bracket's
    order, cheapest first) and its cheapest active ones; empty for an empty bracket."""

    cheapest: tuple[Model, ...]
    dearest: tuple[Model, ...]
    cheapest_active: tuple[Model, ...]


def _at_price(members: list[Model]) -> list[Model]:
    """The members at the first member's price (members are sorted by price, so they lead)."""
    group = []
    for m in members:
        if m.blended != members[0].blended:
            break
        group.append(m)
    return group


def _ranked_by(model: Model) -> tuple[object, ...]:
    """What a model's place in its bracket's groupings and ranks derives from."""
    return model.meta.bracket, model.blended, model.meta.grade.score if model.meta.grade else None


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
