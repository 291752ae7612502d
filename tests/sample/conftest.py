"""Fixtures for the sample market tests: one default market, written once and served once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from skilltrends.sample import Market, generate_market, serve_market, write_market


@pytest.fixture(scope="session")
def market() -> Market:
    return generate_market(seed=7)


@pytest.fixture(scope="session")
def market_dir(market: Market, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("market")
    write_market(market, out)
    return out


@pytest.fixture(scope="session")
def truth(market_dir: Path) -> list[dict[str, Any]]:
    with (market_dir / "truth.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def base_url(market_dir: Path) -> Iterator[str]:
    with serve_market(market_dir) as url:
        yield url
