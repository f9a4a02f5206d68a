"""`check` reports every data binding that does not resolve, at its file, line and column."""

from __future__ import annotations

from claims_catalog import checked, resolved_catalog, write_catalog, write_comparison

from generator.catalog.bindings import check_bindings

BAD_BODY = """
GPT-4.1 mini costs {{ price.input }} per million input tokens.

It reads {{ context }} and, unlike {{ openai/gpt-9: name }}, writes
up to {{ max_outptu }} in one go. `{{ price.nope }}` in code is fine.
An unclosed {{ price.output is an error.
"""


def _rows(diagnostics):
    return [(d.file, d.line, d.column, d.severity.value, d.code, d.message) for d in diagnostics]


def test_bad_bindings_in_a_review_are_errors_at_their_positions(site):
    write_catalog(site, {"openai/gpt-4.1-mini": BAD_BODY})
    catalog = resolved_catalog(site)
    first = catalog.models["openai/gpt-4.1-mini"].record.body_first_line
    path = "content/models/openai/gpt-4.1-mini.md"
    assert sorted(_rows(check_bindings(catalog))) == sorted([
        (path, first + 3, 36, "error", "binding-unknown-model",
         "{{ openai/gpt-9: name }}: no model 'openai/gpt-9' in the catalog"),
        (path, first + 4, 7, "error", "binding-unknown-field",
         "{{ max_outptu }}: 'max_outptu' is not a field a binding can show"),
        (path, first + 5, 13, "error", "binding-syntax",
         "'{{' opens a data binding but has no '}}' on the same line"),
    ])


def test_the_reported_position_is_where_the_braces_are_in_the_file(site):
    write_catalog(site, {"openai/gpt-4.1-mini": BAD_BODY})
    catalog = resolved_catalog(site)
    lines = (site.content / "models/openai/gpt-4.1-mini.md").read_text().splitlines()
    found = check_bindings(catalog)
    assert len(found) == 3
    for diagnostic in found:
        assert lines[diagnostic.line - 1][diagnostic.column - 1:].startswith("{{")


def test_a_comparison_binding_without_a_model_is_an_error(site):
    write_catalog(site)
    write_comparison(site, "gpt-4.1-vs-gpt-4.1-mini", ["openai/gpt-4.1", "openai/gpt-4.1-mini"],
                     "GPT-4.1 costs {{ openai/gpt-4.1: price.input }}; mini costs {{ price.input }}.\n")
    rows = _rows(check_bindings(resolved_catalog(site)))
    assert rows == [("content/comparisons/gpt-4.1-vs-gpt-4.1-mini.md", 8, 61, "error", "binding-unknown-model",
                     "{{ price.input }}: this page has no model of its own")]


def test_check_project_runs_the_binding_check_and_withholds_the_catalog(site):
    write_catalog(site, {"openai/gpt-4.1-mini": BAD_BODY})
    result = checked(site)
    assert not result.ok
    assert result.catalog is None
    assert sorted(d.code for d in result.diagnostics if d.is_error) == [
        "binding-syntax", "binding-unknown-field", "binding-unknown-model"]


def test_valid_bindings_raise_nothing(site):
    write_catalog(site, {"openai/gpt-4.1-mini": "Costs {{ price.input }}; a 10M month is {{ cost 10M }}.\n"})
    assert check_bindings(resolved_catalog(site)) == []
