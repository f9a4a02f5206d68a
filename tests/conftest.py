"""Shared fixtures: a tiny project written into tmp_path, and a valid review factory."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.authoring.writer import write_review_text

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="session", autouse=True)
def pinned_today():
    """Every test, every module-scoped project and every command they start judge dates as of TODAY.

    Without this a suite that passes today fails next month: staleness warnings
    appear once the fixtures' verified dates age past their thresholds. Session
    scope, so it is set before module-scoped fixtures write their projects.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MODELREVIEW_TODAY", TODAY.isoformat())
        yield


def valid_review(**overrides: Any) -> dict[str, Any]:
    """Front matter that passes every check; nested dicts in overrides are merged."""
    base: dict[str, Any] = {
        "name": "Test Model",
        "family": "test",
        "bracket": "value",
        "released": dt.date(2025, 4, 14),
        "context_window": 128000,
        "max_output": 16384,
        "knowledge_cutoff": "2024-06",
        "modalities": {"input": ["text"], "output": ["text"]},
        "capabilities": {"tool_calling": True, "structured_output": True, "reasoning": False,
                         "fine_tuning": False, "open_weights": False},
        "pricing": {"input": 0.4, "output": 1.6, "verified": dt.date(2026, 11, 1)},
        "reviewed": dt.date(2026, 11, 1),
    }
    return _merge(base, overrides)


def _merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(base)
    for key, value in overrides.items():
        if value is _DELETE:
            merged.pop(key, None)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


_DELETE = object()
DELETE = _DELETE  # use as an override value to drop a field


class Site:
    """A scratch project: the real site_config, and content written on demand."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"

    def review(self, key: str, front: dict[str, Any] | None = None, body: str = "Prose.\n") -> Path:
        provider, model_id = key.split("/", 1)
        path = self.content / "models" / provider / f"{model_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(write_review_text(front or valid_review(), body), encoding="utf-8")
        return path

    def raw(self, relative: str, text: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path


@pytest.fixture
def site(tmp_path: Path) -> Site:
    root = tmp_path / "project"
    shutil.copytree(REPO / "site_config", root / "site_config")
    (root / "content" / "models").mkdir(parents=True)
    return Site(root)
