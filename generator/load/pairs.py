"""Pair identity: one canonical slug per unordered pair of models.

Both the checks (is this comparison file named right?) and the catalog (which
pages exist?) need it, so it lives apart from both.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable


def ordered(a: str, b: str) -> tuple[str, str]:
    """Canonical order of two `provider/model-id` keys: alphabetical by model id, then provider."""
    if (a.split("/", 1)[1], a) <= (b.split("/", 1)[1], b):
        return a, b
    return b, a


def ambiguous_ids(keys: Iterable[str]) -> frozenset[str]:
    """Model ids used by more than one provider; their slugs carry the provider."""
    counts = Counter(key.split("/", 1)[1] for key in keys)
    return frozenset(model_id for model_id, n in counts.items() if n > 1)


def pair_slug(a: str, b: str, ambiguous: frozenset[str] = frozenset()) -> str:
    """`<a>-vs-<b>` from the two model ids in canonical order."""
    first, second = ordered(a, b)
    return ordered_slug(first, second, ambiguous)


def ordered_slug(first: str, second: str, ambiguous: frozenset[str] = frozenset()) -> str:
    """`pair_slug` for keys already in canonical order (the catalog orders each pair once)."""
    return f"{short_name(first, ambiguous)}-vs-{short_name(second, ambiguous)}"


def short_name(key: str, ambiguous: frozenset[str] = frozenset()) -> str:
    provider, model_id = key.split("/", 1)
    return f"{provider}-{model_id}" if model_id in ambiguous else model_id
