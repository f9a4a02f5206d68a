"""modelreview: Markdown reviews of AI models → checked catalog → MkDocs site.

The data flows one way through the stage packages; each exposes its interface in
its `__init__` and imports only the interfaces of the stages before it
(`tests/test_architecture.py` holds them to that):

    base       what every stage shares: diagnostics, money, number formats, workers
    load       files → typed records with source positions (schema, front matter, YAML)
    check      diagnostics: cross-references, dates, prices, claims in prose
    catalog    the resolved site data: costs, peers, pairs, bindings, FAQ questions
    render     templates → pages
    publish    the MkDocs plugin and the atomic build
    preview    the live-reloading dev server      (on top of the stages)
    authoring  new, import, sync: what writes content files   (on top of the stages)

`project.check_project` runs load → check → catalog for `check`, `build` and `serve`.
"""

from .base import Diagnostic, Severity
from .catalog import Catalog, Model, Pair, build_catalog
from .load import Content, load_content
from .project import CheckResult, Project, check_project

__all__ = [
    "Catalog", "CheckResult", "Content", "Diagnostic", "Model", "Pair", "Project", "Severity",
    "build_catalog", "check_project", "load_content",
]
