"""A review seeded with the three contradictions from the seed pages is flagged on exactly those lines."""

from __future__ import annotations

from claims_catalog import checked, write_catalog, write_comparison

MINI = "openai/gpt-4.1-mini"
PATH = "content/models/openai/gpt-4.1-mini.md"

# Paraphrases of the seed pages' prose; lines 3, 9 and 15 carry their three contradictions:
# prose prices of $0.20/$0.80 against a $0.40/$1.60 card, a 128K window against 1,047,576
# tokens, and a "10x" premium for a 5x price difference.
SEEDED = """\
## Price

Half what its predecessor charged ($0.20/$0.80 per 1M input/output tokens), it still brings
a 1M-token context window to the value bracket. It costs $0.40 per million input tokens and
$1.60 per million output tokens, and cached input is $0.10 per million.

## Limits

Long prompts are the point, although the 128K context window is only part of the story.
Output is capped at 32,768 tokens per response, and answer quality slips past 64K tokens of context.

## Against GPT-4.1

GPT-4.1 costs five times as much on both input and output; a balanced 10M-token month costs
$50 there against about $10 here. Ask whether GPT-4.1 is worth the 10x price premium for your task.

```
$0.20/$0.80 per 1M input/output tokens (code is not prose)
```
"""


def _claims(result):
    return [(d.file, d.line, d.column, d.code, d.severity.value) for d in result.diagnostics
            if d.code.startswith("claim-")]


def test_exactly_the_three_seeded_contradictions_are_flagged(site):
    write_catalog(site, {MINI: SEEDED})
    result = checked(site)
    first = result.content.reviews[[r.key for r in result.content.reviews].index(MINI)].body_first_line
    assert _claims(result) == [
        (PATH, first + 3, 36, "claim-price", "error"),
        (PATH, first + 9, 42, "claim-limit", "error"),
        (PATH, first + 15, 68, "claim-ratio", "error"),
    ]


def test_each_flag_points_at_the_claim_in_the_file_and_says_what_the_data_implies(site):
    write_catalog(site, {MINI: SEEDED})
    result = checked(site)
    lines = (site.content / "models/openai/gpt-4.1-mini.md").read_text(encoding="utf-8").splitlines()
    flagged = [d for d in result.diagnostics if d.code.startswith("claim-")]
    assert [lines[d.line - 1][d.column - 1:][:12] for d in flagged] == ["$0.20/$0.80 ", "128K context", "10x price pr"]
    assert [(d.message, d.hint) for d in flagged] == [
        ('claim "$0.20/$0.80 per 1M input/output tokens" contradicts the data: '
         "GPT-4.1 mini costs $0.40 input / $1.60 output per 1M tokens",
         "fix the number, or bind it: {{ price.input }} / {{ price.output }}"),
        ('claim "128K context window" contradicts the data: GPT-4.1 mini has a context window of '
         "1,047,576 tokens (1M)",
         "fix the number, or bind it: {{ context }}"),
        ('claim "10x price premium" contradicts the data: GPT-4.1 costs 5.0× as much as GPT-4.1 mini '
         "on both input and output",
         "fix the number, or bind it: {{ ratio blended openai/gpt-4.1 }}"),
    ]


def test_contradictions_make_check_fail_and_withhold_the_catalog(site):
    write_catalog(site, {MINI: SEEDED})
    result = checked(site)
    assert not result.ok and result.catalog is None


def test_the_corrected_review_is_clean(site):
    fixed = (SEEDED.replace("Half what its predecessor charged ($0.20/$0.80 per 1M input/output tokens)",
                            "At $0.40/$1.60 per 1M input/output tokens")
             .replace("the 128K context window", "the 1M-token context window")
             .replace("10x price premium", "5x price premium"))
    write_catalog(site, {MINI: fixed})
    result = checked(site)
    assert result.diagnostics == [] and result.ok


def test_a_comparison_body_is_checked_against_both_of_its_models(site):
    write_catalog(site)
    write_comparison(site, "gpt-4.1-vs-gpt-4.1-mini", ["openai/gpt-4.1", "openai/gpt-4.1-mini"],
                     "GPT-4.1 mini is 5x cheaper than GPT-4.1.\n\nGPT-4.1 costs three times as much.\n")
    result = checked(site)
    assert [(d.file, d.line, d.column, d.code) for d in result.diagnostics] == [
        ("content/comparisons/gpt-4.1-vs-gpt-4.1-mini.md", 10, 15, "claim-ratio")]
    assert result.diagnostics[0].message == ('claim "three times as much" contradicts the data: '
                                             "GPT-4.1 costs 5.0× as much as GPT-4.1 mini on both input and output")


def test_a_bill_in_a_sentence_naming_two_models_is_judged_against_the_nearest_one(site):
    """'$14 rather than $11': the $11 is about the page's model, whose month costs $10."""
    write_catalog(site, {"openai/gpt-4.1-mini": (
        "Gemini 2.5 Flash is the rival: $14 rather than $11 for a balanced 10M-token month.\n")})
    [found] = [d for d in checked(site).diagnostics if d.code == "claim-monthly-cost"]
    assert found.message.endswith("cost $10.00 a month with GPT-4.1 mini")
    assert found.hint == "fix the number, or bind it: {{ cost 10M 50/50 }}"
