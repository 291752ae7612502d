"""The crawl path on PostgreSQL: upserts, the run record, pay reuse and closing, in a schema of its own."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select, text

from skilltrends.store.db import make_engine
from skilltrends.store.tables import CrawlRun, PostingRow
from tests.conftest import Reply, read_page
from tests.crawl.conftest import CrawlServer, crawl

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def pg_engine(postgres_url: str) -> Iterator[Engine]:
    schema = f"crawl_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url)
    with admin.begin() as conn:
        conn.execute(text(f"create schema {schema}"))
    engine = make_engine(f"{postgres_url}{'&' if '?' in postgres_url else '?'}options=-csearch_path%3D{schema}")
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f"drop schema {schema} cascade"))
    admin.dispose()


def test_postgres_recrawl_reuses_pay_and_closes_vanished(
    pg_engine: Engine, tmp_path: Path, crawl_server: CrawlServer
) -> None:
    payload = json.loads(read_page("greenhouse/acme.json"))
    pay = payload["jobs"][0].pop("pay_input_ranges")
    crawl_server.routes["/v1/boards/acme/jobs"] = Reply(200, json.dumps(payload).encode())
    crawl_server.routes["/v1/boards/acme/jobs/4011001"] = Reply(200, json.dumps({"pay_input_ranges": pay}).encode())
    first = crawl(pg_engine, tmp_path, "greenhouse", base_url=crawl_server.url, boards="acme")
    payload["jobs"] = payload["jobs"][:1]
    crawl_server.routes["/v1/boards/acme/jobs"] = Reply(200, json.dumps(payload).encode())
    again = crawl(pg_engine, tmp_path, "greenhouse", base_url=crawl_server.url, boards="acme")
    assert (first.status, first.new, again.status, again.unchanged) == ("ok", 2, "ok", 1)
    assert sum("pay_transparency" in path for path in crawl_server.requests) == 1
    with pg_engine.connect() as conn:
        rows = {r.external_id: r for r in conn.execute(select(PostingRow))}
        runs = conn.execute(select(CrawlRun.requests, CrawlRun.responses_by_status).order_by(CrawlRun.id)).all()
    assert rows["4011001"].salary_max == 240000.0 and rows["4011001"].closed_at is None
    assert rows["4011002"].closed_at is not None
    assert runs == [(3, {"200": 3}), (2, {"200": 2})]
