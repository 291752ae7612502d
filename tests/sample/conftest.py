"""Fixtures for the sample market tests: one default market, written once and served once."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from skilltrends.sample import Market, generate_market, serve_market, write_market


@pytest.fixture(scope="session")
def timings() -> dict[str, float]:
    """Seconds spent by the session fixtures, for the speed test."""
    return {}


@pytest.fixture(scope="session")
def market(timings: dict[str, float]) -> Market:
    start = time.perf_counter()
    result = generate_market(seed=7)
    timings["generate"] = time.perf_counter() - start
    return result


@pytest.fixture(scope="session")
def market_dir(market: Market, timings: dict[str, float], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("market")
    start = time.perf_counter()
    write_market(market, out)
    timings["write"] = time.perf_counter() - start
    return out


@pytest.fixture(scope="session")
def truth(market_dir: Path) -> list[dict[str, Any]]:
    with (market_dir / "truth.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def base_url(market_dir: Path) -> Iterator[str]:
    with serve_market(market_dir) as url:
        yield url
