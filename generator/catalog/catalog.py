"""Catalog stage: the whole site's data, resolved once from checked content.

The authored records stay as they are; a `Model` wraps each one with what the site
derives from it (provider and bracket records, grade label, blended price, cost at
each configured volume, peers) and `Pair`s say which comparison pages exist and
why. Rendering reads only this; it never re-reads files or re-validates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..base import MonthlyCost, blended_price, monthly_cost
from ..load import (ambiguous_ids, Bracket, ComparisonRecord, Content, ordered, ordered_slug, PageRecord, Provider,
                    Review, ReviewRecord, SiteConfig, Status)


Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Prose:
    """A page's editor prose with every data binding replaced by its value (`bindings.resolve_prose`).

    Most prose holds no binding, so only what had one is stored resolved: `resolved_body`
    and `fields` (front-matter strings by path, `("summary",)`, `("faq", 0, "answer")`);
    everything else is read from the authored record. `bound` names the models whose data
    the prose shows, so the preview knows which pages an edit of another model makes stale.
    """

    source: ReviewRecord | ComparisonRecord | None = None
    resolved_body: str | None = None
    fields: dict[Loc, str] = field(default_factory=dict)
    bound: frozenset[str] = frozenset()

    @property
    def body(self) -> str:
        if self.resolved_body is not None:
            return self.resolved_body
        return self.source.body if self.source is not None else ""

    def text(self, *loc: str | int) -> str:
        """A front-matter prose string, resolved: `text("faq", 0, "answer")`."""
        if loc in self.fields:
            return self.fields[loc]
        value: Any = self.source.meta if self.source is not None else None
        for part in loc:
            value = value[part] if isinstance(part, int) else getattr(value, part)
        return str(value)


@dataclass
class Model:
    record: ReviewRecord
    provider: Provider
    bracket: Bracket
    grade_label: str | None
    blended: Decimal                 # USD per 1M tokens at the configured input share
    costs: list[MonthlyCost]         # one per configured monthly volume
    peers: list[str] = field(default_factory=list)          # same bracket, nearest price first
    same_provider: list[str] = field(default_factory=list)  # other reviews in the provider folder
    pairs: list[str] = field(default_factory=list)          # slugs of comparison pages with this model
    prose: Prose = field(default_factory=Prose)             # filled in by `bindings.resolve_prose`
    # The same volumes when every prompt is longer than the long-context tier's threshold
    # (a workload that fills a large context): billed at the tier's prices, not the list price.
    long_context_costs: list[MonthlyCost] = field(default_factory=list)

    @property
    def meta(self) -> Review:
        return self.record.meta

    @property
    def key(self) -> str:
        return self.record.key

    @property
    def url(self) -> str:
        """Site-relative URL of the review page."""
        return f"models/{self.record.provider}/{self.record.model_id}/"


@dataclass
class Pair:
    slug: str
    a: str
    b: str
    reasons: list[str]                    # why the page exists: "same bracket", "editorial", ...
    editorial: ComparisonRecord | None = None
    prose: Prose = field(default_factory=Prose)           # the editorial page's, resolved

    @property
    def url(self) -> str:
        return f"compare/{self.slug}/"


@dataclass
class Catalog:
    config: SiteConfig
    models: dict[str, Model]
    pairs: dict[str, Pair]
    pages: list[PageRecord]
    names: dict[str, str]                 # casefolded name, alias, snapshot or id -> model key
    best_value: dict[str, str]            # bracket key -> model key

    def by_provider(self) -> dict[str, list[Model]]:
        grouped: dict[str, list[Model]] = defaultdict(list)
        for model in self.models.values():
            grouped[model.record.provider].append(model)
        return dict(sorted(grouped.items()))

    def by_bracket(self) -> dict[str, list[Model]]:
        """Brackets in config order, each model list cheapest first."""
        grouped: dict[str, list[Model]] = {b.key: [] for b in self.config.brackets}
        for model in self.models.values():
            grouped[model.meta.bracket].append(model)
        return {k: sorted(v, key=lambda m: (m.blended, m.key)) for k, v in grouped.items()}

    def find(self, name: str) -> Model | None:
        """A model by key, name, alias, snapshot id or bare model id (case-insensitive)."""
        if name in self.models:
            return self.models[name]
        key = self.names.get(name.casefold())
        return self.models.get(key) if key else None


def build_catalog(content: Content, config: SiteConfig) -> Catalog:
    """Resolve checked content; call only when `check` found no errors."""
    providers = {p.key: p for p in config.providers}
    brackets = {b.key: b for b in config.brackets}
    models: dict[str, Model] = {}
    for record in sorted(content.reviews, key=lambda r: r.key):
        models[record.key] = new_model(record, config, providers, brackets)
    _link_peers(models, config.pairs.max_pairs_per_model)
    _link_same_provider(models)
    pairs = _select_pairs(models, content.comparisons, config)
    for pair in pairs.values():
        models[pair.a].pairs.append(pair.slug)
        models[pair.b].pairs.append(pair.slug)
    return Catalog(config, models, pairs, sorted(content.pages, key=lambda p: p.slug),
                   _name_index(models), _best_value(models, config))


def new_model(record: ReviewRecord, config: SiteConfig, providers: dict[str, Provider],
              brackets: dict[str, Bracket]) -> Model:
    """What one review's own fields and the config give: records, grade label, prices, costs.

    Peers, same-provider models and pairs need the other models; they start empty."""
    volumes = config.volumes
    meta = record.meta
    price = meta.pricing
    return Model(
        record=record,
        provider=providers[record.provider],
        bracket=brackets[meta.bracket],
        grade_label=config.grading.label_for(meta.grade.score) if meta.grade else None,
        blended=blended_price(price.input, price.output, volumes.input_share),
        costs=[monthly_cost(price.input, price.output, tokens, volumes.input_share)
               for tokens in volumes.monthly_tokens],
        long_context_costs=[monthly_cost(price.long_context.input, price.long_context.output, tokens,
                                         volumes.input_share)
                            for tokens in volumes.monthly_tokens] if price.long_context else [],
    )


def _link_peers(models: dict[str, Model], limit: int) -> None:
    by_bracket: dict[str, list[Model]] = defaultdict(list)
    for model in models.values():
        by_bracket[model.meta.bracket].append(model)
    for members in by_bracket.values():
        for model, peers in zip(members, nearest_all(members, limit)):
            model.peers = peers


def nearest_all(members: list[Model], limit: int) -> list[list[str]]:
    """`_nearest` for each member of one group (a bracket, a family), in the members' order, as keys."""
    ranked = sorted(members, key=lambda m: (m.blended, m.key))
    at = {id(model): i for i, model in enumerate(ranked)}
    return [[m.key for m in _nearest(model, members, limit, ranked, at[id(model)])] for model in members]


def _nearest(model: Model, members: list[Model], limit: int,
             ranked: list[Model] | None = None, at: int | None = None) -> list[Model]:
    """The `limit` other members closest in blended price (ties by key, for stable output).

    `ranked` (members by price) and `at` (the model's place in it) may be passed in, so
    linking a whole bracket sorts it once instead of once per model.
    """
    if len(members) - 1 > 4 * limit:  # large catalogs: only look at price neighbours
        if ranked is None or at is None:
            ranked = sorted(members, key=lambda m: (m.blended, m.key))
            at = next(i for i, m in enumerate(ranked) if m is model)
        others = [m for m in ranked[max(0, at - limit): at + limit + 1] if m is not model]
    else:
        others = [m for m in members if m.key != model.key]
    return sorted(others, key=lambda m: (abs(m.blended - model.blended), m.key))[:limit]


def _link_same_provider(models: dict[str, Model]) -> None:
    by_provider: dict[str, list[str]] = defaultdict(list)
    for key, model in models.items():
        by_provider[model.record.provider].append(key)
    for key, model in models.items():
        model.same_provider = [k for k in by_provider[model.record.provider] if k != key]


def _select_pairs(models: dict[str, Model], comparisons: list[ComparisonRecord],
                  config: SiteConfig) -> dict[str, Pair]:
    """Apply the pair policy from `site_config`; each unordered pair gets one page."""
    policy = config.pairs
    ambiguous = ambiguous_ids(models)
    pairs: dict[str, Pair] = {}

    def add(a: str, b: str, reason: str, editorial: ComparisonRecord | None = None) -> None:
        if a == b or a not in models or b not in models:
            return
        first, second = ordered(a, b)
        slug = ordered_slug(first, second, ambiguous)
        pair = pairs.setdefault(slug, Pair(slug, first, second, []))
        if reason not in pair.reasons:
            pair.reasons.append(reason)
        if editorial is not None:
            pair.editorial = editorial

    families: dict[str, list[Model]] = defaultdict(list)
    for model in models.values():
        families[model.meta.family].append(model)
    if policy.editorial:
        for comparison in comparisons:
            add(comparison.meta.models[0], comparison.meta.models[1], "editorial", comparison)
    for model in models.values():
        relatives = ([m.key for m in _nearest(model, families[model.meta.family], policy.max_pairs_per_model)]
                     if policy.same_family else [])
        for other, reason in _proposals(model, model.peers, relatives, config):
            add(model.key, other, reason)
    return {slug: pairs[slug] for slug in sorted(pairs)}


def _proposals(model: Model, peers: list[str], relatives: list[str], config: SiteConfig) -> list[tuple[str, str]]:
    """The pages one model asks for, (other key, reason), in the order the pair policy adds them.

    `relatives`: the keys `_nearest` finds in its family (unused without `same_family`)."""
    policy = config.pairs
    asked: list[tuple[str, str]] = []
    if policy.compare_with:
        asked += [(other, "compare-with") for other in model.meta.compare_with]
    if policy.same_bracket:
        asked += [(other, "same bracket") for other in peers]
    if policy.same_family:
        asked += [(other, "same family") for other in relatives]
    return asked


def _name_index(models: dict[str, Model]) -> dict[str, str]:
    names: dict[str, str] = {}
    for key, model in models.items():
        meta = model.meta
        for name in [meta.name, model.record.model_id, key, meta.snapshot or "", *meta.aliases]:
            if name:
                names.setdefault(name.casefold(), key)
    return names


def _best_value(models: dict[str, Model], config: SiteConfig) -> dict[str, str]:
    """Per bracket: the highest grade per blended dollar; ungraded brackets fall back to cheapest.

    Only active models compete: a deprecated or retired one is no pick to recommend.
    """
    best: dict[str, str] = {}
    for bracket in config.brackets:
        winner = _bracket_best([m for m in models.values() if m.meta.bracket == bracket.key])
        if winner is not None:
            best[bracket.key] = winner
    return best


def _bracket_best(members: list[Model]) -> str | None:
    """`_best_value` for one bracket's members (any order); None when none is active."""
    active = [m for m in members if m.meta.lifecycle.status is Status.ACTIVE]
    graded = [m for m in active if m.meta.grade and m.blended > 0]
    if graded:
        return max(graded, key=lambda m: (m.meta.grade.score / m.blended, m.key)).key  # type: ignore[union-attr]
    if active:
        return min(active, key=lambda m: (m.blended, m.key)).key
    return None
