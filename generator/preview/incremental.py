"""The common edit, fast: a review saved with its structure unchanged.

Most saves change prose, a FAQ entry, a benchmark, a date. None of that moves a
model in the catalog: its peers, comparison pairs, names, bracket and best-value
standing all derive from a handful of fields (`STRUCTURE`). When only reviews were
saved and none of those fields changed, the new catalog is the old one with the
saved reviews' records swapped in, which takes microseconds instead of a rebuild
(a quarter of a second at 2,500 reviews).

A test changes every field of the review schema in turn and asserts that whenever
`patch_catalog` answers, its catalog equals `build_catalog`'s, and the site's page
list is unchanged; a new derived value in the catalog that reads another field
makes that test fail until the field is added here.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..catalog import Catalog
from ..load import Content, ReviewRecord
from .content import Changed


def structure(record: ReviewRecord) -> tuple[Any, ...]:
    """The fields the catalog and the site's page list derive from."""
    meta = record.meta
    return (
        record.key, meta.name, meta.snapshot, tuple(meta.aliases), meta.family, meta.bracket,
        meta.pricing.input, meta.pricing.output, meta.grade.score if meta.grade else None,
        tuple(meta.compare_with), tuple(sorted({offer.provider for offer in meta.offers})),
        meta.lifecycle.status,   # only active models can be a bracket's best value
    )


STRUCTURE_FIELDS = {"name", "snapshot", "aliases", "family", "bracket", "pricing", "grade", "compare_with",
                    "offers", "lifecycle"}


def patch_catalog(old: Catalog, content: Content, changed: Changed) -> Catalog | None:
    """`build_catalog(content)` when the saves in `changed` were reviews only, none added or
    removed, none with a changed structure; None when the catalog must be built from scratch."""
    if changed.comparisons or changed.pages or not changed.reviews or len(content.reviews) != len(old.models):
        return None
    records = {record.key: record for record in content.reviews if record.key in changed.reviews}
    if records.keys() != changed.reviews:
        return None
    models = dict(old.models)
    for key, record in records.items():
        before = old.models.get(key)
        if before is None or structure(before.record) != structure(record):
            return None
        models[key] = dataclasses.replace(before, record=record)
    return dataclasses.replace(old, models=models)
