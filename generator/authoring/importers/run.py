"""`modelreview import`: read a catalog, plan one review per model, write new files only.

Existing reviews are never overwritten: a review file that is already there is
reported and left alone (`modelreview sync` updates it), and so is a model an
existing review already covers under another file name (same name, alias or
snapshot id, or listed among its offers). Files are created with exclusive-create
mode, so even a review written by someone else mid-import is never clobbered.

No two reviews may share a display name (`check` rejects that), and a clash does not
prove two listings are one model. Existing reviews keep their names; among new ones
the maker's own listing is named first; a later one gets the provider's name in
brackets ("Claude Haiku 4.5 (Databricks)"), or its key when that is taken too.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...load import load_content, load_site_config
from ...project import Project, current_date
from ..writer import write_review_text
from . import read_catalog
from .grouping import PlannedModel, plan_models
from .resolve import Resolver
from .ids import match_key
from .record import CatalogRead, Skipped
from .reviews import NotImportable, build_review
from .seeded import load_seed_records


@dataclass
class ImportReport:
    read: CatalogRead
    into: Path
    created: list[Path] = field(default_factory=list)
    existing: list[tuple[Path, str]] = field(default_factory=list)   # (path, why it was left alone)
    skipped: list[Skipped] = field(default_factory=list)
    doubts: list[Skipped] = field(default_factory=list)   # written, a self-contradicting fact left unknown
    renamed: int = 0
    not_found: list[str] = field(default_factory=list)
    seconds: float = 0.0


class ImportSetupError(Exception):
    """The import cannot start (site_config broken, catalog unreadable); one line for the CLI."""


def import_catalog(project: Project, fmt: str, file: Path, provider: str | None = None,
                   models: list[str] | None = None, all_: bool = False, into: Path | None = None,
                   today: dt.date | None = None) -> ImportReport:
    started = time.perf_counter()
    today = today or current_date()
    if not (all_ or provider or models):
        raise ImportSetupError("say which models to import: --model ID, --provider P or --all")
    config, _ = load_site_config(project.config_dir, project.root)
    if config is None:
        raise ImportSetupError("site_config/ does not load; run `modelreview check` first")
    names = {p.key: p.name for p in config.providers}
    read = read_catalog(fmt, file, set(names))
    # A file's mtime can be later than the day we import on (a pinned MODELREVIEW_TODAY, a
    # copied file); a price cannot have been verified after the day it was written down.
    read.source = replace(read.source, as_of=min(read.source.as_of, today))
    content_dir = (into or project.content_dir).resolve()
    report = ImportReport(read, content_dir)
    report.skipped.extend(read.skipped)
    seeds, seed_sources = load_seed_records(project.seeds_dir)
    resolver = make_resolver(config, set(names))
    planned = _select(plan_models(read.records, seeds, resolver), provider, models or [], report)
    taken, covered = _existing(content_dir, project.root)
    for model in sorted(planned, key=lambda m: (not m.own, m.key)):
        path = content_dir / "models" / model.provider / f"{model.model_id}.md"
        why = _already_there(path, model, covered)
        if why:
            report.existing.append((path, why))
            continue
        try:
            front, header, doubts = build_review(model, read.source, today, seed_sources, config.brackets)
            report.renamed += _unique_name(front, model, names, taken)
        except NotImportable as exc:
            report.skipped.append(Skipped(model.home.key, str(exc)))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(write_review_text(front, "", header))
        except FileExistsError:
            report.existing.append((path, "appeared while importing"))
            continue
        report.created.append(path)
        report.doubts.extend(Skipped(model.home.key, doubt) for doubt in doubts)
    report.seconds = time.perf_counter() - started
    return report


def make_resolver(config, provider_keys: set[str]) -> Resolver:
    """The resolver with `site_config/resolution.yaml`'s entries."""
    return Resolver(provider_keys, dict(config.resolution.makers), dict(config.resolution.same_model))


def explain(project: Project, fmt: str, file: Path, wanted: str) -> list[str]:
    """How each listing whose id is (or ends with) `wanted` was resolved, in lines."""
    config, _ = load_site_config(project.config_dir, project.root)
    if config is None:
        raise ImportSetupError("site_config/ does not load; run `modelreview check` first")
    keys = {p.key for p in config.providers}
    read = read_catalog(fmt, file, keys)
    seeds, _ = load_seed_records(project.seeds_dir)
    resolver = make_resolver(config, keys)
    planned = plan_models(read.records, seeds, resolver)
    needle = wanted.lower()
    lines: list[str] = []
    for model in planned:
        for listing in model.listings:
            ids = {listing.model_id.lower(), listing.key.lower(), f"{listing.provider}/{listing.model_id}".lower()}
            if needle not in ids and not any(i.endswith("/" + needle) for i in ids):
                continue
            found = resolver.resolve(listing)
            lines.append(f"{listing.key} (sold by {listing.provider}):")
            lines += [f"  - {step}" for step in found.steps]
            role = ("the review's home" if listing.model_id == model.home.model_id
                    and listing.provider == model.home.provider else
                    "its snapshot" if listing.model_id == model.snapshot else
                    "an alias" if listing.model_id in model.aliases else
                    "an offer" if listing in model.offers else
                    "not an offer: the listing has no prices" if not listing.priced else "not used (another listing of this provider "
                                                                  "and mode was chosen)")
            lines.append(f"  => review {model.key}" + (f" (mode {listing.mode})" if listing.mode else "")
                         + f": {role}")
    for skip in read.skipped:
        if skip.key.lower() == needle or skip.key.lower().endswith("/" + needle):
            lines.append(f"{skip.key}: skipped: {skip.reason}")
    return lines


def _select(planned: list[PlannedModel], provider: str | None, wanted: list[str],
            report: ImportReport) -> list[PlannedModel]:
    """--provider keeps models whose review lives there; --model matches any listing's id."""
    chosen = [m for m in planned if provider is None or m.provider == provider]
    if not wanted:
        return chosen
    found, seen = [], set()
    for model in chosen:
        ids = {model.model_id, model.home.model_id, *(o.model_id for o in model.offers)}
        hits = {w for w in wanted if w in ids or match_key(w.split("/")[-1].lower()) == match_key(model.model_id)}
        if hits:
            found.append(model)
            seen |= hits
    report.not_found = [w for w in wanted if w not in seen]
    return found


def _existing(content_dir: Path, root: Path) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Names already used (casefolded -> review key) and listings existing reviews cover."""
    taken: dict[str, str] = {}
    covered: dict[tuple[str, str], str] = {}
    if not (content_dir / "models").is_dir():
        return taken, covered
    for review in load_content(content_dir, root).reviews:
        for name in [review.meta.name, *review.meta.aliases, review.meta.snapshot]:
            if name:
                taken.setdefault(name.casefold(), review.key)
        covered[(review.provider, match_key(review.model_id))] = review.key
        for offer in review.meta.offers:
            route = offer.route or review.model_id
            covered[(offer.provider, match_key(route.split("/")[-1].lower()))] = review.key
    return taken, covered


def _already_there(path: Path, model: PlannedModel, covered: dict[tuple[str, str], str]) -> str:
    if path.exists():
        return "the file exists; `modelreview sync` updates it"
    owner = covered.get((model.provider, match_key(model.model_id)))
    if owner:
        return f"already covered by {owner}"
    return ""


def _unique_name(front: dict, model: PlannedModel, provider_names: dict[str, str], taken: dict[str, str]) -> int:
    """Claim the review's name; on a clash add the provider's name, then the key. 1 if renamed."""
    name = front["name"]
    candidates = [name, f"{name} ({provider_names.get(model.provider, model.provider)})", f"{name} ({model.key})"]
    for candidate in candidates:
        if candidate.casefold() not in taken:
            taken[candidate.casefold()] = model.key
            front["name"] = candidate
            return int(candidate != name)
    raise NotImportable(f"the names {', '.join(candidates)} are all taken")

