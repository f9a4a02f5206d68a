"""Which pages the site has, where each one lives, and which ones an edit touches.

A page is named by its `src_uri` (the path MkDocs would read it from, e.g.
`models/openai/gpt-4.1-mini.md`); `url_of` gives the directory URL it is served at.
Everything here works from the catalog's keys and lists only, so the preview can
ask "what changes if this review changes?" without rendering anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any, Callable
from dataclasses import dataclass

from ..catalog import Catalog, Model, Pair
from ..base import Diagnostic, error

HOME = "index.md"
MODELS = "models/index.md"
PROVIDERS = "providers/index.md"
BRACKETS = "brackets/index.md"
COMPARE = "compare/index.md"
LISTINGS = (HOME, MODELS, PROVIDERS, BRACKETS, COMPARE)
# Hand-written pages are served at /<slug>/; these slugs belong to generated sections.
RESERVED_SLUGS = frozenset({"index", "models", "providers", "brackets", "compare", "assets", "search", "404"})


@dataclass(frozen=True)
class PageRef:
    """One page of the site: its source URI, its kind, and the catalog key it shows."""

    uri: str
    kind: str   # home, models, providers, brackets, compare, review, comparison, provider, bracket, page
    key: str = ""


def review_uri(key: str) -> str:
    return f"models/{key}.md"


def pair_uri(slug: str) -> str:
    return f"compare/{slug}.md"


def provider_uri(key: str) -> str:
    return f"providers/{key}.md"


def bracket_uri(key: str) -> str:
    return f"brackets/{key}.md"


def page_uri(slug: str) -> str:
    return f"{slug}.md"


def compare_uri(number: int) -> str:
    """Page `number` (from 1) of the comparisons index: /compare/, then /compare/page/2/, ..."""
    return COMPARE if number == 1 else f"compare/page/{number}.md"


def compare_index_pages(catalog: Catalog) -> list[list[Pair]]:
    """What each page of the comparisons index lists: the pairs without an editorial page,
    in slug order, `index_page_size` to a page; an empty catalog still has its one page."""
    listed = [pair for pair in catalog.pairs.values() if pair.editorial is None]
    size = catalog.config.pairs.index_page_size
    return [listed[i:i + size] for i in range(0, len(listed), size)] or [[]]


def compare_uris(catalog: Catalog) -> list[str]:
    return _compare_uris(sum(1 for pair in catalog.pairs.values() if pair.editorial is None), catalog)


def _compare_uris(listed: int, catalog: Catalog) -> list[str]:
    """The index pages `compare_index_pages` makes of `listed` pairs (at least one page)."""
    size = catalog.config.pairs.index_page_size
    return [compare_uri(n) for n in range(1, max(1, -(-listed // size)) + 1)]


def url_of(uri: str) -> str:
    """The directory URL MkDocs serves `uri` at (use_directory_urls), relative to the site root."""
    stem = uri[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def base_of(uri: str) -> str:
    """The relative prefix from the page at `uri` back to the site root ("../../../")."""
    return "../" * url_of(uri).count("/")


def providers_with_pages(catalog: Catalog) -> list[str]:
    """Providers that have a review or sell a reviewed model; the other config entries get no page."""
    keys = {m.record.provider for m in catalog.models.values()}
    keys |= {offer.provider for m in catalog.models.values() for offer in m.meta.offers}
    return sorted(keys)


def page_list(catalog: Catalog) -> dict[str, PageRef]:
    """Every generated page, in the (stable) order they are rendered and written."""
    refs = [PageRef(HOME, "home"), PageRef(MODELS, "models")]
    refs += [PageRef(review_uri(key), "review", key) for key in catalog.models]
    refs += [PageRef(uri, "compare", str(n)) for n, uri in enumerate(compare_uris(catalog), start=1)]
    refs += [PageRef(pair_uri(slug), "comparison", slug) for slug in catalog.pairs]
    refs.append(PageRef(PROVIDERS, "providers"))
    refs += [PageRef(provider_uri(key), "provider", key) for key in providers_with_pages(catalog)]
    refs.append(PageRef(BRACKETS, "brackets"))
    refs += [PageRef(bracket_uri(b.key), "bracket", b.key) for b in catalog.config.brackets]
    refs += [PageRef(page_uri(p.slug), "page", p.slug) for p in catalog.pages if p.slug not in RESERVED_SLUGS]
    return {ref.uri: ref for ref in refs}


def page_problems(catalog: Catalog) -> list[Diagnostic]:
    """Hand-written pages whose name would take a generated section's address."""
    return [error(p.display, 1, 1, "reserved-page-name",
                  f"a page named '{p.slug}' would replace the generated /{p.slug}/ section",
                  "rename the file")
            for p in catalog.pages if p.slug in RESERVED_SLUGS]


def pages_affected_by(catalog: Catalog, key: str, shown: "ModelPages | None" = None) -> set[str]:
    """Generated pages whose content depends on review `key` in this catalog.

    Its own page; its comparison pages; the review pages that show it (as a peer,
    alternative, same-provider model, comparison partner or successor); its
    provider's page and the pages of providers it is sold through; its bracket
    page; and the listings (home, all models, indexes). When a review changes,
    call this on the old and the new catalog and take the union, then add
    `structural_changes(old, new)`: a price change can move bracket neighbours.
    `shown`, a `ModelPages` of this very catalog, saves the scan of every model.
    """
    model = catalog.models.get(key)
    affected = set(LISTINGS) | set(shown.compare_uris if shown is not None and shown.catalog is catalog
                                   else compare_uris(catalog))
    if model is None:
        return affected
    affected.add(review_uri(key))
    affected |= {pair_uri(slug) for slug in model.pairs}
    for pair_slug_ in model.pairs:
        pair = catalog.pairs[pair_slug_]
        affected.add(review_uri(pair.b if pair.a == key else pair.a))
    if shown is not None and shown.catalog is catalog:
        affected |= shown.pages_showing(key)
    else:
        affected |= {review_uri(other.key) for other in catalog.models.values() if key in _shows(other)}
        affected |= {pair_uri(pair.slug) for pair in catalog.pairs.values() if key in _binds(pair)}
    affected.add(provider_uri(model.record.provider))
    affected |= {provider_uri(offer.provider) for offer in model.meta.offers}
    affected.add(bracket_uri(model.meta.bracket))
    return affected


def _shows(model: Model) -> set[str]:
    """The other models a review page shows: peers, alternatives, same-provider models,
    its successor, and those its prose binds (comparison partners come from `pairs`)."""
    meta = model.meta
    shown = {*model.peers, *meta.alternatives, *model.same_provider, *model.prose.bound}
    if meta.lifecycle.successor:
        shown.add(meta.lifecycle.successor)
    return shown


def _binds(pair: Pair) -> frozenset[str]:
    """The models an editorial comparison page's prose shows data of."""
    return pair.prose.bound if pair.editorial is not None else frozenset()


class ModelPages:
    """Which review and comparison pages show each model (`_shows`, `_binds`) in one catalog:
    `pages_affected_by` without its scan of every model and pair.

    `ModelPages(catalog)` takes one scan; `for_catalog(later)` carries it to a later
    catalog in which every model and pair object it shares with this one is unchanged
    (the preview's patched and updated catalogs reuse what an edit did not reach, and
    nothing changes a model after its catalog is made), looking again only at the
    objects that differ. This one stays valid for its own catalog."""

    def __init__(self, catalog: Catalog, _from: "ModelPages | None" = None):
        self.catalog = catalog
        if _from is None:
            self._models: dict[str, tuple[Model, set[str]]] = {}
            self._pairs: dict[str, tuple[Pair, frozenset[str]]] = {}
            self._showing: dict[str, set[str]] = defaultdict(set)   # model key -> review pages showing it
            self._binding: dict[str, set[str]] = defaultdict(set)   # model key -> comparison pages binding it
        else:
            self._models, self._pairs = dict(_from._models), dict(_from._pairs)
            self._showing, self._binding = defaultdict(set, _from._showing), defaultdict(set, _from._binding)
        copied: set[tuple[int, str]] = set()    # the sets this one owns (the others are shared with `_from`)

        def change(table: dict[str, set[str]], kind: int, keys: set[str] | frozenset[str], uri: str,
                   add: bool) -> None:
            for key in keys:
                if (kind, key) not in copied:
                    table[key] = set(table.get(key, ()))
                    copied.add((kind, key))
                (table[key].add if add else table[key].discard)(uri)

        def follow(known: dict[str, Any], now: Mapping[str, Any], shown_by: Callable[[Any], Any],
                   table: dict[str, set[str]], kind: int, uri_of: Callable[[str], str]) -> None:
            """Bring `known` (key -> (object, the models its page shows)) and `table` up to `now`,
            looking only at objects that are not the ones `known` holds."""
            for key in known.keys() - now.keys():
                change(table, kind, known.pop(key)[1], uri_of(key), False)
            for key, thing in now.items():
                before = known.get(key)
                if before is not None and before[0] is thing:
                    continue
                shown, was = shown_by(thing), before[1] if before is not None else frozenset()
                change(table, kind, was - shown, uri_of(key), False)
                change(table, kind, shown - was, uri_of(key), True)
                known[key] = (thing, shown)

        follow(self._models, catalog.models, _shows, self._showing, 0, review_uri)
        editorial = {slug: pair for slug, pair in catalog.pairs.items() if pair.editorial is not None}
        self.compare_uris = _compare_uris(len(catalog.pairs) - len(editorial), catalog)
        follow(self._pairs, editorial, _binds, self._binding, 1, pair_uri)

    def for_catalog(self, catalog: Catalog) -> "ModelPages":
        """The same index for a later catalog (see the class docstring); this one is left as it is."""
        return self if catalog is self.catalog else ModelPages(catalog, self)

    def pages_showing(self, key: str) -> set[str]:
        """The review pages that show model `key` and the editorial comparison pages that bind it."""
        return self._showing.get(key, set()) | self._binding.get(key, set())


def structural_changes(old: Catalog, new: Catalog) -> set[str]:
    """Pages added, removed, or whose model's peer, pair or sibling lists differ between catalogs."""
    old_pages, new_pages = page_list(old), page_list(new)
    changed = set(old_pages.keys() ^ new_pages.keys())
    for key, model in new.models.items():
        before = old.models.get(key)
        if before is None or (before.peers, before.pairs, before.same_provider) != (
                model.peers, model.pairs, model.same_provider):
            changed.add(review_uri(key))
    return changed
