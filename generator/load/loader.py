"""Load stage: files under `content/` become typed records with source positions.

Nothing after this stage reads a content file again. A file that cannot be
loaded yields diagnostics and no record; the other files load regardless.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from ..base import Diagnostic, error, map_ranges
from .frontmatter import SplitFile, decode, split_front_matter
from .safety import case_clashes, check_size, linked_folders, read_checked
from .schema import Comparison, Page, Review
from .validate import validate
from .yamlpos import ParsedYaml, Positions, parse_yaml

M = TypeVar("M", bound=BaseModel)
SLUG = re.compile(r"[a-z0-9][a-z0-9._-]*")


@dataclass(frozen=True)
class Document(Generic[M]):
    """One content file after loading: its validated front matter and its body."""

    path: Path              # as found on disk
    display: str            # how diagnostics name it (relative to the project root)
    meta: M
    positions: Positions
    body: str
    body_first_line: int


@dataclass(frozen=True)
class ReviewRecord(Document[Review]):
    provider: str = ""
    model_id: str = ""

    @cached_property
    def key(self) -> str:
        """`provider/model-id`: the identity every reference uses (read ~40 times per model per build)."""
        return f"{self.provider}/{self.model_id}"


@dataclass(frozen=True)
class ComparisonRecord(Document[Comparison]):
    slug: str = ""


@dataclass(frozen=True)
class PageRecord(Document[Page]):
    slug: str = ""


@dataclass
class Content:
    """Everything under `content/` that loaded, plus what did not."""

    reviews: list[ReviewRecord] = field(default_factory=list)
    comparisons: list[ComparisonRecord] = field(default_factory=list)
    pages: list[PageRecord] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Reviews whose file exists but did not load, by key: other files' references to them
    # are not errors of their own (the broken file already has one).
    unloaded: dict[str, str] = field(default_factory=dict)


def load_content(content_dir: Path, project_root: Path | None = None) -> Content:
    """Load every review, comparison and page below `content_dir`."""
    root = project_root or content_dir.parent
    content = Content()
    paths = [p for p in _files_below(content_dir / "models") if not is_ignored(p)]
    # Hostile files: folder links out of the project, and names differing only in case.
    content.diagnostics += linked_folders(content_dir, root)
    others = [*sorted((content_dir / "comparisons").glob("*.md")), *sorted((content_dir / "pages").glob("*.md"))]
    clashing, found = case_clashes(paths + others, root)
    content.diagnostics += found
    paths = [p for p in paths if p not in clashing]
    # Parsing YAML is most of the work and needs no other file, so large catalogs parse
    # on every core; validation builds pydantic objects, which are slow to send back.
    parsed = map_ranges(lambda start, end: [_parse_review(p, content_dir, root, None) for p in paths[start:end]],
                        len(paths))
    for item in parsed:
        record, diagnostics = _validate_review(item)
        _add(content.reviews, content.diagnostics, (record, diagnostics))
        key = review_key(item.path, content_dir) if record is None else None
        if key:
            content.unloaded[key] = item.display
    for path in sorted((content_dir / "comparisons").glob("*.md")):
        if path not in clashing:
            _add(content.comparisons, content.diagnostics, load_comparison(path, root))
    for path in sorted((content_dir / "pages").glob("*.md")):
        if path not in clashing:
            _add(content.pages, content.diagnostics, load_page(path, root))
    return hint_bare_references(content)


def hint_bare_references(content: Content) -> Content:
    """'gpt-4.1-nano' where 'openai/gpt-4.1-nano' was meant: name the review that exists.

    The schema rejects a reference without its provider folder before any other file is
    known; once every file is loaded, the review with that model id is the fix.
    """
    for i, diagnostic in enumerate(content.diagnostics):
        model_id = diagnostic.reference
        if not model_id:
            continue
        keys = [r.key for r in content.reviews] + list(content.unloaded)
        owners = sorted(k for k in keys if k.split("/", 1)[1] == model_id)
        if owners:
            content.diagnostics[i] = replace(diagnostic, hint=f"did you mean '{owners[0]}'?")
    return content


def load_review(path: Path, content_dir: Path, root: Path,
                raw: bytes | None = None) -> tuple[ReviewRecord | None, list[Diagnostic]]:
    """One review; the provider and model id come from the path, never from inside the file."""
    return _validate_review(_parse_review(path, content_dir, root, raw))


@dataclass(frozen=True)
class _ParsedReview:
    """A review between parsing and validation: plain data, cheap to pass between processes."""

    path: Path
    display: str
    provider: str
    model_id: str
    split: SplitFile | None
    parsed: ParsedYaml | None
    diagnostics: list[Diagnostic]


def _parse_review(path: Path, content_dir: Path, root: Path, raw: bytes | None) -> _ParsedReview:
    display = display_path(path, root)
    relative = path.relative_to(content_dir / "models")
    provider, model_id = (relative.parts[0], path.stem) if len(relative.parts) == 2 else ("", "")

    def failed(diagnostics: list[Diagnostic]) -> _ParsedReview:
        return _ParsedReview(path, display, provider, model_id, None, None, diagnostics)

    if path.suffix != ".md" or len(relative.parts) != 2:
        return failed([error(display, 0, 0, "misplaced-file",
                             "reviews live at content/models/<provider>/<model-id>.md",
                             "move or rename the file")])
    for what, value in (("provider folder", provider), ("model id", model_id)):
        if not SLUG.fullmatch(value):
            return failed([error(display, 0, 0, "bad-path",
                                 f"the {what} '{value}' must be lowercase letters, digits, '.', '_' or '-'",
                                 "rename the file or folder")])
    split, diagnostics = _read_split(path, display, required=True, raw=raw, root=root)
    if split is None:
        return failed(diagnostics)
    parsed, diagnostics = parse_yaml(Path(display), split.front_matter or "", split.yaml_first_line)
    return _ParsedReview(path, display, provider, model_id, split, parsed, diagnostics)


def _validate_review(item: _ParsedReview) -> tuple[ReviewRecord | None, list[Diagnostic]]:
    if item.split is None or item.parsed is None:
        return None, item.diagnostics
    meta, diagnostics = _validated(Review, item.parsed, Path(item.display), item.diagnostics)
    if meta is None:
        return None, diagnostics
    return ReviewRecord(item.path, item.display, meta, item.parsed.positions, item.split.body,
                        item.split.body_first_line, item.provider, item.model_id), diagnostics


def load_comparison(path: Path, root: Path, raw: bytes | None = None) -> tuple[ComparisonRecord | None, list[Diagnostic]]:
    display = display_path(path, root)
    loaded, diagnostics = _load_document(path, display, Comparison, required=True, raw=raw, root=root)
    if loaded is None:
        return None, diagnostics
    meta, positions, body, body_line = loaded
    return ComparisonRecord(path, display, meta, positions, body, body_line, path.stem), diagnostics


def load_page(path: Path, root: Path, raw: bytes | None = None) -> tuple[PageRecord | None, list[Diagnostic]]:
    """Hand-written pages need a title, from front matter or from their first '# ' heading."""
    display = display_path(path, root)
    split, diagnostics = _read_split(path, display, required=False, raw=raw, root=root)
    if split is None:
        return None, diagnostics
    if split.front_matter is None:
        heading = re.search(r"^# (.+)$", split.body, re.MULTILINE)
        if not heading:
            return None, [error(display, 1, 1, "missing-title", "the page has no title",
                                "start it with a '# Title' line or give it front matter with 'title:'")]
        meta = Page(title=heading.group(1).strip())
        return PageRecord(path, display, meta, Positions(), split.body, 1, path.stem), []
    loaded, diagnostics = _parse_front_matter(Path(display), split, Page)
    if loaded is None:
        return None, diagnostics
    meta, positions = loaded
    return PageRecord(path, display, meta, positions, split.body, split.body_first_line, path.stem), diagnostics


def display_path(path: Path, root: Path) -> str:
    """How diagnostics name a file: relative to the project root when it is inside it."""
    if path.is_absolute() and root.is_absolute() and path.is_relative_to(root):
        return path.relative_to(root).as_posix()  # the common case needs no file-system calls
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _load_document(path: Path, display: str, model: type[M], required: bool, raw: bytes | None,
                   root: Path | None = None) -> tuple[tuple[M, Positions, str, int] | None, list[Diagnostic]]:
    split, diagnostics = _read_split(path, display, required, raw, root)
    if split is None:
        return None, diagnostics
    loaded, diagnostics = _parse_front_matter(Path(display), split, model)
    if loaded is None:
        return None, diagnostics
    meta, positions = loaded
    return (meta, positions, split.body, split.body_first_line), diagnostics


def _read_split(path: Path, display: str, required: bool, raw: bytes | None, root: Path | None = None
                ) -> tuple[SplitFile | None, list[Diagnostic]]:
    """Bytes (from disk, or as the preview already holds them) to a file cut at its fences.

    `safety` refuses a link out of the project or an oversized file before anything parses it.
    """
    raw, refused = read_checked(path, display, root) if raw is None else check_size(raw, display)
    if raw is None:
        return None, refused
    text, diagnostics = decode(Path(display), raw)
    if text is None:
        return None, diagnostics
    return split_front_matter(Path(display), text, required=required)


def _parse_front_matter(display: Path, split: SplitFile, model: type[M]) -> tuple[tuple[M, Positions] | None, list[Diagnostic]]:
    parsed, diagnostics = parse_yaml(display, split.front_matter or "", split.yaml_first_line)
    if parsed is None:
        return None, diagnostics
    meta, diagnostics = _validated(model, parsed, display, diagnostics)
    if meta is None:
        return None, diagnostics
    return (meta, parsed.positions), diagnostics


def _validated(model: type[M], parsed: ParsedYaml, display: Path, diagnostics: list[Diagnostic]
               ) -> tuple[M | None, list[Diagnostic]]:
    """The schema's verdict on parsed YAML; None when it or parsing found an error."""
    meta, found = validate(model, parsed.data, parsed.positions, display)
    diagnostics = diagnostics + found
    if meta is None or any(d.is_error for d in diagnostics):
        return None, diagnostics
    return meta, diagnostics


def _files_below(folder: Path) -> list[Path]:
    """Every file below `folder`, in path order; os.walk needs no stat call per file."""
    found: list[str] = []
    for parent, _, names in os.walk(folder):
        found.extend(os.path.join(parent, name) for name in names)
    found.sort(key=lambda path: path.split(os.sep))
    return [Path(path) for path in found]


def review_key(path: Path, content_dir: Path) -> str | None:
    """'provider/model-id' for a file in a review's place (content/models/<provider>/<model-id>.md)."""
    relative = path.relative_to(content_dir / "models")
    return f"{relative.parts[0]}/{path.stem}" if len(relative.parts) == 2 and path.suffix == ".md" else None


def is_ignored(path: Path) -> bool:
    """Editor backups and hidden files are not content."""
    name = path.name
    return name.startswith(".") or name.endswith("~") or name.endswith(".swp")


def _add(records: list, diagnostics: list[Diagnostic], result: tuple) -> None:
    record, found = result
    diagnostics.extend(found)
    if record is not None:
        records.append(record)
