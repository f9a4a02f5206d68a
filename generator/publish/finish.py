"""Putting a generated page into the theme ourselves, the way MkDocs' `_build_page` does.

`modelreview build` keeps generated pages out of MkDocs' page loop: that loop is
single-core and, per page, builds a Markdown instance, runs every plugin's page
events and renders the theme, which at catalog size costs more than all of our own
rendering. Here the same theme template gets the same context MkDocs would give it
(`get_context` for the page, the page marked active for the nav), in forked workers
and only for pages the build cache does not already hold.

Other plugins' page events (`on_page_context`, `on_post_page`) do not run for
generated pages; Material's search plugin is the only one configured and its entries
for generated pages are ours (`render.search_index`). Plain `mkdocs build` still takes
the normal path, and a test holds the two outputs byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..render import PageHTML


@dataclass
class Theme:
    """What the theme template needs besides the page: fixed for one build."""

    config: MkDocsConfig
    nav: Navigation
    files: Files
    env: jinja2.Environment
    documentation: Sequence[File] = field(default_factory=list)

    def __post_init__(self) -> None:
        # get_context lists the documentation pages when handed `Files`: once per page, which made
        # finishing quadratic (MkDocs' own loop hands it this list, made once).
        self.documentation = self.files.documentation_pages()

    def finish(self, page: Page, meta: dict[str, Any], body: PageHTML, lastmod: str) -> bytes:
        """The page's final HTML, as `mkdocs build` would have written it."""
        page.meta = meta
        page.markdown = ""              # as after the plugin's on_page_markdown: the title is meta's
        page.content = body.html
        page.toc = get_toc(body.toc)  # type: ignore[arg-type]
        page.update_date = lastmod
        page.active = True
        try:
            context = get_context(self.nav, self.documentation, self.config, page)
            template = self.env.get_template(meta.get("template", "main.html"))
            output = template.render(context)
        finally:
            page.active = False
        if not output.strip():
            raise ValueError(f"the theme gave {page.file.src_uri} an empty page")
        return output.encode("utf-8", errors="xmlcharrefreplace")
