"""Loading `site_config/`: several small YAML files merged into one `SiteConfig`.

Each file holds one or more top-level sections (`providers:`, `brackets:`, ...);
a section given in two files is an error, and schema errors name the file and
line the offending value came from.
"""

from __future__ import annotations

from pathlib import Path

from ..base import Diagnostic, error
from .frontmatter import decode
from .loader import display_path
from .safety import DEFAULT_LIMITS, read_checked
from .schema import SiteConfig
from .validate import validate_merged
from .yamlpos import Loc, Positions, parse_yaml


def load_site_config(config_dir: Path, project_root: Path | None = None) -> tuple[SiteConfig | None, list[Diagnostic]]:
    root = project_root or config_dir.parent
    merged: dict[str, object] = {}
    origin: dict[str, tuple[Path, Positions]] = {}
    diagnostics: list[Diagnostic] = []
    files = sorted(config_dir.glob("*.yaml")) + sorted(config_dir.glob("*.yml"))
    if not files:
        return None, [error(display_path(config_dir, root), 0, 0, "missing-config",
                            "no site configuration found", "create site_config/site.yaml")]
    for path in files:
        display = Path(display_path(path, root))
        raw, found = read_checked(path, display.as_posix(), root, DEFAULT_LIMITS)
        diagnostics += found
        if raw is None:
            continue
        text, found = decode(display, raw)
        diagnostics += found
        if text is None:
            continue
        parsed, found = parse_yaml(display, text, 1)
        diagnostics += found
        if parsed is None:
            continue
        if not isinstance(parsed.data, dict):
            diagnostics.append(error(display, 1, 1, "wrong-type", "a site_config file must hold 'section: ...' fields"))
            continue
        for key, value in parsed.data.items():
            if key in merged:
                line, col = parsed.positions.of_key((key,))
                diagnostics.append(error(display, line, col, "duplicate-key",
                                         f"section '{key}' is also defined in {origin[key][0]}"))
                continue
            merged[key] = value
            origin[key] = (display, parsed.positions)
    if any(d.is_error for d in diagnostics):
        return None, diagnostics

    fallback = (Path(display_path(files[0], root)), Positions())

    def where(loc: Loc) -> tuple[Path, Positions]:
        return origin.get(str(loc[0]), fallback) if loc else fallback

    config, found = validate_merged(SiteConfig, merged, where)
    return config, diagnostics + found
