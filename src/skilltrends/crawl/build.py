"""Assemble a normalised Posting from the fields a source parser found."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, TypeVar

from skilltrends.crawl.normalize import (
    clean_text,
    country_code,
    normalize_workplace,
    role_family_from_title,
    seniority_from_title,
    split_location,
)
from skilltrends.models import Posting

__all__ = ["build_posting", "parse_each"]

T = TypeVar("T")


def build_posting(
    *,
    source: str,
    external_id: object,
    url: str,
    title: str | None,
    description_html: str | None,
    raw: dict[str, Any],
    company: str | None = None,
    board: str | None = None,
    location: str | None = None,
    city: str | None = None,
    region: str | None = None,
    country: str | None = None,
    workplace: str | None = None,
    posted_at: datetime | None = None,
    valid_through: datetime | None = None,
    employment_type: str | None = None,
    salary: tuple[float | None, float | None, str | None, str | None] | None = None,
) -> Posting:
    """A Posting with derived fields filled: clean description, seniority, role family, location parts.

    Structured fields the source gave win over anything derived from free text.
    """
    clean_title = clean_text(title or "").replace("\n", " ")
    loc_city, loc_region, loc_country, loc_workplace = split_location(location)
    if city or region:  # a structured address beats guesses from the location text
        loc_city = loc_region = loc_country = None
    low, high, currency, period = salary or (None, None, None, None)
    return Posting(
        source=source,
        external_id=str(external_id),
        url=url,
        title=clean_title,
        description=clean_text(description_html),
        company=company.strip() if company else None,
        board=board,
        location=location.strip() if location else None,
        city=city or loc_city,
        region=region or loc_region,
        country=country_code(country) or loc_country or None,
        workplace=normalize_workplace(workplace) or loc_workplace,
        posted_at=posted_at,
        valid_through=valid_through,
        employment_type=employment_type,
        seniority=seniority_from_title(clean_title),
        role_family=role_family_from_title(clean_title),
        salary_min=low,
        salary_max=high,
        salary_currency=currency.upper() if currency else None,
        salary_period=period,
        raw=raw,
    )


def parse_each(items: Iterable[T], parse: Callable[[T], Posting], *, errors: list[str] | None = None
               ) -> list[Posting]:
    """`parse` applied to every item; with `errors` given, an item that breaks it is skipped and described there.

    One malformed job must not cost the rest of its board: spiders pass `errors` and count what was skipped.
    Without `errors` the exception propagates (tests want to see it).
    """
    postings = []
    for item in items:
        try:
            postings.append(parse(item))
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            if errors is None:
                raise
            ident = item.get("id") if isinstance(item, dict) else None
            errors.append(f"{type(exc).__name__} in item {ident!r}: {exc}")
    return postings
