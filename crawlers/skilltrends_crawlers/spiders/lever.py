"""Lever Postings API: GET {base_url}/v0/postings/{site}?mode=json&skip=N&limit=M for each site, page by page.

EU-hosted accounts live on api.eu.lever.co: `-a eu=true` (or `-a base_url=https://api.eu.lever.co`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from skilltrends.crawl.lever import parse_lever_postings
from skilltrends_crawlers.spiders import BoardSpider, response_json, split_arg

EU_BASE_URL = "https://api.eu.lever.co"


class LeverSpider(BoardSpider):
    name = "lever"
    source = "lever"
    default_base_url = "https://api.lever.co"

    def __init__(self, base_url: str | None = None, sites: str | list[str] | None = None, eu: str = "false",
                 page_size: str | int = 100, **kwargs: Any) -> None:
        eu_host = str(eu).lower() in ("1", "true", "yes")
        super().__init__(base_url or (EU_BASE_URL if eu_host else None), **kwargs)
        self.targets = split_arg(sites)
        self.page_size = int(page_size)
        if not self.targets:
            raise ValueError("lever needs sites: -a sites=site1,site2")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.note_resumption()
        for site in self.targets:
            yield self.page_request(site, skip=0)

    def page_request(self, site: str, *, skip: int) -> scrapy.Request:
        url = f"{self.base_url}/v0/postings/{site}?mode=json&skip={skip}&limit={self.page_size}"
        kwargs = {"site": site, "skip": skip}
        return self.target_request(url, target=site, callback=self.parse, cb_kwargs=kwargs)

    def parse(self, response: Response, site: str, skip: int) -> Iterator[dict[str, Any] | scrapy.Request]:
        payload = response_json(self, response)
        errors: list[str] = []
        try:
            postings = parse_lever_postings(payload, site=site, errors=errors)
        except ValueError as exc:
            self.fail(site, f"unexpected Lever payload from {response.url}: {exc}")
            return
        self.count_skipped(errors, url=response.url)
        for posting in postings:
            yield posting.to_dict()
        if len(payload) >= self.page_size:
            yield self.page_request(site, skip=skip + len(payload))
        else:
            self.complete(site)
