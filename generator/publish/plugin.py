"""The MkDocs plugin: check the content, then add every generated page as a virtual file.

Enabled in `mkdocs.yml` (`plugins: [modelreview]`), so `mkdocs build` and
`mkdocs serve` work without a separate step. Events, in build order:

    on_config   run `check_project`; errors fail the build (PluginError with the same
                text `modelreview check` prints), warnings are logged (fatal with
                --strict); take site name, URL and description from site_config
    on_files    render each page once, to HTML (markdown-it-py), and add it with
                `File.generated` holding only its front matter; pages the nav names are
                included, all others are `NOT_IN_NAV` so the nav (which MkDocs renders
                into every page) stays six entries long
    on_pre_page set `page.update_date` from the data, so the sitemap's lastmod and
                the sitemap.xml.gz timestamp do not depend on the day of the build
    on_page_markdown  a generated page's Markdown is replaced by nothing, so Python-Markdown
                has no work; a page whose source someone else set (the preview puts the
                full Markdown in) is converted here with the same markdown-it renderer
    on_page_content   the finished HTML goes in, and `page.toc` is built from our headings
    on_post_build     (after Material's search plugin) generated pages are marked
                `search: exclude` so Material does not parse them again; their compact
                entries (`render.search_index`) are added to its search_index.json

Hand-written pages in docs/ take MkDocs' normal path through all of these.

`modelreview build` hands in its own check result with `use()`, so content is
checked once per build and `--content DIR` reaches the plugin.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Iterator

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..check import format_diagnostics
from ..project import CheckResult, Project, check_project
from ..render import SiteRenderer, page_problems
from ..render import PageHTML, to_html
from .render_pages import render_pages
from ..render import search_entries, toc_names
from ..render import front_matter_text
from ..render import data_files

log = logging.getLogger("mkdocs.plugins.modelreview")


class ModelReviewConfig(Config):
    content = c.Type(str, default="content")
    """Content folder, relative to mkdocs.yml (mkdocs.yml reads it from $MODELREVIEW_CONTENT when set)."""


class ModelReviewPlugin(BasePlugin[ModelReviewConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.project: Project | None = None
        self.result: CheckResult | None = None
        self.renderer: SiteRenderer | None = None
        self._preset = False
        self._log_warnings = True
        self._rendered: dict[str, PageHTML] = {}     # from on_files, used once by on_page_markdown
        self._rendered_by: SiteRenderer | None = None
        self._current: dict[str, PageHTML] = {}      # on_page_markdown → on_page_content
        self._search_meta: dict[str, dict[str, Any]] = {}
        self._search_sections: dict[str, list[str]] = {}

    def use(self, project: Project, result: CheckResult, log_warnings: bool = False) -> None:
        """Build from an already-checked project instead of checking again in `on_config`.

        The caller has the diagnostics and reports them itself, so warnings are not logged
        again unless asked for.
        """
        self.project, self.result, self._preset = project, result, True
        self._log_warnings = log_warnings

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError("modelreview: pages link to each other by directory URL; "
                              "set use_directory_urls: true in mkdocs.yml")
        if not self._preset:
            root = Path(config.config_file_path).resolve().parent
            self.project = Project.at(root, (root / self.config.content).resolve())
            self.result = check_project(self.project)
        assert self.project is not None and self.result is not None
        diagnostics = list(self.result.diagnostics)
        if self.result.catalog is not None:
            diagnostics += page_problems(self.result.catalog)
        report = format_diagnostics(diagnostics, "text", self.project.root) if diagnostics else ""
        if self.result.catalog is None or any(d.is_error for d in diagnostics):
            raise PluginError(f"modelreview: the content has errors, nothing was built.\n\n{report}")
        if self._log_warnings:
            for block in _warnings(diagnostics, report):
                log.warning(block)
        site = self.result.catalog.config.site
        config.site_name = site.name
        config.site_description = config.site_description or site.description
        config.site_author = config.site_author or site.author
        if not config.site_url:
            config.site_url = site.url if site.url.endswith("/") else site.url + "/"
        self.renderer = SiteRenderer(self.result.catalog, self.project.templates_dir)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.renderer is not None
        in_nav = set(_nav_paths(config.nav))
        self._rendered, self._rendered_by = {}, self.renderer
        self._search_meta, self._search_sections = {}, {}
        for uri in self.renderer.pages:
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"modelreview: docs/{uri} would replace a generated page; remove or rename it")
        rendered = render_pages(self.renderer) if isinstance(self.renderer, SiteRenderer) else {}
        for uri in self.renderer.pages:
            inclusion = InclusionLevel.INCLUDED if uri in in_nav else InclusionLevel.NOT_IN_NAV
            if uri in rendered:
                meta, body = rendered[uri]
                self._rendered[uri] = body
                self._search_meta[uri], self._search_sections[uri] = meta, toc_names(body.toc)
                content = front_matter_text({**meta, "search": {"exclude": True}})
            else:   # a stand-in that only lists pages (the preview fills sources in later)
                content = self.renderer.render(uri)
            files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        assert self.result is not None and self.result.catalog is not None
        for uri, text in data_files(self.result.catalog).items():  # open-data API and feeds
            files.append(File.generated(config, uri, content=text))
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        if self.renderer is None or uri not in self.renderer.pages:
            return markdown
        done = self._rendered.pop(uri, None) if self._rendered_by is self.renderer else None
        self._current[uri] = done if done is not None else to_html(markdown)
        return ""

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        done = self._current.pop(page.file.src_uri, None)
        if done is None:
            return html
        page.toc = get_toc(done.toc)  # type: ignore[arg-type]
        return done.html

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        assert self.renderer is not None
        page.update_date = self.renderer.lastmod(page.file.src_uri).isoformat()
        return page


    @event_priority(-50)   # after Material's search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index_file = Path(config.site_dir) / "search" / "search_index.json"
        if self.renderer is None or not self._search_meta or not index_file.exists():
            return
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index["docs"] = index.get("docs", []) + search_entries(
            self.renderer.catalog, self.renderer.pages, self._search_meta, self._search_sections)
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _nav_paths(nav: Any) -> Iterator[str]:
    """Every file path named in mkdocs.yml's `nav`, however deeply nested."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_paths(item)


def _warnings(diagnostics: list, report: str) -> list[str]:
    """One log line per warning block of the check report (MkDocs counts them for --strict)."""
    if not any(not d.is_error for d in diagnostics):
        return []
    blocks = report.rstrip("\n").split("\n\n")
    return [block for block in blocks[:-1]]
