"""Editorial integrity: numbers in prose checked against the data.

The package (`extract` → `patterns` → `attribute` → `verify`) finds price, limit,
ratio and monthly-cost claims in review and comparison bodies, and in the
front-matter prose readers see (`fields`: summary, strengths, limitations,
quirks, FAQ answers, verdicts), and reports those the data contradicts. Data
bindings (`{{ price.input }}`) are masked out: the catalog stage resolves them
(`catalog.bindings`), so their values are right by construction.

`check_claims` runs on the resolved catalog, which it reads only through the
protocols in `subject.py`, so this stage never imports the catalog stage.
"""

from __future__ import annotations

from ...base import Diagnostic, map_ranges, sort_diagnostics
from .check import Body, ClaimChecker, check_contradictions, texts
from .extract import inline_ranges, line_and_column, mask_code
from .fields import Locate, ProseField, comparison_prose, locator, review_prose
from .numbers import parse_volume
from .subject import CatalogFacts, ModelFacts, PairFacts

__all__ = ["Body", "CatalogFacts", "Locate", "ModelFacts", "PairFacts", "ProseField", "check_claims",
           "check_contradictions", "comparison_prose", "inline_ranges", "line_and_column", "locator",
           "mask_code", "parse_volume", "review_prose", "texts"]


def check_claims(catalog: CatalogFacts) -> list[Diagnostic]:
    """Every claim the data contradicts, text by text."""
    checker = ClaimChecker(catalog)
    items = _balanced(list(texts(catalog)))

    def check_range(start: int, end: int) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        for text in items[start:end]:
            found += checker.check(text)
        return found

    # Texts are independent once the catalog exists; forked workers share it for free.
    return sort_diagnostics(map_ranges(check_range, len(items), min_items=2000))


def _balanced(items: list[Body]) -> list[Body]:
    """Longest first, dealt alternately into two halves, so contiguous ranges carry equal work."""
    by_length = sorted(items, key=lambda text: -len(text.text))
    return by_length[0::2] + by_length[1::2]
