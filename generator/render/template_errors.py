"""A template that fails to render, as a diagnostic at its own file and line.

Templates are project files that site owners edit (`templates/`, and the theme
override in `templates/theme/`), so a mistake in one is bad input like a review's,
not a crash: `build` and the preview name the template line and the page being
rendered instead of printing Jinja's traceback.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

import jinja2

from ..base import Diagnostic, error
from ..load import display_path


class PageTemplateError(Exception):
    """A template failed while rendering page `uri`; `problem` is Jinja's error."""

    def __init__(self, problem: jinja2.TemplateError, uri: str):
        super().__init__(f"{uri}: {problem}")
        self.problem, self.uri = problem, uri


def as_diagnostic(failure: BaseException, root: Path) -> Diagnostic | None:
    """The diagnostic for a template failure (ours or MkDocs' own rendering); None for anything else."""
    if isinstance(failure, PageTemplateError):
        return template_diagnostic(failure.problem, root, failure.uri)
    if isinstance(failure, jinja2.TemplateError):
        return template_diagnostic(failure, root)
    return None


def template_diagnostic(problem: jinja2.TemplateError, root: Path, page: str = "") -> Diagnostic:
    """Where in which template `problem` happened (the innermost template frame), and what it was."""
    file, line = _where(problem)
    shown = display_path(Path(file), root) if file else "templates/"
    rendering = f" while rendering {page}" if page else ""
    message = f"the template failed{rendering}: {problem.message or type(problem).__name__}"
    return error(shown, line, 1 if line else 0, "template-error", message, _hint(problem))


def _where(problem: jinja2.TemplateError) -> tuple[str, int]:
    if isinstance(problem, jinja2.TemplateSyntaxError):
        return problem.filename or "", problem.lineno or 0
    found = ("", 0)
    trace: TracebackType | None = problem.__traceback__
    while trace is not None:
        name = trace.tb_frame.f_code.co_filename
        if name.endswith((".html", ".md", ".xml", ".j2")) and Path(name).is_file():
            found = (name, trace.tb_lineno)     # Jinja maps its frames to template lines
        trace = trace.tb_next
    return found


def _hint(problem: jinja2.TemplateError) -> str:
    if isinstance(problem, jinja2.UndefinedError):
        return ("the template uses a name or field it is not given (its first comment lists what it gets); "
                "templates from another modelreview version can expect other names")
    if isinstance(problem, jinja2.TemplateSyntaxError):
        return "fix the {{ }} or {% %} tag on this line"
    if isinstance(problem, jinja2.TemplateNotFound):
        return "the template is missing from templates/"
    return ""
