"""Catalog stage: the whole site's data, resolved once from checked content.

`catalog` builds models (with costs, peers, pairs, best value), `bindings` resolves
every data binding in prose to its value (`resolve_prose`) or a diagnostic, and
`faq_questions` decides which questions a page answers from the data; `incremental`
(`update_catalog`) re-derives a catalog after a few saved reviews, for the preview.
"""

from __future__ import annotations

from .bindings import (BindingProblem, bound_models, check_bindings, expand_bindings, FIELDS, resolve_binding,
                       resolve_prose)
from .catalog import build_catalog, Catalog, Model, Pair, Prose
from .faq_questions import check_faq, competitor_keys, derived_questions, shown_entries
from .incremental import update_catalog
from .usage import RULE as USAGE_RULE, usage_cost

__all__ = ["BindingProblem", "bound_models", "build_catalog", "Catalog", "check_bindings", "check_faq",
           "competitor_keys", "derived_questions", "expand_bindings", "FIELDS", "Model", "Pair", "Prose",
           "resolve_binding", "resolve_prose", "shown_entries", "update_catalog", "usage_cost", "USAGE_RULE"]
