"""The job store, job runs and status on PostgreSQL, in a schema of their own (dropped after)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from skilltrends.config import Settings
from skilltrends.ops.jobs import Runtime, execute_job
from skilltrends.ops.schedule import build_scheduler, parse_schedule, stored_jobs
from skilltrends.ops.status import collect_status
from skilltrends.store.db import make_engine


@pytest.fixture
def pg_url(postgres_url: str) -> Iterator[str]:
    schema = f"ops_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(postgres_url).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.mark.postgres
def test_schedule_jobs_and_status_on_postgres(pg_url: str, tmp_path: Path) -> None:
    engine: Engine = make_engine(pg_url)
    try:
        schedule = parse_schedule({"jobs": {"tidy": {"kind": "housekeeping", "cron": "30 3 * * sun"}}}, sources={})
        for _ in range(2):  # start, stop, start again: one stored job with the same next run
            scheduler = build_scheduler(engine, schedule, blocking=False)
            scheduler.start(paused=True)
            scheduler.shutdown()
        (job,) = stored_jobs(engine)
        assert job.id == "tidy" and job.next_run_time.weekday() == 6
        settings = Settings(home=tmp_path, database_url=pg_url)
        outcome = execute_job(Runtime.create(settings, schedule), schedule.job("tidy"), trigger="run-now")
        assert outcome.status == "ok", outcome.message
        status = collect_status(engine, schedule=schedule)
        assert status["healthy"] and status["jobs"][0]["last_run"]["status"] == "ok"
    finally:
        engine.dispose()
