from __future__ import annotations

import pytest

from skilltrends.crawl.record import RunSummary, crawl_status, summarize_stats


def test_summarize_stats_reads_requests_statuses_drops_errors() -> None:
    stats = {
        "downloader/request_count": 7, "downloader/response_status_count/200": 4,
        "downloader/response_status_count/429": 2, "skilltrends/dropped/invalid:title": 3, "skilltrends/dropped": 3,
        "log_count/ERROR": 1,
    }
    assert summarize_stats(stats) == RunSummary(
        requests=7, responses_by_status={"200": 4, "429": 2}, dropped_by_reason={"invalid:title": 3}, errors=1)


@pytest.mark.parametrize(
    ("reason", "failed", "seen", "status"),
    [
        ("finished", {}, 10, "ok"),
        ("finished", {}, 0, "ok"),
        ("finished", {"b": "HTTP 404"}, 10, "partial"),
        ("finished", {"a": "HTTP 500", "b": "HTTP 404"}, 10, "failed"),
        ("finished", {"b": "timeout"}, 0, "failed"),
        ("shutdown", {}, 10, "failed"),
    ],
)
def test_crawl_status(reason: str, failed: dict[str, str], seen: int, status: str) -> None:
    result, message = crawl_status(reason=reason, targets=["a", "b"], failed=failed, seen=seen)
    assert result == status
    assert (message is None) == (status == "ok")
    assert all(target in (message or "") for target in failed)
