"""The running preview under editors' real save patterns, through the real file watcher.

After each pattern (write-to-temp-then-rename, delete-then-create, fifty saves in a second
with every other one broken, a file moved between providers, a folder renamed) the preview
must serve what a fresh `check` and build give: when the project is clean, every review's
page with its current title and summary and no error box, and no page for a review that is
gone; when it is not, an error box with exactly the errors `check` reports.
"""

from __future__ import annotations

import os
import re
import time

import pytest
from conftest import TODAY
from preview_project import make_project, running_preview
from selectolax.lexbor import LexborHTMLParser as HTML

from generator.commands.serve import _not_editor_litter
from generator.preview.inject import ERROR_BOX_ID, headline
from generator.preview.watch import Watcher
from generator.project import check_project


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("fire") / "project", reviews=6)
    with running_preview(project) as running:
        # Wired as `modelreview serve` wires it: its filter, its default settle time.
        watcher = Watcher([project.content_dir, project.config_dir], [], running.session.apply,
                          wanted=_not_editor_litter)
        watcher.start()
        try:
            yield running
        finally:
            watcher.stop()


def _box(html: str) -> list[str]:
    box = HTML(html).css_first(f"#{ERROR_BOX_ID}")
    return sorted(li.css_first("code").text() for li in box.css("li")) if box else []


def _served_state(preview, keys: list[str]) -> dict[str, tuple]:
    state = {}
    for key in keys:
        status, html = preview.get(f"models/{key}/")
        if status == 404:
            state[key] = (404, None, None, [])
            continue
        tree = HTML(html)
        title = tree.css_first("article h1")
        lead = tree.css_first("article p.mr-lead")
        state[key] = (status, title.text() if title else None, lead.text() if lead else None, _box(html))
    return state


def _expected_state(preview, gone: list[str]) -> tuple[dict[str, tuple], list[str]]:
    fresh = check_project(preview.project, today=TODAY)
    errors = sorted(headline(d) for d in fresh.diagnostics if d.is_error)
    if errors or fresh.catalog is None:
        return {}, errors
    expected = {key: (200, model.meta.name, model.meta.summary, []) for key, model in fresh.catalog.models.items()}
    expected.update({key: (404, None, None, []) for key in gone if key not in expected})
    return expected, errors


def _agrees(preview, gone: list[str] = (), timeout: float = 30.0) -> None:
    """Poll until what is served equals a fresh check and build of the disk (or fail with the difference)."""
    deadline = time.monotonic() + timeout
    while True:
        time.sleep(0.3)
        expected, errors = _expected_state(preview, list(gone))
        if errors:
            status, html = preview.get("")
            served, wanted = _box(html), errors
        else:
            served, wanted = _served_state(preview, list(expected)), expected
        if served == wanted or time.monotonic() > deadline:
            assert served == wanted
            return


def _review(preview, key: str):
    return preview.project.content_dir / "models" / f"{key}.md"


def _with_summary(text: str, summary: str) -> str:
    return re.sub(r"(?m)^summary: .*$", f"summary: {summary}", text, count=1)


def test_write_to_temp_then_rename(preview):
    path = _review(preview, "openai/amber-0-pro")
    temp = path.with_name("amber-0-pro.md.tmp")
    temp.write_text(_with_summary(path.read_text(encoding="utf-8"), "Saved through a temporary file"),
                    encoding="utf-8")
    os.replace(temp, path)
    _agrees(preview)
    assert _served_state(preview, ["openai/amber-0-pro"])["openai/amber-0-pro"][2] == "Saved through a temporary file"


def test_vim_style_save_with_a_probe_file_and_a_backup(preview):
    """vim: write and delete '4913', move the original to 'x.md~', write x.md anew, delete the backup."""
    path = _review(preview, "openai/amber-0-nano")
    text = path.read_text(encoding="utf-8")
    probe = path.with_name("4913")
    probe.write_text("", encoding="utf-8")
    probe.unlink()
    backup = path.with_name(path.name + "~")
    os.rename(path, backup)
    path.write_text(_with_summary(text, "Saved the vim way"), encoding="utf-8")
    backup.unlink()
    _agrees(preview)
    assert _served_state(preview, ["openai/amber-0-nano"])["openai/amber-0-nano"][2] == "Saved the vim way"


def test_a_config_saved_broken_then_fixed(preview):
    path = preview.project.config_dir / "site.yaml"
    text = path.read_text(encoding="utf-8")
    temp = path.with_name("site.yaml.tmp")
    temp.write_text(text.replace("claims:", "claims: [", 1), encoding="utf-8")
    os.replace(temp, path)
    _agrees(preview)
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)
    _agrees(preview)


def test_delete_then_create(preview):
    path = _review(preview, "openai/amber-0")
    text = path.read_text(encoding="utf-8")
    path.unlink()
    time.sleep(0.2)
    path.write_text(_with_summary(text, "Deleted and written again"), encoding="utf-8")
    _agrees(preview)


def test_fifty_saves_in_a_second_with_every_other_one_broken(preview):
    path = _review(preview, "openai/amber-0-mini")
    text = path.read_text(encoding="utf-8")
    for i in range(50):
        path.write_text(_with_summary(text, f"Save {i}") if i % 2 else "---\nname: [broken\n---\n", encoding="utf-8")
        time.sleep(0.02)
    _agrees(preview)
    assert _served_state(preview, ["openai/amber-0-mini"])["openai/amber-0-mini"][2] == "Save 49"


def test_a_file_moved_between_providers(preview):
    source = _review(preview, "anthropic/amber-1-nano")
    target = _review(preview, "openai/amber-1-nano")
    os.rename(source, target)
    _agrees(preview, gone=["anthropic/amber-1-nano"])
    os.rename(target, source)
    _agrees(preview, gone=["openai/amber-1-nano"])


def test_a_folder_renamed(preview):
    models = preview.project.content_dir / "models"
    os.rename(models / "anthropic", models / "mistral")
    _agrees(preview, gone=["anthropic/amber-1-mini", "anthropic/amber-1-nano"])
    os.rename(models / "mistral", models / "anthropic")
    _agrees(preview, gone=["mistral/amber-1-mini", "mistral/amber-1-nano"])


def test_a_symlink_out_of_the_project_shows_up_as_an_error_and_its_removal_clears_it(preview, tmp_path):
    """The watcher must report the link itself, not the file it points to (which is outside what it watches)."""
    outside = tmp_path / "passwd"
    outside.write_text("root:x:0:0:SECRET:/root:/bin/bash\n", encoding="utf-8")
    link = _review(preview, "openai/evil")
    os.symlink(outside, link)
    _agrees(preview)
    status, html = preview.get("")
    assert any("symlink-outside" in line for line in _box(html)) and "SECRET" not in html
    link.unlink()
    _agrees(preview)
