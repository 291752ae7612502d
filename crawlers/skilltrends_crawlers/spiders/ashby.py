"""Ashby posting API: GET {base_url}/posting-api/job-board/{name}?includeCompensation=true for each board."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from skilltrends.crawl.ashby import parse_ashby_jobs
from skilltrends_crawlers.spiders import BoardSpider, response_json, split_arg


class AshbySpider(BoardSpider):
    name = "ashby"
    source = "ashby"
    default_base_url = "https://api.ashbyhq.com"

    def __init__(
        self, base_url: str | None = None, names: str | list[str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(base_url, **kwargs)
        self.targets = split_arg(names)
        if not self.targets:
            raise ValueError("ashby needs names: -a names=board1,board2")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.note_resumption()
        for name in self.targets:
            url = f"{self.base_url}/posting-api/job-board/{name}?includeCompensation=true"
            yield self.target_request(url, target=name, callback=self.parse, cb_kwargs={"board": name})

    def parse(self, response: Response, board: str) -> Iterator[dict[str, Any]]:
        payload = response_json(self, response)
        errors: list[str] = []
        try:
            postings = parse_ashby_jobs(payload, board=board, errors=errors)
        except ValueError as exc:
            self.fail(board, f"unexpected Ashby payload from {response.url}: {exc}")
            return
        self.count_skipped(errors, url=response.url)
        for posting in postings:
            yield posting.to_dict()
        self.complete(board)
