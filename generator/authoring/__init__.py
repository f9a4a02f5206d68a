"""Authoring: what writes content files. `new` (a review that passes check), `importers/` (public catalogs in, reviews
out), `sync` (prices and limits kept current, comments kept), `writer` (the one review
writer), `seeds` (facts `new` and `import` prefill).
"""

from __future__ import annotations

from .importers import CatalogError
from .importers.run import explain, import_catalog, ImportReport, ImportSetupError
from .new import new_review, NewReview, REF, scaffold
from .seeds import find_seed
from .sync import apply_sync, plan_sync, SyncSetupError
from .writer import write_review_text

__all__ = ["apply_sync", "CatalogError", "explain", "find_seed", "import_catalog", "ImportReport",
           "ImportSetupError", "new_review", "NewReview", "plan_sync", "REF", "scaffold", "SyncSetupError",
           "write_review_text"]
