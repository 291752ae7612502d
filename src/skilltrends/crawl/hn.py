"""Hacker News "Ask HN: Who is hiring?" threads -> Postings.

The official API (https://github.com/HackerNews/API): `/v0/user/whoishiring.json` lists the account's
`submitted` story ids, newest first; `/v0/item/{id}.json` gives a story (its `kids` are the top-level
comments) or a comment. Each live top-level comment of a "Who is hiring?" story is one posting, dated by its
thread (the thread's month is the month the posting belongs to). Most posts open with a line like `Company |
Role | Location | REMOTE | $150k`.
"""

from __future__ import annotations

import calendar
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from skilltrends.crawl.build import build_posting
from skilltrends.crawl.normalize import (
    clean_text,
    parse_bare_pay_range,
    parse_datetime,
    parse_pay_text,
    split_location,
)
from skilltrends.models import Posting

__all__ = [
    "HIRING_TITLE",
    "HnHeader",
    "hiring_month",
    "parse_hn_header",
    "parse_hn_comment",
    "parse_months",
    "month_wanted",
    "SOURCE",
]

SOURCE = "hn"
HN_ITEM_URL = "https://news.ycombinator.com/item?id={}"
HIRING_TITLE = re.compile(r"^\s*Ask HN:\s*Who is hiring\?\s*\((?P<month>[A-Za-z]+)\s+(?P<year>\d{4})\)", re.I)
FIRST_MONTH = "2011-04"  # the whoishiring account's first thread
_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
}
_ROLE_WORDS = re.compile(
    r"\b(engineer|engineering|developer|scientist|researcher|architect|designer|manager|lead|head of|director"
    r"|analyst|intern|sre|devops|mle|swe|programmer|founding|cto|vp|staff|principal|specialist"
    r"|consultant)s?\b",
    re.I,
)
_WORKPLACE_WORDS = re.compile(r"\b(remote|onsite|on-site|on site|hybrid|in[- ]office)\b", re.I)
_PAY_HINT = re.compile(r"[$€£]\s*\d|\d\s*[kK]\b|\b(USD|EUR|GBP)\b|\bequity\b|\bsalary\b", re.I)
_NOT_LOCATION = re.compile(r"\b(full[- ]?time|part[- ]?time|contract|visa|equity|intern(ship)?s?)\b", re.I)


def hiring_month(story: dict[str, Any]) -> str | None:
    """'2024-03' for a live "Ask HN: Who is hiring? (March 2024)" story, else None."""
    if not isinstance(story, dict) or story.get("type") != "story":
        return None
    if story.get("deleted") or story.get("dead"):
        return None
    match = HIRING_TITLE.match(str(story.get("title") or ""))
    if not match:
        return None
    number = _MONTH_NUMBERS.get(match.group("month").lower())
    return f"{match.group('year')}-{number:02d}" if number else None


def parse_months(value: str | None, *, today: datetime | None = None) -> list[tuple[str, str]] | None:
    """The inclusive month ranges a `months` argument asks for, earliest first; None means "the latest thread".

    Accepts "latest" (or nothing), "all" (back to 2011), "2024-03", "2023-01..2024-06" (either end may be
    open), and comma-separated lists of those.
    """
    today = today or datetime.now(UTC)
    parts = [p.strip() for p in (value or "").split(",") if p.strip()]
    if not parts or parts == ["latest"]:
        return None
    ranges = []
    for part in parts:
        if part == "all":
            low, high = FIRST_MONTH, f"{today:%Y-%m}"
        elif part == "latest":
            raise ValueError("months=latest cannot be combined with other months")
        else:
            low, _, high = part.partition("..")
            low, high = (low or FIRST_MONTH), (high if ".." in part else low) or f"{today:%Y-%m}"
        for month in (low, high):
            if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
                raise ValueError(
                    f"Bad month {month!r} in months={value!r}. Hint: YYYY-MM, YYYY-MM..YYYY-MM or all")
        ranges.append((low, high))
    return sorted(ranges)


def month_wanted(month: str, ranges: list[tuple[str, str]]) -> bool:
    """Whether `month` ('2024-03') falls in any of `ranges` (from `parse_months`)."""
    return any(low <= month <= high for low, high in ranges)


@dataclass(frozen=True, slots=True)
class HnHeader:
    company: str | None = None
    title: str | None = None
    location: str | None = None
    workplace: str | None = None
    pay: tuple[float | None, float | None, str | None, str | None] | None = None


def parse_hn_header(line: str) -> HnHeader:
    """Fields of the usual first line 'Company | Role | Location | REMOTE | $150k-$200k'.

    The company comes first; the other fields may come in any order and any may be missing.
    """
    fields = [f.strip() for f in re.split(r"\s+\|\s+|\s*\|\s*", line) if f.strip()]
    if len(fields) < 2:
        return _dash_header(line)
    company, rest = fields[0], fields[1:]
    title = location = workplace = pay = None
    bare = None  # "150K-190K + equity": a range without a currency
    for field in rest:
        words = _WORKPLACE_WORDS.findall(field)
        pay_like = bool(_PAY_HINT.search(field))
        if pay is None and pay_like and (found := parse_pay_text(field)):
            pay = found
        elif pay is None and bare is None and pay_like and (figure := parse_bare_pay_range(field)) is not None:
            bare = figure
        elif title is None and _ROLE_WORDS.search(field) and not _WORKPLACE_WORDS.fullmatch(field):
            title = field
        elif words and len(field) <= 60:
            workplace = workplace or words[0].lower()
            rest_of = _WORKPLACE_WORDS.sub("", field).strip(" ()-,;:+/")
            rest_of = re.sub(r"\s+(or|and|/|&)$", "", rest_of, flags=re.I)
            if location is None and len(rest_of) >= 2 and not _NOT_LOCATION.search(rest_of):
                location = rest_of.strip(" ()")
        elif location is None and len(field) <= 60 and not _NOT_LOCATION.search(field) and not pay_like:
            location = field
    if pay is None and bare is not None and location is not None:
        # the currency of the one country the header names ("Remote (US)", "London, UK"); none for "US/Canada"
        currency = _COUNTRY_CURRENCY.get(split_location(location)[2] or "")
        if currency is not None:
            pay = (bare[0], bare[1], currency, bare[3])
    return HnHeader(company=company[:200], title=title, location=location, workplace=workplace, pay=pay)


_COUNTRY_CURRENCY = {
    "US": "USD", "CA": "CAD", "GB": "GBP", "CH": "CHF", "AU": "AUD", "NZ": "NZD", "IN": "INR", "SG": "SGD",
    "JP": "JPY", "SE": "SEK", "DK": "DKK", "NO": "NOK", "PL": "PLN", "IL": "ILS", "BR": "BRL",
    **dict.fromkeys(("DE", "FR", "NL", "IE", "ES", "IT", "AT", "BE", "PT", "FI", "GR", "LU", "EE", "LV", "LT",
                     "SK", "SI", "HR", "CY", "MT"), "EUR"),
}




def _dash_header(line: str) -> HnHeader:
    """The early threads' 'Location - Role' first line (2011-2013), e.g. 'Montreal - PHP/MySQL Developer'."""
    place, dash, role = line.partition(" - ")
    if not dash or len(place) > 40 or _ROLE_WORDS.search(place) or not role.strip():
        return HnHeader()
    workplace = _WORKPLACE_WORDS.search(place)
    return HnHeader(title=role.strip()[:200], location=place.strip(),
                    workplace=workplace.group(1).lower() if workplace else None)


def parse_hn_comment(comment: dict[str, Any], *, story: dict[str, Any]) -> Posting | None:
    """One top-level comment of a hiring thread as a Posting; None for deleted, dead or empty comments."""
    if not isinstance(comment, dict) or comment.get("deleted") or comment.get("dead"):
        return None
    text = comment.get("text")
    if comment.get("type") != "comment" or not isinstance(text, str) or not text.strip():
        return None
    # The API separates paragraphs with a bare <p>; some copies (Algolia's) wrap each in <p>...</p>.
    first = re.split(r"</?p>", text.strip().removeprefix("<p>"), maxsplit=1)[0]
    first_line = clean_text(first).replace("\n", " ").strip()
    header = parse_hn_header(first_line)
    title = header.title or first_line[:200] or f"Hacker News job post {comment.get('id')}"
    month = hiring_month(story)
    return build_posting(
        source=SOURCE,
        external_id=comment.get("id"),
        url=HN_ITEM_URL.format(comment.get("id")),
        title=title,
        description_html=_comment_html(text),
        raw=comment | {"thread": {"id": story.get("id"), "title": story.get("title"), "month": month}},
        company=header.company,
        board=month,
        location=header.location,
        workplace=header.workplace,
        posted_at=parse_datetime(story.get("time")) or parse_datetime(comment.get("time")),
        salary=header.pay,
    )


def _comment_html(text: str) -> str:
    # HN separates paragraphs with a bare <p> and escapes '/' and "'" as entities; clean_text handles both.
    return "<p>" + text.replace("<p>", "</p><p>") + "</p>" if "<p>" in text else html.unescape(text)
