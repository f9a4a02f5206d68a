"""An output limit no source gives is `max_output: unknown` the whole way through.

Schema, check, prose claims, bindings, the FAQ answer, the specification table and
the JSON API each say it is unknown; none puts the context window (or any other
number) in its place. A prose date against a release or deprecation day the data gives as
`unknown` is reported the same way: the data cannot back it.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import TODAY, valid_review
from generator.project import Project, check_project
from generator.render.api import api_files
from generator.render.api_schema import SCHEMAS
from generator.render.faq import review_faq
from generator.render.index import SiteIndex
from render_sample import add_publishing, html_path, new_project, parse, table_rows, write_sample

KEY = "mistral/mystery"
NAME = "Mystery Model"


def mystery(**overrides):
    return valid_review(**{"name": NAME, "max_output": "unknown", **overrides})


def checked(site):
    return check_project(Project.at(site.root), today=TODAY)


def found(site):
    return [(d.severity.value, d.code, d.line, d.message, d.hint) for d in checked(site).diagnostics]


# -- schema and check ---------------------------------------------------------------

@pytest.mark.parametrize("written", ["unknown", "Unknown", " unknown "])
def test_unknown_loads_as_the_word_unknown_and_passes_check(site, written):
    site.review(KEY, mystery(max_output=written))
    result = checked(site)
    assert [d for d in result.diagnostics] == []
    assert result.content.reviews[0].meta.max_output == "unknown"


def test_an_unknown_output_limit_is_never_larger_than_a_tiny_context(site):
    site.review(KEY, mystery(context_window=1))
    assert found(site) == []


@pytest.mark.parametrize("written, message", [
    ("lots", "expected a whole number of tokens, or 'unknown' when no source gives the output limit; "
             "got the text 'lots'"),
    (None, "expected a whole number of tokens, or 'unknown' when no source gives the output limit; "
           "got nothing (the value is empty)"),
    ("32K", "expected an exact whole number of tokens, got the text '32K'; write the exact count, e.g. 1047576"),
    (0, "must be greater than 0 (got 0)"),
])
def test_other_words_and_numbers_are_still_errors(site, written, message):
    site.review(KEY, mystery(max_output=written))
    errors = [(d.code, d.message) for d in checked(site).diagnostics if d.is_error]
    assert len(errors) == 1 and errors[0][1].endswith(message), errors


def test_a_known_limit_above_the_context_is_still_an_error(site):
    site.review(KEY, valid_review(context_window=8000, max_output=8192))
    assert [(s, c) for s, c, *_ in found(site)] == [("error", "limit-order")]


# -- prose claims and bindings ---------------------------------------------------------

def test_a_prose_output_limit_on_an_unknown_limit_is_reported_as_unbacked(site):
    site.review(KEY, mystery(), body="It outputs up to 32K tokens.\n")
    [(severity, code, _, message, hint)] = found(site)
    assert (severity, code) == ("error", "claim-limit")
    assert message == ('claim "outputs up to 32K tokens" cannot be backed by the data: Mystery Model\'s output '
                       "limit is unknown (max_output: unknown)")
    assert hint == "remove the number, or set max_output in content/models/mistral/mystery.md from a source that gives it"


def test_a_context_claim_on_the_same_model_is_still_checked_against_the_context(site):
    site.review(KEY, mystery(), body="Its context window is 128K tokens. The context window is 1M tokens.\n")
    [(_, code, _, message, _)] = found(site)
    assert code == "claim-limit" and '"context window is 1M tokens" contradicts the data' in message


def test_an_output_claim_naming_a_model_with_a_known_limit_is_verified_against_it(site):
    site.review("openai/known", valid_review(name="Known Model", max_output=32768))
    site.review(KEY, mystery(), body="Known Model writes up to 32K tokens per response.\n\n"
                                     "Known Model writes up to 16K tokens per response.\n")
    [(_, code, _, message, _)] = found(site)
    assert code == "claim-limit"
    assert message == ('claim "up to 16K tokens per response" contradicts the data: Known Model writes at most 32,768 '
                       "tokens (32K) per response")


@pytest.mark.parametrize("binding", ["max_output", "max_output.short", "max_output.exact"])
def test_a_binding_of_an_unknown_output_limit_is_an_error(site, binding):
    site.review(KEY, mystery(), body=f"It writes {{{{ {binding} }}}} at most.\n")
    [(severity, code, _, message, hint)] = found(site)
    assert (severity, code) == ("error", "binding-unknown-field")
    assert message.endswith("Mystery Model's output limit is unknown (max_output: unknown)")
    assert hint == "say so in words, or set max_output from a source"


# -- FAQ, page and API -----------------------------------------------------------------

@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    site = write_sample(new_project(tmp_path_factory.mktemp("unknown-output") / "project"))
    site.review(KEY, mystery(bracket="value", context_window=131072, reviewed=TODAY))
    return site


def test_the_faq_says_the_output_limit_is_unknown(sample):
    result = checked(sample)
    assert result.ok
    index = SiteIndex.of(result.catalog)
    answers = {i.question: i.answer for i in review_faq(index, index.model(KEY))}
    assert answers["What is the context window of Mystery Model?"] == (
        "Mystery Model reads up to 131,072 tokens (128K tokens) per request; how many tokens it writes per "
        "response is unknown: no source we use gives its output limit.")


def test_the_api_gives_null_and_validates_against_its_schema(sample):
    result = checked(sample)
    files = api_files(result.catalog)
    detail = json.loads(files[f"api/models/{KEY}.json"])
    listed = json.loads(files["api/models.json"])
    assert detail["model"]["max_output"] is None and detail["model"]["context_window"] == 131072
    by_key = {m["key"]: m for m in listed["models"]}
    assert by_key[KEY]["max_output"] is None
    assert by_key["openai/gpt-4.1-mini"]["max_output"] == 32768
    jsonschema.Draft202012Validator(SCHEMAS["models"]).validate(listed)
    jsonschema.Draft202012Validator(SCHEMAS["model"]).validate(detail)
    assert SCHEMAS["models"]["properties"]["models"]["items"]["properties"]["max_output"]["anyOf"] == [
        {"type": "integer", "minimum": 0}, {"type": "null"}]


def test_the_review_page_says_the_output_limit_is_unknown(sample):
    from generator.publish.build import build_site
    add_publishing(sample)
    built = build_site(Project.at(sample.root), today=TODAY)
    assert built.ok, (built.error, [d.message for d in built.diagnostics])
    page = parse(built.site_dir, f"models/{KEY}")
    rows = dict(table_rows(page.css_first(".mr-specs")))
    assert rows["Max output"] == "Unknown (no source gives it)"
    assert rows["Context window"] == "131,072 tokens"
    assert "131,072 tokens per response" not in html_path(built.site_dir, f"models/{KEY}").read_text()
    other = dict(table_rows(parse(built.site_dir, "models/openai/gpt-4.1-mini").css_first(".mr-specs")))
    assert other["Max output"] == "32,768 tokens"


# -- the release date, unknown the same way ------------------------------------------

def test_a_prose_release_date_on_an_unknown_release_is_reported_as_unbacked(site):
    site.review(KEY, valid_review(name=NAME, released="unknown"), body="It was released in March 2025.\n")
    [(severity, code, _, message, hint)] = found(site)
    assert (severity, code) == ("error", "claim-date")
    assert message == ('claim "was released in March 2025" cannot be backed by the data: Mystery Model\'s release date '
                       "is unknown (released: unknown)")
    assert hint == "remove the date, or set released in content/models/mistral/mystery.md from a source that gives it"


def test_a_prose_deprecation_date_on_an_unknown_day_is_reported_as_unbacked(site):
    site.review(KEY, valid_review(name=NAME, lifecycle={"status": "deprecated", "date": "unknown"}),
                body="It was deprecated in June 2026.\n")
    [(_, code, _, message, _)] = found(site)
    assert code == "claim-date"
    assert message.endswith("Mystery Model's deprecation date is unknown (lifecycle.date: unknown)")
