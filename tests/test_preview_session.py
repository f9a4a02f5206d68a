"""The preview end to end over HTTP: saves show up, errors show up and go away, the server stays up."""

from __future__ import annotations

import re
import threading
import urllib.request

import pytest
from preview_project import make_project, running_preview, wait_until
from selectolax.lexbor import LexborHTMLParser as HTML

from generator.preview.inject import ERROR_BOX_ID

KEY = "openai/amber-0-mini"
REVIEW = f"content/models/{KEY}.md"
PAGE = f"models/{KEY}/"


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("preview") / "project", reviews=12)
    with running_preview(project) as running:
        yield running


@pytest.fixture
def review(preview):
    """The review's text, restored (and taken in) after the test."""
    path = preview.project.root / REVIEW
    original = path.read_text(encoding="utf-8")
    yield original
    preview.save(REVIEW, original)


def _title_and_summary(html: str) -> tuple[str, str]:
    tree = HTML(html)
    return tree.css_first("article h1").text(), tree.css_first("article p.mr-lead").text()


def _box(html: str) -> list[str]:
    box = HTML(html).css_first(f"#{ERROR_BOX_ID}")
    return [li.css_first("code").text() for li in box.css("li")] if box else []


def test_the_preview_serves_the_generated_pages(preview):
    status, html = preview.get(PAGE)
    assert status == 200
    assert _title_and_summary(html)[0] == "Amber 0 Mini"
    assert HTML(html).css_first("script#modelreview-livereload") is not None
    assert preview.get("")[0] == 200
    assert preview.get("compare/")[0] == 200
    assert preview.get("no/such/page/")[0] == 404


def test_a_saved_review_is_served_changed_and_only_requested_pages_are_rendered(preview, review):
    preview.get(PAGE)
    version, renders = preview.session.version, preview.site.renders
    preview.save(REVIEW, review.replace("summary: A synthetic Amber 0 Mini review", "summary: Edited summary"))
    assert preview.session.version == version + 1
    assert preview.site.renders == renders  # nothing rendered until someone asks
    status, html = preview.get(PAGE)
    assert status == 200
    assert _title_and_summary(html)[1].startswith("Edited summary, generated to measure the site")
    assert preview.site.renders == renders + 1
    assert re.search(rf"\] {REVIEW}: \d+ pages to re-render \(\d+\.\d\d s\)", preview.out.getvalue())


@pytest.mark.parametrize("broken,expected", [
    (("context_window: ", "context_window: lots #"), r":\d+:17: error\[wrong-type\]: 'context_window': expected a whole"),
    (("bracket: value", "bracket: valeu"), r":\d+:10: error\[unknown-bracket\]: bracket 'valeu' is not in"),
    (("name: Amber 0 Mini", "name: [Amber"), r":\d+:\d+: error\[yaml-syntax\]"),
], ids=["wrong-type", "cross-file", "yaml"])
def test_an_error_keeps_the_last_good_page_shows_the_message_and_a_fix_recovers(preview, review, broken, expected):
    preview.save(REVIEW, review.replace("summary: A synthetic", "summary: Good edit, a synthetic"))
    good = _title_and_summary(preview.get(PAGE)[1])
    old, new = broken
    assert old in review
    preview.save(REVIEW, review.replace(old, new, 1))

    status, html = preview.get(PAGE)
    assert status == 200
    assert _title_and_summary(html) == good
    box = _box(html)
    [line] = [item for item in box if item.startswith(REVIEW)]   # others may name the review it broke
    assert re.fullmatch(re.escape(REVIEW) + expected + ".*", line)
    terminal = preview.out.getvalue()
    assert line in terminal.splitlines()                 # the same words as in the terminal
    assert "the preview keeps showing the last version without errors" in terminal
    assert _box(preview.get("")[1]) == box               # every page shows it

    preview.save(REVIEW, review.replace("summary: A synthetic", "summary: Fixed, a synthetic"))
    status, html = preview.get(PAGE)
    assert _box(html) == []
    assert _title_and_summary(html)[1].startswith("Fixed, a synthetic")
    assert "fixed: no errors left" in preview.out.getvalue()


def test_new_and_deleted_reviews_gain_and_lose_their_pages(preview, review):
    new = "content/models/openai/zz-new.md"
    preview.save(new, review.replace("name: Amber 0 Mini", "name: Zed New")
                 .replace("snapshot: amber-0-mini-", "snapshot: zz-new-")
                 .replace("Amber 0 Mini Latest", "Zed New Latest"))
    status, html = preview.get("models/openai/zz-new/")
    assert status == 200, _box(html)
    assert _title_and_summary(html)[0] == "Zed New"
    assert "Zed New" in HTML(preview.get("models/")[1]).css_first("article table").text()
    api = preview.get("api/models.json")
    assert api[0] == 200 and "openai/zz-new" in api[1]      # the data files follow the catalog too
    preview.delete(new)
    assert preview.get("models/openai/zz-new/")[0] == 404
    assert "Zed New" not in HTML(preview.get("models/")[1]).css_first("article table").text()
    assert "openai/zz-new" not in preview.get("api/models.json")[1]
    assert preview.get("api/models/openai/zz-new.json")[0] == 404


def test_a_template_change_reaches_every_page_of_its_kind(preview):
    template = preview.project.root / "templates" / "pages" / "review.md"
    original = template.read_text(encoding="utf-8")
    try:
        preview.save("templates/pages/review.md", original.replace("## Specifications", "## Specs edited"))
        headings = [h.text() for h in HTML(preview.get(PAGE)[1]).css("article h2")]
        assert "Specs edited" in " ".join(headings)
    finally:
        preview.save("templates/pages/review.md", original)
    assert "Specifications" in " ".join(h.text() for h in HTML(preview.get(PAGE)[1]).css("article h2"))


def test_a_theme_override_change_reaches_the_pages(preview):
    """Theme templates are read once per set-up too; saving one in templates/theme/ sets it up again."""
    theme = preview.project.root / "templates" / "theme" / "main.html"
    original = theme.read_text(encoding="utf-8")
    preview.get(PAGE)   # main.html is loaded
    marker = '<meta name="x-theme-edit" content="yes">'
    try:
        preview.save("templates/theme/main.html", original.replace('<meta name="twitter:card"', marker +
                                                                   '\n  <meta name="twitter:card"', 1))
        assert HTML(preview.get(PAGE)[1]).css_first('meta[name="x-theme-edit"]') is not None
    finally:
        preview.save("templates/theme/main.html", original)
    assert HTML(preview.get(PAGE)[1]).css_first('meta[name="x-theme-edit"]') is None


def test_a_template_saved_while_the_content_has_errors_shows_once_they_are_fixed(preview, review):
    """Templates are read once per set-up, so the set-up a template save calls for must wait
    for the content's errors to go, not be forgotten."""
    template = preview.project.root / "templates" / "pages" / "review.md"
    original = template.read_text(encoding="utf-8")
    preview.get(PAGE)   # its template is loaded
    try:
        preview.save(REVIEW, review.replace("bracket: value", "bracket: valeu"))
        preview.save("templates/pages/review.md", original.replace("## Specifications", "## Specs while broken"))
        assert any("error[unknown-bracket]" in line for line in _box(preview.get(PAGE)[1]))
        preview.save(REVIEW, review)
        headings = [h.text() for h in HTML(preview.get(PAGE)[1]).css("article h2")]
        assert "Specs while broken" in " ".join(headings)
    finally:
        preview.save("templates/pages/review.md", original)
    assert "Specifications" in " ".join(h.text() for h in HTML(preview.get(PAGE)[1]).css("article h2"))


def test_a_template_mistake_is_named_at_its_line_in_the_terminal_and_the_error_box(preview):
    template = preview.project.root / "templates" / "pages" / "review.md"
    original = template.read_text(encoding="utf-8")
    before = _title_and_summary(preview.get(PAGE)[1])
    try:
        preview.save("templates/pages/review.md", original + "{{ no_such_name.x }}\n")
        said, version = len(preview.out.getvalue()), preview.session.version
        status, html = preview.get(PAGE)    # the site was set up again for the template: no last version
        line = len(original.splitlines()) + 1
        headline = (f"templates/pages/review.md:{line}:1: error[template-error]: the template failed while "
                    f"rendering models/{KEY}.md: 'no_such_name' is undefined")
        printed = preview.out.getvalue()[said:]
        assert headline in printed and "Traceback" not in printed
        assert preview.session.version == version + 1
        assert _box(preview.get(PAGE)[1]) == [headline]
        assert preview.session.version == version + 1      # failing the same way again changes nothing
        assert printed.count("error[template-error]") == 1
    finally:
        preview.save("templates/pages/review.md", original)
    assert _title_and_summary(preview.get(PAGE)[1]) == before
    assert not [d for d in preview.session.diagnostics if d.code == "template-error"]


def test_the_reload_endpoint_answers_when_the_version_moves(preview, review):
    version = preview.session.version
    with urllib.request.urlopen(f"{preview.url}_preview/changes?since={version - 1}", timeout=5) as response:
        assert int(response.read()) == version           # already newer: answers at once
    answers: list[int] = []

    def wait() -> None:
        with urllib.request.urlopen(f"{preview.url}_preview/changes?since={version}", timeout=30) as response:
            answers.append(int(response.read()))

    waiter = threading.Thread(target=wait)
    waiter.start()
    assert not wait_until(lambda: answers, timeout=0.3)   # holds the request while nothing changes
    preview.save(REVIEW, review.replace("summary: A synthetic", "summary: Poll, a synthetic"))
    waiter.join(timeout=5)
    assert answers == [version + 1]


def test_status_reports_version_and_errors(preview, review):
    import json
    preview.save(REVIEW, review.replace("bracket: value", "bracket: valeu"))
    status = json.loads(preview.get("_preview/status")[1])
    assert status["version"] == preview.session.version
    assert len(status["errors"]) == 1 and "unknown-bracket" in status["errors"][0]
    assert status["catalog_checks"] in ("idle", "running")
    assert status["stale_pages"] == preview.site.stale > 0     # fill is off in these tests


def test_catalog_check_findings_join_the_box_after_the_edit_is_shown(preview, review):
    claim = "It costs $9.99 per 1M input tokens.\n\n## Our verdict"
    preview.save(REVIEW, review.replace("## Our verdict", claim, 1))
    assert preview.session.checks_idle.wait(30)
    status, html = preview.get(PAGE)
    assert "It costs $9.99 per 1M input tokens." in HTML(html).css_first("article").text()  # the edit is shown
    [line] = _box(html)
    assert re.fullmatch(re.escape(REVIEW) + r":\d+:10: error\[claim-price\]: claim \"\$9\.99 per 1M input tokens\""
                        r" contradicts the data: .*", line)
    assert line in preview.out.getvalue().splitlines()
    assert "1 error in 1 file found by the catalog checks" in preview.out.getvalue()

    preview.save(REVIEW, review)
    assert preview.session.checks_idle.wait(30)
    assert _box(preview.get(PAGE)[1]) == []


def test_a_binding_that_does_not_resolve_is_an_error_before_anything_renders(preview, review):
    good = _title_and_summary(preview.get(PAGE)[1])
    preview.save(REVIEW, review.replace("## Our verdict", "Price: {{ price.bogus }}.\n\n## Our verdict", 1)
                 .replace("summary: A synthetic", "summary: Unrendered, a synthetic"))
    # The catalog stage resolves bindings, so the error is known with the edit, not after the claim checks.
    [line] = _box(preview.get(PAGE)[1])
    assert "error[binding-unknown-field]: {{ price.bogus }}" in line
    status, html = preview.get(PAGE)
    assert status == 200 and _title_and_summary(html) == good
    assert "kept its last version" not in preview.out.getvalue()
    assert "Traceback" not in preview.out.getvalue()


def test_a_project_that_starts_with_errors_is_served_once_they_are_fixed(tmp_path):
    project = make_project(tmp_path / "project", reviews=4)
    path = project.content_dir / "models" / f"{KEY}.md"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("bracket: value", "bracket: valeu"), encoding="utf-8")
    with running_preview(project) as preview:
        status, html = preview.get("")
        assert status == 503
        assert HTML(html).css_first("h1").text() == "Nothing to preview yet"
        assert any("error[unknown-bracket]" in line for line in _box(html))
        assert HTML(html).css_first("script#modelreview-livereload") is not None
        preview.save(REVIEW, good)
        status, html = preview.get(PAGE)
        assert status == 200 and _box(html) == []
        assert _title_and_summary(html)[0] == "Amber 0 Mini"


def test_idle_time_renders_every_page_then_writes_the_search_index(tmp_path):
    import json
    project = make_project(tmp_path / "project", reviews=4)
    with running_preview(project, fill=True) as preview:
        messages: list[str] = []
        preview.site.announce = messages.append
        assert preview.site.filled.wait(120)
        assert preview.site.stale == 0
        assert len(messages) == 1 and messages[0].startswith("every page rendered (")
        index = json.loads(preview.get("search/search_index.json")[1])
        locations = {doc["location"] for doc in index["docs"]}
        assert f"models/{KEY}/" in locations
        sitemap = preview.get("sitemap.xml")[1]
        assert f"{preview.url}models/{KEY}/</loc>" in sitemap


def test_the_preview_search_index_is_the_one_the_build_writes(tmp_path):
    """Generated pages skip Material's per-page indexer in the preview too; the entries the fill
    writes at its end must be the build's, entry for entry, after an edit as at the start."""
    import json

    from conftest import TODAY
    from generator.publish.build import build_site
    project = make_project(tmp_path / "project", reviews=6)
    (project.root / "docs" / "handwritten.md").write_text("# Hand written\n\n## A section\n\nText here.\n")
    path = project.root / REVIEW
    with running_preview(project) as preview:
        preview.get(PAGE)   # rendered before the edit: the fill must render it again
        preview.save(REVIEW, path.read_text(encoding="utf-8").replace(
            "summary: A synthetic Amber 0 Mini review", "summary: Edited for the search index"))
        preview.site.fill_enabled = True
        preview.site._wake.set()
        assert preview.site.filled.wait(120)
        served = json.loads(preview.get("search/search_index.json")[1])
    built = build_site(project, tmp_path / "built", today=TODAY, cache=False)
    assert built.ok, built.error
    expected = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))

    def entries(index):
        return sorted(json.dumps(doc, sort_keys=True) for doc in index["docs"])

    assert entries(served) == entries(expected)
    assert served["config"] == expected["config"]
    [entry] = [doc for doc in served["docs"] if doc["location"] == PAGE]
    assert "Edited for the search index" in entry["text"]
    assert any(doc["location"].startswith("handwritten/") for doc in served["docs"])


def test_a_site_config_change_starts_the_site_over(preview):
    path = preview.project.root / "site_config" / "site.yaml"
    original = path.read_text(encoding="utf-8")
    assert "  name: modelreview\n" in original
    try:
        preview.save("site_config/site.yaml", original.replace("  name: modelreview\n", "  name: Renamed reviews\n"))
        assert "set up" in preview.out.getvalue().splitlines()[-1]
        title = HTML(preview.get(PAGE)[1]).css_first("title").text()
        assert title.endswith("Renamed reviews")
    finally:
        preview.save("site_config/site.yaml", original)
    assert HTML(preview.get(PAGE)[1]).css_first("title").text().endswith("modelreview")


def _slow_catalog_checks(catalog):
    """Runs in the forked child: a catalog check that takes its time, so the test sees the state before it ends."""
    import time

    from generator.project import run_catalog_checks
    time.sleep(20)
    return run_catalog_checks(catalog)


def test_a_saved_file_drops_its_old_catalog_findings_before_the_new_checks_end(preview, review, monkeypatch):
    claim = "It costs $9.99 per 1M input tokens.\n\n## Our verdict"
    preview.save(REVIEW, review.replace("## Our verdict", claim, 1))
    assert preview.session.checks_idle.wait(30)
    assert len(_box(preview.get(PAGE)[1])) == 1              # the claim error, from the catalog checks

    import generator.preview.session as session_module
    monkeypatch.setattr(session_module, "run_catalog_checks", _slow_catalog_checks)
    preview.save(REVIEW, review)                             # the claim is gone from the file
    assert not preview.session.checks_idle.is_set()          # its catalog checks are still running
    assert _box(preview.get(PAGE)[1]) == []                  # but the old finding is not shown any more


def _children() -> set[int]:
    import os
    found: set[int] = set()
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/children") as listing:
                found |= {int(pid) for pid in listing.read().split()}
        except FileNotFoundError:   # a request thread that just ended
            pass
    return found


def test_stopping_a_session_ends_its_thread_and_any_forked_check(preview, tmp_path, monkeypatch):
    import os

    import generator.preview.session as session_module
    assert preview.session.checks_idle.wait(30)            # the module's other session has no child running
    monkeypatch.setattr(session_module, "run_catalog_checks", _slow_catalog_checks)
    threads, children = set(threading.enumerate()), _children()
    project = make_project(tmp_path / "project", reviews=3)
    with running_preview(project) as running:
        assert wait_until(lambda: running.session.checks_idle.is_set() is False and _children() - children)
        mine = _children() - children                      # the forked check of this session
        [checker] = [t for t in threading.enumerate() if t.name == "preview-checks" and t not in threads]
        running.session.stop()
        assert not checker.is_alive()
        assert not mine & _children()
        for pid in mine:                                   # killed and reaped, not left a zombie
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)


def test_the_catalog_checks_wait_until_the_edit_has_been_served(preview, review, monkeypatch):
    """The forked check must not compete with the page the editor is waiting for: while saves
    and requests keep coming it does not start; once they stop, it runs."""
    import time

    import generator.preview.session as session_module
    assert preview.session.checks_idle.wait(30)
    monkeypatch.setattr(session_module, "CHECKS_AFTER_QUIET", 2.0)
    children = _children()
    preview.save(REVIEW, review.replace("summary: A synthetic", "summary: Checked later, a synthetic"))
    busy_until = time.monotonic() + 1.5
    while time.monotonic() < busy_until:
        assert preview.get(PAGE)[0] == 200
        assert not (_children() - children), "the check was forked while the page was being served"
        time.sleep(0.1)
    assert not preview.session.checks_idle.is_set()
    assert preview.session.checks_idle.wait(30)


def test_a_save_holds_the_background_fill_back(tmp_path, monkeypatch):
    """While a save is taken in (here a slow one), the fill renders no page of its own."""
    import time

    import generator.preview.session as session_module
    project = make_project(tmp_path / "project", reviews=40)
    with running_preview(project, fill=True) as preview:
        site = preview.site
        assert wait_until(lambda: site.renders > 0, timeout=30)   # the fill is under way
        assert not site.filled.is_set()
        check_loaded = session_module.check_loaded
        during: list[tuple[int, int]] = []

        def slow_check(*args, **kwargs):
            with site.lock:         # a page the fill had begun before the save is finished first
                renders = site.renders
            time.sleep(0.3)         # well inside IDLE_BEFORE_FILL: the fill must not resume on its own
            during.append((renders, site.renders))
            return check_loaded(*args, **kwargs)

        monkeypatch.setattr(session_module, "check_loaded", slow_check)
        path = project.root / REVIEW
        text = path.read_text(encoding="utf-8").replace("summary: A synthetic", "summary: Held, a synthetic")
        path.write_text(text, encoding="utf-8")
        preview.session.apply({path.resolve()})
        [(before, after)] = during
        assert after == before
