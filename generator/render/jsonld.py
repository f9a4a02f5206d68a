"""Structured data (schema.org JSON-LD) for the pages that carry it.

    review        Article (headline, dates, author) + BreadcrumbList + FAQPage
    comparison    BreadcrumbList + FAQPage
    provider,     BreadcrumbList
    bracket

Only facts the page itself shows go in: the Article's dates are the ones in the
page's "Reviewed … · prices verified … · last benchmarked …" line, the FAQ is the
questions and answers printed under "Frequently asked questions", and each
breadcrumb is a page the reader can reach from the kicker or the tabs. Search
engines penalise markup that claims more than the page says.

Templates call these through the Jinja globals from `jsonld_globals()`; each
returns one `<script type="application/ld+json">` element. `<`, `>` and `&` are
written as JSON escapes, so no text from the content can close the element.
"""

from __future__ import annotations

import json
from typing import Any, Callable

from markupsafe import Markup

from ..catalog import Model
from ..load import Site
from .compare import ComparisonPage
from .faq import FaqItem
from .listings import BracketSummary, ProviderPage
from .review import ReviewPage

CONTEXT = "https://schema.org"


def review_jsonld(page: ReviewPage, site: Site) -> Markup:
    model = page.model
    root = _root(site)
    url = root + model.url
    return _script([
        article(page, site),
        breadcrumbs(site, [(f"{model.provider.name} models", f"providers/{model.record.provider}/"),
                           (model.meta.name, model.url)]),
        *([faq_page(page.faq, url)] if page.faq else []),
    ])


def comparison_jsonld(page: ComparisonPage, faq: list[FaqItem], site: Site) -> Markup:
    url = _root(site) + page.pair.url
    return _script([breadcrumbs(site, [("Comparisons", "compare/"), (page.title, page.pair.url)]),
                    *([faq_page(faq, url)] if faq else [])])


def provider_jsonld(page: ProviderPage, site: Site) -> Markup:
    key = page.provider.key
    return _script([breadcrumbs(site, [("Providers", "providers/"), (page.provider.name, f"providers/{key}/")])])


def bracket_jsonld(summary: BracketSummary, site: Site) -> Markup:
    bracket = summary.bracket
    return _script([breadcrumbs(site, [("Brackets", "brackets/"),
                                       (f"{bracket.name} bracket", f"brackets/{bracket.key}/")])])


def article(page: ReviewPage, site: Site) -> dict[str, Any]:
    model = page.model
    author = ({"@type": "Person", "name": model.meta.author} if model.meta.author
              else {"@type": "Organization", "name": site.author or site.name, "url": _root(site)})
    return {
        "@context": CONTEXT, "@type": "Article",
        "headline": page.title,
        "description": page.description,
        "url": _root(site) + model.url,
        "mainEntityOfPage": _root(site) + model.url,
        "datePublished": model.meta.reviewed.isoformat(),
        "dateModified": shown_modified(model),
        "author": author,
        "publisher": {"@type": "Organization", "name": site.name, "url": _root(site)},
        "about": {"@type": "SoftwareApplication", "name": model.meta.name, "applicationCategory": "AI language model",
                  "author": {"@type": "Organization", "name": model.provider.name}},
    }


def shown_modified(model: Model) -> str:
    """The newest of the dates the review's date line prints."""
    meta = model.meta
    dates = [meta.reviewed, meta.pricing.verified, *([meta.grade.benchmarked] if meta.grade else [])]
    return max(dates).isoformat()


def breadcrumbs(site: Site, trail: list[tuple[str, str]]) -> dict[str, Any]:
    """Home, then `trail` (name, site-relative URL) down to the page itself."""
    root = _root(site)
    items = [("Home", ""), *trail]
    return {"@context": CONTEXT, "@type": "BreadcrumbList",
            "itemListElement": [{"@type": "ListItem", "position": n, "name": name, "item": root + url}
                                for n, (name, url) in enumerate(items, start=1)]}


def faq_page(faq: list[FaqItem], url: str) -> dict[str, Any]:
    return {"@context": CONTEXT, "@type": "FAQPage", "url": url,
            "mainEntity": [{"@type": "Question", "name": item.question,
                            "acceptedAnswer": {"@type": "Answer", "text": item.answer}} for item in faq]}


def jsonld_globals() -> dict[str, Callable[..., Markup]]:
    return {"review_jsonld": review_jsonld, "comparison_jsonld": comparison_jsonld,
            "provider_jsonld": provider_jsonld, "bracket_jsonld": bracket_jsonld}


def _script(graph: list[dict[str, Any]]) -> Markup:
    text = json.dumps(graph, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _root(site: Site) -> str:
    return site.url if site.url.endswith("/") else site.url + "/"
