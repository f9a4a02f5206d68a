"""Table-driven: each broken review gives the right code, file and line, and no traceback."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.project import Project, check_project

TODAY = dt.date(2026, 11, 21)
PATH = "content/models/openai/test-model.md"

BASE = """\
---
name: Test Model
family: test
bracket: value
released: 2025-04-14
context_window: 128000
max_output: 16384
knowledge_cutoff: 2024-06
modalities:
  input: [text]
  output: [text]
capabilities:
  tool_calling: true
  structured_output: true
  reasoning: false
  fine_tuning: false
  open_weights: false
pricing:
  input: 0.40
  output: 1.60
  verified: 2026-11-01
reviewed: 2026-11-01
---

Prose about the model.
"""

OTHER = BASE.replace("name: Test Model", "name: Other Model")


def edit(replace: dict[int, str] | None = None, after: dict[int, str] | None = None,
         delete: tuple[int, ...] = ()) -> str:
    """BASE with 1-based lines replaced, inserted after, or deleted."""
    lines = BASE.split("\n")
    out = []
    for number, line in enumerate(lines, start=1):
        if number in delete:
            continue
        out.append((replace or {}).get(number, line))
        if after and number in after:
            out.append(after[number])
    return "\n".join(out)


# (id, path, file content, expected code, expected line, other files)
CASES = [
    # syntax and encoding
    ("unclosed-flow-list", PATH, edit({10: "  input: [text"}), "yaml-syntax", 10, {}),
    ("unclosed-quote", PATH, edit({2: 'name: "Test Model'}), "yaml-syntax", 2, {}),
    ("bad-indent", PATH, edit({11: "    output: [text]"}), "yaml-syntax", 11, {}),
    ("colon-in-plain-value", PATH, edit({3: "family: test: extra"}), "yaml-syntax", 3, {}),
    ("duplicate-top-key", PATH, edit(after={3: "name: Again"}), "duplicate-key", 4, {}),
    ("duplicate-nested-key", PATH, edit(after={19: "  input: 0.50"}), "duplicate-key", 20, {}),
    ("tab-indent", PATH, edit({10: "\tinput: [text]"}), "tab-indent", 10, {}),
    ("empty-file", PATH, "", "empty-file", 1, {}),
    ("whitespace-only", PATH, "  \n\n", "empty-file", 1, {}),
    ("binary-file", PATH, b"\x89PNG\r\n\x1a\n\x00\x00", "binary-file", 1, {}),
    ("latin-1-byte", PATH, BASE.replace("Prose about", "Prose \xe9 about").encode("latin-1"), "encoding", 25, {}),
    ("no-front-matter", PATH, "# Just a heading\n\nText.\n", "front-matter-missing", 1, {}),
    ("unclosed-front-matter", PATH, BASE.replace("---\n\nProse", "\nProse"), "front-matter-unclosed", 1, {}),
    ("front-matter-is-list", PATH, "---\n- a\n- b\n---\n", "wrong-type", 2, {}),
    # unknown and missing keys
    ("unknown-key-typo", PATH, edit({6: "contxt_window: 128000"}), "unknown-key", 6, {}),
    ("unknown-nested-key", PATH, edit({19: "  inptu: 0.40"}), "unknown-key", 19, {}),
    ("missing-top-field", PATH, edit(delete=(2,)), "missing-field", 2, {}),
    ("missing-nested-field", PATH, edit(delete=(20,)), "missing-field", 18, {}),
    # types and ranges
    ("context-as-text", PATH, edit({6: "context_window: 128K"}), "wrong-type", 6, {}),
    ("context-fractional", PATH, edit({6: "context_window: 1.5"}), "wrong-type", 6, {}),
    ("price-with-dollar", PATH, edit({19: '  input: "$0.40"'}), "wrong-type", 19, {}),
    ("negative-price", PATH, edit({20: "  output: -1.60"}), "out-of-range", 20, {}),
    ("zero-context", PATH, edit({6: "context_window: 0"}), "out-of-range", 6, {}),
    ("bool-as-tokens", PATH, edit({7: "max_output: true"}), "wrong-type", 7, {}),
    ("impossible-date", PATH, edit({5: "released: 2025-02-30"}), "invalid-value", 5, {}),
    ("bad-cutoff-month", PATH, edit({8: "knowledge_cutoff: 2024-13"}), "invalid-value", 8, {}),
    ("unknown-modality", PATH, edit({10: "  input: [text, smell]"}), "invalid-value", 10, {}),
    ("quoted-boolean", PATH, edit({13: '  tool_calling: "yes"'}), "wrong-type", 13, {}),
    ("mapping-as-text", PATH, edit({9: "modalities: text"}, delete=(10, 11)), "wrong-type", 9, {}),
    ("empty-modalities", PATH, edit({10: "  input: []"}), "invalid-value", 10, {}),
    ("bad-url", PATH, edit(after={22: "sources:\n  - title: Docs\n    url: docs.example"}), "invalid-value", 25, {}),
    ("deprecated-without-date", PATH, edit(after={5: "lifecycle:\n  status: deprecated"}), "invalid-value", 7, {}),
    ("unknown-status", PATH, edit(after={5: "lifecycle:\n  status: sunset"}), "invalid-value", 7, {}),
    # references
    ("unknown-provider-folder", "content/models/nosuchlab/test-model.md", BASE, "unknown-provider", 1, {}),
    ("unknown-bracket", PATH, edit({4: "bracket: cheapest"}), "unknown-bracket", 4, {}),
    ("unknown-alternative", PATH, edit(after={22: "alternatives: [openai/gpt-9]"}), "unknown-model", 23, {}),
    ("unknown-successor", PATH,
     edit(after={5: "lifecycle:\n  status: deprecated\n  date: 2026-01-01\n  successor: openai/gpt-9"}),
     "unknown-model", 9, {}),
    ("self-compare", PATH, edit(after={22: "compare_with: [openai/test-model]"}), "self-reference", 23, {}),
    ("unknown-offer-provider", PATH,
     edit(after={21: "offers:\n  - provider: nosuchhost\n    input: 1\n    output: 2\n    verified: 2026-11-01"}),
     "unknown-provider", 23, {}),
    ("duplicate-alias", PATH, edit(after={3: "aliases: [Other Model]"}), "duplicate-id", 4,
     {"content/models/openai/other-model.md": OTHER}),
    # limits and dates
    ("output-above-context", PATH, edit({7: "max_output: 200000"}), "limit-order", 7, {}),
    ("cutoff-after-release", PATH, edit({8: "knowledge_cutoff: 2025-06"}), "date-order", 8, {}),
    ("reviewed-before-release", PATH, edit({22: "reviewed: 2025-01-01"}), "date-order", 22, {}),
    ("reviewed-in-future", PATH, edit({22: "reviewed: 2027-01-01"}), "future-date", 22, {}),
    ("grade-above-scale", PATH, edit(after={22: "grade:\n  score: 3.4\n  benchmarked: 2026-10-01"}),
     "out-of-range", 24, {}),
    # prices
    ("history-out-of-order", PATH,
     edit(after={22: "price_history:\n  - {date: 2025-06-01, input: 0.5, output: 2}\n"
                     "  - {date: 2025-04-14, input: 0.40, output: 1.60}"}),
     "price-history-order", 25, {}),
    ("history-not-current", PATH,
     edit(after={22: "price_history:\n  - {date: 2025-04-14, input: 0.40, output: 1.50}"}),
     "price-history-mismatch", 24, {}),
    # paths
    ("misplaced-file", "content/models/test-model.md", BASE, "misplaced-file", 0, {}),
    ("uppercase-model-id", "content/models/openai/Test-Model.md", BASE, "bad-path", 0, {}),
    ("not-markdown", "content/models/openai/test-model.txt", BASE, "misplaced-file", 0, {}),
]


@pytest.mark.parametrize("case_id,path,text,code,line,others", CASES, ids=[c[0] for c in CASES])
def test_broken_review(site, capsys, case_id, path, text, code, line, others):
    site.raw(path, text)
    for other_path, other_text in others.items():
        site.raw(other_path, other_text)
    result = check_project(Project.at(site.root), today=TODAY)
    errors = [d for d in result.diagnostics if d.is_error]
    assert [(d.code, d.file, d.line) for d in errors][:1] == [(code, path, line)], errors
    assert not result.ok
    assert "Traceback" not in capsys.readouterr().err


def test_there_are_at_least_thirty_cases():
    assert len(CASES) >= 30


def test_base_is_valid(site):
    site.raw(PATH, BASE)
    result = check_project(Project.at(site.root), today=TODAY)
    assert result.diagnostics == []


def test_bom_and_crlf_are_accepted(site):
    site.raw(PATH, ("\ufeff" + BASE).replace("\n", "\r\n").encode("utf-8"))
    result = check_project(Project.at(site.root), today=TODAY)
    assert result.diagnostics == []


def test_every_problem_in_every_file_is_reported(site):
    site.raw(PATH, edit({6: "contxt_window: 128000", 20: "  output: -1"}))
    site.raw("content/models/openai/other-model.md", OTHER.replace("bracket: value", "bracket: nope"))
    result = check_project(Project.at(site.root), today=TODAY)
    assert sorted((d.file, d.line, d.code) for d in result.diagnostics) == [
        ("content/models/openai/other-model.md", 4, "unknown-bracket"),
        (PATH, 6, "unknown-key"),
        (PATH, 20, "out-of-range"),
    ]


@pytest.mark.parametrize("line, hint", [
    ("family: test: extra", "put the whole value in quotes: key: 'Note: it is fast'"),
    ("family: {{ openai/gpt-4.1: name }} kin", "quote the whole value: key: '{{ price.input }} a month'"),
    ("family: Kin of {{ openai/gpt-4.1: name }}", "put the whole value in quotes: key: 'Note: it is fast'"),
    ("family: {{ price.input }} and more", "quote the whole value: key: '{{ price.input }} a month'"),
    ("family: [beta] test", "quote the whole value: key: '[beta] is fast'"),
    ('family: "test" family', "with the other quote mark: key: '\"Fast\" and cheap'"),
    ("family: 'test' family", "with the other quote mark: key: \"'Fast' and cheap\""),
])
def test_a_plain_value_yaml_reads_as_syntax_gets_a_quoting_hint(site, line, hint):
    """The usual cause of a YAML error in a review is a value that needed quotes."""
    site.raw(PATH, edit({3: line}))
    [found] = check_project(Project.at(site.root), today=TODAY).diagnostics
    assert (found.code, found.line) == ("yaml-syntax", 3)
    assert found.hint.endswith(hint), found.hint


@pytest.mark.parametrize("number, line, message, hint", [
    (10, "  input: [text", "the list opened here is never closed", "close it with ']' at the end of the line"),
    (20, "   output: 1.60", "mapping values are not allowed in this context",
     "check this line's indentation: a key must line up with the keys beside it (spaces only)"),
])
def test_unclosed_lists_and_stray_indents_are_named_at_their_line(site, number, line, message, hint):
    site.raw(PATH, edit({number: line}))
    [found] = check_project(Project.at(site.root), today=TODAY).diagnostics
    assert (found.code, found.line, found.message, found.hint) == (
        "yaml-syntax", number, f"YAML syntax error: {message}", hint)


@pytest.mark.parametrize("number, line, message", [
    (19, "  input: 0,40", "expected a number, got the text '0,40'; write 0.40, with a point for the decimals, "
                          "without quotes or '$'"),
    (19, '  input: "$1,000.50"', "expected a number, got the text '$1,000.50'; write 1000.50 without quotes or '$'"),
    (21, "  verified: 2026-02-30", "'2026-02-30' is not a real date: February 2026 has 28 days"),
    (21, "  verified: 2026-13-01", "'2026-13-01' is not a real date: there is no month 13"),
])
def test_number_and_date_messages_say_what_to_write(site, number, line, message):
    site.raw(PATH, edit({number: line}))
    [found] = [d for d in check_project(Project.at(site.root), today=TODAY).diagnostics if d.is_error]
    assert found.line == number
    assert found.message.endswith(message), found.message


def test_a_yaml_error_with_no_known_cause_gets_no_invented_hint(site):
    site.raw(PATH, edit({20: "  output 1.60"}))
    [found] = check_project(Project.at(site.root), today=TODAY).diagnostics
    assert (found.code, found.hint) == ("yaml-syntax", "")


def test_a_damaged_key_with_a_bracket_is_an_unknown_key_not_a_crash(site):
    """`[` in a key once read as one of pydantic's type tags ('function-after[...]'), which left
    the error without a location (IndexError). Found by test_load_hostile_property."""
    from conftest import valid_review
    from generator.load.loader import load_review
    path = site.review("mistral/x", valid_review())
    raw = path.read_bytes().replace(b"context_window", b"contm[.b2?_window")
    _, found = load_review(path, site.content, site.root, raw=raw)
    assert [(d.code, d.line, d.message) for d in found] == [
        ("unknown-key", 6, "unknown field 'contm[.b2?_window'")]
