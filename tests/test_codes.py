"""Diagnostic codes: one registry, documented in the README, carried by the errors themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.base import Code, Diagnostic, Severity, error, warning
from generator.load.schema import Pricing
from generator.load.validate import validate
from generator.load.yamlpos import parse_yaml

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_codes() -> set[str]:
    section = README.read_text().split("### Diagnostic codes", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    return {code for row in rows for code in re.findall(r"`([a-z]+(?:-[a-z]+)*)`", row)}


def test_the_readme_table_lists_exactly_the_registered_codes():
    assert readme_codes() == {code.value for code in Code}


def test_every_code_has_a_severity_and_a_one_line_meaning():
    for code in Code:
        assert isinstance(code.severity, Severity)
        assert code.meaning and "\n" not in code.meaning


def test_a_code_that_is_not_registered_is_a_bug():
    with pytest.raises(ValueError):
        error("a.md", 1, 1, "no-such-code", "m")


def test_diagnostics_are_equal_only_when_every_field_is():
    assert error("a.md", 3, 1, "no-prose", "m") == error("a.md", 3, 1, "no-prose", "m")
    assert error("a.md", 3, 1, "no-prose", "m") != warning("a.md", 3, 1, "no-prose", "m")
    assert error("a.md", 3, 1, "no-prose", "m") != error("a.md", 3, 1, "stale-data", "m")
    assert error("a.md", 3, 1, "no-prose", "m") != error("a.md", 3, 1, "no-prose", "other")
    assert error("a.md", 3, 1, "no-prose", "m") != error("a.md", 3, 1, "no-prose", "m", "a hint")
    assert len({error("a.md", 3, 1, "no-prose", "m"), warning("a.md", 3, 1, "no-prose", "m")}) == 2


def _schema_codes(yaml_text: str) -> list[tuple[Code, str]]:
    parsed, problems = parse_yaml(Path("p.md"), yaml_text, 1)
    assert parsed is not None and problems == []
    _, found = validate(Pricing, parsed.data, parsed.positions, Path("p.md"))
    return [(d.code, d.reference) for d in found]


def test_schema_errors_carry_their_code_from_the_type_that_raised_it():
    assert _schema_codes("input: -1\noutput: 1\nverified: 2026-01-01\n") == [(Code.OUT_OF_RANGE, "")]
    assert _schema_codes("input: cheap\noutput: 1\nverified: 2026-01-01\n") == [(Code.WRONG_TYPE, "")]
    assert _schema_codes("input: 1\noutput: 1\nverified: 2026-02-30\n") == [(Code.INVALID_VALUE, "")]
