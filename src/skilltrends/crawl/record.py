"""What a finished crawl records in crawl_runs: computed from Scrapy's stats (pure), written in one update."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, update

from skilltrends.store.tables import CrawlRun

__all__ = ["RunSummary", "summarize_stats", "crawl_status", "record_run_summary"]

_STATUS_PREFIX = "downloader/response_status_count/"
_DROPPED_PREFIX = "skilltrends/dropped/"


@dataclass(frozen=True, slots=True)
class RunSummary:
    requests: int = 0
    responses_by_status: dict[str, int] = field(default_factory=dict)
    dropped_by_reason: dict[str, int] = field(default_factory=dict)
    errors: int = 0


def summarize_stats(stats: Mapping[str, Any]) -> RunSummary:
    """Requests, responses by HTTP status, dropped items by reason and logged errors from Scrapy's stats."""
    return RunSummary(
        requests=int(stats.get("downloader/request_count", 0) or 0),
        responses_by_status={k.removeprefix(_STATUS_PREFIX): int(v) for k, v in stats.items()
                             if k.startswith(_STATUS_PREFIX)},
        dropped_by_reason={k.removeprefix(_DROPPED_PREFIX): int(v) for k, v in stats.items()
                           if k.startswith(_DROPPED_PREFIX)},
        errors=int(stats.get("log_count/ERROR", 0) or 0),
    )


def crawl_status(
    *, reason: str, targets: list[str], failed: Mapping[str, str], seen: int
) -> tuple[str, str | None]:
    """(status, message) of a finished crawl: ok, partial (some targets failed) or failed.

    Failed when Scrapy did not finish normally, or when every target failed, or nothing was seen and something
    failed. Partial when some targets failed: their postings are kept but not closed, and the message names
    them.
    """
    listing = "; ".join(f"{target}: {why}" for target, why in sorted(failed.items()))
    if reason != "finished":
        return "failed", f"crawl ended with {reason!r}" + (f"; failed targets: {listing}" if failed else "")
    if failed and (seen == 0 or len(failed) >= len(targets)):
        return "failed", f"{len(failed)} of {len(targets)} targets failed, {seen} postings seen: {listing}"
    if failed:
        return "partial", f"{len(failed)} of {len(targets)} targets failed: {listing}"
    return "ok", None


def record_run_summary(
    engine: Engine, run_id: int, summary: RunSummary, *, failed_targets: Mapping[str, str]
) -> None:
    """Write the summary's columns of crawl_runs."""
    with engine.begin() as conn:
        conn.execute(
            update(CrawlRun).where(CrawlRun.id == run_id).values(
                requests=summary.requests, responses_by_status=summary.responses_by_status,
                dropped_by_reason=summary.dropped_by_reason, errors=summary.errors,
                failed_targets=dict(failed_targets),
            )
        )


