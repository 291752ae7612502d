"""The bundled offline sample job market: a seeded generator with ground truth, and a local server."""

from __future__ import annotations

from skilltrends.sample.market import Market, generate_market, load_records, market_sources, write_market
from skilltrends.sample.server import serve_market

__all__ = ["Market", "generate_market", "load_records", "market_sources", "serve_market", "write_market"]
