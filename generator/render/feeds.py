"""Feeds: new and updated reviews, and price changes, as Atom 1.0 and JSON Feed 1.1.

    feeds/reviews.xml   feeds/reviews.json   one entry per review, newest change first
    feeds/prices.xml    feeds/prices.json    one entry per price-history change (every
                                             entry after a model's first), newest first

Each entry links to the page that shows it (a price change to the review's price
history). Dates come from the content (review, verification and price-history
dates), never from the clock, so a rebuild of unchanged content writes the same
bytes and feed readers see nothing new. A feed carries the newest `FEED_LENGTH`
entries: a 1,361-model catalog would otherwise send every reader a megabyte.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from ..base import format_price
from ..catalog import Catalog
from .api import site_root
from .index import SiteIndex, newest_date
from .review import price_history, review_description

FEED_LENGTH = 50
ATOM = "http://www.w3.org/2005/Atom"
HISTORY_ANCHOR = "#price-history"   # the id MkDocs' toc gives the "Price history" heading


@dataclass(frozen=True)
class Entry:
    id: str
    url: str
    title: str
    summary: str
    published: dt.date
    updated: dt.date


@dataclass(frozen=True)
class Feed:
    slug: str                        # file name under feeds/
    title: str
    description: str
    entries: list[Entry]


def feed_files(catalog: Catalog, index: SiteIndex | None = None) -> dict[str, str]:
    """Site path → text of each feed file, Atom then JSON Feed per feed."""
    index = index or SiteIndex.of(catalog)
    site_url = site_root(catalog)
    files: dict[str, str] = {}
    for feed in (review_feed(catalog, index), price_feed(catalog, index)):
        files[f"feeds/{feed.slug}.xml"] = atom(feed, catalog, index, site_url)
        files[f"feeds/{feed.slug}.json"] = json_feed(feed, catalog, site_url)
    return files


def review_feed(catalog: Catalog, index: SiteIndex) -> Feed:
    site_url = site_root(catalog)
    models = sorted(catalog.models.values(), key=lambda m: (-newest_date(m).toordinal(), m.key))
    entries = [Entry(id=site_url + m.url, url=site_url + m.url, title=f"{m.meta.name} review",
                     summary=review_description(index, m), published=m.meta.reviewed, updated=newest_date(m))
               for m in models[:FEED_LENGTH]]
    name = catalog.config.site.name
    return Feed("reviews", f"{name}: reviews", "New and updated model reviews.", entries)


def price_feed(catalog: Catalog, index: SiteIndex) -> Feed:
    site_url = site_root(catalog)
    entries: list[Entry] = []
    for model in catalog.models.values():
        for row in price_history(model.meta.price_history)[1:]:
            url = site_url + model.url + HISTORY_ANCHOR
            cached = f", cached input {format_price(row.cached_input)}" if row.cached_input is not None else ""
            summary = (f"{model.meta.name} ({model.provider.name} API) from {row.date.isoformat()}: input "
                       f"{format_price(row.input)}, output {format_price(row.output)}{cached} per 1M tokens.")
            entries.append(Entry(id=f"{site_url}{model.url}#price-{row.date.isoformat()}", url=url,
                                 title=f"{model.meta.name}: {row.change}", summary=summary,
                                 published=row.date, updated=row.date))
    entries.sort(key=lambda e: (-e.updated.toordinal(), e.id))
    name = catalog.config.site.name
    return Feed("prices", f"{name}: price changes", "List-price changes of the models we review.",
                entries[:FEED_LENGTH])


def atom(feed: Feed, catalog: Catalog, index: SiteIndex, site_url: str) -> str:
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    _text(root, "id", f"{site_url}feeds/{feed.slug}.xml")
    _text(root, "title", feed.title)
    _text(root, "subtitle", feed.description)
    _text(root, "updated", _timestamp(_feed_updated(feed, index)))
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", type="application/atom+xml",
                  href=f"{site_url}feeds/{feed.slug}.xml")
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=site_url)
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", _author(catalog))
    for entry in feed.entries:
        item = ET.SubElement(root, f"{{{ATOM}}}entry")
        _text(item, "id", entry.id)
        _text(item, "title", entry.title)
        ET.SubElement(item, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=entry.url)
        _text(item, "published", _timestamp(entry.published))
        _text(item, "updated", _timestamp(entry.updated))
        _text(item, "summary", entry.summary)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def json_feed(feed: Feed, catalog: Catalog, site_url: str) -> str:
    document: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "description": feed.description,
        "home_page_url": site_url,
        "feed_url": f"{site_url}feeds/{feed.slug}.json",
        "language": "en",
        "authors": [{"name": _author(catalog)}],
        "items": [{"id": e.id, "url": e.url, "title": e.title, "content_text": e.summary,
                   "date_published": _timestamp(e.published), "date_modified": _timestamp(e.updated)}
                  for e in feed.entries],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _feed_updated(feed: Feed, index: SiteIndex) -> dt.date:
    return max((e.updated for e in feed.entries), default=index.site_date)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element


def _timestamp(day: dt.date) -> str:
    """RFC 3339, as both formats require: the content holds days, so midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def _author(catalog: Catalog) -> str:
    site = catalog.config.site
    return site.author or site.name

