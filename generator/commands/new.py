"""`modelreview new PROVIDER/MODEL-ID`: scaffold a review that already passes `check`."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..project import Project, current_date
from ..check import bracket_for_price
from ..load import load_site_config
from ..load import Bracket
from ..authoring import find_seed
from ..authoring import write_review_text

_REF = re.compile(r"([a-z0-9][a-z0-9._-]*)/([a-z0-9][a-z0-9._-]*)")

BODY = """\
## Our verdict

Write the review here: who should use this model, for what, and why.
"""


def run_new(project: Project, ref: str, today: dt.date | None = None) -> int:
    match = _REF.fullmatch(ref)
    if not match:
        print(f"error: '{ref}' is not PROVIDER/MODEL-ID (lowercase, e.g. openai/gpt-4.1-mini)")
        return 2
    provider, model_id = match.groups()
    path = project.content_dir / "models" / provider / f"{model_id}.md"
    if path.exists():
        print(f"error: {path} already exists; edit it instead")
        return 1
    today = today or current_date()
    config, _ = load_site_config(project.config_dir, project.root)
    if config is None:
        print("error: site_config/ does not load; run `modelreview check` first")
        return 1
    facts, source = find_seed(project.seeds_dir, provider, model_id)
    front = scaffold(model_id, facts, source, today, config.brackets)
    header = ("Prefilled from seeds/: check every fact against its source before publishing."
              if facts else "Not found in seeds/: every value below is a placeholder to replace.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(write_review_text(front, BODY, header), encoding="utf-8")
    print(f"created {path}" + (" (prefilled from seeds/)" if facts else ""))
    return 0


def scaffold(model_id: str, facts: dict[str, Any] | None, source: dict[str, Any] | None,
             today: dt.date, brackets: list[Bracket]) -> dict[str, Any]:
    """Front matter with every required field; seed facts win over placeholders."""
    front: dict[str, Any] = {
        "name": model_id,
        "family": re.sub(r"[^a-z0-9._-]", "-", model_id.split("-20")[0]),
        "bracket": "value",
        "released": today,
        "context_window": 128000,
        "max_output": 4096,
        "modalities": {"input": ["text"], "output": ["text"]},
        "capabilities": {"tool_calling": False, "structured_output": False, "reasoning": False,
                         "fine_tuning": False, "open_weights": False},
        "pricing": {"input": Decimal("0"), "output": Decimal("0"), "verified": today},
        "reviewed": today,
    }
    if facts:
        # Nested groups merge, so a seed that omits an unpublished capability keeps the default.
        front.update({k: {**v, **{d: x for d, x in front[k].items() if d not in v}}
                      if isinstance(v, dict) and isinstance(front.get(k), dict) else v
                      for k, v in facts.items() if k != "sources"})
        front["bracket"] = facts.get("bracket") or bracket_for_price(brackets, Decimal(str(front["pricing"]["output"])))
    if source and isinstance(source, dict) and source.get("url"):
        entry = {"title": source.get("title", "Seed catalog"), "url": source["url"]}
        if source.get("retrieved"):
            entry["accessed"] = source["retrieved"]
        front["sources"] = [entry]
    return front
