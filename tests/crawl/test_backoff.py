from __future__ import annotations

from datetime import UTC, datetime

import pytest

from skilltrends.crawl.backoff import retry_after_seconds, retry_delay

NOW = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("120", 120.0), (b"3", 3.0), ("Sat, 21 Nov 2026 08:00:30 GMT", 30.0), ("Sat, 21 Nov 2026 07:00:00 GMT", 0.0),
     ("soon", None), ("", None), (None, None), ("-5", 0.0)],
)
def test_retry_after_seconds(value: str | bytes | None, expected: float | None) -> None:
    assert retry_after_seconds(value, now=NOW) == expected


@pytest.mark.parametrize(
    ("attempt", "retry_after", "low", "high"),
    [(1, None, 1.0, 1.1), (3, None, 4.0, 4.4), (10, None, 60.0, 60.0), (1, 7.0, 7.0, 7.0), (1, 3600.0, 60.0, 60.0)],
)
def test_retry_delay_backs_off_and_caps(attempt: int, retry_after: float | None, low: float, high: float) -> None:
    assert low <= retry_delay(attempt, retry_after=retry_after, base=1.0, cap=60.0) <= high
