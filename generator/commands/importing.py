"""`modelreview import FORMAT FILE`: create reviews from a public model catalog."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from ..authoring import CatalogError, explain, import_catalog, ImportReport, ImportSetupError
from ..load import display_path
from ..project import Project

LIST_LIMIT = 25   # beyond this many created files, print the count only


def run_import(project: Project, fmt: str, file: Path, provider: str | None, models: list[str], all_: bool,
               into: Path | None, today: dt.date | None = None, out: TextIO | None = None) -> int:
    """Exit 0 when the import ran (skipped entries are reported, not fatal), 1 when it
    could not run or a requested --model is not in the file, 2 without a selection."""
    out = out or sys.stdout
    try:
        report = import_catalog(project, fmt, file, provider, models, all_, into, today)
    except ImportSetupError as exc:
        print(f"error: {exc}", file=out)
        return 2 if "say which models" in str(exc) else 1
    except CatalogError as exc:
        print(f"error: {exc}", file=out)
        return 1
    out.write(format_report(report, project.root))
    return 1 if report.not_found else 0


def run_explain(project: Project, fmt: str, file: Path, wanted: str, out: TextIO | None = None) -> int:
    """`import FORMAT FILE --explain ID`: print how ID was resolved; writes nothing. 1 if not found."""
    out = out or sys.stdout
    try:
        lines = explain(project, fmt, file, wanted)
    except (ImportSetupError, CatalogError) as exc:
        print(f"error: {exc}", file=out)
        return 1
    if not lines:
        print(f"error: '{wanted}' is not a chat listing in {file}", file=out)
        return 1
    out.write("\n".join(lines) + "\n")
    return 0


def format_report(report: ImportReport, root: Path) -> str:
    read = report.read
    lines = [f"{read.source.title} (as of {read.source.as_of}): {read.entries:,} entries, "
             f"{len(read.records):,} chat listings, {sum(read.not_chat.values()):,} not chat"
             + (f" ({_kinds(read.not_chat)})" if read.not_chat else "")]
    if len(report.created) <= LIST_LIMIT:
        lines += [f"created {display_path(p, root)}" for p in report.created]
    lines += [f"exists  {display_path(p, root)}: {why}" for p, why in report.existing]
    lines += [f"skipped {s.key}: {s.reason}" for s in report.skipped]
    lines += [f"unknown {d.key}: {d.reason}" for d in report.doubts]
    lines += [f"error: '{m}' is not a chat model in {read.source.title}" for m in report.not_found]
    lines.append(f"{len(report.created):,} reviews written to {display_path(report.into, root)}, "
                 f"{len(report.skipped):,} entries skipped, {len(report.existing):,} already there"
                 + (f", {report.renamed:,} renamed to keep names unique" if report.renamed else "")
                 + f" ({report.seconds:.2f} s)")
    return "\n".join(lines) + "\n"


def _kinds(counts) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


