"""Price edits in the preview take the incremental catalog (`update_catalog`) and a patched
renderer; the site they leave must be the one a fresh start on the same files serves."""

from __future__ import annotations

import re

from preview_project import make_project, running_preview

from generator.catalog import build_catalog, resolve_prose, update_catalog
from generator.preview import session as session_module
from generator.render import pages_affected_by


def _reprice(path, factor: float) -> str:
    text = path.read_text(encoding="utf-8")
    old = re.search(r"(?m)^  input: (\S+)$", text).group(1)  # type: ignore[union-attr]
    new = f"{float(old) * factor + 0.01:.4f}"
    return re.sub(rf"(?m)^(\s+)input: {re.escape(old)}$", rf"\g<1>input: {new}", text)


def _written(preview, page: str) -> str:
    """The page as the site wrote it, without the server's address (each preview has its own port)."""
    return (preview.site.root / page / "index.html").read_text(encoding="utf-8").replace(preview.url, "/")


def _derived(catalog):
    return ({key: (m.meta, m.blended, m.costs, m.peers, m.pairs, m.same_provider, m.grade_label)
             for key, m in catalog.models.items()},
            {slug: (p.a, p.b, p.reasons, p.editorial is not None) for slug, p in catalog.pairs.items()},
            catalog.names, catalog.best_value)


def test_price_edits_leave_the_site_a_fresh_start_would_serve(tmp_path, monkeypatch):
    answered = []

    def counted(*args):
        catalog = update_catalog(*args)
        answered.append(catalog is not None)
        return catalog

    monkeypatch.setattr(session_module, "update_catalog", counted)
    project = make_project(tmp_path / "project", reviews=60)
    reviews = sorted((project.root / "content" / "models").rglob("*.md"))
    with running_preview(project) as preview:
        slugs_before = set(preview.session.catalog.pairs)
        for path, factor in zip(reviews[::7], (0.2, 5.0, 0.5, 3.0, 0.1, 8.0, 0.3, 2.0, 0.7)):
            preview.save(path.relative_to(project.root).as_posix(), _reprice(path, factor))
        session, site = preview.session, preview.site
        assert answered and all(answered)      # every edit took the incremental catalog
        catalog = session.catalog
        assert catalog == resolve_prose(build_catalog(session.store.content(), session.config))[0]
        # The pages the session found stale came from its carried index; it answers as the scan does.
        shown = session._model_pages
        assert shown is not None and shown.catalog is catalog
        for key in catalog.models:
            assert pages_affected_by(catalog, key, shown) == pages_affected_by(catalog, key), key
        assert set(catalog.pairs) != slugs_before, "the edits should have moved some comparison pairs"
        # MkDocs' page index, kept in step page by page, is the one it would compute.
        assert site._doc_files == list(site._files.documentation_pages())
        assert site._by_dest == {f.dest_uri: f for f in site._doc_files}
        served = {}
        for slug in sorted(catalog.pairs)[:5] + sorted(set(catalog.pairs) - slugs_before)[:5]:
            assert preview.get(f"compare/{slug}/")[0] == 200, slug
            served[slug] = _written(preview, f"compare/{slug}/")
        assert preview.get("")[0] == 200
        for slug in sorted(slugs_before - set(catalog.pairs))[:5]:
            assert preview.get(f"compare/{slug}/")[0] == 404, slug
        edited = reviews[0]
        page = "models/" + edited.relative_to(project.root / "content" / "models").with_suffix("").as_posix() + "/"
        preview.get(page)
        served_review = _written(preview, page)
    with running_preview(project) as fresh:
        # Records of two loads never compare equal (their YAML positions compare by identity): compare the rest.
        assert _derived(fresh.session.catalog) == _derived(catalog)
        for slug, html in served.items():
            fresh.get(f"compare/{slug}/")
            assert _written(fresh, f"compare/{slug}/") == html, slug
        fresh.get(page)
        assert _written(fresh, page) == served_review
