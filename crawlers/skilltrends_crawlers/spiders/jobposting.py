"""schema.org JobPosting JSON-LD pages, found through a sitemap (index and gzip too) or a URL list."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response
from scrapy.spiders import SitemapSpider

from skilltrends.crawl.jsonld import parse_jobposting_page
from skilltrends_crawlers.spiders import split_arg


class JobPostingSpider(SitemapSpider):
    name = "jobposting"

    def __init__(
        self,
        base_url: str | None = None,
        sitemap: str | list[str] | None = None,
        urls: str | list[str] | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.base_url = (base_url or "").rstrip("/")
        self.sitemap_urls = [self._absolute(u) for u in split_arg(sitemap)]
        self.page_urls = [self._absolute(u) for u in split_arg(urls)]
        self.completed_boards: set[tuple[str, str]] = set()
        if not self.sitemap_urls and not self.page_urls:
            raise ValueError("jobposting needs a sitemap or urls: -a sitemap=https://example.com/sitemap.xml")

    def _absolute(self, url: str) -> str:
        if "://" in url:
            return url
        if not self.base_url:
            raise ValueError(f"relative URL {url!r} needs -a base_url=https://host")
        return urljoin(self.base_url + "/", url.lstrip("/"))

    async def start(self) -> AsyncIterator[Any]:
        async for request in super().start():
            yield request
        for url in self.page_urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]]:
        try:
            postings = parse_jobposting_page(response.text, url=response.url)
        except (ValueError, AttributeError) as exc:  # not text, or not parseable as HTML
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("skilltrends/bad_page")
            self.logger.error("Cannot read %s as an HTML page: %s", response.url, exc)
            return
        if not postings:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("skilltrends/pages_without_jobposting")
        for posting in postings:
            yield posting.to_dict()
