"""One spider per job-board source. Each takes `base_url` so tests and mirrors can serve fixtures locally."""

from __future__ import annotations

import json
from typing import Any

from scrapy import Spider
from scrapy.http import Response

__all__ = ["split_arg", "response_json"]


def split_arg(value: str | list[str] | None) -> list[str]:
    """Spider arguments arrive as 'a,b,c' (from -a) or as a list (from code)."""
    if value is None:
        return []
    items = value if isinstance(value, list) else value.split(",")
    return [item.strip() for item in items if item and item.strip()]


def response_json(spider: Spider, response: Response) -> Any:
    """The response's JSON, or None — logged as an error and counted — when it is not valid JSON."""
    try:
        return json.loads(response.body)
    except ValueError as exc:
        assert spider.crawler.stats is not None
        spider.crawler.stats.inc_value("skilltrends/bad_json")
        spider.logger.error("Not valid JSON from %s (%s); page skipped", response.url, exc)
        return None
