"""JSON Schemas in schemas/ and validation against them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from skilltrends.errors import SchemaError

__all__ = ["SCHEMA_DIR", "load_schema", "schema_errors", "validate"]

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


@cache
def _validator(name: str) -> Draft202012Validator:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def load_schema(name: str) -> dict[str, Any]:
    """The schema `schemas/<name>.schema.json`."""
    path = SCHEMA_DIR / f"{name}.schema.json"
    if not path.exists():
        available = sorted(p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json"))
        raise SchemaError(f"Unknown schema {name!r}. Available: {', '.join(available)}")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def schema_errors(name: str, instance: Any) -> list[str]:
    """Each problem as 'path: message' (empty when valid)."""
    errors = sorted(_validator(name).iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in errors]


def validate(name: str, instance: Any) -> None:
    """Raise SchemaError naming every problem."""
    errors = schema_errors(name, instance)
    if errors:
        raise SchemaError(f"Invalid {name}: " + "; ".join(errors[:5]))
