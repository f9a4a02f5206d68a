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
from .catalog import (_bracket_best, _name_index, _nearest, _proposals, Catalog, Model, nearest_all, new_model,
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
    brackets_now, families_now = _groups(current.values(), None, None)
    brackets_then, families_then = _groups(old.models.values(), moved_brackets, moved_families)
    changed_keys = added | removed | modified
    peers: dict[str, list[str]] = {}
    for bracket in moved_brackets:
        peers.update(_moved_peers(brackets_then.get(bracket, []), brackets_now.get(bracket, []), changed_keys, limit))
    for key in fresh:
        if key not in peers:
            peers[key] = list(old.models[key].peers)
    relatives: dict[str, list[str]] = {}
    for family in moved_families:
        relatives.update(_nearest_by_key(families_now.get(family, []), limit))
    # Models whose requests for pair pages may differ: the changed ones, those whose peers or
    # relatives moved, and those whose `compare_with` names a review that came or went.
    dirty = set(changed_keys)
    dirty |= {key for key, new_peers in peers.items() if key not in old.models or old.models[key].peers != new_peers}
    for family in moved_families:
        earlier = _nearest_by_key(families_then.get(family, []), limit)
        dirty |= {key for key, found in earlier.items() if relatives.get(key) != found}
        dirty |= {m.key for m in families_now.get(family, []) if m.key not in earlier}
    if added or removed:
        gone_or_new = added | removed
        dirty |= {key for key, model in current.items() if gone_or_new.intersection(model.meta.compare_with)}

    pairs, pair_lists = _update_pairs(old, current, peers, relatives, families_now, dirty, content.comparisons,
                                      records)
    same_provider = {} if same_keys else _new_same_provider(current, added | removed)

    models = dict(current)
    for key in peers.keys() | pair_lists.keys() | same_provider.keys() | fresh.keys():
        if key not in models:
            continue
        model = models[key]
        if key in fresh:
            model.peers = peers[key]
            model.pairs = pair_lists.get(key, [] if key in added else list(old.models[key].pairs))
            model.same_provider = same_provider.get(
                key, list(old.models[key].same_provider) if key in old.models else [])
            continue
        changes = {name: value for name, value in (("peers", peers.get(key)), ("pairs", pair_lists.get(key)),
                                                   ("same_provider", same_provider.get(key)))
                   if value is not None and value != getattr(model, name)}
        if changes:
            models[key] = dataclasses.replace(model, **changes)  # type: ignore[arg-type]

    names = old.names
    if not same_keys or any(_names(before[key]) != _names(fresh[key]) for key in modified):
        names = _name_index(models)
    best_value = dict(old.best_value)
    for bracket in any_bracket:
        winner = _bracket_best([models[m.key] for m in brackets_now.get(bracket, [])])
        if winner is None:
            best_value.pop(bracket, None)
        else:
            best_value[bracket] = winner
    best_value = {b.key: best_value[b.key] for b in config.brackets if b.key in best_value}
    return Catalog(config, models, pairs, sorted(content.pages, key=lambda p: p.slug), names, best_value)


def _names(model: Model) -> tuple[object, ...]:
    meta = model.meta
    return meta.name, meta.snapshot, tuple(meta.aliases)


def _groups(models: Iterable[Model], brackets: set[str] | None, families: set[str] | None
            ) -> tuple[dict[str, list[Model]], dict[str, list[Model]]]:
    """Members by bracket and by family, in key order, in one pass (None: every group)."""
    by_bracket: dict[str, list[Model]] = defaultdict(list)
    by_family: dict[str, list[Model]] = defaultdict(list)
    for model in models:
        meta = model.record.meta
        if brackets is None or meta.bracket in brackets:
            by_bracket[meta.bracket].append(model)
        if families is None or meta.family in families:
            by_family[meta.family].append(model)
    return by_bracket, by_family


def _nearest_by_key(members: list[Model], limit: int) -> dict[str, list[str]]:
    return dict(zip((m.key for m in members), nearest_all(members, limit)))


def _moved_peers(before: list[Model], after: list[Model], changed: set[str], limit: int) -> dict[str, list[str]]:
    """New peers in one bracket for every member whose peers may have moved.

    In a large bracket a model's peers come from the `limit` models either side of it by
    price (`_nearest`); the order without the changed models is the same before and
    after, so only members within `limit` places of a changed model, in the old order or
    the new, can see other peers. A small bracket is linked again whole."""
    if len(before) - 1 <= 4 * limit or len(after) - 1 <= 4 * limit:
        return _nearest_by_key(after, limit)
    order = lambda m: (m.blended, m.key)  # noqa: E731
    ranked_then, ranked_now = sorted(before, key=order), sorted(after, key=order)
    near: set[str] = set()
    for ranked in (ranked_then, ranked_now):
        for at, model in enumerate(ranked):
            if model.key in changed:
                near |= {m.key for m in ranked[max(0, at - limit): at + limit + 1]}
    found: dict[str, list[str]] = {}
    for at, model in enumerate(ranked_now):
        if model.key in near:
            found[model.key] = [m.key for m in _nearest(model, after, limit, ranked_now, at)]
    return found


def _update_pairs(old: Catalog, models: dict[str, Model], peers: dict[str, list[str]],
                  relatives: dict[str, list[str]], families: dict[str, list[Model]], dirty: set[str],
                  comparisons: list[ComparisonRecord], records: dict[str, ReviewRecord]
                  ) -> tuple[dict[str, Pair], dict[str, list[str]]]:
    """The pairs `_select_pairs` would choose, re-deciding only those a dirty model or a changed
    comparison file can touch; and the new `pairs` list of every model whose list changed.

    `peers` and `relatives` hold the new lists where they moved; elsewhere the models' own
    peers stand and relatives are found as needed."""
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
    relatives = dict(relatives)
    limit = config.pairs.max_pairs_per_model
    asked: dict[str, list[tuple[str, str]]] = {}

    def ask(keys: set[str]) -> None:
        """Each model's requests for pages, finding the relatives not known yet in one pass."""
        keys = {key for key in keys if key in models and key not in asked}
        if config.pairs.same_family:
            for family in {models[k].record.meta.family for k in keys if k not in relatives}:
                relatives.update(_nearest_by_key(families[family], limit))
        for key in keys:
            asked[key] = _proposals(models[key], peers.get(key, models[key].peers), relatives.get(key, []), config)

    ask(dirty)
    for key in dirty:
        if key in asked:
            candidates |= {ordered(key, other) for other, _ in asked[key] if other != key and other in models}
    ask({key for pair in candidates for key in pair})

    # `ambiguous_ids(records)` for the ids these pairs name: shared when another provider folder has it.
    ends = {key for pair in candidates for key in pair}
    ambiguous = frozenset(key.split("/", 1)[1] for key in ends
                          if any(f"{p.key}/{key.split('/', 1)[1]}" in records
                                 for p in config.providers if p.key != key.split("/", 1)[0]))
    pairs = dict(old.pairs)
    lists: dict[str, set[str]] = {}
    added_slugs, removed_slugs = set(), set()
    for first, second in candidates:
        slug = ordered_slug(first, second, ambiguous)
        reasons: list[str] = []
        chosen = editorial.get((first, second)) if first in models and second in models else None
        if chosen is not None:
            reasons.append("editorial")
        if first in models and second in models:
            for key, other in sorted([(first, second), (second, first)]):
                for target, reason in asked[key]:
                    if target == other and reason not in reasons:
                        reasons.append(reason)
        previous = old.pairs.get(slug)
        if not reasons:
            if previous is not None:
                del pairs[slug]
                removed_slugs.add(slug)
            continue
        pair = Pair(slug, first, second, reasons, chosen)
        if (previous is not None and (previous.a, previous.b, previous.reasons) == (first, second, reasons)
                and previous.editorial is chosen):
            continue
        pairs[slug] = pair
        if previous is None:
            added_slugs.add(slug)
    if added_slugs:
        pairs = {slug: pairs[slug] for slug in sorted(pairs)}
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
