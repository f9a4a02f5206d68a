"""What every stage shares: diagnostics (errors as values with positions), money
arithmetic with Decimal (`costs`), how the site writes numbers (`formatting`), and
the fork-based worker pool for large catalogs (`parallel`). It imports no stage.
"""

from __future__ import annotations

from .codes import Code, Severity
from .costs import blended_price, MILLION, monthly_cost, MonthlyCost, percent_cheaper, ratio, round_money
from .diagnostics import count_errors, Diagnostic, error, escalate, sort_diagnostics, summarize, warning
from .formatting import (format_change, format_computed_amount, format_cost, format_count, format_percent,
                         format_price, format_ratio, format_tokens, format_tokens_short)
from .parallel import map_each, map_ranges

__all__ = ["blended_price", "Code", "count_errors", "Diagnostic", "error", "escalate", "format_change",
           "format_computed_amount", "format_cost", "format_count", "format_percent", "format_price",
           "format_ratio", "format_tokens", "format_tokens_short", "map_each", "map_ranges", "MILLION", "monthly_cost",
           "MonthlyCost", "percent_cheaper", "ratio", "round_money", "Severity", "sort_diagnostics",
           "summarize", "warning"]
