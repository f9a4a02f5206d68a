"""modelreview: Markdown reviews of AI models → checked catalog → MkDocs site.

Stages, each its own module:
    load      `loader`   files → typed records with source positions
    check     `checks`   cross-references, dates, prices (schema in `schema/`)
    catalog   `catalog`  the resolved site data: costs (`costs`), peers, pairs
    render    `render`   templates → pages
    publish   `plugin`   the MkDocs plugin that adds generated pages
"""

from .catalog.catalog import Catalog, Model, Pair, build_catalog
from .base.diagnostics import Diagnostic, Severity
from .load.loader import Content, load_content
from .project import CheckResult, Project, check_project

__all__ = [
    "Catalog", "CheckResult", "Content", "Diagnostic", "Model", "Pair", "Project", "Severity",
    "build_catalog", "check_project", "load_content",
]
