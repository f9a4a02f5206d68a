"""The preview's copy of `content/`: every file's load result, kept in memory.

On a save only the saved files are read again (with the loader's own `load_review`,
`load_comparison` and `load_page`), and `content()` assembles a `Content` in the same
order `load_content` would, so `check_loaded` sees what `check` would see. A test
holds the two equal after edits, additions and deletions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..base import Diagnostic
from ..load import (Content, display_path, hint_bare_references, is_ignored, load_comparison, load_page,
                      load_review, review_key)
from ..load import case_clashes, linked_folders


@dataclass
class Changed:
    """What a batch of saves touched: review keys, comparison slugs and page slugs."""

    reviews: set[str] = field(default_factory=set)
    comparisons: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.reviews or self.comparisons or self.pages)


class ContentStore:
    """Load results by path, for the three kinds of content file."""

    def __init__(self, content_dir: Path, root: Path):
        self.content_dir = content_dir
        self.root = root
        self._reviews: dict[Path, tuple[object, list[Diagnostic]]] = {}
        self._comparisons: dict[Path, tuple[object, list[Diagnostic]]] = {}
        self._pages: dict[Path, tuple[object, list[Diagnostic]]] = {}
        # What `content()` derives from the set of paths alone (folder links, case clashes, file
        # order), kept while saves only rewrite files it already knows.
        self._layout: tuple[list[Diagnostic], set[Path], list[Diagnostic], list[list[Path]]] | None = None

    def load_all(self) -> Content:
        """Read every content file, as `load_content` does, keeping each file's result."""
        for store in (self._reviews, self._comparisons, self._pages):
            store.clear()
        self._layout = None
        self.update(self._files("models") + self._files("comparisons") + self._files("pages"))
        return self.content()

    def update(self, paths: Iterable[Path]) -> Changed:
        """Re-read (or forget) each path that is content; other paths are ignored.

        A folder (created, moved or deleted as a whole) stands for every file below it.
        """
        changed = Changed()
        paths = list(paths)
        known = self._known()
        if any(path not in known or path.is_symlink() or not path.is_file() for path in paths):
            self._layout = None   # a file or folder came, went or became a link: look again
        for path in _expand(paths, known):
            kind = self.kind_of(path)
            if kind == "models":
                changed.reviews.add(review_key(path, self.content_dir) or path.name)
                self._refresh(self._reviews, path, lambda p: load_review(p, self.content_dir, self.root))
            elif kind == "comparisons":
                changed.comparisons.add(path.stem)
                self._refresh(self._comparisons, path, lambda p: load_comparison(p, self.root))
            elif kind == "pages":
                changed.pages.add(path.stem)
                self._refresh(self._pages, path, lambda p: load_page(p, self.root))
        return changed

    def content(self) -> Content:
        """The current content, ordered as `load_content` orders it."""
        content = Content()
        if self._layout is None:
            clashing, found = case_clashes(list(self._known()), self.root)
            self._layout = (linked_folders(self.content_dir, self.root), clashing, found,
                            [sorted(store) for store in (self._reviews, self._comparisons, self._pages)])
        linked, clashing, found, orders = self._layout
        # As load_content: links out of the project and case-only clashes first; a clashing file is not loaded.
        content.diagnostics += linked
        content.diagnostics += found
        for store, records, order in ((self._reviews, content.reviews, orders[0]),
                                      (self._comparisons, content.comparisons, orders[1]),
                                      (self._pages, content.pages, orders[2])):
            for path in order:
                if path in clashing:
                    continue
                record, diagnostics = store[path]
                content.diagnostics.extend(diagnostics)
                if record is not None:
                    records.append(record)  # type: ignore[arg-type]
                elif store is self._reviews and (key := review_key(path, self.content_dir)):
                    content.unloaded[key] = display_path(path, self.root)   # as load_content records it
        return hint_bare_references(content)

    def kind_of(self, path: Path) -> str | None:
        """'models', 'comparisons' or 'pages' if `load_content` would read this path; else None."""
        try:
            relative = path.relative_to(self.content_dir)
        except ValueError:
            return None
        if not relative.parts or is_ignored(path):
            return None
        top = relative.parts[0]
        if top == "models" and len(relative.parts) > 1:
            return top
        if top in ("comparisons", "pages") and len(relative.parts) == 2 and path.suffix == ".md":
            return top
        return None

    def _files(self, kind: str) -> list[Path]:
        folder = self.content_dir / kind
        found = folder.rglob("*") if kind == "models" else folder.glob("*.md")
        return sorted(p for p in found if p.is_file() and self.kind_of(p) == kind)

    def _known(self) -> set[Path]:
        return set(self._reviews) | set(self._comparisons) | set(self._pages)

    def _refresh(self, store: dict, path: Path, load) -> None:
        if path.is_file():
            store[path] = load(path)
        else:
            store.pop(path, None)


def _expand(paths: Iterable[Path], known: set[Path]) -> list[Path]:
    """Files for folders: those on disk below it now, and those we knew below it before."""
    files: list[Path] = []
    for path in paths:
        if path.is_file():
            files.append(path)
            continue
        if path.is_dir():
            files += [p for p in path.rglob("*") if p.is_file()]
        below = [k for k in known if path in k.parents]
        files += below if below or path.is_dir() else [path]
    return sorted(set(files))

