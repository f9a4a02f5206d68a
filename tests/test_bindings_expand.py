"""`expand_bindings`: `{{ ... }}` in a body becomes the data's value, formatted as the site formats it."""

from __future__ import annotations

import pytest
from claims_catalog import resolved_catalog, write_catalog

from generator.catalog.catalog import Catalog
from generator.catalog.bindings import BindingProblem, expand_bindings, resolve_binding

MINI = "openai/gpt-4.1-mini"


@pytest.fixture
def catalog(site) -> Catalog:
    write_catalog(site)
    return resolved_catalog(site)


@pytest.mark.parametrize("source, value", [
    ("price.input", "$0.40"),
    ("price.output", "$1.60"),
    ("price.cached_input", "$0.10"),
    ("price.batch.input", "$0.20"),
    ("price.batch.output", "$0.80"),
    ("price.blended", "$1.00"),
    ("openai/gpt-5-mini: price.blended", "$1.13"),          # derived: to the cent, as every page shows it
    ("price", "$0.40 input / $1.60 output per 1M tokens"),
    ("context", "1M tokens"),
    ("context.short", "1M"),
    ("context.exact", "1,047,576 tokens"),
    ("max_output", "32K tokens"),
    ("max_output.exact", "32,768 tokens"),
    ("name", "GPT-4.1 mini"),
    ("cost 10M", "$10.00"),
    ("cost 1M", "$1.00"),
    ("cost 100M 80/20", "$64.00"),
    ("cost 2.5M", "$2.50"),
    ("ratio output openai/gpt-4.1", "5.0×"),
    ("ratio input GPT-4o", "6.3×"),
    ("cheaper output openai/gpt-4.1", "80%"),
    ("cheaper blended gpt-5-mini", "11%"),
    ("openai/gpt-4.1: price.output", "$8.00"),
    ("GPT-4o: context", "128K tokens"),
    ("anthropic/claude-sonnet-4: max_output", "64K tokens"),
    ("openai/gpt-4.1-nano: price.cached_input", "$0.025"),
    ("google/gemini-2.5-flash: context.short", "1M"),
    ("openai/gpt-4.1: cost 10M", "$50.00"),
    ("  price.input  ", "$0.40"),
])
def test_each_binding_resolves_to_the_formatted_data_value(catalog, source, value):
    assert resolve_binding(source, catalog, MINI) == value


def test_a_body_keeps_everything_around_its_bindings(catalog):
    body = ("It costs {{ price.input }} per million input tokens and {{ price.output }} per million output.\n"
            "A balanced 10M-token month is {{ cost 10M }}; GPT-4.1 costs {{ ratio output openai/gpt-4.1 }} as much.\n")
    assert expand_bindings(body, catalog, MINI) == (
        "It costs $0.40 per million input tokens and $1.60 per million output.\n"
        "A balanced 10M-token month is $10.00; GPT-4.1 costs 5.0× as much.\n")


def test_bindings_in_code_and_escaped_bindings_stay_as_written(catalog):
    body = ("Write `{{ price.input }}` to show the price.\n\n"
            "```\n{{ price.output }}\n```\n\n"
            "Literal \\{{ braces }} stay, {{ context }} does not.\n")
    assert expand_bindings(body, catalog, MINI) == (
        "Write `{{ price.input }}` to show the price.\n\n"
        "```\n{{ price.output }}\n```\n\n"
        "Literal \\{{ braces }} stay, 1M tokens does not.\n")


def test_bindings_in_html_blocks_expand_because_readers_see_them(catalog):
    body = "<div class=\"note\">\nInput costs {{ price.input }}.\n</div>\n"
    assert expand_bindings(body, catalog, MINI) == "<div class=\"note\">\nInput costs $0.40.\n</div>\n"


def test_a_comparison_body_names_its_models(catalog):
    body = "{{ openai/gpt-4.1-mini: name }} at {{ openai/gpt-4.1-mini: price.output }} vs {{ GPT-4.1: price.output }}."
    assert expand_bindings(body, catalog, None) == "GPT-4.1 mini at $1.60 vs $8.00."


@pytest.mark.parametrize("source, page, code, message", [
    ("price.inptu", MINI, "binding-unknown-field", "'price.inptu' is not a field a binding can show"),
    ("openai/gpt-9: price.input", MINI, "binding-unknown-model", "no model 'openai/gpt-9' in the catalog"),
    ("GPT-4o: price.batch.input", MINI, "binding-unknown-field", "GPT-4o has no batch price in its data"),
    ("price.input", None, "binding-unknown-model", "this page has no model of its own"),
    ("", MINI, "binding-syntax", "empty data binding '{{ }}'"),
    ("cost lots", MINI, "binding-syntax", "'lots' is not a token volume"),
    ("cost 10M 70/20", MINI, "binding-syntax", "'70/20' is not an input/output split adding up to 100"),
    ("ratio price openai/gpt-4.1", MINI, "binding-syntax", "ratio needs input, output or blended and another model"),
    ("ratio output openai/gpt-4.1-mini", MINI, "binding-syntax",
     "ratio compares two different models, got openai/gpt-4.1-mini twice"),
])
def test_a_binding_that_does_not_resolve_says_why(catalog, source, page, code, message):
    with pytest.raises(BindingProblem) as caught:
        resolve_binding(source, catalog, page)
    assert (caught.value.code, caught.value.message) == (code, message)


def test_an_unknown_field_suggests_the_closest_one(catalog):
    with pytest.raises(BindingProblem) as caught:
        resolve_binding("price.inptu", catalog, MINI)
    assert caught.value.hint == "did you mean 'price.input'?"


def test_expanding_an_unchecked_bad_binding_is_a_bug_not_silent_output(catalog):
    with pytest.raises(ValueError, match="unchecked binding"):
        expand_bindings("Costs {{ price.nope }}.", catalog, MINI)


def test_the_editors_page_shows_what_each_binding_really_prints(catalog):
    """content/pages/data-bindings.md documents GPT-4.1 mini's values; the fixture has the same data."""
    import re
    from pathlib import Path
    page = (Path(__file__).resolve().parents[1] / "content/pages/data-bindings.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `\{\{ (.+?) \}\}` \| (.+?) \|", page, re.MULTILINE)
    assert len(rows) == 14
    assert [(source, resolve_binding(source, catalog, MINI)) for source, _ in rows] == rows
    prose = dict(re.findall(r"`\{\{ ([^`]+?) \}\}` shows (\$[\d,]*\d(?:\.\d+)?|[\d.]+[×%]|[\d.]+[KM]? tokens)", page))
    assert len(prose) == 6
    assert {source: resolve_binding(source, catalog, MINI) for source in prose} == prose
