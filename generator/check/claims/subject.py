"""What the claim check reads of the catalog, as protocols.

Claims are checked against resolved data (blended prices, every model's names),
so they run after the catalog is built; but the check stage sits before the
catalog in the data flow and must not import it. These protocols name the few
attributes the check reads; `catalog.Catalog`, `Model` and `Pair` satisfy them
(mypy checks that where `project.py` hands the catalog in).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping, Protocol

from ...load import ComparisonRecord, Review, ReviewRecord, SiteConfig


class ModelFacts(Protocol):
    @property
    def record(self) -> ReviewRecord: ...

    @property
    def meta(self) -> Review: ...

    @property
    def key(self) -> str: ...

    @property
    def blended(self) -> Decimal: ...


class PairFacts(Protocol):
    @property
    def a(self) -> str: ...

    @property
    def b(self) -> str: ...

    @property
    def editorial(self) -> ComparisonRecord | None: ...


class CatalogFacts(Protocol):
    @property
    def config(self) -> SiteConfig: ...

    @property
    def models(self) -> Mapping[str, ModelFacts]: ...

    @property
    def pairs(self) -> Mapping[str, PairFacts]: ...

    @property
    def names(self) -> Mapping[str, str]: ...
