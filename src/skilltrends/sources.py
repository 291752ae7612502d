"""The sources file (TOML): which boards each spider crawls.

    [greenhouse]
    boards = ["huggingface", "scaleai"]
    # base_url = "http://127.0.0.1:8000"    # a mirror instead of the real endpoint

    [jobposting]
    sitemap = ["https://careers.example.com/sitemap.xml"]
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from skilltrends.errors import ConfigError

__all__ = ["TARGET_ARG", "load_sources", "parse_sources", "spider_arguments"]

# Which spider argument carries a source's targets.
TARGET_ARG = {"greenhouse": "boards", "lever": "sites", "ashby": "names", "jobposting": "sitemap", "hn": "months"}
_EXTRA_ARGS = {"base_url", "urls", "eu"}


def load_sources(path: Path) -> dict[str, dict[str, list[str] | str]]:
    """Read and check a sources file; a bad entry raises ConfigError naming it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"Sources file {str(path)!r} not found. Hint: copy sources.example.toml") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Sources file {str(path)!r} is not valid TOML: {exc}") from exc
    return parse_sources(data, origin=str(path))


def parse_sources(data: dict[str, Any], *, origin: str = "sources") -> dict[str, dict[str, list[str] | str]]:
    """Check a parsed sources mapping: known spiders, known arguments, lists of non-empty strings."""
    result: dict[str, dict[str, list[str] | str]] = {}
    for spider, entry in data.items():
        if spider not in TARGET_ARG:
            raise ConfigError(f"{origin}: unknown spider [{spider}]. Available: {', '.join(sorted(TARGET_ARG))}")
        if not isinstance(entry, dict):
            raise ConfigError(f"{origin}: [{spider}] must be a table, e.g. {TARGET_ARG[spider]} = [\"...\"]")
        allowed = {TARGET_ARG[spider]} | _EXTRA_ARGS
        checked: dict[str, list[str] | str] = {}
        for key, value in entry.items():
            if key not in allowed:
                raise ConfigError(f"{origin}: [{spider}] has unknown key {key!r}. Allowed: {', '.join(sorted(allowed))}")
            if key in ("base_url", "eu"):
                checked[key] = str(value)
            elif isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
                checked[key] = [v.strip() for v in value]
            else:
                raise ConfigError(f"{origin}: [{spider}].{key} must be a non-empty list of strings, got {value!r}")
        if TARGET_ARG[spider] not in checked and "urls" not in checked:
            raise ConfigError(f"{origin}: [{spider}] lists no {TARGET_ARG[spider]}")
        result[spider] = checked
    return result


def spider_arguments(entry: dict[str, list[str] | str]) -> dict[str, str]:
    """Spider -a arguments for one source entry (lists joined by commas)."""
    return {key: ",".join(value) if isinstance(value, list) else value for key, value in entry.items()}
