"""The `modelreview` command: parse options, call one function, exit with its status.

No logic lives here. Each subcommand's work is in `generator.commands.<name>` (or the
stage module it drives); imports are deferred so `check` does not pay for MkDocs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .project import Project

FORMATS = ("models-dev", "litellm", "openrouter")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="modelreview", description="Check, build and preview a model-review site.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check reviews and site config; print every problem")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="only report on these files or folders")
    _common(check)
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")

    new = sub.add_parser("new", help="scaffold a review, prefilled from seeds/ when known")
    new.add_argument("ref", metavar="PROVIDER/MODEL-ID")
    _common(new)

    schema = sub.add_parser("schema", help="write the JSON Schema of review front matter")
    schema.add_argument("--output", "-o", type=Path, help="file to write (default: stdout)")

    build = sub.add_parser("build", help="check, then build the site atomically")
    _common(build)
    build.add_argument("--site-dir", type=Path, help="output folder (default: ROOT/site)")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument("--no-cache", action="store_true",
                       help="render every page; neither read nor update the build cache (.cache/modelreview/)")

    serve = sub.add_parser("serve", help="live-reloading preview")
    _common(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)

    imp = sub.add_parser("import", help="create reviews from a public model catalog")
    imp.add_argument("format", choices=FORMATS)
    imp.add_argument("file", type=Path)
    imp.add_argument("--provider", help="only models of this provider")
    imp.add_argument("--model", action="append", default=[], metavar="ID", help="only this model (repeatable)")
    imp.add_argument("--all", action="store_true", help="every chat model in the file")
    imp.add_argument("--into", type=Path, help="content folder to write into (default: ROOT/content)")
    imp.add_argument("--explain", metavar="ID", help="print how this listing id is resolved; write nothing")
    _common(imp)

    sync = sub.add_parser("sync", help="update prices, limits and offers of existing reviews")
    sync.add_argument("format", choices=FORMATS)
    sync.add_argument("file", type=Path)
    sync.add_argument("--dry-run", action="store_true", help="print the diff, change nothing")
    sync.add_argument("--retire-missing", action="store_true",
                      help="mark reviews whose model the catalog no longer lists as retired")
    _common(sync)
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    parser.add_argument("--content", type=Path, help="content folder (default: ROOT/content)")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    project = Project.at(getattr(args, "root", Path(".")), getattr(args, "content", None))
    if args.command == "check":
        from .commands.check import run_check
        return run_check(project, args.paths, args.format, args.strict)
    if args.command == "new":
        from .commands.new import run_new
        return run_new(project, args.ref)
    if args.command == "schema":
        from .commands.schema import run_schema
        return run_schema(args.output)
    if args.command == "build":
        from .commands.build import run_build
        return run_build(project, args.site_dir, args.strict, cache=not args.no_cache)
    if args.command == "serve":
        from .commands.serve import run_serve
        return run_serve(project, args.host, args.port)
    if args.command == "import" and args.explain:
        from .commands.importing import run_explain
        return run_explain(project, args.format, args.file, args.explain)
    if args.command == "import":
        from .commands.importing import run_import
        return run_import(project, args.format, args.file, args.provider, args.model, args.all, args.into)
    if args.command == "sync":
        from .commands.sync import run_sync
        return run_sync(project, args.format, args.file, args.dry_run, retire_missing=args.retire_missing)
    return 2


def run() -> None:
    """The console script: `main`, then exit without tearing the heap down.

    A check of thousands of reviews leaves a large heap that Python would free object
    by object on the way out (~0.1 s at 2,500 reviews) although the process is ending
    anyway; output is flushed first and no command leaves work for exit handlers.
    """
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    run()
