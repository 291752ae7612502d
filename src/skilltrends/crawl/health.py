"""Is a finished crawl run healthy? Judged against its own history, the way Spidermon judges a Scrapy Cloud job.

A changed site rarely makes a crawl crash: it makes it quietly see nothing (an empty board, HTML where JSON was),
log errors, or yield items that fail validation. `assess_crawl_run` turns those into a failed status with a reason.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select, update

from skilltrends.store.tables import CrawlRun

__all__ = ["HealthThresholds", "DEFAULT_THRESHOLDS", "assess_crawl_run", "record_crawl_health", "run_numbers",
           "same_targets"]


@dataclass(frozen=True, slots=True)
class HealthThresholds:
    """When a crawl run counts as failed although it finished."""

    min_seen_ratio: float = 0.2  # postings seen below this share of the median of its last good runs
    history: int = 5  # how many earlier good runs of the same spider and arguments make the median
    max_error_rate: float = 0.25  # logged errors per request
    max_invalid_rate: float = 0.2  # items dropped by validation per item scraped


DEFAULT_THRESHOLDS = HealthThresholds()


def run_numbers(row: Any) -> dict[str, float]:
    """Seen, dropped, errors, requests, error rate and validation-failure rate of one crawl_runs row."""
    stats = row.stats or {}
    seen = row.items_new + row.items_updated + row.items_unchanged
    dropped = row.items_dropped
    errors = int(stats.get("log_count/ERROR", 0) or 0)
    requests = int(stats.get("downloader/request_count", 0) or 0)
    return {
        "seen": seen, "dropped": dropped, "errors": errors, "requests": requests,
        "error_rate": errors / max(requests, 1),
        "invalid_rate": dropped / (seen + dropped) if seen + dropped else 0.0,
    }


def assess_crawl_run(
    engine: Engine, run_id: int, *, thresholds: HealthThresholds = DEFAULT_THRESHOLDS
) -> tuple[str, str | None]:
    """(status, reason) of a finished run: "failed" with the reason, or the status it recorded.

    Checks, in order: the status the crawl recorded, the error rate, the validation-failure rate, and postings
    seen against the median of the last `thresholds.history` good runs with the same spider and arguments.
    """
    with engine.connect() as conn:
        row = conn.execute(select(CrawlRun).where(CrawlRun.id == run_id)).one()
        if row.status != "ok":
            return row.status, row.message
        numbers = run_numbers(row)
        if numbers["error_rate"] > thresholds.max_error_rate:
            return "failed", (f"error rate {numbers['error_rate']:.0%} ({numbers['errors']:.0f} errors in "
                              f"{numbers['requests']:.0f} requests) is above {thresholds.max_error_rate:.0%}")
        if numbers["invalid_rate"] > thresholds.max_invalid_rate:
            return "failed", (f"validation-failure rate {numbers['invalid_rate']:.0%} ({numbers['dropped']:.0f} "
                              f"items dropped) is above {thresholds.max_invalid_rate:.0%}")
        history = [
            run_numbers(r)["seen"]
            for r in conn.execute(
                select(CrawlRun)
                .where(CrawlRun.spider == row.spider, CrawlRun.status == "ok", CrawlRun.id < run_id)
                .order_by(CrawlRun.id.desc())
                .limit(50)
            )
            if same_targets(r.arguments, row.arguments)
        ][: thresholds.history]
    if history:
        median = statistics.median(history)
        if numbers["seen"] < thresholds.min_seen_ratio * median:
            return "failed", (f"saw {numbers['seen']:.0f} postings, under {thresholds.min_seen_ratio:.0%} of the "
                              f"median {median:g} of its last {len(history)} good runs")
    return "ok", None


def same_targets(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Same source: the same arguments but the base URL (a mirror or the sample board moves port every run)."""
    return {k: v for k, v in (a or {}).items() if k != "base_url"} == {
        k: v for k, v in (b or {}).items() if k != "base_url"}


def record_crawl_health(
    engine: Engine, run_id: int, *, thresholds: HealthThresholds = DEFAULT_THRESHOLDS
) -> tuple[str, str | None]:
    """Assess a run and, if it recorded "ok" but is unhealthy, mark it failed with the reason.

    A run still "running" (its child was killed) is left alone: the caller records that failure.
    """
    with engine.connect() as conn:
        status = conn.scalar(select(CrawlRun.status).where(CrawlRun.id == run_id))
    if status != "ok":
        return str(status), None
    verdict, reason = assess_crawl_run(engine, run_id, thresholds=thresholds)
    if verdict == "failed":
        with engine.begin() as conn:
            conn.execute(
                update(CrawlRun).where(CrawlRun.id == run_id, CrawlRun.status == "ok")
                .values(status="failed", message=f"unhealthy: {reason}")
            )
    return verdict, reason
