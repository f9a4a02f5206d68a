"""Front-matter prose (summary, strengths, limitations, quirks, FAQ answers, verdicts) is checked like bodies.

Claims there are attributed to the page's model, bindings there must resolve, and
each diagnostic points at the claim's own line and column in the file, whatever
YAML scalar style the editor used.
"""

from __future__ import annotations

import pytest
from claims_catalog import MODELS, checked, resolved_catalog, write_catalog
from conftest import TODAY, valid_review

from generator.catalog import check_bindings
from generator.check.claims import check_claims
from generator.authoring.writer import dump_yaml

MINI = "openai/gpt-4.1-mini"
PATH = "content/models/openai/gpt-4.1-mini.md"
WRONG = "$0.20 per million input tokens"          # GPT-4.1 mini charges $0.40


def _write_mini(site, prose_yaml: str, body: str = "Prose.\n") -> list[str]:
    """GPT-4.1 mini with `prose_yaml` appended to its front matter; returns the file's lines."""
    write_catalog(site)
    front = dump_yaml(valid_review(**MODELS[MINI]))
    text = "---\n" + front + prose_yaml + "---\n" + body
    path = site.raw(PATH, text)
    return path.read_text(encoding="utf-8").splitlines()


def _rows(diagnostics):
    return [(d.file, d.line, d.column, d.code) for d in diagnostics]


def _line_of(lines: list[str], needle: str) -> int:
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_a_contradiction_in_a_faq_answer_is_flagged_at_its_line_and_column(site):
    lines = _write_mini(site, (
        "faq:\n"
        "  - question: What does it cost?\n"
        "    answer: >\n"
        "      It is cheap for what it does.\n"
        f"      OpenAI charges {WRONG} today.\n"
    ))
    line = _line_of(lines, WRONG)
    assert _rows(_found(site)) == [(PATH, line, 22, "claim-price")]
    assert lines[line - 1][21:].startswith("$0.20")


def test_the_message_names_the_data_and_the_binding_to_use(site):
    _write_mini(site, f"summary: It costs {WRONG}.\n")
    [found] = _found(site)
    assert found.message == ('claim "$0.20 per million input tokens" contradicts the data: '
                             "GPT-4.1 mini costs $0.40 input / $1.60 output per 1M tokens")
    assert found.hint == "fix the number, or bind it: {{ price.input }}"


@pytest.mark.parametrize("style, prose_yaml", [
    ("plain", f"summary: It costs {WRONG} and reads long prompts.\n"),
    ("plain, two lines", f"summary: It is cheap, and\n  it costs {WRONG}.\n"),
    ("single-quoted with ''", f"summary: 'It''s the one: it''s {WRONG}.'\n"),
    ("double-quoted with escapes", f'summary: "It\\u2019s \\"cheap\\": {WRONG}."\n'),
    ("double-quoted, escaped line break", f'summary: "It is cheap, \\\n  {WRONG}."\n'),
    ("folded", f"summary: >\n  It is cheap.\n\n  It costs {WRONG}.\n"),
    ("literal, more indented", f"summary: |\n  It is cheap.\n    Really: {WRONG}.\n"),
    ("folded in a list", f"strengths:\n  - >-\n    Cheap: {WRONG}.\n"),
])
def test_the_position_is_exact_in_every_scalar_style(site, style, prose_yaml):
    lines = _write_mini(site, prose_yaml)
    [found] = _found(site)
    assert (found.file, found.code) == (PATH, "claim-price")
    assert found.line == _line_of(lines, "$0.20")
    assert lines[found.line - 1][found.column - 1:].startswith("$0.20 per million")


def test_a_value_it_cannot_align_is_reported_at_its_start(site):
    """A tagged scalar is not decoded; the diagnostic points at the value rather than guessing."""
    lines = _write_mini(site, f"summary: !!str It costs {WRONG}.\n")
    [found] = _found(site)
    line = _line_of(lines, "summary:")
    assert (found.line, found.column) == (line, len("summary: ") + 1)
    assert lines[line - 1][found.column - 1:].startswith("!!str")


@pytest.mark.parametrize("field, prose_yaml", [
    ("summary", f"summary: It costs {WRONG}.\n"),
    ("strengths", f"strengths:\n  - Long context.\n  - It costs {WRONG}.\n"),
    ("limitations", f"limitations:\n  - It costs {WRONG}.\n"),
    ("quirks", f"quirks:\n  - It costs {WRONG}.\n"),
    ("faq answer", f"faq:\n  - question: Cost?\n    answer: It costs {WRONG}.\n"),
])
def test_every_prose_field_is_checked(site, field, prose_yaml):
    lines = _write_mini(site, prose_yaml)
    assert _rows(_found(site)) == [
        (PATH, _line_of(lines, WRONG), lines[_line_of(lines, WRONG) - 1].index("$") + 1, "claim-price")]


def test_consistent_claims_and_other_models_claims_are_not_flagged(site):
    _write_mini(site, (
        "summary: It costs $0.40 per million input tokens and reads 1,047,576 tokens.\n"
        "strengths:\n  - GPT-4o reads 128K tokens; this model reads 1M.\n"
        "faq:\n  - question: Cost?\n    answer: A balanced 10M-token month costs about $10.\n"
    ))
    assert _found(site) == []


def test_a_faq_question_is_not_prose_to_check(site):
    _write_mini(site, f"faq:\n  - question: Does it cost {WRONG}?\n    answer: No.\n")
    assert _found(site) == []


def test_a_faq_question_asks_but_its_bindings_are_checked(site):
    lines = _write_mini(site, (
        f"faq:\n  - question: 'Is {{{{ openai/gpt-9: name }}}} cheaper than {WRONG}?'\n    answer: No.\n"
        "  - question: 'Is {{ openai/gpt-4.1: name }} worth {{ ratio output openai/gpt-4.1 }} the price?'\n"
        "    answer: Rarely.\n"))
    line = _line_of(lines, "gpt-9")
    assert _rows(_found(site)) == [(PATH, line, 19, "binding-unknown-model")]
    assert lines[line - 1][18:].startswith("{{ openai/gpt-9")


def test_a_comparison_verdict_is_checked_against_the_pair(site):
    write_catalog(site)
    text = ("---\nmodels: [openai/gpt-4.1, openai/gpt-4.1-mini]\n"
            "verdict: >\n  Pick the mini: GPT-4.1 costs ten times as much on output.\n"
            f"reviewed: {TODAY.isoformat()}\n---\n")
    site.raw("content/comparisons/gpt-4.1-vs-gpt-4.1-mini.md", text)
    [found] = _found(site)
    assert (found.file, found.line, found.column, found.code) == (
        "content/comparisons/gpt-4.1-vs-gpt-4.1-mini.md", 4, 32, "claim-ratio")
    assert text.splitlines()[3][31:].startswith("ten times")


# -- bindings ------------------------------------------------------------------

def test_an_unknown_binding_in_a_strength_is_an_error_at_its_line(site):
    lines = _write_mini(site, "strengths:\n  - Long context.\n  - It reads {{ contxt }} in one go.\n")
    line = _line_of(lines, "{{ contxt }}")
    found = _found(site)
    assert [(d.file, d.line, d.column, d.code, d.message, d.hint) for d in found] == [
        (PATH, line, 14, "binding-unknown-field", "{{ contxt }}: 'contxt' is not a field a binding can show",
         "did you mean 'context'?")]
    assert lines[line - 1][13:].startswith("{{ contxt }}")


def test_unclosed_and_unknown_model_bindings_in_faq_answers_and_quirks(site):
    lines = _write_mini(site, (
        "quirks:\n  - 'Opens {{ price.input but never closes.'\n"
        "faq:\n  - question: Versus?\n    answer: >\n      Cheaper than\n      {{ openai/gpt-9: price.input }}.\n"
    ))
    rows = _rows(_found(site))
    assert rows == [
        (PATH, _line_of(lines, "Opens"), 12, "binding-syntax"),
        (PATH, _line_of(lines, "gpt-9"), 7, "binding-unknown-model"),
    ]


def test_good_bindings_are_clean_and_hide_their_values_from_the_claim_checker(site):
    _write_mini(site, (
        "summary: It costs {{ price.input }} per million input tokens.\n"
        "strengths:\n  - 'A 10M-token month costs {{ cost 10M }}; GPT-4.1 costs {{ ratio output openai/gpt-4.1 }} as much.'\n"
        "faq:\n  - question: Window?\n    answer: \"{{ context.exact }}, written \\\\{{ context }} in a review.\"\n"
    ))
    assert _found(site) == []


def test_a_binding_in_a_comparison_verdict_needs_a_model(site):
    write_catalog(site)
    site.raw("content/comparisons/gpt-4.1-vs-gpt-4.1-mini.md",
             "---\nmodels: [openai/gpt-4.1, openai/gpt-4.1-mini]\n"
             "verdict: The mini costs {{ price.input }}.\n"
             f"reviewed: {TODAY.isoformat()}\n---\n")
    assert _rows(_found(site)) == [
        ("content/comparisons/gpt-4.1-vs-gpt-4.1-mini.md", 3, 25, "binding-unknown-model")]


def test_check_withholds_the_catalog_for_a_front_matter_contradiction(site):
    _write_mini(site, f"summary: It costs {WRONG}.\n")
    result = checked(site)
    assert not result.ok
    assert result.catalog is None
    assert [d.code for d in result.diagnostics if d.is_error] == ["claim-price"]


def _found(site):
    """What check reports on the texts: bindings that do not resolve (catalog stage), then contradictions."""
    catalog = resolved_catalog(site)
    return check_bindings(catalog) + check_claims(catalog)
