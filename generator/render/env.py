"""The one Jinja environment pages are rendered with.

Autoescape is on for every template: page templates emit Markdown whose data parts
are raw HTML blocks, so an escaped `<script>` from a summary stays text, and
Python-Markdown leaves the contents of those blocks alone, so a `*` or `_` in a
name never turns into emphasis. Pages are rendered with markdown-it (CommonMark),
where an HTML block ends at the first blank line; a data value with a blank line in
it (a two-paragraph summary inside `<p>`) gets an empty HTML comment on that line, so
the block, and the escaping, carry on as in Python-Markdown. `StrictUndefined` makes a misspelt field a build
error instead of an empty cell. The environment is cached per templates folder:
compiling templates once is most of what keeps per-page cost low.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .charts import chart_globals
from .format import filters
from .jsonld import jsonld_globals

DEFAULT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def page_environment(templates_dir: Path = DEFAULT_TEMPLATES, auto_reload: bool = False) -> jinja2.Environment:
    """The environment for `templates_dir`, rebuilt when any template file changed since the last call.

    A build calls this once, so a long-lived process (tests, the preview) never renders
    with a stale template; `auto_reload=True` additionally re-checks each template on
    every render, for a preview that keeps one renderer across template edits.
    """
    return _environment(templates_dir, auto_reload, _fingerprint(templates_dir))


def _fingerprint(templates_dir: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in templates_dir.rglob("*") if p.is_file()))


@functools.lru_cache(maxsize=8)
def _environment(templates_dir: Path, auto_reload: bool, fingerprint: tuple) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=auto_reload,
        finalize=_keep_html_blocks_open,
    )
    env.filters.update(filters())
    env.globals.update(chart_globals())    # SVG charts drawn at build time
    env.globals.update(jsonld_globals())   # structured data: one <script> per page kind
    return env


_BLANK_LINE = re.compile(r"\n(?=[ \t]*\n)")


def _keep_html_blocks_open(value: Any) -> Any:
    """A plain value's blank lines become `<!-- -->` lines; Markup (the editor's Markdown) is left alone."""
    if isinstance(value, str) and not isinstance(value, Markup) and "\n" in value:
        return Markup(_BLANK_LINE.sub("\n<!-- -->", str(escape(value))))
    return value
