"""One Greenhouse crawl over boards that each misbehave differently; each test checks one fault's outcome."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Engine, select

from skilltrends.crawl.run import CrawlResult
from skilltrends.store.db import make_engine
from skilltrends.store.tables import CrawlRun, PostingRow
from tests.conftest import Reply, read_page
from tests.crawl.conftest import CrawlServer, Timed, crawl, slow, start_server, stop_server

pytestmark = pytest.mark.slow

BOARDS = ["ok", "retry429", "retry500", "slow", "loop", "secret", "trunc", "pay"]


def board(name: str, *, first_id: int) -> bytes:
    """The acme fixture board with its own job ids (and, on "ok", one job without a title: invalid)."""
    payload = json.loads(read_page("greenhouse/acme.json"))
    for offset, job in enumerate(payload["jobs"]):
        job["id"] = first_id + offset
    if name == "ok":
        payload["jobs"].append(dict(payload["jobs"][1], id=first_id + 9, title=""))
        payload["jobs"].append(dict(payload["jobs"][1], id=first_id + 8, location="Remote"))  # malformed
    if name == "pay":
        del payload["jobs"][0]["pay_input_ranges"]
    return json.dumps(payload).encode()


@dataclass
class Outcome:
    result: CrawlResult
    run: Any
    postings: dict[str, Any]
    server: CrawlServer
    timed: Timed


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Outcome]:
    home = tmp_path_factory.mktemp("faults")
    engine: Engine = make_engine(f"sqlite:///{home / 'store.sqlite'}")
    server = start_server()
    jobs = "/v1/boards/{}/jobs"
    server.routes["/robots.txt"] = Reply(200, b"User-agent: *\nDisallow: /v1/boards/secret/\n")
    server.routes[jobs.format("ok")] = Reply(200, board("ok", first_id=100))
    timed = Timed(Reply(429, b"slow down", {"Retry-After": "1"}), Reply(200, board("retry429", first_id=200)))
    server.routes[jobs.format("retry429")] = timed
    server.routes[jobs.format("retry500")] = [Reply(500), Reply(503), Reply(200, board("retry500", first_id=300))]
    server.routes[jobs.format("slow")] = slow(2.5, Reply(200, board("slow", first_id=400)))
    server.routes[jobs.format("loop")] = Reply(302, b"", {"Location": "/v1/boards/loop/jobs?content=true&x=1"})
    server.routes[jobs.format("secret")] = Reply(200, board("secret", first_id=600))
    server.routes[jobs.format("trunc")] = Reply(200, board("trunc", first_id=700)[:150])
    server.routes[jobs.format("pay")] = Reply(200, board("pay", first_id=800))
    server.routes["/v1/boards/pay/jobs/800"] = Reply(200, json.dumps({"id": 800, "pay_input_ranges": [
        {"min_cents": 15000000, "max_cents": 19000000, "currency_type": "USD", "title": "US Salary Range"}]}).encode())
    result = crawl(engine, home, "greenhouse", base_url=server.url, boards=",".join(BOARDS),
                   settings={"DOWNLOAD_TIMEOUT": "1"})
    with engine.connect() as conn:
        run = conn.execute(select(CrawlRun).where(CrawlRun.id == result.run_id)).one()
        postings = {r.external_id: r for r in conn.execute(select(PostingRow))}
    yield Outcome(result, run, postings, server, timed)
    stop_server(server)
    engine.dispose()


def test_faults_crawl_is_partial_and_names_failed_boards(outcome: Outcome) -> None:
    assert outcome.result.status == "partial"
    assert set(outcome.run.failed_targets) == {"slow", "loop", "secret", "trunc"}
    assert "4 of 8 targets failed" in (outcome.result.message or "")


def test_faults_429_waits_for_retry_after_then_succeeds(outcome: Outcome) -> None:
    first, second = outcome.timed.times
    assert second - first >= 0.95
    assert outcome.run.stats["retry/retry_after_honoured"] == 1
    assert {"200", "201"} & set(outcome.postings) == {"200", "201"}


def test_faults_500_twice_then_success(outcome: Outcome) -> None:
    assert outcome.server.requests.count("/v1/boards/retry500/jobs?content=true") == 3
    assert {"300", "301"} <= set(outcome.postings)


@pytest.mark.parametrize(
    ("board_name", "reason"),
    [("slow", "TimeoutError"), ("loop", "redirect"), ("secret", "robots.txt"), ("trunc", "payload")],
)
def test_faults_failed_board_has_reason(outcome: Outcome, board_name: str, reason: str) -> None:
    assert reason in outcome.run.failed_targets[board_name]
    assert not any(key.startswith(board_name) for key in outcome.postings)


def test_faults_invalid_and_malformed_items_dropped_with_reason(outcome: Outcome) -> None:
    assert outcome.run.dropped_by_reason == {"invalid:title": 1, "unparseable": 1}
    assert outcome.result.dropped == 2 and "109" not in outcome.postings and "108" not in outcome.postings


def test_faults_run_records_requests_and_statuses(outcome: Outcome) -> None:
    run = outcome.run
    assert run.requests >= 14 and run.errors >= 4
    assert {"200", "302", "429", "500", "503"} <= set(run.responses_by_status)
    assert (run.items_new, run.items_updated, run.items_unchanged) == (8, 0, 0)


def test_faults_pay_fetched_only_when_needed(outcome: Outcome) -> None:
    paid = outcome.postings["800"]
    assert (paid.salary_min, paid.salary_max, paid.salary_currency) == (150000.0, 190000.0, "USD")
    assert not any("/jobs/1" in path and "pay_transparency" in path for path in outcome.server.requests)
    assert sum("pay_transparency" in path for path in outcome.server.requests) == 1
