"""Operational status: per source the last crawl runs, the scheduled jobs and their next runs, database counts and
data freshness — with a list of problems, so `skilltrends status` can exit non-zero for a monitor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select

from skilltrends.crawl.health import run_numbers
from skilltrends.ops.schedule import Schedule, next_run_times
from skilltrends.sources import TARGET_ARG
from skilltrends.store.tables import CrawlRun, JobRun, PostingRow, PostingSkill

__all__ = ["StatusLimits", "collect_status", "render_status"]


@dataclass(frozen=True, slots=True)
class StatusLimits:
    """What counts as unhealthy."""

    stale_after: timedelta = timedelta(hours=48)  # no posting seen for this long
    running_limit: timedelta = timedelta(hours=12)  # a crawl still 'running' after this is stuck
    overdue_after: timedelta = timedelta(hours=1)  # a job's next run this far in the past: no scheduler runs it


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; the store writes UTC."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _iso(value: datetime | None) -> str | None:
    value = _aware(value)
    return value.isoformat(timespec="seconds") if value is not None else None


def source_label(spider: str, arguments: dict[str, Any] | None) -> str:
    """'greenhouse boards=acme,globex': the spider and its targets (the base URL left out)."""
    args = {k: v for k, v in (arguments or {}).items() if k != "base_url"}
    target = TARGET_ARG.get(spider)
    shown = {target: args[target]} if target in args else args
    text = " ".join(f"{k}={str(v)[:60]}" for k, v in sorted(shown.items()))
    return f"{spider} {text}".strip()


def collect_status(
    engine: Engine, *, schedule: Schedule | None = None, runs: int = 5, limits: StatusLimits = StatusLimits(),
    now: datetime | None = None,
) -> dict[str, Any]:
    """The status as JSON-ready data; `healthy` is false when `problems` lists anything."""
    now = now or datetime.now(UTC)
    problems: list[str] = []
    sources = _sources(engine, runs=runs, now=now, limits=limits, problems=problems)
    jobs = _jobs(engine, schedule, now=now, limits=limits, problems=problems)
    for source in sources:  # the next crawl of each source: the earliest next run of the jobs that crawl it
        upcoming = sorted(j["next_run"] for j in jobs if j["next_run"] and source["spider"] in (j["sources"] or []))
        source["next_run"] = upcoming[0] if upcoming else None
    database, freshness = _database(engine, now=now, limits=limits, problems=problems)
    return {"generated_at": _iso(now), "healthy": not problems, "problems": problems, "sources": sources,
            "jobs": jobs, "database": database, "freshness": freshness}


def _sources(engine: Engine, *, runs: int, now: datetime, limits: StatusLimits, problems: list[str]
             ) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(2000)).all()
    grouped: dict[str, list[Any]] = {}
    for row in rows:
        grouped.setdefault(source_label(row.spider, row.arguments), []).append(row)
    result = []
    for label, group in sorted(grouped.items()):
        last = next((r for r in group if r.status != "aborted"), group[0])  # a crawl stopped with the scheduler
        started = _aware(last.started_at)
        if last.status == "failed":
            problems.append(f"{label}: last crawl (run {last.id}) failed: {last.message}")
        elif last.status == "running" and started is not None and now - started > limits.running_limit:
            problems.append(f"{label}: crawl run {last.id} still running after {now - started}")
        good = next((r for r in group if r.status == "ok"), None)
        result.append({"source": label, "spider": last.spider, "last_ok": _iso(good.finished_at if good else None),
                       "runs": [_run(r) for r in group[:runs]]})
    return result


def _run(row: Any) -> dict[str, Any]:
    numbers = run_numbers(row)
    started, finished = _aware(row.started_at), _aware(row.finished_at)
    return {
        "run_id": row.id, "status": row.status, "started_at": _iso(started), "finished_at": _iso(finished),
        "duration_s": round((finished - started).total_seconds(), 1) if started and finished else None,
        "new": row.items_new, "updated": row.items_updated, "unchanged": row.items_unchanged,
        "dropped": row.items_dropped, "errors": int(numbers["errors"]), "message": row.message,
    }


def _jobs(engine: Engine, schedule: Schedule | None, *, now: datetime, limits: StatusLimits, problems: list[str]
          ) -> list[dict[str, Any]]:
    result = []
    for job in next_run_times(engine, schedule, now=now):
        with engine.connect() as conn:
            last = conn.execute(select(JobRun).where(JobRun.job_id == job["id"]).order_by(JobRun.id.desc())
                                .limit(1)).first()
        nxt = _aware(job["next_run"])
        if job.get("stale"):
            continue
        if job["stored"] and nxt is not None and now - nxt > limits.overdue_after:
            problems.append(f"job {job['id']}: next run {_iso(nxt)} is overdue; is the scheduler running?")
        if last is not None and last.status == "failed":
            problems.append(f"job {job['id']}: last run (job run {last.id}) failed: {last.message}")
        result.append({
            "id": job["id"], "kind": job["kind"], "cron": job["cron"], "next_run": _iso(nxt),
            "scheduled": job["stored"], "sources": job.get("sources"),
            "last_run": None if last is None else {
                "job_run_id": last.id, "status": last.status, "started_at": _iso(last.started_at),
                "finished_at": _iso(last.finished_at), "message": last.message, "crawl_run_ids": last.crawl_run_ids},
        })
    return result


def _database(engine: Engine, *, now: datetime, limits: StatusLimits, problems: list[str]
              ) -> tuple[dict[str, int], dict[str, Any]]:
    with engine.connect() as conn:
        counts = {
            "postings": conn.scalar(select(func.count()).select_from(PostingRow)) or 0,
            "open_postings": conn.scalar(select(func.count()).where(PostingRow.closed_at.is_(None))) or 0,
            "tagged_postings": conn.scalar(select(func.count()).where(PostingRow.extracted_hash.is_not(None))) or 0,
            "untagged_or_changed": conn.scalar(select(func.count()).where(
                (PostingRow.extracted_hash.is_(None)) | (PostingRow.extracted_hash != PostingRow.content_hash))) or 0,
            "skill_mentions": conn.scalar(select(func.count()).select_from(PostingSkill)) or 0,
            "crawl_runs": conn.scalar(select(func.count()).select_from(CrawlRun)) or 0,
            "job_runs": conn.scalar(select(func.count()).select_from(JobRun)) or 0,
        }
        newest_seen = _aware(conn.scalar(select(func.max(PostingRow.last_seen))))
        newest_posted = _aware(conn.scalar(select(func.max(PostingRow.posted_at))))
    age = (now - newest_seen) if newest_seen else None
    stale = age is not None and age > limits.stale_after
    if stale:
        problems.append(f"data is stale: the newest posting was seen {_iso(newest_seen)}, over "
                        f"{limits.stale_after.total_seconds() / 3600:g} h ago")
    freshness = {"newest_seen": _iso(newest_seen), "newest_posted": _iso(newest_posted),
                 "age_hours": round(age.total_seconds() / 3600, 1) if age is not None else None, "stale": stale}
    return counts, freshness


def render_status(status: dict[str, Any]) -> str:
    """The status as text for a terminal."""
    lines = [f"skilltrends status at {status['generated_at']}: "
             f"{'HEALTHY' if status['healthy'] else 'UNHEALTHY'}"]
    lines += [f"  ! {p}" for p in status["problems"]]
    lines += ["", "Sources (last runs, newest first):"]
    for source in status["sources"] or [{"source": "(no crawl runs yet)", "runs": [], "last_ok": None}]:
        lines.append(f"  {source['source']}    last ok: {source['last_ok'] or '-'}    "
                     f"next run: {source.get('next_run') or '-'}")
        for r in source["runs"]:
            duration = f"{r['duration_s']:.0f}s" if r["duration_s"] is not None else "-"
            lines.append(f"    run {r['run_id']:>5} {r['status']:<7} {r['started_at']} {duration:>6}  "
                         f"new {r['new']} upd {r['updated']} same {r['unchanged']} dropped {r['dropped']} "
                         f"errors {r['errors']}" + (f"  — {r['message']}" if r["message"] else ""))
    lines += ["", "Jobs (next run; last run):"]
    for job in status["jobs"] or [{"id": "(no schedule)", "kind": "", "next_run": None, "last_run": None,
                                   "scheduled": False, "cron": ""}]:
        last = job["last_run"]
        last_text = f"job run {last['job_run_id']} {last['status']} {last['started_at']}" if last else "never run"
        scheduled = "" if job["scheduled"] else " (not yet stored: start the scheduler)"
        lines.append(f"  {job['id']:<24} {job['kind']:<12} {job['cron']:<16} next {job['next_run'] or '-'}"
                     f"{scheduled}; {last_text}")
    db, fresh = status["database"], status["freshness"]
    lines += ["", "Database: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in db.items()),
              f"Freshness: newest posting seen {fresh['newest_seen'] or '-'}"
              + (f" ({fresh['age_hours']} h ago)" if fresh["age_hours"] is not None else "")
              + f", newest posted {fresh['newest_posted'] or '-'}"]
    return "\n".join(lines)
