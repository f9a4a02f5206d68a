"""Diagnostics: every content problem the tool can report, as a value with a position.

Stages never raise for a mistake in content; they return `Diagnostic`s and carry on,
so one run shows the editor every problem in every file. Only the CLI decides what
an error means for the exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from .codes import Code, Severity


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place. `line` and `column` are 1-based; 0 means "whole file".

    Two diagnostics are equal only when every field is: an error and a warning at the
    same place are different problems. `reference` carries a bare model id a schema
    error was about, so the loader can name the review that has it once every file
    is known, without reading the message back.
    """

    file: str
    line: int
    column: int
    severity: Severity
    code: Code
    message: str
    hint: str = ""
    reference: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_dict(self) -> dict[str, object]:
        """The JSON shape promised by `check --format json`."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code.value,
            "message": self.message if not self.hint else f"{self.message} ({self.hint})",
        }


def error(file: str | Path, line: int, column: int, code: Code | str, message: str, hint: str = "",
          reference: str = "") -> Diagnostic:
    """An error; a code given as text must be one of `Code` (an unknown one is a bug and raises)."""
    return Diagnostic(str(file), line, column, Severity.ERROR, Code.of(code), message, hint, reference)


def warning(file: str | Path, line: int, column: int, code: Code | str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(str(file), line, column, Severity.WARNING, Code.of(code), message, hint)


def count_errors(diagnostics: Iterable[Diagnostic]) -> int:
    return sum(1 for d in diagnostics if d.is_error)


def escalate(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """`--strict`: every warning becomes an error, as in `mkdocs build --strict`."""
    return [replace(d, severity=Severity.ERROR) for d in diagnostics]


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """File, then line, then column: the order an editor fixes them in."""
    return sorted(diagnostics, key=lambda d: (d.file, d.line, d.column, d.code, d.message))


def summarize(diagnostics: Iterable[Diagnostic]) -> str:
    """The closing line, e.g. "3 errors in 2 files" or "2 warnings in 1 file"."""
    items = list(diagnostics)
    errors = [d for d in items if d.is_error]
    warnings = [d for d in items if not d.is_error]
    if not items:
        return "no problems found"
    parts = []
    if errors:
        parts.append(_plural(len(errors), "error"))
    if warnings:
        parts.append(_plural(len(warnings), "warning"))
    files = len({d.file for d in items})
    return f"{' and '.join(parts)} in {_plural(files, 'file')}"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
