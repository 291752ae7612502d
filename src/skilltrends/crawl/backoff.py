"""How long to wait before retrying a request the server refused (429) or failed (5xx, timeouts)."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

__all__ = ["retry_after_seconds", "retry_delay"]


def retry_after_seconds(value: str | bytes | None, *, now: datetime | None = None) -> float | None:
    """Seconds a `Retry-After` header asks for: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).

    None when the header is absent or unreadable.
    """
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if not text:
        return None
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def retry_delay(
    attempt: int,
    *,
    retry_after: float | None = None,
    base: float = 1.0,
    cap: float = 60.0,
    jitter: float = 0.1,
) -> float:
    """The wait before retry number `attempt` (1, 2, ...): Retry-After if given, else exponential backoff.

    Both are capped at `cap` seconds so one misbehaving server cannot stall a crawl for hours; a little jitter
    keeps parallel crawlers from retrying in lockstep.
    """
    if retry_after is not None:
        return min(retry_after, cap)
    delay: float = base * 2.0 ** max(0, attempt - 1)
    return min(cap, delay * (1 + random.uniform(0, jitter)))
