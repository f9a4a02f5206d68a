"""The build cache: a warm build after edits is byte-identical to a cold one, and a damaged,
foreign or failed cache is never trusted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TODAY, valid_review
from generator.project import Project
from generator.publish import build_site
from generator.publish.page_cache import cache_folder
from render_sample import add_publishing, write_sample

REPO = Path(__file__).resolve().parents[1]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build(site, out: Path, cache: bool = True):
    result = build_site(Project.at(site.root), site_dir=out, today=TODAY, cache=cache)
    assert result.ok, [f"{d.file}:{d.line}: {d.message}" for d in result.diagnostics if d.is_error]
    return result


def manifest(site) -> Path:
    return cache_folder(site.root, site.content) / "manifest.json"


@pytest.fixture
def sample(site):
    return add_publishing(write_sample(site))


def test_a_second_build_reuses_every_page(sample, tmp_path):
    first = build(sample, tmp_path / "one")
    second = build(sample, tmp_path / "two")
    assert first.pages["reused"] == 0 and first.pages["rendered"] > 20
    assert second.pages == {"reused": first.pages["rendered"], "rendered": 0, "framed": 0}
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_warm_build_after_edits_equals_a_cold_build(sample, tmp_path):
    total = sum(build(sample, tmp_path / "before").pages.values())
    # a price edit (history kept in step), a prose edit, a new review, a deleted one
    mini = sample.content / "models" / "openai" / "gpt-4.1-mini.md"
    text = mini.read_text(encoding="utf-8")
    assert "input: 0.4" in text
    mini.write_text(text.replace("input: 0.4", "input: 0.45"), encoding="utf-8")
    sample.review("mistral/mistral-small-3", valid_review(name="Mistral Small 3", bracket="budget"),
                  body="A small model, tried for a week.\n")
    victims = sorted((sample.content / "models").rglob("*.md"))
    prose = next(p for p in victims if "gemini" in p.name)
    prose.write_text(prose.read_text(encoding="utf-8") + "\nOne more sentence, added later.\n", encoding="utf-8")
    gone = next(p for p in victims if p.name.startswith("claude"))
    gone.unlink()

    warm = build(sample, tmp_path / "warm")
    cold = build(sample, tmp_path / "cold", cache=False)
    assert snapshot(tmp_path / "warm") == snapshot(tmp_path / "cold")
    assert 0 < warm.pages["reused"] < total, warm.pages       # some pages reused, the touched ones not
    assert cold.pages["reused"] == 0


def test_the_cache_a_deletion_leaves_is_used_by_the_next_build(sample, tmp_path):
    build(sample, tmp_path / "one")
    next(p for p in sorted((sample.content / "models").rglob("*.md")) if p.name.startswith("claude")).unlink()
    second = build(sample, tmp_path / "two")      # reads of the deleted review are now of nothing
    assert not second.cache_ignored and second.pages["reused"] > 0
    sample.review("mistral/mistral-small-3", valid_review(name="Mistral Small 3", bracket="budget"))
    third = build(sample, tmp_path / "three")
    assert not third.cache_ignored and third.pages["reused"] > 0, third.pages


def test_one_price_edit_rerenders_only_pages_that_show_it(sample, tmp_path):
    build(sample, tmp_path / "before")
    nano = sample.content / "models" / "openai" / "gpt-4.1-mini.md"
    nano.write_text(nano.read_text(encoding="utf-8").replace("input: 0.4", "input: 0.41"), encoding="utf-8")
    warm = build(sample, tmp_path / "after")
    before, after = snapshot(tmp_path / "before"), snapshot(tmp_path / "after")
    changed = {path for path in after if path.endswith(".html") and before.get(path) != after[path]}
    assert "models/openai/gpt-4.1-mini/index.html" in changed
    # every page whose bytes changed was rendered; pages that did not change were mostly reused
    assert warm.pages["rendered"] >= len(changed)
    assert warm.pages["reused"] > 0


def test_no_cache_neither_reads_nor_writes_the_cache(sample, tmp_path):
    build(sample, tmp_path / "one")
    before = manifest(sample).read_bytes()
    sample.review("mistral/mistral-small-3", valid_review(name="Mistral Small 3", bracket="budget"))
    result = build(sample, tmp_path / "two", cache=False)
    assert result.pages["reused"] == 0
    assert manifest(sample).read_bytes() == before


@pytest.mark.parametrize("damage", ["garbage", "not-an-object", "other-format", "other-code", "bad-entry",
                                    "bad-reads", "bad-numbers", "bad-digests"])
def test_a_damaged_or_foreign_manifest_is_ignored(sample, tmp_path, damage):
    build(sample, tmp_path / "one")
    path = manifest(sample)
    data = json.loads(path.read_text(encoding="utf-8"))
    if damage == "garbage":
        path.write_bytes(b"\x00{not json")
    elif damage == "not-an-object":
        path.write_text("[1, 2, 3]", encoding="utf-8")
    elif damage == "other-format":
        path.write_text(json.dumps({**data, "format": 999}), encoding="utf-8")
    elif damage == "other-code":
        path.write_text(json.dumps({**data, "global": "0" * 40}), encoding="utf-8")
    elif damage == "bad-reads":   # a read that is not what a build writes
        path.write_text(json.dumps({**data, "reads": [[1.5, {"x": None}]] + data["reads"][1:]}), encoding="utf-8")
    elif damage == "bad-numbers":   # every entry names reads past the end of the table
        pages = {uri: {**entry, "reads": "/////w=="} for uri, entry in data["pages"].items()}
        path.write_text(json.dumps({**data, "pages": pages}), encoding="utf-8")
    elif damage == "bad-digests":
        path.write_text(json.dumps({**data, "digests": data["digests"][:-2]}), encoding="utf-8")
    else:   # every entry points at a page file that is not a hash
        pages = {uri: {**entry, "blob": "../../../../etc/passwd"} for uri, entry in data["pages"].items()}
        path.write_text(json.dumps({**data, "pages": pages}), encoding="utf-8")
    warm = build(sample, tmp_path / "two")
    assert warm.pages["reused"] == 0
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "one")
    assert json.loads(path.read_text(encoding="utf-8"))["pages"].keys() == data["pages"].keys()  # rewritten


def test_a_damaged_page_in_the_cache_is_rendered_again(sample, tmp_path):
    build(sample, tmp_path / "one")
    data = json.loads(manifest(sample).read_text(encoding="utf-8"))
    uri = "models/openai/gpt-4.1-mini.md"
    blob = data["pages"][uri]["blob"]
    stored = manifest(sample).parent / "pages" / blob[:2] / blob
    stored.unlink()       # the site built above shares the file: write a fresh, wrong one
    stored.write_bytes(b"<html>not what was built</html>")
    warm = build(sample, tmp_path / "two")
    assert warm.pages["rendered"] == 1
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "one")


def test_a_page_changed_in_the_built_site_does_not_poison_the_cache(sample, tmp_path):
    """Reused pages are hard links to the cache; editing one in the site in place is caught."""
    build(sample, tmp_path / "one")
    page = tmp_path / "one" / "models" / "openai" / "gpt-4.1-mini" / "index.html"
    with page.open("r+b") as handle:    # in place, as a careless post-processing step would
        handle.write(b"<!-- tampered -->")
    warm = build(sample, tmp_path / "two")
    assert warm.pages["rendered"] >= 1
    cold = build(sample, tmp_path / "three", cache=False)
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "three")


def test_a_failed_build_leaves_the_cache_as_it_was(sample, tmp_path):
    build(sample, tmp_path / "one")
    before = manifest(sample).read_bytes()
    sample.review("openai/gpt-4.1", valid_review(name="GPT-4.1", bracket="no-such-bracket"))
    result = build_site(Project.at(sample.root), site_dir=tmp_path / "two", today=TODAY)
    assert not result.ok
    assert manifest(sample).read_bytes() == before


def test_a_template_edit_rerenders_every_page(sample, tmp_path):
    first = build(sample, tmp_path / "one")
    partial = sample.root / "templates" / "partials" / "spec_card.html"
    partial.write_text(partial.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    warm = build(sample, tmp_path / "two")
    assert warm.pages["reused"] == 0 and warm.pages["rendered"] == first.pages["rendered"]


def test_the_finished_pages_equal_what_mkdocs_itself_renders(sample, tmp_path):
    """`modelreview build` puts generated pages into the theme itself; plain `mkdocs build` with
    the plugin takes MkDocs' own page loop. Every file of the two sites is the same."""
    build(sample, tmp_path / "ours")
    env = {"PATH": str(Path(sys.executable).parent), "MODELREVIEW_TODAY": TODAY.isoformat(),
           "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-q", "-d", str(tmp_path / "theirs")],
                          cwd=sample.root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    ours, theirs = snapshot(tmp_path / "ours"), snapshot(tmp_path / "theirs")
    assert sorted(ours) == sorted(theirs)
    assert [path for path in ours if ours[path] != theirs[path]] == []


def test_most_pages_are_finished_through_a_frame(sample, tmp_path):
    first = build(sample, tmp_path / "one", cache=False)
    # two pages of each kind are rendered in full to make and check its frame; the rest are framed
    assert first.pages["framed"] >= 8, first.pages


def test_a_theme_that_prints_the_title_another_way_gets_no_frame(sample, tmp_path):
    """A frame knows the title raw, stripped of tags or escaped; any other form (here upper
    case) must make every page of that kind render in full, and still come out right."""
    override = sample.root / "templates" / "theme" / "main.html"
    text = override.read_text(encoding="utf-8")
    override.write_text(text.replace("{% block extrahead %}",
                                     "{% block extrahead %}<meta name=\"shout\" content=\"{{ (page.meta.title if page and page.meta"
                                     " else '') | upper }}\">", 1),
                        encoding="utf-8")
    ours = build(sample, tmp_path / "ours", cache=False)
    assert ours.pages["framed"] == 0
    env = {"PATH": str(Path(sys.executable).parent), "MODELREVIEW_TODAY": TODAY.isoformat(),
           "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-q", "-d", str(tmp_path / "theirs")],
                          cwd=sample.root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert snapshot(tmp_path / "ours") == snapshot(tmp_path / "theirs")


def test_probes_in_an_unknown_form_leave_no_frame():
    from generator.publish.frames import _CONTENT, _TITLE, _cut_probes
    assert _cut_probes(f"<title>{_TITLE}</title><main>{_CONTENT}</main>") == [
        "<title>", ("title", "raw"), "</title><main>", ("content", "raw"), "</main>"]
    assert _cut_probes(f"<title>{_TITLE.upper()}</title>") is None


def test_a_frame_that_goes_wrong_is_caught_and_every_page_rendered_in_full(sample, tmp_path, monkeypatch):
    from generator.publish import frames
    good = build(sample, tmp_path / "good", cache=False)
    original_init, original_fill = frames.Frames.__init__, frames.Frame.fill
    monkeypatch.setattr(frames.Frames, "__init__",
                        lambda self, theme, enabled=True, check_every=40: original_init(self, theme, enabled, 1))
    monkeypatch.setattr(frames.Frame, "fill", lambda self, values: original_fill(self, values) + " ")
    bad = build(sample, tmp_path / "bad", cache=False)
    assert good.pages["framed"] > 0 and bad.pages["framed"] == 0
    assert snapshot(tmp_path / "bad") == snapshot(tmp_path / "good")


def test_a_build_with_nothing_changed_does_nothing_and_says_what_the_last_one_said(sample, tmp_path):
    sample.review("mistral/mistral-small-3", valid_review(name="Mistral Small 3", bracket="budget"), body="\n")
    first = build(sample, tmp_path / "site")
    assert not first.up_to_date and any(d.code == "no-prose" for d in first.diagnostics)
    again = build(sample, tmp_path / "site")
    assert again.up_to_date and again.diagnostics == first.diagnostics


@pytest.mark.parametrize("change", ["content", "site", "other-folder", "strict"])
def test_any_change_of_input_or_site_means_a_real_build(sample, tmp_path, change):
    build(sample, tmp_path / "site")
    out, strict = tmp_path / "site", False
    if change == "content":      # a YAML comment: no page changes, but the inputs did
        mini = sample.content / "models" / "openai" / "gpt-4.1-mini.md"
        mini.write_text(mini.read_text(encoding="utf-8").replace("---\n", "---\n# checked again\n", 1),
                        encoding="utf-8")
    elif change == "site":       # someone edited the built site
        page = out / "models" / "openai" / "gpt-4.1-mini" / "index.html"
        page.write_bytes(page.read_bytes() + b"\n")
    elif change == "other-folder":
        out = tmp_path / "elsewhere"
    else:
        strict = True
    result = build_site(Project.at(sample.root), site_dir=out, today=TODAY, strict=strict)
    assert result.ok and not result.up_to_date
    assert result.pages["rendered"] == (1 if change == "site" else 0)   # the edited page's cache entry is its link
    cold = build(sample, tmp_path / "cold", cache=False)
    assert snapshot(out) == snapshot(tmp_path / "cold")


def test_audits_find_nothing_wrong_in_a_sound_cache(sample, tmp_path, monkeypatch):
    build(sample, tmp_path / "one")
    mini = sample.content / "models" / "openai" / "gpt-4.1-mini.md"
    mini.write_text(mini.read_text(encoding="utf-8").replace("input: 0.4", "input: 0.41"), encoding="utf-8")
    monkeypatch.setenv("MODELREVIEW_CACHE_AUDIT", "1")      # every reused page rendered again and compared
    warm = build(sample, tmp_path / "two")
    assert not warm.cache_ignored and warm.pages["reused"] > 0
    cold = build(sample, tmp_path / "cold", cache=False)
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "cold")


def test_an_audit_catches_a_page_the_cache_would_have_left_stale(sample, tmp_path, monkeypatch):
    from generator.catalog import Model
    from generator.load import Review
    from generator.render import page_reads

    def forgetful(self, name):   # a recorder that misses every read of a model or its front matter
        return object.__getattribute__(self, name)

    monkeypatch.setitem(page_reads._PATCHES, Model, forgetful)
    monkeypatch.setitem(page_reads._PATCHES, Review, forgetful)
    build(sample, tmp_path / "one")
    mini = sample.content / "models" / "openai" / "gpt-4.1-mini.md"
    mini.write_text(mini.read_text(encoding="utf-8").replace("input: 0.4", "input: 0.41"), encoding="utf-8")
    monkeypatch.setenv("MODELREVIEW_CACHE_AUDIT", "1")
    warm = build(sample, tmp_path / "two")
    assert "came out different from its cached copy" in warm.cache_ignored
    assert warm.pages["reused"] == 0
    cold = build(sample, tmp_path / "cold", cache=False)
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "cold")
    # the pages placed before the audit failed were rewritten, never written through into the cache
    import hashlib
    blobs = [p for p in (cache_folder(sample.root, sample.content) / "pages").rglob("*") if p.is_file()]
    assert blobs and all(hashlib.blake2b(p.read_bytes(), digest_size=20).hexdigest() == p.name for p in blobs)


def test_the_site_a_build_replaces_is_the_next_builds_staging_tree(sample, tmp_path):
    out = tmp_path / "site"
    build(sample, out)
    sample.review("mistral/mistral-small-3", valid_review(name="Mistral Small 3", bracket="budget"))
    build(sample, out)
    spares = list(cache_folder(sample.root, sample.content).glob("spare-site-*"))
    assert len(spares) == 1 and (spares[0] / "models" / "openai").is_dir()   # the first site, kept
    (sample.content / "models" / "mistral" / "mistral-small-3.md").unlink()
    build(sample, out)                          # into the spare tree, emptied of its files
    build(sample, tmp_path / "cold", cache=False)
    assert snapshot(out) == snapshot(tmp_path / "cold")
    assert not (out / "models" / "mistral" / "mistral-small-3").exists()   # no folder left of a gone page
    folders = {p.relative_to(out) for p in out.rglob("*") if p.is_dir()}
    assert folders == {p.relative_to(tmp_path / "cold") for p in (tmp_path / "cold").rglob("*") if p.is_dir()}
