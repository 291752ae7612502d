"""Run the skilltrends pipeline unattended (APScheduler 3, BlockingScheduler).

    python scheduler.py --interval 6h                  # crawl the sources file, extract, report, every 6 hours
    python scheduler.py --interval 30m --sample        # the same against the bundled sample job board
    python scheduler.py --interval 1h --once           # run once now and exit (cron-style use)
    python scheduler.py --schedule schedule.toml       # the jobs of a schedule file (see schedule.example.toml),
                                                       # kept in the database: same as `skilltrends schedule run`

Settings come from SKILLTRENDS_* variables (see README); the sources file from SKILLTRENDS_SOURCES or ./sources.toml.
SIGTERM or Ctrl-C stops the scheduler cleanly: no new job starts, a running crawl is stopped and recorded.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.schedulers.blocking import BlockingScheduler

from skilltrends.config import Settings, load_settings
from skilltrends.errors import ConfigError, SkillTrendsError

log = logging.getLogger("skilltrends.scheduler")
_INTERVAL = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_interval(text: str) -> timedelta:
    """'90s', '30m', '6h', '1d' -> timedelta."""
    match = _INTERVAL.match(text)
    if not match or int(match.group(1)) == 0:
        raise ConfigError(f"Bad interval {text!r}. Hint: a number and a unit, e.g. 30m, 6h, 1d")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def pipeline_job(settings: Settings, *, sample: bool) -> Callable[[], None]:
    """The job: one full pipeline run; a failure is logged and the next slot tries again."""
    from skilltrends.sources import load_sources
    from skilltrends.store.db import make_engine
    from skilltrends.workflow import run_demo, run_pipeline

    def job() -> None:
        name = f"scheduled-{datetime.now(UTC):%Y%m%dT%H%M}"
        try:
            engine = make_engine(settings.database_url)
            if sample:
                result = run_demo(settings, engine, progress=log.info)
            else:
                sources = load_sources(settings.sources_file or Path("sources.toml"))
                result = run_pipeline(settings, engine, sources, report_name=name, progress=log.info)
            log.info("pipeline done: %s postings tagged, report %s", result.extracted, result.report)
        except SkillTrendsError as exc:
            log.error("pipeline failed: %s", exc)
        except Exception:  # a bug: keep the traceback, keep the scheduler alive
            log.exception("pipeline crashed")

    return job


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--interval", help="How often to run the whole pipeline: 30m, 6h, 1d ...")
    mode.add_argument("--schedule", type=Path, help="Run the jobs of this schedule file (TOML) instead.")
    parser.add_argument("--sample", action="store_true", help="Crawl the bundled sample job board (--interval).")
    parser.add_argument("--once", action="store_true", help="Run the pipeline once now and exit (--interval).")
    args = parser.parse_args(argv)
    from skilltrends.ops.logs import configure_logging
    from skilltrends.ops.runner import run_scheduler, serve_until_signal

    try:
        settings = load_settings()
        if args.schedule is not None:
            schedule = load_schedule_file(settings, args.schedule)
            configure_logging(settings.home)
            return run_scheduler(settings, schedule)
        interval = parse_interval(args.interval)
    except SkillTrendsError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.home)
    job = pipeline_job(settings, sample=args.sample)
    if args.once:
        job()
        return 0
    scheduler = BlockingScheduler(timezone="UTC")
    scheduler.add_job(job, "interval", seconds=interval.total_seconds(), id="pipeline", max_instances=1,
                      coalesce=True, misfire_grace_time=300, next_run_time=datetime.now(UTC))
    log.info("scheduler started: pipeline every %s", interval)
    serve_until_signal(scheduler, stopping=threading.Event(), stop_timeout=60)
    return 0


def load_schedule_file(settings: Settings, path: Path) -> Any:
    """The schedule file, checked against the sources file (SKILLTRENDS_SOURCES or ./sources.toml) if there is one."""
    from skilltrends.ops.schedule import load_schedule_for

    return load_schedule_for(path, sources_file=settings.sources_file or Path("sources.toml"))


if __name__ == "__main__":
    sys.exit(main())
