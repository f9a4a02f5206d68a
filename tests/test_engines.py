"""The sample site builds the same with MkDocs 1.6 and with ProperDocs, its maintained fork.

Both read the same mkdocs.yml and load the plugin from their own entry-point group
(`mkdocs.plugins`, `properdocs.plugins`). The builds agree byte for byte except for
the `<meta name="generator">` line each engine writes into every page.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TODAY
from render_sample import add_publishing, write_sample

BIN = Path(sys.executable).parent
GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*">')


def _build(engine: str, root: Path, out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MODELREVIEW_TODAY": TODAY.isoformat()}
    env.pop("MODELREVIEW_CONTENT", None)
    done = subprocess.run([str(BIN / engine), "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(out)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): GENERATOR.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file() and p.suffix != ".gz"}


def test_mkdocs_and_properdocs_builds_agree(site, tmp_path):
    if not (BIN / "properdocs").exists():
        pytest.fail("properdocs is not installed; it is a dev dependency (pip install -e '.[dev]')")
    add_publishing(write_sample(site))
    config = site.root / "site_config/site.yaml"   # keep the sample's prices from going stale as time passes
    config.write_text(re.sub(r"price_days: \d+", "price_days: 100000", config.read_text()))
    _build("mkdocs", site.root, tmp_path / "mkdocs")
    _build("properdocs", site.root, tmp_path / "properdocs")
    ours, theirs = _files(tmp_path / "mkdocs"), _files(tmp_path / "properdocs")
    assert "models/openai/gpt-4.1-mini/index.html" in ours
    assert b"ProperDocs" in (tmp_path / "properdocs/index.html").read_bytes()
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
