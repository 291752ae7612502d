"""The sources file (TOML): which boards each spider crawls.

    [greenhouse]
    boards = ["huggingface", "scaleai"]
    # base_url = "http://127.0.0.1:8000"    # a mirror instead of the real endpoint

    [jobposting]
    sitemap = ["https://careers.example.com/sitemap.xml"]

Each table is a spider; its keys are that spider's arguments (lists are joined with commas).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from skilltrends.errors import ConfigError

__all__ = ["TARGET_ARG", "SPIDER_ARGS", "load_sources", "parse_sources", "spider_arguments"]

# Which spider argument carries a source's targets.
TARGET_ARG = {"greenhouse": "boards", "lever": "sites", "ashby": "names", "jobposting": "sitemap", "hn": "months"}

# Every argument a spider takes from the sources file: list-valued (targets) or a single value.
SPIDER_ARGS: dict[str, dict[str, type]] = {
    "greenhouse": {"boards": list, "base_url": str, "pay": str},
    "lever": {"sites": list, "base_url": str, "eu": bool, "page_size": int},
    "ashby": {"names": list, "base_url": str},
    "jobposting": {"sitemap": list, "urls": list, "listing": list, "follow": str, "base_url": str},
    "hn": {"months": list, "base_url": str},
}
# A source needs at least one of these.
_TARGETS = {"jobposting": ("sitemap", "urls", "listing")}


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
    """Check a parsed sources mapping: known spiders, their known arguments, values of the right kind."""
    result: dict[str, dict[str, list[str] | str]] = {}
    for spider, entry in data.items():
        if spider not in SPIDER_ARGS:
            raise ConfigError(f"{origin}: unknown spider [{spider}]. Available: {', '.join(sorted(SPIDER_ARGS))}")
        if not isinstance(entry, dict):
            raise ConfigError(f"{origin}: [{spider}] must be a table, e.g. {TARGET_ARG[spider]} = [\"...\"]")
        result[spider] = {key: _check(origin, spider, key, value) for key, value in entry.items()}
        needed = _TARGETS.get(spider, (TARGET_ARG[spider],))
        if not any(key in result[spider] for key in needed):
            raise ConfigError(f"{origin}: [{spider}] lists no {' or '.join(needed)}")
    return result


def _check(origin: str, spider: str, key: str, value: Any) -> list[str] | str:
    allowed = SPIDER_ARGS[spider]
    if key not in allowed:
        raise ConfigError(f"{origin}: [{spider}] has unknown key {key!r}. Allowed: {', '.join(sorted(allowed))}")
    kind = allowed[key]
    if kind is list:
        if isinstance(value, str) and value.strip():
            value = [value]
        if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
            return [v.strip() for v in value]
        raise ConfigError(f"{origin}: [{spider}].{key} must be a string or a non-empty list of strings, got {value!r}")
    if kind is bool and isinstance(value, bool):
        return str(value).lower()
    if kind is int and isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return str(value)
    if kind is str and isinstance(value, str) and value.strip():
        return value.strip()
    raise ConfigError(f"{origin}: [{spider}].{key} must be a {kind.__name__}, got {value!r}")


def spider_arguments(entry: dict[str, list[str] | str]) -> dict[str, str]:
    """Spider -a arguments for one source entry (lists joined by commas)."""
    return {key: ",".join(value) if isinstance(value, list) else value for key, value in entry.items()}
