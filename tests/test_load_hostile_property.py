"""Property: any damage to a real review, comparison, page or site config file gives diagnostics, never a traceback.

Hypothesis mutates the shipped files (random bytes, truncation, deleted and duplicated
lines, shuffled indentation, odd encodings and line endings, one to three at a time) and
loads each result in-process with the functions `check` uses. Every case must end with
the file either loaded or refused with at least one error, and every diagnostic must name
the damaged file (or, for config, one of the config files) at a line inside it. A few
damaged reviews then go through `build`, which must leave the last site as it was.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

import pytest
from conftest import REPO, TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.config import load_site_config
from generator.load.loader import load_comparison, load_page, load_review

CASES = int(os.environ.get("MODELREVIEW_PROPERTY_CASES", "20000"))
VARIANTS = 16
ROOT = REPO
CONTENT = REPO / "content"
SOURCES = sorted([*(CONTENT / "models").glob("*/*.md"), *(CONTENT / "comparisons").glob("*.md"),
                  *(CONTENT / "pages").glob("*.md"), *(REPO / "site_config").glob("*.yaml")])
ORIGINAL = {path: path.read_bytes() for path in SOURCES}
# Content files four times over: a config case loads all four config files, ten times the cost of a review.
WEIGHTED = [p for p in SOURCES if p.suffix == ".md"] * 4 + [p for p in SOURCES if p.suffix == ".yaml"]
ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "utf-8-sig", "shift_jis"]


def _lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\n")


KINDS = ["bytes", "truncate", "delete", "duplicate", "indent", "encoding", "endings"]
ENDINGS = [b"\r\n", b"\r", b"\n\n", b"\x00\n", "\u2028".encode("utf-8")]
LEADS = [b"", b" ", b"  ", b"    ", b"\t", b" \t", b"      "]


def damage(raw: bytes, kinds: list[str], seed: int) -> bytes:
    """The named kinds of damage, applied in turn; where and what is drawn from `seed`.

    Hypothesis draws the file, the kinds and the seed (cheap to draw, and it shrinks them);
    positions and junk bytes come from a seeded generator, so a case is replayable from its
    three values and 20,000 of them fit in a test run.
    """
    rng = random.Random(seed)
    for kind in kinds:
        if kind == "bytes" and raw:
            at = rng.randrange(len(raw) + 1)
            junk = rng.randbytes(rng.randint(1, 12))
            raw = raw[:at] + junk + raw[at + rng.randint(0, 4):]
        elif kind == "truncate":
            raw = raw[:rng.randrange(len(raw) + 1)]
        elif kind in ("delete", "duplicate", "indent"):
            lines = raw.split(b"\n")
            i, count = rng.randrange(len(lines)), rng.randint(1, 4)
            if kind == "delete":
                del lines[i:i + count]
            elif kind == "duplicate":
                lines[i:i] = lines[i:i + count]
            else:
                for j in range(i, min(len(lines), i + count)):
                    lines[j] = rng.choice(LEADS) + lines[j].lstrip(b" \t")
            raw = b"\n".join(lines)
        elif kind == "encoding":
            raw = raw.decode("utf-8", errors="replace").encode(rng.choice(ENCODINGS), errors="replace")
        elif kind == "endings":
            raw = raw.replace(b"\n", rng.choice(ENDINGS))
    return raw


def _line_count(raw: bytes) -> int:
    text = raw.decode("utf-8-sig", errors="replace")
    by_text = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return max(by_text, raw.count(b"\n") + 1, raw.count(b"\r") + 1, len(text.splitlines()) + 1)


def _where_ok(diagnostic, files: dict[str, bytes], counted: dict[str, int]) -> bool:
    raw = files.get(diagnostic.file)
    if raw is None:
        return False
    if diagnostic.file not in counted:
        counted[diagnostic.file] = _line_count(raw)
    return 1 <= diagnostic.line <= counted[diagnostic.file] and diagnostic.column >= 0


@pytest.fixture(scope="module")
def config_copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("config") / "project"
    shutil.copytree(REPO / "site_config", root / "site_config")
    return root


def test_damaged_files_give_diagnostics_at_lines_inside_them(config_copy, capsys):
    counts: dict[str, int] = {"review": 0, "comparison": 0, "page": 0, "config": 0, "refused": 0, "loaded": 0}
    kinds: dict[str, int] = {}
    started = time.perf_counter()

    @settings(max_examples=-(-CASES // VARIANTS), deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(WEIGHTED), st.lists(st.sampled_from(KINDS), min_size=1, max_size=3),
           st.integers(0, 2**32 - 1))
    def one_example(source: Path, done: list[str], seed: int) -> None:
        # Drawing is most of Hypothesis's cost per example on this machine, so each example
        # damages its file VARIANTS times, with the same kinds at positions from seed, seed+1, ...
        for variant in range(VARIANTS):
            one_case(source, done, seed + variant)

    def one_case(source: Path, done: list[str], seed: int) -> None:
        raw = damage(ORIGINAL[source], done, seed)
        for kind in done:
            kinds[kind] = kinds.get(kind, 0) + 1
        if source.suffix == ".yaml":
            counts["config"] += 1
            config_dir = config_copy / "site_config"
            target = config_dir / source.name
            target.write_bytes(raw)
            try:
                config, diagnostics = load_site_config(config_dir, config_copy)
            finally:
                target.write_bytes(ORIGINAL[source])
            files = {f"site_config/{p.name}": (raw if p.name == source.name else ORIGINAL[p])
                     for p in SOURCES if p.suffix == ".yaml"}
            loaded = config is not None
        else:
            display = source.relative_to(ROOT).as_posix()
            top = source.relative_to(CONTENT).parts[0]
            if top == "models":
                counts["review"] += 1
                record, diagnostics = load_review(source, CONTENT, ROOT, raw=raw)
            elif top == "comparisons":
                counts["comparison"] += 1
                record, diagnostics = load_comparison(source, ROOT, raw=raw)
            else:
                counts["page"] += 1
                record, diagnostics = load_page(source, ROOT, raw=raw)
            files = {display: raw}
            loaded = record is not None
        counts["loaded" if loaded else "refused"] += 1
        assert loaded or any(d.is_error for d in diagnostics), (source, done, seed)
        counted: dict[str, int] = {}
        bad = [d for d in diagnostics if not _where_ok(d, files, counted)]
        assert bad == [], (source.name, done, seed, bad)

    one_example()
    elapsed = time.perf_counter() - started
    total = counts["review"] + counts["comparison"] + counts["page"] + counts["config"]
    with capsys.disabled():
        print(f"\nhostile-file property: {total} cases in {elapsed:.1f}s "
              f"({counts['review']} reviews, {counts['comparison']} comparisons, {counts['page']} pages, "
              f"{counts['config']} config files; {counts['refused']} refused, {counts['loaded']} loaded); "
              f"mutations: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    assert total >= CASES


def test_build_after_damage_leaves_the_last_site_as_it_was(tmp_path):
    """A handful of damaged reviews through the real `build`: a failed build changes nothing on disk."""
    from generator.project import Project
    from generator.publish.build import build_site

    root = tmp_path / "project"
    for name in ("site_config", "content", "templates", "docs"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, root / name)
    for name in ("mkdocs.yml",):
        if (REPO / name).exists():
            shutil.copy(REPO / name, root / name)
    first = build_site(Project.at(root), today=TODAY)
    assert first.ok, first.diagnostics
    before = _snapshot(first.site_dir)
    review = root / "content/models/openai/gpt-4.1-mini.md"
    original = review.read_bytes()
    rng = random.Random(12)
    damage = [original[:len(original) // 3],                                  # cut inside the front matter
              original.decode().encode("utf-16"),                             # an odd encoding
              b"\n".join(line for line in original.split(b"\n") if not line.startswith(b"name:")),  # a key gone
              original.replace(b"\n  ", b"\n\t", 3)]                          # tabs in the indentation
    at = rng.randrange(20, 400)
    damage.append(original[:at] + b"\x00\xff\xfe" + original[at:])             # random bytes
    for raw in damage:
        review.write_bytes(raw)
        result = build_site(Project.at(root), today=TODAY)
        assert not result.ok
        assert all(d.file and d.line >= 1 for d in result.diagnostics if d.is_error)
        assert _snapshot(first.site_dir) == before
    review.write_bytes(original)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
