"""The starter catalog in `seeds/`: facts about known models that `new` prefills.

Format: one YAML file per provider, `seeds/<provider>.yaml`:

    source: {title: ..., url: ..., retrieved: YYYY-MM-DD}
    models:
      <model-id>:            # facts in review-schema field names
        name: ...
        pricing: {input: ..., output: ..., verified: YYYY-MM-DD}
        ...

Only facts live here (with their source and date), never prose.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..load import parse_yaml


def find_seed(seeds_dir: Path, provider: str, model_id: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The seed facts for a model and the source they came from, or (None, None)."""
    path = seeds_dir / f"{provider}.yaml"
    if not path.is_file():
        return None, None
    parsed, diagnostics = parse_yaml(path, path.read_text(encoding="utf-8"), 1)
    if parsed is None or not isinstance(parsed.data, dict):
        return None, None
    models = parsed.data.get("models") or {}
    facts = models.get(model_id)
    if not isinstance(facts, dict):
        return None, None
    return facts, parsed.data.get("source")
