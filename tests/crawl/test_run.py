"""Spiders end to end: a child `scrapy crawl` against a loopback server, into a SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from skilltrends.config import DEFAULT_USER_AGENT, Settings
from skilltrends.crawl.run import absolute_database_url, crawler_user_agent, is_loopback, run_spider
from skilltrends.errors import ConfigError
from skilltrends.store.db import make_engine
from skilltrends.store.tables import CrawlRun, PostingRow
from tests.conftest import LoopbackServer, Reply, read_page


def _crawl(engine: Engine, tmp_path: Path, spider: str, **arguments: str) -> object:
    url = str(engine.url)
    return run_spider(spider, engine=engine, database_url=url, home=tmp_path, arguments=arguments, timeout=120)


@pytest.mark.slow
def test_run_spider_greenhouse_stores_postings_and_records_run(
    engine: Engine, tmp_path: Path, http_server: LoopbackServer
) -> None:
    http_server.routes["/v1/boards/acme/jobs"] = Reply(200, read_page("greenhouse/acme.json"))
    result = _crawl(engine, tmp_path, "greenhouse", base_url=http_server.url, boards="acme")
    assert (result.status, result.new, result.updated, result.unchanged) == ("ok", 2, 0, 0)
    lines = [json.loads(line) for line in result.feed.read_text().splitlines()]
    assert {line["external_id"] for line in lines} == {"4011001", "4011002"}
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(PostingRow)) == 2
        run = conn.execute(select(CrawlRun)).one()
    assert run.status == "ok" and run.stats["downloader/response_status_count/200"] >= 1


@pytest.mark.slow
def test_run_spider_recrawl_creates_no_duplicates_and_closes_vanished(
    engine: Engine, tmp_path: Path, http_server: LoopbackServer
) -> None:
    board = json.loads(read_page("greenhouse/acme.json"))
    http_server.routes["/v1/boards/acme/jobs"] = Reply(200, json.dumps(board).encode())
    _crawl(engine, tmp_path, "greenhouse", base_url=http_server.url, boards="acme")
    board["jobs"] = board["jobs"][:1]
    http_server.routes["/v1/boards/acme/jobs"] = Reply(200, json.dumps(board).encode())
    again = _crawl(engine, tmp_path, "greenhouse", base_url=http_server.url, boards="acme")
    assert (again.new, again.updated, again.unchanged) == (0, 0, 1)
    with engine.connect() as conn:
        rows = {r.external_id: r for r in conn.execute(select(PostingRow))}
    assert len(rows) == 2
    assert rows["4011001"].closed_at is None
    assert rows["4011002"].closed_at is not None


@pytest.mark.slow
def test_run_spider_bad_json_fails_without_crash(engine: Engine, tmp_path: Path, http_server: LoopbackServer) -> None:
    http_server.routes["/v1/boards/acme/jobs"] = Reply(200, b'{"jobs": [{"id": 1, "title"')
    result = _crawl(engine, tmp_path, "greenhouse", base_url=http_server.url, boards="acme")
    assert result.status == "failed" and result.seen == 0


@pytest.mark.slow
def test_run_spider_jsonld_from_url_list(engine: Engine, tmp_path: Path, http_server: LoopbackServer) -> None:
    http_server.routes["/jobs/77"] = Reply(200, read_page("jobposting/job-graph.html"), {"Content-Type": "text/html"})
    result = _crawl(engine, tmp_path, "jobposting", base_url=http_server.url, urls="/jobs/77")
    assert (result.status, result.new) == ("ok", 1)


def test_run_spider_unknown_name_names_the_choices(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Available: .*greenhouse"):
        _crawl(engine, tmp_path, "monster")


@pytest.mark.slow
def test_run_spider_missing_argument_fails_with_reason(engine: Engine, tmp_path: Path) -> None:
    result = _crawl(engine, tmp_path, "greenhouse", base_url="http://127.0.0.1:9")
    assert result.status == "failed" and "boards" in (result.message or "")


@pytest.mark.parametrize(
    ("url", "expected"),
    [("http://127.0.0.1:8000", True), ("http://localhost:1", True), ("http://[::1]:80/", True),
     ("https://boards-api.greenhouse.io", False), (None, False)],
)
def test_is_loopback(url: str | None, expected: bool) -> None:
    assert is_loopback(url) is expected


def test_settings_default_to_sqlite_under_home() -> None:
    from skilltrends.config import load_settings

    settings = load_settings({})
    assert isinstance(settings, Settings)
    assert settings.database_url == f"sqlite:///{Path('data/skilltrends.sqlite').resolve()}"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///data/s.sqlite", f"sqlite:///{Path('data/s.sqlite').resolve()}"),
        ("sqlite:////abs/s.sqlite", "sqlite:////abs/s.sqlite"),
        ("sqlite://", "sqlite://"),
        ("postgresql+psycopg://u:pw@127.0.0.1/db", "postgresql+psycopg://u:pw@127.0.0.1/db"),
    ],
)
def test_absolute_database_url_pins_relative_sqlite_paths(url: str, expected: str) -> None:
    assert absolute_database_url(url) == expected


def test_run_spider_relative_sqlite_url_reaches_the_same_store(
    tmp_path: Path, http_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    engine = make_engine("sqlite:///data/store.sqlite")
    http_server.routes["/v1/boards/acme/jobs"] = Reply(200, read_page("greenhouse/acme.json"))
    result = run_spider("greenhouse", engine=engine, database_url="sqlite:///data/store.sqlite",
                        home=tmp_path / "data", arguments={"base_url": http_server.url, "boards": "acme"},
                        timeout=120)
    assert (result.status, result.new) == ("ok", 2)


@pytest.mark.parametrize(
    ("agent", "contact", "expected"),
    [
        (DEFAULT_USER_AGENT, None, DEFAULT_USER_AGENT),
        (DEFAULT_USER_AGENT, "https://lab.example/crawler",
         "skilltrends/0.1 (+https://lab.example/crawler; labour-market research crawler)"),
        ("labbot/2 (+https://lab.example)", "https://lab.example", "labbot/2 (+https://lab.example)"),
        ("labbot/2", "https://lab.example/about", "labbot/2 (+https://lab.example/about)"),
    ],
)
def test_crawler_user_agent_names_a_contact(agent: str, contact: str | None, expected: str) -> None:
    assert crawler_user_agent(agent, contact_url=contact) == expected


def test_store_refusing_batches_stops_the_crawl_with_one_error(
    engine: Engine, tmp_path: Path, http_server: LoopbackServer
) -> None:
    import os
    import subprocess
    import sys

    http_server.routes["/v1/boards/acme/jobs"] = Reply(200, read_page("greenhouse/acme.json"))
    log = tmp_path / "crawl.log"
    env = os.environ | {"SCRAPY_SETTINGS_MODULE": "skilltrends_crawlers.settings"}
    # Run id 999 does not exist: every batch breaks the foreign key, as a store in a bad state would.
    command = [sys.executable, "-m", "scrapy", "crawl", "greenhouse", "-a", f"base_url={http_server.url}",
               "-a", "boards=acme", "-s", f"SKILLTRENDS_DATABASE_URL={engine.url}", "-s", "SKILLTRENDS_RUN_ID=999",
               "-s", "SKILLTRENDS_STORE_BATCH=1", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
               "-s", f"LOG_FILE={log}"]
    subprocess.run(command, cwd=tmp_path, env=env, timeout=120, check=False)
    text = log.read_text()
    assert text.count("The store refused a batch") == 1
    assert "Error processing" not in text
    assert "'finish_reason': 'store_error'" in text
