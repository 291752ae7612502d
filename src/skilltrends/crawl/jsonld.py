"""schema.org JobPosting JSON-LD (the Google for Jobs format) -> Postings.

Real pages get JSON-LD wrong in a few recurring ways: raw control characters inside strings, HTML entities,
trailing commas, `@graph` wrappers, arrays of postings, `@type` given as a list. `load_jsonld` tolerates those.
Spec: https://schema.org/JobPosting ; https://developers.google.com/search/docs/appearance/structured-data/job-posting
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html

from skilltrends.crawl.build import build_posting
from skilltrends.crawl.normalize import normalize_workplace, parse_datetime
from skilltrends.models import Posting

__all__ = ["parse_jobposting_page", "jobposting_objects", "load_jsonld", "jsonld_salary", "SOURCE"]

SOURCE = "jobposting"
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_UNIT_PERIOD = {"YEAR": "year", "MONTH": "month", "WEEK": "week", "DAY": "day", "HOUR": "hour"}


def parse_jobposting_page(page: str | bytes, *, url: str) -> list[Posting]:
    """Every JobPosting in a page's JSON-LD blocks."""
    return [_to_posting(obj, url=url) for obj in jobposting_objects(page)]


def jobposting_objects(page: str | bytes) -> Iterator[dict[str, Any]]:
    """The JobPosting objects of a page, wherever they sit (top level, arrays, @graph)."""
    if not page or not page.strip():
        return
    tree = lxml.html.fromstring(page)
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        data = load_jsonld(script.text_content())
        if data is not None:
            yield from _find_postings(data)


def load_jsonld(text: str) -> Any:
    """Parse one JSON-LD block, repairing the usual mistakes; None if it cannot be read."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(candidate, strict=False)
        except ValueError:
            continue
    return None


def _find_postings(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _find_postings(item)
    elif isinstance(data, dict):
        kinds = data.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "JobPosting" in kinds:
            yield data
        if "@graph" in data:
            yield from _find_postings(data["@graph"])


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("value") or value.get("@value")
    if isinstance(value, list):
        value = ", ".join(str(_text(v)) for v in value if _text(v))
    if value is None:
        return None
    return html.unescape(str(value)).strip() or None


def _to_posting(obj: dict[str, Any], *, url: str) -> Posting:
    identifier = obj.get("identifier")
    if isinstance(identifier, dict):  # a PropertyValue: its value is the id, its name the issuer
        identifier = identifier.get("value") or identifier.get("@id")
    ident = _text(identifier) if identifier else None
    city, region, country = _address(obj.get("jobLocation"))
    location = ", ".join(p for p in (city, region, country) if p) or None
    workplace = "remote" if str(obj.get("jobLocationType", "")).upper() == "TELECOMMUTE" else None
    return build_posting(
        source=SOURCE,
        external_id=ident or obj.get("url") or url,
        url=obj["url"] if isinstance(obj.get("url"), str) else url,
        title=_text(obj.get("title")),
        description_html=html.unescape(str(obj.get("description") or "")),
        raw=obj,
        company=_text(obj.get("hiringOrganization")),
        location=location,
        city=city,
        region=region,
        country=country,
        workplace=normalize_workplace(workplace),
        posted_at=parse_datetime(obj.get("datePosted")),
        valid_through=parse_datetime(obj.get("validThrough")),
        employment_type=_text(obj.get("employmentType")),
        salary=jsonld_salary(obj.get("baseSalary")),
    )


def _address(job_location: Any) -> tuple[str | None, str | None, str | None]:
    if isinstance(job_location, list):
        job_location = job_location[0] if job_location else None
    if not isinstance(job_location, dict):
        return None, None, None
    address = job_location.get("address") or {}
    if not isinstance(address, dict):
        return _text(address), None, None
    country = _text(address.get("addressCountry"))
    return _text(address.get("addressLocality")), _text(address.get("addressRegion")), country


def jsonld_salary(base: Any) -> tuple[float | None, float | None, str | None, str | None] | None:
    """(min, max, currency, period) from a MonetaryAmount with a QuantitativeValue or a bare number."""
    if not isinstance(base, dict):
        return None
    value = base.get("value")
    unit = base.get("unitText")
    if isinstance(value, dict):
        unit = value.get("unitText") or unit
        low, high = _number(value.get("minValue")), _number(value.get("maxValue"))
        if low is None and high is None:
            low = high = _number(value.get("value"))
    else:
        low = high = _number(value)
    if low is None and high is None:
        return None
    period = _UNIT_PERIOD.get(str(unit or "YEAR").upper(), "year")
    currency = base.get("currency")
    return low, high, str(currency).upper() if currency else None, period


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            return None
    return None
