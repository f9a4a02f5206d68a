"""The site's search entries: one compact entry per page, in Material's search-index format.

Material's own indexer splits every page into sections and indexes their full text;
at the size of a public catalog that is tens of megabytes (thousands of comparison
pages that differ in two names), all of it downloaded by the browser before search
works. Generated pages are indexed here instead, from the catalog, one entry each:

    review      title: the model's name; text: provider, bracket, the page's
                description and its own section titles (headings every review has,
                such as "Pricing by channel", are left out); tags: its aliases,
                snapshot and model id, so typing any of them puts the page first
                (Material boosts tags above titles)
    provider, bracket, hand-written page
                title and description (plus a page's section titles)
    comparison, listings
                title only

Entries come in page-list order, so the index is deterministic.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any, Iterable

from ..catalog import Catalog
from .pages import PageRef, url_of

COMMON_SHARE = 0.5   # a section title on more than this share of a kind's pages is the template's, not news


def search_entries(catalog: Catalog, pages: dict[str, PageRef], meta: dict[str, dict[str, Any]],
                   sections: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Entries for the generated pages; `meta` (escaped title, description) and `sections` (toc names) by uri."""
    common = _common_titles(pages, sections)
    entries = []
    for uri, ref in pages.items():
        page_meta = meta.get(uri, {})
        title = page_meta.get("title", "")
        description = page_meta.get("description", "")
        own = [name for name in sections.get(uri, []) if name not in common.get(ref.kind, set())]
        entry: dict[str, Any] = {"location": url_of(uri), "title": title}
        if ref.kind == "review":
            model = catalog.models[ref.key]
            entry["title"] = _text(model.meta.name)
            entry["text"] = _join([f"{_text(model.provider.name)} · {_text(model.bracket.name)} bracket.",
                                   description, *own])
            tags = _unique([*model.meta.aliases, model.meta.snapshot or "", model.record.model_id])
            if tags:
                entry["tags"] = [_text(tag) for tag in tags]
        elif ref.kind in ("provider", "bracket", "page"):
            entry["text"] = _join([description, *own])
        entries.append(entry)
    return entries


def _common_titles(pages: dict[str, PageRef], sections: dict[str, list[str]]) -> dict[str, set[str]]:
    by_kind: dict[str, Counter] = {}
    sizes: Counter = Counter()
    for uri, ref in pages.items():
        sizes[ref.kind] += 1
        by_kind.setdefault(ref.kind, Counter()).update(set(sections.get(uri, [])))
    return {kind: {name for name, n in counts.items() if n > 1 and n > COMMON_SHARE * sizes[kind]}
            for kind, counts in by_kind.items()}


def toc_names(toc: Iterable[dict[str, Any]]) -> list[str]:
    """Every heading name of a toc token tree, in document order."""
    names: list[str] = []
    for token in toc:
        names.append(token["name"])
        names.extend(toc_names(token["children"]))
    return names


def _text(value: str) -> str:
    """Material shows entry text as HTML: data goes in escaped."""
    return html.escape(str(value), quote=False)


def _join(parts: list[str]) -> str:
    return " ".join(part for part in parts if part)


def _unique(values: list[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen
