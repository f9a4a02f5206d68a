"""Masking Markdown to prose keeps every offset, and hides code, link targets and HTML."""

from __future__ import annotations

import pytest

from generator.check.claims.check import find_claims, prose_sentences
from generator.check.claims.extract import line_and_column, mask_code, mask_prose, split_sentences

BODY = """\
# Prices at $0.40

Costs `$9.99/MTok` in code and [$1.60 per million](https://x.example/$7-per-1M "t") in a link.
<span title="$5/MTok">HTML</span> and **$0.10** bold.

```python
price = "$3 per million input tokens"
```

    indented $4 per million

<div>
$6 per million input tokens
</div>

- item with 128K context window
> quoted 1M-token context
"""


def test_masking_keeps_the_length_and_every_newline():
    masked = mask_prose(BODY)
    assert len(masked) == len(BODY)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(BODY) if c == "\n"]


def test_only_readable_prose_survives():
    words = mask_prose(BODY).split()
    assert words == ["Prices", "at", "$0.40", "Costs", "in", "code", "and", "$1.60", "per", "million", "in", "a",
                     "link.", "HTML", "and", "$0.10", "bold.", "item", "with", "128K", "context", "window",
                     "quoted", "1M-token", "context"]


def test_code_masking_alone_keeps_links_and_html_but_not_code():
    masked = mask_code(BODY)
    assert "$9.99" not in masked and "$3 per" not in masked and "$4 per" not in masked
    assert "https://x.example/$7-per-1M" in masked and "$6 per million input tokens" in masked


@pytest.mark.parametrize("text, expected", [
    ("GPT-4.1 costs $2. It is large. Mini costs less!", ["GPT-4.1 costs $2.", "It is large.", "Mini costs less!"]),
    ("It costs $0.40 vs. GPT-4.1 at $2.00. Next.", ["It costs $0.40 vs. GPT-4.1 at $2.00.", "Next."]),
    ("Cheap, e.g. Nano. Done.", ["Cheap, e.g. Nano.", "Done."]),
    ("Version 2.5 costs $0.30.\n\nNew paragraph.", ["Version 2.5 costs $0.30.", "New paragraph."]),
    ("| $1 | 128K |", ["$1", "128K"]),
])
def test_sentences_split_on_end_punctuation_paragraphs_and_table_cells(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_a_sentence_offset_maps_back_to_the_file_line_and_column():
    body = "\nFirst line.\n  Second has $0.20 per million input tokens.\n"
    sentence = [s for s in prose_sentences(body) if "$" in s.text][0]
    claim = find_claims(sentence.text)[0]
    assert line_and_column(body, sentence.start + claim.start, 10) == (12, 14)


def test_claims_in_code_links_and_html_are_never_found():
    found = [(s.text[c.start:c.end], c.kind) for s in prose_sentences(BODY) for c in find_claims(s.text)]
    assert found == [("$1.60 per million", "price"), ("128K context window", "limit"),
                     ("1M-token context", "limit")]


def test_bindings_are_blanked_before_claims_are_looked_for():
    body = "A balanced 10M-token month costs {{ cost 10M }}, and {{ context }} context window.\n"
    assert [find_claims(s.text) for s in prose_sentences(body)] == [[]]
