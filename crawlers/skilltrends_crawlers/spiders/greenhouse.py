"""Greenhouse Job Board API: GET {base_url}/v1/boards/{token}/jobs?content=true for each board.

The job list carries no pay; where a job we analyse lacks `pay_input_ranges`, one more request
(`/jobs/{id}?pay_transparency=true`) fetches it. `-a pay=always|never` overrides that rule.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from skilltrends.crawl.greenhouse import needs_pay_lookup, parse_greenhouse_jobs, reuse_known_pay, with_pay
from skilltrends.crawl.known import KnownPay, known_greenhouse_pay
from skilltrends.models import Posting
from skilltrends_crawlers.spiders import BoardSpider, response_json, split_arg


class GreenhouseSpider(BoardSpider):
    name = "greenhouse"
    source = "greenhouse"
    default_base_url = "https://boards-api.greenhouse.io"

    def __init__(self, base_url: str | None = None, boards: str | list[str] | None = None, pay: str = "auto",
                 **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self.targets = split_arg(boards)
        self.pay = pay
        if not self.targets:
            raise ValueError("greenhouse needs boards: -a boards=token1,token2")
        if pay not in ("auto", "always", "never"):
            raise ValueError(f"greenhouse: pay={pay!r}; use auto, always or never")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.note_resumption()
        self.known: KnownPay = self.load_known_pay()
        for board in self.targets:
            yield self.target_request(f"{self.base_url}/v1/boards/{board}/jobs?content=true", target=board,
                                      callback=self.parse, cb_kwargs={"board": board})

    def load_known_pay(self) -> KnownPay:
        """Pay fetched in earlier crawls (with a store), so unchanged jobs need no second request."""
        url = self.crawler.settings.get("SKILLTRENDS_DATABASE_URL")
        if not url or self.pay != "auto":
            return {}
        from skilltrends.store.db import make_engine

        engine = make_engine(url)
        try:
            return known_greenhouse_pay(engine, self.targets)
        finally:
            engine.dispose()

    def parse(self, response: Response, board: str) -> Iterator[dict[str, Any] | scrapy.Request]:
        payload = response_json(self, response)
        errors: list[str] = []
        try:
            postings = parse_greenhouse_jobs(payload, board=board, errors=errors)
        except ValueError as exc:
            self.fail(board, f"unexpected Greenhouse payload from {response.url}: {exc}")
            return
        self.count_skipped(errors, url=response.url)
        for posting in postings:
            if needs_pay_lookup(posting, mode=self.pay, known=self.known):
                yield scrapy.Request(
                    f"{self.base_url}/v1/boards/{board}/jobs/{posting.external_id}?pay_transparency=true",
                    callback=self.parse_pay, errback=self.pay_failed, cb_kwargs={"posting": posting},
                    meta={"posting": posting},
                )
            else:
                yield reuse_known_pay(posting, self.known).to_dict()
        self.complete(board)

    def parse_pay(self, response: Response, posting: Posting) -> Iterator[dict[str, Any]]:
        job = response_json(self, response)
        if isinstance(job, dict):
            posting = with_pay(posting, job)
        yield posting.to_dict()

    def pay_failed(self, failure: Failure) -> Iterator[dict[str, Any]]:
        # The posting itself is fine: keep it without pay rather than lose it.
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("skilltrends/pay_lookup_failed")
        yield failure.request.meta["posting"].to_dict()  # type: ignore[attr-defined]

