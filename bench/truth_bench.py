"""Benchmark: catalog truth — attribution, duplicates and completeness of `modelreview import`.

Imports the shared models.dev snapshot and the real OpenRouter and LiteLLM files into
temporary content folders, runs `check` on each, and measures the written files (not
the importer's own plan), so a resolution bug cannot hide behind its own bookkeeping:

* attribution: of the chat models the 20 labs of `labs.json` list themselves
  (models.dev provider blocks of those labs, plus labs.json records), the share
  reviewed in the lab's own folder (as the review, its snapshot or an alias); and of
  the resellers' listings of an obvious family (claude, gpt, gemini, gemma, llama,
  qwen, mistral, deepseek, grok, glm, kimi ...) whose maker lists the model, the
  share filed as an offer on the maker's review;
* duplicates: reviews that share a resolution key (maker, model) and reviews renamed
  to keep names unique;
* completeness: of the chat listings of each real file, the share that became a
  review or an offer of a review that passes `check` with no error; every other
  listing is named with its reason (`--list`).
  Reviews written with the output limit `unknown` count (the source does not give it,
  or gives one larger than the context window); the bench says how many.

    python bench/truth_bench.py [--data /work/shared/data] [--list]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.authoring.importers import read_catalog  # noqa: E402
from generator.authoring.importers.ids import split_id  # noqa: E402
from generator.authoring.importers.resolve import FAMILY_MAKERS, normal, split_date, split_mode  # noqa: E402
from generator.authoring.importers.run import import_catalog  # noqa: E402
from generator.load.config import load_site_config  # noqa: E402
from generator.project import Project, check_project  # noqa: E402


def imported(project: Project, fmt: str, file: Path, into: Path):
    report = import_catalog(project, fmt, file, all_=True, into=into)
    checked = check_project(Project.at(project.root, into))
    broken = {Path(d.file).resolve() for d in checked.diagnostics if d.is_error}
    broken |= {(project.root / d.file).resolve() for d in checked.diagnostics if d.is_error}
    covers: dict[tuple[str, str], str] = {}   # (provider, id lowercased) -> review key
    reviews = {}
    for review in checked.content.reviews:
        if review.path.resolve() in broken:
            continue
        reviews[review.key] = review
        meta = review.meta
        for name in [review.model_id, meta.snapshot, *meta.aliases]:
            if name:
                covers.setdefault((review.provider, name.lower()), review.key)
                covers.setdefault((review.provider, "~" + normal(split_id(name, review.provider)[1])), review.key)
        for offer in meta.offers:
            route = offer.route or review.model_id
            covers.setdefault((offer.provider, route.lower()), review.key)
            # Bedrock's us./eu./global. copies of one route are one offer.
            covers.setdefault((offer.provider, "~" + normal(split_id(route, offer.provider)[1])), review.key)
    return report, checked, reviews, covers, len(broken)


def covered(covers: dict[tuple[str, str], str], provider: str, model_id: str) -> str | None:
    slug = split_id(model_id, provider)[1]
    return (covers.get((provider, model_id.lower())) or covers.get((provider, slug))
            or covers.get((provider, "~" + normal(slug))))


def attribution(project: Project, data: Path, tmp: Path, listing: bool) -> None:
    api_path = data / "models-dev" / "api.json"
    report, checked, reviews, covers, broken = imported(project, "models-dev", api_path, tmp / "md")
    api = json.loads(api_path.read_text())
    labs = json.loads((data / "models-dev" / "labs.json").read_text())
    lab_keys = sorted({k.split("/")[0] for k in labs})
    config, _ = load_site_config(project.config_dir, project.root)
    keys = {p.key for p in config.providers}
    read = read_catalog("models-dev", api_path, keys)
    chat = {(r.provider, r.model_id) for r in read.records}
    own_total, own_ok, missed = 0, 0, []
    for lab in lab_keys:
        home = {"meta": "llama"}.get(lab, lab)
        ids = set(api.get(lab, {}).get("models", {})) | {k.split("/", 1)[1] for k in labs if k.startswith(lab + "/")}
        for model_id in sorted(ids):
            if (home, model_id) not in chat or "/" in model_id:
                continue   # not a chat model, or a hosted model of another maker (NVIDIA NIM)
            own_total += 1
            owner = covered(covers, home, model_id)
            if owner and owner.startswith(home + "/") and owner.split("/")[1] == reviews[owner].model_id:
                own_ok += 1
            else:
                missed.append(f"{home}/{model_id} -> {owner or 'no passing review'}")
    # Resellers' listings of an obvious family whose maker lists the model.
    maker_keys: dict[str, set[str]] = defaultdict(set)
    for review in reviews.values():
        for name in [review.model_id, review.meta.snapshot, *review.meta.aliases]:
            if name:
                maker_keys[review.provider].add(split_date(normal(name))[0])
    fam_total, fam_ok, fam_missed, unpriced = 0, 0, [], 0
    for record in read.records:
        prefixes, slug = split_id(record.model_id, record.provider)
        key = split_date(split_mode(normal(slug))[0])[0]
        maker = next((FAMILY_MAKERS[w] for w in key.split("-")[:1] if w in FAMILY_MAKERS), None)
        if not maker or record.provider in (maker, "zai" if maker == "zhipuai" else maker):
            continue
        if key not in maker_keys.get(maker, ()):
            continue
        if not record.priced:
            unpriced += 1   # an offer needs prices
            continue
        fam_total += 1
        owner = covered(covers, record.provider, record.model_id)
        if owner and owner.startswith(maker + "/"):
            fam_ok += 1
        else:
            fam_missed.append(f"{record.key} -> {owner or 'no passing review'}")
    by_key = Counter((r.provider, split_date(split_mode(normal(r.model_id))[0])[0]) for r in reviews.values())
    dupes = [k for k, n in by_key.items() if n > 1]
    print(f"models.dev ({len(reviews):,} reviews pass check, {broken} fail; {report.renamed} renamed to keep names "
          f"unique)")
    print(f"  labs' own chat models under their lab: {own_ok}/{own_total} = {_pct(own_ok, own_total)}")
    print(f"  family listings at resellers filed under the maker: {fam_ok}/{fam_total} = {_pct(fam_ok, fam_total)}"
          f" ({unpriced} unpriced listings left out: an offer needs prices)")
    print(f"  reviews sharing a (folder, model key): {len(dupes)}")
    under_lab = sum(1 for r in reviews.values() if r.provider in set(lab_keys) | {"llama", "zai", "nova"})
    print(f"  reviews under a lab: {under_lab:,} of {len(reviews):,}")
    if listing:
        for line in missed + fam_missed:
            print(f"    missed {line}")
        for key in dupes:
            print(f"    duplicate {key}")


def completeness(project: Project, fmt: str, files: list[Path], tmp: Path, listing: bool) -> None:
    merged = tmp / f"{fmt}.json"
    if fmt == "openrouter":
        seen, entries = set(), []
        for path in files:
            for entry in json.loads(path.read_text())["data"]:
                if entry.get("id") not in seen:
                    seen.add(entry.get("id"))
                    entries.append(entry)
        merged.write_text(json.dumps({"data": entries}))
    else:
        joined: dict = {}
        for path in files:
            for key, value in json.loads(path.read_text()).items():
                joined.setdefault(key, value)
        merged.write_text(json.dumps(joined))
    os.utime(merged, (max(p.stat().st_mtime for p in files),) * 2)
    report, checked, reviews, covers, broken = imported(project, fmt, merged, tmp / fmt)
    read = report.read
    skipped = {s.key: s.reason for s in report.skipped}
    chat = [r.key for r in read.records] + [k for k in skipped if k not in {r.key for r in read.records}]
    ok, reasons = 0, Counter()
    lines = []
    records = {r.key: r for r in read.records}
    for key in chat:
        record = records.get(key)
        if record and covered(covers, record.provider, record.model_id):
            ok += 1
            continue
        why = skipped.get(key) or "not written (another listing of this provider and mode was used)"
        reasons[why.split(":")[0][:70]] += 1
        lines.append(f"    {key}: {why}")
    print(f"{fmt} ({' + '.join(p.name for p in files)}): {len(chat)} chat listings, "
          f"{sum(read.not_chat.values())} not chat; {len(reviews)} reviews pass check, {broken} fail")
    print(f"  chat listings that became a passing review or offer: {ok}/{len(chat)} = {_pct(ok, len(chat))}")
    for why, n in reasons.most_common():
        print(f"    {n:4d}  {why}")
    unknown = sorted(k for k, r in reviews.items() if r.meta.max_output == "unknown")
    print(f"  passing reviews with the output limit unknown: {len(unknown)} "
          f"({len(report.doubts)} because the source's limit is larger than its context window)")
    if listing:
        print("\n".join(lines))
        print("\n".join(f"    output limit unknown: {d.key}: {d.reason}" for d in report.doubts))


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--list", action="store_true", help="name every missed listing")
    args = parser.parse_args()
    os.environ.setdefault("MODELREVIEW_TODAY", "2026-11-21")
    project = Project.at(REPO)
    samples = args.data / "samples"
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        attribution(project, args.data, tmp, args.list)
        completeness(project, "openrouter", [samples / "openrouter-sample.json", samples / "openrouter-more.json"],
                     tmp, args.list)
        completeness(project, "litellm", [samples / "litellm-sample.json", samples / "litellm-more.json"],
                     tmp, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
