"""What a scheduled job does, and the record of each run (table job_runs, one log file per run).

`run_job` is what APScheduler stores (by textual reference, with the job's plain settings as kwargs). It never
raises: a failing job is logged, alerted and recorded, and tries again on its next slot.
Settings and the schedule's options reach it through `configure()`, called once by the scheduler process — never
stored in the job store, so a webhook's secret stays out of the database.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, select, text, update

from skilltrends.config import Settings
from skilltrends.crawl.health import record_crawl_health
from skilltrends.errors import SkillTrendsError
from skilltrends.ops.alerts import Alert, Notifier, send_alert
from skilltrends.ops.logs import job_log_path, job_logging, rotate_logs
from skilltrends.ops.schedule import JobSpec, Schedule
from skilltrends.store.tables import CrawlRun, JobRun

__all__ = ["Runtime", "JobOutcome", "configure", "run_job", "execute_job", "report_window", "mark_abandoned_runs"]

log = logging.getLogger("skilltrends.jobs")


@dataclass(slots=True)
class Runtime:
    """What every job needs from the scheduler process: settings, schedule options, the stop flag."""

    settings: Settings
    schedule: Schedule
    notifier: Notifier | None = None
    stopping: threading.Event = field(default_factory=threading.Event)

    @classmethod
    def create(cls, settings: Settings, schedule: Schedule) -> Runtime:
        notifier = Notifier(command=settings.alert_command or schedule.alert_command,
                            webhook=settings.alert_webhook or schedule.alert_webhook)
        return cls(settings=settings, schedule=schedule, notifier=notifier)


@dataclass(slots=True)
class JobOutcome:
    job_run_id: int | None
    status: str  # ok | failed | aborted | skipped
    message: str | None = None
    crawl_run_ids: list[int] = field(default_factory=list)
    log: Path | None = None


_runtime: Runtime | None = None


def configure(runtime: Runtime | None) -> None:
    """Set (or clear) the runtime the stored jobs run with."""
    global _runtime
    _runtime = runtime


def run_job(spec: dict[str, Any]) -> None:
    """APScheduler's entry point for every stored job."""
    if _runtime is None:
        log.error("job %s fired before the scheduler was configured; skipped", spec.get("id"))
        return
    try:
        execute_job(_runtime, JobSpec.from_dict(spec), trigger="schedule")
    except Exception:  # a bug: keep the traceback, keep the scheduler alive
        log.exception("job %s crashed", spec.get("id"))


def execute_job(runtime: Runtime, spec: JobSpec, *, trigger: str) -> JobOutcome:
    """Run one job now, unless another process runs it already; record it in job_runs with its own log."""
    from skilltrends.store.db import make_engine

    with _job_lock(runtime.settings.home, spec.id) as holder:
        if holder is not None:
            log.warning("job %s is already running (pid %s); this run is skipped", spec.id, holder)
            return JobOutcome(None, "skipped", f"already running in pid {holder}")
        engine = make_engine(runtime.settings.database_url)
        try:
            return _execute(runtime, engine, spec, trigger=trigger)
        finally:
            engine.dispose()


def _execute(runtime: Runtime, engine: Engine, spec: JobSpec, *, trigger: str) -> JobOutcome:
    run_id = _start_job_run(engine, spec, trigger=trigger)
    path = job_log_path(runtime.settings.home, run_id)
    outcome = JobOutcome(run_id, "ok", log=path)
    with job_logging(path, tag=f"job-run {run_id}"):
        log.info("job %s (%s) started, trigger %s", spec.id, spec.kind, trigger)
        try:
            problems = _KINDS[spec.kind](runtime, engine, spec, outcome)
            if outcome.status == "aborted":  # a crawl job cut short by SIGTERM; other kinds run to their end
                outcome.message = "stopped by a signal; the next slot runs it again"
            elif problems:
                outcome.status, outcome.message = "failed", "; ".join(problems)
        except SkillTrendsError as exc:
            outcome.status, outcome.message = "failed", str(exc)
            _alert(runtime, Alert(str(exc), job_id=spec.id))
        except Exception as exc:  # a bug: keep the traceback in the log, record the run, keep going
            log.exception("job %s crashed", spec.id)
            outcome.status, outcome.message = "failed", f"crashed: {type(exc).__name__}: {exc}"
            _alert(runtime, Alert(outcome.message, job_id=spec.id))
        log.info("job %s %s%s", spec.id, outcome.status, f": {outcome.message}" if outcome.message else "")
    _finish_job_run(engine, outcome)
    return outcome


def _alert(runtime: Runtime, alert: Alert) -> None:
    send_alert(alert, runtime.notifier)


@contextmanager
def _job_lock(home: Path, job_id: str) -> Iterator[str | None]:
    """An exclusive lock file per job (released by the OS if the process dies): yields None when we hold it,
    else the pid that holds it. Keeps `schedule run-now` and the scheduler from running one job twice at once."""
    directory = home / "locks"
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / f"{job_id}.lock").open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            yield handle.read().strip() or "?"
            return
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield None
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _start_job_run(engine: Engine, spec: JobSpec, *, trigger: str) -> int:
    with engine.begin() as conn:
        result = conn.execute(insert(JobRun).values(
            job_id=spec.id, kind=spec.kind, trigger=trigger, started_at=datetime.now(UTC), status="running",
            crawl_run_ids=[], pid=os.getpid()))
        return int(result.inserted_primary_key[0])  # type: ignore[index]


def _finish_job_run(engine: Engine, outcome: JobOutcome) -> None:
    with engine.begin() as conn:
        conn.execute(update(JobRun).where(JobRun.id == outcome.job_run_id).values(
            finished_at=datetime.now(UTC), status=outcome.status, message=outcome.message,
            crawl_run_ids=list(outcome.crawl_run_ids), log=str(outcome.log) if outcome.log else None))


def mark_abandoned_runs(engine: Engine) -> int:
    """Job runs still 'running' whose process is gone (killed with the scheduler): mark them aborted."""
    with engine.begin() as conn:
        rows = conn.execute(select(JobRun.id, JobRun.pid).where(JobRun.status == "running")).all()
        gone = [run_id for run_id, pid in rows if pid is None or not _alive(pid)]
        if gone:
            conn.execute(update(JobRun).where(JobRun.id.in_(gone)).values(
                status="aborted", finished_at=datetime.now(UTC), message="its process ended without recording"))
    return len(gone)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- the kinds of job: each returns its problems (empty: ok) and fills outcome.crawl_run_ids ---------------------


def _crawl_job(runtime: Runtime, engine: Engine, spec: JobSpec, outcome: JobOutcome) -> list[str]:
    from skilltrends.sources import load_sources, spider_arguments
    from skilltrends.workflow import crawl, pending_extraction

    settings = runtime.settings
    sources = load_sources(settings.sources_file or Path("sources.toml"))
    timeout = spec.params.get("timeout") or runtime.schedule.crawl_timeout
    problems: list[str] = []
    for name in spec.params["sources"]:
        if runtime.stopping.is_set():
            outcome.status = "aborted"
            break
        if name not in sources:
            problems.append(f"{name}: no longer in the sources file")
            _alert(runtime, Alert(problems[-1], job_id=spec.id, source=name))
            continue
        spider, entry = name, dict(sources[name])  # a sources-file table is named by its spider
        before = _last_crawl_run_id(engine)
        try:
            result = crawl(settings, engine, spider, arguments=spider_arguments(entry), timeout=timeout)
        except SkillTrendsError as exc:
            stopped = runtime.stopping.is_set()
            _close_orphan_runs(engine, spider, after=before, stopped=stopped, message=str(exc))
            if stopped:
                outcome.status = "aborted"
                break
            problems.append(f"{name}: {exc}")
            _alert(runtime, Alert(str(exc), job_id=spec.id, source=name))
            continue
        outcome.crawl_run_ids.append(result.run_id)
        if runtime.stopping.is_set():
            outcome.status = "aborted"
            if result.status != "ok":  # stopped with the scheduler: not a sign of a broken site
                _mark_crawl_aborted(engine, result.run_id, result.message)
        status, reason = record_crawl_health(engine, result.run_id, thresholds=runtime.schedule.thresholds)
        log.info("crawl %s run %s: %s; %s new, %s updated, %s unchanged, %s dropped%s", name, result.run_id,
                 status, result.new, result.updated, result.unchanged, result.dropped,
                 f" ({reason or result.message})" if status != "ok" else "")
        if status != "ok" and not runtime.stopping.is_set():
            problems.append(f"{name}: run {result.run_id} {status}: {reason or result.message}")
            _alert(runtime, Alert(reason or result.message or status, job_id=spec.id, source=name,
                                  run_id=result.run_id))
        elif status == "ok" and _recovered(engine, result.run_id):
            _alert(runtime, Alert(f"recovered: {result.seen} postings seen", job_id=spec.id, source=name,
                                  run_id=result.run_id, severity="info"))
    if spec.params.get("extract", True) and not runtime.stopping.is_set():
        if pending_extraction(engine):  # this crawl's postings, and any an interrupted run left untagged
            _extract_job(runtime, engine, spec, outcome)
        else:
            log.info("no posting new or changed since its last tagging: extraction skipped")
    return problems


def _recovered(engine: Engine, run_id: int) -> bool:
    """Did the previous finished run of this spider and these targets fail? Then say it works again."""
    from skilltrends.crawl.health import same_targets

    with engine.connect() as conn:
        run = conn.execute(select(CrawlRun).where(CrawlRun.id == run_id)).one()
        earlier = conn.execute(
            select(CrawlRun.status, CrawlRun.arguments)
            .where(CrawlRun.spider == run.spider, CrawlRun.id < run_id, CrawlRun.status.in_(("ok", "failed")))
            .order_by(CrawlRun.id.desc()).limit(50)
        ).all()
    previous = next((status for status, arguments in earlier if same_targets(arguments, run.arguments)), None)
    return previous == "failed"


def _last_crawl_run_id(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.max(CrawlRun.id))) or 0)


def _close_orphan_runs(engine: Engine, spider: str, *, after: int, stopped: bool, message: str) -> None:
    """A crawl whose child ended without recording its result stays 'running': record how it ended."""
    with engine.begin() as conn:
        conn.execute(
            update(CrawlRun)
            .where(CrawlRun.id > after, CrawlRun.spider == spider, CrawlRun.status == "running")
            .values(status="aborted" if stopped else "failed", finished_at=datetime.now(UTC),
                    message=f"stopped with the scheduler ({message})" if stopped else message)
        )


def _mark_crawl_aborted(engine: Engine, run_id: int, message: str | None) -> None:
    with engine.begin() as conn:
        conn.execute(update(CrawlRun).where(CrawlRun.id == run_id, CrawlRun.status != "ok").values(
            status="aborted", message=f"stopped with the scheduler ({message})"))


def _extract_job(runtime: Runtime, engine: Engine, spec: JobSpec, outcome: JobOutcome) -> list[str]:
    from skilltrends.workflow import process_new_postings

    count = process_new_postings(engine, progress=log.info)
    log.info("extraction: %s postings tagged", count)
    return []


def report_window(period: str, now: datetime, *, lookback: int) -> tuple[str, datetime, datetime]:
    """(name, since, until) of the report for the last complete `period` before `now`, covering `lookback` periods.

    Named by the period it closes: week-2026-W46, month-2026-10, quarter-2026-Q3, year-2025 — so a re-run of the
    same slot rewrites the same report instead of adding one.
    """
    day = datetime(now.year, now.month, now.day)
    if period == "week":
        until = day - timedelta(days=day.weekday())
        last = until - timedelta(days=7)
        since = until - timedelta(days=7 * lookback)
        iso = last.isocalendar()
        return f"week-{iso.year}-W{iso.week:02d}", since, until
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    index = now.year * 12 + now.month - 1
    until_index = index - index % months if period != "year" else now.year * 12
    last_index, since_index = until_index - months, until_index - months * lookback
    until, last, since = (datetime(i // 12, i % 12 + 1, 1) for i in (until_index, last_index, since_index))
    name = {"month": f"month-{last:%Y-%m}", "quarter": f"quarter-{last.year}-Q{(last.month - 1) // 3 + 1}",
            "year": f"year-{last.year}"}[period]
    return name, since, until


def _report_job(runtime: Runtime, engine: Engine, spec: JobSpec, outcome: JobOutcome) -> list[str]:
    from skilltrends.workflow import build_report

    period = spec.params["period"]
    name, since, until = report_window(period, datetime.now(UTC), lookback=int(spec.params.get("lookback", 12)))
    families = None if spec.params.get("all_roles") else ("ml_engineer", "mlops_engineer")
    path, _ = build_report(engine, out_dir=Path(runtime.settings.reports_dir), name=name, period=period,
                           families=families, since=since, until=until,
                           cache_dir=runtime.settings.columnar_dir)
    log.info("report %s written: %s (%s to %s)", name, path, since.date(), until.date())
    return []


def _housekeeping_job(runtime: Runtime, engine: Engine, spec: JobSpec, outcome: JobOutcome) -> list[str]:
    compressed, deleted = rotate_logs(runtime.settings.home / "logs",
                                      compress_after_days=spec.params["compress_logs_after_days"],
                                      delete_after_days=spec.params["keep_logs_days"])
    log.info("logs: %s compressed, %s deleted", compressed, deleted)
    if engine.dialect.name == "sqlite":
        statements = [s for s, on in (("VACUUM", spec.params["vacuum"]), ("ANALYZE", spec.params["analyze"])) if on]
        _run_outside_transaction(engine, statements)
    elif spec.params["analyze"]:  # PostgreSQL: autovacuum does the rest
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
        log.info("database: ANALYZE done")
    return []


def _run_outside_transaction(engine: Engine, statements: list[str]) -> None:
    """SQLite's VACUUM refuses to run in a transaction: use the driver connection directly, in autocommit mode,
    so no SQLAlchemy 'begin' hook (the store may emit its own BEGIN) wraps it."""
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        previous = driver.isolation_level  # type: ignore[union-attr]
        driver.isolation_level = None  # type: ignore[union-attr]
        try:
            for statement in statements:
                driver.execute(statement)  # type: ignore[union-attr]
                log.info("database: %s done", statement)
        finally:
            driver.isolation_level = previous  # type: ignore[union-attr]
    finally:
        raw.close()


_KINDS: dict[str, Callable[[Runtime, Engine, JobSpec, JobOutcome], list[str]]] = {
    "crawl": _crawl_job, "extract": _extract_job, "report": _report_job, "housekeeping": _housekeeping_job,
}

