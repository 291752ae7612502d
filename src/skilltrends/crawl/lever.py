"""Lever Postings API payloads -> Postings.

`GET https://api.lever.co/v0/postings/{site}?mode=json` (EU accounts: api.eu.lever.co) returns a bare JSON
array; `skip` and `limit` page through it. Each posting's text is split over `description`, `lists[]` (a
heading `text` and an HTML `content` of <li> items) and `additional`; the description we build keeps each
list's heading as a line followed by its "- item" bullets, because extraction reads headings such as "Nice to
have". Docs: https://github.com/lever/postings-api
"""

from __future__ import annotations

import html
from typing import Any

from skilltrends.crawl.build import build_posting, parse_each
from skilltrends.crawl.normalize import clean_text, parse_datetime, pay_period
from skilltrends.models import Posting

__all__ = ["parse_lever_postings", "parse_lever_posting", "lever_description", "lever_pay", "SOURCE"]

SOURCE = "lever"


def parse_lever_postings(payload: Any, *, site: str, errors: list[str] | None = None) -> list[Posting]:
    """All postings of one page of a site's list (mode=json); see `parse_each` for `errors`."""
    if not isinstance(payload, list):
        raise ValueError(f"Lever payload is not a JSON array but {type(payload).__name__}")
    items = [item for item in payload if isinstance(item, dict) and item.get("id")]
    return parse_each(items, lambda item: parse_lever_posting(item, site=site), errors=errors)


def parse_lever_posting(item: dict[str, Any], *, site: str) -> Posting:
    """One Lever posting object."""
    found = item.get("categories")
    categories: dict[str, Any] = found if isinstance(found, dict) else {}
    location = categories.get("location") or ", ".join(categories.get("allLocations") or []) or None
    return build_posting(
        source=SOURCE,
        external_id=item["id"],
        url=item.get("hostedUrl") or f"https://jobs.lever.co/{site}/{item['id']}",
        title=item.get("text"),
        description_html=lever_description(item),
        raw=item,
        company=site,
        board=site,
        location=location,
        country=item.get("country") or None,
        workplace=_workplace(item.get("workplaceType")) or location,
        posted_at=parse_datetime(item.get("createdAt")),
        employment_type=categories.get("commitment"),
        salary=lever_pay(item.get("salaryRange")),
    )


def _workplace(value: Any) -> str | None:
    return None if not isinstance(value, str) or value.lower() == "unspecified" else value


def lever_description(item: dict[str, Any]) -> str:
    """The posting's text as HTML: description, each list as a heading and its bullets, then `additional`."""
    parts = [_html_or_plain(item, "description")]
    for section in item.get("lists") or []:
        if not isinstance(section, dict):
            continue
        heading = clean_text(str(section.get("text") or "")).replace("\n", " ")
        content = str(section.get("content") or "")
        if "<li" not in content:
            lines = [line for line in clean_text(content).splitlines() if line]
            content = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        title = f"<h3>{html.escape(heading)}</h3>" if heading else ""
        parts.append(f"{title}<ul>{content}</ul>")
    parts.append(_html_or_plain(item, "additional"))
    return "\n".join(part for part in parts if part)


def _html_or_plain(item: dict[str, Any], key: str) -> str:
    markup = item.get(key)
    if isinstance(markup, str) and markup.strip():
        return markup
    plain = item.get(f"{key}Plain")
    if isinstance(plain, str) and plain.strip():
        return "".join(f"<p>{html.escape(line)}</p>" for line in plain.splitlines() if line.strip())
    return ""


def lever_pay(salary: Any) -> tuple[float | None, float | None, str | None, str | None] | None:
    """(min, max, currency, period) from `salaryRange`; an all-zero range and one-time amounts are not pay."""
    if not isinstance(salary, dict):
        return None
    low, high = _number(salary.get("min")), _number(salary.get("max"))
    period = pay_period(str(salary.get("interval") or ""))
    if period is None or not (low or high):
        return None
    return low or None, high or None, salary.get("currency") or None, period


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
