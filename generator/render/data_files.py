"""Files the site publishes beside its pages: the open-data API, the feeds, and the all-models
table's rows past those its page carries (`model_rows`).

One entry point for the MkDocs plugin, which adds each as a generated file
(`File.generated`), so the build needs no step of its own for them.
"""

from __future__ import annotations

from pathlib import Path

from ..catalog import Catalog
from .api import api_files
from .feeds import feed_files
from .index import SiteIndex
from .model_rows import model_rows_file


def data_files(catalog: Catalog, index: SiteIndex | None = None, templates_dir: Path | None = None) -> dict[str, str]:
    """Site path → text of every API file, schema, feed and the rows file, in a stable order.

    `templates_dir` is the project's templates folder (the rows file is rendered by the
    all-models page's row macro); None means the package's own `templates/`."""
    index = index or SiteIndex.of(catalog)
    return {**api_files(catalog, index), **feed_files(catalog, index), **model_rows_file(index, templates_dir)}
