"""Publish stage: check, build with MkDocs into a staging folder, then swap it in.

A build never writes into the live `site/`: MkDocs builds into `.site-build-XXXX`
next to it, and only a finished build replaces it, by one `renameat2(RENAME_EXCHANGE)`
where the kernel has it (Linux), else by two renames. A build that fails at any
point (content errors, a template error, a strict-mode warning) deletes its staging
folder and leaves the previous site exactly as it was.

Output is deterministic: pages come from sorted catalog data, page dates (and so
the sitemap and its gzip header) come from the content, never from the clock.

A build whose inputs are all the same as the last successful one's, into the same site
folder left untouched, does nothing (`up_to_date`) and reports that build's diagnostics.
Generated pages are written by the plugin itself, reused from the build cache
(`page_cache`, under `.cache/modelreview/`) when nothing they are made of changed;
`cache=False` (`build --no-cache`) renders every page and leaves the cache alone. The
cache is updated only after the new site is in place.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import datetime as dt
import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..base import Diagnostic
from ..project import Project, check_project, current_date
from ..render import as_diagnostic
from .page_cache import cache_folder
from .up_to_date import forget_build, inputs_digest, last_build, record_build


_BACKGROUND_DELETE = 1000   # generated pages from which the old site is deleted in the background


@dataclass
class BuildResult:
    ok: bool
    site_dir: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str = ""            # why MkDocs stopped, when it was not the content check
    pages: dict[str, int] = field(default_factory=dict)   # generated pages "reused" and "rendered"
    up_to_date: bool = False   # nothing changed since the last build of this site: nothing was done
    cache_ignored: str = ""    # why the build cache found was not used (another version's, damaged)


def build_site(project: Project, site_dir: Path | None = None, strict: bool = False,
               today: dt.date | None = None, config_file: Path | None = None,
               cache: bool = True) -> BuildResult:
    """Check the project, then build it into `site_dir` (default: mkdocs.yml's `site_dir`)."""
    config_file = config_file or project.root / "mkdocs.yml"
    target = _target(config_file, site_dir)
    folder = cache_folder(project.root, project.content_dir)
    inputs = inputs_digest(project, config_file, target, strict, today or current_date()) if cache else ""
    if cache:
        last = last_build(folder, inputs, target)
        if last is not None:
            return BuildResult(True, target, last, up_to_date=True)
    result = check_project(project, today=today, strict=strict)
    if not result.ok:
        return BuildResult(False, target, result.diagnostics)
    target.parent.mkdir(parents=True, exist_ok=True)
    spare = _spare(folder, target) if cache else None
    staging = _staging(target, spare)
    try:
        staging.chmod(0o755)
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        plugin = config.plugins["modelreview"]
        plugin.use(project, result, finish=True, cache_folder=folder if cache else None)  # type: ignore[attr-defined]
        with _quiet_dirty_warning():
            mkdocs_build(config, dirty=True)   # dirty: the page loop skips finished pages (plugin)
        pages = dict(plugin.stats)  # type: ignore[attr-defined]
        ignored = plugin.cache.ignored if plugin.cache is not None else ""  # type: ignore[attr-defined]
        forget_build(folder)
        _drop_empty_folders(staging)
        swap_into_place(staging, target, background=sum(pages.values()) >= _BACKGROUND_DELETE, spare=spare)
        plugin.commit_cache()  # type: ignore[attr-defined]
        if cache:
            record_build(folder, inputs, target, result.diagnostics)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        return BuildResult(False, target, result.diagnostics, str(exc) or type(exc).__name__)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        found = as_diagnostic(exc, project.root)
        if found is None:
            raise
        return BuildResult(False, target, result.diagnostics + [found], "a template failed")
    return BuildResult(True, target, result.diagnostics, pages=pages, cache_ignored=ignored)


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave stale files.

    The build is "dirty" only so MkDocs' page loop skips the pages the plugin wrote;
    it always runs into a staging folder with no file in it (a new one, or the last
    build's spare tree emptied of its files), so nothing can be stale (and in --strict
    mode the warning would otherwise fail every build).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


@contextlib.contextmanager
def _quiet_dirty_warning() -> Iterator[None]:
    logger = logging.getLogger("mkdocs.commands.build")
    rule = _DirtyWarning()
    logger.addFilter(rule)
    try:
        yield
    finally:
        logger.removeFilter(rule)


def _target(config_file: Path, site_dir: Path | None) -> Path:
    if site_dir is not None:
        return site_dir.resolve()
    return (config_file.parent / _configured_site_dir(config_file)).resolve()


def _configured_site_dir(config_file: Path) -> str:
    """mkdocs.yml's `site_dir` without loading plugins (default "site")."""
    try:
        return str(load_config(str(config_file)).site_dir)
    except MkDocsException:
        return "site"


def swap_into_place(staging: Path, target: Path, background: bool = False, spare: Path | None = None) -> None:
    """Make `staging` the folder at `target`; the old `target` (if any) becomes `spare`, the
    next build's staging folder (see `_staging`), or is deleted.

    With `background`, the old tree is deleted by a detached `rm -rf` after the swap: on a
    file system mounted with `discard`, deleting a catalog-size site (thousands of folders)
    takes longer than building it, and the new site is already in place.
    """
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        _keep_or_delete(staging, spare, background)     # staging now holds the previous site
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    os.rename(target, old / target.name)
    os.rename(staging, target)
    if spare is not None and _kept(old / target.name, spare):
        old.rmdir()
        return
    _delete(old, background)


def _spare(folder: Path, target: Path) -> Path:
    """Where the site a build replaced waits for the next build of `target` (in the build cache)."""
    tag = hashlib.blake2b(str(target).encode(), digest_size=6).hexdigest()
    return folder / f"spare-site-{tag}"


def _staging(target: Path, spare: Path | None) -> Path:
    """A new folder beside `target` to build into: the spare tree of the last build, emptied of
    its files, where there is one. Its folders are kept: on this machine's disk, making a
    catalog site's 6,000 folders took 2-3 s of system time, more than the rest of a warm build;
    emptying them of files takes a tenth of that. The live site is never touched before the swap."""
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    if spare is None:
        return staging
    try:
        os.rename(spare, staging)       # claims it: a second build at the same time gets none
    except OSError:                     # none, or on another file system
        return staging
    _empty_of_files(staging)
    return staging


def _empty_of_files(tree: Path) -> None:
    for top, folders, names in os.walk(tree):
        for name in names:
            os.unlink(os.path.join(top, name))
        for name in [f for f in folders if os.path.islink(os.path.join(top, f))]:
            os.unlink(os.path.join(top, name))
            folders.remove(name)


def _drop_empty_folders(tree: Path) -> None:
    """Folders the spare tree had that this build wrote nothing into (a page that is gone)."""
    for top, folders, names in os.walk(tree, topdown=False):
        if not names and top != str(tree) and not os.listdir(top):
            os.rmdir(top)


def _keep_or_delete(old: Path, spare: Path | None, background: bool) -> None:
    if spare is None or not _kept(old, spare):
        _delete(old, background)


def _kept(old: Path, spare: Path) -> bool:
    try:
        spare.parent.mkdir(parents=True, exist_ok=True)
        os.rename(old, spare)
        return True
    except OSError:
        return False


def _delete(tree: Path, background: bool) -> None:
    if background and shutil.which("rm"):
        try:
            subprocess.Popen(["rm", "-rf", "--", str(tree)], start_new_session=True,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return
        except OSError:
            pass
    shutil.rmtree(tree, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with renameat2(2); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    status = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return status == 0
