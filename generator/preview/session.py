"""The preview's state machine: content in memory, the last good catalog, what to show.

A save arrives as a set of paths. Content files are re-read one by one (the rest
of `content/` stays in memory), the project is checked with `check_loaded` (the
same function `check` and `build` end in), and then either

* there are errors: the terminal prints them as `check` does, every served page
  gets an error box with the same lines, and the site keeps showing the last
  catalog that had none; or
* there are none: the catalog is rebuilt in memory, only the pages the edit
  touches are marked stale (the site re-renders a stale page when it is next
  requested), and the version moves on so open browsers reload.

The catalog checks (numbers in prose against the data) need the resolved catalog
and take over a second on a big site, so they run after the edit is shown, in a
forked child (`isolate`) so they do not slow the next save down; what they find is
added to the terminal and the error box when they finish (a newer save kills an
older run). Until then the box keeps their previous findings for the files not
just saved. The child is forked only once the preview has been quiet for
`CHECKS_AFTER_QUIET` (no save, no request): forking a big heap stops every thread,
and the child's second of work on a two-core machine would otherwise compete with
rendering the very page the editor is waiting for.

A change to `site_config/`, `templates/`, `mkdocs.yml` or the docs folder starts the
site over, since it can change every page. Nothing here raises for a content mistake.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Callable, Protocol, TextIO

from ..catalog import build_catalog, Catalog, update_catalog
from ..load import display_path, load_site_config, SiteConfig
from ..base import Diagnostic, sort_diagnostics, summarize
from ..project import CheckResult, Project, check_loaded, current_date, paused_gc, run_catalog_checks
from ..render import (as_diagnostic, compare_uris, ModelPages, page_problems, page_uri, pages_affected_by, pair_uri,
                      review_uri, structural_changes)
from ..check import CheckMemo, file_lines, format_text
from .content import Changed, ContentStore
from .incremental import patch_catalog
from .inject import headline
from .isolate import Cancelled, ChildRun


CHECKS_AFTER_QUIET = 0.25   # seconds without saves or requests before the catalog checks start


class Pages(Protocol):
    """The rendered site the server reads from (see `generator.preview.site`)."""

    root: Path

    def rebuild(self, result: CheckResult) -> None:
        """Start over from this checked project (its catalog is not None): every page is stale."""

    def refresh(self, catalog: Catalog, stale: set[str], patched: bool = False) -> None:
        """Switch to this catalog; the pages `stale` (src URIs) must be rendered again.
        `patched`: the catalog has the previous one's structure (`patch_catalog` made it)."""

    def prepare(self, relative: str) -> None:
        """Render the page served at `relative` now if it is stale."""

    def hold(self) -> None:
        """A save is being taken in: background rendering starts no page until it is done."""


class PreviewSession:
    def __init__(self, project: Project, pages: Pages, watched_files: list[Path] | None = None,
                 out: TextIO | None = None, today: Callable[[], dt.date] = current_date,
                 tune_gc: bool = False):
        """`tune_gc=True` (for the `serve` process, not for tests) freezes the heap after each
        full set-up, so garbage collections during edits skip the long-lived objects."""
        self.project = project
        self.tune_gc = tune_gc
        self.pages = pages
        self.out = out or sys.stderr
        self.today = today
        self.store = ContentStore(project.content_dir, project.root)
        self.config: SiteConfig | None = None
        self.config_diagnostics: list[Diagnostic] = []
        self.catalog: Catalog | None = None
        self._model_pages: ModelPages | None = None        # which pages show each model, for the current catalog
        self._rebuild_paths = {p.resolve() for p in (watched_files or [])}
        self._rebuild_pending = False                 # a set-up was due but the content had errors
        self._diagnostics: list[Diagnostic] = []
        self._checked: list[Diagnostic] = []          # what check_loaded found for the current catalog
        self._catalog_found: list[Diagnostic] = []    # what the catalog checks found last time
        self._template_found: list[Diagnostic] = []   # templates that failed to render since the last save
        self._version = 1
        self._generation = 0                          # moves on with every save; stale check runs are dropped
        self._changed = threading.Condition()
        self._lock = threading.RLock()                # one save or one page render at a time
        self._job: tuple[int, Catalog] | None = None
        self._run: ChildRun | None = None
        self._job_ready = threading.Condition()
        self._last_activity = time.monotonic()      # the last save or page request
        self.checks_idle = threading.Event()          # set while no catalog check is queued or running
        self.checks_idle.set()
        self._stopping = False
        self._check_memo = CheckMemo()                # each review's rule findings, reused while it is unchanged
        self._checker = threading.Thread(target=self._catalog_check_loop, name="preview-checks", daemon=True)
        self._checker.start()

    def stop(self, timeout: float = 10) -> None:
        """End the catalog-check thread and any forked check it is waiting on.

        `serve` calls this on Ctrl-C; without it a check in flight would outlive the
        server as an orphaned child process."""
        with self._job_ready:
            self._stopping = True
            self._job_ready.notify_all()
        self._cancel_catalog_checks()
        self._checker.join(timeout)

    # What the server reads.

    @property
    def root(self) -> Path:
        return self.pages.root

    @property
    def version(self) -> int:
        return self._version

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self._diagnostics

    def status(self) -> dict[str, object]:
        """What `/_preview/status` answers: version, error lines, background work left."""
        return {"version": self._version,
                "errors": [headline(d) for d in self._diagnostics if d.is_error],
                "catalog_checks": "idle" if self.checks_idle.is_set() else "running",
                "stale_pages": getattr(self.pages, "stale", None)}

    def wait_for_change(self, since: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self._version > since, timeout)
            return self._version

    def prepare(self, relative: str) -> None:
        """Render a stale page before it is served; if that fails it keeps its last version.

        Content cannot make a page fail: bindings are resolved, or reported, before
        anything renders. A broken template is a `template-error` in the terminal and the
        error box; anything else is a bug in our code, printed with its traceback. Either
        way the server keeps serving."""
        self._last_activity = time.monotonic()
        with self._lock:
            try:
                self.pages.prepare(relative)
            except Exception as problem:
                failed_template = as_diagnostic(problem, self.project.root)
                if failed_template is not None:
                    self._take_template_failure(relative, failed_template)
                else:
                    self.say(f"error: rendering {relative} failed:\n{traceback.format_exc()}")

    # What the watcher drives.

    def start(self) -> None:
        """Load and check everything, then set up the site (if the content allows one)."""
        started = time.perf_counter()
        with self._lock:
            self._load_config()
            self.store.load_all()
            self._check_and_show(set(), started, rebuild=True)

    def apply(self, paths: set[Path]) -> None:
        """Take in one batch of saved (created, deleted, moved) paths."""
        started = time.perf_counter()
        self._last_activity = time.monotonic()
        self.pages.hold()   # a background render would share the interpreter with this save
        with self._lock:
            try:
                rebuild = self._rebuild_pending or any(self._needs_rebuild(p) for p in paths)
                if any(_under(p, self.project.config_dir) for p in paths):
                    self._load_config()
                changed = self.store.update(paths)
                if changed or rebuild:
                    with paused_gc():  # a save builds many short-lived objects and no cycles
                        self._check_and_show(self._displays(paths), started, rebuild, changed)
            except Exception:  # a bug in our code: say so, keep serving the last good site
                self.say(f"error: the preview failed to take in the change:\n{traceback.format_exc()}")

    # Steps.

    def _load_config(self) -> None:
        self.config, self.config_diagnostics = load_site_config(self.project.config_dir, self.project.root)

    def _check_and_show(self, saved: set[str], started: float, rebuild: bool,
                        changed: Changed | None = None) -> None:
        self._generation += 1
        self._template_found = []   # a save may have fixed the template; rendering will say if not
        self._cancel_catalog_checks()
        previous, made = self.catalog, "built"

        def resolve(content, config) -> Catalog:
            """The cheapest catalog that equals `build_catalog`'s: patched (structure unchanged),
            updated (`update_catalog`: a few reviews re-derived), or built from scratch."""
            nonlocal made
            if previous is not None and not rebuild:
                catalog = patch_catalog(previous, content, changed) if changed is not None else None
                if catalog is not None:
                    made = "patched"
                    return catalog
                catalog = update_catalog(previous, content, config)
                if catalog is not None:
                    made = "updated"
                    return catalog
            return build_catalog(content, config)

        result = check_loaded(self.project, self.config, self.config_diagnostics, self.store.content(),
                              self.today(), catalog_checks=False, resolve=resolve, memo=self._check_memo,
                              previous=previous)
        if result.catalog is not None:  # what the plugin refuses to build, reported like any error
            result.diagnostics = result.diagnostics + page_problems(result.catalog)
        before = self._diagnostics
        if result.catalog is None or not result.ok:
            # A template or config save must still set the site up once the errors are fixed.
            self._rebuild_pending = rebuild and self.catalog is not None
            self._report_errors(result.diagnostics, before, started)
            self._publish(result.diagnostics)
            return
        self._rebuild_pending = False
        old = self.catalog
        if rebuild or old is None:
            if self.tune_gc:
                gc.unfreeze()
            # The session reports diagnostics itself; the plugin need not log them again.
            self.pages.rebuild(CheckResult(result.content, result.config, [], result.catalog))
            self._model_pages = ModelPages(result.catalog)   # one scan here, so that edits need none
            what = "site set up"
            if self.tune_gc:  # the big, long-lived part of the heap stops costing each collection
                gc.collect()
                gc.freeze()
        else:
            shown_before = self._model_pages if self._model_pages is not None else ModelPages(old)
            self._model_pages = shown_before.for_catalog(result.catalog)
            stale = affected_pages(old, result.catalog, changed or Changed(),
                                   structural=_STRUCTURAL[made], shown=(shown_before, self._model_pages))
            self.pages.refresh(result.catalog, stale, made != "built")
            what = f"{len(stale)} pages to re-render"
        self.catalog = result.catalog
        self._checked = result.diagnostics
        self._catalog_found = [d for d in self._catalog_found if d.file not in saved]
        now = self._checked + self._catalog_found
        if any(d.is_error for d in before) and not any(d.is_error for d in now):
            self.say("fixed: no errors left")
        mine = [d for d in result.diagnostics if d.file in saved]
        if mine:
            self._show(mine)
        self.say(f"{', '.join(sorted(saved)) or 'project'}: {what} ({time.perf_counter() - started:.2f} s)")
        self._publish(now)
        self._queue_catalog_checks(result.catalog)

    def _queue_catalog_checks(self, catalog: Catalog) -> None:
        with self._job_ready:
            self._job = (self._generation, catalog)
            self.checks_idle.clear()
            self._job_ready.notify_all()

    def _cancel_catalog_checks(self) -> None:
        """A save makes a running check's answer useless: stop it rather than let it compete."""
        run = self._run
        if run is not None:
            run.cancel()

    def _catalog_check_loop(self) -> None:
        while True:
            with self._job_ready:
                self._job_ready.wait_for(lambda: self._job is not None or self._stopping)
                while not self._stopping:   # the edit is shown first (see the module docstring)
                    quiet = time.monotonic() - self._last_activity
                    if quiet >= CHECKS_AFTER_QUIET:
                        break
                    self._job_ready.wait(CHECKS_AFTER_QUIET - quiet)
                if self._stopping or self._job is None:
                    self.checks_idle.set()
                    return
                generation, catalog = self._job
                self._job = None
                self._run = ChildRun(run_catalog_checks, catalog)
            started = time.perf_counter()
            found: list[Diagnostic] | None = None
            try:
                found = self._run.result() if not self._stopping else None
            except Cancelled:
                pass
            except Exception as problem:
                self.say(f"error: the catalog checks failed:\n{problem}")
            with self._lock:
                self._run = None
                if found is not None and generation == self._generation:
                    self._take_catalog_findings(found, started)
                with self._job_ready:
                    if self._job is None:
                        self.checks_idle.set()

    def _take_template_failure(self, relative: str, found: Diagnostic) -> None:
        """Say it once and put it in the error box; a reload that fails the same way changes nothing,
        so the box's live reload cannot loop."""
        if _shown([found])[0] in _shown(self._diagnostics):
            return
        self._show([found])
        self.say(f"{relative}: not rendered; the page keeps its last version if it had one")
        self._template_found = [found]
        self._publish(self._checked + self._catalog_found + self._template_found)

    def _take_catalog_findings(self, found: list[Diagnostic], started: float) -> None:
        before = self._diagnostics
        self._catalog_found = found
        now = self._checked + found + self._template_found
        if _shown(now) == _shown(before):
            return
        errors = [d for d in found if d.is_error]
        if errors:
            self._show(errors)
            self.say(f"{summarize(errors)} found by the catalog checks "
                      f"({time.perf_counter() - started:.2f} s)")
        elif any(d.is_error for d in before):
            self.say("fixed: no errors left")
        self._publish(now)

    def _publish(self, diagnostics: list[Diagnostic]) -> None:
        with self._changed:
            self._diagnostics = diagnostics
            self._version += 1
            self._changed.notify_all()

    def _report_errors(self, diagnostics: list[Diagnostic], before: list[Diagnostic], started: float) -> None:
        errors = sort_diagnostics(d for d in diagnostics if d.is_error)
        if _shown(errors) != _shown([d for d in before if d.is_error]):
            self._show(errors)
        self.say(f"{summarize(errors)}: the preview keeps showing the last version without errors "
                  f"({time.perf_counter() - started:.2f} s)")

    def _needs_rebuild(self, path: Path) -> bool:
        project = self.project
        return (path in self._rebuild_paths or _under(path, project.config_dir)
                or _under(path, project.templates_dir)
                or any(_under(path, p) for p in self._rebuild_paths if p.is_dir()))

    def _displays(self, paths: set[Path]) -> set[str]:
        return {display_path(path, self.project.root) for path in paths}

    def say(self, text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=self.out, flush=True)

    def _show(self, diagnostics: list[Diagnostic]) -> None:
        """Diagnostics exactly as `modelreview check` prints them (source line, caret, hint)."""
        print(format_text(diagnostics, file_lines(self.project.root)).rstrip(), file=self.out, flush=True)


# How `affected_pages` looks for re-linked pages, by how the new catalog was made.
_STRUCTURAL: dict[str, bool | str] = {"built": True, "patched": False, "updated": "same-reviews"}


def affected_pages(old: Catalog, new: Catalog, changed: Changed, structural: bool | str = True,
                   shown: tuple[ModelPages, ModelPages] | None = None) -> set[str]:
    """Every page whose content may differ between the two catalogs after these saves.

    `shown` holds `ModelPages` of the old and of the new catalog, so that finding the
    pages that show a saved model does not scan them all.

    `structural=False` skips looking for added, removed and re-linked pages, for a
    catalog `patch_catalog` made (it has none by construction); `"same-reviews"`, for one
    `update_catalog` made, compares only the models and pairs it replaced (it reuses the
    objects of everything else) and lists pages only when reviews came or went."""
    if structural == "same-reviews" and list(old.models) == list(new.models):
        stale = _relinked(old, new)
    else:
        stale = structural_changes(old, new) if structural else set()
    before, after = shown if shown is not None else (None, None)
    for key in changed.reviews:
        stale |= pages_affected_by(old, key, before) | pages_affected_by(new, key, after)
    for slug in changed.comparisons:
        for catalog in (old, new):
            for pair in catalog.pairs.values():
                if pair.editorial is not None and pair.editorial.slug == slug:
                    stale |= {pair_uri(pair.slug), review_uri(pair.a), review_uri(pair.b), *compare_uris(catalog)}
    stale |= {page_uri(slug) for slug in changed.pages}
    return stale


def _relinked(old: Catalog, new: Catalog) -> set[str]:
    """`structural_changes` for two catalogs of the same reviews where `new` reuses every model
    and pair object it did not change: review pages whose peer, pair or sibling lists differ,
    and comparison pages that came, went or changed (the site adds and removes the pages)."""
    stale: set[str] = set()
    for key, model in new.models.items():
        before = old.models[key]
        if before is not model and (before.peers, before.pairs, before.same_provider) != (
                model.peers, model.pairs, model.same_provider):
            stale.add(review_uri(key))
    if new.pairs is not old.pairs:
        stale |= {pair_uri(slug) for slug in old.pairs.keys() ^ new.pairs.keys()}
        stale |= {pair_uri(slug) for slug, pair in new.pairs.items()
                  if slug in old.pairs and old.pairs[slug] is not pair}
    return stale


def _shown(diagnostics: list[Diagnostic]) -> list[tuple]:
    """Everything a reader sees of the diagnostics (Diagnostic equality looks at the position only)."""
    return sorted((d.file, d.line, d.column, d.severity.value, d.code, d.message, d.hint) for d in diagnostics)


def _under(path: Path, folder: Path) -> bool:
    folder = folder.resolve()
    return path == folder or folder in path.parents
