"""Rendering every generated page for a build, across the machine's cores.

Workers are forked (`base.parallel.map_ranges`): each starts with the renderer,
its catalog and its compiled templates already in memory and handles a contiguous
range of the page list. `finish_pages` (`modelreview build`) has them write each
finished page themselves and send back only its cache entry; `render_pages` (plain
`mkdocs build`, whose page loop puts pages in the theme) sends back (front matter,
HTML, toc). Either way the result is in page-list order however many workers ran,
so the output does not depend on the core count.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from ..base import map_each
from ..render import PageHTML, SiteRenderer, toc_names
from .finish import Theme
from .frames import FrameMismatch, Frames
from .page_cache import Entry, PageCache, Read, StalePage

Rendered = dict[str, tuple[dict[str, Any], PageHTML]]


def render_pages(renderer: SiteRenderer, min_items: int = 400) -> Rendered:
    """uri → (front matter, HTML) for every page of `renderer`, in page-list order."""
    uris = list(renderer.pages)
    return dict(zip(uris, map_each(lambda i: renderer.render_html(uris[i]), len(uris), min_items=min_items)))


def finish_pages(renderer: SiteRenderer, theme: Theme, pages: dict[str, Page],
                 cache: PageCache | None) -> tuple[dict[str, Entry], dict[str, int]]:
    """Write every generated page into the site folder, finished; uri → its cache entry.

    A page whose reads give what they gave (`PageCache.fresh`) is placed from the cache,
    a few of them rendered anyway to check that (`PageCache.audited`); any other is
    rendered (Jinja, Markdown, theme) and, with a cache, stored. Workers write the files
    themselves and send back only the entries. The second value counts pages `reused`
    and `rendered` (and of those rendered, how many `framed`).
    """
    try:
        return _finish_all(renderer, theme, pages, cache, Frames(theme))
    except FrameMismatch:      # never seen on the sample or the catalog; the theme's own render is the truth
        return _finish_all(renderer, theme, pages, cache, Frames(theme, enabled=False))
    except StalePage as stale:  # never seen: every page is rendered, and the build says why
        assert cache is not None
        cache.distrust(f"{stale} came out different from its cached copy; every page was rendered")
        return finish_pages(renderer, theme, pages, cache)


def _finish_all(renderer: SiteRenderer, theme: Theme, pages: dict[str, Page], cache: PageCache | None,
                frames: Frames) -> tuple[dict[str, Entry], dict[str, int]]:
    uris = list(renderer.pages)
    keys = renderer.keys()
    if cache is not None:
        cache.compare(keys)   # here, before the workers fork: once, not once per worker
    done = map_each(lambda i: _finish_one(uris[i], renderer, frames, pages[uris[i]], cache), len(uris),
                    min_items=200, passed=(FrameMismatch, StalePage))
    entries: dict[str, Entry] = {}
    stats = {"reused": 0, "rendered": 0, "framed": 0}
    for uri, (entry, how, reads) in zip(uris, done):
        if cache is not None and how != "reused":
            entry = replace(entry, reads=cache.numbered(reads, keys))
        entries[uri] = entry
        _count(stats, how)
    return entries, stats


def _count(stats: dict[str, int], how: str) -> None:
    stats["reused" if how == "reused" else "rendered"] += 1
    if how == "framed":
        stats["framed"] += 1


def _audit(uri: str, renderer: SiteRenderer, frames: Frames, page: Page, stored: bytes | None) -> None:
    """Render a page the cache would reuse and raise `StalePage` if it differs from the copy."""
    meta, body = renderer.render_html(uri)
    if stored is not None and frames.finish(page, meta, body, renderer.lastmod(uri).isoformat()) != stored:
        raise StalePage(f"page {uri}")


def _finish_one(uri: str, renderer: SiteRenderer, frames: Frames, page: Page,
                cache: PageCache | None) -> tuple[Entry, str, tuple[Read, ...]]:
    """One page written to its place in the site folder: its entry, how it was made
    ("reused" from the cache, "framed", or "rendered" with the whole theme template),
    and, when made, what its making read (numbered in the table by the caller).

    A page is reused when what its last render read of the catalog reads the same now
    (`PageCache.fresh`): nothing of it is computed. The reads are recorded only with a
    cache; recording costs a render about three tenths more CPU."""
    target = Path(page.file.abs_dest_path)
    old = cache.entries.get(uri) if cache is not None else None
    if cache is not None and old is not None and cache.fresh(old):
        if cache.audited():
            _audit(uri, renderer, frames, page, cache.stored(old))
        placed = cache.reuse(old, target)
        if placed is not None:
            return placed, "reused", ()
    if cache is not None:
        meta, body, lastmod, reads = renderer.recorded(uri)
    else:
        (meta, body), lastmod, reads = renderer.render_html(uri), renderer.lastmod(uri), ()
    framed = frames.framed
    data = frames.finish(page, meta, body, lastmod.isoformat())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)   # after an audit or frame failure: a hard link into the cache
    target.write_bytes(data)
    blob, stamp = cache.store(data, written=target) if cache is not None else ("", [])
    entry = Entry([], blob, stamp, {k: v for k, v in meta.items() if k != "scripts"}, toc_names(body.toc))
    return entry, "framed" if frames.framed > framed else "rendered", reads
