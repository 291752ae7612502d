"""Ashby posting API payloads -> Postings.

`GET https://api.ashbyhq.com/posting-api/job-board/{name}?includeCompensation=true` returns {"apiVersion":
..., "jobs": [...]}. `workplaceType` (Remote | Hybrid | OnSite) is trusted over the older `isRemote`; pay
comes from `compensation.summaryComponents` (the "Salary" entry), else from the salary summary text. Docs:
https://developers.ashbyhq.com/docs/public-job-posting-api
"""

from __future__ import annotations

from typing import Any

from skilltrends.crawl.build import build_posting, parse_each
from skilltrends.crawl.normalize import parse_datetime, parse_pay_text, pay_period, split_location
from skilltrends.models import Posting

__all__ = ["parse_ashby_jobs", "parse_ashby_job", "ashby_pay", "SOURCE"]

SOURCE = "ashby"


def parse_ashby_jobs(payload: Any, *, board: str, errors: list[str] | None = None) -> list[Posting]:
    """Every listed job of one job board; see `parse_each` for `errors`."""
    jobs = payload.get("jobs") if isinstance(payload, dict) else None
    if not isinstance(jobs, list):
        raise ValueError("Ashby payload has no 'jobs' list")
    listed = [job for job in jobs if isinstance(job, dict) and job.get("id") and job.get("isListed") is not False]
    return parse_each(listed, lambda job: parse_ashby_job(job, board=board), errors=errors)


def parse_ashby_job(job: dict[str, Any], *, board: str) -> Posting:
    """One Ashby job object."""
    address = (job.get("address") or {}).get("postalAddress") or {}
    workplace = job.get("workplaceType") or ("Remote" if job.get("isRemote") is True else None)
    return build_posting(
        source=SOURCE,
        external_id=job["id"],
        url=job.get("jobUrl") or f"https://jobs.ashbyhq.com/{board}/{job['id']}",
        title=job.get("title"),
        description_html=job.get("descriptionHtml") or job.get("descriptionPlain"),
        raw=job,
        company=job.get("organizationName") or board,
        board=board,
        location=job.get("location"),
        city=_text(address.get("addressLocality")),
        region=_text(address.get("addressRegion")),
        country=_country(address.get("addressCountry")),
        workplace=workplace,
        posted_at=parse_datetime(job.get("publishedAt")),
        employment_type=job.get("employmentType"),
        salary=ashby_pay(job.get("compensation")),
    )


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _country(value: Any) -> str | None:
    text = _text(value)
    if text and len(text) == 2 and text.isalpha():
        return text.upper()
    return split_location(text)[2] if text else None


def ashby_pay(compensation: Any) -> tuple[float | None, float | None, str | None, str | None] | None:
    """(min, max, currency, period): the structured "Salary" component first, else the summary text."""
    if not isinstance(compensation, dict):
        return None
    for component in compensation.get("summaryComponents") or []:
        if not isinstance(component, dict) or component.get("compensationType") not in ("Salary", None):
            continue
        low, high = _number(component.get("minValue")), _number(component.get("maxValue"))
        period = pay_period(str(component.get("interval") or "")) or "year"
        if low or high:
            return low, high, component.get("currencyCode") or None, period
    summary = compensation.get("scrapeableCompensationSalarySummary")
    summary = summary or compensation.get("compensationTierSummary")
    return parse_pay_text(summary) if isinstance(summary, str) else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
