"""Scheduled jobs end to end: a crawl job against a loopback board, alerts for a broken board, no overlap."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, select

from skilltrends.cli import cli
from skilltrends.ops import jobs as ops_jobs
from skilltrends.ops.jobs import Runtime, execute_job
from skilltrends.ops.schedule import build_scheduler, load_schedule_for
from skilltrends.store.tables import CrawlRun, JobRun
from tests.conftest import LoopbackServer, Reply, read_page
from tests.ops.helpers import add_run, board_files, env_for
from tests.ops.test_alerts import WebhookServer, webhook  # noqa: F401 (fixture)

CRAWL = '[jobs.crawl-acme]\nkind = "crawl"\ncron = "{cron}"\nsources = ["greenhouse"]\nextract = false\n'


def _invoke(settings: object, args: list[str]) -> object:
    return CliRunner().invoke(cli, args, env=env_for(settings))  # type: ignore[arg-type]


def test_run_now_crawl_job_end_to_end_with_run_logs(engine: Engine, tmp_path: Path, http_server: LoopbackServer
                                                    ) -> None:
    http_server.routes["/v1/boards/acme/jobs"] = Reply(200, read_page("greenhouse/acme.json"))
    settings = board_files(tmp_path, http_server.url, engine, CRAWL.format(cron="0 */6 * * *"))
    result = _invoke(settings, ["schedule", "run-now", "crawl-acme"])
    assert result.exit_code == 0, result.output
    assert "job crawl-acme: ok (job run 1" in result.output
    with engine.connect() as conn:
        job_run = conn.execute(select(JobRun)).one()
        crawl_run = conn.execute(select(CrawlRun)).one()
    assert (job_run.status, job_run.trigger, job_run.crawl_run_ids) == ("ok", "run-now", [crawl_run.id])
    assert (crawl_run.status, crawl_run.items_new) == ("ok", 2)

    job_log = _invoke(settings, ["logs", "--job", str(job_run.id)]).output  # type: ignore[attr-defined]
    assert "crawl greenhouse run 1: ok; 2 new" in job_log
    assert all("[job-run 1]" in line for line in job_log.splitlines() if line)
    crawl_log = _invoke(settings, ["logs", str(crawl_run.id)]).output  # type: ignore[attr-defined]
    records = [line for line in crawl_log.splitlines() if re.match(r"\d{4}-\d\d-\d\d ", line)]
    assert len(records) > 5 and all(f"[run {crawl_run.id}]" in line for line in records)

    listed = _invoke(settings, ["schedule", "list"]).output  # type: ignore[attr-defined]
    assert "crawl-acme" in listed and "sources: greenhouse" in listed


@pytest.mark.parametrize(
    "broken",
    [Reply(200, b'{"jobs": [], "meta": {"total": 0}}'),  # the board suddenly lists nothing
     Reply(200, b"<html><body>We moved! Try our new careers site</body></html>", {"Content-Type": "text/html"})],
    ids=["empty", "html"],
)
def test_broken_board_fails_the_crawl_and_alerts(engine: Engine, tmp_path: Path, http_server: LoopbackServer,
                                                 webhook: WebhookServer, broken: Reply) -> None:  # noqa: F811
    for _ in range(5):
        add_run(engine, seen=40, arguments={"boards": "acme", "base_url": "http://127.0.0.1:1"})
    http_server.routes["/v1/boards/acme/jobs"] = broken
    schedule = CRAWL.format(cron="0 */6 * * *") + f'[alerts]\nwebhook = "{webhook.url}"\n'
    settings = board_files(tmp_path, http_server.url, engine, schedule)
    result = _invoke(settings, ["schedule", "run-now", "crawl-acme"])
    assert result.exit_code == 1 and "job crawl-acme failed: greenhouse: run 6 failed" in result.output
    (alert,) = webhook.bodies
    assert (alert["job_id"], alert["source"], alert["run_id"]) == ("crawl-acme", "greenhouse", 6)
    if b"jobs" in broken.body:  # a finished crawl that saw nothing: failed by the health check
        assert "under 20% of the median 40" in str(alert["reason"])
    else:  # HTML: the crawl itself records the failure; the alert carries its reason
        assert alert["reason"]

    status = _invoke(settings, ["status", "--json"])
    assert status.exit_code == 2  # type: ignore[attr-defined]
    report = json.loads(status.output)  # type: ignore[attr-defined]
    assert not report["healthy"]
    assert any(p.startswith("greenhouse boards=acme: last crawl (run 6) failed") for p in report["problems"])
    assert report["sources"][0]["runs"][0]["status"] == "failed"

    http_server.routes["/v1/boards/acme/jobs"] = Reply(200, json.dumps(_board_of(40)).encode())  # fixed again
    assert _invoke(settings, ["schedule", "run-now", "crawl-acme"]).exit_code == 0  # type: ignore[attr-defined]
    assert (webhook.bodies[-1]["severity"], webhook.bodies[-1]["run_id"]) == ("info", 7)
    assert str(webhook.bodies[-1]["reason"]).startswith("recovered: 40 postings seen")


def _board_of(size: int) -> dict[str, object]:
    """The acme fixture board with `size` jobs (copies of its first job under new ids)."""
    board = json.loads(read_page("greenhouse/acme.json"))
    first = board["jobs"][0]
    board["jobs"] = [first | {"id": 5000 + i, "internal_job_id": 9000 + i, "title": f"ML Engineer {i}",
                              "absolute_url": f"https://boards.greenhouse.io/acme/jobs/{5000 + i}"}
                     for i in range(size)]
    board["meta"] = {"total": size}
    return board


def test_execute_job_skips_while_another_process_runs_it(engine: Engine, tmp_path: Path) -> None:
    settings = board_files(tmp_path, "http://127.0.0.1:1", engine,
                           '[jobs.tidy]\nkind = "housekeeping"\ncron = "0 3 * * *"\n')
    runtime = Runtime.create(settings, load_schedule_for(settings.schedule_file, sources_file=settings.sources_file))
    spec = runtime.schedule.job("tidy")
    with ops_jobs._job_lock(settings.home, "tidy"):
        assert execute_job(runtime, spec, trigger="run-now").status == "skipped"
    assert execute_job(runtime, spec, trigger="run-now").status == "ok"


@pytest.mark.slow
def test_scheduled_crawl_every_second_never_overlaps_itself(engine: Engine, tmp_path: Path,
                                                            http_server: LoopbackServer,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    def slow_board(_path: str) -> Reply:
        time.sleep(1.5)
        return Reply(200, read_page("greenhouse/acme.json"))

    http_server.routes["/v1/boards/acme/jobs"] = slow_board
    settings = board_files(tmp_path, http_server.url, engine, CRAWL.format(cron="* * * * * *"))
    schedule = load_schedule_for(settings.schedule_file, sources_file=settings.sources_file)  # type: ignore[arg-type]
    ops_jobs.configure(Runtime.create(settings, schedule))
    scheduler = build_scheduler(engine, schedule, blocking=False)
    try:
        scheduler.start()
        time.sleep(6)
    finally:
        scheduler.shutdown(wait=True)
        ops_jobs.configure(None)
    with engine.connect() as conn:
        runs = conn.execute(select(JobRun).order_by(JobRun.id)).all()
    assert runs and all(r.status == "ok" for r in runs)
    assert "skipped: maximum number of running instances reached (1)" in caplog.text
    for earlier, later in zip(runs, runs[1:], strict=False):
        assert later.started_at >= earlier.finished_at  # one at a time, although the cron fires every second


def test_pending_extraction_counts_postings_an_interrupted_run_left_untagged(engine: Engine) -> None:
    from sqlalchemy import update

    from skilltrends.models import Posting
    from skilltrends.store.load import save_postings
    from skilltrends.store.tables import PostingRow
    from skilltrends.workflow import pending_extraction

    assert not pending_extraction(engine)
    save_postings(engine, [Posting(source="greenhouse", external_id="1", url="http://x/1", title="ML Engineer",
                                   description="Python")])
    assert pending_extraction(engine)  # although a later crawl sees it unchanged
    with engine.begin() as conn:
        conn.execute(update(PostingRow).values(extracted_hash=PostingRow.content_hash))
    assert not pending_extraction(engine)


@pytest.mark.parametrize(("stopped", "status"), [(True, "aborted"), (False, "failed")])
def test_close_orphan_runs_records_a_crawl_whose_child_recorded_nothing(engine: Engine, stopped: bool,
                                                                        status: str) -> None:
    old = add_run(engine, status="running")
    orphan = add_run(engine, status="running")
    ops_jobs._close_orphan_runs(engine, "greenhouse", after=old, stopped=stopped, message="crawl ended without")
    with engine.connect() as conn:
        rows = dict(conn.execute(select(CrawlRun.id, CrawlRun.status)).all())
    assert rows == {old: "running", orphan: status}


@pytest.mark.parametrize(
    ("period", "now", "expected"),
    [("week", "2026-11-23 06:00", ("week-2026-W47", "2026-08-31", "2026-11-23")),  # a Monday: last week closed
     ("week", "2026-11-21 06:00", ("week-2026-W46", "2026-08-24", "2026-11-16")),
     ("month", "2026-01-01 07:00", ("month-2025-12", "2025-01-01", "2026-01-01")),
     ("quarter", "2026-11-21 06:00", ("quarter-2026-Q3", "2023-10-01", "2026-10-01")),
     ("year", "2026-01-01 07:00", ("year-2025", "2015-01-01", "2026-01-01"))],
)
def test_report_window_names_the_period_just_closed(period: str, now: str, expected: tuple[str, str, str]) -> None:
    from datetime import datetime

    name, since, until = ops_jobs.report_window(period, datetime.fromisoformat(now), lookback=12 if period != "year"
                                                else 11)
    assert (name, f"{since:%Y-%m-%d}", f"{until:%Y-%m-%d}") == expected
