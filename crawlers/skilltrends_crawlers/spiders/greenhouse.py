"""Greenhouse Job Board API: GET {base_url}/v1/boards/{token}/jobs?content=true for each board."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from skilltrends.crawl.greenhouse import parse_greenhouse_jobs
from skilltrends_crawlers.spiders import response_json, split_arg


class GreenhouseSpider(scrapy.Spider):
    name = "greenhouse"
    default_base_url = "https://boards-api.greenhouse.io"

    def __init__(self, base_url: str | None = None, boards: str | list[str] | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.base_url = (base_url or self.default_base_url).rstrip("/")
        self.boards = split_arg(boards)
        self.completed_boards: set[tuple[str, str]] = set()
        if not self.boards:
            raise ValueError("greenhouse needs boards: -a boards=token1,token2")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.boards:
            yield scrapy.Request(
                f"{self.base_url}/v1/boards/{board}/jobs?content=true", cb_kwargs={"board": board}
            )

    def parse(self, response: Response, board: str) -> Iterator[dict[str, Any]]:
        payload = response_json(self, response)
        if not isinstance(payload, dict):
            return
        try:
            postings = parse_greenhouse_jobs(payload, board=board)
        except ValueError as exc:
            self.logger.error("Unexpected Greenhouse payload for %s: %s", board, exc)
            return
        for posting in postings:
            yield posting.to_dict()
        self.completed_boards.add(("greenhouse", board))
