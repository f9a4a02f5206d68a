"""Build benchmark: `modelreview build` against plain MkDocs + Material on the same pages.

    .venv/bin/python bench/build_bench.py            # 2,500 generated reviews
    .venv/bin/python bench/build_bench.py -n 300     # a quick run

Writes a scratch project (this repository's mkdocs.yml, templates, docs and
site_config; `bench/corpus.py` content), then measures, each in a fresh process:

1. `modelreview check` (how much of the build is checking),
2. `modelreview build` (check, render, MkDocs, atomic swap),
3. plain `mkdocs build` of the very same pages, already written out as Markdown
   (`render_site`), with the same theme, extensions and assets but no modelreview
   plugin: the floor our generator adds to.

For each: pages written, wall time, pages per second and peak memory (max RSS of
the process, from `wait4`). Prints a table and the ratio against the floor.
"""

from __future__ import annotations

import argparse
import os
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

    def row(self) -> str:
        rate = f"{self.pages / self.seconds:8.1f}" if self.pages and self.seconds else "       -"
        pages = f"{self.pages:7d}" if self.pages else "      -"
        return f"{self.what:34} {pages} {self.seconds:9.1f} {rate} {self.peak_mb:9.0f}{'' if self.ok else '  FAILED'}"


def measure(what: str, command: list[str], cwd: Path, site: Path | None, env: dict | None = None) -> Run:
    """Run `command` in its own process; wall time and that process's peak RSS (`wait4`)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    ok = os.waitstatus_to_exitcode(status) == 0
    if not ok:
        print(output.decode(errors="replace")[-3000:], file=sys.stderr)
    pages = sum(1 for _ in site.rglob("index.html")) if site and site.is_dir() else 0
    return Run(what, pages, seconds, usage.ru_maxrss / 1024, ok)


def make_project(root: Path, n: int, seed: int) -> None:
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("templates", "docs", "site_config"):
        shutil.copytree(REPO / folder, root / folder)
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
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temp folder)")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="modelreview-bench-"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        project, plain = work / "project", work / "plain"
        print(f"writing {args.n} reviews to {project} ...", flush=True)
        make_project(project, args.n, args.seed)
        print("writing the same pages as plain Markdown ...", flush=True)
        write_plain_project(project, plain)
        runs = [
            measure("modelreview check", [str(BIN / "modelreview"), "check", "--root", str(project)],
                    project, None, env),
            measure("modelreview build", [str(BIN / "modelreview"), "build", "--root", str(project),
                                          "--site-dir", str(work / "site")], project, work / "site", env),
            measure("mkdocs build (plain, same pages)", [str(BIN / "mkdocs"), "build", "-q", "-f",
                                                         str(plain / "mkdocs.yml")], plain, plain / "site", env),
        ]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{args.n} reviews, seed {args.seed}; python {sys.version.split()[0]}, {os.cpu_count()} cores\n")
    print(f"{'':34} {'pages':>7} {'wall s':>9} {'pages/s':>8} {'peak MB':>9}")
    for run in runs:
        print(run.row())
    check, build, floor = runs
    if build.ok and floor.ok:
        print(f"\nmodelreview build / plain mkdocs: {build.seconds / floor.seconds:.2f}x (target <= 1.3x); "
              f"without the check: {(build.seconds - check.seconds) / floor.seconds:.2f}x")
    return 0 if all(run.ok for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
