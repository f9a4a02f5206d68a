"""`modelreview sync`: bring existing reviews' prices, limits and offers up to a catalog.

What sync changes, and only when the catalog's value differs from the review's:
`pricing.input`, `pricing.output`, `pricing.cached_input`, `context_window`,
`max_output`, the batch, priority, flex and long-context rates the review already
shows, and `input`/`output`/`cached_input` of each offer the review already
has (the editor chooses the channels; sync never adds or removes an offer). A value
the catalog does not publish is left as it is. Equal values change nothing, not
even a `verified` date, so a sync against unchanged data prints an empty diff.

Pinning. An editor stops sync from touching a value by listing its path in the
review's `pinned:` field:

    pinned: [pricing.input]            # one price
    pinned: [pricing]                  # every list price (and so no history entry)
    pinned: [context_window, max_output]
    pinned: [offers.azure]             # every price of the Azure offer
    pinned: [offers.openrouter.output] # one price of one offer
    pinned: [offers]                   # all offers

A pin covers the path and everything below it. A pin that names nothing sync
changes is reported, since it is probably a typo.

Dates and history. A catalog's `as_of` day (see each adapter) is what a changed
price is verified on: `pricing.verified` (or the offer's `verified`) becomes `as_of`
and a `price_history` entry dated `as_of` with the new current prices is appended,
so the newest history entry always equals `pricing` (the rule `checks.py`
enforces). When the review had no history, the old prices are recorded first, dated
at their old `verified` day: the earliest day the review vouched for them. A
catalog that is not newer than the review's `verified` day does not overwrite it;
the disagreement is reported instead.

Safety. `plan_sync` reads every review and computes its new text; nothing is
written. `apply_sync` writes a file only if its bytes and mtime are still those
that were read (else it reports the file and leaves it), through a temporary file
in the same folder and `os.replace`, so a reader never sees half a file. Edits
are text splices at ruamel.yaml's node positions (`sync_text`), so comments, key
order, quoting, line endings and the Markdown body stay byte-for-byte.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .importers import CatalogSource, ImportedModel, read_catalog
from .importers.ids import match_key, split_id
from ..load import (ReviewRecord, SourceText, Status, load_content, load_review, load_site_config,
                     split_front_matter)
from ..project import Project, current_date
from .sync_text import FrontMatterText

PRICES = ("input", "output", "cached_input")
# Rates beside the list price: (review field, listing attributes of input and output).
RATES = {"batch": ("batch_input", "batch_output"), "priority": ("priority_input", "priority_output"),
         "flex": ("flex_input", "flex_output")}
LIMITS = ("context_window", "max_output")


class SyncSetupError(Exception):
    """Sync cannot start: the site config does not load."""


@dataclass
class FileChange:
    """One review's planned new text, and what the file looked like when it was read."""

    path: Path
    display: str
    digest: str
    mtime_ns: int
    old_text: str
    new_text: str
    new_bytes: bytes
    what: list[str] = field(default_factory=list)

    def diff(self) -> str:
        return "".join(difflib.unified_diff(self.old_text.splitlines(True), self.new_text.splitlines(True),
                                            f"a/{self.display}", f"b/{self.display}"))


@dataclass
class SyncPlan:
    source: CatalogSource
    reviews: int = 0
    changes: list[FileChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def diff(self) -> str:
        return "".join(change.diff() for change in self.changes)


def plan_sync(project: Project, fmt: str, file: Path, today: dt.date | None = None,
              retire_missing: bool = False) -> SyncPlan:
    """Every change sync would make, computed from the files as they are now."""
    config, _ = load_site_config(project.config_dir, project.root)
    if config is None:
        raise SyncSetupError("site_config/ does not load; run `modelreview check` first")
    read = read_catalog(fmt, file, {p.key for p in config.providers})
    as_of = min(read.source.as_of, today or current_date())
    plan = SyncPlan(read.source)
    index = _index(read.records)
    sellers = {r.provider for r in read.records}
    content = load_content(project.content_dir, project.root)
    broken = {d.file for d in content.diagnostics if d.is_error}
    if broken:
        plan.notes.append(f"{len(broken)} review file(s) with errors were not synced; run `modelreview check`")
    for review in content.reviews:
        plan.reviews += 1
        change = _plan_review(review, index, sellers, as_of, project, plan.notes, retire_missing)
        if change is not None:
            plan.changes.append(change)
    return plan


def apply_sync(plan: SyncPlan) -> list[str]:
    """Write every planned change whose file is unchanged since it was read; return the others."""
    conflicts = []
    for change in plan.changes:
        try:
            raw = change.path.read_bytes()
            mtime = change.path.stat().st_mtime_ns
        except OSError:
            conflicts.append(change.display)
            continue
        if hashlib.sha256(raw).hexdigest() != change.digest or mtime != change.mtime_ns:
            conflicts.append(change.display)
            continue
        _replace_atomically(change.path, change.new_bytes)
    return conflicts


def _replace_atomically(path: Path, data: bytes) -> None:
    mode = path.stat().st_mode & 0o7777
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".sync")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _index(records: list[ImportedModel]) -> dict[tuple[str, str], ImportedModel]:
    """Listings by (provider, exact id) and, as a fallback, (provider, match key)."""
    index: dict[tuple[str, str], ImportedModel] = {}
    ranked = sorted(records, key=lambda r: (not r.priced, len(split_id(r.model_id, r.provider)[0]), r.model_id))
    for record in ranked:
        index.setdefault((record.provider, record.model_id), record)
    for record in ranked:
        index.setdefault((record.provider, "~" + match_key(split_id(record.model_id, record.provider)[1])), record)
    return index


def _find(index: dict[tuple[str, str], ImportedModel], provider: str, model_id: str) -> ImportedModel | None:
    return index.get((provider, model_id)) or index.get(
        (provider, "~" + match_key(split_id(model_id, provider)[1])))


def _plan_review(review: ReviewRecord, index: dict, sellers: set[str], as_of: dt.date, project: Project,
                 notes: list[str], retire_missing: bool = False) -> FileChange | None:
    raw = review.path.read_bytes()
    mtime = review.path.stat().st_mtime_ns
    source, _ = SourceText.decode(review.path, raw)
    if source is None:
        return None
    text = source.text
    split, _ = split_front_matter(review.path, text, required=True)
    if split is None or split.front_matter is None:
        return None
    start = text.index("\n") + 1
    editor = FrontMatterText(split.front_matter)
    pins = Pins(review, notes)
    what: list[str] = []
    home = _find(index, review.provider, review.model_id)
    if home is None and review.provider in sellers:
        retired = review.meta.lifecycle.status is Status.RETIRED
        if retire_missing and not retired and not pins("lifecycle"):
            what += _retire(review, editor, as_of)
            notes.append(f"{review.display}: the catalog has no listing {review.key}; marked retired on {as_of}")
        else:
            notes.append(f"{review.display}: the catalog has no listing {review.key}"
                         + ("" if retired else "; nothing changed (`sync --retire-missing` marks it retired)"))
    if home is not None:
        what += _sync_prices(review, home, editor, pins, as_of, notes)
        what += _sync_limits(review, home, editor, pins, notes)
        what += _sync_retirement(review, home, editor, pins, as_of)
    what += _sync_offers(review, index, sellers, editor, pins, as_of, notes)
    pins.report_unused()
    if not what:
        return None
    new_text = text[:start] + editor.text() + text[start + len(split.front_matter):]
    encoded = source.encode(new_text)    # the file's own line endings (CRLF, CR or LF) and BOM
    record, diagnostics = load_review(review.path, project.content_dir, project.root, raw=encoded)
    if record is None or any(d.is_error for d in diagnostics):
        notes.append(f"{review.display}: left alone, the synced file would not pass check "
                     f"({'; '.join(d.message for d in diagnostics if d.is_error)})")
        return None
    return FileChange(review.path, review.display, hashlib.sha256(raw).hexdigest(), mtime, text, new_text,
                      encoded, what)


def _sync_retirement(review: ReviewRecord, home: ImportedModel, editor: FrontMatterText, pins: Pins,
                     as_of: dt.date) -> list[str]:
    """An announced retirement day (OpenRouter `expiration_date`, LiteLLM `deprecation_date`)."""
    life = review.meta.lifecycle
    day = home.deprecated
    if day is None or day <= as_of or life.retires == day or life.status is not Status.ACTIVE \
            or pins("lifecycle.retires"):
        return []
    if editor.node(("lifecycle",)) is None:
        after = "first_listed" if editor.node(("first_listed",)) is not None else "released"
        editor.add_mapping_after(after, "lifecycle", {"status": "active", "retires": day.isoformat()})
    elif editor.node(("lifecycle", "retires")) is not None:
        editor.set_scalar(("lifecycle", "retires"), day.isoformat())
    else:
        editor.insert_key(("lifecycle",), "status", "retires", day.isoformat())
    return [f"lifecycle.retires {life.retires} -> {day}"]


def _retire(review: ReviewRecord, editor: FrontMatterText, as_of: dt.date) -> list[str]:
    """Mark a review whose model the catalog no longer lists as retired on the catalog's day."""
    day = as_of.isoformat()
    if editor.node(("lifecycle",)) is None:
        after = "first_listed" if editor.node(("first_listed",)) is not None else "released"
        editor.add_mapping_after(after, "lifecycle", {"status": "retired", "date": day})
    else:
        if editor.node(("lifecycle", "status")) is not None:
            editor.set_scalar(("lifecycle", "status"), "retired")
        if editor.node(("lifecycle", "date")) is not None:
            editor.set_scalar(("lifecycle", "date"), day)
        else:
            editor.insert_key(("lifecycle",), "status", "date", day)
    return [f"lifecycle: {review.meta.lifecycle.status.value} -> retired on {day} (gone from the catalog)"]


class Pins:
    """The review's `pinned:` paths; remembers which ones guarded something."""

    def __init__(self, review: ReviewRecord, notes: list[str]):
        self.review, self.notes = review, notes
        self.paths = list(review.meta.pinned)
        self.known = {"pricing", "offers", "lifecycle", "lifecycle.retires", "pricing.long_context",
                      *(f"pricing.{p}" for p in PRICES), *(f"pricing.{r}" for r in RATES), *LIMITS}
        for offer in review.meta.offers:
            self.known |= {f"offers.{offer.provider}", *(f"offers.{offer.provider}.{p}" for p in PRICES)}

    def __call__(self, path: str) -> bool:
        return any(path == pin or path.startswith(pin + ".") for pin in self.paths)

    def report_unused(self) -> None:
        for pin in self.paths:
            if pin not in self.known:
                self.notes.append(f"{self.review.display}: pinned '{pin}' names nothing sync changes "
                                  "(pin e.g. pricing.input, max_output or offers.<provider>.output)")


def _rate_updates(pricing: Any, home: ImportedModel, pins: Pins) -> dict[tuple[str, ...], Decimal]:
    """Batch, priority, flex and long-context prices the review has and the catalog changed."""
    updates: dict[tuple[str, ...], Decimal] = {}
    for name, (low, high) in RATES.items():
        pair = getattr(pricing, name)
        if pair is None or pins(f"pricing.{name}"):
            continue
        for field_name, attr in (("input", low), ("output", high)):
            value = getattr(home, attr)
            if value is not None and value != getattr(pair, field_name):
                updates[(name, field_name)] = value
    tier = pricing.long_context
    match = next((t for t in home.tiers if tier and t.above_tokens == tier.above_tokens), None)
    if tier and match and not pins("pricing.long_context"):
        for field_name in ("input", "output", "cached_input"):
            value = getattr(match, field_name)
            if value is not None and value != getattr(tier, field_name) and getattr(tier, field_name) is not None:
                updates[("long_context", field_name)] = value
    return updates


def _sync_prices(review: ReviewRecord, home: ImportedModel, editor: FrontMatterText, pins: Pins,
                 as_of: dt.date, notes: list[str]) -> list[str]:
    pricing, history = review.meta.pricing, review.meta.price_history
    updates = _differences(pricing, home, "pricing", pins)
    rates = _rate_updates(pricing, home, pins)
    if not updates and not rates:
        return []
    shown = ", ".join([f"{k} {getattr(pricing, k)} -> {v}" for k, v in updates.items()]
                      + [f"{'.'.join(p)} {getattr(getattr(pricing, p[0]), p[1])} -> {v}" for p, v in rates.items()])
    if as_of <= pricing.verified or (history and history[-1].date >= as_of):
        notes.append(f"{review.display}: the catalog (as of {as_of}) says {shown}, but the review was verified "
                     f"on {pricing.verified}; left alone")
        return []
    _set_prices(editor, ("pricing",), pricing, updates)
    for path, value in rates.items():
        editor.set_scalar(("pricing",) + path, _literal(value))
    editor.set_scalar(("pricing", "verified"), as_of.isoformat())
    written = {k: editor.literal(("pricing", k)) for k in PRICES}
    current = {k: _literal(updates[k]) if k in updates else written[k] for k in PRICES}
    # A changed rate beside the list price is history too: the entry carries every rate in force.
    old_rates = _rate_literals(editor, pricing, {}) if rates else {}
    entry = {**_history_entry(as_of, current), **(_rate_literals(editor, pricing, rates) if rates else {})}
    if history or editor.node(("price_history",)) is not None:
        editor.append_items(("price_history",), [entry])
    else:
        editor.add_list_after("pricing", "price_history",
                              [{**_history_entry(pricing.verified, written), **old_rates}, entry])
    return [f"pricing: {shown}"]


def _sync_limits(review: ReviewRecord, home: ImportedModel, editor: FrontMatterText, pins: Pins,
                 notes: list[str]) -> list[str]:
    pending = {name: getattr(home, name) for name in LIMITS
               if getattr(home, name) is not None and getattr(home, name) != getattr(review.meta, name)
               and not pins(name)}
    if not pending:
        return []
    context = pending.get("context_window", review.meta.context_window)
    output = pending.get("max_output", review.meta.max_output)
    if isinstance(output, int) and output > context:   # an unknown output limit contradicts nothing
        notes.append(f"{review.display}: the catalog's limits (context {context:,}, output {output:,}) "
                     "contradict each other; left alone")
        return []
    for name, value in pending.items():
        editor.set_scalar((name,), str(value))
    return [", ".join(f"{name} {getattr(review.meta, name)} -> {value}" for name, value in pending.items())]


def _sync_offers(review: ReviewRecord, index: dict, sellers: set[str], editor: FrontMatterText, pins: Pins,
                 as_of: dt.date, notes: list[str]) -> list[str]:
    what = []
    for i, offer in enumerate(review.meta.offers):
        listing = _find(index, offer.provider, offer.route or review.model_id)
        if listing is None:
            if offer.provider in sellers:
                notes.append(f"{review.display}: the catalog has no listing for the {offer.provider} offer "
                             f"({offer.route or review.model_id})")
            continue
        updates = _differences(offer, listing, f"offers.{offer.provider}", pins)
        if not updates:
            continue
        shown = ", ".join(f"{k} {getattr(offer, k)} -> {v}" for k, v in updates.items())
        if as_of <= offer.verified:
            notes.append(f"{review.display}: the catalog (as of {as_of}) says the {offer.provider} offer's {shown}, "
                         f"but it was verified on {offer.verified}; left alone")
            continue
        _set_prices(editor, ("offers", i), offer, updates)
        editor.set_scalar(("offers", i, "verified"), as_of.isoformat())
        what.append(f"offer {offer.provider}: {shown}")
    return what


def _differences(current: Any, listing: ImportedModel, prefix: str, pins: Pins) -> dict[str, Decimal]:
    return {name: getattr(listing, name) for name in PRICES
            if getattr(listing, name) is not None and getattr(current, name) != getattr(listing, name)
            and not pins(f"{prefix}.{name}")}


def _set_prices(editor: FrontMatterText, path: tuple, current: Any, updates: dict[str, Decimal]) -> None:
    for name, value in updates.items():
        if getattr(current, name) is None:
            editor.insert_key(path, "output", name, _literal(value))
        else:
            editor.set_scalar(path + (name,), _literal(value))


def _rate_literals(editor: FrontMatterText, pricing: Any, rates: dict[tuple[str, ...], Decimal]) -> dict[str, str]:
    """`batch: {input: .., output: ..}` and friends as flow literals, with `rates` applied."""
    found: dict[str, str] = {}
    for name in (*RATES, "long_context"):
        if getattr(pricing, name) is None:
            continue
        keys = ("above_tokens", "input", "output", "cached_input") if name == "long_context" else ("input", "output")
        parts = []
        for key in keys:
            value = _literal(rates[(name, key)]) if (name, key) in rates else editor.literal(("pricing", name, key))
            if value is not None:
                parts.append(f"{key}: {value}")
        found[name] = "{" + ", ".join(parts) + "}"
    return found


def _history_entry(day: dt.date, prices: dict[str, str | None]) -> dict[str, str]:
    """Prices as literals; unchanged ones keep the editor's spelling ("1.60", not "1.6")."""
    entry = {"date": day.isoformat()}
    entry.update({k: v for k, v in prices.items() if v is not None})
    return entry


def _literal(value: Decimal) -> str:
    return format(value.normalize(), "f")
