"""Which pages the site has, where each one lives, and which ones an edit touches.

A page is named by its `src_uri` (the path MkDocs would read it from, e.g.
`models/openai/gpt-4.1-mini.md`); `url_of` gives the directory URL it is served at.
Everything here works from the catalog's keys and lists only, so the preview can
ask "what changes if this review changes?" without rendering anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import Catalog, Pair
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
    return [compare_uri(n) for n in range(1, len(compare_index_pages(catalog)) + 1)]


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


def pages_affected_by(catalog: Catalog, key: str) -> set[str]:
    """Generated pages whose content depends on review `key` in this catalog.

    Its own page; its comparison pages; the review pages that show it (as a peer,
    alternative, same-provider model, comparison partner or successor); its
    provider's page and the pages of providers it is sold through; its bracket
    page; and the listings (home, all models, indexes). When a review changes,
    call this on the old and the new catalog and take the union, then add
    `structural_changes(old, new)`: a price change can move bracket neighbours.
    """
    model = catalog.models.get(key)
    affected = set(LISTINGS) | set(compare_uris(catalog))
    if model is None:
        return affected
    affected.add(review_uri(key))
    affected |= {pair_uri(slug) for slug in model.pairs}
    for pair_slug_ in model.pairs:
        pair = catalog.pairs[pair_slug_]
        affected.add(review_uri(pair.b if pair.a == key else pair.a))
    for other in catalog.models.values():
        meta = other.meta
        if (key in other.peers or key in meta.alternatives or key in other.same_provider
                or meta.lifecycle.successor == key or key in other.prose.bound):
            affected.add(review_uri(other.key))
    for pair in catalog.pairs.values():
        if pair.editorial is not None and key in pair.prose.bound:
            affected.add(pair_uri(pair.slug))
    affected.add(provider_uri(model.record.provider))
    affected |= {provider_uri(offer.provider) for offer in model.meta.offers}
    affected.add(bracket_uri(model.meta.bracket))
    return affected


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
