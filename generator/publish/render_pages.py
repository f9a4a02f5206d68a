"""Rendering every generated page for a build, across the machine's cores.

Workers are forked (`base.parallel.map_ranges`): each starts with the renderer,
its catalog and its compiled templates already in memory, renders a contiguous
range of the page list, and sends back only (uri, front matter, HTML, toc). The
result is the same dict, in page-list order, however many workers ran, so the
output does not depend on the core count.
"""

from __future__ import annotations

from typing import Any

from ..base import map_ranges
from ..render import PageHTML
from ..render import SiteRenderer

Rendered = dict[str, tuple[dict[str, Any], PageHTML]]


def render_pages(renderer: SiteRenderer, min_items: int = 400) -> Rendered:
    """uri → (front matter, HTML) for every page of `renderer`, in page-list order."""
    uris = list(renderer.pages)

    def job(start: int, end: int) -> list[tuple[str, Any, Any]]:
        done: list[tuple[str, Any, Any]] = []
        for uri in uris[start:end]:
            try:
                done.append((uri, *renderer.render_html(uri)))
            except Exception:        # rendered again below, in this process, to raise it here
                done.append((uri, None, None))
                break
        return done

    rendered: Rendered = {}
    for uri, meta, body in map_ranges(job, len(uris), min_items=min_items):
        rendered[uri] = (meta, body) if body is not None else renderer.render_html(uri)
    if len(rendered) != len(uris):   # a worker stopped at a failure that did not fail again here
        rendered = {uri: rendered.get(uri) or renderer.render_html(uri) for uri in uris}
    return rendered
