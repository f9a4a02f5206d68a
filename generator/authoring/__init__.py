"""Authoring: what writes content files. `new` (a review that passes check), `importers/` (public catalogs in, reviews
out), `sync` (prices and limits kept current, comments kept), `writer` (the one review
writer), `seeds` (facts `new` and `import` prefill).
"""

from __future__ import annotations

from .importers import CatalogError
from .importers.run import import_catalog, ImportReport, ImportSetupError
from .new import new_review, NewReview, REF, scaffold
from .seeds import find_seed
from .sync import apply_sync, plan_sync, SyncSetupError
from .writer import write_review_text
from .importers.run import explain

__all__ = ["explain", "new_review", "NewReview", "REF", "scaffold", "apply_sync", "CatalogError", "find_seed", "import_catalog", "ImportReport", "ImportSetupError",
           "plan_sync", "SyncSetupError", "write_review_text"]
