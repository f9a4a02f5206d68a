"""`modelreview schema`: the JSON Schema of review front matter, for editors' IDEs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..load import Review


def review_json_schema() -> dict[str, Any]:
    schema = Review.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "modelreview review front matter"
    schema["additionalProperties"] = False
    return schema


def run_schema(output: Path | None) -> int:
    text = json.dumps(review_json_schema(), indent=2, sort_keys=True) + "\n"
    if output is None:
        print(text, end="")
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        print(f"wrote {output}")
    return 0
