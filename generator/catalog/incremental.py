"""The catalog after a few saved reviews, from the previous one, without starting over.

`build_catalog` at 2,500 reviews takes a third of a second, most of it linking peers
and choosing comparison pairs for every model. A save changes a handful of reviews,
and what derives from a review reaches only so far:

* its own costs, grade label and records (`new_model`);
* the peers of its bracket (old and new bracket, when its price, bracket or set of
  members moved) and the nearest relatives of its family;
* the pairs of the models whose peers, relatives or `compare_with` targets changed,
  and the editorial pairs whose comparison file changed;
* same-provider lists (only when reviews come or go), the name index (only when a
  name, alias, snapshot or key changed), its brackets' best value.

`update_catalog` recomputes exactly those and reuses every other `Model` and `Pair`
object. It answers None, and the caller builds from scratch, when it cannot show
the shortcut is safe: another config, a model id that becomes or stops being shared
between providers (every slug that names it changes), or so many changed reviews
that a rebuild is as quick. A test drives it through price, context, bracket,
rename, new-file and deleted-file edits and holds it equal to `build_catalog`.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Iterable

from ..load import (ambiguous_ids, Bracket, ComparisonRecord, Content, ordered, ordered_slug, ReviewRecord,
                    SiteConfig)
from .catalog import (_bracket_best, _link_peers, _name_index, _nearest, _proposals, Catalog, Model, new_model,
                      Pair)

MAX_CHANGED = 50   # more changed reviews than this: a full rebuild costs about the same


def update_catalog(old: Catalog, content: Content, config: SiteConfig) -> Catalog | None:
    """`build_catalog(content, config)`, from `old`; None when the caller must build it from
    scratch. Changed reviews are found by record identity, as the preview's content store
    keeps the record of every file it did not re-read."""
    if config is not old.config:
        return None
    records = {record.key: record for record in content.reviews}
    if len(records) != len(content.reviews):
        return None
    added = records.keys() - old.models.keys()
    removed = old.models.keys() - records.keys()
    modified = {key for key, record in records.items()
                if key in old.models and old.models[key].record is not record}
    if len(added) + len(removed) + len(modified) > MAX_CHANGED:
        return None
    if (added or removed) and ambiguous_ids(records) != ambiguous_ids(old.models):
        return None

    providers = {p.key: p for p in config.providers}
    brackets = {b.key: b for b in config.brackets}
    fresh = {key: new_model(records[key], config, providers, brackets) for key in added | modified}
    before = {key: old.models[key] for key in removed | modified}
    same_keys = not added and not removed
    order: Iterable[str] = old.models if same_keys else sorted(records)
    current: dict[str, Model] = {key: fresh.get(key) or old.models[key] for key in order}

    # Which groups moved: brackets (peers, best value) and families (nearest relatives).
    moved_brackets, moved_families, any_bracket = set(), set(), set()
    for key in added | removed | modified:
        for model in (fresh.get(key), before.get(key)):
            if model is not None:
                any_bracket.add(model.meta.bracket)
        then, now = before.get(key), fresh.get(key)
        if then is None or now is None or (then.meta.bracket, then.blended) != (now.meta.bracket, now.blended):
            moved_brackets |= {m.meta.bracket for m in (then, now) if m is not None}
        if then is None or now is None or (then.meta.family, then.blended) != (now.meta.family, now.blended):
            moved_families |= {m.meta.family for m in (then, now) if m is not None}

    limit = config.pairs.max_pairs_per_model
    peers = _new_peers(current, moved_brackets, limit)
    for key, model in fresh.items():
        if key not in peers:
            peers[key] = list(old.models[key].peers)
    # Models whose requests for pair pages may differ: the changed ones, those whose peers or
    # relatives moved, and those whose `compare_with` names a review that came or went.
    dirty = set(added | removed | modified)
    dirty |= {key for key, new_peers in peers.items() if key not in old.models or old.models[key].peers != new_peers}
    dirty |= _moved_relatives(old.models, current, peers, moved_families, limit)
    if added or removed:
        gone_or_new = added | removed
        dirty |= {key for key, model in current.items() if gone_or_new.intersection(model.meta.compare_with)}

    pairs, pair_lists = _update_pairs(old, current, peers, dirty, content.comparisons, records)
    same_provider = {} if same_keys else _new_same_provider(current, added | removed)

    models: dict[str, Model] = {}
    for key, model in current.items():
        changes: dict[str, list[str]] = {}
        for name, value in (("peers", peers.get(key)), ("pairs", pair_lists.get(key)),
                            ("same_provider", same_provider.get(key))):
            if value is not None and value != getattr(model, name):
                changes[name] = value
        if key in fresh:
            fresh_model = fresh[key]
            fresh_model.peers = peers[key]
            fresh_model.pairs = pair_lists.get(key, [] if key in added else list(old.models[key].pairs))
            fresh_model.same_provider = same_provider.get(
                key, list(old.models[key].same_provider) if key in old.models else [])
            models[key] = fresh_model
        else:
            models[key] = dataclasses.replace(model, **changes) if changes else model  # type: ignore[arg-type]

    names = old.names
    if not same_keys or any(_names(before[key]) != _names(fresh[key]) for key in modified):
        names = _name_index(models)
    best_value = _update_best_value(old.best_value, models, any_bracket, config.brackets)
    return Catalog(config, models, pairs, sorted(content.pages, key=lambda p: p.slug), names, best_value)


def _names(model: Model) -> tuple[object, ...]:
    meta = model.meta
    return meta.name, meta.snapshot, tuple(meta.aliases)


def _new_peers(models: dict[str, Model], brackets: set[str], limit: int) -> dict[str, list[str]]:
    """Peers of every member of these brackets, as `_link_peers` links them."""
    if not brackets:
        return {}
    members = {key: dataclasses.replace(model, peers=[]) for key, model in models.items()
               if model.meta.bracket in brackets}
    _link_peers(members, limit)
    return {key: model.peers for key, model in members.items()}


def _moved_relatives(old: dict[str, Model], new: dict[str, Model], peers: dict[str, list[str]],
                     families: set[str], limit: int) -> set[str]:
    """Models of these families whose `limit` nearest relatives differ between the catalogs."""
    if not families:
        return set()
    moved: set[str] = set()
    old_relatives = _relatives(old, families, limit)
    for key, relatives in _relatives(new, families, limit).items():
        if old_relatives.get(key) != relatives:
            moved.add(key)
    return moved | (old_relatives.keys() - new.keys())


def _relatives(models: dict[str, Model], families: set[str], limit: int) -> dict[str, list[str]]:
    grouped: dict[str, list[Model]] = defaultdict(list)
    for model in models.values():
        if model.meta.family in families:
            grouped[model.meta.family].append(model)
    relatives: dict[str, list[str]] = {}
    for members in grouped.values():
        ranked = sorted(members, key=lambda m: (m.blended, m.key))
        for at, model in enumerate(ranked):
            relatives[model.key] = [m.key for m in _nearest(model, members, limit, ranked, at)]
    return relatives


def _update_pairs(old: Catalog, models: dict[str, Model], peers: dict[str, list[str]], dirty: set[str],
                  comparisons: list[ComparisonRecord], records: dict[str, ReviewRecord]
                  ) -> tuple[dict[str, Pair], dict[str, list[str]]]:
    """The pairs `_select_pairs` would choose, re-deciding only those a dirty model or a changed
    comparison file can touch; and the new `pairs` list of every model whose list changed."""
    config = old.config
    editorial: dict[tuple[str, str], ComparisonRecord] = {}
    if config.pairs.editorial:
        for comparison in comparisons:
            a, b = comparison.meta.models[0], comparison.meta.models[1]
            if a != b and a in models and b in models:
                editorial[ordered(a, b)] = comparison
    before_editorial = {(p.a, p.b): p.editorial for p in old.pairs.values() if p.editorial is not None}
    candidates = {key for key in editorial.keys() | before_editorial.keys()
                  if editorial.get(key) is not before_editorial.get(key)}
    for key in dirty:
        if key in old.models:
            candidates |= {(old.pairs[slug].a, old.pairs[slug].b) for slug in old.models[key].pairs}
    if not candidates and not dirty:
        return old.pairs, {}

    families: dict[str, list[Model]] = defaultdict(list)
    for model in models.values():
        families[model.meta.family].append(model)
    asked: dict[str, list[tuple[str, str]]] = {}

    def proposals(key: str) -> list[tuple[str, str]]:
        if key not in asked:
            model = models[key]
            linked = dataclasses.replace(model, peers=peers.get(key, model.peers))
            asked[key] = _proposals(linked, families[model.meta.family], config)
        return asked[key]

    for key in dirty:
        if key in models:
            candidates |= {ordered(key, other) for other, _ in proposals(key) if other != key and other in models}

    ambiguous = ambiguous_ids(records)
    pairs = dict(old.pairs)
    lists: dict[str, set[str]] = {}
    added_slugs, removed_slugs = set(), set()
    for first, second in candidates:
        slug = ordered_slug(first, second, ambiguous)
        reasons: list[str] = []
        comparison = editorial.get((first, second)) if first in models and second in models else None
        if comparison is not None:
            reasons.append("editorial")
        if first in models and second in models:
            for key, other in sorted([(first, second), (second, first)]):
                for target, reason in proposals(key):
                    if target == other and reason not in reasons:
                        reasons.append(reason)
        previous = old.pairs.get(slug)
        if not reasons:
            if previous is not None:
                del pairs[slug]
                removed_slugs.add(slug)
            continue
        pair = Pair(slug, first, second, reasons, comparison)
        if previous is not None and (previous.a, previous.b, previous.reasons, previous.editorial) == (
                first, second, reasons, comparison):
            continue
        pairs[slug] = pair
        if previous is None:
            added_slugs.add(slug)
    if added_slugs:
        pairs = dict(sorted(pairs.items()))
    for slug in added_slugs:
        for key in (pairs[slug].a, pairs[slug].b):
            lists.setdefault(key, set(old.models[key].pairs) if key in old.models else set()).add(slug)
    for slug in removed_slugs:
        for key in (old.pairs[slug].a, old.pairs[slug].b):
            if key in models:
                lists.setdefault(key, set(old.models[key].pairs)).discard(slug)
    return pairs, {key: sorted(slugs) for key, slugs in lists.items() if key in models}


def _new_same_provider(models: dict[str, Model], came_or_went: set[str]) -> dict[str, list[str]]:
    """`_link_same_provider` for the provider folders a review came into or left."""
    folders = {key.split("/", 1)[0] for key in came_or_went}
    members: dict[str, list[str]] = defaultdict(list)
    for key, model in models.items():
        if model.record.provider in folders:
            members[model.record.provider].append(key)
    return {key: [k for k in members[model.record.provider] if k != key]
            for key, model in models.items() if model.record.provider in folders}


def _update_best_value(old: dict[str, str], models: dict[str, Model], brackets: set[str],
                       order: list[Bracket]) -> dict[str, str]:
    """`_best_value`, re-deciding only these brackets."""
    if not brackets:
        return old
    members: dict[str, list[Model]] = defaultdict(list)
    for model in models.values():
        if model.meta.bracket in brackets:
            members[model.meta.bracket].append(model)
    best: dict[str, str] = {}
    for bracket in order:
        winner = _bracket_best(members[bracket.key]) if bracket.key in brackets else old.get(bracket.key)
        if winner is not None:
            best[bracket.key] = winner
    return best
