"""Which listings are the same model, and where its review lives.

`resolve.Resolver` names each listing's maker and the model's key there (see that
module for the signals it reads). Listings with the same (maker, key) are one model
and become one review, at its *home*:

1. the maker's own listing (an undated id before a dated snapshot); the maker's
   other listings of it are its `snapshot` and `aliases`;
2. else the maker's entry in `seeds/` (an OpenRouter-only file still files GPT-4.1
   mini under `openai/`);
3. else, for a model no maker lists (a reseller-only model), the first provider,
   alphabetically, whose listing has prices and limits, preferring listings
   without a prefix.

Every other priced listing becomes an offer, one per provider, mode and route
(Bedrock's `us.`, `eu.` and `global.` copies of one route count once; `:thinking`
is the same model in another mode). Group order and choices are deterministic, so two imports
of one file write the same files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from .ids import split_id
from .record import ImportedModel
from .resolve import FAMILY_MAKERS, LAB_KEYS, Resolution, Resolver, normal, split_date


@dataclass
class PlannedModel:
    """One review to write: its path parts, the listing it is built from, its offers."""

    provider: str
    model_id: str
    home: ImportedModel
    offers: list[ImportedModel] = field(default_factory=list)
    seed: ImportedModel | None = None      # seed facts that fill what `home` lacks (or are the home)
    own: bool = False                      # home is the maker's own listing (or its seed)
    snapshot: str | None = None            # the dated snapshot id the home stands for
    aliases: list[str] = field(default_factory=list)   # the maker's other ids of this model
    listings: list[ImportedModel] = field(default_factory=list)   # every listing in the group

    @property
    def key(self) -> str:
        return f"{self.provider}/{self.model_id}"


def default_resolver(records: list[ImportedModel], seeds: dict[tuple[str, str], ImportedModel]) -> Resolver:
    keys = {r.provider for r in records} | {p for p, _ in seeds} | set(FAMILY_MAKERS.values()) | LAB_KEYS
    return Resolver(keys)


def plan_models(records: list[ImportedModel], seeds: dict[tuple[str, str], ImportedModel],
                resolver: Resolver | None = None) -> list[PlannedModel]:
    """Group listings and choose each group's home; `seeds` is keyed (provider, match key)."""
    resolver = resolver or default_resolver(records, seeds)
    seed_list = sorted(seeds.values(), key=lambda s: (s.provider, s.model_id))
    resolver.learn(records + seed_list)   # at once: a seed's undated id folds a listing's dated one
    by_key: dict[tuple[str, str], ImportedModel] = {}
    for seed in seed_list:
        base = split_date(normal(split_id(seed.model_id, seed.provider)[1]))[0]
        by_key.setdefault((resolver.own_maker(seed) or seed.provider, base), seed)
    groups: dict[tuple[str, str], list[tuple[ImportedModel, Resolution]]] = defaultdict(list)
    for record in records:
        found = resolver.resolve(record)
        groups[found.group].append((replace(record, mode=found.mode), found))
    planned = [_plan(group, listings, by_key, resolver) for group, listings in sorted(groups.items())]
    return [p for p in planned if p is not None]


def _plan(group: tuple[str, str], listings: list[tuple[ImportedModel, Resolution]],
          seeds: dict[tuple[str, str], ImportedModel], resolver: Resolver) -> PlannedModel | None:
    maker, key = group
    records = [r for r, _ in listings]
    at_maker = [r for r in records if maker and resolver.own_maker(r) == maker and r.mode is None]
    seed = seeds.get((maker, key)) if maker else None
    own = bool(maker)
    if at_maker:
        home = min(at_maker, key=lambda r: (r.provider != maker, _dated(r), not r.priced, len(r.model_id),
                                            r.provider, r.model_id))
    elif seed is not None:
        home = seed
    else:
        home, own = _fallback_home(records), False
        seed = None
    if seed is not None and seed.provider != home.provider:
        seed = None
    slug = split_id(home.model_id, home.provider)[1]
    if not slug:
        return None
    same_home = [r for r in at_maker if r.provider == home.provider and r is not home]
    dated = sorted((r.model_id for r in same_home if _dated(r)), reverse=True)
    snapshot = dated[0] if dated and not _dated(home) else None
    aliases = sorted({r.model_id for r in same_home} - {snapshot, home.model_id})
    covered = {id(r) for r in same_home} | {id(home)}
    offers = [r for r in _one_per_route(r for r in records if id(r) not in covered)
              if r.priced and not (r.provider == home.provider and r.mode is None)]
    return PlannedModel(home.provider, slug, home, offers, seed, own, snapshot, aliases, records)


def _dated(record: ImportedModel) -> bool:
    return split_date(normal(split_id(record.model_id, record.provider)[1]))[1] is not None


def _one_per_route(listings) -> list[ImportedModel]:
    """One listing per provider, mode and route (Bedrock's regional copies of a route count once)."""
    chosen: dict[tuple[str, str, str], ImportedModel] = {}
    for record in sorted(listings, key=_listing_rank):
        route = normal(split_id(record.model_id, record.provider)[1])
        chosen.setdefault((record.provider, record.mode or "", route), record)
    return [chosen[k] for k in sorted(chosen)]


def _listing_rank(record: ImportedModel) -> tuple:
    prefixes, _ = split_id(record.model_id, record.provider)
    return (not record.priced, len(prefixes), len(record.model_id), record.model_id)


def _fallback_home(listings: list[ImportedModel]) -> ImportedModel:
    def rank(record: ImportedModel) -> tuple:
        complete = record.priced and record.context_window and record.max_output and (
            record.released or record.first_listed)
        return (not complete, record.mode is not None, bool(split_id(record.model_id, record.provider)[0]),
                record.provider, len(record.model_id), record.model_id)
    return min(listings, key=rank)
