"""`modelreview build`: check, then build the site atomically; print problems as `check` does."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TextIO

from ..publish import build_site
from ..project import Project
from ..check import format_diagnostics


def run_build(project: Project, site_dir: Path | None, strict: bool, out: TextIO | None = None,
              cache: bool = True) -> int:
    """Exit status 0 when the site was built and swapped in, 1 otherwise (the old site untouched)."""
    out = out or sys.stdout
    logger = logging.getLogger("mkdocs")
    handler, propagate = _show_mkdocs_warnings(out), logger.propagate
    logger.propagate = False
    try:
        result = build_site(project, site_dir, strict, cache=cache)
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    if result.diagnostics:
        out.write(format_diagnostics(result.diagnostics, "text", project.root))
    if not result.ok:
        reason = result.error or "the content has errors"
        out.write(f"build failed: {reason}; {result.site_dir} was left unchanged\n")
        return 1
    if result.up_to_date:
        out.write(f"{result.site_dir} is up to date: nothing changed since it was built\n")
        return 0
    counts = result.pages
    ignored = f"; the build cache was not used: {result.cache_ignored}" if result.cache_ignored else ""
    done = f" ({counts.get('rendered', 0):,} pages rendered, {counts.get('reused', 0):,} reused from the cache{ignored})" \
        if counts else ""
    out.write(f"built {result.site_dir}{done}\n")
    return 0


def _show_mkdocs_warnings(out: TextIO) -> logging.Handler:
    """MkDocs reports broken links and theme problems as log warnings; show them, not its INFO chatter."""
    handler = logging.StreamHandler(out)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    return handler
