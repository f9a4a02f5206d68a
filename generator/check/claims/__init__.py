"""Editorial integrity: numbers in prose checked against the data, or bound to it.

`bindings` turns `{{ price.input }}` into the data's value; the rest of the package
(`extract` → `patterns` → `attribute` → `verify`) finds price, limit, ratio and
monthly-cost claims in review and comparison bodies, and in the front-matter prose
readers see (`fields`: summary, strengths, limitations, quirks, FAQ answers,
verdicts), and reports those the data contradicts. `check_claims` is the catalog
check `check_project` runs.
"""

from __future__ import annotations

from ...catalog.catalog import Catalog
from ...base.diagnostics import Diagnostic, sort_diagnostics
from ...base.parallel import map_ranges
from ...catalog.bindings import binding_problems, check_bindings, expand_bindings
from .check import Body, ClaimChecker, check_contradictions, texts

__all__ = ["check_claims", "check_bindings", "check_contradictions", "expand_bindings"]


def check_claims(catalog: Catalog) -> list[Diagnostic]:
    """Every binding that does not resolve and every claim the data contradicts, text by text."""
    checker = ClaimChecker(catalog)
    items = _balanced(list(texts(catalog)))

    def check_range(start: int, end: int) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        for text in items[start:end]:
            found += binding_problems(catalog, text.display, text.text, text.page_model, text.position,
                                      text.markdown)
            found += checker.check(text)
        return found

    # Texts are independent once the catalog exists; forked workers share it for free.
    return sort_diagnostics(map_ranges(check_range, len(items), min_items=2000))


def _balanced(items: list[Body]) -> list[Body]:
    """Longest first, dealt alternately into two halves, so contiguous ranges carry equal work."""
    by_length = sorted(items, key=lambda text: -len(text.text))
    return by_length[0::2] + by_length[1::2]
