"""`modelreview new PROVIDER/MODEL-ID`: scaffold a review that already passes `check`."""

from __future__ import annotations

import datetime as dt

from ..authoring import REF, new_review
from ..project import Project, current_date


def run_new(project: Project, ref: str, today: dt.date | None = None) -> int:
    match = REF.fullmatch(ref)
    if not match:
        print(f"error: '{ref}' is not PROVIDER/MODEL-ID (lowercase, e.g. openai/gpt-4.1-mini)")
        return 2
    provider, model_id = match.groups()
    made = new_review(project.content_dir, project.config_dir, project.seeds_dir, project.root, provider, model_id,
                      today or current_date())
    if made.problem:
        print(f"error: {made.problem}")
        return 1
    print(f"created {made.path}" + (" (prefilled from seeds/)" if made.prefilled else ""))
    return 0
