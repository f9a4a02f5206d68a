"""`modelreview check`: run every check and print the diagnostics."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from ..project import Project, check_project
from ..check import format_diagnostics


def run_check(project: Project, paths: list[Path], fmt: str = "text", strict: bool = False,
              today: dt.date | None = None, out: TextIO | None = None) -> int:
    """Exit status: 0 without errors (warnings allowed unless strict), 1 with errors."""
    out = out or sys.stdout
    result = check_project(project, today=today, strict=strict, only=paths or None)
    out.write(format_diagnostics(result.diagnostics, fmt, project.root))
    return 0 if result.ok else 1
