"""`modelreview sync FORMAT FILE [--dry-run]`: update existing reviews from a catalog.

The unified diff of every change goes to stdout (so `--dry-run` against matching
data prints nothing); notes and the summary go to stderr.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from ..authoring import apply_sync, CatalogError, plan_sync, SyncSetupError
from ..project import Project


def run_sync(project: Project, fmt: str, file: Path, dry_run: bool, today: dt.date | None = None,
             out: TextIO | None = None, err: TextIO | None = None, retire_missing: bool = False) -> int:
    """Exit 0 when every planned change was written (or shown, with --dry-run); 1 when the
    catalog cannot be read or a file changed on disk during the sync and was left alone."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        plan = plan_sync(project, fmt, file, today, retire_missing)
    except (CatalogError, SyncSetupError) as exc:
        print(f"error: {exc}", file=err)
        return 1
    out.write(plan.diff())
    for note in plan.notes:
        print(f"note: {note}", file=err)
    conflicts = [] if dry_run else apply_sync(plan)
    for display in conflicts:
        print(f"error: {display} changed on disk during the sync; left alone, run sync again", file=err)
    verb = "would change" if dry_run else "changed"
    written = len(plan.changes) - len(conflicts)
    count = len(plan.changes) if dry_run else written
    print(f"{plan.source.title} (as of {plan.source.as_of}): {_plural(plan.reviews, 'review')} checked, "
          f"{verb} {count}", file=err)
    return 1 if conflicts else 0


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
