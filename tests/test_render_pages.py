"""The page list, page addresses, and which pages an edit to one review touches."""

from __future__ import annotations

from generator.render import page_list, page_problems, pages_affected_by, structural_changes, url_of
from generator.render.pages import base_of
from render_sample import sample_catalog, write_sample
from conftest import valid_review


def test_addresses():
    assert url_of("index.md") == ""
    assert url_of("models/index.md") == "models/"
    assert url_of("models/openai/gpt-4.1-mini.md") == "models/openai/gpt-4.1-mini/"
    assert url_of("about.md") == "about/"
    assert base_of("index.md") == ""
    assert base_of("compare/gpt-4.1-vs-gpt-4.1-mini.md") == "../../"
    assert base_of("models/openai/gpt-4.1-mini.md") == "../../../"


def test_page_list_in_build_order(site):
    catalog = sample_catalog(write_sample(site))
    pages = page_list(catalog)
    assert list(pages) == [
        "index.md", "models/index.md",
        "models/anthropic/claude-haiku-4.5.md", "models/google/gemini-2.5-flash.md", "models/openai/gpt-4.1.md",
        "models/openai/gpt-4.1-mini.md", "models/openai/gpt-4.1-nano.md",
        "compare/index.md",
        "compare/claude-haiku-4.5-vs-gemini-2.5-flash.md", "compare/claude-haiku-4.5-vs-gpt-4.1-mini.md",
        "compare/gemini-2.5-flash-vs-gpt-4.1-mini.md", "compare/gpt-4.1-mini-vs-gpt-4.1-nano.md",
        "compare/gpt-4.1-vs-gpt-4.1-mini.md", "compare/gpt-4.1-vs-gpt-4.1-nano.md",
        "providers/index.md", "providers/anthropic.md", "providers/azure.md", "providers/google.md",
        "providers/openai.md", "providers/openrouter.md",
        "brackets/index.md", "brackets/budget.md", "brackets/value.md", "brackets/premium.md",
        "brackets/frontier.md",
        "about.md",
    ]
    for uri, ref in pages.items():
        assert ref.uri == uri
    assert pages["models/openai/gpt-4.1-mini.md"].key == "openai/gpt-4.1-mini"
    assert pages["compare/gpt-4.1-vs-gpt-4.1-mini.md"].kind == "comparison"


def test_pages_affected_by_a_review(site):
    catalog = sample_catalog(write_sample(site))
    assert pages_affected_by(catalog, "anthropic/claude-haiku-4.5") == {
        "index.md", "models/index.md", "providers/index.md", "brackets/index.md", "compare/index.md",
        "models/anthropic/claude-haiku-4.5.md",
        "compare/claude-haiku-4.5-vs-gemini-2.5-flash.md", "compare/claude-haiku-4.5-vs-gpt-4.1-mini.md",
        # pages that show it: its comparison partners, which are also its bracket peers
        "models/google/gemini-2.5-flash.md", "models/openai/gpt-4.1-mini.md",
        "providers/anthropic.md", "brackets/value.md",
    }
    affected = pages_affected_by(catalog, "openai/gpt-4.1-mini")
    assert {"providers/azure.md", "providers/openrouter.md"} <= affected   # it is resold there
    assert "models/openai/gpt-4.1-nano.md" in affected                      # same provider, alternative
    assert "compare/claude-haiku-4.5-vs-gemini-2.5-flash.md" not in affected
    assert pages_affected_by(catalog, "nobody/none") == {
        "index.md", "models/index.md", "providers/index.md", "brackets/index.md", "compare/index.md"}


def test_structural_changes_after_a_bracket_move(site):
    write_sample(site)
    before = sample_catalog(site)
    site.review("anthropic/claude-haiku-4.5", valid_review(
        name="Claude Haiku 4.5", family="claude-haiku", bracket="premium", context_window=200000,
        max_output=64000, pricing={"input": 1.00, "output": 5.00}, reviewed=before.models[
            "anthropic/claude-haiku-4.5"].meta.reviewed))
    after = sample_catalog(site)
    changed = structural_changes(before, after)
    assert "compare/claude-haiku-4.5-vs-gemini-2.5-flash.md" in changed     # no longer peers: page gone
    assert "compare/claude-haiku-4.5-vs-gpt-4.1.md" in changed              # new premium peers: page added
    assert "models/openai/gpt-4.1.md" in changed                            # its peer list changed


def test_reserved_page_names_are_reported(site):
    write_sample(site)
    site.raw("content/pages/models.md", "# Models\n\nHand-written.\n")
    catalog = sample_catalog(site)
    problems = page_problems(catalog)
    assert [(p.file, p.code, p.message) for p in problems] == [
        ("content/pages/models.md", "reserved-page-name",
         "a page named 'models' would replace the generated /models/ section")]
    assert "models.md" not in page_list(catalog)


def test_a_page_that_binds_another_model_goes_stale_with_it(site):
    """The preview re-renders only affected pages; a bound number must not be left behind."""
    import datetime as dt

    from generator.project import Project, check_project
    from generator.render.pages import pages_affected_by, review_uri
    from conftest import valid_review

    # different providers, families and brackets: nothing links them but the bindings
    site.review("google/alpha", valid_review(name="Alpha", family="a"),
                body="Beta costs {{ mistral/beta: price.output }} on output.\n")
    site.review("mistral/beta", valid_review(name="Beta", family="b", bracket="premium"))
    site.review("anthropic/gamma", valid_review(name="Gamma", family="c", bracket="frontier",
                                                summary="{{ ratio output Beta }} the price of Beta."))
    site.review("deepseek/delta", valid_review(name="Delta", family="d", bracket="budget"))
    catalog = check_project(Project.at(site.root), today=dt.date(2026, 11, 21)).catalog
    affected = pages_affected_by(catalog, "mistral/beta")
    assert {review_uri("google/alpha"), review_uri("anthropic/gamma")} <= affected
    assert review_uri("deepseek/delta") not in affected
