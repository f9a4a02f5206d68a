"""Home, the all-models table, bracket and provider pages, hand-written pages, sitemap."""

from __future__ import annotations

import pytest

from render_sample import build_sample, parse, table_rows


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("listings") / "project")


def test_home_best_value_and_latest(site_dir):
    page = parse(site_dir, "")
    cards = [(c.css_first(".mr-card__kicker").text(), c.css_first(".mr-card__title").text(), c.attributes["href"])
             for c in page.css(".mr-cards a.mr-card")]
    assert cards == [("Budget", "GPT-4.1 nano", "models/openai/gpt-4.1-nano/"),
                     ("Value", "GPT-4.1 mini", "models/openai/gpt-4.1-mini/"),
                     ("Premium", "GPT-4.1", "models/openai/gpt-4.1/")]
    latest = table_rows(page.css_first(".mr-latest"))
    assert [row[0] for row in latest[1:]] == ["GPT-4.1 mini", "Gemini 2.5 Flash", "GPT-4.1", "GPT-4.1 nano",
                                              "Claude Haiku 4.5"]
    assert [a.text() for a in page.css(".mr-stats a")] == ["5 models", "3 labs and 2 resellers", "6 comparisons"]
    providers = table_rows(parse(site_dir, "providers").css_first(".mr-providers"))[1:]
    assert len(providers) == 3 + 2                   # the link's wording counts what it leads to


def test_provider_count_wording():
    from generator.render.listings import HomePage
    def label(labs, resellers):
        return HomePage("t", "d", [], [], 0, labs, resellers, 0).providers_label
    assert [label(1, 0), label(5, 1), label(5, 10)] == ["1 lab", "5 labs and 1 reseller", "5 labs and 10 resellers"]


def test_all_models_table_has_sort_keys_and_filter(site_dir):
    page = parse(site_dir, "models")
    table = page.css_first("table#mr-models")
    assert "data-sortable" in table.attributes
    assert page.css_first("input[data-filter-table]").attributes["data-filter-table"] == "mr-models"
    rows = table_rows(page.css_first(".mr-scroll"))
    # the first rows keep hyphenated words whole in <span class="mr-word">: read the text as shown
    rows[1:] = [[" ".join(cell.text().split()) for cell in row.css("td")] for row in table.css("tbody tr")]
    assert rows[0] == ["Model", "Provider", "Bracket", "Grade", "Context", "Input /1M", "Output /1M",
                       "Price at 50/50", "Released", "Your monthly cost"]
    assert rows[1:] == [
        ["Claude Haiku 4.5", "Anthropic", "Value", "Not graded", "200K", "$1.00", "$5.00", "$3.00", "2025-04-14", "—"],
        ["Gemini 2.5 Flash", "Google", "Value", "Good (2.4/3)", "1M", "$0.30", "$2.50", "$1.40", "2025-04-14", "—"],
        ["GPT-4.1", "OpenAI", "Premium", "Strong (2.5/3)", "1M", "$2.00", "$8.00", "$5.00", "2025-04-14", "—"],
        ["GPT-4.1 mini", "OpenAI", "Value", "Strong (2.58/3)", "1M", "$0.40", "$1.60", "$1.00", "2025-04-14", "—"],
        ["GPT-4.1 nano", "OpenAI", "Budget", "Good (2.1/3)", "1M", "$0.10", "$0.40", "$0.25", "2025-04-14", "—"],
    ]
    mini = table.css("tbody tr")[3]
    # Sort keys only where the text does not sort by itself (tables.js reads names, prices and dates from the text).
    assert [td.attributes.get("data-sort") for td in mini.css("td")] == [
        None, None, None, "2.58", "1047576", None, None, "1.00", None, None]
    # What the calculator and filters need, on the row: no download of api/models.json. The key is the
    # link's path, relative to /models/.
    assert mini.css_first("a").attributes["href"] == "openai/gpt-4.1-mini/"
    assert mini.attributes["data-c"] == "tsv"
    assert mini.attributes["data-p"] == "0.4 1.6 0.1 0.2 0.8"
    assert [th.attributes.get("data-col") for th in table.css("thead th")] == [
        None, None, None, None, "ctx", None, None, "blended", None, "cost"]
    assert (site_dir / "assets/javascripts/tables.js").is_file()


def test_bracket_page_costs_at_each_volume(site_dir):
    page = parse(site_dir, "brackets/value")
    assert page.css_first("article h1").text() == "Value bracket"
    assert table_rows(page.css_first(".mr-peers")) == [
        ["Model", "Provider", "Grade", "Input /1M", "Output /1M", "1M tokens/month", "10M tokens/month",
         "100M tokens/month"],
        ["GPT-4.1 miniBest value", "OpenAI", "Strong (2.58/3)", "$0.40", "$1.60", "$1.00", "$10.00", "$100.00"],
        ["Gemini 2.5 Flash", "Google", "Good (2.4/3)", "$0.30", "$2.50", "$1.40", "$14.00", "$140.00"],
        ["Claude Haiku 4.5", "Anthropic", "Not graded", "$1.00", "$5.00", "$3.00", "$30.00", "$300.00"],
    ]
    empty = parse(site_dir, "brackets/frontier")
    assert empty.css_first(".mr-empty").text() == "We have not reviewed a model in this bracket yet."


def test_provider_pages(site_dir):
    openai = parse(site_dir, "providers/openai")
    assert [row[0] for row in table_rows(openai.css_first(".mr-peers"))[1:]] == ["GPT-4.1 nano", "GPT-4.1 mini",
                                                                                "GPT-4.1"]
    reseller = parse(site_dir, "providers/openrouter")
    assert table_rows(reseller.css_first(".mr-offers")) == [
        ["Model", "Made by", "Route", "Input /1M", "Output /1M", "Verified"],
        ["GPT-4.1 mini", "OpenAI", "openai/gpt-4.1-mini", "$0.44", "$1.76", "2026-11-03"]]
    index = parse(site_dir, "providers")
    assert table_rows(index.css_first(".mr-providers"))[1:] == [
        ["Anthropic", "1", "0"], ["Azure", "0", "1"], ["Google", "1", "0"], ["OpenAI", "3", "0"],
        ["OpenRouter", "0", "1"]]


def test_hand_written_page(site_dir):
    page = parse(site_dir, "about")
    assert page.css_first("article h1").text() == "About"
    assert page.css_first('meta[name="description"]').attributes["content"] == "Who we are."


def test_sitemap_lists_every_page_with_data_dates(site_dir):
    from selectolax.lexbor import LexborHTMLParser
    sitemap = LexborHTMLParser((site_dir / "sitemap.xml").read_text())
    entries = {u.css_first("loc").text(): u.css_first("lastmod").text() for u in sitemap.css("url")}
    base = "https://modelreview.example.org/"
    assert len(entries) == 26
    assert entries[base + "models/openai/gpt-4.1-mini/"] == "2026-11-20"        # its review date
    assert entries[base + "models/anthropic/claude-haiku-4.5/"] == "2026-11-01"  # its price check
    assert entries[base + "compare/gpt-4.1-vs-gpt-4.1-mini/"] == "2026-11-21"    # the editorial verdict
    assert entries[base] == "2026-11-21"
