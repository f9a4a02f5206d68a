"""Issue 12's cases, on the shipped GPT-4.1 mini review: each is an error now, and right wording is clean.

"It is 20% cheaper than Mistral Large 3 on output." passed `check` before: the scope
("on output") after the model compared with was not read, so the claim was held to
input prices, where it is true. Dates and benchmark scores were not read at all.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import REPO, TODAY

from generator.project import Project, check_project

REVIEW = "content/models/openai/gpt-4.1-mini.md"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    root = tmp_path_factory.mktemp("shipped") / "project"
    shutil.copytree(REPO / "site_config", root / "site_config")
    shutil.copytree(REPO / "content", root / "content")
    original = (root / REVIEW).read_text(encoding="utf-8")

    def check_with(sentence: str) -> list[tuple[str, int, str, str]]:
        (root / REVIEW).write_text(original.rstrip("\n") + "\n\n" + sentence + "\n", encoding="utf-8")
        last_line = len((root / REVIEW).read_text(encoding="utf-8").splitlines())
        result = check_project(Project.at(root), today=TODAY)
        return [(d.code, d.line - last_line, d.severity.value, d.message) for d in result.diagnostics
                if d.file == REVIEW and d.code.startswith("claim-")]
    return check_with


@pytest.mark.parametrize("sentence, code, says", [
    ("It is 20% cheaper than Mistral Large 3 on output.", "claim-ratio",
     "GPT-4.1 mini is 6.7% dearer than Mistral Large 3 on output ($1.60 against $1.50)"),
    ("It is cheaper than Mistral Large 3 on output.", "claim-ratio", "the data says the opposite"),
    ("Mistral Large 3 is 20% dearer than GPT-4.1 mini on output.", "claim-ratio", "the data says the opposite"),
    ("It was released in March 2025.", "claim-date", "GPT-4.1 mini was released on 14 April 2025"),
    ("Its knowledge cutoff is June 2024.", "claim-date", "has a knowledge cutoff of April 2024"),
    ("It scores 90.1% on MMLU.", "claim-score", "GPT-4.1 mini scores 87.5% on MMLU"),
    ("It has an MMLU of 80.", "claim-score", "GPT-4.1 mini scores 87.5% on MMLU"),
])
def test_each_case_of_the_issue_is_an_error_on_its_line(shipped, sentence, code, says):
    found = shipped(sentence)
    assert [(c, line, severity) for c, line, severity, _ in found] == [(code, 0, "error")]
    assert says in found[0][3]


@pytest.mark.parametrize("sentence", [
    "It is 20% cheaper than Mistral Large 3 on input.",
    "It is about 7% dearer than Mistral Large 3 on output.",
    "It was released in April 2025.",
    "It was released on 14 April 2025.",
    "Its knowledge cutoff is April 2024.",
    "It scores 87.5% on MMLU.",
    "It has an MMLU of 87.5.",
    "The mini scores 23.6% on SWE-bench Verified.",
])
def test_the_same_sentences_said_right_are_clean(shipped, sentence):
    assert shipped(sentence) == []


def test_the_seed_pages_wrong_way_slip_is_caught_with_its_neighbour(shipped):
    """Seed 000: both comparisons are about output; the first points the wrong way, the second is 20%, not 25%."""
    found = shipped("At $0.40/MTok input and $1.60/MTok output, it’s 20% cheaper than Mistral Large 3 and 25% "
                    "cheaper than GPT-5 Mini on output costs.")
    assert [(code, line) for code, line, _, _ in found] == [("claim-ratio", 0), ("claim-ratio", 0)]
    assert "the data says the opposite" in found[0][3] and "20% cheaper than GPT-5 mini on output" in found[1][3]
