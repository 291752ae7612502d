"""A schedule runs end to end against the sample job market's server: crawl, extract, report, status."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, func, select

from skilltrends.cli import cli
from skilltrends.ops import jobs as ops_jobs
from skilltrends.ops.jobs import Runtime
from skilltrends.ops.schedule import build_scheduler, load_schedule_for
from skilltrends.store.tables import CrawlRun, JobRun, PostingRow
from skilltrends.workflow import sample_board
from tests.ops.helpers import board_files, env_for

SCHEDULE = """
[scheduler]
misfire_grace_time = 30
[jobs.crawl-sample]
kind = "crawl"
cron = "{second} * * * * *"
sources = ["greenhouse"]
[jobs.report-monthly]
kind = "report"
cron = "0 7 1 * *"
period = "month"
lookback = 36
"""


@pytest.mark.slow
def test_schedule_runs_end_to_end_against_sample_market(engine: Engine, tmp_path: Path) -> None:
    with sample_board(tmp_path / "market") as (base_url, sources):
        board = sources["greenhouse"]["boards"][0]
        second = (datetime.now(UTC) + timedelta(seconds=2)).second  # one run in this test, not one per 2 s
        settings = board_files(tmp_path, base_url, engine, SCHEDULE.replace("{second}", str(second)))
        settings.sources_file.write_text(  # type: ignore[union-attr]
            f'[greenhouse]\nboards = ["{board}"]\nbase_url = "{base_url}"\n', encoding="utf-8")
        schedule = load_schedule_for(settings.schedule_file, sources_file=settings.sources_file)  # type: ignore[arg-type]
        ops_jobs.configure(Runtime.create(settings, schedule))
        scheduler = build_scheduler(engine, schedule, blocking=False)
        scheduler.start()
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not _finished_runs(engine):
                time.sleep(0.5)
        finally:
            scheduler.shutdown(wait=True)
            ops_jobs.configure(None)
    with engine.connect() as conn:
        job_run = conn.execute(select(JobRun).order_by(JobRun.id)).first()
        crawl = conn.execute(select(CrawlRun).order_by(CrawlRun.id)).first()
        tagged = conn.scalar(select(func.count()).where(PostingRow.extracted_hash.is_not(None)))
    assert job_run is not None and job_run.status == "ok", job_run
    assert crawl is not None and crawl.status == "ok" and crawl.items_new > 10
    assert tagged == crawl.items_new  # extraction followed the crawl

    env = env_for(settings)
    report = CliRunner().invoke(cli, ["schedule", "run-now", "report-monthly"], env=env)
    assert report.exit_code == 0, report.output
    assert any(p.name.startswith("month-") for p in settings.reports_dir.iterdir())
    status = CliRunner().invoke(cli, ["status", "--json"], env=env)
    data = json.loads(status.output)
    assert status.exit_code == 0, data["problems"]
    assert data["database"]["tagged_postings"] == tagged and data["freshness"]["stale"] is False
    assert {job["id"] for job in data["jobs"]} == {"crawl-sample", "report-monthly"}
    crawl_job = next(job for job in data["jobs"] if job["id"] == "crawl-sample")
    assert data["sources"][0]["next_run"] == crawl_job["next_run"] is not None


def _finished_runs(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).where(JobRun.kind == "crawl", JobRun.status != "running")) or 0)
