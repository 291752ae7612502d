"""The schedule file: checked in full at load; jobs kept in the database across restarts."""

from __future__ import annotations

import time
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Engine, func, select

from skilltrends.config import Settings
from skilltrends.errors import ConfigError
from skilltrends.ops import jobs as ops_jobs
from skilltrends.ops.schedule import build_scheduler, load_schedule, parse_cron, parse_schedule, stored_jobs
from skilltrends.store.tables import JobRun

ROOT = Path(__file__).resolve().parents[2]
SOURCES = {"greenhouse": {"boards": ["acme"]}, "lever": {"sites": ["x"]}, "ashby": {"names": ["y"]},
           "jobposting": {"sitemap": ["http://127.0.0.1:9/s.xml"]}}


def _schedule(text: str, sources: dict[str, object] | None = None) -> object:
    return parse_schedule(tomllib.loads(text), sources=SOURCES if sources is None else sources, origin="t.toml")


def test_load_schedule_example_file_checks_and_expands_groups() -> None:
    schedule = load_schedule(ROOT / "schedule.example.toml", sources=SOURCES)
    ids = [job.id for job in schedule.jobs]
    assert ids == ["crawl-ats", "crawl-career-sites", "report-weekly", "report-monthly", "housekeeping"]
    assert schedule.job("crawl-ats").params["sources"] == ["greenhouse", "lever", "ashby"]
    assert schedule.job("report-weekly").params == {"period": "week", "lookback": 12, "all_roles": False}
    assert schedule.thresholds.min_seen_ratio == 0.2 and schedule.misfire_grace_time == 3600


@pytest.mark.parametrize("cron", ["61 * * * *", "* * *", "0 25 * * *", "0 6 * * funday", "every hour"])
def test_parse_schedule_bad_cron_fails_at_load_naming_the_job(cron: str) -> None:
    with pytest.raises(ConfigError, match=r"t.toml: \[jobs.nightly\] bad cron .*Hint"):
        _schedule(f'[jobs.nightly]\nkind = "extract"\ncron = "{cron}"\n')


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[jobs.c]\nkind = "crawl"\ncron = "0 * * * *"\nsources = ["monster"]\n',
         r"\[jobs.c\] unknown source 'monster'. Available: ashby, greenhouse"),
        ('[groups]\nats = ["greenhouse", "workday"]\n[jobs.c]\nkind = "crawl"\ncron = "0 * * * *"\nsources = ["ats"]\n',
         r"unknown source 'workday' \(in group 'ats'\)"),
        ('[jobs.c]\nkind = "scrape"\ncron = "0 * * * *"\n', r"kind 'scrape'. Available: crawl, extract"),
        ('[jobs.c]\nkind = "report"\ncron = "0 * * * *"\nperiod = "decade"\n', r"period must be one of week"),
        ('[jobs.c]\nkind = "extract"\ncron = "0 * * * *"\nsources = ["greenhouse"]\n', r"unknown key 'sources'"),
        ('[scheduler]\ntimezone = "Mars/Olympus"\n[jobs.c]\nkind = "extract"\ncron = "0 * * * *"\n',
         r"unknown timezone 'Mars/Olympus'"),
        ("[scheduler]\n", r"no \[jobs.<id>\] tables"),
    ],
)
def test_parse_schedule_bad_entry_fails_with_clear_error(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        _schedule(text)


def test_parse_schedule_crawl_without_sources_file_says_so() -> None:
    with pytest.raises(ConfigError, match="no sources file was given. Hint: set SKILLTRENDS_SOURCES"):
        parse_schedule(tomllib.loads('[jobs.c]\nkind = "crawl"\ncron = "0 * * * *"\nsources = ["a"]\n'),
                       sources=None)


@pytest.mark.parametrize(("cron", "weekday"), [("0 6 * * 1", 0), ("0 6 * * 0", 6), ("0 6 * * 7", 6),
                                               ("0 6 * * mon", 0), ("0 6 * * 6", 5)])
def test_parse_cron_weekday_numbers_follow_crontab(cron: str, weekday: int) -> None:
    fire = parse_cron(cron).get_next_fire_time(None, datetime(2026, 11, 18, tzinfo=UTC))  # a Wednesday
    assert fire is not None and fire.weekday() == weekday and fire.hour == 6


def test_parse_cron_six_fields_has_seconds() -> None:
    start = datetime(2026, 1, 1, 0, 0, 1, tzinfo=UTC)
    assert parse_cron("*/10 * * * * *").get_next_fire_time(None, start) == start.replace(second=10)


HOURLY = '[jobs.tidy]\nkind = "housekeeping"\ncron = "0 * * * *"\nvacuum = false\n'


def test_build_scheduler_stores_jobs_by_reference_without_overlap(engine: Engine) -> None:
    scheduler = build_scheduler(engine, _schedule(HOURLY + '[jobs.x]\nkind = "extract"\ncron = "0 4 * * *"\n'),
                                blocking=False)
    scheduler.start(paused=True)
    scheduler.shutdown()
    jobs = {job.id: job for job in stored_jobs(engine)}
    assert set(jobs) == {"tidy", "x"}
    assert jobs["tidy"].func_ref == "skilltrends.ops.jobs:run_job"
    assert (jobs["tidy"].max_instances, jobs["tidy"].coalesce) == (1, True)
    assert jobs["tidy"].kwargs["spec"]["params"]["vacuum"] is False


def _run_for(engine: Engine, schedule: object, seconds: float) -> None:
    scheduler = build_scheduler(engine, schedule, blocking=False)
    scheduler.start()
    time.sleep(seconds)
    scheduler.shutdown(wait=True)


def _job_runs(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(JobRun)) or 0)


def test_restart_keeps_schedule_runs_a_missed_slot_once_and_never_twice(engine: Engine, tmp_path: Path) -> None:
    schedule = _schedule(HOURLY)
    ops_jobs.configure(ops_jobs.Runtime.create(Settings(home=tmp_path, database_url=str(engine.url)), schedule))
    try:
        _run_for(engine, schedule, 0.3)  # first start: stores the job, next slot at the top of the hour
        (job,) = stored_jobs(engine)
        assert job.next_run_time > datetime.now(UTC) and _job_runs(engine) == 0

        # The scheduler was down for three hours: three slots missed. Rewind the stored next run time.
        upcoming = job.next_run_time
        missed = upcoming - timedelta(hours=3)
        store = SQLAlchemyJobStore(engine=engine, tablename="apscheduler_jobs")
        store.start(BackgroundScheduler(timezone="UTC"), "default")
        job._modify(next_run_time=missed)
        store.update_job(job)
        assert stored_jobs(engine)[0].next_run_time == missed

        _run_for(engine, schedule, 1.5)  # restart: the missed slots coalesce into one run
        assert _job_runs(engine) == 1
        assert stored_jobs(engine)[0].next_run_time == upcoming

        _run_for(engine, schedule, 1.0)  # another restart: nothing is due, nothing runs again
        assert _job_runs(engine) == 1
    finally:
        ops_jobs.configure(None)


def test_restart_drops_jobs_gone_from_the_file_and_reschedules_changed_cron(engine: Engine) -> None:
    first = _schedule(HOURLY + '[jobs.x]\nkind = "extract"\ncron = "0 4 * * *"\n')
    _run_for(engine, first, 0.1)
    _run_for(engine, _schedule('[jobs.tidy]\nkind = "housekeeping"\ncron = "30 2 * * *"\n'), 0.1)
    (job,) = stored_jobs(engine)
    assert job.id == "tidy" and (job.next_run_time.hour, job.next_run_time.minute) == (2, 30)
