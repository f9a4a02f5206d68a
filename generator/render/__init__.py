"""Render stage: the checked catalog → the Markdown sources of every generated page.

Public API (what the MkDocs plugin and the preview use):

    SiteRenderer(catalog)          renders any page; `.pages` lists them, `.render(uri)` one,
                                   `.render_all()` all, `.lastmod(uri)` the sitemap date
    render_site(catalog)           src_uri → Markdown for every page
    page_list(catalog)             src_uri → PageRef(kind, key), in build order
    pages_affected_by(catalog, k)  the pages that show data of review `k`
    ModelPages(catalog)            which pages show each model, carried from catalog to catalog
    structural_changes(old, new)   pages added/removed or whose neighbour lists changed

Modules: `pages` (addresses), `index` (per-catalog lookups), `review`, `compare`,
`faq`, `listings` (page values), `format` (filters), `env` (Jinja), `site` (renderer);
for readers: `api` + `api_schema` (open-data JSON), `feeds` (Atom, JSON Feed), `model_rows`
(the all-models rows its page leaves out), `data_files` (all three, for the plugin), `charts`
(build-time SVG), `jsonld` (structured data).
"""

from __future__ import annotations

from .data_files import data_files
from .html import PageHTML, to_html
from .page_keys import PageKeys
from .pages import (compare_uris, page_list, page_problems, page_uri, PageRef, pages_affected_by, pair_uri,
                    review_uri, structural_changes, url_of)
from .pages import ModelPages
from .search_index import search_entries, toc_names
from .site import front_matter_text, PageInput, render_site, SiteRenderer
from .template_errors import as_diagnostic

__all__ = ["as_diagnostic", "compare_uris", "data_files", "front_matter_text", "ModelPages", "page_list", "page_problems",
           "page_uri", "PageHTML", "PageInput", "PageKeys", "PageRef", "pages_affected_by", "pair_uri", "render_site", "review_uri",
           "search_entries", "SiteRenderer", "structural_changes", "to_html", "toc_names", "url_of"]
