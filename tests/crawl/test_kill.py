"""A crawl killed with SIGKILL mid-way and started again loses nothing committed and duplicates nothing."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from skilltrends.crawl.run import run_spider
from skilltrends.store.tables import CrawlRun, PostingRow
from tests.conftest import Reply, read_page
from tests.crawl.conftest import CrawlServer, crawl

pytestmark = pytest.mark.slow
PAGE = 40


def _scrapy_children() -> list[int]:
    """Our child `scrapy crawl` processes (from /proc: Linux only)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and b"scrapy" in cmdline:
            found.append(int(entry.name))
    return found


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(PostingRow)) or 0)


def _pages() -> list[bytes]:
    template = json.loads(read_page("lever/acme.json"))[0]
    postings = [dict(template, id=f"job-{n:03d}", text=f"Machine Learning Engineer {n}") for n in range(5 * PAGE)]
    return [json.dumps(postings[i:i + PAGE]).encode() for i in range(0, len(postings), PAGE)]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the child through /proc")
def test_crawl_killed_and_restarted_loses_and_duplicates_nothing(
    engine: Engine, tmp_path: Path, crawl_server: CrawlServer
) -> None:
    pages = _pages()
    url = "/v0/postings/acme?mode=json&skip={}&limit=" + str(PAGE)
    killed: list[int] = []

    def kill_when_two_pages_committed(_: str) -> Reply:
        deadline = time.monotonic() + 30
        while _count(engine) < 2 * PAGE and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in _scrapy_children():
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
        return Reply(200, pages[2])

    for number, page in enumerate(pages):
        crawl_server.routes[url.format(number * PAGE)] = Reply(200, page)
    crawl_server.routes[url.format(5 * PAGE)] = Reply(200, b"[]")  # past the end, as Lever answers
    crawl_server.routes[url.format(2 * PAGE)] = kill_when_two_pages_committed
    first = crawl(engine, tmp_path, "lever", base_url=crawl_server.url, sites="acme", page_size=str(PAGE))
    assert killed and first.status == "failed" and "-9" in (first.message or "")
    committed = {r.external_id: r.first_seen for r in _rows(engine)}
    assert len(committed) >= 2 * PAGE

    crawl_server.routes[url.format(2 * PAGE)] = Reply(200, pages[2])
    second = crawl(engine, tmp_path, "lever", base_url=crawl_server.url, sites="acme", page_size=str(PAGE))
    assert second.status == "ok"
    rows = {r.external_id: r for r in _rows(engine)}
    assert len(rows) == 5 * PAGE == second.seen
    assert all(rows[key].first_seen == first_seen for key, first_seen in committed.items())
    assert (second.unchanged, second.new) == (len(committed), 5 * PAGE - len(committed))
    with engine.connect() as conn:
        statuses = dict(conn.execute(select(CrawlRun.id, CrawlRun.status)).all())
    assert statuses == {first.run_id: "failed", second.run_id: "ok"}


def _rows(engine: Engine) -> list[PostingRow]:
    with engine.connect() as conn:
        return list(conn.execute(select(PostingRow)))


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the child through /proc")
def test_crawl_paused_with_jobdir_resumes_where_it_stopped(
    engine: Engine, tmp_path: Path, crawl_server: CrawlServer
) -> None:
    pages = _pages()
    url = "/v0/postings/acme?mode=json&skip={}&limit=" + str(PAGE)
    for number, page in enumerate(pages):
        crawl_server.routes[url.format(number * PAGE)] = Reply(200, page)
    crawl_server.routes[url.format(5 * PAGE)] = Reply(200, b"[]")

    def pause(_: str) -> Reply:
        for pid in _scrapy_children():
            os.kill(pid, signal.SIGINT)  # one Ctrl-C: Scrapy stops gracefully and keeps its queue in JOBDIR
        time.sleep(0.5)
        return Reply(503)

    crawl_server.routes[url.format(3 * PAGE)] = pause
    jobdir = tmp_path / "job"
    first = run_spider("lever", engine=engine, database_url=str(engine.url), home=tmp_path, jobdir=jobdir,
                       arguments={"base_url": crawl_server.url, "sites": "acme", "page_size": str(PAGE)},
                       settings={"RETRY_BACKOFF_BASE": "0.5"})
    assert first.status == "failed" and "shutdown" in (first.message or "")
    crawl_server.routes[url.format(3 * PAGE)] = Reply(200, pages[3])
    second = run_spider("lever", engine=engine, database_url=str(engine.url), home=tmp_path, jobdir=jobdir,
                        arguments={"base_url": crawl_server.url, "sites": "acme", "page_size": str(PAGE)})
    assert second.status == "ok" and _count(engine) == 5 * PAGE
    assert crawl_server.requests.count(url.format(0)) == 1  # the resumed crawl did not start over
    assert not any(row.closed_at for row in _rows(engine))  # postings seen before the pause are not "gone"
