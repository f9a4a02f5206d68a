"""`seeds/` both ways: read seed facts as listings, and derive seed files from a catalog.

Reading: each `seeds/<provider>.yaml` model becomes an `ImportedModel` at that
provider (the maker), so the importer can take a maker's facts from seeds when a
catalog lacks them (LiteLLM has no release dates; OpenRouter does not sell as the
maker). The format is `generator.seeds`'s.

Deriving: `python -m generator.authoring.importers.seeded API_JSON SEEDS_DIR --retrieved DATE`
rewrites `seeds/` from a models.dev `api.json`: the current (not deprecated, released
since `SINCE`) chat models each lab in `SEED_LABS` sells itself, as review fields,
facts only. A capability the catalog does not publish is left out rather than
written as false; `modelreview new` fills the rest of the scaffold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...load import UNKNOWN, Bracket, parse_yaml
from ..writer import dump_yaml
from .grouping import plan_models
from .ids import match_key
from .record import CatalogRead, ImportedModel
from .reviews import NotImportable, build_review

SEED_LABS = ("anthropic", "deepseek", "google", "mistral", "openai", "xai")
SINCE = dt.date(2024, 1, 1)
FACT_FIELDS = ("name", "family", "released", "lifecycle", "context_window", "max_output", "knowledge_cutoff",
               "modalities", "capabilities", "pricing", "benchmarks")


def load_seed_records(seeds_dir: Path) -> tuple[dict[tuple[str, str], ImportedModel], dict[str, dict[str, Any]]]:
    """Seed listings keyed (provider, match key), and each provider file's `source`."""
    records: dict[tuple[str, str], ImportedModel] = {}
    sources: dict[str, dict[str, Any]] = {}
    if not seeds_dir.is_dir():
        return records, sources
    for path in sorted(seeds_dir.glob("*.yaml")):
        parsed, _ = parse_yaml(path, path.read_text(encoding="utf-8"), 1)
        if parsed is None or not isinstance(parsed.data, dict):
            continue
        provider = path.stem
        if isinstance(parsed.data.get("source"), dict):
            sources[provider] = parsed.data["source"]
        for model_id, facts in (parsed.data.get("models") or {}).items():
            if isinstance(facts, dict):
                record = _record(provider, str(model_id), facts)
                records[(provider, match_key(record.model_id))] = record
    return records, sources


def _record(provider: str, model_id: str, facts: dict[str, Any]) -> ImportedModel:
    pricing = facts.get("pricing") or {}
    if pricing.get("via"):
        pricing = {}   # a reseller's prices, not the maker's: the importer finds the reseller's listing itself
    caps = facts.get("capabilities") or {}
    modalities = facts.get("modalities") or {}
    cutoff = facts.get("knowledge_cutoff")
    return ImportedModel(
        key=f"seeds/{provider}.yaml: {model_id}", provider=provider, model_id=model_id, lab=provider,
        name=facts.get("name"), family=facts.get("family"),
        input=_money(pricing.get("input")), output=_money(pricing.get("output")),
        cached_input=_money(pricing.get("cached_input")),
        context_window=_int(facts.get("context_window")), max_output=_int(facts.get("max_output")),
        modalities_in=tuple(modalities.get("input") or ()), modalities_out=tuple(modalities.get("output") or ()),
        tool_calling=caps.get("tool_calling"), structured_output=caps.get("structured_output"),
        reasoning=caps.get("reasoning"), fine_tuning=caps.get("fine_tuning"), open_weights=caps.get("open_weights"),
        released=facts.get("released") if isinstance(facts.get("released"), dt.date) else None,
        verified=pricing.get("verified") if isinstance(pricing.get("verified"), dt.date) else None,
        knowledge_cutoff=cutoff.isoformat() if isinstance(cutoff, dt.date) else cutoff,
    )


def _money(value: Any) -> Decimal | None:
    return Decimal(value) if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def seed_files(read: CatalogRead, retrieved: dt.date, brackets: list[Bracket],
               labs: tuple[str, ...] = SEED_LABS) -> dict[str, str]:
    """`<provider>.yaml` -> text, derived from a models.dev read."""
    source = replace(read.source, as_of=retrieved)
    models: dict[str, dict[str, dict[str, Any]]] = {lab: {} for lab in labs}
    sold = [r for r in read.records if not r.key.startswith("labs.json: ")]   # what the labs sell themselves
    for planned in plan_models(sold, {}):
        if not planned.own or planned.provider not in labs or planned.home.status == "deprecated":
            continue
        try:
            front = build_review(planned, source, retrieved, {}, brackets).front
        except NotImportable:
            continue
        if not isinstance(front["released"], dt.date) or front["released"] < SINCE or "lifecycle" in front:
            continue
        facts = {k: front[k] for k in FACT_FIELDS if k in front and front[k] != UNKNOWN}   # seeds hold known facts
        facts["capabilities"] = {k: v for k, v in front["capabilities"].items()
                                 if getattr(planned.home, k) is not None}
        models[planned.provider][planned.model_id] = facts
    header = {"title": f"{read.source.title} (api.json)", "url": read.source.url, "retrieved": retrieved}
    return {f"{lab}.yaml": _seed_text(header, found) for lab, found in models.items() if found}


def _seed_text(source: dict[str, Any], models: dict[str, dict[str, Any]]) -> str:
    intro = ("# Seed facts for `modelreview new`, derived from the models.dev catalog by\n"
             "# `python -m generator.authoring.importers.seeded`; regenerate rather than edit by hand.\n")
    return intro + dump_yaml({"source": source, "models": dict(sorted(models.items()))})


def main(argv: list[str] | None = None) -> int:
    from ...load import load_site_config
    from . import read_catalog
    parser = argparse.ArgumentParser(prog="python -m generator.authoring.importers.seeded")
    parser.add_argument("api_json", type=Path)
    parser.add_argument("seeds_dir", type=Path)
    parser.add_argument("--retrieved", type=dt.date.fromisoformat, required=True,
                        help="the day the catalog file was downloaded (YYYY-MM-DD)")
    parser.add_argument("--root", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    config, _ = load_site_config(args.root / "site_config", args.root)
    if config is None:
        print("error: site_config/ does not load; run `modelreview check`", file=sys.stderr)
        return 1
    read = read_catalog("models-dev", args.api_json, {p.key for p in config.providers})
    args.seeds_dir.mkdir(parents=True, exist_ok=True)
    for name, text in seed_files(read, args.retrieved, config.brackets).items():
        (args.seeds_dir / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.seeds_dir / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
