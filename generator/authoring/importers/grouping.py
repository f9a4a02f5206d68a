"""Which listings are the same model, and where its review lives.

Listings are grouped by `ids.match_key` of their id (maker prefix dropped, `.`/`_`
read as `-`), so `gpt-4.1-mini` at OpenAI and `openai/gpt-4.1-mini` at OpenRouter
are one model. Each group becomes one review, at its *home*:

1. the maker's own listing: a provider named by the group's id prefixes
   (`openai/...` -> `openai`), or one `seeds/` knows as the maker, that lists the
   model itself; its id is the file name;
2. else the maker's entry in `seeds/` when the prefixes name a maker we have seeds
   for (an OpenRouter-only file still files GPT-4.1 mini under `openai/`);
3. else the first provider, alphabetically, whose listing has prices and limits,
   preferring listings without a prefix: nobody else sells it under this id.

Every other priced listing becomes an offer, one per provider (Bedrock's `us.`,
`eu.` and `global.` copies of one model count once). Group order and choices are
deterministic, so two imports of one file write the same files.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .ids import match_key, split_id
from .record import ImportedModel


@dataclass
class PlannedModel:
    """One review to write: its path parts, the listing it is built from, its offers."""

    provider: str
    model_id: str
    home: ImportedModel
    offers: list[ImportedModel] = field(default_factory=list)
    seed: ImportedModel | None = None      # seed facts that fill what `home` lacks (or are the home)
    own: bool = False                      # home is the maker's own listing (or its seed)

    @property
    def key(self) -> str:
        return f"{self.provider}/{self.model_id}"


def plan_models(records: list[ImportedModel], seeds: dict[tuple[str, str], ImportedModel]) -> list[PlannedModel]:
    """Group listings and choose each group's home; `seeds` is keyed (provider, match key)."""
    groups: dict[str, list[ImportedModel]] = defaultdict(list)
    for record in records:
        groups[match_key(split_id(record.model_id, record.provider)[1])].append(record)
    planned = [_plan(key, listings, seeds) for key, listings in sorted(groups.items())]
    return [p for p in planned if p is not None]


def _plan(key: str, listings: list[ImportedModel], seeds: dict[tuple[str, str], ImportedModel]) -> PlannedModel | None:
    hints = Counter(r.lab for r in listings if r.lab)
    by_provider = _one_per_provider(listings)
    hinted = sorted((p for p in by_provider if p in hints), key=lambda p: (-hints[p], p))
    makers = hinted + sorted(p for p in by_provider if p not in hints and (p, key) in seeds)
    own = True
    if makers:
        home = by_provider[makers[0]]
        seed = seeds.get((home.provider, key))
    else:
        seed_maker = next((lab for lab, _ in sorted(hints.items(), key=lambda kv: (-kv[1], kv[0]))
                           if (lab, key) in seeds), None)
        if seed_maker:
            home = seed = seeds[(seed_maker, key)]
        else:
            home, seed, own = _fallback_home(list(by_provider.values())), None, False
    slug = split_id(home.model_id, home.provider)[1]
    offers = [r for p, r in sorted(by_provider.items()) if p != home.provider and r.priced]
    return PlannedModel(home.provider, slug, home, offers, seed, own) if slug else None


def _one_per_provider(listings: list[ImportedModel]) -> dict[str, ImportedModel]:
    """A provider's best listing of the model: priced, unprefixed, shortest id."""
    chosen: dict[str, ImportedModel] = {}
    for record in sorted(listings, key=_listing_rank):
        chosen.setdefault(record.provider, record)
    return chosen


def _listing_rank(record: ImportedModel) -> tuple:
    prefixes, _ = split_id(record.model_id, record.provider)
    return (not record.priced, len(prefixes), len(record.model_id), record.model_id)


def _fallback_home(listings: list[ImportedModel]) -> ImportedModel:
    def rank(record: ImportedModel) -> tuple:
        complete = record.priced and record.context_window and record.max_output and record.released
        return (not complete, bool(split_id(record.model_id, record.provider)[0]), record.provider)
    return min(listings, key=rank)
