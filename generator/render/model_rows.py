"""`models/rows.html`: the rows of the all-models table that its page does not carry.

The page at /models/ holds the first rows by name (`partials/model_rows.html` says how
many); a first visit then costs the same at any catalog size. The rest of the table is
this one file, written beside the page as a data file (`data_files`), rendered by the
page's own row macro from the same model list, so the browser (tables.js) appends rows
that are exactly what the page would have carried, and sorting, filtering and the cost
column see every model the first time a reader uses them.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from .env import DEFAULT_TEMPLATES, page_environment
from .index import SiteIndex
from .listings import all_models
from .template_errors import PageTemplateError

ROWS_FILE = "models/rows.html"
ROWS_TEMPLATE = "partials/model_rows_file.html"


def model_rows_file(index: SiteIndex, templates_dir: Path | None = None) -> dict[str, str]:
    """{`ROWS_FILE`: its text}; a catalog within the page's row limit gets a file without rows
    (the page then does not ask for it). A broken template is a `PageTemplateError` naming the file."""
    env = page_environment(templates_dir or DEFAULT_TEMPLATES)
    try:
        text = env.get_template(ROWS_TEMPLATE).render(models=all_models(index),
                                                      scale=index.catalog.config.grading.max)
    except jinja2.TemplateError as problem:
        raise PageTemplateError(problem, ROWS_FILE) from problem
    return {ROWS_FILE: text}
