"""Publish stage: the MkDocs plugin that adds generated pages, and the atomic build.
"""

from __future__ import annotations

from .build import build_site
from .plugin import ModelReviewPlugin

__all__ = ["build_site", "ModelReviewPlugin"]
