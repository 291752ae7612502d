"""The bundled offline sample job market: a seeded generator with ground truth, and a local server."""

from __future__ import annotations

from typing import Any

from skilltrends.sample.market import Market, generate_market, load_records, market_sources, write_market

__all__ = ["Market", "generate_market", "load_records", "market_sources", "serve_market", "write_market"]


def __getattr__(name: str) -> Any:
    # Imported lazily so `python -m skilltrends.sample.server` does not import the server twice.
    if name == "serve_market":
        from skilltrends.sample.server import serve_market

        return serve_market
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
