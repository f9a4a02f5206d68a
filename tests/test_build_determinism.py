"""Two builds of the same input are byte-identical, whatever the day or the output folder."""

from __future__ import annotations

import gzip

from conftest import TODAY
from generator.publish.build import build_site
from generator.project import Project
from render_sample import add_publishing, write_sample


def test_two_builds_are_identical(site, monkeypatch):
    add_publishing(write_sample(site))
    project = Project.at(site.root)
    first = build_site(project, site.root / "one", today=TODAY)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")   # a different "now" must not leak into output
    second = build_site(project, site.root / "two", today=TODAY)
    assert first.ok and second.ok
    files_one = sorted(p.relative_to(first.site_dir) for p in first.site_dir.rglob("*") if p.is_file())
    files_two = sorted(p.relative_to(second.site_dir) for p in second.site_dir.rglob("*") if p.is_file())
    assert files_one == files_two
    assert len(files_one) > 40
    different = [str(p) for p in files_one if (first.site_dir / p).read_bytes() != (second.site_dir / p).read_bytes()]
    assert different == []
    with gzip.open(first.site_dir / "sitemap.xml.gz") as packed:
        assert packed.read() == (first.site_dir / "sitemap.xml").read_bytes()
