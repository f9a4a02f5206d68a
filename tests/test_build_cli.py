"""`modelreview build`: exit codes, messages, and --content from outside the project."""

from __future__ import annotations

import shutil

from conftest import valid_review
from generator.cli import main
from render_sample import add_publishing, write_sample


def test_build_with_content_elsewhere(site, tmp_path, capsys):
    add_publishing(write_sample(site))
    elsewhere = tmp_path / "corpus"
    shutil.move(str(site.content), elsewhere)
    out = tmp_path / "out"
    status = main(["build", "--root", str(site.root), "--content", str(elsewhere), "--site-dir", str(out)])
    assert status == 0
    assert capsys.readouterr().out == f"built {out} (26 pages rendered, 0 reused from the cache)\n"
    assert (out / "models/openai/gpt-4.1-mini/index.html").is_file()
    assert not (site.root / "site").exists()


def test_build_refuses_content_errors_and_prints_them_like_check(site, capsys):
    add_publishing(write_sample(site))
    site.review("openai/gpt-4.1", valid_review(name="GPT-4.1", bracket="premuim"))
    assert main(["build", "--root", str(site.root)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("content/models/openai/gpt-4.1.md:4:10: error[unknown-bracket]: bracket 'premuim' is not "
                          "in site_config/brackets.yaml\n")
    assert "  hint: did you mean 'premium'?\n" in out
    assert out.endswith(f"1 error in 1 file\nbuild failed: the content has errors; {site.root / 'site'} was left "
                        "unchanged\n")
    assert not (site.root / "site").exists()


def test_strict_build_stops_on_warnings(site, capsys):
    add_publishing(write_sample(site))
    site.review("openai/gpt-4.1", valid_review(name="GPT-4.1", family="gpt-4.1", bracket="premium"),
                body="")
    assert main(["build", "--root", str(site.root), "--strict"]) == 1
    assert "error[no-prose]" in capsys.readouterr().out
    assert main(["build", "--root", str(site.root)]) == 0
    assert capsys.readouterr().out.count("warning[no-prose]") == 1   # printed once, not again by MkDocs
