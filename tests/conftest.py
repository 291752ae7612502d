"""Shared fixtures only: an engine, a loopback HTTP server, fixture pages."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import Engine

from skilltrends.store.db import make_engine

DATA = Path(__file__).parent / "data"


def read_page(relative: str) -> bytes:
    """A saved fixture page under tests/data/pages/."""
    return (DATA / "pages" / relative).read_bytes()


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """A fresh SQLite store in a temporary file (WAL needs a file, not :memory:)."""
    eng = make_engine(f"sqlite:///{tmp_path / 'store.sqlite'}")
    yield eng
    eng.dispose()


@pytest.fixture
def postgres_url() -> str:
    """The PostgreSQL URL for tests that need a real server (CI sets it); skip without it."""
    url = os.environ.get("SKILLTRENDS_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("SKILLTRENDS_TEST_POSTGRES_URL is not set")
    return url


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Route = Reply | list[Reply] | Callable[[str], Reply]


class LoopbackServer:
    """An HTTP server on 127.0.0.1 whose routes a test sets: path (with query) -> reply, list of replies, or function.

    A list is served in order, its last reply repeating: [Reply(429, headers={"Retry-After": "1"}), Reply(200, ...)].
    Every request's path is recorded in `requests`.
    """

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                reply = server.reply_for(self.path)
                self.send_response(reply.status)
                headers = {"Content-Type": "application/json"} | reply.headers
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, *args: object) -> None:
                return None

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def reply_for(self, path: str) -> Reply:
        with self._lock:
            self.requests.append(path)
            route = self.routes.get(path) or self.routes.get(path.split("?", 1)[0])
            if route is None:
                return Reply(404, b'{"error": "not found"}')
            if callable(route):
                return route(path)
            if isinstance(route, list):
                return route.pop(0) if len(route) > 1 else route[0]
            return route


@pytest.fixture
def http_server() -> Iterator[LoopbackServer]:
    server = LoopbackServer()
    server.routes["/robots.txt"] = Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
