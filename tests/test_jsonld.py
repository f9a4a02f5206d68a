"""Structured data: valid JSON-LD on each page kind, saying only what the page shows."""

from __future__ import annotations

import json

import pytest

from conftest import valid_review
from generator.render.site import SiteRenderer
from render_sample import build_sample, parse, sample_catalog

ROOT = "https://modelreview.example.org/"


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("jsonld") / "project")


def graph(site_dir, url: str) -> dict[str, dict]:
    page = parse(site_dir, url)
    scripts = page.css('script[type="application/ld+json"]')
    assert len(scripts) == 1, url
    return {node["@type"]: node for node in json.loads(scripts[0].text())}


def crumbs(node: dict) -> list[tuple[int, str, str]]:
    return [(i["position"], i["name"], i["item"]) for i in node["itemListElement"]]


def test_review_has_article_breadcrumbs_and_faq(site_dir):
    url = "models/openai/gpt-4.1-mini/"
    nodes = graph(site_dir, url)
    assert set(nodes) == {"Article", "BreadcrumbList", "FAQPage"}
    article = nodes["Article"]
    page = parse(site_dir, url)
    dates_line = page.css_first(".mr-dates").text()
    assert article["datePublished"] in dates_line and article["dateModified"] in dates_line
    assert article["headline"] == page.css_first("title").text().split(" - ")[0]
    assert crumbs(nodes["BreadcrumbList"]) == [(1, "Home", ROOT), (2, "OpenAI models", ROOT + "providers/openai/"),
                                               (3, "GPT-4.1 mini", ROOT + url)]


@pytest.mark.parametrize("url", ["models/openai/gpt-4.1-mini/", "compare/gpt-4.1-vs-gpt-4.1-mini/"])
def test_faq_markup_is_the_faq_the_page_prints(site_dir, url):
    page = parse(site_dir, url)
    shown = [(s.css_first("h3").text(), s.css_first("p").text()) for s in page.css(".mr-faq__item")]
    marked = [(q["name"], q["acceptedAnswer"]["text"]) for q in graph(site_dir, url)["FAQPage"]["mainEntity"]]
    assert marked == shown and shown


def test_every_breadcrumb_is_a_built_page(site_dir):
    for url in ["models/openai/gpt-4.1-mini/", "compare/gpt-4.1-vs-gpt-4.1-mini/", "providers/openai/",
                "brackets/value/"]:
        for _, _, item in crumbs(graph(site_dir, url)["BreadcrumbList"]):
            assert (site_dir / item.removeprefix(ROOT) / "index.html").is_file(), item


def test_content_cannot_close_the_script(site):
    site.review("openai/odd", valid_review(name="Odd </script><b>x</b> & co"))
    renderer = SiteRenderer(sample_catalog(site))
    source = renderer.render("models/openai/odd.md")
    script = source[source.index('<script type="application/ld+json">'):]
    script = script[:script.index("</script>") + len("</script>")]
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and "&" not in body
    assert json.loads(body)[0]["about"]["name"] == "Odd </script><b>x</b> & co"
