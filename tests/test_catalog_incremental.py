"""`update_catalog` must equal `build_catalog` from scratch, field by field, after any edit.

A generated project (bench corpus: brackets large enough for the price-neighbour path,
families, `compare_with`, editorial comparisons, and a few bindings to other models'
prices added here) goes through a seeded sequence of edits of every kind the preview
sees: price, context window, bracket, family, grade, lifecycle, aliases, compare_with,
rename (a file moved), new file, deleted file, a comparison file edited, several at
once. After each, the updated catalog (from the previous *updated and resolved* one,
as the preview chains them) is compared with a fresh build, and the rendered pages
of both with each other.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml
from preview_project import REPO, write_corpus

from generator.catalog import build_catalog, Catalog, resolve_prose
from generator.catalog import update_catalog
from generator.load import load_site_config
from generator.preview.content import ContentStore
from generator.render import ModelPages, page_list, pages_affected_by, SiteRenderer
from generator.render.index import SiteIndex

Edit = Callable[[Path, random.Random], list[Path]]


def _split(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _write(path: Path, front: dict[str, Any], body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n" + body,
                    encoding="utf-8")


def _reviews(content: Path) -> list[Path]:
    return sorted((content / "models").rglob("*.md"))


def _pick(content: Path, rng: random.Random) -> Path:
    return rng.choice(_reviews(content))


def _change(content: Path, rng: random.Random, change: Callable[[dict[str, Any], random.Random], None]) -> list[Path]:
    path = _pick(content, rng)
    front, body = _split(path)
    change(front, rng)
    _write(path, front, body)
    return [path]


def _price(front: dict[str, Any], rng: random.Random) -> None:
    front["pricing"]["input"] = round(front["pricing"]["input"] * rng.choice([0.3, 0.9, 1.1, 4.0]) + 0.01, 4)


def _price_to_tie(content: Path, rng: random.Random) -> list[Path]:
    """Two models at the same blended price: ties are broken by key, in peers and ranks."""
    first, second = rng.sample(_reviews(content), 2)
    source, _ = _split(first)
    front, body = _split(second)
    front["pricing"]["input"], front["pricing"]["output"] = source["pricing"]["input"], source["pricing"]["output"]
    front["bracket"] = source["bracket"]
    _write(second, front, body)
    return [second]


def _context(front: dict[str, Any], rng: random.Random) -> None:
    front["context_window"] = rng.choice([32768, 200000, 1000000])


def _bracket(front: dict[str, Any], rng: random.Random) -> None:
    front["bracket"] = rng.choice([b for b in ("budget", "value", "premium", "frontier") if b != front["bracket"]])


def _family(front: dict[str, Any], rng: random.Random) -> None:
    front["family"] = rng.choice(["amber-1", "amber-2", "amber-3", "solo"])


def _grade(front: dict[str, Any], rng: random.Random) -> None:
    if front.get("grade") and rng.random() < 0.3:
        del front["grade"]
    else:
        front["grade"] = {"score": rng.choice([1.0, 2.5, 3.9]), "benchmarked": front["released"]}


def _lifecycle(front: dict[str, Any], rng: random.Random) -> None:
    front["lifecycle"] = {"status": "deprecated", "date": front["released"]}


def _aliases(front: dict[str, Any], rng: random.Random) -> None:
    front["aliases"] = [f"Alias {rng.randrange(10**6)}"]


def _compare_with(content: Path, rng: random.Random) -> list[Path]:
    path, other = rng.sample(_reviews(content), 2)
    front, body = _split(path)
    front["compare_with"] = [f"{other.parent.name}/{other.stem}"]
    _write(path, front, body)
    return [path]


def _prose(front: dict[str, Any], rng: random.Random) -> None:
    front["summary"] = f"Summary {rng.randrange(10**6)}."


def _rename(content: Path, rng: random.Random) -> list[Path]:
    path = _pick(content, rng)
    front, body = _split(path)
    target = path.with_name(f"{path.stem}-renamed{rng.randrange(1000)}.md")
    front.pop("snapshot", None)
    front["name"] = front["name"] + " Renamed"
    path.unlink()
    _write(target, front, body)
    return [path, target]


def _new_file(content: Path, rng: random.Random) -> list[Path]:
    front, body = _split(_pick(content, rng))
    model_id = f"fresh-{rng.randrange(10**6)}"
    front.pop("snapshot", None)
    front.pop("aliases", None)
    front["name"] = model_id.title()
    front["compare_with"] = []
    target = content / "models" / rng.choice(["openai", "google"]) / f"{model_id}.md"
    _write(target, front, body)
    return [target]


def _delete(content: Path, rng: random.Random) -> list[Path]:
    path = _pick(content, rng)
    path.unlink()
    return [path]


def _comparison(content: Path, rng: random.Random) -> list[Path]:
    path = rng.choice(sorted((content / "comparisons").glob("*.md")))
    front, body = _split(path)
    _write(path, front, body + f"\nAn editorial line {rng.randrange(10**6)}.\n")
    return [path]


def _key(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def _successor(content: Path, rng: random.Random) -> list[Path]:
    """A review names a successor and an alternative: both models' data shows on its page."""
    path, successor, alternative = rng.sample(_reviews(content), 3)
    front, body = _split(path)
    front["lifecycle"] = {"status": "deprecated", "date": front["released"], "successor": _key(successor)}
    front["alternatives"] = [_key(alternative)]
    _write(path, front, body)
    return [path]


def _bind(content: Path, rng: random.Random) -> list[Path]:
    """Prose that shows another model's price: that model's edits reach this page."""
    path, other = rng.sample(_reviews(content), 2)
    front, body = _split(path)
    _write(path, front, body + f"\nNext to {{{{ {_key(other)}: price.output }}}}.\n")
    return [path]


def _comparison_bind(content: Path, rng: random.Random) -> list[Path]:
    path = rng.choice(sorted((content / "comparisons").glob("*.md")))
    front, body = _split(path)
    _write(path, front, body + f"\nFor scale, {{{{ {_key(_pick(content, rng))}: price.input }}}}.\n")
    return [path]


def _several(content: Path, rng: random.Random) -> list[Path]:
    return [p for edit in (_field(_price), _new_file, _field(_bracket)) for p in edit(content, rng)]


def _field(change: Callable[[dict[str, Any], random.Random], None]) -> Edit:
    return lambda content, rng: _change(content, rng, change)


EDITS: dict[str, Edit] = {
    "price": _field(_price), "price-tie": _price_to_tie, "context": _field(_context), "bracket": _field(_bracket),
    "family": _field(_family), "grade": _field(_grade), "lifecycle": _field(_lifecycle),
    "aliases": _field(_aliases), "compare-with": _compare_with, "prose": _field(_prose), "rename": _rename,
    "new-file": _new_file, "deleted-file": _delete, "comparison": _comparison, "several": _several,
    "successor": _successor, "bind": _bind, "comparison-bind": _comparison_bind,
}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("incremental")
    shutil.copytree(REPO / "site_config", root / "site_config")
    brackets = root / "site_config" / "brackets.yaml"   # any bracket at any price, so bracket edits stay valid
    brackets.write_text("\n".join(line for line in brackets.read_text().splitlines()
                                  if "max_output_price" not in line) + "\n")
    write_corpus(root / "content", 80, seed=3)
    reviews = _reviews(root / "content")
    shared = reviews[1]   # one model id under two providers: its pair slugs carry the provider
    twin = root / "content" / "models" / ("openai" if shared.parent.name != "openai" else "google") / shared.name
    front, body = _split(shared)
    front["name"], front["aliases"] = front["name"] + " Twin", []
    front.pop("snapshot", None)
    _write(twin, front, body)
    reviews = _reviews(root / "content")
    for path, other in zip(reviews[::9], reviews[4::9]):   # prose that shows another model's price
        front, body = _split(path)
        _write(path, front, body + f"\nBeside it, {{{{ {other.parent.name}/{other.stem}: price.input }}}}.\n")
    return root


def assert_same_catalog(updated: Catalog, full: Catalog) -> None:
    """Field by field, so a failure names what differs."""
    assert list(updated.models) == list(full.models)
    for key, model in full.models.items():
        for name in (f.name for f in dataclasses.fields(model)):
            assert getattr(updated.models[key], name) == getattr(model, name), f"{key}: {name}"
    assert list(updated.pairs) == list(full.pairs)
    for slug, pair in full.pairs.items():
        for name in (f.name for f in dataclasses.fields(pair)):
            assert getattr(updated.pairs[slug], name) == getattr(pair, name), f"{slug}: {name}"
    for name in ("config", "pages", "names", "best_value"):
        assert getattr(updated, name) == getattr(full, name), name
    assert updated == full


def assert_same_affected_pages(old: Catalog, new: Catalog, shown_old: ModelPages, shown_new: ModelPages) -> None:
    """`pages_affected_by` from the carried index equals its scan of every model, for every
    model of both catalogs; the old catalog's index still answers for the old catalog."""
    for key in old.models.keys() | new.models.keys():
        assert pages_affected_by(new, key, shown_new) == pages_affected_by(new, key), key
        assert pages_affected_by(old, key, shown_old) == pages_affected_by(old, key), key


@pytest.mark.parametrize("seed", range(2))
def test_updated_catalog_equals_a_full_build_after_every_kind_of_edit(project, tmp_path, seed):
    root = tmp_path / "project"
    shutil.copytree(project, root)
    content_dir = root / "content"
    config, problems = load_site_config(root / "site_config", root)
    assert config is not None and not [d for d in problems if d.is_error]
    store = ContentStore(content_dir, root)
    previous = resolve_prose(build_catalog(store.load_all(), config))[0]
    renderer = SiteRenderer(previous)   # patched along, as the preview's site does
    shown = ModelPages(previous)        # carried along, as the preview's session does
    rng = random.Random(seed)
    kinds = list(EDITS) + rng.sample(list(EDITS), 5)
    rng.shuffle(kinds)
    answered = 0
    for kind in kinds:
        store.update(EDITS[kind](content_dir, rng))
        content = store.content()
        full = build_catalog(content, config)
        updated = update_catalog(previous, content, config)
        resolved_full = resolve_prose(full)[0]
        if updated is None:   # allowed (a shared model id came or went), but it must be rare
            shown_before, shown = shown, shown.for_catalog(resolved_full)
            assert_same_affected_pages(previous, resolved_full, shown_before, shown)
            previous, renderer = resolved_full, SiteRenderer(resolved_full)
            continue
        answered += 1
        resolved = resolve_prose(updated, previous)[0]
        assert_same_catalog(resolved, resolved_full)
        shown_before, shown = shown, shown.for_catalog(resolved)
        assert_same_affected_pages(previous, resolved, shown_before, shown)
        renderer = renderer.patched(resolved)
        assert renderer.index == SiteIndex.of(resolved_full), kind
        assert list(renderer.pages.items()) == list(page_list(resolved_full).items()), kind
        if kind in ("price", "several"):
            assert renderer.render_all() == SiteRenderer(resolved_full).render_all(), kind
        previous = resolved
    assert answered >= len(kinds) - 3


def test_unchanged_content_gives_the_same_objects(project):
    config, _ = load_site_config(project / "site_config", project)
    store = ContentStore(project / "content", project)
    old = build_catalog(store.load_all(), config)
    updated = update_catalog(old, store.content(), config)
    assert updated is not None
    assert all(updated.models[k] is m for k, m in old.models.items())
    assert updated.pairs is old.pairs


def test_falls_back_when_it_cannot_show_the_shortcut_is_safe(project, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(project, root)
    config, _ = load_site_config(root / "site_config", root)
    store = ContentStore(root / "content", root)
    old = build_catalog(store.load_all(), config)
    other_config, _ = load_site_config(root / "site_config", root)
    assert update_catalog(old, store.content(), other_config) is None       # another config object
    # A second provider takes a model id: every slug naming that id gains its provider.
    path = _reviews(root / "content")[0]
    copy = root / "content" / "models" / ("openai" if path.parent.name != "openai" else "google") / path.name
    shutil.copy(path, copy)
    store.update([copy])
    assert update_catalog(old, store.content(), config) is None
    # Many reviews at once: as quick to rebuild.
    for path in _reviews(root / "content")[:60]:
        front, body = _split(path)
        _price(front, random.Random(0))
        _write(path, front, body)
    store.update(_reviews(root / "content")[:60])
    assert update_catalog(old, store.content(), config) is None


def _clash(content: Path, rng: random.Random) -> list[Path]:
    """A review takes another's name as an alias (in other case): a duplicate-id error."""
    first, second = rng.sample(_reviews(content), 2)
    front, body = _split(second)
    front["aliases"] = [_split(first)[0]["name"].upper()]
    _write(second, front, body)
    return [second]


def _shift(content: Path, rng: random.Random) -> list[Path]:
    """Every front-matter line of a review moves down one; its names stay as they were.
    A review that `_clash` made a duplicate is taken when there is one: its error moves too."""
    clashing = [path for path in _reviews(content) if any(a.isupper() for a in _split(path)[0].get("aliases", []))]
    path = rng.choice(clashing) if clashing else _pick(content, rng)
    front, body = _split(path)
    front = {"author": f"Author {rng.randrange(10**6)}", **{k: v for k, v in front.items() if k != "author"}}
    _write(path, front, body)
    return [path]


_BROKEN: dict[Path, str] = {}   # broken review -> its text before


def _break(content: Path, rng: random.Random) -> list[Path]:
    """A review that no longer loads: its key counts as unloaded, references to it still resolve."""
    path = _pick(content, rng)
    text = path.read_text(encoding="utf-8")
    _BROKEN[path] = text
    path.write_text(text.replace("context_window: ", "context_window: x", 1), encoding="utf-8")
    return [path]


def _mend(content: Path, rng: random.Random) -> list[Path]:
    mended = [path for path in sorted(_BROKEN) if path.exists()]
    for path in mended:
        path.write_text(_BROKEN.pop(path), encoding="utf-8")
    return mended


def _dangling(content: Path, rng: random.Random) -> list[Path]:
    """An alternative that names no review, close to one that exists: the error's hint names it."""
    path, near = rng.sample(_reviews(content), 2)
    front, body = _split(path)
    front["alternatives"] = [_key(near) + "x"]
    _write(path, front, body)
    return [path]


def _break_suggested(content: Path, rng: random.Random) -> list[Path]:
    """The review a dangling reference's hint suggests stops loading: the hint must change."""
    for path in _reviews(content):
        for ref in _split(path)[0].get("alternatives", []) if path not in _BROKEN else []:
            target = content / "models" / f"{ref[:-1]}.md"
            if ref.endswith("x") and target.exists() and target not in _BROKEN:
                _BROKEN[target] = target.read_text(encoding="utf-8")
                target.write_text(_BROKEN[target].replace("context_window: ", "context_window: x", 1),
                                  encoding="utf-8")
                return [target]
    return _break(content, rng)


NAME_EDITS: dict[str, Edit] = {**EDITS, "clash": _clash, "clash-again": _clash, "shift": _shift,
                               "shift-again": _shift, "break": _break, "mend": _mend, "dangling": _dangling,
                               "dangling-again": _dangling, "break-suggested": _break_suggested,
                               "mend-again": _mend}
# Edits that leave every review's names where they were: the name check must reuse its index.
KEEP_NAMES = {"price", "price-tie", "context", "bracket", "family", "grade", "lifecycle", "compare-with", "prose",
              "comparison", "shift", "shift-again"}


def _shown(diagnostics) -> list[tuple]:
    """All a reader sees of each diagnostic (their equality compares positions only)."""
    return [(d.file, d.line, d.column, d.severity.value, d.code, d.message, d.hint) for d in diagnostics]


@pytest.mark.parametrize("seed", range(3))
def test_the_checks_with_a_memo_find_what_a_full_check_finds_after_every_kind_of_edit(project, tmp_path, seed):
    """`check_content` with the preview's memo (rule findings and the name index kept between
    saves) must answer exactly as without one, duplicate names and their positions included."""
    from conftest import TODAY

    from generator.check import CheckMemo, check_content
    root = tmp_path / "project"
    shutil.copytree(project, root)
    content_dir = root / "content"
    config, _ = load_site_config(root / "site_config", root)
    assert config is not None
    store = ContentStore(content_dir, root)
    memo = CheckMemo()
    assert _shown(check_content(store.load_all(), config, TODAY, memo)) == []
    rng = random.Random(seed)
    kinds = list(NAME_EDITS) + rng.sample(list(NAME_EDITS), 6)
    rng.shuffle(kinds)
    clashes = reused = dangling = 0
    _BROKEN.clear()
    for kind in kinds:
        index = memo.names
        store.update(NAME_EDITS[kind](content_dir, rng))
        content = store.content()
        found = _shown(check_content(content, config, TODAY, memo))
        assert found == _shown(check_content(content, config, TODAY)), kind
        clashes += any(d[4] == "duplicate-id" for d in found)
        dangling += any(d[4] == "unknown-model" and "did you mean" in d[6] for d in found)
        if kind in KEEP_NAMES:
            assert memo.names is index, f"{kind}: the name index should have been reused"
            reused += 1
    assert clashes and reused and dangling
