"""Files the site publishes beside its pages: the open-data API and the feeds.

One entry point for the MkDocs plugin, which adds each as a generated file
(`File.generated`), so the build needs no step of its own for them.
"""

from __future__ import annotations

from ..catalog import Catalog
from .api import api_files
from .feeds import feed_files
from .index import SiteIndex


def data_files(catalog: Catalog, index: SiteIndex | None = None) -> dict[str, str]:
    """Site path → text of every API file, schema and feed, in a stable order."""
    index = index or SiteIndex.of(catalog)
    return {**api_files(catalog, index), **feed_files(catalog, index)}
