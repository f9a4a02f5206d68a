"""Render stage: the checked catalog → the Markdown sources of every generated page.

Public API (what the MkDocs plugin and the preview use):

    SiteRenderer(catalog)          renders any page; `.pages` lists them, `.render(uri)` one,
                                   `.render_all()` all, `.lastmod(uri)` the sitemap date
    render_site(catalog)           src_uri → Markdown for every page
    page_list(catalog)             src_uri → PageRef(kind, key), in build order
    pages_affected_by(catalog, k)  the pages that show data of review `k`
    structural_changes(old, new)   pages added/removed or whose neighbour lists changed

Modules: `pages` (addresses), `index` (per-catalog lookups), `review`, `compare`,
`faq`, `listings` (page values), `format` (filters), `env` (Jinja), `site` (renderer);
for readers: `api` + `api_schema` (open-data JSON), `feeds` (Atom, JSON Feed), `data_files`
(both, for the plugin), `charts` (build-time SVG), `jsonld` (structured data).
"""

from .pages import PageRef, page_list, page_problems, pages_affected_by, structural_changes, url_of
from .site import SiteRenderer, render_site

__all__ = ["PageRef", "SiteRenderer", "page_list", "page_problems", "pages_affected_by", "render_site",
           "structural_changes", "url_of"]
