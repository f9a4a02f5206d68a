"""Feeds: Atom and JSON Feed of reviews and price changes, read back with real feed parsers."""

from __future__ import annotations

import datetime as dt
import json
import re

import feedparser
import jsonfeed
import pytest

from conftest import valid_review
from generator.render.feeds import feed_files
from render_sample import sample_catalog

D = dt.date
SITE = "https://modelreview.example.org/"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@pytest.fixture
def feeds(site) -> dict[str, str]:
    site.review("openai/cheap", valid_review(
        name="Cheap", reviewed=D(2026, 10, 1),
        pricing={"input": 0.2, "output": 0.8, "verified": D(2026, 11, 5)},
        price_history=[{"date": D(2025, 1, 1), "input": 0.4, "output": 1.6},
                       {"date": D(2026, 3, 1), "input": 0.2, "output": 0.8}]))
    site.review("openai/dear", valid_review(name="Dear <Pro>", reviewed=D(2026, 11, 10)))
    return feed_files(sample_catalog(site))


def test_atom_feeds_parse_cleanly(feeds):
    for name in ("reviews", "prices"):
        parsed = feedparser.parse(feeds[f"feeds/{name}.xml"])
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == "atom10"
        assert parsed.feed.links[0].href == f"{SITE}feeds/{name}.xml"


def test_review_entries_newest_change_first_and_link_to_their_page(feeds):
    parsed = feedparser.parse(feeds["feeds/reviews.xml"])
    assert [(e.title, e.link, e.updated, e.published) for e in parsed.entries] == [
        ("Dear <Pro> review", f"{SITE}models/openai/dear/", "2026-11-10T00:00:00Z", "2026-11-10T00:00:00Z"),
        ("Cheap review", f"{SITE}models/openai/cheap/", "2026-11-05T00:00:00Z", "2026-10-01T00:00:00Z"),
    ]
    assert parsed.feed.updated == "2026-11-10T00:00:00Z"


def test_price_feed_has_one_entry_per_change(feeds):
    parsed = feedparser.parse(feeds["feeds/prices.xml"])
    assert len(parsed.entries) == 1   # the first history entry is where prices start, not a change
    entry = parsed.entries[0]
    assert entry.title == "Cheap: Input −50%, output −50%"
    assert entry.link == f"{SITE}models/openai/cheap/#price-history"
    assert entry.updated == "2026-03-01T00:00:00Z"
    assert entry.summary == "Cheap (OpenAI API) from 2026-03-01: input $0.20, output $0.80 per 1M tokens."


def test_json_feeds_parse_and_follow_the_specification(feeds):
    for name in ("reviews", "prices"):
        text = feeds[f"feeds/{name}.json"]
        parsed = jsonfeed.Feed.parse_string(text)
        assert parsed.feed_url == f"{SITE}feeds/{name}.json"
        raw = json.loads(text)
        assert raw["version"] == "https://jsonfeed.org/version/1.1"
        ids = [item["id"] for item in raw["items"]]
        assert len(ids) == len(set(ids)) and ids
        for item in raw["items"]:
            assert item["content_text"] and item["url"].startswith(SITE)
            assert RFC3339.match(item["date_published"]) and RFC3339.match(item["date_modified"])
    atom_links = [e.link for e in feedparser.parse(feeds["feeds/reviews.xml"]).entries]
    assert [i["url"] for i in json.loads(feeds["feeds/reviews.json"])["items"]] == atom_links


def test_feeds_depend_on_content_not_on_the_day(feeds, site):
    assert feed_files(sample_catalog(site)) == feeds
