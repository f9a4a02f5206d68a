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

`modelreview build` goes faster (`use(..., finish=True)`): generated pages are added as
`FinishedFile`s that MkDocs' page loop skips (the build runs MkDocs with `dirty=True`,
whose only effect on a fresh staging folder is that skip), and `on_env` writes them
itself: reused from the build cache (`page_cache`) when their input is unchanged,
otherwise rendered and put into the theme in forked workers (`finish`).

`modelreview build` hands in its own check result with `use()`, so content is
checked once per build and `--content DIR` reaches the plugin.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from collections.abc import Mapping
from typing import Any, Iterator

import jinja2
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
from .finish import Theme
from .page_cache import PageCache, global_key
from .render_pages import finish_pages, render_pages
from ..render import search_entries, toc_names
from ..render import front_matter_text
from ..render import data_files

log = logging.getLogger("mkdocs.plugins.modelreview")


class ModelReviewConfig(Config):
    content = c.Type(str, default="content")
    """Content folder, relative to mkdocs.yml (mkdocs.yml reads it from $MODELREVIEW_CONTENT when set)."""


class FinishedFile(File):
    """A generated page `on_env` writes: MkDocs' page loop (in a dirty build) leaves it alone."""

    def is_modified(self) -> bool:
        return False


class ModelReviewPlugin(BasePlugin[ModelReviewConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.project: Project | None = None
        self.data_uris: set[str] = set()
        self.result: CheckResult | None = None
        self.renderer: SiteRenderer | None = None
        self._preset = False
        self._log_warnings = True
        self._rendered: dict[str, PageHTML] = {}     # from on_files, used once by on_page_markdown
        self._rendered_by: SiteRenderer | None = None
        self._current: dict[str, PageHTML] = {}      # on_page_markdown → on_page_content
        self._search_meta: dict[str, dict[str, Any]] = {}
        self._search_sections: dict[str, list[str]] = {}
        self._finish = False
        self._cache_folder: Path | None = None
        self.cache: PageCache | None = None
        self.stats: dict[str, int] = {}
        self._nav: Any = None

    def use(self, project: Project, result: CheckResult, log_warnings: bool = False,
            finish: bool = False, cache_folder: Path | None = None) -> None:
        """Build from an already-checked project instead of checking again in `on_config`.

        The caller has the diagnostics and reports them itself, so warnings are not logged
        again unless asked for.
        """
        self.project, self.result, self._preset = project, result, True
        self._log_warnings = log_warnings
        self._finish, self._cache_folder = finish, cache_folder

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
        failed = self.result.catalog is None or any(d.is_error for d in diagnostics)
        # the report is text for the log; `modelreview build` prints its own (a third of a second at catalog size)
        report = format_diagnostics(diagnostics, "text", self.project.root) \
            if diagnostics and (failed or self._log_warnings) else ""
        if failed:
            raise PluginError(f"modelreview: the content has errors, nothing was built.\n\n{report}")
        assert self.result.catalog is not None
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
        if self._finish and isinstance(self.renderer, SiteRenderer):
            for uri in self.renderer.pages:
                inclusion = InclusionLevel.INCLUDED if uri in in_nav else InclusionLevel.NOT_IN_NAV
                files.append(FinishedFile.generated(config, uri, content="", inclusion=inclusion))
            return self._add_data_files(files, config)
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
        return self._add_data_files(files, config)

    def _add_data_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.result is not None and self.result.catalog is not None and self.project is not None
        # the open-data API, the feeds, the all-models page's later rows (its own templates)
        index = self.renderer.index if isinstance(self.renderer, SiteRenderer) else None   # not built twice
        made = data_files(self.result.catalog, index, templates_dir=self.project.templates_dir)
        for uri, text in made.items():
            files.append(File.generated(config, uri, content=text))
        self.data_uris = set(made)     # the preview writes them again after an edit
        return files

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self._nav = nav
        return nav

    @event_priority(-100)   # last, so the theme environment is final
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """In a `modelreview build`, write every generated page (see the module docstring)."""
        if not self._finish or not isinstance(self.renderer, SiteRenderer):
            return env
        renderer = self.renderer
        pages = {}
        for uri in renderer.pages:
            file = files.get_file_from_path(uri)
            assert file is not None and file.page is not None
            file.page.update_date = renderer.lastmod(uri).isoformat()   # for the sitemap
            pages[uri] = file.page
        self.cache = None
        if self._cache_folder is not None:
            self.cache = PageCache(self._cache_folder, self._global_key(config, env))
            # Compiled templates kept between builds: after one edit, compiling the page and
            # theme templates would cost more than rendering the few pages that changed.
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(_folder(self._cache_folder / "jinja" / "theme")))
            renderer.env.bytecode_cache = jinja2.FileSystemBytecodeCache(
                str(_folder(self._cache_folder / "jinja" / "pages")))
        theme = Theme(config, self._nav, files, env)
        try:
            entries, self.stats = finish_pages(renderer, theme, pages, self.cache)
        finally:
            renderer.env.bytecode_cache = None    # the environment is shared with later renderers
        self._search_meta = {uri: entry.meta for uri, entry in entries.items()}
        self._search_sections = {uri: entry.sections for uri, entry in entries.items()}
        if self.cache is not None:
            self.cache.next = entries
        return env

    def _global_key(self, config: MkDocsConfig, env: Any) -> str:
        """What every generated page shares besides its data: code, templates, theme, config, nav."""
        import material
        import mkdocs
        import sys
        assert self.project is not None
        nav = [(str(page.title), page.url) for page in self._nav.pages] if self._nav is not None else []
        # The theme's own files are covered by its version; only the override folder is hashed.
        theme_dirs = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        parts: list[tuple[str, Any]] = [
            ("python", sys.version), ("mkdocs", mkdocs.__version__),
            ("material", getattr(material, "__version__", "")),
            ("config", {name: _plain(config.get(name)) for name in sorted(_THEME_CONFIG)}),
            ("nav", nav), ("templates", str(self.project.templates_dir))]
        package = Path(__file__).resolve().parents[1]
        return global_key(parts, [package, self.project.templates_dir, *theme_dirs])

    def commit_cache(self) -> None:
        """Keep this build's pages for the next one; called once the site is in place."""
        if self.cache is not None:
            self.cache.commit()

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


# MkDocs settings the theme template reads (mkdocs.yml is not hashed as bytes: the content
# path in it comes from the environment, and comments do not change pages).
_THEME_CONFIG = {"site_name", "site_url", "site_description", "site_author", "copyright", "theme",
                 "extra", "extra_css", "extra_javascript", "repo_url", "repo_name", "edit_uri",
                 "markdown_extensions", "mdx_configs", "plugins", "nav", "use_directory_urls", "docs_dir"}


def _plain(value: Any) -> Any:
    """A config value as plain data for hashing: mappings, lists, scalars; objects by type and
    their plain attributes (never a repr with an address, which would differ every build)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    config = getattr(value, "config", None)
    if isinstance(config, Mapping):           # a plugin: its options
        return [type(value).__qualname__, _plain(config)]
    text = str(value)
    return type(value).__qualname__ if " at 0x" in text else [type(value).__qualname__, text]


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


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
