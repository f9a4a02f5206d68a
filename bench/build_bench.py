"""Build benchmark: `modelreview build` against plain MkDocs + Material on the same pages.

    .venv/bin/python bench/build_bench.py            # 2,500 generated reviews
    .venv/bin/python bench/build_bench.py -n 300     # a quick run
    .venv/bin/python bench/build_bench.py --content DIR   # an imported catalog (make catalog's tree)

Writes a scratch project (this repository's mkdocs.yml, templates, docs and
site_config; `bench/corpus.py` content), then measures, each in a fresh process:

1. `modelreview check` (how much of the build is checking),
2. `modelreview build`, cold: an empty build cache (check, render, theme, atomic swap),
3. the same build again with nothing changed (nothing to do: the site is up to date),
4. the same build after a YAML comment was added to one review (the inputs changed, no page:
   everything is checked again and every page reused, the full warm path),
5. the build after one price edit in one review (warm: the pages that show it rendered),
6. plain `mkdocs build` of the very same pages, already written out as Markdown
   (`render_site`), with the same theme, extensions and assets but no modelreview
   plugin: the reference our build is compared with,
7. Hugo on the same Markdown pages with a minimal layout, when `hugo` is installed.

`--no-mkdocs` leaves out step 6, which takes ten minutes at 2,500 reviews.

For each: pages written, wall time, pages per second and peak memory (max RSS of
the process and its workers, from `wait4`). Prints a table, the ratios against plain
MkDocs and Hugo, and the issue's targets beside them. Timings on a shared machine
swing; the ratios are measured in one run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from corpus import write_corpus  # noqa: E402

BIN = Path(sys.executable).parent


@dataclass
class Run:
    what: str
    pages: int
    seconds: float
    peak_mb: float
    ok: bool
    note: str = ""             # what `modelreview build` said it rendered and reused

    def row(self) -> str:
        rate = f"{self.pages / self.seconds:8.1f}" if self.pages and self.seconds else "       -"
        pages = f"{self.pages:7d}" if self.pages else "      -"
        return (f"{self.what:38} {pages} {self.seconds:9.1f} {rate} {self.peak_mb:9.0f}"
                f"{'' if self.ok else '  FAILED'}{'  ' + self.note if self.note else ''}")


def measure(what: str, command: list[str], cwd: Path, site: Path | None, env: dict | None = None) -> Run:
    """Run `command` in its own process; wall time and that process's peak RSS (`wait4`)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    # Linux's wait4 reports the larger of the process's peak and its waited-for children's
    # (the forked render workers), so ru_maxrss covers them.
    seconds = time.perf_counter() - started
    ok = os.waitstatus_to_exitcode(status) == 0
    if not ok:
        print(output.decode(errors="replace")[-3000:], file=sys.stderr)
    pages = sum(1 for _ in site.rglob("index.html")) if site and site.is_dir() else 0
    said = re.search(r"\(([\d,]+ pages rendered, [\d,]+ reused)[^)]*\)", output.decode(errors="replace"))
    note = said.group(1) if said else ("up to date" if b"is up to date" in output else "")
    return Run(what, pages, seconds, usage.ru_maxrss / 1024, ok, note)


def settle(work: Path, project: Path, limit: float = 300) -> None:
    """Wait until the previous site's tree, which a large build deletes in the background after
    the swap, is gone, so its disk work is not timed as part of the next build."""
    started = time.perf_counter()
    def pending() -> list[Path]:
        return [*work.glob(".site-*"), *(project / ".cache" / "modelreview").glob("*/.trash-*")]
    while pending() and time.perf_counter() - started < limit:
        time.sleep(0.2)
    waited = time.perf_counter() - started
    if waited > 0.5:
        print(f"(waited {waited:.1f} s for the previous site to be deleted in the background)", flush=True)


def make_project(root: Path, n: int, seed: int, content: Path | None = None) -> None:
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("templates", "docs", "site_config"):
        shutil.copytree(REPO / folder, root / folder)
    if content is not None:
        shutil.copytree(content, root / "content")
        return
    write_corpus(root / "content", n, seed)
    if (REPO / "content" / "pages").is_dir():
        shutil.copytree(REPO / "content" / "pages", root / "content" / "pages")


def write_plain_project(project: Path, plain: Path) -> None:
    """The same site as plain MkDocs sees it: every generated page as a Markdown file."""
    from generator.project import Project, check_project
    from generator.render import render_site

    result = check_project(Project.at(project))
    if result.catalog is None:
        raise SystemExit("the generated corpus does not check cleanly; see `modelreview check`")
    docs = plain / "docs"
    shutil.copytree(project / "docs", docs)
    for uri, text in render_site(result.catalog, project / "templates").items():
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copytree(project / "templates", plain / "templates")
    site = result.catalog.config.site
    config = _mkdocs_yml(project / "mkdocs.yml")
    config["plugins"] = [p for p in config.get("plugins", []) if not _is_modelreview(p)]
    config.update(site_name=site.name, site_url=site.url, site_description=site.description,
                  docs_dir="docs", site_dir="site")
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def add_comment(content: Path) -> Path:
    """A comment line at the top of the first review's front matter: the inputs change, no page does,
    so the build checks everything again and reuses every page (the full warm path)."""
    path = sorted((content / "models").rglob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\n# looked at again for the benchmark\n", 1), encoding="utf-8")
    return path


def edit_one_price(content: Path) -> Path:
    """Raise the first numeric `input:` price of the first review by about 10%; returns the file."""
    import re
    for path in sorted((content / "models").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = re.search(r"(?m)^(\s+input:\s*)([0-9]+(?:\.[0-9]+)?)\s*$", text)
        if match:
            old, new = match.group(2), f"{float(match.group(2)) * 1.1 + 0.01:.4f}"
            # every `input: <old>`, block or flow style, so the newest price-history entry still
            # matches pricing.input
            text = re.sub(rf"(?m)(\binput:\s*){re.escape(old)}(?=\s*$|\s*[,}}])", lambda m: m.group(1) + new, text)
            path.write_text(text, encoding="utf-8")
            return path
    raise SystemExit("no review with a numeric input price to edit")


HUGO_LAYOUT = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link rel="stylesheet" href="/assets/stylesheets/modelreview.css"></head>
<body><main>{{ .Content }}</main></body></html>
"""


def write_hugo_project(plain: Path, hugo: Path) -> None:
    """The plain project's Markdown under a minimal Hugo layout (index.md → _index.md, raw HTML kept)."""
    for source in (plain / "docs").rglob("*.md"):
        relative = source.relative_to(plain / "docs")
        target = hugo / "content" / (relative.with_name("_index.md") if relative.name == "index.md" else relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    layouts = hugo / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (layouts / name).write_text(HUGO_LAYOUT, encoding="utf-8")
    (hugo / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "bench"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS"]\n'
                                    '[markup.goldmark.renderer]\nunsafe = true\n', encoding="utf-8")


def _mkdocs_yml(path: Path) -> dict:
    """mkdocs.yml as data; `!ENV [NAME, default]` becomes its default."""
    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node):
        values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value]
        return os.environ.get(values[0], values[-1] if len(values) > 1 else None)

    Loader.add_constructor("!ENV", env)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def _is_modelreview(entry) -> bool:
    return entry == "modelreview" or (isinstance(entry, dict) and "modelreview" in entry)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2500, help="generated reviews (default 2500)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--content", type=Path, help="build this content tree instead of a generated corpus")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temp folder)")
    parser.add_argument("--no-mkdocs", action="store_true",
                        help="skip the plain MkDocs reference (ten minutes at 2,500 reviews); no ratio against it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="modelreview-bench-"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        project, plain, hugo = work / "project", work / "plain", work / "hugo"
        what = f"content from {args.content}" if args.content else f"{args.n} generated reviews, seed {args.seed}"
        print(f"writing the project ({what}) to {project} ...", flush=True)
        make_project(project, args.n, args.seed, args.content.resolve() if args.content else None)
        print("writing the same pages as plain Markdown ...", flush=True)
        write_plain_project(project, plain)
        build = [str(BIN / "modelreview"), "build", "--root", str(project), "--site-dir", str(work / "site")]
        runs = [measure("modelreview check", [str(BIN / "modelreview"), "check", "--root", str(project)],
                        project, None, env),
                measure("modelreview build (cold, empty cache)", build, project, work / "site", env)]
        settle(work, project)
        runs.append(measure("modelreview build (warm, no change)", build, project, work / "site", env))
        settle(work, project)
        touched = add_comment(project / "content")
        print(f"added a YAML comment to {touched.relative_to(project)}", flush=True)
        runs.append(measure("modelreview build (warm, comment added)", build, project, work / "site", env))
        settle(work, project)
        edited = edit_one_price(project / "content")
        print(f"edited one price in {edited.relative_to(project)}", flush=True)
        runs.append(measure("modelreview build (one price edit)", build, project, work / "site", env))
        if not args.no_mkdocs:
            runs.append(measure("mkdocs build (plain, same pages)", [str(BIN / "mkdocs"), "build", "-q", "-f",
                                                                     str(plain / "mkdocs.yml")], plain, plain / "site", env))
        hugo_bin = shutil.which("hugo")
        if hugo_bin:
            write_hugo_project(plain, hugo)
            runs.append(measure("hugo (same Markdown, minimal layout)", [hugo_bin, "--quiet", "-d", str(hugo / "public")],
                                hugo, hugo / "public", env))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{what}; python {sys.version.split()[0]}, {os.cpu_count()} cores\n")
    print(f"{'':38} {'pages':>7} {'wall s':>9} {'pages/s':>8} {'peak MB':>9}")
    for run in runs:
        print(run.row())
    cold, warm, touched, edit = runs[1], runs[2], runs[3], runs[4]
    floor = next((run for run in runs if run.what.startswith("mkdocs")), None)
    hugo_run = next((run for run in runs if run.what.startswith("hugo")), None)
    print()
    if cold.ok and floor is not None and floor.ok:
        print(f"cold build / plain mkdocs: {cold.seconds / floor.seconds:.2f}x (target <= 0.15x)")
    if hugo_run is not None and hugo_run.ok and cold.ok:
        print(f"cold build / hugo: {cold.seconds / hugo_run.seconds:.1f}x (target <= 5x)")
    print(f"warm rebuild, no change: {warm.seconds:.1f} s (target <= 3 s)")
    print(f"warm rebuild, a comment added (checked again, every page reused): {touched.seconds:.1f} s")
    print(f"rebuild after one price edit: {edit.seconds:.1f} s (target <= 5 s)")
    print(f"peak memory of a build: {max(r.peak_mb for r in runs[1:5]):.0f} MB (target <= 1024 MB)")
    return 0 if all(run.ok for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
