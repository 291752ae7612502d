"""Downloader middlewares: retries that back off and honour Retry-After; robots.txt checked for every request.

Scrapy's RetryMiddleware retries 429 and 5xx at once and ignores Retry-After
(https://github.com/scrapy/scrapy/issues/3849); this subclass waits first, without blocking the reactor.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares import robotstxt
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import sleep
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message
from twisted.internet.defer import Deferred

from skilltrends.crawl.backoff import retry_after_seconds, retry_delay


class BackoffRetryMiddleware(RetryMiddleware):
    """Retry 429, 5xx and timeouts after `Retry-After` seconds or an exponential backoff, both capped."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_MAX_DELAY", 60.0)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await self._wait(retry, retry_after_seconds(response.headers.get("Retry-After")))
        return retry

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await self._wait(retry, None)
        return retry

    async def _wait(self, retry: Request, retry_after: float | None) -> None:
        delay = retry_delay(int(retry.meta.get("retry_times", 1)), retry_after=retry_after, base=self.base,
                            cap=self.cap)
        stats: Any = self.crawler.stats
        stats.inc_value("retry/backoff_seconds", round(delay, 3))
        if retry_after is not None:
            stats.inc_value("retry/retry_after_honoured")
        if delay > 0:
            await sleep(delay)


class RobotsTxtMiddleware(robotstxt.RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, safe for many requests waiting on one host's robots.txt.

    In Scrapy 2.19 the requests that arrive while robots.txt is being fetched all await one shared Deferred;
    on the asyncio reactor only the first of them receives the parser and the rest get None, i.e. are let
    through unchecked. Here every waiter gets its own Deferred, fed from the shared one without consuming its
    result (the relay Scrapy used before https://github.com/scrapy/scrapy/pull/6802, which noted the path was
    untested).
    """

    async def robot_parser(self, request: Request) -> Any:
        shared = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(shared, Deferred):
            return await super().robot_parser(request)
        mine: Deferred[Any] = Deferred()

        def relay(result: Any) -> Any:
            mine.callback(result)
            return result

        shared.addBoth(relay)
        return await maybe_deferred_to_future(mine)
