"""One headless Chromium for every browser test (a pytest plugin: `pytest_plugins = [...]`).

Playwright drives Debian's chromium (`playwright install` cannot download browsers
here); `make test` installs it with scripts/install-chromium.sh first. A missing
browser fails the tests instead of skipping them, so CI cannot pass without them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing; run scripts/install-chromium.sh (make test does)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()


@pytest.fixture
def page(chromium):
    """A fresh tab at desktop width; closed after the test."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="session")
def served_sample(tmp_path_factory):
    """(base URL, catalog) of the repository's sample project, built once with `build_site`
    (what `modelreview build` runs) and served as static files, as any web host would."""
    from preview_project import make_project, serve_folder

    from generator.publish.build import build_site
    from generator.project import check_project

    project = make_project(tmp_path_factory.mktemp("browser") / "project", reviews=None)
    site_dir = project.root / "site"
    result = build_site(project, site_dir)
    assert result.ok, result.error or result.diagnostics
    catalog = check_project(project).catalog
    assert catalog is not None
    server = serve_folder(site_dir)
    yield next(server), catalog
    server.close()
    shutil.rmtree(site_dir, ignore_errors=True)


MODELS_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "models-dev" / "api.json"


@pytest.fixture(scope="session")
def served_catalog(tmp_path_factory):
    """(base URL, catalog) of the whole shared models.dev snapshot, imported into its own
    content tree and built with `build_site`, as `make catalog` does: the readers' tools
    must work at the size of a real catalog, not only on the sample."""
    from preview_project import make_project, serve_folder

    from generator.authoring import import_catalog
    from generator.project import Project, check_project
    from generator.publish.build import build_site

    root = tmp_path_factory.mktemp("catalog") / "project"
    make_project(root, reviews=0)
    content = root / "catalog-content"
    import_catalog(Project.at(root), "models-dev", MODELS_DEV, into=content, all_=True)
    project = Project.at(root, content)
    site_dir = root / "site"
    result = build_site(project, site_dir)
    assert result.ok, result.error or [d for d in result.diagnostics if d.is_error][:5]
    catalog = check_project(project).catalog
    assert catalog is not None and len(catalog.models) > 1000
    server = serve_folder(site_dir)
    yield next(server), catalog
    server.close()
    shutil.rmtree(root, ignore_errors=True)
