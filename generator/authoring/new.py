"""`new`: a review that already passes `check`, prefilled from seeds/ when the model is known.

The provider and model id come from the reference (`openai/gpt-4.1-mini`), as they
will from the file's path; facts a seed lacks get placeholders an editor replaces.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..check import bracket_for_price
from ..load import Bracket, load_site_config
from .seeds import find_seed
from .writer import write_review_text

REF = re.compile(r"([a-z0-9][a-z0-9._-]*)/([a-z0-9][a-z0-9._-]*)")

BODY = """\
## Our verdict

Write the review here: who should use this model, for what, and why.
"""


@dataclass(frozen=True)
class NewReview:
    """What `new_review` did: the file it wrote, or why it wrote none (`problem`)."""

    path: Path
    prefilled: bool = False
    problem: str = ""


def new_review(content_dir: Path, config_dir: Path, seeds_dir: Path, root: Path, provider: str, model_id: str,
               today: dt.date) -> NewReview:
    """Write `content/models/<provider>/<model-id>.md`; never over an existing file."""
    path = content_dir / "models" / provider / f"{model_id}.md"
    if path.exists():
        return NewReview(path, problem=f"{path} already exists; edit it instead")
    config, _ = load_site_config(config_dir, root)
    if config is None:
        return NewReview(path, problem="site_config/ does not load; run `modelreview check` first")
    facts, source = find_seed(seeds_dir, provider, model_id)
    front = scaffold(model_id, facts, source, today, config.brackets)
    header = ("Prefilled from seeds/: check every fact against its source before publishing."
              if facts else "Not found in seeds/: every value below is a placeholder to replace.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(write_review_text(front, BODY, header), encoding="utf-8")
    return NewReview(path, prefilled=bool(facts))


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
