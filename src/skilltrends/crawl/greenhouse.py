"""Greenhouse Job Board API payloads -> Postings.

`GET https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true` returns {"jobs": [...], "meta": {...}};
`content` is entity-escaped HTML. Pay comes from `pay_input_ranges` (`/jobs/{id}?pay_transparency=true`).
Docs: https://developers.greenhouse.io/job-board.html
"""

from __future__ import annotations

from typing import Any

from skilltrends.crawl.build import build_posting
from skilltrends.crawl.normalize import parse_datetime
from skilltrends.models import Posting

__all__ = ["parse_greenhouse_jobs", "parse_greenhouse_job", "greenhouse_pay", "needs_pay_lookup", "with_pay"]

SOURCE = "greenhouse"


def parse_greenhouse_jobs(payload: Any, *, board: str) -> list[Posting]:
    """All postings of one board's job list (content=true)."""
    jobs = payload.get("jobs") if isinstance(payload, dict) else None
    if not isinstance(jobs, list):
        raise ValueError("Greenhouse payload has no 'jobs' list")
    return [parse_greenhouse_job(job, board=board) for job in jobs if isinstance(job, dict) and job.get("id")]


def parse_greenhouse_job(job: dict[str, Any], *, board: str) -> Posting:
    """One Greenhouse job object (list item or single-job response)."""
    location = (job.get("location") or {}).get("name")
    offices = job.get("offices") or []
    office_location = next((o.get("location") for o in offices if isinstance(o, dict) and o.get("location")), None)
    return build_posting(
        source=SOURCE,
        external_id=job.get("id"),
        url=job.get("absolute_url") or "",
        title=job.get("title"),
        description_html=job.get("content"),
        raw=job,
        company=job.get("company_name") or board,
        board=board,
        location=office_location if office_location and _is_vague(location) else location,
        workplace=location,
        posted_at=parse_datetime(job.get("first_published") or job.get("updated_at")),
        valid_through=parse_datetime(job.get("application_deadline")),
        salary=greenhouse_pay(job),
    )


def _is_vague(location: str | None) -> bool:
    return not location or location.strip().lower() in ("remote", "hybrid", "multiple locations", "anywhere")


def greenhouse_pay(job: dict[str, Any]) -> tuple[float | None, float | None, str | None, str | None] | None:
    """(min, max, currency, period) from `pay_input_ranges`; amounts are in cents, period is yearly."""
    ranges = job.get("pay_input_ranges") or []
    for pay in ranges:
        if not isinstance(pay, dict):
            continue
        low, high = pay.get("min_cents"), pay.get("max_cents")
        if low is None and high is None:
            continue
        period = "hour" if "hour" in str(pay.get("title", "")).lower() else "year"
        return (
            low / 100 if isinstance(low, int | float) else None,
            high / 100 if isinstance(high, int | float) else None,
            pay.get("currency_type"),
            period,
        )
    return None


def needs_pay_lookup(posting: Posting, *, mode: str = "auto") -> bool:
    """Whether to fetch `/jobs/{id}?pay_transparency=true` for a listed job.

    "auto": only when the list item carries no `pay_input_ranges` and the job is one reports analyse (its role
    family is not "other"), which keeps the extra requests to the postings whose pay matters.
    """
    if mode == "never" or posting.salary_min is not None or posting.salary_max is not None:
        return False
    return mode == "always" or ("pay_input_ranges" not in posting.raw and posting.role_family != "other")


def with_pay(posting: Posting, job: dict[str, Any]) -> Posting:
    """The posting with pay (and the pay ranges in its raw payload) from a single-job response."""
    pay = greenhouse_pay(job)
    posting.raw = posting.raw | {"pay_input_ranges": job.get("pay_input_ranges") or []}
    if pay is not None:
        low, high, currency, period = pay
        posting.salary_min, posting.salary_max, posting.salary_period = low, high, period
        posting.salary_currency = currency.upper() if currency else None
    return posting
