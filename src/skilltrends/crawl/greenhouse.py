"""Greenhouse Job Board API payloads -> Postings.

`GET https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true` returns {"jobs": [...], "meta": {...}};
`content` is entity-escaped HTML. Pay comes from `pay_input_ranges` (`/jobs/{id}?pay_transparency=true`).
Docs: https://developers.greenhouse.io/job-board.html
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from skilltrends.crawl.build import build_posting, parse_each
from skilltrends.crawl.normalize import parse_datetime
from skilltrends.models import Posting

__all__ = ["parse_greenhouse_jobs", "parse_greenhouse_job", "greenhouse_pay", "needs_pay_lookup", "with_pay",
           "reuse_known_pay"]

SOURCE = "greenhouse"


def parse_greenhouse_jobs(payload: Any, *, board: str, errors: list[str] | None = None) -> list[Posting]:
    """All postings of one board's job list (content=true); see `parse_each` for `errors`."""
    jobs = payload.get("jobs") if isinstance(payload, dict) else None
    if not isinstance(jobs, list):
        raise ValueError("Greenhouse payload has no 'jobs' list")
    listed = [job for job in jobs if isinstance(job, dict) and job.get("id")]
    return parse_each(listed, lambda job: parse_greenhouse_job(job, board=board), errors=errors)


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


def needs_pay_lookup(posting: Posting, *, mode: str = "auto", known: Mapping[str, tuple[str, list[Any]]] | None = None
                     ) -> bool:
    """Whether to fetch `/jobs/{id}?pay_transparency=true` for a listed job.

    "auto": only when the list item carries no `pay_input_ranges`, the job is one reports analyse (its role
    family is not "other"), and the store has no pay fetched for this very version of the job (same
    `updated_at`; see `reuse_known_pay`). "always" and "never" do what they say.
    """
    if mode == "never" or posting.salary_min is not None or posting.salary_max is not None:
        return False
    if mode == "always":
        return True
    if "pay_input_ranges" in posting.raw or posting.role_family == "other":
        return False
    entry = (known or {}).get(posting.external_id)
    return entry is None or entry[0] != posting.raw.get("updated_at")


def reuse_known_pay(posting: Posting, known: Mapping[str, tuple[str, list[Any]]]) -> Posting:
    """The posting with the pay ranges fetched for the same version of it in an earlier crawl, if any."""
    entry = known.get(posting.external_id)
    if entry is None or entry[0] != posting.raw.get("updated_at") or "pay_input_ranges" in posting.raw:
        return posting
    return with_pay(posting, {"pay_input_ranges": entry[1]})


def with_pay(posting: Posting, job: dict[str, Any]) -> Posting:
    """The posting with pay (and the pay ranges in its raw payload) from a single-job response."""
    pay = greenhouse_pay(job)
    posting.raw = posting.raw | {"pay_input_ranges": job.get("pay_input_ranges") or []}
    if pay is not None:
        low, high, currency, period = pay
        posting.salary_min, posting.salary_max, posting.salary_period = low, high, period
        posting.salary_currency = currency.upper() if currency else None
    return posting
