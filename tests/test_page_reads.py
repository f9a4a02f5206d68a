"""Recorded page reads: a page whose reads all give what they gave is the page it was.

The build cache reuses a page without computing it when every read its last render
made of the catalog (`render.page_reads`) hashes the same now (`render.PageKeys`).
These tests make real edits of every kind to a copy of the sample content and check
that promise page by page: each page the reads call unchanged renders byte for byte
as it did, the edited pages are not among them, and an edit of one model leaves
pages that never showed it alone.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import TODAY
from generator.catalog import Model
from generator.load import Review
from generator.project import Project, check_project
from generator.render import SiteRenderer
from generator.render.page_reads import ALL, prepare, Reads, recording, Recording

REPO = Path(__file__).resolve().parents[1]
MINI = "models/openai/gpt-4.1-mini.md"
MINI_KEY = "openai/gpt-4.1-mini"


def renderer(content: Path) -> SiteRenderer:
    result = check_project(Project.at(REPO, content), today=TODAY)
    assert result.catalog is not None, [f"{d.file}:{d.line}: {d.message}" for d in result.diagnostics if d.is_error]
    return SiteRenderer(result.catalog, REPO / "templates")


@dataclass
class Made:
    output: tuple
    reads: tuple
    digests: list[bytes]


def record_all(site: SiteRenderer) -> dict[str, Made]:
    keys = site.keys()
    made = {}
    for uri in site.pages:
        front, body, lastmod, reads = site.recorded(uri)
        made[uri] = Made((front, body.html, lastmod), reads, [keys.digest(r) for r in reads])
    return made


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def edit_price(content: Path) -> None:
    # the cached-input price: prose elsewhere states input and output ratios, which `check`
    # holds to the data
    replace_in(content / MINI, "  output: 1.60\n  cached_input: 0.10\n  batch", "  output: 1.60\n  cached_input: 0.12\n  batch")
    replace_in(content / MINI, "{date: 2025-04-14, input: 0.40, output: 1.60, cached_input: 0.10}",
               "{date: 2025-04-14, input: 0.40, output: 1.60, cached_input: 0.12}")


def edit_offer(content: Path) -> None:
    replace_in(content / MINI, "  - provider: azure\n    input: 0.40", "  - provider: azure\n    input: 0.38")


def edit_benchmark(content: Path) -> None:
    # a new benchmark (prose elsewhere states the scores there are, which `check` holds to the data)
    replace_in(content / MINI, "benchmarks:\n", "benchmarks:\n  - name: HumanEval\n    score: 80.0\n    unit: \"%\"\n"
               "    source: https://example.org/humaneval\n    date: 2025-04-14\n")


def edit_context(content: Path) -> None:
    replace_in(content / MINI, "context_window: 1047576", "context_window: 1048576")


def edit_status(content: Path) -> None:
    replace_in(content / MINI, "lifecycle:\n  status: active", "lifecycle:\n  status: deprecated\n  date: 2026-10-01")


def edit_prose(content: Path) -> None:
    path = content / MINI
    path.write_text(path.read_text(encoding="utf-8") + "\nA sentence added later, after another week of use.\n",
                    encoding="utf-8")


def edit_comparison(content: Path) -> None:
    path = content / "comparisons" / "gpt-4.1-vs-gpt-4.1-mini.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more paragraph on the pair.\n", encoding="utf-8")


def edit_new_review(content: Path) -> None:
    text = (content / MINI).read_text(encoding="utf-8")
    text = text.replace("name: GPT-4.1 mini", "name: GPT-4.1 mini copy").replace("aliases: [GPT-4.1 Mini]", "aliases: []")
    text = text.replace("snapshot: gpt-4.1-mini-2025-04-14\n", "")
    (content / "models" / "openai" / "gpt-4.1-mini-copy.md").write_text(text, encoding="utf-8")


def edit_deleted_review(content: Path) -> None:
    (content / "models" / "mistral" / "magistral-small.md").unlink()


EDITS = [edit_price, edit_offer, edit_benchmark, edit_context, edit_status, edit_prose, edit_comparison,
         edit_new_review, edit_deleted_review]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """One content folder for every edit: a record's path is part of its digest."""
    content = tmp_path_factory.mktemp("site") / "content"
    shutil.copytree(REPO / "content", content)
    return content


@pytest.fixture(scope="module")
def first(folder) -> SiteRenderer:
    return renderer(folder)


@pytest.fixture(scope="module")
def before(first):
    return record_all(first)


@pytest.fixture
def edited(folder, before):
    """Edit the folder (the test calls the function it is given), and put it back afterwards."""
    yield lambda edit: (edit(folder), renderer(folder))[1]
    shutil.rmtree(folder)
    shutil.copytree(REPO / "content", folder)


@pytest.mark.parametrize("edit", EDITS, ids=lambda f: f.__name__)
def test_a_page_whose_reads_are_unchanged_is_unchanged(edit, before, edited):
    after = edited(edit)
    keys = after.keys()
    reused, redone, differs = [], [], []
    for uri in after.pages:
        made = before.get(uri)
        if made is not None and [keys.digest(r) for r in made.reads] == made.digests:
            front, body = after.render_html(uri)
            assert (front, body.html, after.lastmod(uri)) == made.output, f"{uri} would be stale after {edit.__name__}"
            reused.append(uri)
        else:
            redone.append(uri)
            if made is not None and after.render_html(uri)[1].html != made.output[1]:
                differs.append(uri)
    assert reused and redone and differs, (len(reused), redone, differs)


def test_a_price_edit_leaves_pages_that_never_showed_it_alone(first, before, edited):
    after = edited(edit_price)
    keys = after.keys()
    redone = {uri for uri in after.pages
              if [keys.digest(r) for r in before[uri].reads] != before[uri].digests}
    assert "models/openai/gpt-4.1-mini.md" in redone
    # another provider's reviews that neither list GPT-4.1 mini nor quote its data: not one is made again
    untouched = [uri for uri in after.pages if uri.startswith("models/google/")
                 and "gpt-4.1-mini" not in before[uri].output[1]
                 and MINI_KEY not in first.catalog.models[uri.removeprefix("models/").removesuffix(".md")].prose.bound]
    assert untouched and not redone & set(untouched), sorted(redone & set(untouched))
    assert len(redone) < len(after.pages) / 2, sorted(redone)


def test_reads_name_what_was_read():
    site = renderer(REPO / "content")
    model = site.catalog.models["openai/gpt-4.1-mini"]
    prepare(site.catalog, site.index)
    reads = Reads()
    with recording(reads):
        site.index.ranks[model.key]
        model.meta.pricing
        model.peers
        model.url                       # identity: no read
        site.catalog.models.get("nobody/none")
        len(site.catalog.pairs)
    assert reads.as_tuple() == (("idx", "ranks", model.key), ("meta", model.key, "pricing"),
                                ("m", model.key, "peers"), ("cat", "models", "nobody/none"),
                                ("cat", "pairs", ALL))


def test_anything_the_rules_do_not_know_reads_the_whole_object():
    site = renderer(REPO / "content")
    model = site.catalog.models["openai/gpt-4.1-mini"]
    prepare(site.catalog, site.index)
    reads = Reads()
    with recording(reads):
        model.meta.model_dump()         # pydantic's own walk over every field
        model.__dict__
    assert ("meta", model.key, "*") in reads.seen and ("m", model.key, "*") in reads.seen


def test_recording_leaves_the_classes_as_they_were():
    reads = Reads()
    with pytest.raises(RuntimeError):
        with recording(reads):
            with recording(Reads()):
                pass
    assert "__getattribute__" not in vars(Model) and "__getattribute__" not in vars(Review)
    mapping = Recording({"a": 1}, ("idx", "x"), reads)
    assert mapping["a"] == 1 and "b" not in mapping and dict(mapping.items()) == {"a": 1}
    assert list(reads.seen) == [("idx", "x", "a"), ("idx", "x", "b"), ("idx", "x", ALL)]
