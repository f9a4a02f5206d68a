"""Check stage: what the records say is judged, as diagnostics.

`checks` (cross-references, dates, prices, staleness), `brackets` (price bands),
`claims/` (numbers in prose against the resolved data, read through the protocols
in `claims/subject.py`), `binding_syntax` (where `{{ ... }}` bindings are), and
`report` (diagnostics printed as text, JSON or workflow annotations).
"""

from __future__ import annotations

from .brackets import bracket_for_price, price_band
from .checks import check_content, CheckMemo
from .claims import (CatalogFacts, check_claims, comparison_prose, inline_ranges, line_and_column,
                     Locate, locator, parse_volume, ProseField, review_prose)
# binding_syntax after claims: it reads claims.extract, and claims.check reads it
from .binding_syntax import BINDING, Binding, binding_spans, other_name, parse_binding
from .report import file_lines, format_diagnostics, format_github, format_json, format_text

__all__ = ["CheckMemo", "BINDING", "Binding", "binding_spans", "bracket_for_price", "CatalogFacts", "check_claims",
           "check_content", "comparison_prose", "file_lines", "format_diagnostics", "format_github",
           "format_json", "format_text", "inline_ranges", "line_and_column", "Locate", "locator",
           "other_name", "parse_binding", "parse_volume", "price_band", "ProseField", "review_prose"]
