"""Importers: public model catalogs in, review files out.

One adapter per source format turns a file into `ImportedModel` records (the same
typed record for every source); `grouping` decides which listings are the same
model and which one is its home; `reviews` turns a planned model into review front
matter and writes it through `generator.authoring.writer.write_review_text`, the single
review writer. `generator.authoring.sync` reuses the adapters to update existing reviews.

    models-dev   models.dev api.json          -> models_dev.read
    litellm      LiteLLM prices json           -> litellm.read
    openrouter   OpenRouter /api/v1/models     -> openrouter.read
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from . import litellm, models_dev, openrouter
from .record import (CatalogError, CatalogRead, CatalogSource, ImportedBenchmark, ImportedModel, Skipped,
                     Tier)

Reader = Callable[[Path, set[str]], CatalogRead]
READERS: dict[str, Reader] = {
    "models-dev": models_dev.read,
    "litellm": litellm.read,
    "openrouter": openrouter.read,
}


def read_catalog(fmt: str, path: Path, provider_keys: set[str]) -> CatalogRead:
    """Read one catalog file; raises `CatalogError` only when the whole file is unusable."""
    try:
        reader = READERS[fmt]
    except KeyError:
        raise CatalogError(f"unknown format '{fmt}'; use one of {', '.join(READERS)}") from None
    if not path.is_file():
        raise CatalogError(f"{path} does not exist or is not a file")
    return reader(path, provider_keys)


__all__ = ["CatalogError", "CatalogRead", "CatalogSource", "ImportedBenchmark", "ImportedModel", "READERS",
           "Skipped", "Tier", "read_catalog"]
