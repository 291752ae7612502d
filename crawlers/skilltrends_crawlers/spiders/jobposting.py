"""schema.org JobPosting pages (JSON-LD, else microdata), found through a sitemap, a URL list or a listing
page.

`-a sitemap=URL` (a sitemap, a sitemap index, gzipped or not, or a robots.txt naming sitemaps), `-a
urls=URL,URL`, `-a listing=URL` (job links are followed, and the listing's "next" pages). `-a follow=REGEX`
picks job links on listing pages and, when given, the pages of a sitemap worth reading. Relative URLs are
resolved against `-a base_url`. A site is crawled completely when its sitemaps or listing pages all came
through and no job page failed other than with 404/410 (a posting taken down); only then do postings missing
from it get closed.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.spiders import SitemapSpider
from twisted.python.failure import Failure

from skilltrends.crawl.jsonld import DEFAULT_FOLLOW, listing_links, parse_jobposting_page
from skilltrends_crawlers.spiders import BoardSpider, split_arg

GONE = (404, 410)


class JobPostingSpider(SitemapSpider, BoardSpider):
    name = "jobposting"
    source = "jobposting"

    def __init__(
        self,
        base_url: str | None = None,
        sitemap: str | list[str] | None = None,
        urls: str | list[str] | None = None,
        listing: str | list[str] | None = None,
        follow: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(base_url=base_url, **kwargs)
        self.sitemap_urls = [self._absolute(u) for u in split_arg(sitemap)]
        self.page_urls = [self._absolute(u) for u in split_arg(urls)]
        self.listing_urls = [self._absolute(u) for u in split_arg(listing)]
        self.follow = follow or DEFAULT_FOLLOW
        # With `follow`, a site-wide sitemap yields only the job-like pages.
        self.sitemap_pages = re.compile(follow) if follow else None
        self.targets = self.sitemap_urls + self.page_urls + self.listing_urls
        self.sites: set[str] = set()  # hosts reached through a sitemap or a listing: these can be complete
        if not self.targets:
            raise ValueError(
                "jobposting needs a sitemap, urls or listing: -a sitemap=https://example.com/sitemap.xml")

    def _absolute(self, url: str) -> str:
        if "://" in url:
            return url
        if not self.base_url:
            raise ValueError(f"relative URL {url!r} needs -a base_url=https://host")
        return urljoin(self.base_url + "/", url.lstrip("/"))

    async def start(self) -> AsyncIterator[Any]:
        self.note_resumption()
        for url in self.sitemap_urls:
            self.sites.add(_host(url))
            yield self.target_request(url, target=_host(url), callback=self._parse_sitemap)
        for url in self.listing_urls:
            self.sites.add(_host(url))
            yield self.target_request(url, target=_host(url), callback=self.parse_listing)
        for url in self.page_urls:
            yield scrapy.Request(url, callback=self.parse, errback=self.page_failed, meta={"target": url})

    def _parse_sitemap(self, response: Response) -> Iterator[Any]:
        for request in super()._parse_sitemap(response):
            if self.sitemap_pages and request.callback == self.parse and not self.sitemap_pages.search(
                    urlsplit(request.url).path):
                continue
            meta = request.meta | {"target": _host(request.url)}
            yield request.replace(errback=self.page_failed, meta=meta)

    def parse_listing(self, response: Response) -> Iterator[Any]:
        text = getattr(response, "text", None)
        if text is None:
            self.fail(_host(response.url), f"listing page {response.url} is not text")
            return
        yield from self.parse(response)
        jobs, pages = listing_links(text, url=response.url, follow=self.follow)
        for url in jobs:
            meta = {"target": _host(url)}
            yield scrapy.Request(url, callback=self.parse, errback=self.page_failed, meta=meta)
        for url in pages:
            yield self.target_request(url, target=_host(url), callback=self.parse_listing)

    def page_failed(self, failure: Failure) -> None:
        if isinstance(failure.value, HttpError) and failure.value.response.status in GONE:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("skilltrends/pages_gone")
            return  # taken down: its posting is rightly closed
        self.target_failed(failure)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]]:
        assert self.crawler.stats is not None
        text = getattr(response, "text", None)
        if text is None:  # binary: not a page we can read
            self.crawler.stats.inc_value("skilltrends/bad_page")
            self.logger.warning("Not a text page: %s", response.url)
            return
        errors: list[str] = []
        postings = parse_jobposting_page(text, url=response.url, errors=errors)
        self.count_skipped(errors, url=response.url)
        if not postings:
            self.crawler.stats.inc_value("skilltrends/pages_without_jobposting")
        for posting in postings:
            yield posting.to_dict()

    @property
    def completed_boards(self) -> set[tuple[str, str]]:
        if self.resumed:
            return set()
        return {(self.source, host) for host in self.sites if host not in self.failed_targets}


def _host(url: str) -> str:
    return urlsplit(url).hostname or url
