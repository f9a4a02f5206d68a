"""Accessibility: axe-core (from npm, see package.json) finds no violation on one page of each kind.

Run on the built sample in the light scheme at desktop width and the dark one at phone width,
with the calculator and filter panels open, so the reader's tools are checked too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
pytest_plugins = ["browser_helpers"]

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "models/?in=1000000&out=500000&caps=tools", "models/openai/gpt-4.1-mini/?in=1000000",
         "compare/", "compare/gpt-4.1-vs-gpt-4.1-mini/", "providers/", "providers/openai/", "brackets/",
         "brackets/value/", "about/", "open-data/"]


def violations(page) -> list[str]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing; run scripts/install-axe.sh (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


@pytest.mark.parametrize("scheme,width", [("light", 1280), ("dark", 390)])
def test_no_axe_violations(chromium, served_sample, scheme, width):
    base, _ = served_sample
    context = chromium.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    try:
        for url in PAGES:
            page.goto(base + url)
            page.locator("html[data-mr-scripts]").wait_for(state="attached")   # scripts start after the first paint
            page.wait_for_load_state("networkidle")
            problems = violations(page)
            if problems:
                found[url] = problems
    finally:
        context.close()
    assert found == {}
