"""Rendering pages: a `SiteRenderer` per catalog turns page URIs into Markdown sources.

Each source starts with front matter MkDocs reads (title, description, which
sidebars to hide) and continues with Markdown whose data parts are escaped HTML
blocks. Titles and descriptions in front matter are HTML-escaped here, because
the theme prints `page.meta` values without escaping them.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..catalog import Catalog, Model
from .compare import comparison_page
from .env import DEFAULT_TEMPLATES, page_environment
from .faq import comparison_faq
from .html import page_scripts, PageHTML, to_html
from .index import newest_date, pair_changes, PairChanges, SiteIndex
from .listings import (all_models, bracket_summaries, bracket_summary, comparison_index, home_page,
                       provider_page, provider_summaries)
from .page_keys import PageKeys
from .page_reads import prepare, Read, Reads, recording
from .pages import compare_index_pages, PageRef, base_of, page_list, pair_uri, providers_with_pages
from .review import review_page, shorten
from .template_errors import PageTemplateError

_HEADING = re.compile(r"^#{1,2} ", re.MULTILINE)
WIDE = ["navigation"]   # detail pages and wide tables give the left sidebar's room to the content


@dataclass(frozen=True)
class PageInput:
    """Everything one page's template is rendered from: what `SiteRenderer.page_input` computed."""

    uri: str
    front: dict[str, Any]
    template: str
    context: dict[str, Any]


class SiteRenderer:
    """Renders any page of one catalog; lookups shared by all pages are computed once."""

    def __init__(self, catalog: Catalog, templates_dir: Path | None = None, auto_reload: bool = False):
        self.catalog = catalog
        self.index = SiteIndex.of(catalog)
        self.env = page_environment(templates_dir or DEFAULT_TEMPLATES, auto_reload)
        self.pages: dict[str, PageRef] = page_list(catalog)

    def patched(self, catalog: Catalog) -> "SiteRenderer":
        """A renderer for a later catalog of the same site (the preview's edits): the same
        templates, the index patched instead of rebuilt (`SiteIndex.patched`), and the page
        list kept, or only its comparison pages replaced, when nothing else in it can differ."""
        renderer = copy.copy(self)
        changes = pair_changes(self.catalog, catalog)
        renderer.catalog, renderer.index = catalog, self.index.patched(catalog, changes)
        renderer.pages = _patched_pages(self.pages, self.catalog, catalog, changes)
        return renderer

    def render_all(self) -> dict[str, str]:
        return {uri: self.render(uri) for uri in self.pages}

    def render(self, uri: str) -> str:
        """The Markdown source of the page at `uri` (a key of `self.pages`)."""
        front, body = self.render_parts(uri)
        return _front_matter(front) + body

    def render_html(self, uri: str) -> tuple[dict[str, Any], PageHTML]:
        """The page at `uri` finished: its front matter and its body as HTML with its toc.

        The build hands MkDocs this instead of Markdown, so generated pages get no
        second Markdown pass; `render` stays for callers that want the source.
        """
        return self.finish_input(self.page_input(uri))

    def finish_input(self, page: PageInput) -> tuple[dict[str, Any], PageHTML]:
        """`page` rendered to HTML: its front matter with the optional scripts it needs
        (`html.page_scripts`), and its body."""
        body = to_html(self.render_input(page))
        return {**page.front, "scripts": page_scripts(body.html)}, body

    def render_parts(self, uri: str) -> tuple[dict[str, Any], str]:
        """(front matter, Markdown body) of the page at `uri`."""
        page = self.page_input(uri)
        return page.front, self.render_input(page)

    def page_input(self, uri: str) -> PageInput:
        """What the page at `uri` is rendered from: its view values, before any template runs."""
        ref = self.pages[uri]
        front, template, context = getattr(self, f"_render_{ref.kind}")(ref)
        context.update(base=base_of(uri), site=self.catalog.config.site, config=self.catalog.config,
                       scale=self.catalog.config.grading.max, share=self.catalog.config.volumes.input_share)
        return PageInput(uri, front, template, context)

    def render_input(self, page: PageInput) -> str:
        """The Markdown body of `page`."""
        try:
            return self.env.get_template(page.template).render({**page.context, "catalog_models": self.catalog.models})
        except jinja2.TemplateError as problem:
            raise PageTemplateError(problem, page.uri) from problem

    def keys(self) -> PageKeys:
        """Fingerprints of page reads against this renderer's catalog (see `page_keys`)."""
        return PageKeys(self.catalog, self.index, self.pages)

    def recorded(self, uri: str) -> tuple[dict[str, Any], PageHTML, "dt.date", tuple[Read, ...]]:
        """The page at `uri` finished as `render_html` makes it, its `lastmod`, and what its
        making read of the catalog (`page_reads`), for the build cache."""
        reads = Reads()
        reads.add(("page", uri))
        prepare(self.catalog, self.index)
        with recording(reads):
            front, body = self.render_html(uri)
            lastmod = self.lastmod(uri)
        return front, body, lastmod, reads.as_tuple()

    def lastmod(self, uri: str) -> dt.date:
        """The date a page's content last changed, for the sitemap: from data, never the clock."""
        ref = self.pages.get(uri)
        if ref is None:
            return self.index.site_date
        if ref.kind == "review":
            return newest_date(self.catalog.models[ref.key])
        if ref.kind == "comparison":
            pair = self.catalog.pairs[ref.key]
            dates = [newest_date(self.catalog.models[pair.a]), newest_date(self.catalog.models[pair.b])]
            if pair.editorial:
                dates.append(pair.editorial.meta.reviewed)
            return max(dates)
        return self.index.site_date

    # One `_render_<kind>` per page kind: (front matter, template, context).

    def _render_review(self, ref: PageRef) -> tuple[dict[str, Any], str, dict[str, Any]]:
        model = self.catalog.models[ref.key]
        page = review_page(self.index, model)
        body = model.prose.body
        return (_meta(page.title, page.description, hide=WIDE, kind="article"), "pages/review.md",
                {"page": page, "m": model, "body": Markup(body.strip("\n")),
                 "body_has_headings": _HEADING.search(body) is not None})

    def _render_comparison(self, ref: PageRef) -> tuple[dict[str, Any], str, dict[str, Any]]:
        page = comparison_page(self.index, self.catalog.pairs[ref.key])
        editorial = page.pair.editorial
        body = page.pair.prose.body.strip("\n") if editorial else ""
        return (_meta(page.title, shorten(page.description, 160), hide=WIDE, kind="article"),
                "pages/comparison.md",
                {"page": page, "a": page.a, "b": page.b, "faq": comparison_faq(self.index, page),
                 "body": Markup(body)})

    def _render_home(self, ref: PageRef) -> tuple[dict[str, Any], str, dict[str, Any]]:
        page = home_page(self.index)
        return _meta(page.title, page.description), "pages/home.md", {"page": page}

    def _render_models(self, ref: PageRef) -> tuple[dict[str, Any], str, dict[str, Any]]:
        models = all_models(self.index)
        return (_meta("All models", f"Every model we review ({len(models)}), with prices, context windows "
                      "and grades, in one table you can sort and filter.", hide=WIDE),
                "pages/models.md", {"models": models})

    def _render_provider(self, ref: PageRef) -> tuple[dict[str, Any], str, dict[str, Any]]:
        page = provider_page(self.index, ref.key)
        name = page.provider.name
        return (_meta(f"{name} models", f"{name}: the models we review and the models it resells, with prices.",
                      hide=WIDE), "pages/provider.md", {"page": page})

    def _render_providers(self, ref: PageRef) -> tuple[dict[str, Any], str, dict[str, Any]]:
        summaries = provider_summaries(self.index, providers_with_pages(self.catalog))
        return (_meta("Providers", "The labs and hosts behind the models we review."),
                "pages/providers.md", {"providers": summaries})

    def _render_bracket(self, ref: PageRef) -> tuple[dict[str, Any], str, dict[str, Any]]:
        summary = bracket_summary(self.index, ref.key)
        title = f"{summary.bracket.name} bracket"
        return (_meta(title, summary.bracket.description, hide=WIDE), "pages/bracket.md", {"summary": summary})

    def _render_brackets(self, ref: PageRef) -> tuple[dict[str, Any], str, dict[str, Any]]:
        return (_meta("Brackets", "Models grouped by what they cost, from budget to frontier."),
                "pages/brackets.md", {"summaries": bracket_summaries(self.index)})

    def _render_compare(self, ref: PageRef) -> tuple[dict[str, Any], str, dict[str, Any]]:
        page = comparison_index(self.index, int(ref.key))
        title = "Comparisons" if page.number == 1 else f"Comparisons, page {page.number} of {len(page.pages)}"
        return (_meta(title, "Two models side by side: prices, monthly costs, grades and specs."),
                "pages/compare.md", {"page": page, "index": self.index})

    def _render_page(self, ref: PageRef) -> tuple[dict[str, Any], str, dict[str, Any]]:
        record = next(p for p in self.catalog.pages if p.slug == ref.key)
        meta = _meta(record.meta.title, record.meta.description or self.catalog.config.site.description)
        return meta, "pages/page.md", {"body": Markup(record.body.strip("\n"))}


def render_site(catalog: Catalog, templates_dir: Path | None = None) -> dict[str, str]:
    """Every generated page: src_uri → Markdown source (with front matter), in build order."""
    return SiteRenderer(catalog, templates_dir).render_all()


def _meta(title: str, description: str, hide: list[str] | None = None, kind: str = "website") -> dict[str, Any]:
    meta: dict[str, Any] = {"title": str(escape(title)), "description": str(escape(description)), "og_type": kind}
    if hide:
        meta["hide"] = hide
    return meta


def front_matter_text(meta: dict[str, Any]) -> str:
    """The front matter block `render` starts a page with, for `meta` (e.g. from `render_html`)."""
    return _front_matter(meta)


def _front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter written as JSON values (valid YAML, no YAML emitter per page, no quoting traps)."""
    lines = [f"{key}: {json.dumps(value)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _patched_pages(pages: dict[str, PageRef], old: Catalog, new: Catalog, changes: PairChanges) -> dict[str, PageRef]:
    """`page_list(new)`, from `pages` (`page_list(old)`): the same when the reviews, pairs,
    provider pages, comparison index pages and hand-written pages are the same; with the
    comparison pages swapped when only pairs came or went; otherwise built again."""
    if (new.config is not old.config or len(new.models) != len(old.models) or new.models.keys() != old.models.keys()
            or [p.slug for p in new.pages] != [p.slug for p in old.pages]):
        return page_list(new)
    changed = [key for key, model in new.models.items() if old.models[key] is not model]
    if (any(_sold_by(old.models[key]) != _sold_by(new.models[key]) for key in changed)
            and providers_with_pages(new) != providers_with_pages(old)):
        return page_list(new)
    if not changes.changed and not changes.removed:
        return pages
    if len(compare_index_pages(new)) != len(compare_index_pages(old)):
        return page_list(new)
    if len(new.pairs) == len(old.pairs) and not (changes.changed - old.pairs.keys()):
        return pages   # the same slugs: pairs replaced, none added or dropped
    if not old.pairs or not new.pairs:
        return page_list(new)
    # Comparison pages are listed in slug order: merge the added slugs in, drop the removed.
    added = sorted(slug for slug in changes.changed if slug not in old.pairs)
    spliced: dict[str, PageRef] = {}
    at, in_section = 0, False
    for uri, ref in pages.items():
        if ref.kind == "comparison":
            in_section = True
            while at < len(added) and added[at] < ref.key:
                spliced[pair_uri(added[at])] = PageRef(pair_uri(added[at]), "comparison", added[at])
                at += 1
            if ref.key not in changes.removed:
                spliced[uri] = ref
            continue
        if in_section:
            for slug in added[at:]:
                spliced[pair_uri(slug)] = PageRef(pair_uri(slug), "comparison", slug)
            at, in_section = len(added), False
        spliced[uri] = ref
    return spliced


def _sold_by(model: Model) -> tuple[str, frozenset[str]]:
    """The provider pages a model puts on the site: its own provider's and its offers'."""
    return model.record.provider, frozenset(offer.provider for offer in model.meta.offers)
