"""Run the skilltrends pipeline unattended (APScheduler 3, BlockingScheduler).

    python scheduler.py --interval 6h                  # crawl the sources file, extract, report, every 6 hours
    python scheduler.py --interval 30m --sample        # the same against the bundled sample job board
    python scheduler.py --interval 1h --once           # run once now and exit (cron-style use)

Settings come from SKILLTRENDS_* variables (see README); the sources file from SKILLTRENDS_SOURCES or ./sources.toml.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

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
    parser.add_argument("--interval", required=True, help="How often to run the pipeline: 30m, 6h, 1d ...")
    parser.add_argument("--sample", action="store_true", help="Crawl the bundled sample job board.")
    parser.add_argument("--once", action="store_true", help="Run the pipeline once now and exit.")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        interval = parse_interval(args.interval)
        settings = load_settings()
    except SkillTrendsError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    job = pipeline_job(settings, sample=args.sample)
    if args.once:
        job()
        return 0
    scheduler = BlockingScheduler(timezone="UTC")
    scheduler.add_job(job, "interval", seconds=interval.total_seconds(), id="pipeline", max_instances=1,
                      coalesce=True, misfire_grace_time=300, next_run_time=datetime.now(UTC))
    log.info("scheduler started: pipeline every %s", interval)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        log.info("scheduler stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
