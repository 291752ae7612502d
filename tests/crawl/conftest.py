"""Crawl-test helpers: a loopback server whose slow routes do not hold up the others, and a crawl runner."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from skilltrends.crawl.run import CrawlResult, run_spider
from tests.conftest import LoopbackServer, Reply

# Small retry and timeout settings keep fault tests to seconds.
FAST = {"RETRY_TIMES": "2", "RETRY_BACKOFF_BASE": "0.1", "RETRY_MAX_DELAY": "3", "DOWNLOAD_TIMEOUT": "2",
        "SKILLTRENDS_STORE_BATCH": "20"}


class CrawlServer(LoopbackServer):
    """LoopbackServer that calls function routes outside its lock, so a deliberately slow route stalls only itself."""

    def reply_for(self, path: str) -> Reply:
        with self._lock:
            route = self.routes.get(path) or self.routes.get(path.split("?", 1)[0])
            if callable(route):
                self.requests.append(path)
        return route(path) if callable(route) else super().reply_for(path)


def slow(seconds: float, reply: Reply) -> Callable[[str], Reply]:
    """A route that answers after `seconds` (longer than DOWNLOAD_TIMEOUT: a timeout)."""
    def answer(_: str) -> Reply:
        time.sleep(seconds)
        return reply
    return answer


class Timed:
    """A route serving `replies` in order (the last repeating) and recording when each request came."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.times: list[float] = []

    def __call__(self, _: str) -> Reply:
        self.times.append(time.monotonic())
        return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]


def start_server() -> CrawlServer:
    server = CrawlServer()
    server.routes["/robots.txt"] = Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
    server.thread.start()
    return server


def stop_server(server: LoopbackServer) -> None:
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def crawl_server() -> Iterator[CrawlServer]:
    server = start_server()
    yield server
    stop_server(server)


def crawl(
    engine: Engine, home: Path, spider: str, *, settings: dict[str, str] | None = None, timeout: float = 120,
    **arguments: str,
) -> CrawlResult:
    """Run `spider` in a child process against the arguments' base_url, into `engine`."""
    return run_spider(spider, engine=engine, database_url=str(engine.url), home=home, arguments=arguments,
                      settings=FAST | (settings or {}), timeout=timeout)


def html(body: bytes | str, **headers: Any) -> Reply:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Reply(200, data, {"Content-Type": "text/html; charset=utf-8"} | headers)
