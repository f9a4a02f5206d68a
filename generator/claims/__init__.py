"""Editorial integrity: numbers in prose checked against the data, or bound to it.

`bindings` turns `{{ price.input }}` into the data's value; the rest of the package
(`extract` → `patterns` → `attribute` → `verify`) finds price, limit, ratio and
monthly-cost claims in review and comparison bodies and reports those the data
contradicts. `check_claims` is the catalog check `check_project` runs.
"""

from __future__ import annotations

from ..catalog import Catalog
from ..diagnostics import Diagnostic
from .bindings import body_binding_problems, check_bindings, expand_bindings
from .check import ClaimChecker, bodies, check_contradictions

__all__ = ["check_claims", "check_bindings", "check_contradictions", "expand_bindings"]


def check_claims(catalog: Catalog) -> list[Diagnostic]:
    """Every binding that does not resolve and every claim the data contradicts, body by body."""
    checker = ClaimChecker(catalog)
    found: list[Diagnostic] = []
    for body in bodies(catalog):
        found += body_binding_problems(catalog, body.display, body.text, body.first_line, body.page_model)
        found += checker.check(body)
    return found
