"""One spider per job-board source. Each takes `base_url` so tests and mirrors can serve fixtures locally.

`BoardSpider` holds what they share: the targets they were given, which of them completed (so StorePipeline
can close postings that vanished from a complete board) and which failed, with the reason, for the crawl's
record.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import scrapy
from scrapy import signals
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

__all__ = ["BoardSpider", "split_arg", "response_json"]


def split_arg(value: str | list[str] | None) -> list[str]:
    """Spider arguments arrive as 'a,b,c' (from -a) or as a list (from code)."""
    if value is None:
        return []
    items = value if isinstance(value, list) else value.split(",")
    return [item.strip() for item in items if item and item.strip()]


def response_json(spider: scrapy.Spider, response: Response) -> Any:
    """The response's JSON, or None — logged as an error and counted — when it is not valid JSON."""
    try:
        return json.loads(response.body)
    except ValueError as exc:
        assert spider.crawler.stats is not None
        spider.crawler.stats.inc_value("skilltrends/bad_json")
        spider.logger.error("Not valid JSON from %s (%s); page skipped", response.url, exc)
        return None


class BoardSpider(scrapy.Spider):
    """A spider over a list of targets (boards, sites, names, months) at `base_url`."""

    default_base_url = ""
    source = ""

    def __init__(self, base_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = (base_url or self.default_base_url).rstrip("/")
        self.targets: list[str] = []
        self._completed: set[tuple[str, str]] = set()
        self.failed_targets: dict[str, str] = {}
        self.resumed = False

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Any:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        return spider

    def note_resumption(self) -> None:
        """Call first thing in start(): with a JOBDIR, tells a resumed crawl from a fresh one.

        A resumed crawl's earlier part ran in another crawl run. Scrapy's SpiderState extension keeps
        `self.state` across the two.
        """
        state = getattr(self, "state", None)
        if isinstance(state, dict):
            self.resumed = bool(state.get("started"))
            state["started"] = True

    def request_dropped(self, request: scrapy.Request, spider: scrapy.Spider) -> None:
        """A redirect back to a URL already fetched is dropped by the duplicate filter without an errback."""
        if request.meta.get("redirect_times") and "target" in request.meta:
            reason = f"redirect loop: max redirections or a URL seen before ({request.url})"
            self.fail(request.meta["target"], reason)

    def target_request(
        self, url: str, *, target: str, callback: Callable[..., Any], **kwargs: Any
    ) -> scrapy.Request:
        """A request whose failure (after retries) marks `target` failed instead of passing silently."""
        meta = {"target": target} | kwargs.pop("meta", {})
        return scrapy.Request(url, callback=callback, errback=self.target_failed, meta=meta, **kwargs)

    def target_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        if isinstance(failure.value, HttpError):
            reason = f"HTTP {failure.value.response.status} from {request.url}"
        else:
            reason = f"{type(failure.value).__name__}: {failure.getErrorMessage()} ({request.url})"
        self.fail(request.meta.get("target", request.url), reason)

    def fail(self, target: str, reason: str) -> None:
        """Record that `target` could not be crawled completely; its postings will not be closed."""
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("skilltrends/failed_targets")
        self.failed_targets.setdefault(target, reason[:300])
        self.logger.error("Target %s failed: %s", target, reason)

    def count_skipped(self, errors: list[str], *, url: str) -> None:
        """Count items a parser had to skip (dropped, reason "unparseable") and log why."""
        assert self.crawler.stats is not None
        for error in errors:
            self.crawler.stats.inc_value("skilltrends/dropped/unparseable")
            self.crawler.stats.inc_value("skilltrends/dropped")
            self.logger.warning("Skipped an item of %s: %s", url, error)

    def complete(self, board: str) -> None:
        """Mark `board` as crawled completely: postings of it not seen in this run get closed."""
        self._completed.add((self.source, board))

    @property
    def completed_boards(self) -> set[tuple[str, str]]:
        """(source, board) pairs crawled completely in this run: StorePipeline closes their vanished postings.

        None after a resumed crawl: the postings seen before the pause belong to another run, so "not seen in
        this run" does not mean gone; the next complete crawl closes what vanished.
        """
        if self.resumed:
            return set()
        return {(source, board) for source, board in self._completed if board not in self.failed_targets}
