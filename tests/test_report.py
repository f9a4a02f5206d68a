"""The exact text editors and CI see."""

from __future__ import annotations

import json

from generator.base.diagnostics import error, summarize, warning
from generator.check.report import format_github, format_json, format_text

SOURCE = {"content/models/openai/x.md": ["---", "name: X", "contxt_window: 5", "---"]}


def lines(display: str):
    return SOURCE.get(display)


def test_text_shows_source_line_caret_hint_and_count():
    diagnostics = [
        error("content/models/openai/x.md", 3, 1, "unknown-key", "unknown field 'contxt_window'",
              "did you mean 'context_window'?"),
        warning("content/models/openai/x.md", 2, 7, "stale-data", "prices were last verified long ago"),
    ]
    assert format_text(diagnostics, lines) == (
        "content/models/openai/x.md:2:7: warning[stale-data]: prices were last verified long ago\n"
        "    2 | name: X\n"
        "      |       ^\n"
        "\n"
        "content/models/openai/x.md:3:1: error[unknown-key]: unknown field 'contxt_window'\n"
        "    3 | contxt_window: 5\n"
        "      | ^\n"
        "  hint: did you mean 'context_window'?\n"
        "\n"
        "1 error and 1 warning in 1 file\n"
    )


def test_text_without_position_names_only_the_file():
    text = format_text([error("content/models/x.md", 0, 0, "misplaced-file", "reviews live elsewhere")], lines)
    assert text == "content/models/x.md: error[misplaced-file]: reviews live elsewhere\n\n1 error in 1 file\n"


def test_summary_counts_files_and_plurals():
    items = [error("a.md", 1, 1, "yaml-syntax", "m"), error("a.md", 2, 1, "yaml-syntax", "m"), error("b.md", 1, 1, "yaml-syntax", "m")]
    assert summarize(items) == "3 errors in 2 files"
    assert summarize([]) == "no problems found"


def test_json_is_a_list_of_the_promised_keys():
    data = json.loads(format_json([error("a.md", 4, 2, "wrong-type", "bad", "fix it")]))
    assert data == [{"file": "a.md", "line": 4, "column": 2, "severity": "error",
                     "code": "wrong-type", "message": "bad (fix it)"}]


def test_github_annotations_escape_their_fields():
    out = format_github([error("dir,a.md", 4, 2, "wrong-type", "50% off\nnext")])
    assert out == "::error file=dir%2Ca.md,line=4,col=2,title=wrong-type::50%25 off%0Anext\n"
