"""The preview's site: MkDocs + Material rendering pages one at a time, when they are asked for.

`modelreview build` renders every page; at 2,500 reviews that is tens of thousands of
pages and minutes of work, so a preview that did the same on each save would be
useless. Here MkDocs' build is run in its documented order of plugin events, but
the per-page part is deferred: `rebuild` sets up config, files, nav and theme (a
second or two), every page starts *stale*, and `prepare` renders a stale page the
moment the server is asked for it. An edit marks only the pages it touches stale.

A background thread renders the remaining stale pages while nobody is waiting,
once after each rebuild, and then runs `on_post_build` so Material's search index
exists; pages made stale by later edits are rendered on request only.

Generated pages are indexed for search as `modelreview build` indexes them: one
compact entry each (`render.search_entries`), from the title, description and
headings kept as each page renders, added to Material's index when the fill ends.
Material's own indexer is told to skip them (`search: exclude`): it would re-parse
every rendered page's HTML, up to two fifths of rendering one, for entries the
build does not write either.

Only public MkDocs API is used (config loading, `get_files`, `File.generated`, `Page`,
`get_navigation`, `get_context`, plugin events). The `modelreview` plugin is used
as is: it is handed the checked project with `use()`, and while it adds its files
its renderer is swapped for one that returns empty sources, because the sources are
rendered here, per page, from the current catalog.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from mkdocs.commands.build import get_context
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from ..catalog import Catalog
from ..project import CheckResult, Project
from ..publish import ModelReviewPlugin
from ..render import data_files, search_entries, SiteRenderer

log = logging.getLogger("mkdocs.modelreview.preview")

IDLE_BEFORE_FILL = 1.0   # seconds without requests or saves before background rendering resumes


class _NoSources:
    """Stands in for the plugin's renderer while it adds files: page list yes, sources later."""

    def __init__(self, renderer: SiteRenderer):
        self.pages = renderer.pages

    def render(self, uri: str) -> str:
        return ""


class MkDocsSite:
    """Rendered pages in `root`, kept current page by page."""

    def __init__(self, project: Project, config_file: Path, root: Path, serve_url: str,
                 fill: bool = True):
        self.project = project
        self.config_file = config_file
        self.root = root
        self.serve_url = serve_url
        self.fill_enabled = fill
        self.lock = threading.RLock()
        self.renders = 0                      # pages rendered so far (for tests and the benchmark)
        self.announce: Callable[[str], None] = log.info   # where news for the terminal goes
        self.filled = threading.Event()       # set when no page is stale after a rebuild
        self._stale: set[str] = set()
        self._stale_templates: set[str] = set()
        self._data_uris: set[str] = set()      # the API, feeds and rows file (`data_files`)
        self._data_stale = False               # the catalog changed since they were written
        self._by_dest: dict[str, File] = {}
        self._doc_files: list[File] = []
        self._last_foreground = time.monotonic()
        self._generation = 0
        self._config: MkDocsConfig | None = None
        self._plugin: ModelReviewPlugin | None = None
        self._renderer: SiteRenderer | None = None
        self._catalog: Catalog | None = None
        self._search_meta: dict[str, dict[str, Any]] = {}   # generated page -> its front matter, as last rendered
        self._search_sections: dict[str, list[str]] = {}   # generated page -> its heading names
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._filler = threading.Thread(target=self._fill_loop, name="preview-fill", daemon=True)
        self._filler.start()

    @property
    def stale(self) -> int:
        return len(self._stale)

    # The session's three calls.

    def rebuild(self, result: CheckResult) -> None:
        """Set up MkDocs from scratch for this checked project; nothing is rendered yet."""
        catalog = result.catalog
        assert catalog is not None
        self._touch()
        with self.lock:
            self._generation += 1
            self.filled.clear()
            os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
            config = load_config(str(self.config_file), site_dir=str(self.root))
            config.site_url = self.serve_url
            plugin = config.plugins.get("modelreview")
            if not isinstance(plugin, ModelReviewPlugin):
                raise RuntimeError(f"{self.config_file} does not enable the modelreview plugin")
            plugin.use(self.project, result)
            config.plugins.on_startup(command="serve", dirty=False)
            config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)
            _empty(self.root)
            files = get_files(config)
            env = config.theme.get_env()
            files.add_files_from_theme(env, config)
            renderer = plugin.renderer
            assert renderer is not None           # `use()` made it
            # A stand-in with the renderer's page list and empty sources: duck-typed, not a SiteRenderer.
            plugin.renderer = _NoSources(renderer)  # type: ignore[assignment]
            try:
                files = config.plugins.on_files(files, config=config)
            finally:
                plugin.renderer = renderer
            set_exclusions(files, config)
            nav = get_navigation(files, config)
            nav = config.plugins.on_nav(nav, config=config, files=files)
            for file in files.documentation_pages():
                if file.page is None:
                    Page(None, file, config)
            env = config.plugins.on_env(env, config=config, files=files)
            if self._theme_is_watched(config):
                env.auto_reload = False    # as for our templates (`_new_renderer`)
            files.copy_static_files()
            self._data_uris, self._data_stale = set(plugin.data_uris), False
            self._config, self._plugin, self._files, self._nav, self._env = config, plugin, files, nav, env
            self._renderer = self._new_renderer(catalog)
            self._catalog = catalog
            self._search_meta, self._search_sections = {}, {}
            self._index_pages()
            self._stale = {f.src_uri for f in self._doc_files}
            self._built_at = time.monotonic()
            self._stale_templates = set(config.theme.static_templates)
            if "404.html" in self._stale_templates:
                self._render_template("404.html")
        self._wake.set()

    def refresh(self, catalog: Catalog, stale: set[str], patched: bool = False) -> None:
        """Switch to a new catalog: add and remove pages as it says, mark `stale` for re-rendering.

        A `patched` catalog has the old one's structure, so the renderer's index is patched
        rather than built again."""
        self._touch()
        with self.lock:
            assert self._config is not None
            previous = self._renderer
            assert previous is not None
            renderer = previous.patched(catalog) if patched else self._new_renderer(catalog)
            came: set[str] = set()
            if renderer.pages is not previous.pages:   # a patched renderer keeps an unchanged page list
                old_pages, new_pages = previous.pages.keys(), renderer.pages.keys()
                came = new_pages - old_pages
                gone = old_pages - new_pages
                removed = [file for uri in gone if (file := self._remove_page(uri)) is not None]
                if removed:   # one pass over MkDocs' page list, not one per page
                    dropped = {id(file) for file in removed}
                    self._doc_files = [f for f in self._doc_files if id(f) not in dropped]
                for uri in sorted(came):
                    self._add_page(uri)
                if came or gone:
                    self._stale_templates.add("sitemap.xml")
            self._renderer, self._catalog = renderer, catalog
            self._data_stale = True   # the API, the feeds and the all-models rows file: written when asked for
            assert self._plugin is not None
            self._plugin.renderer = renderer
            self._stale |= {uri for uri in stale | came if uri in renderer.pages}

    def prepare(self, relative: str) -> None:
        """Render what is served at `relative` (e.g. `models/openai/gpt-4.1/index.html`) if it is stale."""
        self._touch()
        with self.lock:
            if relative in self._stale_templates:
                self._render_template(relative)
                return
            if self._data_stale and relative in self._data_uris:
                self._write_data_files()
                return
            file = self._by_dest.get(relative)
            if file is not None and file.src_uri in self._stale:
                self._render_page(file)

    def hold(self) -> None:
        """A save is coming: the fill starts no page for `IDLE_BEFORE_FILL` seconds, so the save
        and the page it makes stale do not share the interpreter with a background render."""
        self._touch()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        self._filler.join(timeout=10)

    # Rendering.

    def _render_page(self, file: File) -> None:
        """MkDocs' per-page steps (read, Markdown, template), in build order, for one page."""
        config, files, nav = self._config, self._files, self._nav
        assert config is not None and file.page is not None
        generated = self._renderer is not None and file.src_uri in self._renderer.pages
        if generated:
            assert self._renderer is not None
            file.content_string = self._renderer.render(file.src_uri)
        page = config.plugins.on_pre_page(file.page, config=config, files=files)
        page.read_source(config)
        assert page.markdown is not None              # read_source sets it
        if generated:   # indexed from the catalog when the fill ends, as the build does
            page.meta["search"] = {"exclude": True}
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
        assert page.content is not None               # render sets it
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        if generated:
            self._search_meta[file.src_uri] = dict(page.meta)
            self._search_sections[file.src_uri] = _toc_names(page.toc)
        page.active = True
        try:
            context = get_context(nav, self._doc_files, config, page)
            template = self._env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            output = template.render(context)
            output = config.plugins.on_post_page(output, page=page, config=config)
        finally:
            page.active = False
        _write(Path(file.abs_dest_path), output)
        self._stale.discard(file.src_uri)
        self.renders += 1

    def _render_template(self, name: str) -> None:
        """A theme template that is not a page (404.html, sitemap.xml), as MkDocs builds them."""
        config = self._config
        assert config is not None
        self._stale_templates.discard(name)
        template = config.plugins.on_pre_template(self._env.get_template(name), template_name=name, config=config)
        base_url = urlsplit(config.site_url or "/").path if name == "404.html" else "."
        context = get_context(self._nav, self._doc_files, config, base_url=base_url)
        context = config.plugins.on_template_context(context, template_name=name, config=config)
        output = config.plugins.on_post_template(template.render(context), template_name=name, config=config)
        if output.strip():
            _write(self.root / name, output)

    def _fill_loop(self) -> None:
        """Render stale pages while nobody waits; after a rebuild, finish with `on_post_build`."""
        while not self._stopping.is_set():
            self._wake.wait(0.5)
            self._wake.clear()
            while self.fill_enabled and not self._stopping.is_set() and not self.filled.is_set():
                idle = time.monotonic() - self._last_foreground
                if idle < IDLE_BEFORE_FILL:
                    time.sleep(IDLE_BEFORE_FILL - idle)
                    continue
                with self.lock:
                    if self._config is None:
                        break
                    if time.monotonic() - self._last_foreground >= IDLE_BEFORE_FILL:
                        self._fill_one()

    def _fill_one(self) -> None:
        if self._stale:
            uri = min(self._stale, key=self._fill_order)
            file = self._files.get_file_from_path(uri)
            if file is None:
                self._stale.discard(uri)
            else:
                self._render_page(file)
            return
        for name in sorted(self._stale_templates):
            self._render_template(name)
        if self._data_stale:
            self._write_data_files()
        assert self._config is not None
        self._config.plugins.on_post_build(config=self._config)
        self._add_search_entries()
        self.filled.set()
        self.announce(f"every page rendered ({len(self._doc_files)} pages, "
                      f"{time.monotonic() - self._built_at:.0f} s after set-up); search index written")

    def _write_data_files(self) -> None:
        """The data files of the current catalog, as the build writes them; those of a model
        that is gone are removed. All at once: they share the index, and the rows file and
        `api/models.json` list every model."""
        assert self._renderer is not None
        made = data_files(self._renderer.catalog, self._renderer.index, templates_dir=self.project.templates_dir)
        for uri, text in made.items():
            _write(self.root / uri, text)
        for uri in self._data_uris - made.keys():
            (self.root / uri).unlink(missing_ok=True)
        self._data_uris, self._data_stale = set(made), False

    def _add_search_entries(self) -> None:
        """The generated pages' entries, added to the index Material wrote for the hand-written ones."""
        index_file = self.root / "search" / "search_index.json"
        if self._renderer is None or not index_file.exists():
            return
        index = json.loads(index_file.read_text(encoding="utf-8"))
        index["docs"] = index.get("docs", []) + search_entries(
            self._renderer.catalog, self._renderer.pages, self._search_meta, self._search_sections)
        _write(index_file, json.dumps(index, ensure_ascii=False, separators=(",", ":")))

    def _fill_order(self, uri: str) -> tuple[int, str]:
        """Small pages first, so an edit arriving mid-fill rarely waits behind a big listing."""
        return (1 if uri.endswith("index.md") else 0, uri)

    # Book-keeping.

    def _new_renderer(self, catalog: Catalog) -> SiteRenderer:
        """Templates are read once per set-up: a template or theme save sets the site up again
        (the session sees to that), so checking every template's file on every render (Jinja's
        `auto_reload`, some 140 `stat` calls per page) buys nothing."""
        return SiteRenderer(catalog, self.project.templates_dir)

    def _theme_is_watched(self, config: MkDocsConfig) -> bool:
        """Whether a save of the theme's own templates sets the site up again: there is no
        override folder, or it lies in `templates/` (which the preview watches)."""
        custom = config.theme.custom_dir
        return custom is None or Path(custom).resolve().is_relative_to(self.project.templates_dir.resolve())

    def _index_pages(self) -> None:
        self._doc_files = list(self._files.documentation_pages())
        self._by_dest = {f.dest_uri: f for f in self._doc_files}

    def _add_page(self, uri: str) -> None:
        assert self._config is not None
        in_nav = {p.file.src_uri for p in self._nav.pages}
        inclusion = InclusionLevel.INCLUDED if uri in in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(self._config, uri, content="", inclusion=inclusion)
        self._files.append(file)
        Page(None, file, self._config)
        # What `_index_pages` would find: documentation pages in file order, this one last.
        self._doc_files.append(file)
        self._by_dest[file.dest_uri] = file

    def _remove_page(self, uri: str) -> File | None:
        """Forget the page at `uri` and delete its output; the caller drops it from `_doc_files`."""
        file = self._files.get_file_from_path(uri)
        if file is None:
            return None
        self._files.remove(file)
        self._stale.discard(uri)
        self._by_dest.pop(file.dest_uri, None)
        target = Path(file.abs_dest_path)
        target.unlink(missing_ok=True)
        try:
            target.parent.rmdir()
        except OSError:
            pass
        return file

    def _touch(self) -> None:
        self._last_foreground = time.monotonic()


def _toc_names(toc) -> list[str]:
    """Every heading of a page's table of contents, in order (`render.toc_names` of its tokens)."""
    names: list[str] = []
    for link in toc:
        names.append(link.title)
        names.extend(_toc_names(link.children))
    return names


def _write(path: Path, text: str) -> None:
    """Write through a temporary name, so a request never reads half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(text.encode("utf-8", errors="xmlcharrefreplace"))
    os.replace(temporary, path)


def _empty(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
