"""A bound value from front matter (a model's name) is text: it never becomes Markdown or HTML."""

from __future__ import annotations

import markdown
import pytest
from claims_catalog import resolved_catalog, write_catalog
from conftest import valid_review
from selectolax.lexbor import LexborHTMLParser

from generator.catalog.bindings import escape_value, expand_bindings

NAME = "GPT *x* _y_ <b>[z](https://evil.example)</b> & `c` | #1"
EVIL = "openai/evil"


@pytest.fixture
def catalog(site):
    write_catalog(site)
    site.review(EVIL, valid_review(name=NAME, family="evil"))
    return resolved_catalog(site)


def _html(source: str) -> LexborHTMLParser:
    """Rendered as MkDocs renders pages (the extensions in mkdocs.yml)."""
    return LexborHTMLParser(markdown.markdown(source, extensions=["toc", "tables", "admonition", "attr_list",
                                                                   "footnotes"]))


def test_a_name_in_a_paragraph_is_backslashed_and_entity_escaped(catalog):
    body = "Compared with {{ openai/evil: name }}, it is cheap.\n"
    assert expand_bindings(body, catalog, None) == (
        r"Compared with GPT \*x\* \_y\_ &lt;b&gt;\[z\](https://evil.example)&lt;/b&gt; &amp; \`c\` \| \#1, "
        "it is cheap.\n")


@pytest.mark.parametrize("body", [
    "Compared with {{ openai/evil: name }}, it is cheap.\n",
    "## How {{ openai/evil: name }} compares\n",
    "- against {{ openai/evil: name }}\n",
    "| model | note |\n|---|---|\n| {{ openai/evil: name }} | x |\n",
    "> {{ openai/evil: name }}\n",
])
def test_the_rendered_page_shows_the_name_as_written(catalog, body):
    page = _html(expand_bindings(body, catalog, None))
    assert [n.tag for n in page.body.traverse() if n.tag in ("em", "strong", "b", "a", "code")] == []
    assert NAME in page.body.text()


def test_in_an_html_block_only_html_is_escaped(catalog):
    body = '<div class="note">\n{{ openai/evil: name }}\n</div>\n'
    expanded = expand_bindings(body, catalog, None)
    assert expanded == ('<div class="note">\nGPT *x* _y_ &lt;b&gt;[z](https://evil.example)&lt;/b&gt; '
                        "&amp; `c` | #1\n</div>\n")
    page = _html(expanded)
    assert page.css_first("div.note").text(strip=True) == NAME
    assert page.css("div.note b") == []


def test_a_name_at_the_start_of_a_line_is_not_a_list_item(site):
    write_catalog(site)
    site.review("openai/dash", valid_review(name="- 1. Dash", family="dash"))
    catalog = resolved_catalog(site)
    expanded = expand_bindings("Intro.\n\n{{ openai/dash: name }} is a model.\n", catalog, None)
    assert expanded == "Intro.\n\n\\- 1. Dash is a model.\n"
    page = _html(expanded)
    assert page.css("li") == []
    assert page.css("p")[1].text() == "- 1. Dash is a model."


def test_numbers_are_left_exactly_as_formatted(catalog):
    body = ("{{ price }}; {{ cost 10M }}; {{ ratio output openai/gpt-4.1 }}; {{ cheaper output openai/gpt-4.1 }}; "
            "{{ context.exact }}; {{ openai/gpt-4.1-nano: price.cached_input }}.\n")
    assert expand_bindings(body, catalog, "openai/gpt-4.1-mini") == (
        "$0.40 input / $1.60 output per 1M tokens; $10.00; 5.0×; 80%; 1,047,576 tokens; $0.025.\n")


def test_escape_value_contexts():
    assert escape_value("a_b <c>", in_markdown=True) == r"a\_b &lt;c&gt;"
    assert escape_value("a_b <c> \"d\"", in_markdown=False) == "a_b &lt;c&gt; &quot;d&quot;"
    assert escape_value("1) first", in_markdown=True, at_line_start=True) == r"1\) first"
    assert escape_value("1) first", in_markdown=True) == "1) first"
