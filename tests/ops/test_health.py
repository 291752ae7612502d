"""Crawl health: a finished run far below its own history, or with too many errors or invalid items, fails."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from skilltrends.crawl.health import HealthThresholds, assess_crawl_run, record_crawl_health
from skilltrends.store.tables import CrawlRun
from tests.ops.helpers import add_run


@pytest.mark.parametrize(
    ("history", "latest", "expected"),
    [
        ([40, 42, 38, 41, 39], {"seen": 41}, ("ok", None)),
        ([40, 42, 38, 41, 39], {"seen": 7}, ("failed", "saw 7 postings, under 20% of the median 40 of its last 5")),
        ([40, 42, 38, 41, 39], {"seen": 8, "dropped": 30}, ("failed", "validation-failure rate 79%")),
        ([40], {"seen": 40, "errors": 3, "requests": 4}, ("failed", "error rate 75% (3 errors in 4 requests)")),
        ([], {"seen": 0}, ("ok", None)),  # no history yet: nothing to compare with
        ([0, 0, 0], {"seen": 0}, ("ok", None)),  # a board that was always empty is not broken
    ],
)
def test_assess_crawl_run(engine: Engine, history: list[int], latest: dict[str, int],
                          expected: tuple[str, str | None]) -> None:
    for seen in history:
        add_run(engine, seen=seen)
    add_run(engine, seen=400, arguments={"boards": "other"})  # another source's history does not count
    run_id = add_run(engine, **latest)  # type: ignore[arg-type]
    status, reason = assess_crawl_run(engine, run_id)
    assert status == expected[0]
    assert (reason is None) if expected[1] is None else (expected[1] in (reason or ""))


def test_assess_crawl_run_uses_only_the_last_good_runs(engine: Engine) -> None:
    for seen in (100, 100, 100, 10, 10, 10, 10, 10):
        add_run(engine, seen=seen)
    add_run(engine, seen=0, status="failed")
    run_id = add_run(engine, seen=3)
    assert assess_crawl_run(engine, run_id, thresholds=HealthThresholds(history=5))[0] == "ok"
    assert assess_crawl_run(engine, run_id, thresholds=HealthThresholds(min_seen_ratio=0.5))[0] == "failed"


def test_record_crawl_health_marks_failed_once_and_leaves_other_runs(engine: Engine) -> None:
    for _ in range(3):
        add_run(engine, seen=40)
    broken = add_run(engine, seen=0, arguments={"boards": "acme", "base_url": "http://127.0.0.1:1"})
    running = add_run(engine, status="running", seen=0)
    assert record_crawl_health(engine, broken)[0] == "failed"
    assert record_crawl_health(engine, running) == ("running", None)
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(CrawlRun))}
    assert rows[broken].status == "failed" and rows[broken].message.startswith("unhealthy: saw 0 postings")
    assert rows[running].status == "running"
