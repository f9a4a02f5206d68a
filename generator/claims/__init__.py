"""Editorial integrity: numbers in prose checked against the data, or bound to it.

`bindings` turns `{{ price.input }}` into the data's value; the rest of the package
(`extract` → `patterns` → `attribute` → `verify`) finds price, limit, ratio and
monthly-cost claims in review and comparison bodies, and in the front-matter prose
readers see (`fields`: summary, strengths, limitations, quirks, FAQ answers,
verdicts), and reports those the data contradicts. `check_claims` is the catalog
check `check_project` runs.
"""

from __future__ import annotations

from ..catalog import Catalog
from ..diagnostics import Diagnostic
from .bindings import binding_problems, check_bindings, expand_bindings
from .check import ClaimChecker, check_contradictions, texts

__all__ = ["check_claims", "check_bindings", "check_contradictions", "expand_bindings"]


def check_claims(catalog: Catalog) -> list[Diagnostic]:
    """Every binding that does not resolve and every claim the data contradicts, text by text."""
    checker = ClaimChecker(catalog)
    found: list[Diagnostic] = []
    for text in texts(catalog):
        found += binding_problems(catalog, text.display, text.text, text.page_model, text.position, text.markdown)
        found += checker.check(text)
    return found
