"""The one record every catalog adapter yields, and what an adapter reports besides.

An `ImportedModel` is one listing: one model as one provider sells it, in review
units (USD per 1M tokens as `Decimal`, tokens as `int`, provider keys from
`site_config/providers.yaml`). A field the source does not publish is `None`, never
a guess, so the review writer can leave it out and say so.

An adapter never raises for a bad entry: it yields `Skipped(key, reason)` and goes
on, and it counts non-chat entries by kind instead of listing them one by one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Tier:
    """Prices that apply once a prompt is longer than `above_tokens`."""

    above_tokens: int
    input: Decimal
    output: Decimal
    cached_input: Decimal | None = None


@dataclass(frozen=True)
class ImportedBenchmark:
    name: str
    score: Decimal
    unit: str
    source: str
    date: dt.date


@dataclass(frozen=True)
class ImportedModel:
    """One model at one provider, as a catalog file describes it."""

    key: str                      # how the source names the entry, for messages
    provider: str                 # the seller, a providers.yaml key
    model_id: str                 # the id at that provider, exactly as the source writes it
    lab: str | None               # the maker's provider key when the source says it (id prefix)
    name: str | None = None
    family: str | None = None
    input: Decimal | None = None  # USD per 1M tokens
    output: Decimal | None = None
    cached_input: Decimal | None = None
    batch_input: Decimal | None = None
    batch_output: Decimal | None = None
    tiers: tuple[Tier, ...] = ()
    context_window: int | None = None
    max_input: int | None = None           # a prompt limit, when that is all the source gives
    max_output: int | None = None
    modalities_in: tuple[str, ...] = ()
    modalities_out: tuple[str, ...] = ()
    tool_calling: bool | None = None
    structured_output: bool | None = None
    reasoning: bool | None = None
    open_weights: bool | None = None
    fine_tuning: bool | None = None
    released: dt.date | None = None
    knowledge_cutoff: str | None = None
    verified: dt.date | None = None        # the day these prices were checked, when the source says
    deprecated: dt.date | None = None      # the day it was (or will be) deprecated
    status: str | None = None              # the source's own status word, e.g. "deprecated", "beta"
    first_listed: dt.date | None = None    # the day the catalog first listed it (OpenRouter `created`)
    canonical: str | None = None           # the catalog's own canonical id (OpenRouter `canonical_slug`)
    mode: str | None = None                # set by grouping: the mode this listing runs the model in
    priority_input: Decimal | None = None  # priority-tier prices, USD per 1M tokens
    priority_output: Decimal | None = None
    flex_input: Decimal | None = None      # flex-tier prices
    flex_output: Decimal | None = None
    benchmarks: tuple[ImportedBenchmark, ...] = ()
    notes: tuple[str, ...] = ()            # what the adapter dropped and why

    @property
    def priced(self) -> bool:
        return self.input is not None and self.output is not None


@dataclass(frozen=True)
class Skipped:
    """An entry that could not be imported, and why, in an editor's words."""

    key: str
    reason: str


@dataclass(frozen=True)
class CatalogSource:
    """Where the records came from; reviews cite it in `sources:`."""

    format: str
    title: str
    url: str
    as_of: dt.date                # the newest date the file vouches for; see each adapter


@dataclass
class CatalogRead:
    """Everything an adapter got out of one file."""

    source: CatalogSource
    records: list[ImportedModel] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    not_chat: Counter[str] = field(default_factory=Counter)   # kind -> count
    entries: int = 0


class CatalogError(Exception):
    """The file as a whole cannot be read (missing, not JSON, wrong shape)."""


DUPLICATE = "listed twice in the file; the first listing was used, the second ignored"


def load_json(path: Path) -> tuple[Any, set[str]]:
    """The parsed file and the keys that appear twice in one object.

    `json.loads` would silently keep the last of two equal keys; we keep the first
    and let the adapter report the key.
    """
    duplicates: set[str] = set()

    def first_wins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj: dict[str, Any] = {}
        for key, value in pairs:
            if key in obj:
                duplicates.add(key)
                continue
            obj[key] = value
        return obj

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CatalogError(f"{path} is not UTF-8 text") from None
    try:
        return json.loads(text, object_pairs_hook=first_wins), duplicates
    except json.JSONDecodeError as exc:
        raise CatalogError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
