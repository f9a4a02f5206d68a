"""Front-matter text is shown as text: never HTML, never Markdown, in the page or its <head>."""

from __future__ import annotations

import json

import pytest

from conftest import valid_review
from render_sample import add_publishing, new_project, parse

NAME = "Evil <b>Model</b> *x* _y_"
SUMMARY = '<script>alert("x")</script> & *bold* [link](https://evil.example)\n\nsecond <img src=x onerror=alert(1)>'
STRENGTH = "**not bold** <i>no</i> `no code`"


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    from conftest import TODAY
    from generator.publish.build import build_site
    from generator.project import Project
    site = add_publishing(new_project(tmp_path_factory.mktemp("escape") / "project"))
    site.review("openai/evil", valid_review(
        name=NAME, summary=SUMMARY, strengths=[STRENGTH], quirks=["<script>q()</script>"],
        faq=[{"question": "<script>q</script>?", "answer": "<b>a</b> & `b`"}],
        sources=[{"title": "<em>t</em>", "url": "https://example.org/a?b=1&c=2"}], author="<script>"))
    site.review("openai/plain", valid_review(name="Plain"))
    site.raw("content/comparisons/evil-vs-plain.md",
             "---\ntitle: 'A <i>vs</i> B'\nmodels: [openai/evil, openai/plain]\n"
             "verdict: '<script>v()</script> *pick*'\nreviewed: 2026-11-02\n---\n")
    site.raw("content/pages/about.md", "---\ntitle: 'About <script>'\n---\n\nText.\n")
    result = build_site(Project.at(site.root), today=TODAY)
    assert result.ok, (result.error, [d.message for d in result.diagnostics])
    return result.site_dir


def test_review_shows_markup_as_text(site_dir):
    page = parse(site_dir, "models/openai/evil")
    article = page.css_first("article")
    for tag in ("script", "b", "i", "img", "em", "strong", "code"):
        found = [n for n in article.css(tag) if (tag != "code" or n.text() != "evil")
                 and n.attributes.get("type") != "application/ld+json"]   # the page's own structured data
        assert found == [], tag
    assert article.css_first("h1").text() == NAME
    assert article.css_first(".mr-lead").text() == SUMMARY
    assert [li.text() for li in article.css(".mr-pros li")] == [STRENGTH]
    assert article.css(".mr-faq h3")[-1].text() == "<script>q</script>?"
    assert article.css(".mr-faq p")[-1].text() == "<b>a</b> & `b`"
    assert article.css_first(".mr-sources a").text() == "<em>t</em>"
    assert article.css_first(".mr-sources a").attributes["href"] == "https://example.org/a?b=1&c=2"


def test_head_and_header_escape_titles(site_dir):
    page = parse(site_dir, "models/openai/evil")
    assert page.css_first("title").text() == f"{NAME} review - modelreview"
    assert page.css_first('meta[property="og:title"]').attributes["content"] == f"{NAME} review"
    description = page.css_first('meta[name="description"]').attributes["content"]
    assert description == " ".join(SUMMARY.split())
    assert page.css_first(".md-header__topic + .md-header__topic, .md-header__title").text(strip=True).endswith(
        f"{NAME} review")
    assert [s for s in page.css("script") if "bundle." in s.text()]  # the theme's own scripts are there (loaded after the first paint)...
    assert not [s for s in page.css("script") if "alert" in s.text()
                and s.attributes.get("type") != "application/ld+json"]  # ...and none of ours
    assert all("<" not in s.text() for s in page.css('script[type="application/ld+json"]'))  # data, escaped


def test_listings_and_comparison_escape_names(site_dir):
    models = parse(site_dir, "models")
    assert [a.text() for a in models.css("#mr-models tbody a")] == [NAME, "Plain"]
    assert models.css("article b") == []
    compare = parse(site_dir, "compare/evil-vs-plain")
    assert compare.css_first("article h1").text() == "A <i>vs</i> B"
    assert compare.css_first(".mr-verdict").text(strip=True) == "<script>v()</script> *pick*"
    assert compare.css("article script:not([type='application/ld+json']), article i, article em") == []
    about = parse(site_dir, "about")
    assert about.css_first("title").text() == "About <script> - modelreview"


def test_search_index_holds_escaped_titles(site_dir):
    index = json.loads((site_dir / "search/search_index.json").read_text())
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles["models/openai/evil/"] == "Evil &lt;b&gt;Model&lt;/b&gt; *x* _y_"   # a review is indexed by its name
